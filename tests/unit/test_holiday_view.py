"""/holidays, pure: a closure read from what the secretariat types, and the list in pages that
fit Telegram (text, buttons, callback data)."""

from __future__ import annotations

import datetime as dt

import pytest

from mina_bot.holiday_table import CLOSURE, OFFICIAL, WORKED, Entry, HolidayError, read_closure
from mina_bot.holiday_view import PER_PAGE, page

TODAY = dt.date(2025, 3, 22)  # 2 Farvardin 1404


@pytest.mark.parametrize(("typed", "start", "end", "name"), [
    ("۱۴۰۴/۰۱/۲۰ | تعطیلی ستاد", dt.date(2025, 4, 9), dt.date(2025, 4, 9), "تعطیلی ستاد"),
    ("1404/1/20 تا 1404/1/22 |  تعمیرات  ساختمان ", dt.date(2025, 4, 9), dt.date(2025, 4, 11),
     "تعمیرات ساختمان"),
    ("20 فروردین - ۲۱ فروردین | x", dt.date(2025, 4, 9), dt.date(2025, 4, 10), "x"),
    ("۱۴۰۴-۰۱-۲۰ to 1404/01/20 | Office", dt.date(2025, 4, 9), dt.date(2025, 4, 9), "Office"),
])
def test_a_closure_is_read_in_either_digits_and_as_a_range(typed, start, end, name):
    assert read_closure(typed, today=TODAY) == (start, end, name)


@pytest.mark.parametrize(("typed", "key"), [
    ("", "holidays.error.form"), ("۱۴۰۴/۰۱/۲۰", "holidays.error.form"),
    ("| name", "holidays.error.form"), ("۱۴۰۴/۰۱/۲۰ |", "holidays.error.form"),
    ("۱۴۰۴/۰۱/۳۲ | x", "holidays.error.date"), ("فردافردا | x", "holidays.error.date"),
    ("1404/12/30 | x", "holidays.error.date"),  # 1404 is no leap year
    ("۱۴۰۴/۰۱/۰۱ | x", "holidays.error.past"),
    ("۱۴۰۴/۰۲/۰۱ تا ۱۴۰۴/۰۱/۳۰ | x", "holidays.error.backwards"),
    ("۱۴۰۴/۰۲/۰۱ تا ۱۴۰۴/۰۳/۰۱ | x", "holidays.error.too_long"),
    ("۱۴۰۷/۰۲/۰۱ | x", "holidays.error.too_far"),
    ("۱۴۰۴/۰۲/۰۱ | " + "x" * 81, "holidays.error.name_long"),
    ("9" * 5000 + " | x", "holidays.error.date"),
])
def test_a_malformed_closure_says_what_is_wrong(typed, key):
    with pytest.raises(HolidayError) as caught:
        read_closure(typed, today=TODAY)
    assert caught.value.text_key == key


def test_every_page_fits_telegram_and_every_entry_has_its_button():
    kinds = (OFFICIAL, WORKED, CLOSURE)
    entries = [Entry(TODAY + dt.timedelta(days=i), TODAY + dt.timedelta(days=i + (i % 3)),
                     "نام بسیار طولانی " * 20, "A long name " * 20, kinds[i % 3])
               for i in range(100)]
    seen = []
    pages = -(-len(entries) // PER_PAGE)
    for number in range(pages):
        for lang in ("fa", "en"):
            body, rows = page(entries, number, lang, note="✅")
            assert len(body) < 4096
            assert sum(len(r) for r in rows) <= 100 and all(len(r) <= 8 for r in rows)
            assert all(len(data.encode()) <= 64 for row in rows for _, data in row)
        seen += [data for row in rows for _, data in row if data.split(":")[1] in
                 ("rm", "wk", "uw")]
    assert len(seen) == len(entries)
    assert page(entries, 999, "fa")[0] == page(entries, pages - 1, "fa")[0]  # clamped
    body, rows = page([], 0, "fa")
    assert "در پیش نیست" in body and rows == [[("➕ تعطیلی تازه ستاد", "hol:add")]]
