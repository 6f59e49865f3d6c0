"""The agenda's review item names the units that still owe, and is never an empty title."""

from __future__ import annotations

import datetime as dt

from mina_bot.delivery.agenda import agenda_html
from mina_bot.sessions.review import LIMIT, Owed, review_title
from storage.models import AgendaItem, AgendaKind, CouncilSession, Unit, UnitKind

DESIGN = Unit(id=1, key="design", kind=UnitKind.COMMITTEE, name_fa="کمیته طراحی",
              name_en="Design & <Methodology>")
IT = Unit(id=2, key="it", kind=UnitKind.COMMITTEE, name_fa="کمیته فناوری", name_en="IT")


def test_the_review_names_the_units_owing_overdue_first_and_counts_the_rest():
    items = [Owed(3, 1, (DESIGN, IT), overdue=True)] + [
        Owed(n, 1, (IT,), overdue=False) for n in range(4, 4 + LIMIT + 2)]
    title = review_title(items, "fa")
    assert "بررسی مصوبات باز (۱۱) و معوق (۱):" in title
    assert "مصوبه ۳/ج۱ (معوق): کمیته طراحی، کمیته فناوری" in title
    assert "… و ۳ مصوبه دیگر" in title
    assert "Design &amp; &lt;Methodology&gt;" in review_title(items, "en")
    assert "مصوبه بازی نمانده است" in review_title([], "fa")


def test_the_broadcast_agenda_carries_the_review():
    council = CouncilSession(id=1, number=2, starts_at=dt.datetime(2021, 4, 26, 5, 30,
                                                                   tzinfo=dt.UTC))
    items = [AgendaItem(session_id=1, position=1, kind=AgendaKind.REVIEW, title="")]
    body = agenda_html(council, items, "fa", dt.UTC,
                       review_title([Owed(3, 1, (DESIGN,), overdue=False)], "fa"))
    assert "مصوبه ۳/ج۱: کمیته طراحی" in body
    assert "بررسی مصوبات باز و معوق" in agenda_html(council, items, "fa", dt.UTC)
