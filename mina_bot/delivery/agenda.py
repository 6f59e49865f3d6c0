"""The next session's agenda as one message, for broadcasts and session reminders."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import tzinfo

from mina_bot.catalog import Safe, text
from mina_bot.jalali import format_date, format_time
from mina_bot.sessions.views import agenda_title, place_in
from storage.models import AgendaItem, AgendaKind, CouncilSession


def agenda_html(council_session: CouncilSession, items: Sequence[AgendaItem], lang: str,
                tz: tzinfo, review: str | None = None,
                unit_names: Mapping[int, str] | None = None) -> str:
    """«دستور جلسه …»: number, Jalali date and weekday, time, place, then the items (the review
    item as `review` says: the resolutions and the units that still owe them); a committee's
    report under the committee's name in the reader's language."""
    local = council_session.starts_at.astimezone(tz)
    names = unit_names or {}
    lines = [text("delivery.agenda_line", lang, position=i,
                  title=Safe(review) if review and not item.title else
                  (item.kind == AgendaKind.STANDING and names.get(item.unit_id or 0))
                  or agenda_title(item.title, lang) or text("delivery.agenda_review", lang))
             for i, item in enumerate(items, 1)]
    body = "\n".join(lines) if lines else text("delivery.agenda_empty", lang)
    return text("delivery.agenda_message", lang, number=council_session.number,
                date=format_date(local.date(), lang, "weekday_long"),
                time=format_time(local, lang), place=place_in(council_session.place, lang),
                items=Safe(body))
