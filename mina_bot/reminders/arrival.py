"""A reminder message worded when it is sent: each item checked against the database and the
clock of that moment (a share reported since, a report in, a member gone: left out; a deadline
that passed on a Friday: said so), then grouped into one message (message.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlmodel import Session

from mina_bot.callbacks import encode
from mina_bot.catalog import Safe, name_in, text
from mina_bot.jalali import format_time
from mina_bot.pages import Buttons
from mina_bot.persian import shorten
from mina_bot.reminders.message import OVERDUE, SOON, TODAY, Entry, compose, due_form, lateness
from mina_bot.reminders.message import when_word as word
from mina_bot.resolutions.duties import awaiting_confirmation
from mina_bot.sessions.attendance_view import rsvp_buttons
from mina_bot.sessions.schedule import report_deadline
from mina_bot.sessions.views import agenda_title, place_in
from mina_bot.settings import Settings
from storage.models import (
    AgendaItem,
    AgendaKind,
    CouncilSession,
    Member,
    ReminderItem,
    SessionStatus,
    Unit,
)
from storage.repositories import reminder_items as items_repo
from storage.repositories import reminders as sources
from storage.repositories import sessions as sessions_repo
from storage.repositories import units as units_repo

SUBJECT_LIMIT = 160
NAMES_LIMIT = 30
OWE = ("res", "owe", 0)
# A session's reminder shows the head of its agenda: with a committee's report for each of
# thousands of units the whole would not fit Telegram's 4,096 characters, and the session's
# own line would be left out of the message.
AGENDA_LINES = 10
QUEUE = ("res", "pq")
REPORT = ("rep", "go")


def message_for(session: Session, *, outbox_id: int, member_id: int, now: dt.datetime,
                settings: Settings) -> tuple[str, Buttons] | None:
    """The text and buttons of a reminder row as of `now`; None when nothing still helps."""
    member = session.get(Member, member_id)
    items = items_repo.of_message(session, outbox_id=outbox_id)
    if member is None or not member.active or not items:
        return None
    facts = _Facts(session, member, now, settings, items)
    # Not `item.expires`: that is for planning (the next of its series comes then); here what
    # the item says is checked against what is true now.
    entries = [e for item in items for e in facts.entries(item)]
    if entries and facts.secretariat:
        count, _ = awaiting_confirmation(session, limit=0)
        if count:
            entries.append(Entry("awaiting", "awaiting", text("reminder.line.awaiting",
                                                              facts.lang, count=count),
                                 ((text("reminder.button.queue", facts.lang), encode(*QUEUE)),)))
    return compose(entries, facts.lang, today=facts.today)


class _Facts:
    """What is true now, for one member's message."""

    def __init__(self, session: Session, member: Member, now: dt.datetime,
                 settings: Settings, items: Sequence[ReminderItem]) -> None:
        self.session, self.now, self.settings = session, now, settings
        self.lang = str(member.language)
        self.today = now.astimezone(settings.tz).date()
        self.officer_of, self.secretariat = items_repo.seats_of(session, member_id=member.id)
        # The message's resolutions, their sessions and units in four queries, not four each
        # (a digest of ten took 28 ms of the event loop, the dispatcher's, on a small database).
        self._resolutions = items_repo.resolutions_now(session, ids=[
            item.details["resolution"] for item in items if item.kind == "resolution"])
        found = self._resolutions.values()
        self._councils = sources.sessions_by_id(session, session_ids=[
            s for r, _ in found for s in (r.session_id, r.due_at_session_id) if s])
        self._units = self._units_by_id({u for _, owed in found for u in owed})

    def _units_by_id(self, unit_ids: Iterable[int]) -> dict[int, Unit]:
        """Some units by id, in one query."""
        return {u.id: u for u in units_repo.units_by_ids(self.session, unit_ids=unit_ids)}

    def entries(self, item: ReminderItem) -> list[Entry]:
        """The entries an item still makes (none when it no longer helps)."""
        if item.kind == "resolution":
            return self._resolution(item)
        if item.kind == "digest":
            return [Entry("digest", "digest", item.details["text"][self.lang])] \
                if self.secretariat else []
        council = self.session.get(CouncilSession, item.details["session"])
        if council is None or council.status != SessionStatus.PLANNED \
                or council.starts_at <= self.now:
            return []
        if item.occasion.startswith("session."):
            return [self._session(council, item)]
        if item.occasion == "report.missing":
            return self._missing(council, item)
        return self._report(council, item)

    def _when(self, moment: dt.datetime) -> str:
        local = moment.astimezone(self.settings.tz)
        day = word(local.date(), self.today, self.lang)
        return text("reminder.word.at", self.lang, day=Safe(day),
                    time=format_time(local, self.lang))

    def _agenda_title(self, item: AgendaItem, units: dict[int, Unit]) -> str:
        """A committee's standing item under the committee's name in the reader's language."""
        unit = units.get(item.unit_id) if item.kind == AgendaKind.STANDING else None
        if unit is not None:
            return name_in(unit, self.lang)
        return agenda_title(item.title, self.lang) or text("delivery.agenda_review", self.lang)

    def _session(self, council: CouncilSession, item: ReminderItem) -> Entry:
        head = sessions_repo.agenda_of(self.session, session_id=council.id, limit=AGENDA_LINES)
        units = self._units_by_id({a.unit_id for a in head if a.unit_id})
        agenda = [text("delivery.agenda_line", self.lang, position=i,
                       title=self._agenda_title(a, units)) for i, a in enumerate(head, 1)]
        if len(head) == AGENDA_LINES and (rest := sessions_repo.agenda_length(
                self.session, session_id=council.id) - AGENDA_LINES):  # in the session's view
            agenda.append(text("reminder.more", self.lang, count=rest))
        line = text("reminder.line.session", self.lang, number=council.number,
                    when=Safe(self._when(council.starts_at)),
                    place=place_in(council.place, self.lang),
                    agenda=Safe("\n".join(agenda) or text("delivery.agenda_empty", self.lang)))
        buttons = rsvp_buttons("session.eve", f"session:{council.id}", self.lang) or []
        return Entry("session", f"session:{council.id}", line,
                     tuple(b for row in buttons for b in row))

    def _report(self, council: CouncilSession, item: ReminderItem) -> list[Entry]:
        unit = self.session.get(Unit, item.details["unit"])
        deadline = report_deadline(council, self.settings)
        if unit is None or unit.id not in self.officer_of or deadline <= self.now \
                or unit.id in sources.submitted_unit_ids(self.session, session_id=council.id):
            return []
        line = text("reminder.line.report", self.lang, unit=name_in(unit, self.lang),
                    number=council.number, deadline=Safe(self._when(deadline)))
        return [Entry("report", f"report:{unit.id}:{council.id}", line,
                      ((text("reminder.button.report", self.lang), encode(*REPORT)),))]

    def _missing(self, council: CouncilSession, item: ReminderItem) -> list[Entry]:
        if not self.secretariat:
            return []
        submitted = sources.submitted_unit_ids(self.session, session_id=council.id)
        missing = [u for u in item.details["units"] if u not in submitted]
        if not missing:
            return []
        shown = self._units_by_id(missing[:NAMES_LIMIT])
        names = ("، " if self.lang == "fa" else ", ").join(
            name_in(shown[u], self.lang) for u in missing[:NAMES_LIMIT] if u in shown)
        if len(missing) > NAMES_LIMIT:
            names += " " + text("reminder.more", self.lang, count=len(missing) - NAMES_LIMIT)
        return [Entry("missing", f"missing:{council.id}", text(
            "reminder.line.missing", self.lang, number=council.number, count=len(missing),
            units=names))]

    def _resolution(self, item: ReminderItem) -> list[Entry]:
        rid = item.details["resolution"]
        found = self._resolutions.get(rid)
        if found is None or found[0].status != "open":
            return []
        resolution, owed = found
        due_at = self._councils.get(resolution.due_at_session_id)
        due = resolution.due_date or (due_at.starts_at.astimezone(self.settings.tz).date()
                                      if due_at else None)
        escalation = item.occasion == "resolution.escalation"
        if due is None or (escalation and not self.secretariat) \
                or (not escalation and not owed & self.officer_of):
            return []
        form = due_form(due, self.today, item.occasion)
        if form is None:
            return []
        council = self._councils.get(resolution.session_id)
        units = [self._units[u] for u in sorted(owed) if u in self._units]
        line = text("reminder.line.resolution", self.lang, number=resolution.number,
                    session=council.number if council else "—",
                    subject=shorten(resolution.subject, SUBJECT_LIMIT),
                    units=("، " if self.lang == "fa" else ", ").join(
                        name_in(u, self.lang) for u in units) or "—",
                    due=Safe(self._due(form, due)))
        group = "escalation" if escalation and form == OVERDUE else form
        return [Entry(group, f"resolution:{rid}", line,
                      ((text("reminder.button.owe", self.lang), encode(*OWE)),)
                      if not escalation else ())]

    def _due(self, form: str, due: dt.date) -> str:
        if form == OVERDUE:
            return lateness(due, self.today, self.lang)
        if form == SOON:
            return text("reminder.due.soon", self.lang, day=Safe(word(due, self.today, self.lang)))
        assert form == TODAY
        return text("reminder.due.today", self.lang, day=Safe(word(due, self.today, self.lang)))

