"""PDF minutes: a text layer read in logical order, or refused with the answer to send Word."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.pdf import in_logical_order
from mina_bot.minutes.reading import checked_minutes
from mina_bot.minutes.units import UnitDirectory

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "data" / "minutes"))
import make_pdf  # noqa: E402

UNITS = UnitDirectory.from_yaml(ROOT / "examples" / "org.yaml")


def check(data: bytes, name: str = "minutes.pdf", limit: int = 50) -> str:
    return checked_minutes(name, data, session_date=parse_jalali_ymd("1400/01/30"),
                           units=UNITS, max_unpacked_mb=limit)


def refusal(data: bytes, limit: int = 50) -> str:
    with pytest.raises(MinutesError) as caught:
        check(data, limit=limit)
    return caught.value.text_key


def test_a_text_layer_becomes_the_tab_separated_table():
    lines = check(make_pdf.text_layer()).splitlines()
    assert lines[2].split("\t") == ["ردیف", "موضوع", "متولی", "مهلت"]
    assert lines[5].split("\t")[0] == "۲" and lines[5].endswith("\tفوری")


def test_a_scan_without_text_is_refused_saying_to_send_the_word_file():
    assert refusal(make_pdf.scanned()) == "minutes.error.pdf_no_text"


def test_a_text_layer_read_backwards_is_refused():
    assert refusal(make_pdf.backwards()) == "minutes.error.pdf_order"


def test_a_pdf_whose_text_shows_no_table_is_refused_as_out_of_order():
    pdf = make_pdf._pdf()
    make_pdf._line(pdf, "صورت‌جلسه شورای هماهنگی بدون جدول مصوبات")
    assert refusal(bytes(pdf.output())) == "minutes.error.pdf_order"


@pytest.mark.parametrize("data", [b"%PDF-1.4", b"%PDF-1.7\n" + b"\x00\xff" * 500,
                                  make_pdf.text_layer()[:3000], b""])
def test_a_broken_pdf_is_unreadable_not_a_crash(data: bytes):
    assert refusal(data) == "minutes.error.unreadable"


def test_a_pdf_unpacking_past_the_limit_is_refused_unread():
    assert refusal(make_pdf.unpacking(3), limit=2) == "minutes.error.unpacked_size"
    assert refusal(make_pdf.unpacking(1), limit=2) == "minutes.error.pdf_no_text"


def test_reversed_or_shaped_persian_is_not_logical_order():
    assert in_logical_order("گزارش کمیته زیرساخت ارائه شود")
    assert not in_logical_order("دوش هئارا تخاسریز هتیمک شرازگ")
    assert not in_logical_order("\ufee9\ufeb4\ufee0\ufe9f")  # جلسه as presentation forms
    assert in_logical_order("Minutes 1400/01/30")


def test_the_refusals_say_to_send_the_word_file():
    from mina_bot.catalog import text

    for key in ("minutes.error.pdf_no_text", "minutes.error.pdf_order"):
        assert "فایل Word" in text(key, "fa", name="x.pdf")
        assert "Word (.docx)" in text(key, "en", name="x.pdf")
