"""Benchmark 6: parsing and importing minutes with 100 resolutions, in the seed's format."""

from __future__ import annotations

import datetime as dt
import random
import time

from bench.dataset import Dataset
from bench.figures import Figure, at_most, info, median
from bench.scale import Scale
from bench.vocabulary import PROVINCES, TIME_FRAMES, subject
from mina_bot.jalali import jalali_ymd
from mina_bot.minutes.importer import directory, import_minutes
from mina_bot.minutes.parser import parse_minutes
from mina_bot.persian import to_persian_digits
from mina_bot.runtime import Runtime

# Spellings as the secretariat writes them (aliases of examples/org.yaml, loose spacing).
SPELLINGS = ("دبیرخانه", "کمیته تامین داده", "کمیته زیرساخت", "کمیته زیر ساخت", "کمیته طراحی",
             "کمیته فناوری و اطلاعات", "کمیته سازماندهی", "معاونت اقتصادی",
             "معاونت طرح های آماری", "پژوهشکده آمار")
ALL_COMMITTEES = "کمیته ها"  # «every committee», as in the seed's resolutions 1, 3, 5 and 12
HEAD = """**صورتجلسه شورای هماهنگی و تلفیق ستاد سرشماری ثبتی مبنا**

**دستور جلسه:**

- گزارش اقدامات انجام شده توسط کمیته ها
- گزارش کمیته های برون مرکز

**خلاصه مذاکرات**

جلسه با گزارش دبیرخانه آغاز شد و کمیته ها گزارش اقدامات هفته را ارائه کردند.

مصوبات:

بازه زمانی\tمتولی\tموضوع
"""
TAIL = """
#### دستور جلسه آینده :

- ارائه گزارش کمیته زیر ساخت
- ارائه گزارش اقدامات کمیته ها
- سایر موارد

#### زمان جلسه:

- دوشنبه {next_day}

آقای دکتر حسین زاده\tآقای عباسی\tآقای محزون\tاعضاء
\t\t\tنماینده
۳\t۳\t۳\tزمان
"""


def _fa(text: str) -> str:
    return to_persian_digits(text)


def minutes_text(rows: int, *, session_day: dt.date, provinces: int, seed: int) -> str:
    """Minutes with `rows` resolutions and blank lines inside the table, as the seed writes."""
    rng = random.Random(seed)
    provincial = [f"کمیته فناوری اطلاعات استان {p}" for p in PROVINCES[:provinces]]
    lines = []
    for number in range(1, rows + 1):
        roll = rng.random()
        if roll < 0.08:
            units = f"دبیرخانه / {ALL_COMMITTEES}"
        elif roll < 0.25 and provincial:
            units = f"{rng.choice(SPELLINGS)} / {rng.choice(provincial)}"
        else:
            units = " / ".join(rng.sample(SPELLINGS, rng.choice((1, 1, 2))))
        frame = TIME_FRAMES[rng.randrange(len(TIME_FRAMES))][0]
        if rng.random() < 0.05:
            frame = _fa(jalali_ymd(session_day + dt.timedelta(days=20)))
        text = subject(number, rng.randrange(99), rng.randrange(99), rng.randrange(6))
        lines.append(f"{frame}\t{units}\t{_fa(str(number))}) {text}")
        if number % 7 == 0:
            lines.append("")  # the seed's table has blank lines inside it
    next_day = _fa(jalali_ymd(session_day + dt.timedelta(weeks=1)))
    return HEAD + "\n".join(lines) + "\n" + TAIL.format(next_day=next_day)


def _import(runtime: Runtime, text: str, day: dt.date) -> tuple[float, int]:
    started = time.perf_counter()
    with runtime.session() as session:
        minutes = parse_minutes(text, session_date=day, units=directory(session))
        result = import_minutes(session, minutes=minutes, settings=runtime.settings, actor=None,
                                now=runtime.clock.now())
    return time.perf_counter() - started, result.created


def measure(runtime: Runtime, data: Dataset, scale: Scale) -> tuple[list[Figure], dict]:
    """Parse + import (one transaction) on fresh session days; parse alone and re-import beside."""
    base = data.coming_date + dt.timedelta(weeks=10)
    text = minutes_text(scale.import_rows, session_day=base, provinces=scale.provinces,
                        seed=data.seed)
    with runtime.session() as session:
        units = directory(session)
    parse_runs = []
    for _ in range(scale.repeats):
        started = time.perf_counter()
        parsed = parse_minutes(text, session_date=base, units=units)
        parse_runs.append(time.perf_counter() - started)
    imports, created = [], 0
    for k in range(scale.repeats):
        day = base + dt.timedelta(weeks=2 * k)
        seconds, created = _import(runtime, text.replace(
            _fa(jalali_ymd(base + dt.timedelta(weeks=1))),
            _fa(jalali_ymd(day + dt.timedelta(weeks=1)))), day)
        imports.append(seconds)
    again, _ = _import(runtime, text, base)
    assignments = sum(len(r.units) for r in parsed.resolutions)
    figures = [
        at_most("import.seconds", f"import: {len(parsed.resolutions)} resolutions",
                median(imports), "s", 1.0,
                f"parse alone {median(parse_runs) * 1000:.0f} ms; "
                f"same minutes again {again * 1000:.0f} ms"),
        info("import.parse_ms", "import: parse alone", median(parse_runs) * 1000, "ms"),
    ]
    return figures, {"rows": len(parsed.resolutions), "created": created,
                     "assignments": assignments, "runs_s": imports, "reimport_s": again}


def minutes_docx(text: str) -> bytes:
    """The minutes as the secretariat sends them: a Word file, the tab-separated runs as tables
    (blank lines inside a table dropped), the rest as paragraphs."""
    import io

    import docx

    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for cells, row in zip(table.rows, rows, strict=True):
                for cell, value in zip(cells.cells, row, strict=False):
                    cell.text = value
            rows.clear()

    lines = text.split("\n")
    for index, line in enumerate(lines):
        if "\t" in line:
            rows.append(line.split("\t"))
        elif not line.strip() and rows and index + 1 < len(lines) and "\t" in lines[index + 1]:
            continue  # a blank line inside the table
        else:
            flush()
            document.add_paragraph(line)
    flush()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
