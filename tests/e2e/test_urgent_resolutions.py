"""End to end: a deadline written «فوری», «بلافاصله» or «در اسرع وقت» is due at the next session
and marked urgent, from the preview to the database, the card and /owe, in both languages."""

from __future__ import annotations

from mina_bot.catalog import text
from tests.fixtures.buttons import button
from tests.fixtures.minutes import INFRA_SECRETARY, SECRETARIAT, paste, saved

MINUTES = ("مصوبات:\n"
           "ردیف\tموضوع\tمتولی\tمهلت\n"
           "۱\tگزارش پایلوت گیلان ارائه شود.\tکمیته زیرساخت\tفوری\n"
           "۲\tفهرست داده‌ها تهیه شود.\tکمیته زیرساخت\tبلافاصله\n"
           "۳\tنقشه‌ها به‌روز شود.\tکمیته زیرساخت\tدر اسرع وقت\n"
           "۴\tبرنامه آموزش تدوین شود.\tکمیته زیرساخت\tجلسه آینده\n"
           "۵\tگزارش هزینه‌ها ارائه شود.\tکمیته زیرساخت\tیک ماه\n"
           "زمان جلسه آینده: دوشنبه ۱۴۰۰/۲/۶\n")


async def choose_english(bot, user: int) -> None:
    [ask] = await bot.say(user, "/language")
    await bot.press_label(user, ask, text("language.name", "en"))
    await bot.client.wait_for_edit(user, ask["message_id"])


def blocks(message: dict) -> dict[str, str]:
    """The lines of each resolution of a list, by its number as written in the message."""
    out, current = {}, None
    for line in message["text"].split("\n"):
        for number in "۱۲۳۴۵12345":
            if line.lstrip("• ").startswith((f"{number})", f"مصوبه {number} ",
                                             f"Resolution {number} ")):
                current = number
        if current:
            out[current] = out.get(current, "") + line + "\n"
    return out


async def test_urgent_deadlines_are_stored_and_shown_everywhere(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await paste(bot, SECRETARIAT, MINUTES)
    assert preview["text"].count("⚡ فوری") == 3
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "ثبت ۵ مصوبه"), replies=1)
    assert "۵ مصوبه تازه" in done["text"]
    stored = {r.number: (r.urgent, r.due_date, r.due_at_session_id is not None)
              for r, _ in saved(bot)}
    assert {n for n, (urgent, _, _) in stored.items() if urgent} == {1, 2, 3}
    assert stored[1][1] == stored[4][1] and stored[1][2] and stored[4][2] and not stored[5][2]

    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    lines = blocks(owe)
    assert all("⚡ فوری" in lines[n] for n in "۱۲۳"), owe["text"]
    assert not any("⚡" in lines[n] for n in "۴۵"), owe["text"]
    [card] = await bot.press(INFRA_SECRETARY, owe, button(owe, "مصوبه ۲"), replies=1)
    assert "⚡ فوری" in card["text"]
    [card] = await bot.press(INFRA_SECRETARY, owe, button(owe, "مصوبه ۴"), replies=1)
    assert "⚡" not in card["text"]

    await choose_english(bot, INFRA_SECRETARY)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    assert owe["text"].count("⚡ urgent") == 3 and "فوری" not in owe["text"]
    [card] = await bot.press(INFRA_SECRETARY, owe, button(owe, "Resolution 3"), replies=1)
    assert "⚡ urgent" in card["text"]


async def test_the_urgent_mark_follows_a_corrected_import(org_bot):
    bot = org_bot
    for deadline, urgent in (("فوری", True), ("یک هفته", False)):
        await bot.say(SECRETARIAT, "/import 1400/01/30")
        preview = await paste(bot, SECRETARIAT, MINUTES.replace("\tفوری\n", f"\t{deadline}\n"))
        await bot.press(SECRETARIAT, preview, button(preview, "ثبت ۵ مصوبه"), replies=1)
        [first] = [r for r, _ in saved(bot) if r.number == 1]
        assert first.urgent is urgent
