"""/reports: a unit's own reports, the secretariat's compliance table, files and the trend."""

from __future__ import annotations

from telegram import InputFile, Update
from telegram.ext import BaseHandler, CommandHandler

from handlers.common import Context, button_router, edit_or_reply, guarded, reply
from messenger.keyboards import keyboard
from mina_bot.callbacks import ButtonData, encode
from mina_bot.catalog import text
from mina_bot.permissions import Action, allowed
from mina_bot.reports import reading, views

FEATURE = "rpt"


@guarded(Action.VIEW_UNIT_REPORTS)
async def show_reports(update: Update, context: Context) -> None:
    """The secretariat's compliance table for a week; a unit member's own reports."""
    runtime, actor = context.runtime, context.actor
    words = " ".join(context.args or [])
    with runtime.session() as session:
        if allowed(actor, Action.VIEW_ALL_REPORTS):
            council = reading.session_named(session, words=words, now=runtime.clock.now(),
                                            settings=runtime.settings)
            table = reading.compliance(session, council=council, now=runtime.clock.now(),
                                       settings=runtime.settings)
            message, buttons = _compliance(table, actor.language, runtime.tz, 0)
        else:
            rows = reading.own_reports(session, actor=actor)
            message, buttons = views.own_list(rows, actor.language)
    await reply(update, message, reply_markup=keyboard(buttons))


def _compliance(table: reading.Compliance, lang: str, tz, page: int) -> tuple[str, list]:
    message, buttons = views.compliance_message(table, lang, tz, page)
    return message, [*buttons, [(text("reports.button.trend", lang),
                                 encode(FEATURE, "trend", table.council.id))]]


async def _page(update: Update, context: Context, data: ButtonData) -> None:
    """Another page of the compliance table."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        council = reading.council_by_id(session, session_id=data.int_arg(0))
        table = reading.compliance(session, council=council, now=runtime.clock.now(),
                                   settings=runtime.settings)
    message, buttons = _compliance(table, actor.language, runtime.tz, data.int_arg(1))
    await edit_or_reply(update, message, reply_markup=keyboard(buttons))


async def _open(update: Update, context: Context, data: ButtonData) -> None:
    """A report: its latest version and its history (re-checked against the report)."""
    report_id = data.int_arg(0)
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        report, latest = reading.readable_report(session, report_id=report_id, actor=actor)
        versions = reading.history(session, report_id=report.id)
    message = views.report_message(latest.content, versions, actor.language, runtime.tz)
    buttons = [[(text("reports.button.files", actor.language), encode(FEATURE, "files",
                                                                      report.id))]]
    buttons = buttons if latest.content["attachments"] else []
    buttons += views.version_buttons(report.id, versions, actor.language)
    await reply(update, message, reply_markup=keyboard(buttons))


async def _version(update: Update, context: Context, data: ButtonData) -> None:
    """An earlier version of a report, in full (re-checked against the report)."""
    report_id, version = data.int_arg(0), data.int_arg(1)
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        found, count = reading.readable_version(session, report_id=report_id, version=version,
                                                actor=actor)
    buttons = [[(text("reports.button.files", actor.language),
                 encode(FEATURE, "vfiles", report_id, version))]
               ] if found.content["attachments"] else []
    await reply(update, views.version_message(found, count, actor.language, runtime.tz),
                reply_markup=keyboard(buttons))


async def _files(update: Update, context: Context, data: ButtonData) -> None:
    """A report's files (of its latest version, or of the one named), sent again (re-checked
    against the report)."""
    report_id = data.int_arg(0)
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        if data.verb == "vfiles":
            chosen, _ = reading.readable_version(session, report_id=report_id,
                                                 version=data.int_arg(1), actor=actor)
        else:
            _, chosen = reading.readable_report(session, report_id=report_id, actor=actor)
    files = chosen.content["attachments"]
    if not files:
        await reply(update, text("reports.files.none", actor.language))
    chat = update.effective_chat
    for item in files:
        if item["kind"] == "photo":
            await chat.send_photo(item["file_id"])
        else:
            await chat.send_document(item["file_id"])


async def _trend(update: Update, context: Context, data: ButtonData) -> None:
    """The compliance chart of the weeks up to one session."""
    runtime, actor = context.runtime, context.actor
    # Counted and drawn in a worker process: matplotlib never loads in the bot.
    png, weeks = await context.workers.run(
        "mina_bot.reports.trend_chart:drawn", runtime.settings, session_id=data.int_arg(0),
        now=runtime.clock.now(), lang=actor.language)
    await update.effective_chat.send_photo(
        InputFile(png, filename="trend.png"),
        caption=text("reports.trend.caption", actor.language, weeks=weeks))


def build_handlers() -> list[BaseHandler]:
    """/reports and its buttons."""
    return [CommandHandler("reports", show_reports),
            button_router(FEATURE, {"open": (Action.VIEW_UNIT_REPORTS, _open),
                                     "files": (Action.VIEW_UNIT_REPORTS, _files),
                                     "vfiles": (Action.VIEW_UNIT_REPORTS, _files),
                                     "page": (Action.VIEW_ALL_REPORTS, _page),
                                     "ver": (Action.VIEW_UNIT_REPORTS, _version),
                                     "trend": (Action.VIEW_ALL_REPORTS, _trend)})]
