"""End to end: at national size (320 units) the question about an unknown name pages its units,
narrows them by typed letters, and keeps what was ticked on every page."""

from __future__ import annotations

from storage.models import UnitKind
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import units as units_repo
from tests.e2e.test_long_minutes import within_limits
from tests.fixtures.buttons import button, labels
from tests.fixtures.minutes import SECRETARIAT, paste, saved

UNITS = 320
MAP = "بازه زمانی\tمتولی\tموضوع\n-\tدفتر نقشه\t۱) تهیه نقشه\n"
LAST = f"اداره آمار استانی {UNITS}"


def add_units(bot) -> None:
    with bot.runtime.session() as session:
        for n in range(1, UNITS + 1):
            units_repo.create_unit(session, key=f"province-{n}", kind=UnitKind.OTHER,
                                   name_fa=f"اداره آمار استانی {n}", name_en=f"Province {n}")


def ticks(message: dict) -> list[str]:
    return [b for b in labels(message) if "اداره آمار استانی" in b or "معاونت" in b
            or "کمیته" in b or "دبیرخانه" in b or "پژوهشکده" in b or "سازمان" in b]


async def edited(bot, message: dict) -> dict:
    [now] = [m for m in await bot.client.transcript(SECRETARIAT)
             if m["message_id"] == message["message_id"]]
    return now


async def test_every_one_of_320_units_is_reachable_and_ticks_are_kept_across_pages(org_bot):
    bot = org_bot
    add_units(bot)
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    question = await paste(bot, SECRETARIAT, MAP)
    assert "«دفتر نقشه» را نمی‌شناسم" in question["text"] and "صفحهٔ ۱ از" in question["text"]
    await bot.press(SECRETARIAT, question, button(question, "معاونت اقتصادی"))
    question = await edited(bot, question)
    seen = set(ticks(question))
    while "بعدی »" in labels(question):
        within_limits(question)
        await bot.press(SECRETARIAT, question, button(question, "بعدی »"))
        question = await edited(bot, question)
        seen |= set(ticks(question))
    assert f"{LAST}" in seen and len({s.removeprefix("✅ ") for s in seen}) == UNITS + 9
    await bot.press(SECRETARIAT, question, button(question, LAST))
    question = await edited(bot, question)
    assert f"✅ {LAST}" in labels(question)
    assert "✔️ همین‌ها (۲ واحد)" in labels(question)  # the tick on the first page is kept
    [asked] = await bot.press(SECRETARIAT, question, button(question, "همین‌ها"), replies=1)
    await bot.press(SECRETARIAT, asked, button(asked, "ثبت ۱ مصوبه"), replies=1)
    with bot.runtime.session() as session:
        [(resolution, _)] = resolutions_repo.search(session)
        keys = {u.key for u in resolutions_repo.units_of(session, resolution_id=resolution.id)}
    assert keys == {"economic-deputy", f"province-{UNITS}"}


async def test_typed_letters_narrow_the_units_and_the_search_can_be_cleared(org_bot):
    bot = org_bot
    add_units(bot)
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    await paste(bot, SECRETARIAT, MAP)
    [found] = await bot.say(SECRETARIAT, "استانی ۳۱۷")
    assert ticks(found) == ["اداره آمار استانی 317"]  # Persian digits typed find Latin ones
    assert "«استانی ۳۱۷»" in found["text"] and "دفتر نقشه" in found["text"]
    [nothing] = await bot.say(SECRETARIAT, "ناموجود")
    assert ticks(nothing) == [] and "پیدا نشد" in nothing["text"]
    await bot.press(SECRETARIAT, nothing, button(nothing, "همه واحدها"))
    everything = await edited(bot, nothing)
    assert len(ticks(everything)) == 24 and "صفحهٔ ۱ از" in everything["text"]
    [found] = await bot.say(SECRETARIAT, "استانی 317")
    await bot.press(SECRETARIAT, found, button(found, "317"))
    found = await edited(bot, found)
    [asked] = await bot.press(SECRETARIAT, found, button(found, "همین‌ها"), replies=1)
    assert "ثبت ۱ مصوبه" in labels(asked)[0]
    [done] = await bot.say(SECRETARIAT, "این متن دیگر جستجو نیست")
    assert "پیدا نشد" not in done["text"]
    await bot.press(SECRETARIAT, asked, button(asked, "ثبت ۱ مصوبه"), replies=1)
    assert len(saved(bot)) == 1
    with bot.runtime.session() as session:
        assert "دفتر نقشه" in units_repo.get_by_key(session, key="province-317").aliases


async def test_a_forged_unit_page_is_stale_and_a_restart_keeps_the_search(org_bot):
    bot = org_bot
    add_units(bot)
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    question = await paste(bot, SECRETARIAT, MAP)
    for forged in ("imp:upage:x", "imp:upage:-1", "imp:upage"):
        query = await bot.client.press_button(SECRETARIAT, question["message_id"], forged)
        said = await bot.client.wait_for_answer(query)
        assert "این دکمه دیگر معتبر نیست" in said["text"], said
    far = await bot.client.press_button(SECRETARIAT, question["message_id"], "imp:upage:999")
    await bot.client.wait_for_answer(far)
    last = await edited(bot, question)
    assert LAST in labels(last) and "بعدی »" not in labels(last)  # past the end: the last page
    await bot.restart()
    [found] = await bot.say(SECRETARIAT, "استانی ۳۲۰")
    assert ticks(found) == [LAST]
