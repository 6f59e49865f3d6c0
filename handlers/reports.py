"""/report: the guided weekly-report conversation (persistent, resumable).

    /report ─► PICKING (several units) ─► FILLING ◄─┐ text / files / buttons per step
                                            │  └────┘
                                            ├─ «ارسال» ─► receipt, END
                                            └─ /cancel ─► CANCELLING ─► keep | discard, END
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session
from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler, MessageHandler, filters

from handlers.common import Context, button_router, chat_conversation, guarded, reply
from handlers.delivery import wake
from messenger.keyboards import keyboard
from mina_bot.actors import Actor
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.errors import StaleButton
from mina_bot.jalali import format_datetime
from mina_bot.permissions import Action
from mina_bot.reports import drafts, submission
from mina_bot.reports.file_content import HEAD_BYTES
from mina_bot.reports.prompts import (
    FEATURE,
    Prompt,
    edit_menu,
    expected_input,
    opening,
    prompt_again,
    prompt_for,
)

PICKING, FILLING, CANCELLING = "picking", "filling", "cancelling"
T = TypeVar("T")


_NO_DRAFT = object()  # what _on_draft returns when the actor has no draft under way


async def send_prompt(update: Update, prompt: Prompt, lead: str | None = None) -> None:
    """Send the current question (with a leading line if given)."""
    body = f"{lead}\n\n{prompt.text}" if lead else prompt.text
    await reply(update, body, reply_markup=keyboard(prompt.buttons))


def _prompt(session: Session, context: Context, actor: Actor,
            report: drafts.WeeklyReport) -> Prompt:
    return prompt_for(session, report=report, lang=actor.language,
                      settings=context.runtime.settings)


async def _on_draft(update: Update, context: Context,
                    work: Callable[[Session, drafts.WeeklyReport], T]) -> T | object:
    """work(session, draft) in the update's one transaction, or _NO_DRAFT."""
    runtime, actor = context.runtime, context.actor

    def run(session: Session) -> T | object:
        draft = drafts.writable_draft(session, actor=actor, now=runtime.clock.now())
        return _NO_DRAFT if draft is None else work(session, draft)

    with runtime.session() as session:
        return run(session)


def _opened(session: Session, context: Context, actor: Actor, unit_id: int
            ) -> tuple[Prompt, str]:
    runtime = context.runtime
    report, council = drafts.open_draft(session, actor=actor, unit_id=unit_id,
                                        now=runtime.clock.now(), settings=runtime.settings)
    resumed = report.current_step not in (None, "done")
    lead = opening(session, report=report, actor=actor, settings=runtime.settings,
                   resumed=resumed, council=council)
    return _prompt(session, context, actor, report), lead


@guarded(Action.SUBMIT_REPORT)
async def start(update: Update, context: Context) -> str | int:
    """/report: resume the draft, or start one for the (chosen) unit."""
    runtime, actor = context.runtime, context.actor

    def begin(session: Session) -> tuple[Prompt, str] | None:
        draft = drafts.writable_draft(session, actor=actor, now=runtime.clock.now())
        if draft is not None:
            return _prompt(session, context, actor, draft), opening(
                session, report=draft, actor=actor, settings=runtime.settings, resumed=True)
        units = drafts.officer_units(actor)
        if not units:
            raise drafts.NoReportingUnit()
        return _opened(session, context, actor, units[0].unit_id) if len(units) == 1 else None

    with runtime.session() as session:
        opened = begin(session)
    if opened is not None:
        await send_prompt(update, *opened)
        return FILLING
    buttons = [[(u.unit_name, encode(FEATURE, "unit", u.unit_id))]
               for u in drafts.officer_units(actor)]
    await reply(update, text("reports.pick_unit", actor.language),
                reply_markup=keyboard(buttons))
    return PICKING


async def start_button(update: Update, context: Context, _data: ButtonData) -> str | int:
    """A reminder's «ارسال گزارش» button: as /report."""
    return await start(update, context)


async def pick_unit(update: Update, context: Context, data: ButtonData) -> str:
    """A unit button: open that unit's report (the unit is re-checked)."""
    unit_id = data.int_arg(0)
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        prompt, lead = _opened(session, context, actor, unit_id)
    await send_prompt(update, prompt, lead)
    return FILLING


def _hint(session: Session, context: Context, actor: Actor, report: drafts.WeeklyReport
          ) -> tuple[Prompt, str]:
    """What the step wants, and its question again (an answer of the wrong kind came)."""
    again = prompt_again(session, report=report, lang=actor.language,
                         settings=context.runtime.settings)
    return again, text(f"reports.hint.{expected_input(report)}", actor.language)


async def _no_draft(update: Update, context: Context) -> int:
    await reply(update, text("reports.no_draft", context.actor.language))
    return ConversationHandler.END


async def on_text(update: Update, context: Context) -> str | int:
    """Typed text: the answer to the current question (one transaction: answer and next step)."""
    actor = context.actor
    typed = update.effective_message.text

    def answer(session: Session, report: drafts.WeeklyReport) -> tuple[Prompt, str | None]:
        if expected_input(report) != "text":
            return _hint(session, context, actor, report)
        drafts.answer_text(session, report=report, text=typed)
        return _prompt(session, context, actor, report), None

    answered = await _on_draft(update, context, answer)
    if answered is _NO_DRAFT:
        return await _no_draft(update, context)
    await send_prompt(update, *answered)
    return FILLING


async def _incoming(update: Update, context: Context) -> drafts.IncomingFile:
    message = update.effective_message
    if message.photo:
        photo = message.photo[-1]
        return drafts.IncomingFile.photo(photo.file_id, photo.file_unique_id, photo.file_size)
    doc = message.document
    head = None  # a file over the size limit is refused unread
    if doc.file_size is not None and doc.file_size <= context.runtime.settings.max_upload_mb \
            * 1024 * 1024:
        data = await (await doc.get_file()).download_as_bytearray()
        head = bytes(data[:HEAD_BYTES])
    return drafts.IncomingFile.document(doc.file_id, doc.file_unique_id, doc.file_name,
                                        doc.mime_type, doc.file_size, head)


async def on_file(update: Update, context: Context) -> str | int:
    """A document or photo: kept for the report when files are being collected."""
    runtime, actor = context.runtime, context.actor
    incoming = await _incoming(update, context)

    def keep(session: Session, report: drafts.WeeklyReport) -> int | tuple[Prompt, str]:
        if expected_input(report) != "files":
            return _hint(session, context, actor, report)
        drafts.add_file(session, report=report, actor=actor, file=incoming,
                        settings=runtime.settings, now=runtime.clock.now())
        return drafts.file_count(session, report_id=report.id)

    kept = await _on_draft(update, context, keep)
    if kept is _NO_DRAFT:
        return await _no_draft(update, context)
    if isinstance(kept, tuple):
        await send_prompt(update, *kept)
        return FILLING
    name = incoming.file_name or text("reports.view.photo", actor.language)
    await reply(update, text("reports.file_saved", actor.language, name=name, count=kept))
    return FILLING


async def on_other(update: Update, context: Context) -> str:
    """Stickers, voice and the like: repeat what the step wants."""
    actor = context.actor
    hinted = await _on_draft(update, context, lambda session, report: _hint(
        session, context, actor, report))
    if hinted is not _NO_DRAFT:
        await send_prompt(update, *hinted)
    return FILLING


async def on_button(update: Update, context: Context, data: ButtonData) -> str | int:
    """skip, prog, goto, editmenu and submit buttons of the draft."""
    runtime, actor = context.runtime, context.actor

    def press(session: Session, report: drafts.WeeklyReport
              ) -> Prompt | submission.Receipt | submission.SentForApproval:
        if data.verb == "skip":
            drafts.skip(session, report=report)
        elif data.verb == "prog":
            progress = drafts.progress_named(data.args[1] if data.args[1:] else None)
            drafts.choose_progress(session, report=report, resolution_id=data.int_arg(0),
                                   progress=progress)
        elif data.verb == "goto" and data.args:
            drafts.go_to(session, report=report, step=data.args[0])
        elif data.verb == "editmenu":
            page = data.int_arg(0) if data.args else 0
            return edit_menu(session, report=report, lang=actor.language, page=page)
        elif data.verb == "submit":
            return submission.submit(session, report_id=data.int_arg(0), actor=actor,
                                     now=runtime.clock.now(), settings=runtime.settings)
        else:
            raise StaleButton()
        return _prompt(session, context, actor, report)

    pressed = await _on_draft(update, context, press)
    if pressed is _NO_DRAFT:
        raise StaleButton()
    if isinstance(pressed, submission.Receipt | submission.SentForApproval):
        return await _receipt(update, context, pressed)
    await send_prompt(update, pressed)
    return FILLING


async def _receipt(update: Update, context: Context,
                   receipt: submission.Receipt | submission.SentForApproval) -> int:
    runtime, actor = context.runtime, context.actor
    wake(context)  # the secretariat's (or the head's) copies are in the outbox
    lang, tz = actor.language, runtime.tz
    if isinstance(receipt, submission.SentForApproval):
        with runtime.session() as session:
            deadline = drafts.deadline_of(session, report_id=receipt.report_id,
                                          settings=runtime.settings)
        await reply(update, text("reports.approval.sent", lang,
                                 when=format_datetime(runtime.clock.now(), tz, lang),
                                 deadline=format_datetime(deadline, tz, lang)))
        return ConversationHandler.END
    deadline = format_datetime(receipt.deadline, tz, lang)
    note = text("reports.receipt.late" if receipt.late else "reports.receipt.on_time", lang,
                deadline=deadline)
    await reply(update, text("reports.receipt", lang, number=receipt.number,
                             when=format_datetime(receipt.submitted_at, tz, lang),
                             version=receipt.version, note=note))
    return ConversationHandler.END


async def cancel(update: Update, context: Context) -> str:
    """/cancel: keep the draft, or discard it (buttons)."""
    lang = context.actor.language
    buttons = [[(text("reports.button.keep", lang), encode(FEATURE, "keep")),
                (text("reports.button.discard", lang), encode(FEATURE, "discard"))]]
    await reply(update, text("reports.cancel.ask", lang), reply_markup=keyboard(buttons))
    return CANCELLING


async def on_cancel_choice(update: Update, context: Context, data: ButtonData) -> int:
    """Keep or discard after /cancel."""
    verb, runtime, actor = data.verb, context.runtime, context.actor

    def close(session: Session) -> None:
        draft = drafts.writable_draft(session, actor=actor, now=runtime.clock.now())
        if verb == "discard" and draft is not None:
            drafts.discard(session, report=draft, actor=actor)

    with runtime.session() as session:
        close(session)
    key = "reports.cancel.discarded" if verb == "discard" else "reports.cancel.kept"
    await reply(update, text(key, actor.language))
    return ConversationHandler.END


async def cancel_hint(update: Update, context: Context) -> str:
    """Anything but the two buttons while deciding."""
    await reply(update, text("reports.hint.buttons", context.actor.language))
    return CANCELLING


def build_handlers() -> list[BaseHandler]:
    """The /report conversation."""
    private = filters.ChatType.PRIVATE
    entry_text = filters.Regex(r"^\s*گزارش\s*هفتگی\s*$")
    files = private & (filters.Document.ALL | filters.PHOTO)
    report = Action.SUBMIT_REPORT
    return [chat_conversation(
        name=drafts.FLOW,
        entry_points=[CommandHandler("report", start, filters=private),
                      button_router(FEATURE, {"go": (report, start_button)}),
                      MessageHandler(private & filters.TEXT & entry_text, start)],
        states={
            PICKING: [button_router(FEATURE, {"unit": (report, pick_unit)})],
            FILLING: [
                MessageHandler(private & filters.TEXT & ~filters.COMMAND, on_text),
                MessageHandler(files, on_file),
                button_router(FEATURE, {verb: (report, on_button) for verb in
                                        ("skip", "prog", "goto", "editmenu", "submit")}),
                MessageHandler(private & ~filters.COMMAND & ~filters.UpdateType.EDITED,
                               on_other),
            ],
            CANCELLING: [
                button_router(FEATURE, {"keep": (report, on_cancel_choice),
                                        "discard": (report, on_cancel_choice)}),
                MessageHandler(private & ~filters.COMMAND, cancel_hint),
            ],
        },
        fallbacks=[CommandHandler("cancel", cancel)],
    )]
