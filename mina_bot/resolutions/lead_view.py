"""The lead-unit menu of a resolution: its units a page at a time, and the «lead closes» switch."""

from __future__ import annotations

from collections.abc import Sequence

from mina_bot.callbacks import encode
from mina_bot.catalog import label, name_in, text
from mina_bot.pages import Buttons, page_count, page_nav
from storage.models import Resolution, ResolutionAssignment, Unit

PAGE = 8  # units a page: a «کمیته‌ها» resolution names every committee of the country


def lead_menu(resolution: Resolution, shares: Sequence[tuple[ResolutionAssignment, Unit]], *,
              page: int, lang: str) -> tuple[str, Buttons]:
    """The question and its buttons: one unit a row (👑 the lead), the switch, the pages."""
    pages = page_count(len(shares), PAGE)
    page = min(max(page, 0), pages - 1)
    rows: Buttons = [[(("👑 " if share.is_lead else "") + name_in(unit, lang),
                       encode("res", "setlead", resolution.id, unit.id))]
                     for share, unit in shares[page * PAGE:(page + 1) * PAGE]]
    state = text("resolutions.lead.on" if resolution.lead_closes else "resolutions.lead.off", lang)
    rows.append([(label("resolutions.button.lead_closes", lang, state=state),
                  encode("res", "leadc", resolution.id))])
    rows += page_nav(("res", "lead"), page, pages, lang, resolution.id)
    closes = "on" if resolution.lead_closes else "off"
    body = text("resolutions.lead.ask", lang, number=resolution.number,
                closes=text(f"resolutions.lead.closes_{closes}", lang))
    return body, rows
