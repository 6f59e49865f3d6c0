"""End to end: the secretariat changes the report's questions in chat; they apply from next week
while this week's report keeps its own; bad input and strangers are refused."""

from __future__ import annotations

import datetime as dt

from mina_bot.identity import load_actor
from mina_bot.reports import drafts
from mina_bot.reports.content import snapshot
from mina_bot.settings import Settings
from storage.repositories import reports as reports_repo
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button

SECRETARIAT, SECRETARY = 1002, 1003
NEXT_WEEK = SATURDAY_MORNING + dt.timedelta(days=7)


async def edited(bot, user: int, message: dict) -> dict:
    """The message as it reads after the bot edited it."""
    return next(m for m in await bot.client.transcript(user)
                if m["message_id"] == message["message_id"])


async def test_questions_change_from_next_week_and_old_reports_keep_theirs(sample_organisation,
                                                                          bot):
    bot.clock.set(SATURDAY_MORNING)
    with bot.runtime.session() as session:
        world = seed_reports_world(session)
    [kinds] = await bot.say(SECRETARIAT, "/questions")
    [shown] = await bot.press(SECRETARIAT, kinds, button(kinds, "کمیته‌ها"), replies=0) or [
        await edited(bot, SECRETARIAT, kinds)]
    assert "۱) این هفته چه کارهایی انجام شد؟" in shown["text"]
    assert "۲) برنامه هفته آینده چیست؟ (اختیاری)" in shown["text"]

    [ask] = await bot.press(SECRETARIAT, shown, button(shown, "پرسش تازه"), replies=1)
    assert "۵۰۰" in ask["text"]
    [refused] = await bot.say(SECRETARIAT, "پ" * 501)
    assert "۵۰۱ نویسه" in refused["text"]
    [shown] = await bot.say(SECRETARIAT, "چه <b>ریسکی</b> پیش رو است؟\n---\nWhat risks lie ahead?")
    assert "۴) چه &lt;b&gt;ریسکی&lt;/b&gt; پیش رو است؟" in shown["source_text"]
    assert "از شنبه" in shown["text"]  # from next week
    await bot.press(SECRETARIAT, shown, button(shown, "⬆️ ۴"))  # up to third
    shown = await edited(bot, SECRETARIAT, shown)
    await bot.press(SECRETARIAT, shown, button(shown, "اختیاری ۳"))
    shown = await edited(bot, SECRETARIAT, shown)
    await bot.press(SECRETARIAT, shown, button(shown, "🗑 ۲"))  # «planned» goes
    shown = await edited(bot, SECRETARIAT, shown)
    [ask] = await bot.press(SECRETARIAT, shown, button(shown, "✏️ ۱"), replies=1)
    [shown] = await bot.say(SECRETARIAT, "این هفته چه کردید؟")
    lines = [line for line in shown["text"].splitlines() if line[:2] in ("۱)", "۲)", "۳)")]
    assert lines == ["۱) این هفته چه کردید؟", "۲) چه <b>ریسکی</b> پیش رو است؟ (اختیاری)",
                     "۳) چه مشکلاتی هست و از دیگر واحدها چه نیازی دارید؟ (اختیاری)"]

    # A secretary, and a forged press, are refused.
    [denied] = await bot.say(SECRETARY, "/questions")
    assert "اجازه" in denied["text"]
    query = await bot.client.press_button(SECRETARY, denied["message_id"], "rq:del:committee:done")
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
    query = await bot.client.press_button(SECRETARIAT, shown["message_id"], "rq:del:nokind:x")
    assert "معتبر نیست" in (await bot.client.wait_for_answer(query))["text"]

    # This week's report still asks the old questions.
    [first] = await bot.say(SECRETARY, "/report")
    assert "۱) این هفته چه کارهایی انجام شد؟" in first["text"]
    with bot.runtime.session() as session:
        secretary = load_actor(session, telegram_id=SECRETARY, admin_ids=())
        report = reports_repo.report_for(session, unit_id=world["infra"],
                                         session_id=world["session2"])
        old = snapshot(session, report=report)
    assert [q["key"] for q in old["questions"]] == ["done", "planned", "problems"]

    # Next week's report asks the new ones, in their new order.
    bot.clock.set(NEXT_WEEK + dt.timedelta(days=3))  # after session 2, before session 3
    await bot.say(SECRETARY, "/cancel", replies=0)
    with bot.runtime.session() as session:
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=world["infra"],
                                      now=bot.clock.now(), settings=Settings(_env_file=None))
        new = snapshot(session, report=report)
        drafts.release(session, actor=secretary)
    assert [q["fa"] for q in new["questions"]][:2] == ["این هفته چه کردید؟",
                                                       "چه <b>ریسکی</b> پیش رو است؟"]
    assert new["questions"][1]["en"] == "What risks lie ahead?"
    assert new["session"]["number"] == 3 and old["session"]["number"] == 2
    [asked] = await bot.say(SECRETARY, "/report")
    assert "۱) این هفته چه کردید؟" in asked["text"]
