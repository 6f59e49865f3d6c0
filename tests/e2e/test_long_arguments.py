"""Numeric command arguments are bounded: a 5,000-digit «number» gets a clear answer (issue 25)."""

from __future__ import annotations

import pytest

SECRETARIAT = 1002


@pytest.mark.parametrize("command", ["/import", "/reports", "/export", "/resolutions"])
@pytest.mark.parametrize("argument", ["9" * 5000, "۹" * 30, "1400/01/" + "3" * 40])
async def test_a_too_long_number_gets_a_clear_answer(org_bot, command, argument):
    [answer] = await org_bot.say(SECRETARIAT, f"{command} {argument}")
    assert "شماره‌ها و تاریخ‌ها حداکثر ۲۰" in answer["text"], answer["text"][:200]
    assert len(answer["text"]) < 300
