"""Resolution 5 of the minutes: at most four working groups a committee, seven members a group."""

from __future__ import annotations

from mina_bot.organisation.errors import LimitExceeded

MAX_WORKING_GROUPS = 4
MAX_GROUP_MEMBERS = 7


def check_working_groups(count: int, *, unit_name: str) -> None:
    """Refuse a committee with more than four working groups."""
    if count > MAX_WORKING_GROUPS:
        raise LimitExceeded("org.limit.working_groups", unit=unit_name,
                            limit=MAX_WORKING_GROUPS, count=count)


def check_group_members(count: int, *, group_name: str) -> None:
    """Refuse a working group with more than seven members."""
    if count > MAX_GROUP_MEMBERS:
        raise LimitExceeded("org.limit.group_members", group=group_name,
                            limit=MAX_GROUP_MEMBERS, count=count)
