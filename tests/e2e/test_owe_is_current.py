"""«What do I owe?» always says what the database says now: changes made here, by another
process (the command line, a second bot) and the passing of days show at the next ask."""

from __future__ import annotations

import asyncio
import datetime as dt

from tests.fixtures.buttons import button
from tests.fixtures.minutes import INFRA_SECRETARY, SECRETARIAT, import_seed
from tests.fixtures.processes import ROOT, run_bot

SEED = ROOT / "tests" / "data" / "seed_minutes.txt"


async def test_minutes_imported_from_the_command_line_show_at_the_next_ask(org_bot):
    bot = org_bot
    [before] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "مصوبه ۸ (جلسه" not in before["text"]

    imported = await asyncio.to_thread(
        run_bot, "minutes", "import", str(SEED), "--session-date", "1400/01/30",
        env={"MINA_DATABASE_URL": bot.settings.database_url}, cwd=ROOT)
    assert imported.returncode == 0, imported.stderr

    [after] = await bot.say(INFRA_SECRETARY, "/owe")
    for number in ("۱", "۲", "۳", "۵", "۸", "۱۲"):
        assert f"مصوبه {number} (جلسه" in after["text"], number


async def test_a_confirmation_leaves_the_list_at_once(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "مصوبه ۸ (جلسه" in owe["text"]
    await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام ۸"), replies=1)
    await bot.say(INFRA_SECRETARY, "انجام شد")

    [reported] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "منتظر تأیید" in reported["text"]
    [staff] = await bot.say(SECRETARIAT, "/owe")
    await bot.press(SECRETARIAT, staff, button(staff, "تأیید ۸"), replies=1)
    [done] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "مصوبه ۸ (جلسه" not in done["text"] and "مصوبه ۲ (جلسه" in done["text"]


async def test_the_next_day_the_page_counts_a_day_less(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [today] = await bot.say(INFRA_SECRETARY, "/owe")
    bot.clock.advance(dt.timedelta(days=1))
    [tomorrow] = await bot.say(INFRA_SECRETARY, "/owe")
    assert "۱۴۰۰/۰۲/۱۳ (۷ روز مانده)" in today["text"]
    assert "۱۴۰۰/۰۲/۱۳ (۶ روز مانده)" in tomorrow["text"]
    assert "(۱ روز گذشته)" not in today["text"] and "۱۴۰۰/۰۲/۰۶ (۱ روز گذشته)" in tomorrow["text"]
