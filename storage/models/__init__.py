"""Every Mina table, importable from one place; `metadata` is what Alembic compares."""

from storage.models.audit import AuditLog, ConversationState
from storage.models.base import NAMING_CONVENTION, metadata
from storage.models.council import (
    AgendaItem,
    CouncilSession,
    Holiday,
    Resolution,
    ResolutionAssignment,
    ResolutionEvent,
)
from storage.models.delivery import Broadcast, OutboxMessage
from storage.models.enums import (
    AgendaKind,
    AttachmentKind,
    BroadcastKind,
    BroadcastStatus,
    Language,
    OutboxState,
    Progress,
    ReportStatus,
    ResolutionEventKind,
    ResolutionStatus,
    Role,
    SessionStatus,
    ShareState,
    UnitKind,
)
from storage.models.organisation import (
    AuthFailure,
    Invitation,
    Member,
    Membership,
    Unit,
    WorkingGroup,
    WorkingGroupMember,
)
from storage.models.reports import Attachment, ReportAnswer, ReportSubmission, WeeklyReport

__all__ = [
    "NAMING_CONVENTION",
    "AgendaItem",
    "AgendaKind",
    "Attachment",
    "AttachmentKind",
    "AuditLog",
    "AuthFailure",
    "Broadcast",
    "BroadcastKind",
    "BroadcastStatus",
    "ConversationState",
    "CouncilSession",
    "Holiday",
    "Invitation",
    "Language",
    "Member",
    "Membership",
    "OutboxMessage",
    "OutboxState",
    "Progress",
    "ReportAnswer",
    "ReportStatus",
    "ReportSubmission",
    "Resolution",
    "ResolutionAssignment",
    "ResolutionEvent",
    "ResolutionEventKind",
    "ResolutionStatus",
    "Role",
    "SessionStatus",
    "ShareState",
    "Unit",
    "UnitKind",
    "WeeklyReport",
    "WorkingGroup",
    "WorkingGroupMember",
    "metadata",
]
