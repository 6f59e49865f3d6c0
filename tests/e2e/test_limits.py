"""End to end at national size, against the strict sandbox: every keyboard and every reply
within Telegram's limits, long input answered clearly."""

from __future__ import annotations

import pytest

from mina_bot.catalog import text
from mina_bot.persian import to_latin_digits, to_persian_digits
from mina_bot.sessions import agenda
from mina_bot.sessions.schedule import ensure_next_session
from sandbox.limits import MAX_TEXT_LENGTH, utf16_length
from sandbox.views import button_data
from storage.models import Resolution, ResolutionAssignment, UnitKind
from storage.repositories import units
from tests.fixtures.bot import ADMIN_ID, button
from tests.fixtures.minutes import paste

SECRETARIAT = 1002
PROVINCES = 320
NEXT = "بعدی"


@pytest.fixture
def bot_settings():
    """Walking every page is quicker than a person presses: no flood limit here."""
    return {"flood_limit": 1000, "reporting_unit_kinds": ("committee", "province")}


@pytest.fixture
async def national(sample_organisation, bot):
    """The sample organisation with 320 provincial offices more."""
    with bot.runtime.session() as session:
        for i in range(PROVINCES):
            units.create_unit(session, key=f"zone_{i:03d}", kind=UnitKind.PROVINCE,
                              name_fa=f"حوزه {to_persian_digits(f'{i:03d}')}",
                              name_en=f"Zone {i:03d}")
        session.commit()
        bot.total_units = len(units.list_units(session))
    return bot


def labels(message: dict) -> list[str]:
    markup = message.get("reply_markup") or []
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else markup
    return [b["text"] for row in rows for b in row]


async def walk_to_the_last_page(bot, user: int, message: dict) -> tuple[dict, set[str], int]:
    """Press «next» until there is none; the last screen, every unit button seen, the edits."""
    seen: set[str] = set()
    edits = 0
    while True:
        seen |= {d for d in button_data(message) if ":unit:" in d}
        assert len(labels(message)) <= 100
        if not any(NEXT in label for label in labels(message)):
            return message, seen, edits
        await bot.press_label(user, message, NEXT)
        edits += 1
        message = await bot.client.wait_for_edit(user, message["message_id"], edits=edits)


async def test_invite_pages_through_320_units_and_narrows_by_typed_letters(national):
    bot = national
    [screen] = await bot.say(ADMIN_ID, "/invite خانم آزمون")
    assert "صفحهٔ ۱ از" in screen["text"]
    last, seen, _ = await walk_to_the_last_page(bot, ADMIN_ID, screen)
    assert len(seen) == bot.total_units
    assert "حوزه ۳۱۹" in labels(last)
    [narrowed] = await bot.say(ADMIN_ID, "حوزه ۳۱")
    assert sorted(labels(narrowed)) == sorted(f"حوزه ۳۱{d}" for d in "۰۱۲۳۴۵۶۷۸۹")
    await bot.press_label(ADMIN_ID, narrowed, "حوزه ۳۱۷")
    roles = await bot.client.wait_for_edit(ADMIN_ID, narrowed["message_id"], contains="نقش")
    assert "حوزه ۳۱۷" in roles["text"]
    [nothing] = await bot.say(ADMIN_ID, "/invite آقای آزمون")
    [none] = await bot.say(ADMIN_ID, "ناموجود")
    assert "پیدا نشد" in none["text"] and nothing


async def test_broadcast_pages_through_320_units_and_narrows_by_typed_letters(national):
    bot = national
    await bot.say(SECRETARIAT, "/broadcast")
    [screen] = await bot.say(SECRETARIAT, "جلسه فوق‌العاده فردا")
    last, seen, edits = await walk_to_the_last_page(bot, SECRETARIAT, screen)
    assert len(seen) == bot.total_units
    await bot.press_label(SECRETARIAT, last, "حوزه ۳۱۹")
    chosen = await bot.client.wait_for_edit(SECRETARIAT, last["message_id"], edits=edits + 1)
    assert "✅ حوزه ۳۱۹" in labels(chosen)
    assert any(NEXT not in label and "قبلی" in label for label in labels(chosen))  # same page
    [narrowed] = await bot.say(SECRETARIAT, "Zone 30")
    assert len(labels(narrowed)) == 10 + 1 + 3 + 2  # ten zones, everyone, roles, preview/drop


async def test_reports_at_national_size_pages(national):
    bot = national
    [table] = await bot.say(SECRETARIAT, "/reports")
    assert "صفحهٔ ۱ از ۹" in table["text"]  # 320 zones and the committees, 40 to a page
    last, _, edits = await walk_to_the_last_page(bot, SECRETARIAT, table)
    assert "صفحهٔ ۹ از ۹" in last["text"] and "حوزه ۳۱۹" in last["text"]
    assert edits == 8


@pytest.mark.parametrize("command", ["/import", "/reports", "/export", "/resolutions"])
async def test_a_5000_digit_argument_gets_a_clear_answer(national, command):
    [answer] = await national.say(SECRETARIAT, f"{command} {'9' * 5000}")
    assert utf16_length(answer["text"]) < 1000
    assert answer["source_text"] != text("error.unexpected")
    assert "حداکثر ۲۰ نویسه" in answer["text"]  # what is wrong, not the 5,000 digits back


async def test_a_4096_character_answer_to_the_date_question_gets_a_reply_within_limits(national):
    bot = national
    await bot.say(SECRETARIAT, "/import")
    ask = await paste(bot, SECRETARIAT, "۱. خرید تجهیزات (مسئول: دبیرخانه؛ مهلت: یک هفته)")
    assert "تاریخ" in ask["text"]
    [answer] = await bot.say(SECRETARIAT, "ت" * 4096)
    assert utf16_length(answer["text"]) <= MAX_TEXT_LENGTH
    assert "…" in answer["text"]


async def test_the_agenda_buttons_fit_an_agenda_of_any_length(national):
    bot = national
    with bot.runtime.session() as session:
        council = ensure_next_session(session, now=bot.clock.now(), settings=bot.runtime.settings)
        for i in range(60):
            agenda.add_item(session, council_session=council, title=f"بند افزوده {i}")
        session.commit()
    [board] = await bot.say(SECRETARIAT, "/session")
    assert len(labels(board)) <= 100
    last, _, edits = await walk_to_the_last_page(bot, SECRETARIAT, board)
    first = labels(last)[0]  # «⬆️ N» of the first item on the last page
    assert edits >= 1 and len(labels(last)) <= 100
    await bot.press(SECRETARIAT, last, button(last, first))
    moved = await bot.client.wait_for_edit(SECRETARIAT, last["message_id"], edits=edits + 1)
    position = int(to_latin_digits(first.split()[-1]))
    assert f"⬆️ {to_persian_digits(str(position - 1))}" in labels(moved)  # its page follows it


async def test_the_resolutions_filter_buttons_fit_at_national_size(national):
    bot = national
    with bot.runtime.session() as session:
        zones = [u.id for u in units.list_units(session) if u.key.startswith("zone_")]
        council = ensure_next_session(session, now=bot.clock.now(), settings=bot.runtime.settings)
        for number, unit_id in enumerate(zones, 1):
            resolution = Resolution(session_id=council.id, number=number, subject=f"کار {number}",
                                    time_frame="یک هفته")
            session.add(resolution)
            session.flush()
            session.add(ResolutionAssignment(resolution_id=resolution.id, unit_id=unit_id,
                                             raw_name=f"zone {number}"))
        session.commit()
    [listing] = await bot.say(SECRETARIAT, "/resolutions")
    assert listing["text"].startswith("مصوبات") and "۳۲۰ مورد" in listing["text"]
    zones = [x for x in labels(listing) if x.startswith("حوزه")]
    assert 0 < len(zones) <= 18 and len(labels(listing)) <= 100
