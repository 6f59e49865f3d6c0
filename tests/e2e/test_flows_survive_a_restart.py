"""End to end: every multi-step flow started, the bot restarted mid-step, the flow finished.

/report has its own restart test in test_reports.py; the invitation's buttons in
test_organisation.py. Here each flow's typed step comes after the restart.
"""

from __future__ import annotations

from sqlmodel import select

from storage.models import AgendaItem, Broadcast, Resolution, WorkingGroup

SECRETARIAT = 1002
MINUTES = "مصوبات:\n\nبازه زمانی\tمتولی\tموضوع\n" "یک هفته\tکمیته زیرساخت\t۱) گزارش پایلوت گیلان\n"


def count(bot, model) -> int:
    with bot.runtime.session() as session:
        return len(session.exec(select(model)).all())


async def test_a_new_agenda_item_survives_a_restart(org_bot):
    [agenda] = await org_bot.say(SECRETARIAT, "/session")
    [ask] = await org_bot.press_label(SECRETARIAT, agenda, "افزودن بند", replies=1)
    assert "عنوان بند تازه" in ask["text"]
    before = count(org_bot, AgendaItem)
    await org_bot.restart()
    [added, shown] = await org_bot.say(SECRETARIAT, "گزارش بودجه", replies=2)
    assert "«گزارش بودجه»" in added["text"] and "گزارش بودجه" in shown["text"]
    assert count(org_bot, AgendaItem) == before + 1


async def test_a_new_resolution_survives_a_restart(org_bot):
    [ask] = await org_bot.say(SECRETARIAT, "/newresolution")
    assert "مصوبه تازه برای جلسه" in ask["text"]
    await org_bot.restart()
    [saved] = await org_bot.say(SECRETARIAT, "یک هفته | دبیرخانه | پیگیری اعتبار")
    assert "مصوبه ۱ " in saved["text"] and "ذخیره شد" in saved["text"]
    assert count(org_bot, Resolution) == 1


async def test_an_edited_resolution_survives_a_restart(org_bot):
    await org_bot.say(SECRETARIAT, "/newresolution")
    await org_bot.say(SECRETARIAT, "یک هفته | دبیرخانه | پیگیری اعتبار")
    [listed] = await org_bot.say(SECRETARIAT, "/resolutions")
    [detail] = await org_bot.press_label(SECRETARIAT, listed, "مصوبه ۱", replies=1)
    [ask] = await org_bot.press_label(SECRETARIAT, detail, "ویرایش", replies=1)
    assert "بازه زمانی | متولی | موضوع" in ask["text"]
    await org_bot.restart()
    [saved] = await org_bot.say(SECRETARIAT, "یک هفته | کمیته زیرساخت | پایلوت همدان")
    assert "مصوبه ۱ " in saved["text"] and "زیرساخت" in saved["text"]
    with org_bot.runtime.session() as session:
        [resolution] = session.exec(select(Resolution)).all()
    assert resolution.subject == "پایلوت همدان"


async def test_an_import_survives_restarts_before_the_minutes_and_before_the_date(org_bot):
    [ask] = await org_bot.say(SECRETARIAT, "/import")
    assert "صورت‌جلسه را بفرستید" in ask["text"]
    await org_bot.restart()
    [ack] = await org_bot.say(SECRETARIAT, MINUTES)
    await org_bot.restart()
    [date] = await org_bot.press_label(SECRETARIAT, ack, "پایان متن", replies=1)
    assert "جلسه چه تاریخی" in date["text"]
    await org_bot.restart()
    [preview] = await org_bot.say(SECRETARIAT, "1400/01/30")
    await org_bot.restart()
    [done] = await org_bot.press_label(SECRETARIAT, preview, "✅ ثبت", replies=1)
    assert "۱ مصوبه تازه" in done["text"] and count(org_bot, Resolution) == 1


async def test_an_invitation_survives_a_restart_before_the_name(org_bot):
    [ask] = await org_bot.say(SECRETARIAT, "/invite")
    assert "نام و نام خانوادگی" in ask["text"]
    await org_bot.restart()
    [units] = await org_bot.say(SECRETARIAT, "خانم پایدار")
    assert "خانم پایدار در کدام واحد" in units["text"]
    await org_bot.press_label(SECRETARIAT, units, "زیرساخت")
    roles = await org_bot.client.wait_for_edit(SECRETARIAT, units["message_id"], contains="نقش")
    await org_bot.press_label(SECRETARIAT, roles, "دبیر")
    done = await org_bot.client.wait_for_edit(SECRETARIAT, units["message_id"], edits=2,
                                              contains="start=")
    assert "خانم پایدار" in done["text"]


async def test_a_new_working_group_survives_a_restart(org_bot):
    [card] = await org_bot.say(SECRETARIAT, "/members it")
    [ask] = await org_bot.press_label(SECRETARIAT, card, "کارگروه تازه", replies=1)
    assert "نام کارگروه تازه" in ask["text"]
    before = count(org_bot, WorkingGroup)
    await org_bot.restart()
    [created] = await org_bot.say(SECRETARIAT, "کارگروه آموزش")
    assert "ساخته شد" in created["text"] and count(org_bot, WorkingGroup) == before + 1


async def test_a_broadcast_text_survives_a_restart(org_bot):
    [prompt] = await org_bot.say(SECRETARIAT, "/broadcast")
    assert "پیام همگانی" in prompt["text"]
    await org_bot.restart()
    [audience] = await org_bot.say(SECRETARIAT, "جلسه فردا ساعت ۱۰ است")
    assert "مخاطبان را انتخاب کنید" in audience["text"]
    with org_bot.runtime.session() as session:
        [draft] = session.exec(select(Broadcast)).all()
    assert draft.text == "جلسه فردا ساعت ۱۰ است"
