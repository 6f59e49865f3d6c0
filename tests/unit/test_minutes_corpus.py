"""The minutes corpus: documents written the ways secretariats write them, each with its JSON.

`python -m tests.unit.test_minutes_corpus` rewrites the expected JSON after a deliberate change;
read the diff before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from mina_bot.jalali import parse_jalali_ymd
from mina_bot.minutes.model import to_json
from mina_bot.minutes.parser import parse_minutes
from mina_bot.minutes.sources import read_source, text_of_blocks
from mina_bot.minutes.units import UnitDirectory

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "minutes"
sys.path.insert(0, str(CORPUS))
import make_docx  # noqa: E402  (the corpus's Word files are built by this script)
import make_pdf  # noqa: E402  (and its PDFs by this one)

UNITS = UnitDirectory.from_yaml(ROOT / "examples" / "org.yaml")
SESSION = parse_jalali_ymd("1400/01/30")
TEXTS = sorted(p.name for p in CORPUS.iterdir() if p.suffix in (".txt", ".md"))
BUILT = {**make_docx.DOCUMENTS, **make_pdf.DOCUMENTS}
NAMES = sorted([*TEXTS, *BUILT])


def source_of(name: str) -> bytes:
    build = BUILT.get(name)
    return build() if build else (CORPUS / name).read_bytes()


def parsed(name: str) -> dict:
    return to_json(parse_minutes(read_source(name, source_of(name)), session_date=SESSION,
                                 units=UNITS))


def test_the_corpus_has_at_least_ten_documents_each_with_its_json():
    assert len(NAMES) >= 10
    assert {f"{n}.json" for n in NAMES} == {p.name for p in CORPUS.glob("*.json")}


@pytest.mark.parametrize("name", NAMES)
def test_each_document_reads_as_its_expected_json(name: str):
    expected = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
    assert parsed(name) == expected


@pytest.mark.parametrize("name", NAMES)
def test_the_text_of_a_document_reads_the_same_as_its_blocks(name: str):
    blocks = read_source(name, source_of(name))
    text = text_of_blocks(blocks)
    assert to_json(parse_minutes(text, session_date=SESSION, units=UNITS)) == parsed(name)


def test_sixty_resolutions_in_a_word_table_are_sixty():
    data = parsed("07_word_long_60.docx")
    assert [r["number"] for r in data["resolutions"]] == list(range(1, 61))


def test_every_deadline_form():
    due = {r["number"]: (r["due"], r["recurrence"], r["urgent"], r["at_next_session"])
           for r in parsed("09_deadlines.txt")["resolutions"]}
    nxt, june = ("1400/02/06", None, False, True), ("1400/03/15", None, False, False)
    assert due[1] == ("1400/02/06", None, False, False)
    assert due[3] == (None, None, False, False)
    assert due[4] == due[5] == due[6] == due[7] == due[28] == nxt
    assert [due[n][1] for n in (8, 9, 10, 11, 12)] == ["continuous", "continuous", "weekly",
                                                       "weekly", "biweekly"]
    assert due[13] == due[14] == due[15] == ("1400/02/06", None, True, True)
    assert due[16][0] == "1400/03/31" and due[17][0] == "1400/12/29"
    assert due[18] == due[19] == due[22] == due[23] == due[24] == due[25] == june
    assert due[20][0] == "1400/02/05"  # Tue, Wed, Thu, (Friday skipped) Sat, Sun
    assert due[21][0] == "1400/03/14" and due[26][0] == "1400/03/20"
    assert due[29][1] is None and due[30][1] == "weekly"  # «جلسات هفتگی» only mentions them


def test_several_units_per_cell_in_each_separator():
    rows = parsed("08_units_separators.txt")["resolutions"]
    assert [len(r["units"]) for r in rows[:8]] == [2, 2, 2, 2, 2, 2, 1, 2]
    assert rows[6]["units"] == ["organization"]
    assert rows[9]["unmatched_units"] == ["کمیته ارزیابی و نظارت"]


def test_footers_page_headers_and_repeated_headers_are_skipped_and_named():
    data = parsed("04_pdf_copy.txt")
    assert len(data["resolutions"]) == 4
    assert [(s["line"], s["reason"]) for s in data["skipped"]] == [
        (8, "footer"), (9, "page_header"), (10, "repeated_header"), (14, "footer")]
    assert data["resolutions"][2]["subject"].endswith("به اطلاع کمیته‌ها برسد.")


def test_a_pdf_with_a_text_layer_reads_its_table_over_two_pages():
    data = parsed("11_pdf_text_layer.pdf")
    assert [r["number"] for r in data["resolutions"]] == [1, 2, 3, 4]
    assert data["resolutions"][0]["subject"].endswith("کمیته‌ها نهایی و ابلاغ شود.")
    assert data["resolutions"][1]["units"] == ["infrastructure", "economic-deputy"]
    assert data["resolutions"][3]["due"] == "1400/03/15"
    assert [s["reason"] for s in data["skipped"]] == ["footer", "repeated_header"]
    assert data["next_session"] == "1400/02/06"


if __name__ == "__main__":
    for name in NAMES:
        (CORPUS / f"{name}.json").write_text(
            json.dumps(parsed(name), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
