"""The demo's sample organisation: examples/org.yaml, as the seed minutes describe it."""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlmodel import Session

from storage.models import Role, UnitKind
from storage.repositories import members as members_repo
from storage.repositories import units as units_repo

ORG_FILE = Path(__file__).resolve().parent.parent / "examples" / "org.yaml"


def seed_sample_organisation(session: Session, path: Path = ORG_FILE) -> int:
    """Create the sample units, members and memberships on an empty database."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    unit_ids = {}
    for unit in data["units"]:
        created = units_repo.create_unit(
            session, key=unit["key"], kind=UnitKind(unit["kind"]), name_fa=unit["name_fa"],
            name_en=unit["name_en"], aliases=tuple(unit.get("aliases") or ()),
        )
        unit_ids[unit["key"]] = created.id
    for person in data["members"]:
        member = members_repo.create_member(session, name=person["name"],
                                            telegram_id=person.get("telegram_id"))
        for membership in person.get("memberships", []):
            members_repo.add_membership(session, member_id=member.id,
                                        unit_id=unit_ids[membership["unit"]],
                                        role=Role(membership["role"]))
    return len(data["members"])
