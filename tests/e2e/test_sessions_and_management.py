"""End to end: /session and its agenda, /resolutions filters, single-resolution changes."""

from __future__ import annotations

from storage.repositories import resolutions as resolutions_repo
from tests.fixtures.buttons import button
from tests.fixtures.minutes import INFRA_SECRETARY, SECRETARIAT, import_seed


async def imported(bot) -> None:
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)


async def test_session_shows_date_place_and_the_agenda_the_secretariat_edits(org_bot):
    bot = org_bot
    await imported(bot)
    [shown] = await bot.say(INFRA_SECRETARY, "/session")
    assert "دوشنبه ۶ اردیبهشت ۱۴۰۰، ساعت ۱۰:۰۰" in shown["text"]
    assert "سالن شورا" in shown["text"] and "۱۴۰۰/۰۲/۰۵ ۱۲:۰۰" in shown["text"]
    assert "۱. گزارش کمیته طراحی و روش‌شناسی" in shown["text"]
    assert "ارائه گزارش کمیته زیر ساخت در خصوص پایلوت استان گیلان" in shown["text"]
    assert "بررسی مصوبات باز (۱۴) و معوق (۰)" in shown["text"]
    assert not shown.get("reply_markup")  # no editing buttons for a committee secretary
    [staff] = await bot.say(SECRETARIAT, "/session")
    [ask] = await bot.press(SECRETARIAT, staff, button(staff, "افزودن بند"), replies=1)
    assert "عنوان بند تازه" in ask["text"]
    [added, agenda] = await bot.say(SECRETARIAT, "گزارش بودجه", replies=2)
    assert "«گزارش بودجه»" in added["text"] and "گزارش بودجه" in agenda["text"]
    assert "۱۱. تأیید صورتجلسه جلسه قبل" in agenda["text"]  # the minutes were imported
    lines = [x for x in agenda["text"].split("\n") if x.startswith("۱۲.")]
    assert lines == ["۱۲. گزارش بودجه"]
    await bot.press(SECRETARIAT, agenda, button(agenda, "⬆️ ۱۲"))
    moved = await bot.client.wait_for_edit(SECRETARIAT, agenda["message_id"])
    assert "۱۱. گزارش بودجه" in moved["text"]


async def test_resolutions_filters_and_single_changes(org_bot):
    bot = org_bot
    await imported(bot)
    [listed] = await bot.say(SECRETARIAT, "/resolutions زیرساخت")
    assert "کمیته زیرساخت و تبادل داده" in listed["text"] and "۶ مورد" in listed["text"]
    [refused] = await bot.say(INFRA_SECRETARY, "/resolutions")
    assert "اجازه" in refused["text"]
    [detail] = await bot.press(SECRETARIAT, listed, button(listed, "مصوبه ۸"), replies=1)
    await bot.press(SECRETARIAT, listed, button(listed, "معوق"))
    overdue = await bot.client.wait_for_edit(SECRETARIAT, listed["message_id"])
    assert "۰ مورد" in overdue["text"]
    [cancelled] = await bot.press(SECRETARIAT, detail, button(detail, "لغو مصوبه"), replies=1)
    assert "مصوبه ۸ لغو شد" in cancelled["text"]
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "مصوبه ۸ (جلسه" not in owe["text"]
    [menu] = await bot.press(SECRETARIAT, detail, button(detail, "تغییر متولی"), replies=1)
    await bot.press(SECRETARIAT, menu, button(menu, "معاونت اقتصادی"))
    await bot.client.wait_for_edit(SECRETARIAT, menu["message_id"])
    [ask] = await bot.press(SECRETARIAT, detail, button(detail, "ویرایش"), replies=1)
    assert "بازه زمانی | متولی | موضوع" in ask["text"]
    [bad] = await bot.say(SECRETARIAT, "یک هفته | کمیته خیالی | موضوع")
    assert "این متولی‌ها را نشناختم: کمیته خیالی" in bad["text"]
    [ok] = await bot.say(SECRETARIAT, "۱۰ روز | کمیته زیرساخت | پایلوت همدان")
    assert "۱۴۰۰/۰۲/۰۹" in ok["text"]
    [ask] = await bot.say(SECRETARIAT, "/newresolution")
    assert "مصوبه تازه برای جلسه" in ask["text"]
    [added] = await bot.say(SECRETARIAT, "یک هفته | دبیرخانه | پیگیری اعتبار")
    assert "مصوبه ۱۵" in added["text"]
    with bot.runtime.session() as session:
        assert len(resolutions_repo.search(session)) == 15
