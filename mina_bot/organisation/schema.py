"""The organisation file: its pydantic schema, YAML line numbers, and whole-file checks."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mina_bot.catalog import text
from mina_bot.jalali import JalaliDateError, parse_jalali_ymd
from mina_bot.official_calendar import official_holidays
from mina_bot.organisation.errors import FileProblem, LimitExceeded, OrgFileError
from mina_bot.organisation.limits import check_group_members, check_working_groups
from mina_bot.persian import match_key
from storage.models import Language, UnitKind

Path = tuple[str | int, ...]

# libyaml's loader when PyYAML was built with it: the same documents and marks, ten times faster
# (the sample organisation took 50 ms to read in pure Python).
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class WorkingGroupSpec(_Strict):
    """A working group under a committee, with the names of its members."""

    name_fa: str = Field(min_length=1)
    name_en: str | None = None
    members: list[str] = []


class UnitSpec(_Strict):
    """A unit: key, kind, names, every spelling as an alias, working groups."""

    key: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")
    kind: UnitKind
    name_fa: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    aliases: list[str] = []
    parent: str | None = None
    active: bool = True
    report_approval: bool = False  # its weekly report waits for the head's approval
    working_groups: list[WorkingGroupSpec] = []


class MembershipSpec(_Strict):
    """A role in a unit."""

    unit: str
    role: Literal["head", "secretary", "member"]  # storage.models.SEAT_ROLES


class MemberSpec(_Strict):
    """A person: name, Telegram id if known, language, memberships."""

    name: str = Field(min_length=1)
    telegram_id: int | None = Field(default=None, gt=0)
    language: Language = Language.FA
    admin: bool = False
    active: bool = True
    memberships: list[MembershipSpec] = []


class QuestionSpec(_Strict):
    """One question of the weekly report (a key kept across rewordings)."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,23}$")
    fa: str = Field(min_length=1, max_length=500)
    en: str | None = Field(default=None, max_length=500)
    optional: bool = False


class QuestionnaireSpec(_Strict):
    """The weekly report's questions for one kind of unit («all»: every kind without its own),
    in force from the next week."""

    kind: Literal["all", *(k.value for k in UnitKind)]  # type: ignore[valid-type]
    questions: list[QuestionSpec] = Field(min_length=1, max_length=15)


class HolidaySpec(_Strict):
    """A closure of the organisation's own (a day, or a range with `until`), or a built-in
    holiday it works on (`working: true`); dates are Jalali YYYY/MM/DD."""

    date: str = Field(min_length=1, max_length=20)
    until: str | None = Field(default=None, max_length=20)
    name: str | None = Field(default=None, min_length=1, max_length=80)
    working: bool = False


class OrgFile(_Strict):
    """The whole file."""

    units: list[UnitSpec] = []
    members: list[MemberSpec] = []
    report_questions: list[QuestionnaireSpec] = []
    holidays: list[HolidaySpec] = []


def parse(source: str, lang: str = "fa") -> OrgFile:
    """Parse and check a whole file; every problem names its line, and nothing is half-read."""
    try:
        root = yaml.compose(source, Loader=SafeLoader)
        data = yaml.load(source, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 1
        raise OrgFileError([FileProblem(line, "yaml", str(getattr(exc, "problem", exc)))]) from None
    if data is None:
        data = {}
    try:
        org = OrgFile.model_validate(data)
    except ValidationError as exc:
        problems = [
            FileProblem(line_of(root, err["loc"]), where(err["loc"]), err["msg"])
            for err in exc.errors()
        ]
        raise OrgFileError(problems) from None
    problems = [
        FileProblem(line_of(root, path), where(path), message)
        for path, message in cross_check(org, lang)
    ]
    if problems:
        raise OrgFileError(problems)
    return org


def line_of(root: yaml.Node | None, path: Path) -> int:
    """The 1-based line of the deepest node on `path` that exists in the YAML tree."""
    node = root
    if node is None:
        return 1
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


def where(path: Path) -> str:
    """A readable path: units[2].kind."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "file"


def cross_check(org: OrgFile, lang: str) -> list[tuple[Path, str]]:
    """Checks across entries: unknown or duplicate keys, clashing names, resolution 5."""
    problems: list[tuple[Path, str]] = []
    keys = {u.key for u in org.units}
    for key, count in Counter(u.key for u in org.units).items():
        if count > 1:
            index = [u.key for u in org.units].index(key)
            problems.append((("units", index, "key"),
                             text("org.file.duplicate_key", lang, key=key)))
    spelled: dict[str, str] = {}
    for i, unit in enumerate(org.units):
        for name in (unit.name_fa, *unit.aliases):
            owner = spelled.setdefault(match_key(name), unit.key)
            if owner != unit.key:
                problems.append((("units", i), text("org.file.name_clash", lang,
                                                    name=name, other=owner)))
        if unit.parent is not None and unit.parent not in keys:
            problems.append((("units", i, "parent"),
                             text("org.file.unknown_unit", lang, key=unit.parent)))
        problems += _check_groups(org, i, unit, lang)
    problems += _check_members(org, keys, lang)
    problems += _check_questions(org, lang)
    problems += _check_holidays(org, lang)
    return problems


def holiday_days(spec: HolidaySpec) -> tuple[dt.date, dt.date]:
    """The first and last day of a `holidays:` entry; JalaliDateError if one is no date."""
    start = parse_jalali_ymd(str(spec.date))
    return start, parse_jalali_ymd(str(spec.until)) if spec.until else start


def _check_holidays(org: OrgFile, lang: str) -> list[tuple[Path, str]]:
    """Real dates, in order, at most 31 days; a closure has a name; a worked day is an
    official holiday."""
    problems: list[tuple[Path, str]] = []
    for i, spec in enumerate(org.holidays):
        path: Path = ("holidays", i)
        try:
            start, end = holiday_days(spec)
        except JalaliDateError as exc:
            problems.append(((*path, "until" if str(exc.text) == str(spec.until) else "date"),
                             text("org.file.holiday_date", lang, text=exc.text)))
            continue
        if spec.working:
            if spec.until or start not in official_holidays(start, start):
                problems.append(((*path, "working"), text("org.file.holiday_not_official", lang,
                                                          date=str(spec.date))))
        elif not spec.name:
            problems.append(((*path,), text("org.file.holiday_name", lang)))
        elif not 0 <= (end - start).days < 31:
            problems.append(((*path, "until"), text("org.file.holiday_span", lang)))
    return problems


def _check_questions(org: OrgFile, lang: str) -> list[tuple[Path, str]]:
    """Each kind once; each question key once within its kind; no reserved step name."""
    problems: list[tuple[Path, str]] = []
    kinds: set[str] = set()
    for i, spec in enumerate(org.report_questions):
        if spec.kind in kinds:
            problems.append((("report_questions", i, "kind"),
                             text("org.file.duplicate_kind", lang, kind=spec.kind)))
        kinds.add(spec.kind)
        seen: set[str] = set()
        for j, question in enumerate(spec.questions):
            if question.key in seen or question.key in {"files", "preview"}:
                problems.append((("report_questions", i, "questions", j, "key"),
                                 text("org.file.duplicate_question", lang, key=question.key)))
            seen.add(question.key)
    return problems


def _check_groups(org: OrgFile, i: int, unit: UnitSpec, lang: str) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    if unit.working_groups and unit.kind != UnitKind.COMMITTEE:
        problems.append((("units", i, "working_groups"), text("org.file.groups_need_committee",
                                                              lang, key=unit.key)))
    try:
        check_working_groups(len(unit.working_groups), unit_name=unit.name_fa)
    except LimitExceeded as exc:
        problems.append((("units", i, "working_groups"), text(exc.text_key, lang, **exc.params)))
    names = {match_key(m.name) for m in org.members}
    seen: set[str] = set()
    for j, group in enumerate(unit.working_groups):
        path = ("units", i, "working_groups", j)
        if match_key(group.name_fa) in seen:
            problems.append(((*path, "name_fa"), text("org.file.duplicate_group", lang,
                                                      name=group.name_fa)))
        seen.add(match_key(group.name_fa))
        try:
            seats = len({match_key(n) for n in group.members})
            check_group_members(seats, group_name=group.name_fa)
        except LimitExceeded as exc:
            problems.append(((*path, "members"), text(exc.text_key, lang, **exc.params)))
        for k, name in enumerate(group.members):
            if match_key(name) not in names:
                problems.append(((*path, "members", k),
                                 text("org.file.unknown_member", lang, name=name)))
    return problems


def _check_members(org: OrgFile, keys: set[str], lang: str) -> list[tuple[Path, str]]:
    problems: list[tuple[Path, str]] = []
    ids: set[int] = set()
    names: set[str] = set()
    for i, member in enumerate(org.members):
        if member.telegram_id is not None:
            if member.telegram_id in ids:
                problems.append((("members", i, "telegram_id"), text(
                    "org.file.duplicate_telegram_id", lang, telegram_id=str(member.telegram_id))))
            ids.add(member.telegram_id)
        if match_key(member.name) in names:
            problems.append((("members", i, "name"),
                             text("org.file.duplicate_member", lang, name=member.name)))
        names.add(match_key(member.name))
        for j, seat in enumerate(member.memberships):
            if seat.unit not in keys:
                problems.append((("members", i, "memberships", j, "unit"),
                                 text("org.file.unknown_unit", lang, key=seat.unit)))
    return problems
