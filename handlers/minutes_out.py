"""/minutes N: the secretariat gets session N's minutes drafted, as Word and PDF."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.common import Context, guarded, reply_key
from mina_bot.minutes_out.draft import draft_minutes
from mina_bot.permissions import Action
from mina_bot.persian import to_latin_digits
from mina_bot.sessions.board import numbered


@guarded(Action.MANAGE_AGENDA)
async def send_minutes(update: Update, context: Context) -> None:
    """/minutes N: the draft, rendered in a worker process, sent as two files."""
    runtime = context.runtime
    digits = to_latin_digits(" ".join(context.args or ())).strip()
    if not digits.isdigit():
        await reply_key(update, context, "minutes_out.usage")
        return
    with runtime.session() as session:
        council = numbered(session, number=int(digits))
        draft = draft_minutes(session, council=council, settings=runtime.settings)
    word, pdf = await context.workers.run("mina_bot.minutes_out.render:render_both", draft)
    stem = f"minutes-{draft.number}"
    chat = update.effective_chat
    await chat.send_document(InputFile(word, filename=f"{stem}.docx"))
    await chat.send_document(InputFile(pdf, filename=f"{stem}.pdf"))
    await reply_key(update, context, "minutes_out.sent", number=draft.number)


def build_handlers() -> list[BaseHandler]:
    """/minutes."""
    return [CommandHandler("minutes", send_minutes)]
