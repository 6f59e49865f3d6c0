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
    """Who someone is to the bot, most powerful first; a seat in a unit holds a SEAT_ROLE."""

    ADMIN = "admin"
    SECRETARIAT = "secretariat"
    HEAD = "head"
    SECRETARY = "secretary"
    MEMBER = "member"
    STRANGER = "stranger"


SEAT_ROLES = (Role.HEAD, Role.SECRETARY, Role.MEMBER)  # the roles a membership row holds


class Language(StrEnum):
    """The language a member reads the bot in."""

    FA = "fa"
    EN = "en"


class SessionStatus(StrEnum):
    """Where a council session stands."""

    PLANNED = "planned"
    HELD = "held"
    CANCELLED = "cancelled"


class AttendanceStatus(StrEnum):
    """Whether a member comes (came), sends (sent) a stand-in, or not."""

    PRESENT = "present"
    STAND_IN = "stand_in"
    ABSENT = "absent"


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


class ShareState(StrEnum):
    """Where one unit's share of a resolution stands."""

    OPEN = "open"
    REPORTED_DONE = "reported_done"
    CONFIRMED = "confirmed"
    SENT_BACK = "sent_back"
    NOT_APPLICABLE = "not_applicable"


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
    NOT_APPLICABLE = "not_applicable"
    REMOVED = "removed"
    LEAD = "lead"  # the lead unit, or whether its confirmed share closes the resolution


class ReportStatus(StrEnum):
    """Whether a weekly report is still being written."""

    DRAFT = "draft"
    AWAITING_APPROVAL = "awaiting_approval"  # sent by the secretary, not yet approved by the head
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


class HolidayKind(StrEnum):
    """What the organisation says of a day in its holiday table."""

    CLOSURE = "closure"  # closed, beside the official holidays
    WORKING = "working"  # an official holiday the organisation works on
