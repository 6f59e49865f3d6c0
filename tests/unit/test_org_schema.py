"""The organisation file: every problem named with its line, resolution 5 refused in Persian."""

import re
from pathlib import Path

import pytest

from mina_bot.organisation.errors import OrgFileError
from mina_bot.organisation.schema import parse

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "org.yaml"

UNITS = """\
units:
  - key: design
    kind: committee
    name_fa: کمیته طراحی
    name_en: Design
"""


def problems_of(source: str) -> list[tuple[int, str]]:
    with pytest.raises(OrgFileError) as caught:
        parse(source)
    return [(p.line, p.message) for p in caught.value.problems]


def test_the_example_organisation_has_every_required_unit():
    org = parse(EXAMPLE.read_text(encoding="utf-8"))
    assert {u.key for u in org.units} == {
        "secretariat", "design", "data-provision", "infrastructure", "it", "organization",
        "economic-deputy", "plans-deputy", "research-institute"}
    infrastructure = next(u for u in org.units if u.key == "infrastructure")
    assert "کمیته زیر ساخت" in infrastructure.aliases


def test_a_schema_error_names_its_line():
    source = UNITS + "  - key: it\n    kind: comittee\n    name_fa: فناوری\n    name_en: IT\n"
    [(line, message)] = problems_of(source)
    assert line == 7
    assert "committee" in message


def test_a_missing_field_names_the_entry_line_and_unknown_fields_are_refused():
    source = UNITS + "  - key: it\n    kind: committee\n    name_en: IT\n    colour: red\n"
    found = problems_of(source)
    assert {line for line, _ in found} == {6, 9}


def test_a_yaml_syntax_error_names_its_line():
    [(line, _)] = problems_of(UNITS + "members:\n  - name: [unclosed\n")
    assert line in (7, 8)


def test_cross_references_are_checked_with_lines():
    source = UNITS + (
        "members:\n"
        "  - name: علی\n"
        "    memberships: [{unit: nowhere, role: head}]\n"
        "  - name: علي\n"  # Arabic yeh: the same name
    )
    found = problems_of(source)
    assert (8, "واحدی با کلید «nowhere» در پرونده نیست.") in found
    assert any(line == 9 and "دو بار" in message for line, message in found)


def test_a_fifth_working_group_is_refused_naming_the_limit():
    groups = "".join(f"      - name_fa: کارگروه {i}\n" for i in range(5))
    [(line, message)] = problems_of(UNITS + "    working_groups:\n" + groups)
    assert line == 7
    assert "مصوبه ۵" in message and "حداکثر ۴ کارگروه" in message


def test_an_eighth_member_of_a_working_group_is_refused_naming_the_limit():
    people = [f"عضو {i}" for i in range(8)]
    source = (UNITS + "    working_groups:\n      - name_fa: کارگروه\n        members: ["
              + ", ".join(people) + "]\nmembers:\n"
              + "".join(f"  - name: {p}\n" for p in people))
    [(line, message)] = problems_of(source)
    assert line == 8
    assert "حداکثر ۷ عضو" in message


def test_working_groups_only_under_committees_and_names_not_shared():
    source = (
        "units:\n"
        "  - key: secretariat\n    kind: secretariat\n    name_fa: دبیرخانه\n    name_en: S\n"
        "    working_groups: [{name_fa: گروه}]\n"
        "  - key: design\n    kind: committee\n    name_fa: طراحی\n    name_en: D\n"
        "    aliases: [دبیر خانه]\n"
    )
    found = problems_of(source)
    assert [line for line, _ in found] == [6, 7]


def test_invitation_links_for_telegram_and_bale():
    from mina_bot.organisation.invitations import invite_link, new_code

    code = new_code()
    assert len(code) <= 64 and re.fullmatch(r"[A-Za-z0-9_-]+", code)
    assert invite_link("telegram", "mina_bot", code) == f"https://t.me/mina_bot?start={code}"
    assert invite_link("bale", "mina_bot", code) == f"https://ble.ir/mina_bot?start={code}"


def test_report_questions_and_approval_are_read_and_checked():
    from mina_bot.organisation.errors import OrgFileError
    from mina_bot.organisation.schema import parse

    org = parse("units:\n  - {key: it, kind: committee, name_fa: فن, name_en: IT,"
                " report_approval: true}\nreport_questions:\n  - kind: committee\n"
                "    questions:\n      - {key: done, fa: 'چه شد؟', en: 'What?'}\n"
                "      - {key: risks, fa: 'ریسک‌ها؟', optional: true}\n")
    assert org.units[0].report_approval
    assert [q.key for q in org.report_questions[0].questions] == ["done", "risks"]
    for bad in ("report_questions:\n  - {kind: moon, questions: [{key: a, fa: x}]}\n",
                "report_questions:\n  - {kind: all, questions: []}\n",
                "report_questions:\n  - {kind: all, questions: [{key: a, fa: x},"
                " {key: a, fa: y}]}\n",
                "report_questions:\n  - {kind: all, questions: [{key: files, fa: x}]}\n"):
        try:
            parse(bad)
        except OrgFileError as exc:
            assert exc.problems[0].line >= 1
        else:
            raise AssertionError(f"accepted: {bad}")


HOLIDAYS = """\
holidays:
  - {date: "۱۴۰۴/۰۱/۲۰", until: 1404/01/22, name: تعطیلی ستاد}
  - {date: 1404/03/14, working: true}
"""


def test_the_holidays_section_takes_closures_and_worked_holidays_in_either_digits():
    org = parse(HOLIDAYS)
    assert [(h.name, h.working) for h in org.holidays] == [("تعطیلی ستاد", False), (None, True)]


@pytest.mark.parametrize(("entry", "line", "words"), [
    ("{date: 1404/13/01, name: x}", 2, "1404/13/01"),
    ('{date: 1404/01/20, until: 1404/01/40, name: x}', 2, "1404/01/40"),
    ('{date: 1404/01/20, until: 1404/01/10, name: x}', 2, "until"),
    ('{date: 1404/01/01, until: 1404/03/01, name: x}', 2, "۳۱ روز"),
    ('{date: 1404/01/20}', 2, "نام"),
    ('{date: 1404/01/20, working: true}', 2, "تعطیل رسمی نیست"),
    ('{date: 1404/03/14, until: 1404/03/15, working: true}', 2, "تعطیل رسمی نیست"),
    ('{date: 1404/01/20, name: x, colour: red}', 2, "Extra inputs"),
])
def test_a_bad_holiday_entry_names_its_line(entry, line, words):
    [(found, message)] = problems_of(f"units: []\nholidays:\n  - {entry}\n")
    assert found == line + 1 and (words in message or words in str(message)), message
