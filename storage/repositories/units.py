"""Queries on units: the secretariat, committees and the other bodies of the headquarters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlmodel import Session, select

from storage.models import Unit, UnitKind


def get_by_key(session: Session, *, key: str) -> Unit | None:
    """The unit with this key (e.g. "infrastructure"), or None."""
    return session.exec(select(Unit).where(Unit.key == key)).first()


def get_unit(session: Session, *, unit_id: int) -> Unit | None:
    """The unit with this id, or None."""
    return session.get(Unit, unit_id)


def list_units(
    session: Session, *, kind: UnitKind | None = None, include_inactive: bool = False
) -> Sequence[Unit]:
    """Units ordered by key, optionally of one kind; active ones unless asked otherwise."""
    query = select(Unit).order_by(Unit.key)
    if kind is not None:
        query = query.where(Unit.kind == kind)
    if not include_inactive:
        query = query.where(Unit.active)
    return session.exec(query).all()


def create_unit(
    session: Session,
    *,
    key: str,
    kind: UnitKind,
    name_fa: str,
    name_en: str,
    aliases: Iterable[str] = (),
    parent_id: int | None = None,
) -> Unit:
    """Add a unit and flush it so it has an id."""
    unit = Unit(
        key=key,
        kind=kind,
        name_fa=name_fa,
        name_en=name_en,
        aliases=list(aliases),
        parent_id=parent_id,
    )
    session.add(unit)
    session.flush()
    return unit


def units_by_ids(session: Session, *, unit_ids: Iterable[int]) -> Sequence[Unit]:
    """These units, in id order, in one query."""
    ids = list(unit_ids)
    if not ids:
        return []
    return session.exec(select(Unit).where(Unit.id.in_(ids)).order_by(Unit.id)).all()
