"""Which failures tell the user «try again in a moment» and which are defects of ours."""

from __future__ import annotations

from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from handlers.errors import _unavailable


def test_a_refused_request_is_not_an_outage() -> None:
    assert not _unavailable(BadRequest("Message is too long"))  # PTB: BadRequest is a NetworkError
    assert not _unavailable(Forbidden("bot was blocked by the user"))
    assert not _unavailable(ValueError("a bug"))


def test_an_unreachable_or_failing_api_is_an_outage() -> None:
    assert _unavailable(TimedOut())
    assert _unavailable(NetworkError("Bad Gateway"))
