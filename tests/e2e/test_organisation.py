"""End to end: invitations, /whoami, the secretariat's cards, refusals, menus, resolution 5."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta

import pytest

from storage.repositories import members, units
from tests.fixtures.bot import ADMIN_ID, STRANGER_ID
from tests.fixtures.buttons import button, labelled
from tests.fixtures.invitations import invite, unit_id, unit_name
from tests.fixtures.roster import (
    INFRA_HEAD,
    INFRA_MEMBER,
    INFRA_SECRETARY,
    SECRETARIAT,
    forge,
    member_id,
)

NEWCOMER = 3001
REFUSED = "اجازه"


def member_name(bot, telegram_id: int) -> str:
    with bot.runtime.session() as session:
        return members.get_by_telegram_id(session, telegram_id=telegram_id).name


async def menu_once_published(org_bot, user: int,
                              published: Callable[[set[str]], bool]) -> set[str]:
    """The chat's menu, once the bot's first-update publish (sent beside the answer) is in."""
    for _ in range(50):
        menu = {c["command"] for c in await org_bot.client.visible_commands(user)}
        if published(menu):
            break
        await asyncio.sleep(0.1)
    return menu


async def test_an_administrator_invites_a_secretary_who_joins(org_bot):
    code = await invite(org_bot, ADMIN_ID, "خانم نوری", "infrastructure", "secretary")
    [welcome] = await org_bot.say(NEWCOMER, f"/start {code}")
    assert "خوش آمدید خانم نوری" in welcome["text"]
    assert "دبیر کمیته زیرساخت و تبادل داده" in welcome["text"]
    [whoami] = await org_bot.say(NEWCOMER, "/whoami")
    assert "خانم نوری" in whoami["text"]
    assert "دبیر کمیته زیرساخت و تبادل داده" in whoami["text"]
    menu = await menu_once_published(org_bot, NEWCOMER, lambda m: {"whoami", "help"} <= m)
    assert {"whoami", "help"} <= menu and "members" not in menu and "invite" not in menu
    [reused] = await org_bot.say(NEWCOMER + 1, f"/start {code}")
    assert "قبلاً استفاده شده" in reused["text"]


async def test_wrong_and_expired_codes_get_clear_answers(org_bot):
    [wrong] = await org_bot.say(NEWCOMER, "/start not-a-real-code")
    assert "معتبر نیست" in wrong["text"]
    code = await invite(org_bot, SECRETARIAT, "آقای تازه", "design", "member")
    org_bot.clock.advance(timedelta(days=8))
    [expired] = await org_bot.say(NEWCOMER, f"/start {code}")
    assert "مهلت این کد دعوت گذشته" in expired["text"]


async def test_a_revoked_invitation_no_longer_works(org_bot):
    code = await invite(org_bot, SECRETARIAT, "آقای لغوشده", "design", "member")
    [pending] = await org_bot.say(SECRETARIAT, "/invites")
    assert "آقای لغوشده" in pending["text"]
    [revoked] = await org_bot.press(SECRETARIAT, pending, button(pending, "لغو دعوت آقای لغوشده"),
                                replies=1)
    assert "لغو شد" in revoked["text"]
    [answer] = await org_bot.say(NEWCOMER, f"/start {code}")
    assert "لغو شده" in answer["text"]


async def test_repeated_wrong_codes_are_slowed_down(org_bot):
    code = await invite(org_bot, SECRETARIAT, "آقای صبور", "it", "member")
    for attempt in range(5):
        [answer] = await org_bot.say(NEWCOMER, f"/start wrong{attempt}")
        assert "معتبر نیست" in answer["text"]
    [slowed] = await org_bot.say(NEWCOMER, f"/start {code}")
    assert "کدهای نادرست زیادی" in slowed["text"] and "۱۴۰۰/۰۲/۰۶" in slowed["text"]
    org_bot.clock.advance(timedelta(minutes=16))
    [welcome] = await org_bot.say(NEWCOMER, f"/start {code}")
    assert "خوش آمدید آقای صبور" in welcome["text"]


async def test_a_stranger_is_refused_everything_but_start(org_bot):
    for attempt in ("/whoami", "/units", "/members", "/invite", "/invites"):
        [answer] = await org_bot.say(STRANGER_ID, attempt)
        assert "فقط /start در دسترس است" in answer["text"], attempt
    [start] = await org_bot.say(STRANGER_ID, "/start")
    for data in ("org:units:0", "inv:role:1:head", "ros:deactok:1"):
        assert REFUSED in (await forge(org_bot, STRANGER_ID, start, data))["text"]


@pytest.mark.parametrize(("user", "allowed"), [
    (ADMIN_ID, True), (SECRETARIAT, True), (INFRA_HEAD, False), (INFRA_SECRETARY, False),
    (INFRA_MEMBER, False),
])
async def test_members_command_and_its_forged_buttons_by_role(org_bot, caplog, user, allowed):
    [answer] = await org_bot.say(user, "/members زیر ساخت")
    assert (REFUSED in answer["text"]) is not allowed
    assert ("کمیته زیرساخت و تبادل داده" in answer["text"]) is allowed
    if allowed:
        return
    [whoami] = await org_bot.say(user, "/whoami")
    target = member_id(org_bot, INFRA_MEMBER)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="mina.errors"):
        for data in (f"org:unit:{unit_id(org_bot, 'infrastructure')}:0",
                     f"ros:deactok:{target}",
                     f"ros:admin:{target}", "inv:revoke:1"):
            said = await forge(org_bot, user, whoami, data)
            assert REFUSED in said["text"], data
    logged = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(logged) == 4 and all(f"for user {user}" in line for line in logged)
    with org_bot.runtime.session() as session:
        assert members.get_member(session, member_id=target).active


async def test_deactivation_removes_access_at_once(org_bot):
    [card] = await org_bot.say(SECRETARIAT, "/members infrastructure")
    await org_bot.press(SECRETARIAT, card, button(card, "آقای کرامتی"))
    member_card = await org_bot.client.wait_for_edit(SECRETARIAT, card["message_id"],
                                                 contains="آقای کرامتی")
    await org_bot.press(SECRETARIAT, member_card, button(member_card, "غیرفعال کردن"))
    confirm = await org_bot.client.wait_for_edit(SECRETARIAT, card["message_id"], edits=2)
    await org_bot.press(SECRETARIAT, confirm, button(confirm, "بله، غیرفعال شود"))
    await org_bot.client.wait_for_edit(SECRETARIAT, card["message_id"], edits=3,
                                   contains="غیرفعال شد")
    [answer] = await org_bot.say(INFRA_MEMBER, "/whoami")
    assert "فقط /start در دسترس است" in answer["text"]
    assert {c["command"] for c in await org_bot.client.visible_commands(INFRA_MEMBER)} == {
        "start", "help"}


async def test_a_configured_administrator_deactivated_in_the_roster_keeps_working(org_bot):
    with org_bot.runtime.session() as session:  # as the secretariat's «deactivate» leaves it
        admin = members.get_by_telegram_id(session, telegram_id=ADMIN_ID)
        admin.active = False
        session.add(admin)
        session.commit()
    [audience] = await org_bot.say(ADMIN_ID, "/broadcast جلسه فردا ساعت ۱۰ است")
    assert "مخاطبان را انتخاب کنید" in audience["text"]  # the draft is signed by their record


async def test_a_role_change_republishes_the_menu(org_bot):
    [card] = await org_bot.say(ADMIN_ID, "/members secretariat")
    await org_bot.say(SECRETARIAT, "/help")
    assert "members" in await menu_once_published(org_bot, SECRETARIAT, lambda m: "members" in m)
    await org_bot.press(ADMIN_ID, card, button(card, member_name(org_bot, SECRETARIAT)))
    member_card = await org_bot.client.wait_for_edit(ADMIN_ID, card["message_id"])
    await org_bot.press(ADMIN_ID, member_card, button(member_card, "انتقال از"))
    targets = await org_bot.client.wait_for_edit(ADMIN_ID, card["message_id"], edits=2)
    await org_bot.press(ADMIN_ID, targets, labelled(targets, unit_name(org_bot, "design")))
    await org_bot.client.wait_for_edit(ADMIN_ID, card["message_id"], edits=3,
                                       contains="کمیته طراحی")
    visible = await org_bot.client.visible_commands(SECRETARIAT)
    assert "members" not in {c["command"] for c in visible}
    [whoami] = await org_bot.say(SECRETARIAT, "/whoami")
    assert "دبیر کمیته طراحی و روش‌شناسی" in whoami["text"]


async def test_a_fifth_working_group_is_refused_in_chat(org_bot):
    [card] = await org_bot.say(SECRETARIAT, "/members it")
    [ask] = await org_bot.press(SECRETARIAT, card, button(card, "کارگروه تازه"), replies=1)
    assert "نام کارگروه تازه" in ask["text"]
    [created] = await org_bot.say(SECRETARIAT, "کارگروه آموزش")
    assert "ساخته شد" in created["text"]
    await org_bot.press(SECRETARIAT, card, button(card, "کارگروه تازه"), replies=1)
    [refused] = await org_bot.say(SECRETARIAT, "کارگروه پنجم")
    assert "مصوبه ۵" in refused["text"] and "حداکثر ۴ کارگروه" in refused["text"]
    [cancelled] = await org_bot.say(SECRETARIAT, "/cancel")
    assert "لغو شد" in cancelled["text"]


async def test_an_invitation_survives_a_restart_after_the_name(org_bot):
    [units_message] = await org_bot.say(ADMIN_ID, "/invite آقای پایدار")
    await org_bot.restart()
    await org_bot.press(ADMIN_ID, units_message,
                    labelled(units_message, unit_name(org_bot, "infrastructure")))
    roles = await org_bot.client.wait_for_edit(ADMIN_ID, units_message["message_id"])
    await org_bot.press(ADMIN_ID, roles, labelled(roles, "رئیس"))
    done = await org_bot.client.wait_for_edit(ADMIN_ID, units_message["message_id"], edits=2)
    assert "آقای پایدار" in done["text"] and "start=" in done["text"]


def reads_english(org_bot, telegram_id: int, unit_key: str) -> str:
    """Switch a member to English; the English name of the unit `unit_key`."""
    with org_bot.runtime.session() as session:
        member = members.get_by_telegram_id(session, telegram_id=telegram_id)
        member.language = "en"
        session.add(member)
        return units.get_by_key(session, key=unit_key).name_en


async def test_a_member_who_reads_english_sees_english_unit_names(org_bot):
    english = reads_english(org_bot, INFRA_SECRETARY, "infrastructure")
    [whoami] = await org_bot.say(INFRA_SECRETARY, "/whoami")
    assert f"secretary, {english}" in whoami["text"]  # "&" once escaped, shown as "&"
    [owe] = await org_bot.say(INFRA_SECRETARY, "/owe")
    assert english in owe["text"] and "کمیته زیرساخت" not in owe["text"]


async def test_the_secretariat_reading_english_sees_english_unit_names_on_a_member_card(org_bot):
    english = reads_english(org_bot, SECRETARIAT, "infrastructure")
    [card] = await org_bot.say(SECRETARIAT, "/members infrastructure")
    await org_bot.press(SECRETARIAT, card, button(card, member_name(org_bot, INFRA_MEMBER)))
    member_card = await org_bot.client.wait_for_edit(SECRETARIAT, card["message_id"])
    labels = [b["text"] for row in member_card["reply_markup"] for b in row]
    assert english in member_card["text"] and "کمیته زیرساخت" not in member_card["text"]
    assert any(english in label for label in labels), labels
    assert not any("کمیته زیرساخت" in label for label in labels)


async def test_a_new_working_group_is_asked_for_and_confirmed_in_english(org_bot):
    english = reads_english(org_bot, SECRETARIAT, "it")
    [card] = await org_bot.say(SECRETARIAT, "/members it")
    [ask] = await org_bot.press(SECRETARIAT, card, button(card, "new working group"), replies=1)
    assert "new working group" in ask["text"] and english in ask["text"]
    [created] = await org_bot.say(SECRETARIAT, "کارگروه آموزش")
    assert "«کارگروه آموزش» created under" in created["text"] and english in created["text"]
    assert "کمیته" not in created["text"].replace("کارگروه آموزش", "")
