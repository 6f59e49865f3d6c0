"""User text with HTML markup shows literally in every reply that echoes it (as Telegram parses)."""

from __future__ import annotations

import pytest

from storage.repositories import members, units
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.bot import ADMIN_ID
from tests.fixtures.buttons import button, exact
from tests.fixtures.invitations import invite
from tests.fixtures.minutes import imported_with_subject

INJECT = 'x<b>y</b> & <a href="https://evil.example">z</a> <i'
SECRETARIAT, INFRA_SECRETARY, DESIGN_SECRETARY, NEWCOMER = 1002, 1003, 1005, 3101


def literal(message: dict, fragment: str = INJECT) -> None:
    """The fragment is in the text the user sees, and none of it became formatting."""
    assert fragment in message["text"], message["text"]
    assert not [e for e in message.get("entities") or []
                if e["type"] == "text_link" or e.get("url", "").startswith("https://evil")]


async def test_an_unknown_command_echoes_its_name_literally(org_bot):
    [answer] = await org_bot.say(ADMIN_ID, "/nosuch<b>y</b>&amp;<i")
    literal(answer, "/nosuch<b>y</b>&amp;<i")


async def test_an_invited_name_shows_literally_to_the_inviter_and_the_newcomer(org_bot):
    code = await invite(org_bot, ADMIN_ID, INJECT, "infrastructure", "member")
    done = (await org_bot.client.bot_messages(ADMIN_ID))[-1]
    literal(done)
    [welcome] = await org_bot.say(NEWCOMER, f"/start {code}")
    literal(welcome)
    [whoami] = await org_bot.say(NEWCOMER, "/whoami")
    literal(whoami)


async def test_a_unit_name_shows_literally_in_whoami_the_welcome_and_the_member_card(org_bot):
    with org_bot.runtime.session() as session:
        unit = units.get_by_key(session, key="infrastructure")
        unit.name_fa = INJECT
        session.add(unit)
    [whoami] = await org_bot.say(INFRA_SECRETARY, "/whoami")
    literal(whoami)
    code = await invite(org_bot, ADMIN_ID, "خانم نوری", "infrastructure", "member")
    [welcome] = await org_bot.say(NEWCOMER, f"/start {code}")
    literal(welcome)
    [card] = await org_bot.say(SECRETARIAT, "/members infrastructure")
    with org_bot.runtime.session() as session:
        name = members.get_by_telegram_id(session, telegram_id=INFRA_SECRETARY).name
    await org_bot.press(SECRETARIAT, card, button(card, name))
    member_card = await org_bot.client.wait_for_edit(SECRETARIAT, card["message_id"],
                                                     contains="y</b>")
    literal(member_card)


async def test_a_working_group_name_shows_literally(org_bot):
    [card] = await org_bot.say(SECRETARIAT, "/members it")
    await org_bot.press(SECRETARIAT, card, button(card, "کارگروه تازه"), replies=1)
    [created] = await org_bot.say(SECRETARIAT, INJECT)
    literal(created)


async def test_a_name_too_long_to_show_is_refused_in_words(org_bot):
    await org_bot.say(ADMIN_ID, "/invite")
    [refused] = await org_bot.say(ADMIN_ID, "ن" * 4000)
    assert "حداکثر ۱۲۰ نویسه" in refused["text"]


async def test_import_subjects_agenda_titles_and_notes_show_literally(org_bot):
    bot = org_bot
    preview = await imported_with_subject(bot, INJECT)
    literal(preview)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    number = "۱"  # the subject with the markup
    await bot.press(INFRA_SECRETARY, owe, exact(owe, f"گزارش انجام {number}"), replies=1)
    await bot.say(INFRA_SECRETARY, INJECT)
    [detail] = await bot.press(INFRA_SECRETARY, owe, exact(owe, f"مصوبه {number}"), replies=1)
    literal(detail)  # the subject
    assert detail["text"].count(INJECT) == 3  # the note: the share's last note, the history
    [staff] = await bot.say(SECRETARIAT, "/session")
    await bot.press(SECRETARIAT, staff, button(staff, "افزودن بند"), replies=1)
    [added, agenda] = await bot.say(SECRETARIAT, INJECT, replies=2)
    literal(added)
    literal(agenda)


async def test_a_broadcast_text_shows_literally_in_the_preview_and_to_recipients(org_bot):
    bot = org_bot
    for member in (1004, 1016):
        await bot.client.ensure_user(member)
    await bot.say(SECRETARIAT, "/broadcast")
    [audience] = await bot.say(SECRETARIAT, INJECT)
    await bot.press(SECRETARIAT, audience, button(audience, "همه اعضا"))
    await bot.press(SECRETARIAT, audience, button(audience, "پیش‌نمایش"))
    preview = (await bot.client.transcript(SECRETARIAT))[-1]
    literal(preview)
    await bot.press(SECRETARIAT, preview, button(preview, "ارسال"), replies=1)
    [received] = await bot.client.wait_for_bot_messages(1016, 1)
    literal(received)


@pytest.fixture
async def reports_bot(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    for secretariat in (1001, SECRETARIAT):
        await bot.client.ensure_user(secretariat)
    with bot.runtime.session() as session:
        seed_reports_world(session)
    return bot


async def test_report_answers_show_literally_in_the_preview_and_the_secretariat_copy(reports_bot):
    bot, user = reports_bot, DESIGN_SECRETARY
    await bot.say(user, "/report")
    [question] = await bot.say(user, INJECT)
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    [question] = await bot.press(user, question, button(question, "صرف‌نظر ⏭"), replies=1)
    [preview] = await bot.press(user, question, button(question, "پایان پیوست‌ها"), replies=1)
    literal(preview)
    await bot.press(user, preview, button(preview, "ارسال"), replies=1)
    [copy] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1)
    literal(copy)
