"""What can go wrong when the organisation changes, each with its catalog text."""

from __future__ import annotations

from dataclasses import dataclass

from mina_bot.errors import MinaError


class LimitExceeded(MinaError):
    """Resolution 5 of the minutes: a committee's working groups or a group's members."""

    text_key = "org.limit.working_groups"


class InvitationRefused(MinaError):
    """A wrong, used, expired or revoked invitation code, or too many wrong codes."""

    text_key = "invite.code.wrong"


class OrganisationRefused(MinaError):
    """A change that does not make sense (e.g. moving a member to the unit it is in)."""

    text_key = "org.refused.same"


@dataclass(frozen=True)
class FileProblem:
    """One problem in an organisation file, at a line."""

    line: int
    where: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line} ({self.where}): {self.message}"


class OrgFileError(Exception):
    """The organisation file is unreadable or invalid; nothing was loaded."""

    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__("\n".join(str(p) for p in self.problems))
