"""The import preview: every resolution on some page, every page reachable, within limits."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.preview import preview
from mina_bot.minutes.units import UnitDirectory

UNITS = UnitDirectory.from_yaml(Path(__file__).resolve().parents[2] / "examples" / "org.yaml")
NAMES = {e.key: e.names[0] for e in UNITS.entries}
SUBJECT = re.compile(r"کار شماره (\d+) ")


def minutes(count: int, unit: str = "دبیرخانه"):
    rows = "\n".join(f"{n}\tکار شماره {n} {'با شرح بلند و مفصل ' * 8}انجام شود.\t{unit}\t-"
                     for n in range(1, count + 1))
    text = f"ردیف\tموضوع\tمتولی\tمهلت\n{rows}\nصفحه ۱ از ۱"
    return parse_minutes(text, session_date=dt.date(2021, 4, 19), units=UNITS)


def walk(parsed) -> tuple[set[int], list[str]]:
    """Follow every page button from the first page: the resolutions seen and each page."""
    seen, texts, todo, visited = set(), [], [0], {0}
    while todo:
        body, rows = preview(parsed, UNITS, NAMES, "fa", page=todo.pop())
        assert len(body) < 4096
        assert sum(len(r) for r in rows) <= 100 and all(len(r) <= 8 for r in rows)
        texts.append(body)
        seen |= {int(n) for n in SUBJECT.findall(body)}
        for _, data in (b for r in rows for b in r):
            if data.startswith("imp:page:") and int(data.split(":")[2]) not in visited:
                visited.add(int(data.split(":")[2]))
                todo.append(int(data.split(":")[2]))
    return seen, texts


@pytest.mark.parametrize("count", [1, 14, 60, 300])
def test_every_resolution_is_on_a_reachable_page(count):
    parsed = minutes(count)
    seen, texts = walk(parsed)
    assert seen == set(range(1, count + 1))
    assert sum("پانویس صفحه" in t for t in texts) == 1  # the footer line, listed once


def test_the_question_about_an_unknown_name_is_on_every_page_whole():
    long_name = "دفتر " + "نقشه‌برداری و کارتوگرافی " * 12
    parsed = minutes(60, unit=long_name.strip())
    seen, texts = walk(parsed)
    assert seen == set(range(1, 61)) and len(texts) > 1
    assert all("کدام واحد است؟" in t and "تا پاسخ ندهید چیزی ذخیره نمی‌شود" in t
               for t in texts)


def test_the_save_button_says_how_many():
    _, rows = preview(minutes(60), UNITS, NAMES, "fa", page=2)
    assert rows[-1][0][0] == "✅ ثبت ۶۰ مصوبه"
