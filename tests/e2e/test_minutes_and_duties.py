"""End to end: the secretariat imports the seed minutes; a secretary sees and reports duties."""

from __future__ import annotations

from tests.fixtures.buttons import button
from tests.fixtures.minutes import INFRA_SECRETARY, SECRETARIAT, import_seed, notice, saved


async def test_import_then_owe_report_and_confirm(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    assert "پیش‌نمایش صورت‌جلسه ۱۴۰۰/۰۱/۳۰" in preview["text"] and "۱۴ مصوبه" in preview["text"]
    assert "هنوز چیزی ذخیره نشده است" in preview["text"]
    assert saved(bot) == []
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    assert "۱۴ مصوبه تازه" in done["text"] and "۱۴۰۰/۰۲/۰۶" in done["text"]

    [owe] = await bot.say(INFRA_SECRETARY, "چه کاری بر عهده من است؟")
    for number in ("۱", "۲", "۳", "۵", "۸", "۱۲"):
        assert f"مصوبه {number} (جلسه" in owe["text"], number
    for number in ("۴", "۶", "۷", "۹", "۱۰", "۱۱", "۱۳", "۱۴"):
        assert f"مصوبه {number} (جلسه" not in owe["text"], number
    assert "مهلت: ۱۴۰۰/۰۲/۰۶ (امروز)" in owe["text"]
    assert "هنوز نرسیده" in owe["text"]  # the unit's weekly report for the coming session
    [ask] = await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام ۸"), replies=1)
    assert "مصوبه ۸" in ask["text"]
    [ok] = await bot.say(INFRA_SECRETARY, "پیشنهاد پایلوت گیلان ارسال شد")
    assert "از مصوبه ۸ گزارش شد" in ok["text"]
    await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۸")

    [staff] = await bot.say(SECRETARIAT, "/owe")
    assert "منتظر تأیید دبیرخانه (۱)" in staff["text"]
    [confirmed] = await bot.press(SECRETARIAT, staff, button(staff, "تأیید ۸"), replies=1)
    assert "مصوبه ۸ تأیید شد" in confirmed["text"]

    [again] = await bot.say(INFRA_SECRETARY, "کارهای من")
    assert "مصوبه ۸ (جلسه" not in again["text"] and "مصوبه ۲ (جلسه" in again["text"]


async def test_importing_the_same_minutes_twice_does_not_duplicate(org_bot):
    bot = org_bot
    for _ in range(2):
        preview = await import_seed(bot)
        await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    assert len(saved(bot)) == 14


async def test_the_history_shows_who_reported(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام ۸"), replies=1)
    await bot.say(INFRA_SECRETARY, "انجام شد")
    [detail] = await bot.press(INFRA_SECRETARY, owe, button(owe, "مصوبه ۸"), replies=1)
    assert "گزارش انجام (کمیته زیرساخت و تبادل داده) — آقای دکتر اصغری: «انجام شد»" in \
        detail["text"]
    assert "کمیته زیرساخت و تبادل داده: گزارش انجام، منتظر تأیید" in detail["text"]  # its share
