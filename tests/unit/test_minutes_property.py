"""Generated resolution tables: every resolution written is read, or the error names its line."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes import vocabulary as vocab
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.units import UnitDirectory
from mina_bot.persian import normalize, to_persian_digits

ROOT = Path(__file__).resolve().parents[2]
UNITS = UnitDirectory.from_yaml(ROOT / "examples" / "org.yaml")
SESSION = parse_jalali_ymd("1400/01/30")
NAMES = ("دبیرخانه", "کمیته طراحی", "کمیته زیرساخت", "کمیته فناوری اطلاعات",
         "کمیته سازماندهی، آموزش و پشتیبانی", "معاونت اقتصادی", "پژوهشکده آمار", "کمیته‌ها")
SEPARATORS = (" / ", "/", " | ", "، ", ", ", "؛ ", " و ")
DEADLINES = ("یک هفته", "دو هفته", "-", "جلسه آینده", "مستمر", "هر دو هفته", "فوری",
             "تا پایان خرداد", "حداکثر تا ۱۴۰۰/۰۳/۱۵", "۵ روز کاری", "یک ماه و نیم",
             "۱۵/۰۳/۱۴۰۰", "مورخ 1400/03/15")
WORDS = ("گزارش", "پیشرفت", "آزمایش", "سرشماری", "تهیه", "ارسال", "دستگاه‌ها", "شود",
         "نقشه", "استان", "داده", "تبادل", "بررسی", "ابلاغ", "برنامه")
FOOTERS = ("صفحه ۱ از ۲", "- ۲ -", "Page 2 of 3", "بسمه تعالی", "")

phrase = st.lists(st.sampled_from(WORDS), min_size=2, max_size=8).map(" ".join)


@st.composite
def resolution(draw: st.DrawFn) -> dict:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True))
    joined = names[0]
    for name in names[1:]:
        joined += draw(st.sampled_from(SEPARATORS)) + name
    return {"subject": draw(phrase), "units": joined, "deadline": draw(st.sampled_from(DEADLINES)),
            "wrapped": draw(st.lists(phrase, max_size=2)),
            "after": draw(st.lists(st.sampled_from(FOOTERS), max_size=2))}


@st.composite
def minutes(draw: st.DrawFn) -> tuple[str, list[dict]]:
    columns = [vocab.SUBJECT, vocab.UNITS, vocab.DEADLINE]
    if draw(st.booleans()):
        columns.append(vocab.NUMBER)
    columns = draw(st.permutations(columns))
    header = [draw(st.sampled_from(vocab.HEADER_WORDS[c][:6])) for c in columns]
    pipe = draw(st.booleans())
    rows = draw(st.lists(resolution(), min_size=1, max_size=25))

    def line(cells: list[str]) -> str:
        if pipe:
            return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"
        return "\t".join(cells)

    out = ["مصوبات:", line(header)] + (["|" + "---|" * len(columns)] if pipe else [])
    for n, row in enumerate(rows, 1):
        numbered = vocab.NUMBER in columns
        values = {vocab.SUBJECT: row["subject"] if numbered else f"{n}) {row['subject']}",
                  vocab.UNITS: row["units"], vocab.DEADLINE: row["deadline"],
                  vocab.NUMBER: to_persian_digits(str(n))}
        out.append(line([values[c] for c in columns]))
        out.extend(row["wrapped"])
        for extra in row["after"]:
            out.extend([extra, line(header)] if extra and draw(st.booleans()) else [extra])
    out += ["", "زمان جلسه: دوشنبه ۱۴۰۰/۲/۶"]
    return "\n".join(out), rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes())
def test_every_resolution_written_is_read_or_its_line_is_named(case: tuple[str, list[dict]]):
    text, rows = case
    try:
        parsed = parse_minutes(text, session_date=SESSION, units=UNITS)
    except MinutesError as exc:
        assert all(dict(p.params).get("line") for p in exc.problems), exc.problems
        raise AssertionError(f"a well-formed table was refused: {exc.render('en')}") from None
    assert len(parsed.resolutions) == len(rows)
    for got, row in zip(parsed.resolutions, rows, strict=True):
        assert got.subject == normalize(" ".join([row["subject"], *row["wrapped"]]))
        assert got.units and not got.unmatched_units
    lines = text.split("\n")
    read = {r.line for r in parsed.resolutions} | {s.line for s in parsed.skipped}
    for number, content in enumerate(lines, 1):
        if content in FOOTERS[:4]:
            assert number in read, (number, content)
