"""The head's decision on a report held for approval (buttons under the request).

    «تأیید» ─► sent to the secretariat, END
    «بازگرداندن» ─► REASON ─► text ─► back to the secretary as a draft, END
                          └─ /cancel, END
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, ConversationHandler

from handlers.common import (
    Context,
    button_router,
    chat_conversation,
    flow,
    guarded,
    leave_flows,
    reply,
    text_answer,
)
from handlers.delivery import wake
from mina_bot.callbacks import ButtonData
from mina_bot.catalog import text
from mina_bot.errors import NotFound
from mina_bot.permissions import Action
from mina_bot.reports import head_review
from mina_bot.reports.approval import FEATURE

FLOW, REASON = "report_review", "reason"


async def approve(update: Update, context: Context, data: ButtonData) -> None:
    """«تأیید»: the report goes on to the secretariat (re-checked against the report)."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        receipt = head_review.approve(session, report_id=data.int_arg(0), stamp=data.int_arg(1),
                                      actor=actor, now=runtime.clock.now(),
                                      settings=runtime.settings)
    wake(context)
    await reply(update, text("reports.approval.done", actor.language, number=receipt.number,
                             version=receipt.version))


async def ask_reason(update: Update, context: Context, data: ButtonData) -> str:
    """«بازگرداندن»: checked now and again when the reason comes."""
    runtime, actor = context.runtime, context.actor
    report_id, stamp = data.int_arg(0), data.int_arg(1)
    with runtime.session() as session:
        head_review.held(session, report_id=report_id, stamp=stamp, actor=actor,
                         now=runtime.clock.now())
        flow(update, FLOW).save(session, {"report_id": report_id, "stamp": stamp})
    await reply(update, text("reports.approval.ask_reason", actor.language,
                             limit=head_review.REASON_LIMIT))
    return REASON


@guarded(Action.APPROVE_REPORT)
async def take_reason(update: Update, context: Context) -> str | int:
    """The reason: the report goes back to its secretary (a reason too long is asked again)."""
    runtime, actor = context.runtime, context.actor
    with runtime.session() as session:
        state = flow(update, FLOW).load(session)
        if state is None:
            raise NotFound()
        head_review.send_back(session, report_id=state["report_id"], stamp=state["stamp"],
                              actor=actor, reason=update.effective_message.text,
                              now=runtime.clock.now())
        flow(update, FLOW).drop(session)
    wake(context)
    await reply(update, text("reports.approval.returned", actor.language))
    return ConversationHandler.END


def build_handlers() -> list[BaseHandler]:
    """The send-back conversation and the approve button."""
    approving = Action.APPROVE_REPORT
    return [
        chat_conversation(
            name=FLOW,
            entry_points=[button_router(FEATURE, {"back": (approving, ask_reason)})],
            states={REASON: [text_answer(take_reason)]},
            fallbacks=[CommandHandler("cancel", leave_flows(FLOW))],
        ),
        button_router(FEATURE, {"ok": (approving, approve)}),
    ]
