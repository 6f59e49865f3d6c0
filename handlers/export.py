"""/export [full] [session | quarter [year q]]: the session pack as XLSX and PDF documents
(«full»: with every attachment in a .zip); the quarter is the quarterly report
(handlers.quarterly)."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers import pack_files, quarterly
from handlers.common import Context, button_router, guarded
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import text
from mina_bot.permissions import Action
from mina_bot.reports import reading
from mina_bot.reports.pack_files import FEATURE

QUARTER_WORDS = frozenset({"quarter", "فصل", "فصلی"})
FULL_WORDS = frozenset({"full", "zip", "کامل"})


@guarded(Action.EXPORT)
async def export(update: Update, context: Context) -> None:
    """Build the pack for the named session (default: the coming one) or this quarter."""
    runtime, actor = context.runtime, context.actor
    args = list(context.args or [])
    if args and args[0].lower() in QUARTER_WORDS:
        await quarterly.show(update, context, args[1:])
        return
    full = bool(args) and args[0].lower() in FULL_WORDS
    words = " ".join(args[1:] if full else args).strip()
    now = runtime.clock.now()
    with runtime.session() as session:
        council = reading.session_named(session, words=words, now=now,
                                        settings=runtime.settings)
    # Read and rendered in worker processes: its queries, openpyxl and fpdf never hold the
    # bot, and a large pack keeps nobody else waiting.
    workers, chat = context.workers, update.effective_chat
    dto = await workers.run("mina_bot.reports.pack:gathered", runtime.settings,
                            council_id=council.id, now=now, lang=actor.language)
    dto = await pack_files.attach(context, dto, bundle=full)
    if full:
        await pack_files.send_bundle(update, context, dto)
        return
    for fmt, renderer in (("XLSX", "mina_bot.export.xlsx:render_xlsx"),
                          ("PDF", "mina_bot.export.attached:render_book")):
        data = await workers.run(renderer, dto)
        caption = text("export.caption", actor.language, title=dto.title, format=fmt)
        await chat.send_document(InputFile(data, filename=f"{dto.file_stem}.{fmt.lower()}"),
                                 caption=caption, reply_markup=pack_files.offer(
                                     dto, council.number, actor.language) if fmt == "PDF" else None)


async def _full(update: Update, context: Context, data: ButtonData) -> None:
    """«بسته کامل» under a pack: /export full with that session's number."""
    context.args = ["full", str(data.int_arg(0))]
    await export(update, context)


def build_handlers() -> list[BaseHandler]:
    """/export and «بسته کامل»."""
    return [CommandHandler("export", export),
            button_router(FEATURE, {"full": (Action.EXPORT, _full)})]
