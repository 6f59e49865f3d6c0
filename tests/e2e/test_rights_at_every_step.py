"""End to end: every step of every multi-step flow re-checks the right with the actor as of that
update. The right is taken away in the database between two steps; the next step is refused
(the catalog's Persian line, or an alert for a button) and nothing changes."""

from __future__ import annotations

from sqlmodel import select

from storage.models import (
    AgendaItem,
    Broadcast,
    Invitation,
    Membership,
    ReportAnswer,
    Resolution,
    Role,
    WorkingGroup,
)
from storage.repositories import members, units
from tests.fixtures.minutes import paste

SECRETARIAT, INFRA_SECRETARY = 1002, 1003
REFUSED = "شما اجازهٔ این کار را ندارید."
MINUTES = "مصوبات:\n\nبازه زمانی\tمتولی\tموضوع\n" "یک هفته\tکمیته زیرساخت\t۱) گزارش پایلوت گیلان\n"


def rows(bot, model) -> list:
    with bot.runtime.session() as session:
        return list(session.exec(select(model)).all())


def _seats(session, telegram_id: int) -> list[Membership]:
    member = members.get_by_telegram_id(session, telegram_id=telegram_id)
    return list(members.memberships_of(session, member_id=member.id))


def leave_secretariat(bot, telegram_id: int = SECRETARIAT) -> None:
    """Move the person's secretariat seat to a committee, as an operator would."""
    with bot.runtime.session() as session:
        committee = units.get_by_key(session, key="infrastructure")
        for seat in _seats(session, telegram_id):
            seat.unit_id = committee.id
            session.add(seat)


def step_down(bot, telegram_id: int = INFRA_SECRETARY) -> None:
    """A committee's secretary becomes a plain member."""
    with bot.runtime.session() as session:
        for seat in _seats(session, telegram_id):
            seat.role = Role.MEMBER
            session.add(seat)


async def refused(bot, user: int, text: str) -> None:
    [answer] = await bot.say(user, text)
    assert answer["text"] == REFUSED


async def refused_press(bot, user: int, message: dict, label: str) -> None:
    answer = await bot.answer_to(user, message, label)
    assert answer["text"] == REFUSED and answer["show_alert"]


async def test_the_agenda_title_step(org_bot):
    [agenda] = await org_bot.say(SECRETARIAT, "/session")
    await org_bot.press_label(SECRETARIAT, agenda, "افزودن بند", replies=1)
    before = rows(org_bot, AgendaItem)
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "گزارش بودجه")
    assert rows(org_bot, AgendaItem) == before


async def test_the_new_resolution_step(org_bot):
    await org_bot.say(SECRETARIAT, "/newresolution")
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "یک هفته | دبیرخانه | پیگیری اعتبار")
    assert rows(org_bot, Resolution) == []


async def test_the_edited_resolution_step(org_bot):
    await org_bot.say(SECRETARIAT, "/newresolution")
    await org_bot.say(SECRETARIAT, "یک هفته | دبیرخانه | پیگیری اعتبار")
    [listed] = await org_bot.say(SECRETARIAT, "/resolutions")
    [detail] = await org_bot.press_label(SECRETARIAT, listed, "مصوبه ۱", replies=1)
    await org_bot.press_label(SECRETARIAT, detail, "ویرایش", replies=1)
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "یک هفته | کمیته زیرساخت | پایلوت همدان")
    assert [r.subject for r in rows(org_bot, Resolution)] == ["پیگیری اعتبار"]
    await refused_press(org_bot, SECRETARIAT, detail, "لغو مصوبه")
    assert [r.status for r in rows(org_bot, Resolution)] == ["open"]


async def test_the_date_step_and_a_new_import(org_bot):
    await org_bot.say(SECRETARIAT, "/import")
    asked = await paste(org_bot, SECRETARIAT, MINUTES)
    assert "جلسه چه تاریخی" in asked["text"]
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "1400/01/30")  # the date step
    await org_bot.say(SECRETARIAT, "/cancel")
    await refused(org_bot, SECRETARIAT, "/import")
    assert rows(org_bot, Resolution) == []


async def test_the_minutes_step(org_bot):
    await org_bot.say(SECRETARIAT, "/import 1400/01/30")
    [ack] = await org_bot.say(SECRETARIAT, MINUTES)
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, MINUTES)
    await refused_press(org_bot, SECRETARIAT, ack, "پایان متن")
    assert rows(org_bot, Resolution) == []


async def test_the_import_preview_button(org_bot):
    await org_bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await paste(org_bot, SECRETARIAT, MINUTES)
    leave_secretariat(org_bot)
    await refused_press(org_bot, SECRETARIAT, preview, "✅ ثبت")
    assert rows(org_bot, Resolution) == []


async def test_the_invitation_name_step(org_bot):
    await org_bot.say(SECRETARIAT, "/invite")
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "خانم پایدار")
    assert rows(org_bot, Invitation) == []


async def test_the_invitation_unit_button(org_bot):
    [units_message] = await org_bot.say(SECRETARIAT, "/invite خانم پایدار")
    leave_secretariat(org_bot)
    await refused_press(org_bot, SECRETARIAT, units_message, "زیرساخت")
    assert rows(org_bot, Invitation) == []


async def test_the_new_working_group_step(org_bot):
    [card] = await org_bot.say(SECRETARIAT, "/members it")
    await org_bot.press_label(SECRETARIAT, card, "کارگروه تازه", replies=1)
    before = rows(org_bot, WorkingGroup)
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "کارگروه آموزش")
    assert rows(org_bot, WorkingGroup) == before


async def test_the_broadcast_text_step(org_bot):
    await org_bot.say(SECRETARIAT, "/broadcast")
    leave_secretariat(org_bot)
    await refused(org_bot, SECRETARIAT, "جلسه فردا ساعت ۱۰ است")
    [draft] = rows(org_bot, Broadcast)
    assert draft.text is None


async def test_the_broadcast_audience_buttons(org_bot):
    await org_bot.say(SECRETARIAT, "/broadcast")
    [audience] = await org_bot.say(SECRETARIAT, "جلسه فردا ساعت ۱۰ است")
    leave_secretariat(org_bot)
    await refused_press(org_bot, SECRETARIAT, audience, "همه")
    [draft] = rows(org_bot, Broadcast)
    assert draft.audience == {} and draft.status == "draft"


async def test_the_report_steps(org_bot):
    await org_bot.say(INFRA_SECRETARY, "/report")
    step_down(org_bot)
    await refused(org_bot, INFRA_SECRETARY, "کار انجام شد")
    assert rows(org_bot, ReportAnswer) == []
