"""/export [session | quarter [year q]]: the session pack as XLSX and PDF documents; the
quarter is the quarterly report (handlers.quarterly)."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CommandHandler

from handlers import quarterly
from handlers.common import Context, guarded
from mina_bot.catalog import text
from mina_bot.permissions import Action
from mina_bot.reports import pack, reading

QUARTER_WORDS = frozenset({"quarter", "فصل", "فصلی"})


@guarded(Action.EXPORT)
async def export(update: Update, context: Context) -> None:
    """Build the pack for the named session (default: the coming one) or this quarter."""
    runtime, actor = context.runtime, context.actor
    args = list(context.args or [])
    if args and args[0].lower() in QUARTER_WORDS:
        await quarterly.show(update, context, args[1:])
        return
    words = " ".join(args).strip()
    now = runtime.clock.now()
    with runtime.session() as session:
        council = reading.session_named(session, words=words, now=now,
                                        settings=runtime.settings)
    # Read and rendered in a worker process: its queries, openpyxl and fpdf never hold the
    # bot, and a large pack keeps nobody else waiting.
    workers, chat = context.workers, update.effective_chat
    dto = await workers.run("mina_bot.reports.pack:gathered", runtime.settings,
                            council_id=council.id, now=now, lang=actor.language)
    dto = pack.with_photos(dto, await _fetch(context, pack.photos_wanted(dto)))
    for fmt, renderer in (("XLSX", "mina_bot.export.xlsx:render_xlsx"),
                          ("PDF", "mina_bot.export.pdf:render_pdf")):
        data = await workers.run(renderer, dto)
        caption = text("export.caption", actor.language, title=dto.title, format=fmt)
        await chat.send_document(InputFile(data, filename=f"{dto.file_stem}.{fmt.lower()}"),
                                 caption=caption)


async def _fetch(context: Context, file_ids: list[str]) -> dict[str, bytes]:
    """The images the reports sent, for the PDF; one that cannot be fetched stays listed."""
    fetched = {}
    for file_id in file_ids:
        try:
            found = await context.bot.get_file(file_id)
            fetched[file_id] = bytes(await found.download_as_bytearray())
        except TelegramError:
            continue
    return fetched


def build_handlers() -> list[BaseHandler]:
    """/export."""
    return [CommandHandler("export", export)]
