"""The minutes parser on the seed minutes and on malformed minutes (no database)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mina_bot.catalog import text
from mina_bot.jalali import jalali_ymd, parse_jalali_ymd
from mina_bot.minutes.model import MinutesError, to_json
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.units import UnitDirectory
from tests.fixtures import launcher

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "data" / "seed_minutes.txt").read_text(encoding="utf-8")
UNITS = UnitDirectory.from_yaml(ROOT / "examples" / "org.yaml")
SESSION = parse_jalali_ymd("1400/01/30")
COMMITTEES = ["design", "data-provision", "infrastructure", "it", "organization"]

# number: (units, due, recurrence) exactly as the rules of issue 4 give them.
EXPECTED = {
    1: (["secretariat", *COMMITTEES], "1400/02/13", None),
    2: (["data-provision", "infrastructure"], None, "weekly"),
    3: (COMMITTEES, "1400/02/06", None),
    4: (["secretariat"], "1400/02/06", None),
    5: (COMMITTEES, "1400/02/06", None),
    6: (["secretariat"], None, None),
    7: (["secretariat", "economic-deputy"], "1400/02/06", None),
    8: (["infrastructure", "it"], "1400/02/06", None),
    9: (["secretariat"], "1400/02/06", None),
    10: (["secretariat"], "1400/02/06", None),
    11: (["it"], None, None),
    12: (["secretariat", *COMMITTEES], None, "weekly"),
    13: (["plans-deputy", "research-institute"], "1400/02/06", None),
    14: (["it"], None, None),
}
NEXT_AGENDA = [
    "ارائه گزارش کمیته زیر ساخت در خصوص پایلوت استان گیلان",
    "ارائه گزارش معاونت طرح های آماری و آمارهای ثبتی در خصوص برآورد جمعیت ( شهرستانی)",
    "ارائه گزارش اقدامات کمیته ها",
    "سایر موارد",
]


def parse(source: str):
    return parse_minutes(source, session_date=SESSION, units=UNITS)


def error_of(source: str) -> str:
    with pytest.raises(MinutesError) as raised:
        parse(source)
    return text(raised.value.text_key, "fa", **raised.value.params)


def test_the_seed_minutes_give_fourteen_resolutions_with_units_dues_and_recurrences():
    data = to_json(parse(SEED))
    got = {r["number"]: (r["units"], r["due"], r["recurrence"]) for r in data["resolutions"]}
    assert got == EXPECTED
    assert all(r["unmatched_units"] == [] for r in data["resolutions"])
    assert [r["time_frame"] for r in data["resolutions"]][:4] == ["دو هفته", "-", "یک هفته",
                                                                  "یک هفته"]
    assert data["resolutions"][0]["subject"].startswith("تهیه و ارائه گزارش سه ماهه")
    assert data["next_session"] == "1400/02/06"
    assert data["next_agenda"] == NEXT_AGENDA


def test_resolution_13_is_due_at_the_next_session_and_the_attendance_is_read():
    minutes = parse(SEED)
    thirteen = next(r for r in minutes.resolutions if r.number == 13)
    assert thirteen.due_at_next_session and jalali_ymd(thirteen.due) == "1400/02/06"
    names = [a.name for a in minutes.attendance]
    assert len(names) == 19 and "آقای دکتر حسین زاده" in names
    guests = [a for a in minutes.attendance if a.group == "guest"]
    assert [g.name for g in guests][-1] == "آقای دکتر اصغری" and guests[-1].time == "1"


def test_the_cli_prints_the_json_and_needs_no_database(tmp_path):
    done = launcher.run(
        "minutes", "parse", "tests/data/seed_minutes.txt", "--session-date", "1400/01/30",
        "--org", "examples/org.yaml", "--json",
        env={"PATH": "/usr/bin:/bin", "MINA_DATABASE_URL": f"sqlite:///{tmp_path}/none.db"})
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert len(data["resolutions"]) == 14 and data["next_session"] == "1400/02/06"
    assert not (tmp_path / "none.db").exists()


def cli_parse(path: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return launcher.run(
        "minutes", "parse", str(path), "--session-date", "1400/01/30", "--json",
        env={"PATH": "/usr/bin:/bin", "MINA_DATABASE_URL": f"sqlite:///{tmp_path}/none.db"})


def test_the_cli_json_lists_the_skipped_lines_and_the_warnings(tmp_path):
    corpus = ROOT / "tests" / "data" / "minutes"
    skipped = json.loads(cli_parse(corpus / "04_pdf_copy.txt", tmp_path).stdout)["skipped"]
    assert [s["reason"] for s in skipped] == ["footer", "page_header", "repeated_header",
                                              "footer"]
    assert skipped[0] == {"line": 8, "text": "صفحه ۱ از ۲", "reason": "footer"}
    warned = json.loads(cli_parse(corpus / "10_next_session_forms.txt", tmp_path).stdout)
    assert [w["code"] for w in warned["warnings"]] == ["weekday_mismatch"]


def test_the_cli_reads_a_pdf_as_the_bot_does(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "data" / "minutes"))
    import make_pdf

    (tmp_path / "m.pdf").write_bytes(make_pdf.text_layer())
    (tmp_path / "scan.pdf").write_bytes(make_pdf.scanned())
    read = json.loads(cli_parse(tmp_path / "m.pdf", tmp_path).stdout)
    assert len(read["resolutions"]) == 4 and read["resolutions"][1]["urgent"] is True
    refused = cli_parse(tmp_path / "scan.pdf", tmp_path)
    assert refused.returncode == 1 and "فایل Word" in refused.stderr


ROW = "یک هفته\tکمیته زیرساخت\t۱) گزارش پایلوت"


def test_minutes_without_a_table_say_so():
    assert "جدول مصوبات را در صورت‌جلسه پیدا نکردم" in error_of("مصوبات:\n\nهیچ جدولی نیست")


def test_a_row_with_two_columns_is_named():
    source = f"بازه زمانی\tمتولی\tموضوع\n{ROW}\n\nیک هفته\t۲) گزارش دوم\n"
    message = error_of(source)
    assert "ردیف ۲ جدول مصوبات (خط ۴) ۲ ستون دارد" in message
    assert "۲) گزارش دوم" in message


def test_a_date_that_does_not_exist_is_named():
    source = f"بازه زمانی\tمتولی\tموضوع\n{ROW}\n۱۴۰۰/۱۲/۳۰\tدبیرخانه\t۲) گزارش\n"
    assert "تاریخ «۱۴۰۰/۱۲/۳۰» در ردیف ۲ (خط ۳) در تقویم وجود ندارد" in error_of(source)


def test_an_unknown_unit_is_listed_as_unmatched():
    minutes = parse(f"{ROW}\n-\tکمیته ناشناس / دبیرخانه\t۲) کاری\n")
    assert minutes.unmatched == ("کمیته ناشناس",)
    second = minutes.resolutions[1]
    assert second.units == ("secretariat",) and second.unmatched_units == ("کمیته ناشناس",)
    settled = minutes.with_units({"کمیته ناشناس": "it"})
    assert settled.unmatched == () and settled.resolutions[1].units == ("it", "secretariat")


def test_loose_spellings_explicit_dates_and_an_inline_next_session():
    source = (
        "بازه زمانی\tمتولی\tموضوع\n"
        "۱۰ روز\tكميته زير ساخت/كميته ها\t1- اول\n\n"
        "۱۴۰۰/۰۲/۲۰\tطراحی و روش‌شناسی\t۲) دوم\n"
        "یک ماه\tمعاونت طرح‌های آماری\t۳) سوم در جلسه آینده\n"
        "زمان جلسه: دوشنبه ۱۴۰۰/۲/۶\n"
    )
    minutes = parse(source)
    assert [jalali_ymd(r.due) for r in minutes.resolutions] == ["1400/02/09", "1400/02/20",
                                                                "1400/02/30"]
    assert minutes.resolutions[0].units == ("infrastructure", *COMMITTEES[:2], *COMMITTEES[3:])
    assert minutes.resolutions[1].units == ("design",)
    assert jalali_ymd(minutes.next_session) == "1400/02/06"


def test_a_bad_next_session_date_is_named():
    message = error_of(f"{ROW}\nزمان جلسه: سه‌شنبه ۱۴۰۰/۱۲/۳۰\n")
    assert "زمان جلسه آینده «سه‌شنبه ۱۴۰۰/۱۲/۳۰»" in message


def test_a_weekday_that_does_not_match_the_date_is_a_warning_not_a_refusal():
    minutes = parse(f"{ROW}\nزمان جلسه: سه‌شنبه ۱۴۰۰/۲/۶ ساعت ۱۰\n")
    assert jalali_ymd(minutes.next_session) == "1400/02/06"
    assert [(w.line, w.code) for w in minutes.warnings] == [(2, "weekday_mismatch")]
    assert to_json(minutes)["next_session_time"] == "10:00"


def test_every_problem_is_named_with_its_row_and_line_not_the_first_only():
    source = (f"بازه زمانی\tمتولی\tموضوع\n{ROW}\n"
              "هرگز\tدبیرخانه\t۲) مهلت نامفهوم\n"
              "یک هفته\t\t۳) بی‌متولی\n"
              "یک هفته\tدبیرخانه\t۱) شماره تکراری\n")
    with pytest.raises(MinutesError) as raised:
        parse(source)
    problems = raised.value.problems
    assert [(p.key, dict(p.params)["line"]) for p in problems] == [
        ("minutes.error.bad_time_frame", 3), ("minutes.error.no_units", 4),
        ("minutes.error.duplicate_number", 5)]
    message = raised.value.render("fa")
    assert "۳ اشکال" in message and "«هرگز»" in message and "خط ۵" in message
    assert text(raised.value.text_key, "fa", **raised.value.params).count("•") == 3


def test_the_parse_call_and_its_error_cross_a_process_boundary_whole():
    import pickle

    minutes = parse(SEED)
    assert pickle.loads(pickle.dumps(minutes)) == minutes
    source = f"بازه زمانی\tمتولی\tموضوع\n{ROW}\nهرگز\t\t۲) دو اشکال\n"
    with pytest.raises(MinutesError) as raised:
        parse(source)
    again = pickle.loads(pickle.dumps(raised.value))
    assert again.problems == raised.value.problems and again.render("en") == \
        raised.value.render("en")
