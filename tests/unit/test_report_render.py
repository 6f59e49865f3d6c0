"""A report of a unit answering for hundreds of resolutions still fits one message."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest

from mina_bot.persian import to_latin_digits
from mina_bot.reports.render import report_html
from sandbox.formatting import format_text

TZ = ZoneInfo("Asia/Tehran")


def _content(resolutions: int) -> dict:
    return {
        "unit": {"name_fa": "کمیته فنی و فناوری اطلاعات", "name_en": "IT committee"},
        "session": {"starts_at": "2026-11-30T05:30:00+00:00", "number": 812},
        "receipt": "R-812-7", "submitted_at": "2026-11-28T09:00:00+00:00", "version": 2,
        "late": False,
        "answers": {"done": {"text": "جلسه برگزار شد " * 40}, "planned": {"skipped": True}},
        "progress": [{"number": n, "session_number": 700 + n % 90,
                      "subject": f"پیگیری دریافت ریزداده‌های دستگاه شماره {n} از استان‌ها",
                      "progress": "in_progress", "text": "منتظر پاسخ استانداری " * 12}
                     for n in range(1, resolutions + 1)],
        "attachments": [{"file_name": f"پیوست-{n}.pdf"} for n in range(5)],
    }


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_hundreds_of_resolutions_fit_one_message_and_say_how_many_more(lang: str) -> None:
    body = report_html(_content(240), lang, TZ)
    plain, _ = format_text(body, "HTML")  # the Bot API's own check: parses, ≤ 4096 characters
    shown = plain.count("• ")
    more = re.search(r"(\d+) (?:more|مصوبه دیگر)", to_latin_digits(plain))
    assert more is not None and shown + int(more.group(1)) == 240
    assert shown >= 5 and "پیوست-4.pdf" in plain  # the files come after, still there


def test_a_small_report_is_shown_whole() -> None:
    plain, _ = format_text(report_html(_content(6), "fa", TZ), "HTML")
    assert plain.count("• ") == 6 and "دیگر (همه" not in plain
