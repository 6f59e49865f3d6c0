"""The compliance chart, read and drawn in a worker process (`Workers.run`): its weeks of
reports are counted on the worker's own connection, never on the bot's event loop."""

from __future__ import annotations

import datetime as dt

from mina_bot.export.chart import render_trend_png
from mina_bot.reports.reading import trend_to
from mina_bot.reports.views import trend_dto
from mina_bot.settings import Settings
from mina_bot.workers import worker_runtime


def drawn(settings: Settings, *, session_id: int, now: dt.datetime, lang: str
          ) -> tuple[bytes, int]:
    """The chart of the weeks up to a session (StaleButton when there is none): its PNG, and
    how many weeks it shows."""
    with worker_runtime(settings).session() as session:
        series = trend_to(session, session_id=session_id, weeks=settings.report_trend_weeks,
                          now=now, settings=settings)
    return render_trend_png(trend_dto(series, lang, settings.tz)), len(series)
