"""The heavy half of /import, run in a worker process: read the file, parse it once to check."""

from __future__ import annotations

import datetime as dt

from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.sources import text_of_file
from mina_bot.minutes.units import UnitDirectory


def checked_minutes(name: str | None, data: bytes | str, *, session_date: dt.date,
                    units: UnitDirectory, max_unpacked_mb: int) -> str:
    """The minutes' text (of a file when `name` is given, else as pasted), parsed once to check
    its shape: the heavy half of /import, run in a worker process."""
    source = data if name is None else text_of_file(name, data, max_unpacked_mb=max_unpacked_mb)
    if not source.strip():
        raise MinutesError("minutes.error.empty")
    parse_minutes(source, session_date=session_date, units=units)
    return source
