"""The cards people read carry no raw catalog key (`attendance.error.x`), no untranslated enum
value (`reported_done`) and, for a Persian reader, no Latin digit in a button: the sample
organisation and minutes, every card and list opened, in both languages."""

from __future__ import annotations

import enum
import re

import pytest

import storage.models.enums as enums
from demo.sample import seed_sample_minutes
from mina_bot.catalog import TEXTS
from sandbox.views import button_data
from tests.e2e.test_limits import labels

SECRETARIAT, SECRETARY = 1002, 1003  # the secretariat's secretary; the infrastructure's
NAMESPACES = {key.split(".")[0] for key in TEXTS}
DOTTED = re.compile(r"\b[a-z_]+(?:\.[a-z_0-9]+)+\b")
ENUM_VALUES = {str(v) for c in vars(enums).values() if isinstance(c, type)
               and issubclass(c, enum.Enum) and c.__module__ == enums.__name__
               for v in c if "_" in str(v)}  # one-word values read as words in English
COMMANDS = ("/whoami", "/owe", "/session", "/resolutions", "/pending", "/reports", "/units",
            "/members design", "/settings", "/help", "/invites", "/links", "/report")


def raw(said: str) -> list[str]:
    """Raw catalog keys and enum values in a text."""
    keys = [m for m in DOTTED.findall(said) if m.split(".")[0] in NAMESPACES]
    values = [w for w in re.findall(r"\b[a-z]+_[a-z_]+\b", said) if w in ENUM_VALUES]
    return keys + values


@pytest.fixture
def bot_settings():
    """Opening every card is quicker than a person presses: no flood limit here."""
    return {"flood_limit": 1000}


@pytest.fixture
async def seeded(sample_organisation, bot):
    with bot.runtime.session() as session:
        seed_sample_minutes(session, settings=bot.settings, now=bot.clock.now())
    return bot


async def screens(bot, user: int) -> list[dict]:
    """What each command answers, and every resolution card /resolutions and /owe open."""
    seen = []
    for command in COMMANDS:
        seen += await bot.say(user, command)
    for command in ("/resolutions", "/owe"):
        [listing] = await bot.say(user, command)
        for data in [d for d in button_data(listing) if d.startswith("res:open")]:
            before = (await bot.client.transcript(user))[-1]["message_id"]
            await bot.client.press_button(user, listing["message_id"], data)
            seen += await bot.client.wait_for_bot_messages(user, 1, since=before)
    return seen


@pytest.mark.parametrize("user, lang", [(SECRETARIAT, "fa"), (SECRETARY, "fa"),
                                        (SECRETARIAT, "en")])
async def test_no_card_shows_a_raw_key_an_enum_value_or_a_latin_digit_in_a_button(
        seeded, user, lang):
    bot = seeded
    if lang == "en":
        [ask] = await bot.say(user, "/language")
        await bot.press_label(user, ask, "English")
    shown = await screens(bot, user)
    assert len(shown) > len(COMMANDS)  # cards opened too
    for message in shown:
        assert raw(message["text"]) == [], message["text"]
        for label in labels(message):
            assert raw(label) == [], label
            if lang == "fa":
                assert not re.search(r"[0-9]", label), (label, message["text"][:80])
