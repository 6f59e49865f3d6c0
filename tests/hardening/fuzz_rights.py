"""What each role may change: the tables (and rows) a fuzzed update is allowed to touch."""

from __future__ import annotations

from collections.abc import Callable

Snapshot = dict[str, dict[tuple, tuple]]
Row = dict[str, object]
# Tables anyone's updates may change: conversation steps, failed invitation codes, and which
# updates were handled (bookkeeping that follows any permitted write; the writes are checked).
EVERYONE = frozenset({"conversation_state", "auth_failure", "handled_update"})
STAFF = frozenset({"admin", "secretariat"})
OFFICERS = frozenset({"head", "secretary"})


def _rows(snapshot: Snapshot, table: str) -> dict[tuple, Row]:
    return {k: dict(v) for k, v in snapshot.get(table, {}).items()}


def _officer_units(snapshot: Snapshot, telegram_id: int) -> set[int]:
    """The units where this account is head or secretary (before the batch)."""
    members = {r["id"] for r in _rows(snapshot, "member").values()
               if r["telegram_id"] == telegram_id}
    return {r["unit_id"] for r in _rows(snapshot, "membership").values()
            if r["member_id"] in members and r["role"] in OFFICERS and r["active"]}


def _changed_rows(before: Snapshot, after: Snapshot, table: str) -> list[Row]:
    old, new = before.get(table, {}), after.get(table, {})
    return [dict(v) for k, v in new.items() if old.get(k) != v] + \
        [dict(v) for k, v in old.items() if k not in new]


def _rule(before: Snapshot, telegram_id: int) -> dict[str, Callable[[Row], bool]]:
    """Per table, which changed rows an officer may have caused."""
    units = _officer_units(before, telegram_id)
    reports = {r["id"] for r in _rows(before, "weekly_report").values() if r["unit_id"] in units}
    assigned = {r["resolution_id"] for r in _rows(before, "resolution_assignment").values()
                if r["unit_id"] in units}

    def own_report(row: Row) -> bool:
        return row.get("report_id") in reports or (row.get("report_id") is None and \
            row.get("resolution_event_id") is not None)

    return {
        "weekly_report": lambda row: row["unit_id"] in units,
        "report_answer": own_report,
        "report_submission": own_report,
        "attachment": own_report,
        "resolution_event": lambda row: row["resolution_id"] in assigned,
        "outbox_message": lambda row: row["kind"] == "report_copy",
    }


def is_staff_now(snapshot: Snapshot, telegram_id: int) -> bool:
    """Whether earlier fuzzed staff actions made this account an administrator or put it in the
    secretariat (the fuzzed organisation changes as it goes)."""
    member = next((r for r in _rows(snapshot, "member").values()
                   if r["telegram_id"] == telegram_id and r["active"]), None)
    if member is None:
        return False
    secretariat = {r["id"] for r in _rows(snapshot, "unit").values() if r["kind"] == "secretariat"}
    return bool(member["is_admin"]) or any(
        r["member_id"] == member["id"] and r["active"] and r["unit_id"] in secretariat
        for r in _rows(snapshot, "membership").values())


def forbidden_changes(role: str, telegram_id: int, before: Snapshot,
                      after: Snapshot) -> dict[str, list[Row]]:
    """Rows changed that `role` had no right to change (staff may change anything)."""
    if role in STAFF or is_staff_now(before, telegram_id):
        return {}
    rules = _rule(before, telegram_id) if role in OFFICERS else {}
    rules["session_attendance"] = _own_rsvp(before, telegram_id)
    rules["member"] = _own_choices(before, after, telegram_id)
    rules["agenda_item"] = _automatic_agenda(before, after)
    if "weekly_report" in rules:  # reports created during the batch count as the officer's own
        created = {r["id"] for r in _changed_rows(before, after, "weekly_report")
                   if rules["weekly_report"](r)}
        rules["report_answer"] = _extend(rules["report_answer"], created)
        rules["report_submission"] = _extend(rules["report_submission"], created)
        rules["attachment"] = _extend(rules["attachment"], created)
    found: dict[str, list[Row]] = {}
    for table in after:
        if table in EVERYONE:
            continue
        rows = _changed_rows(before, after, table)
        bad = [r for r in rows if table not in rules or not rules[table](r)]
        if bad:
            found[table] = bad
    return found


def _own_rsvp(before: Snapshot, telegram_id: int) -> Callable[[Row], bool]:
    """Anyone may answer the day-before reminder for themselves, and only for themselves."""
    members = {r["id"] for r in _rows(before, "member").values()
               if r["telegram_id"] == telegram_id}
    return lambda row: row["member_id"] in members and row["source"] == "rsvp"


# What a person sets for themselves on their member row: /language, /settings, and being
# reachable again by writing to the bot.
OWN_CHOICES = frozenset({"language", "reminder_prefs", "unreachable_since", "updated_at"})


def _own_choices(before: Snapshot, after: Snapshot, telegram_id: int
                 ) -> Callable[[Row], bool]:
    """Anyone may change their own language and reminder choices, and nothing else of a member
    (nor remove one)."""
    members = {r["id"]: r for r in _rows(before, "member").values()
               if r["telegram_id"] == telegram_id}
    kept = {r["id"] for r in _rows(after, "member").values()}

    def allowed(row: Row) -> bool:
        old = members.get(row.get("id"))
        return old is not None and row["id"] in kept and all(old.get(c) == v for c, v in row.items()
                                       if c not in OWN_CHOICES)

    return allowed


AUTOMATIC_AGENDA = frozenset({"standing", "review"})


def _automatic_agenda(before: Snapshot, after: Snapshot) -> Callable[[Row], bool]:
    """Anyone's first look at a session's agenda sets up its automatic part (a report per
    committee, the resolution review) and renumbers the rest; nothing else of an agenda."""
    old = {r["id"]: r for r in _rows(before, "agenda_item").values()}
    new = {r["id"]: r for r in _rows(after, "agenda_item").values()}

    def automatic(rows: dict) -> set:
        return {r["session_id"] for r in rows.values() if r["kind"] in AUTOMATIC_AGENDA}

    set_up = automatic(new) - automatic(old)

    def allowed(row: Row) -> bool:
        if row["session_id"] not in set_up or row["id"] not in new:
            return False
        was = old.get(row["id"])
        if was is None:
            return row["kind"] in AUTOMATIC_AGENDA
        return all(was.get(c) == v for c, v in row.items() if c != "position")

    return allowed


def _extend(rule: Callable[[Row], bool], reports: set) -> Callable[[Row], bool]:
    return lambda row: rule(row) or row.get("report_id") in reports
