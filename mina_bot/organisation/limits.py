"""Resolution 5 of the minutes: at most four working groups a committee, seven members a group."""

from __future__ import annotations

from mina_bot.organisation.errors import LimitExceeded, OrganisationRefused

MAX_WORKING_GROUPS = 4
MAX_GROUP_MEMBERS = 7
MAX_NAME_LENGTH = 120  # a person's or a working group's name; it is echoed in messages


def check_name(name: str) -> None:
    """Refuse a name too long to be a name (it would not fit in the messages that show it)."""
    if len(name) > MAX_NAME_LENGTH:
        raise OrganisationRefused("org.refused.name_too_long", limit=MAX_NAME_LENGTH,
                                  length=len(name))


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
