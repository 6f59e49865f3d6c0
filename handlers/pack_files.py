"""The reports' attachments in the session pack: fetched from the messenger within the limits,
read in a worker (a hostile file is only listed), and «بسته کامل», the pack with every file in
a .zip."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, InputFile, Update

from handlers.common import Context
from messenger import downloads
from messenger.keyboards import keyboard
from mina_bot.catalog import text
from mina_bot.export.dto import Attached, NotAttached, Pack
from mina_bot.reports import pack_files
from mina_bot.workers import WorkTimedOut, WorkTooLarge

MB = pack_files.MB


async def attach(context: Context, pack: Pack, *, bundle: bool = False) -> Pack:
    """The pack with its attachments fetched and read: for the PDF the PDFs and images, for the
    full bundle every file (refused at once when the files alone exceed its limit)."""
    settings = context.runtime.settings
    if bundle:
        pack_files.check_bundle(pack, limit_mb=settings.pack_bundle_max_mb)
    wanted = pack_files.wanted(pack, bundle=bundle)
    fetched, refused = await downloads.fetch(
        context.bot, [(a.file_id, a.size) for a in wanted],
        per_file=settings.max_upload_mb * MB, total=settings.pack_attachments_max_mb * MB)
    for attachment in wanted:
        if attachment.file_id in fetched and pack_files.to_read(attachment, bundle=bundle):
            reason = await _read(context, attachment, fetched[attachment.file_id])
            if reason is not None:
                refused[attachment.file_id] = reason
    return pack_files.settle(pack, fetched=fetched, refused=refused, bundle=bundle,
                             file_mb=settings.max_upload_mb,
                             total_mb=settings.pack_attachments_max_mb)


async def _read(context: Context, attachment: Attached, data: bytes) -> NotAttached | None:
    """Each file in a worker of its own: one that hangs or swells is stopped alone."""
    try:
        return await context.workers.run("mina_bot.export.attached:vet", attachment.kind, data)
    except WorkTimedOut:
        return NotAttached.TIMED_OUT
    except WorkTooLarge:
        return NotAttached.TOO_HEAVY


def offer(pack: Pack, number: int, lang: str) -> InlineKeyboardMarkup | None:
    """The «بسته کامل» button for a pack with files."""
    return keyboard(pack_files.offer(pack, number=number, lang=lang))


async def send_bundle(update: Update, context: Context, pack: Pack) -> None:
    """The zip, built in a worker; one past pack_bundle_max_mb is refused in words."""
    lang, limit = context.actor.language, context.runtime.settings.pack_bundle_max_mb
    data = await context.workers.run("mina_bot.export.bundle:render_bundle", pack,
                                     limit_mb=limit)
    await update.effective_chat.send_document(
        InputFile(data, filename=f"{pack.file_stem}.zip"),
        caption=text("export.bundle.caption", lang, title=pack.title))
