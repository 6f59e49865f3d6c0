"""`bot.py org load FILE.yaml`: create or update units, working groups and members in place.

The whole file is checked first (schema, cross references, resolution 5, matching against the
database); only then is anything written, in the caller's transaction. Loading the same file
again changes nothing and writes no audit rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml
from sqlmodel import Session

from mina_bot import holiday_table
from mina_bot.catalog import text
from mina_bot.clock import Clock
from mina_bot.organisation import audit
from mina_bot.organisation.errors import FileProblem, OrgFileError
from mina_bot.organisation.schema import (
    HolidaySpec,
    MemberSpec,
    OrgFile,
    SafeLoader,
    UnitSpec,
    holiday_days,
    line_of,
    parse,
)
from mina_bot.persian import match_key
from storage.models import HolidayKind, Member, Role, Unit
from storage.repositories import holidays as holidays_repo
from storage.repositories import members as members_repo
from storage.repositories import units as units_repo
from storage.repositories import working_groups as groups_repo


@dataclass
class LoadReport:
    """What a load changed, one count per kind of change."""

    changes: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """How many rows were created, updated, ended or removed."""
        return sum(self.changes.values())

    def count(self, action: str) -> None:
        """Count one change."""
        self.changes[action] = self.changes.get(action, 0) + 1


FileHook = Callable[[Session, OrgFile, LoadReport], None]

def load_file(session: Session, path: Path, *, clock: Clock, lang: str = "fa",
              then: FileHook | None = None) -> LoadReport:
    """Load an organisation file; OrgFileError (with lines) if anything is wrong."""
    try:
        source = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OrgFileError([FileProblem(1, str(path), str(exc))]) from None
    return load_text(session, source, clock=clock, lang=lang, then=then)


def load_text(session: Session, source: str, *, clock: Clock, lang: str = "fa",
              then: FileHook | None = None) -> LoadReport:
    """Load an organisation document given as text; `then` applies the file's parts owned by
    other features (the report questions: mina_bot.reports.questions_file) in the same
    transaction."""
    org = parse(source, lang)
    matches = _match_members(session, org, source, lang)
    report = _Apply(session, clock.now(), LoadReport()).run(org, matches)
    if then is not None:
        then(session, org, report)
    return report


def _match_members(session: Session, org: OrgFile, source: str,
                   lang: str) -> list[Member | None]:
    """The existing member each entry updates: by Telegram id, else by name (must be unique)."""
    known = members_repo.list_members(session, include_inactive=True)
    by_id = {m.telegram_id: m for m in known if m.telegram_id is not None}
    by_name: dict[str, list[Member]] = {}
    for member in known:
        by_name.setdefault(match_key(member.name), []).append(member)
    matches: list[Member | None] = []
    ambiguous: list[int] = []
    for i, spec in enumerate(org.members):
        found = by_id.get(spec.telegram_id) if spec.telegram_id else None
        if found is None:
            same = [m for m in by_name.get(match_key(spec.name), [])
                    if m.telegram_id is None or spec.telegram_id is None]
            if len(same) > 1:
                ambiguous.append(i)
            found = same[0] if len(same) == 1 else None
        matches.append(found)
    if ambiguous:  # the file read again, for the lines only now (a national file: seconds)
        root = yaml.compose(source, Loader=SafeLoader)
        raise OrgFileError([FileProblem(line_of(root, ("members", i, "name")),
                                        f"members[{i}].name",
                                        text("org.file.ambiguous_member", lang,
                                             name=org.members[i].name)) for i in ambiguous])
    return matches


class _Apply:
    """The writes of one load, each audited and counted."""

    def __init__(self, session: Session, now: datetime, report: LoadReport) -> None:
        self.session, self.now, self.report = session, now, report
        self.units: dict[str, Unit] = {}

    def run(self, org: OrgFile, matches: list[Member | None]) -> LoadReport:
        for spec in org.units:
            self.units[spec.key] = self._unit(spec)
        for spec in org.units:
            parent = self.units[spec.parent].id if spec.parent else None
            self._update("unit", self.units[spec.key], {"parent_id": parent})
        people = [self._member(spec, found) for spec, found in zip(org.members, matches,
                                                                   strict=True)]
        by_name = {match_key(spec.name): m for spec, m in zip(org.members, people, strict=True)}
        for spec, member in zip(org.members, people, strict=True):
            self._memberships(member, spec)
        for spec in org.units:
            self._groups(self.units[spec.key], spec, by_name)
        for spec in org.holidays:
            self._holiday(spec)
        return self.report

    def _holiday(self, spec: HolidaySpec) -> None:
        """A closure's days, or a built-in holiday worked; what the chat added stays."""
        start, end = holiday_days(spec)
        if spec.working:
            row = holidays_repo.get(self.session, day=start)
            if row is None or row.kind != HolidayKind.WORKING:
                holiday_table.mark_working(self.session, actor=None, day=start, now=self.now)
                self.report.count("holiday.working")
            return
        for _ in range(holiday_table.add_closure(self.session, actor=None, start=start, end=end,
                                                 name=spec.name or "", now=self.now)):
            self.report.count("holiday.closure")

    def _audit(self, action: str, entity: str, row: Any, before: dict | None,
               after: dict | None) -> None:
        audit.record(self.session, actor=None, at=self.now, action=f"org.load.{action}",
                     entity=entity, entity_id=row.id, before=before, after=after)
        self.report.count(f"{entity}.{action}")

    def _update(self, entity: str, row: Any, wanted: dict[str, Any]) -> None:
        changed = {k: v for k, v in wanted.items() if getattr(row, k) != v}
        if not changed:
            return
        before = audit.snapshot(row)
        for name, value in changed.items():
            setattr(row, name, value)
        self.session.add(row)
        self.session.flush()
        self._audit("update", entity, row, before, audit.snapshot(row))

    def _unit(self, spec: UnitSpec) -> Unit:
        wanted = {"kind": spec.kind, "name_fa": spec.name_fa, "name_en": spec.name_en,
                  "aliases": list(spec.aliases), "active": spec.active,
                  "report_approval": spec.report_approval}
        unit = units_repo.get_by_key(self.session, key=spec.key)
        if unit is None:
            unit = units_repo.create_unit(self.session, key=spec.key, kind=spec.kind,
                                          name_fa=spec.name_fa, name_en=spec.name_en,
                                          aliases=spec.aliases)
            unit.active, unit.report_approval = spec.active, spec.report_approval
            self._audit("create", "unit", unit, None, audit.snapshot(unit))
        else:
            self._update("unit", unit, wanted)
        return unit

    def _member(self, spec: MemberSpec, found: Member | None) -> Member:
        wanted: dict[str, Any] = {"name": spec.name, "language": spec.language,
                                  "is_admin": spec.admin, "active": spec.active}
        if spec.telegram_id is not None:
            wanted["telegram_id"] = spec.telegram_id
        if found is None:
            member = members_repo.create_member(self.session, name=spec.name,
                                                telegram_id=spec.telegram_id,
                                                language=spec.language, is_admin=spec.admin)
            if not spec.active:
                member.active, member.deactivated_at = False, self.now
            self._audit("create", "member", member, None, audit.snapshot(member))
            return member
        if found.active and not spec.active:
            wanted["deactivated_at"] = self.now
        elif spec.active and not found.active:
            wanted["deactivated_at"] = None
        self._update("member", found, wanted)
        return found

    def _memberships(self, member: Member, spec: MemberSpec) -> None:
        wanted = {(self.units[s.unit].id, Role(s.role)) for s in spec.memberships}
        for seat in members_repo.memberships_of(self.session, member_id=member.id,
                                                include_ended=True):
            key = (seat.unit_id, Role(seat.role))
            if key in wanted:
                wanted.discard(key)
                self._update("membership", seat, {"active": True, "ended_at": None})
            elif seat.active:
                self._update("membership", seat, {"active": False, "ended_at": self.now})
        for unit_id, role in sorted(wanted):
            seat = members_repo.add_membership(self.session, member_id=member.id,
                                               unit_id=unit_id, role=role)
            self._audit("create", "membership", seat, None, audit.snapshot(seat))

    def _groups(self, unit: Unit, spec: UnitSpec, people: dict[str, Member]) -> None:
        existing = {match_key(g.name_fa): g for g in groups_repo.list_working_groups(
            self.session, unit_id=unit.id, include_inactive=True)}
        for group_spec in spec.working_groups:
            group = existing.pop(match_key(group_spec.name_fa), None)
            if group is None:
                group = groups_repo.create_working_group(
                    self.session, unit_id=unit.id, name_fa=group_spec.name_fa,
                    name_en=group_spec.name_en)
                self._audit("create", "working_group", group, None, audit.snapshot(group))
            else:
                self._update("working_group", group, {"name_fa": group_spec.name_fa,
                                                      "name_en": group_spec.name_en,
                                                      "active": True})
            self._seats(group, sorted({people[match_key(n)].id for n in group_spec.members}))
        for group in existing.values():
            self._update("working_group", group, {"active": False})

    def _seats(self, group: Any, wanted: list[int]) -> None:
        current = groups_repo.seat_member_ids(self.session, working_group_id=group.id)
        before = {"members": current}
        if current == wanted:
            return
        for member_id in set(current) - set(wanted):
            groups_repo.remove_seat(self.session, working_group_id=group.id, member_id=member_id)
        for member_id in sorted(set(wanted) - set(current)):
            groups_repo.add_seat(self.session, working_group_id=group.id, member_id=member_id)
        self._audit("seats", "working_group", group, before, {"members": wanted})
