"""Button data: round trips, the 64-byte limit, and forged data refused."""

import pytest

from mina_bot.callbacks import decode, encode
from mina_bot.errors import StaleButton


def test_round_trip():
    data = encode("res", "done", 12, "p3")
    pressed = decode(data, "res")
    assert (pressed.verb, pressed.args, pressed.int_arg(0)) == ("done", ("12", "p3"), 12)


@pytest.mark.parametrize("forged", ["", None, "res", "org:done:1", "res:done:1;drop",
                                    "res:" + "x" * 70, "res:done:-1"])
def test_forged_or_foreign_data_is_stale(forged):
    with pytest.raises(StaleButton):
        decode(forged, "res").int_arg(0)


def test_encode_refuses_separator_and_overlong_parts():
    with pytest.raises(ValueError):
        encode("res", "done", "a:b")
    with pytest.raises(ValueError):
        encode("res", "done", "x" * 64)
