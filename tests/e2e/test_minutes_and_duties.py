"""End to end: the secretariat imports the seed minutes; a secretary sees and reports duties."""

from __future__ import annotations

import asyncio
from pathlib import Path

from storage.models import Resolution
from storage.repositories import resolutions as resolutions_repo

SEED = (Path(__file__).resolve().parents[1] / "data" / "seed_minutes.txt").read_bytes()
SECRETARIAT, INFRA_SECRETARY, INFRA_MEMBER = 1002, 1003, 1017


def button(message: dict, label: str) -> str:
    """The callback data of the button whose label contains `label`."""
    markup = message.get("reply_markup") or []
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else markup
    found = [b["callback_data"] for row in rows for b in row if label in b["text"]]
    assert found, f"no button {label!r} in {rows}"
    return found[0]


async def import_seed(bot) -> dict:
    [ask] = await bot.say(SECRETARIAT, "/import 1400/01/30")
    assert "صورت‌جلسه را بفرستید" in ask["text"]
    sent = await bot.client.send_document(SECRETARIAT, "minutes.txt", SEED, "text/plain")
    [preview] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"])
    return preview


async def notice(bot, user_id: int, part: str) -> dict:
    """The first message to `user_id` containing `part` (a notice the outbox delivers)."""
    for _ in range(200):
        found = [m for m in await bot.client.bot_messages(user_id)
                 if part in (m.get("text") or m.get("caption") or "")]
        if found:
            return found[0]
        await asyncio.sleep(0.05)
    raise AssertionError(f"no message to {user_id} with {part!r}")


def saved(bot) -> list[Resolution]:
    with bot.runtime.session() as session:
        return list(resolutions_repo.search(session))


async def test_import_then_owe_report_and_confirm(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    assert "پیش‌نمایش صورت‌جلسه ۱۴۰۰/۰۱/۳۰" in preview["text"] and "۱۴ مصوبه" in preview["text"]
    assert "هنوز چیزی ذخیره نشده است" in preview["text"]
    assert saved(bot) == []
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "ثبت صورت‌جلسه"), replies=1)
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
        await bot.press(SECRETARIAT, preview, button(preview, "ثبت صورت‌جلسه"), replies=1)
    assert len(saved(bot)) == 14


async def test_the_history_shows_who_reported(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    await bot.press(SECRETARIAT, preview, button(preview, "ثبت صورت‌جلسه"), replies=1)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام ۸"), replies=1)
    await bot.say(INFRA_SECRETARY, "انجام شد")
    [detail] = await bot.press(INFRA_SECRETARY, owe, button(owe, "مصوبه ۸"), replies=1)
    assert "گزارش انجام (کمیته زیرساخت و تبادل داده) — آقای دکتر اصغری: «انجام شد»" in \
        detail["text"]
    assert "کمیته زیرساخت و تبادل داده: گزارش انجام، منتظر تأیید" in detail["text"]  # its share
