"""The closed vocabularies of the domain, stored as plain strings."""

from enum import StrEnum


class UnitKind(StrEnum):
    """What kind of body a unit is."""

    SECRETARIAT = "secretariat"
    COMMITTEE = "committee"
    DEPUTY = "deputy"
    INSTITUTE = "institute"
    OFFICE = "office"
    PROVINCE = "province"
    OTHER = "other"


class Role(StrEnum):
    """A member's role inside one unit."""

    HEAD = "head"
    SECRETARY = "secretary"
    MEMBER = "member"


class Language(StrEnum):
    """The language a member reads the bot in."""

    FA = "fa"
    EN = "en"


class SessionStatus(StrEnum):
    """Where a council session stands."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AgendaKind(StrEnum):
    """Why an item is on a session's agenda."""

    STANDING = "standing"
    CARRIED = "carried"
    REVIEW = "review"
    ADDED = "added"


class ResolutionStatus(StrEnum):
    """The life of a resolution from the minutes to the secretariat's confirmation."""

    OPEN = "open"
    REPORTED_DONE = "reported_done"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"


class ResolutionEventKind(StrEnum):
    """What happened to a resolution."""

    CREATED = "created"
    EDITED = "edited"
    REASSIGNED = "reassigned"
    REPORTED_DONE = "reported_done"
    CONFIRMED = "confirmed"
    SENT_BACK = "sent_back"
    CANCELLED = "cancelled"
    REOPENED = "reopened"


class ReportStatus(StrEnum):
    """Whether a weekly report is still being written."""

    DRAFT = "draft"
    SUBMITTED = "submitted"


class Progress(StrEnum):
    """A unit's own account of progress on one resolution."""

    DONE = "done"
    IN_PROGRESS = "in_progress"
    BLOCKED = "blocked"


class AttachmentKind(StrEnum):
    """How Telegram delivered a file."""

    DOCUMENT = "document"
    PHOTO = "photo"


class BroadcastKind(StrEnum):
    """What a broadcast carries."""

    TEXT = "text"
    AGENDA = "agenda"
    DOCUMENT = "document"


class BroadcastStatus(StrEnum):
    """Where a broadcast stands."""

    DRAFT = "draft"
    SENDING = "sending"
    DONE = "done"
    CANCELLED = "cancelled"


class OutboxState(StrEnum):
    """The delivery state of one outgoing message."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"
    UNREACHABLE = "unreachable"
    DROPPED = "dropped"
    NOT_MEMBER = "not_member"  # its member was deactivated after it was queued
