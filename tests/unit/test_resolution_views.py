"""Rendering: long lists are paginated and every message fits Telegram's limit."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.sources import text_of_file
from mina_bot.minutes.units import UnitDirectory
from mina_bot.resolutions.duties import Duty, DutyPage
from mina_bot.resolutions.views import PAGE, owe_view
from storage.models import CouncilSession, Resolution, ResolutionStatus, ShareState, Unit, UnitKind

TODAY = dt.date(2021, 4, 26)
ROOT = Path(__file__).resolve().parents[2]


def duties(count: int, page: int = 0) -> DutyPage:
    every = [Duty(resolution=Resolution(id=n, session_id=1, number=n, subject="موضوع " * 400,
                                       status=ResolutionStatus.OPEN, due_date=TODAY),
                 session_number=1, unit_id=1, unit_name="کمیته زیرساخت", due=TODAY,
                 can_report=True) for n in range(1, count + 1)]
    return DutyPage(duties=tuple(every[page * PAGE:(page + 1) * PAGE]), total=count, page=page,
                    pages=-(-count // PAGE))


def test_a_long_owe_list_is_paginated_and_fits_a_message():
    awaiting = [(Resolution(id=99, session_id=1, number=99, subject="x" * 3000),
                 CouncilSession(id=1, number=1, starts_at=dt.datetime.now(dt.UTC)),
                 Unit(id=3, key="it", kind=UnitKind.COMMITTEE, name_fa="کمیته فناوری",
                      name_en="IT"))] * 10
    body, buttons = owe_view(duties(40), today=TODAY, lang="fa",
                             reports=[("کمیته زیرساخت", False)], coming=TODAY, awaiting=awaiting)
    assert len(body) < 4096
    assert "صفحه ۱ از ۷" in body
    assert buttons[-1] == [("بعدی »", "res:owe:1")]
    assert ("↩️ برگرداندن ۹۹", "res:back:99:3") in buttons[-2]  # a share: resolution and unit
    body, buttons = owe_view(duties(40, page=6), today=TODAY, lang="fa", reports=[],
                             coming=TODAY)
    assert "مصوبه ۴۰" in body and len(buttons) == 40 - 6 * PAGE + 1
    assert buttons[-1] == [("« قبلی", "res:owe:5")]


def test_the_owe_line_says_days_left_or_overdue():
    items = duties(1)
    body, _ = owe_view(items, today=TODAY - dt.timedelta(days=3), lang="fa", reports=[],
                       coming=None)
    assert "۳ روز مانده" in body
    body, _ = owe_view(items, today=TODAY + dt.timedelta(days=2), lang="fa", reports=[],
                       coming=None)
    assert "۲ روز گذشته" in body


def test_a_word_file_with_a_table_is_read_like_the_text():
    import docx

    document = docx.Document()
    document.add_paragraph("مصوبات:")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ("بازه زمانی", "متولی", "موضوع"), strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ("دو هفته", "کمیته زیر ساخت", "۱) پایلوت"),
                           strict=True):
        cell.text = value
    document.add_paragraph("زمان جلسه: دوشنبه ۱۴۰۰/۲/۶")
    buffer = io.BytesIO()
    document.save(buffer)
    source = text_of_file("minutes.docx", buffer.getvalue())
    units = UnitDirectory.from_yaml(ROOT / "examples" / "org.yaml")
    minutes = parse_minutes(source, session_date=parse_jalali_ymd("1400/01/30"), units=units)
    assert [r.units for r in minutes.resolutions] == [("infrastructure",)]
    assert minutes.next_session == parse_jalali_ymd("1400/02/06")


def test_the_owe_line_says_how_many_units_have_done_their_part_and_a_share_sent_back():
    items = duties(1)
    sent_back = DutyPage(duties=(Duty(
        resolution=Resolution(id=1, session_id=1, number=1, subject="موضوع",
                              status=ShareState.SENT_BACK, due_date=TODAY),
        session_number=1, unit_id=1, unit_name="کمیته زیرساخت", due=TODAY, can_report=True),),
        total=1, page=0, pages=1)
    body, buttons = owe_view(items, today=TODAY, lang="fa", reports=[], coming=None,
                             tallies={1: (2, 5)})
    assert "۲ از ۵ واحد مسئول انجام داده‌اند" in body
    body, buttons = owe_view(sent_back, today=TODAY, lang="fa", reports=[], coming=None)
    assert "گزارش شما برگشت داده شده است" in body
    assert ("✅ گزارش انجام ۱", "res:rep:1:1") in buttons[0]
