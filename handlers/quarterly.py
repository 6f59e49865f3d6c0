"""/export quarter [year q]: the quarterly report of resolution 1, its cover letter edited in
chat, asked for and given the secretariat head's approval, then sent to its addressees.

    /export quarter -> documents + letter [edit] [ask]
    [edit] -> EDIT: the new letter -> letter again
    [ask] -> the head gets the PDF and [approve] [return]
"""

from __future__ import annotations

import html

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from handlers.common import (
    Context,
    button_router,
    chat_conversation,
    edit_or_reply,
    flow,
    guarded,
    leave_flows,
    reply,
    reply_key,
    text_answer,
)
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import Safe, label, text
from mina_bot.errors import MinaError
from mina_bot.jalali import jalali_quarter
from mina_bot.permissions import Action
from mina_bot.persian import to_latin_digits
from mina_bot.quarterly import approval
from mina_bot.quarterly.approval import FEATURE
from mina_bot.quarterly.files import QuarterFiles

EDIT = 0
FLOW = "quarterly"


def parse_quarter(words: list[str], today) -> tuple[int, int]:
    """«۱۴۰۳ ۲» (year, quarter), or this quarter without words."""
    if not words:
        return jalali_quarter(today)
    numbers = [to_latin_digits(w) for w in words]
    if len(numbers) != 2 or not all(n.isdigit() and len(n) <= 4 for n in numbers):
        raise MinaError("quarterly.bad_quarter")
    year, quarter = int(numbers[0]), int(numbers[1])
    if not (1300 <= year <= 1500 and 1 <= quarter <= 4):
        raise MinaError("quarterly.bad_quarter")
    return year, quarter


async def _files(context: Context, report: approval.QuarterlyReport | None, year: int,
                 quarter: int, *, xlsx: bool) -> tuple[approval.QuarterlyReport, QuarterFiles]:
    """The report (started the first time) and its documents, read and rendered in one worker
    process: the quarter's queries never hold the bot, nor does its document travel through it."""
    runtime = context.runtime
    files = await context.workers.run(
        "mina_bot.quarterly.rendering:made", runtime.settings, year=year, quarter=quarter,
        now=runtime.clock.now(), lang=context.actor.language,
        letter=report.letter if report else None, xlsx=xlsx)
    if report is None:
        with runtime.session() as session:
            report = approval.open_report(session, year=year, quarter=quarter, draft=files.draft)
    return report, files


async def show(update: Update, context: Context, words: list[str]) -> None:
    """The report's documents (XLSX and PDF), then its letter and where it stands."""
    runtime = context.runtime
    year, quarter = parse_quarter(words, runtime.clock.now().astimezone(runtime.tz).date())
    report, files = await _files(context, None, year, quarter, xlsx=True)
    chat, lang = update.effective_chat, context.actor.language
    for fmt, data in (("XLSX", files.xlsx), ("PDF", files.pdf)):
        await chat.send_document(InputFile(data, filename=f"{files.stem}.{fmt.lower()}"),
                                 caption=text("export.caption", lang, title=files.title,
                                              format=fmt))
    await _letter(update, context, report)


async def _letter(update: Update, context: Context, report: approval.QuarterlyReport) -> None:
    lang = context.actor.language
    buttons = []
    if report.status != approval.SENT:
        buttons.append(InlineKeyboardButton(label("quarterly.button.edit", lang),
                                            callback_data=encode(FEATURE, "edit", report.id)))
    if report.status == approval.DRAFT:
        buttons.append(InlineKeyboardButton(label("quarterly.button.ask", lang),
                                            callback_data=encode(FEATURE, "ask", report.id,
                                                                 report.version)))
    await reply(update, text("quarterly.letter", lang, quarter=report.quarter, year=report.year,
                             status=Safe(text(f"quarterly.status.{report.status}", lang)),
                             letter=Safe(html.escape(report.letter))),
                reply_markup=InlineKeyboardMarkup([buttons]) if buttons else None)


async def _edit(update: Update, context: Context, data: ButtonData) -> int:
    """Ask for the new letter; the flow remembers which report (a restart keeps it)."""
    report_id = data.int_arg(0)
    with context.runtime.session() as session:
        approval.editable(session, report_id=report_id)
        flow(update, FLOW).save(session, {"report_id": report_id})
    await reply_key(update, context, "quarterly.edit.prompt", limit=approval.LETTER_LIMIT)
    return EDIT


@guarded(Action.EXPORT)
async def edited(update: Update, context: Context) -> int:
    """The new letter: stored, shown again with its buttons; a bad one keeps the step."""
    with context.runtime.session() as session:
        state = flow(update, FLOW).load(session) or {}
    if "report_id" not in state:
        return ConversationHandler.END
    with context.runtime.session() as session:
        report = approval.edit_letter(session, report_id=state["report_id"],
                                      body=update.effective_message.text or "")
        flow(update, FLOW).drop(session)
    await _letter(update, context, report)
    return ConversationHandler.END


async def _ask(update: Update, context: Context, data: ButtonData) -> None:
    """Render the final document, send it here (Telegram keeps it), ask the heads."""
    runtime = context.runtime
    report_id, version = data.int_arg(0), data.int_arg(1)
    with runtime.session() as session:
        report = approval.askable(session, report_id=report_id, version=version,
                                  settings=runtime.settings)
    report, files = await _files(context, report, report.year, report.quarter, xlsx=False)
    sent = await update.effective_chat.send_document(
        InputFile(files.pdf, filename=f"{files.stem}.pdf"),
        caption=text("quarterly.ask.caption", context.actor.language, version=version))
    with runtime.session() as session:
        names = approval.ask(session, report_id=report_id, version=version,
                             file_id=sent.document.file_id, actor=context.actor,
                             now=runtime.clock.now(), settings=runtime.settings)
    await reply_key(update, context, "quarterly.ask.sent", names="، ".join(names))


async def _approve(update: Update, context: Context, data: ButtonData) -> None:
    """The head approves: the report goes to its addressees."""
    runtime = context.runtime
    with runtime.session() as session:
        count = approval.approve(session, report_id=data.int_arg(0), version=data.int_arg(1),
                                 actor=context.actor, now=runtime.clock.now(),
                                 settings=runtime.settings)
    await edit_or_reply(update, text("quarterly.approval.done", context.actor.language,
                                     count=count))


async def _reject(update: Update, context: Context, data: ButtonData) -> None:
    """The head returns it to the secretariat."""
    runtime = context.runtime
    with runtime.session() as session:
        approval.reject(session, report_id=data.int_arg(0), version=data.int_arg(1),
                        actor=context.actor, now=runtime.clock.now())
    await edit_or_reply(update, text("quarterly.approval.returned", context.actor.language))


def build_handlers() -> list[BaseHandler]:
    """The letter's edit conversation and the report's buttons."""
    buttons = button_router(FEATURE, {"ask": (Action.EXPORT, _ask),
                                      "ok": (Action.APPROVE_QUARTERLY, _approve),
                                      "no": (Action.APPROVE_QUARTERLY, _reject)})
    conversation = chat_conversation(
        name=FLOW,
        entry_points=[button_router(FEATURE, {"edit": (Action.EXPORT, _edit)})],
        states={EDIT: [text_answer(edited)]},
        fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
    )
    return [conversation, buttons]
