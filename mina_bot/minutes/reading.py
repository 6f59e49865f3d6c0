"""The heavy half of /import, run in a worker process: read the file, parse it once to check."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mina_bot.minutes.importer import directory
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.sources import PDF_SUFFIX, text_of_file
from mina_bot.minutes.units import UnitDirectory
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime

# A PDF's text that shows no table, or rows whose cells run together, came out of order.
_PDF_ORDER_PROBLEMS = frozenset({"minutes.error.no_table", "minutes.error.row_columns",
                                 "minutes.error.list_item"})


def checked_minutes(name: str | None, data: bytes | str, *, session_date: dt.date,
                    units: UnitDirectory, max_unpacked_mb: int) -> str:
    """The minutes' text (of a file when `name` is given, else as pasted), parsed once to check
    its shape: the heavy half of /import, run in a worker process."""
    source = data if name is None else text_of_file(name, data, max_unpacked_mb=max_unpacked_mb)
    if not source.strip():
        raise MinutesError("minutes.error.empty")
    try:
        parse_minutes(source, session_date=session_date, units=units)
    except MinutesError as exc:
        if name is not None and Path(name).suffix.lower() == PDF_SUFFIX \
                and any(p.key in _PDF_ORDER_PROBLEMS for p in exc.problems):
            raise MinutesError("minutes.error.pdf_order", name=name) from None
        raise
    return source


def checked_against_units(settings: Settings, name: str | None, data: bytes | str, *,
                          session_date: dt.date) -> str:
    """`checked_minutes` against the organisation's units, read on the worker's own connection
    (their names, normalised, are milliseconds of Python per hundred units)."""
    with worker_runtime(settings).session() as session:
        units = directory(session)
    return checked_minutes(name, data, session_date=session_date, units=units,
                           max_unpacked_mb=settings.max_document_uncompressed_mb)
