"""Which reminder kinds a member has turned off; mandatory kinds stay on."""

from __future__ import annotations

from sqlmodel import Session

from mina_bot.errors import MinaError, NotFound, StaleButton
from mina_bot.reminders.planner import KINDS
from mina_bot.settings import Settings
from storage.repositories import members as members_repo


class MandatoryReminder(MinaError):
    """The secretariat made this reminder kind mandatory."""

    text_key = "reminders.mandatory"


def switches(session: Session, *, member_id: int, settings: Settings) -> list[tuple[str, str]]:
    """(kind, on|off|mandatory) for every reminder kind."""
    member = members_repo.get_member(session, member_id=member_id)
    if member is None:
        raise NotFound()
    muted = set(member.muted_reminders or [])
    return [(kind, "mandatory" if kind in settings.mandatory_reminders
             else "off" if kind in muted else "on") for kind in KINDS]


def toggle(session: Session, *, member_id: int, kind: str, settings: Settings) -> bool:
    """Turn a kind off (or back on); returns whether it is now muted."""
    if kind not in KINDS:
        raise StaleButton()
    if kind in settings.mandatory_reminders:
        raise MandatoryReminder()
    member = members_repo.get_member(session, member_id=member_id)
    if member is None:
        raise NotFound()
    muted = set(member.muted_reminders or []) ^ {kind}
    member.muted_reminders = sorted(muted)  # a new list: JSON columns are not mutated in place
    session.add(member)
    return kind in muted
