"""When a reminder may go out: not on days off or holidays, not in quiet hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mina_bot.settings import Settings
from mina_bot.weeks import THURSDAY, iranian_weekday

MAX_DAYS_AHEAD = 60


@dataclass(frozen=True)
class SendingWindow:
    """The organisation's sending hours: working days minus holidays, outside quiet hours."""

    tz: dt.tzinfo
    quiet_start: dt.time
    quiet_end: dt.time
    days_off: frozenset[int]  # Iranian weekdays, 0 = Saturday
    holidays: frozenset[dt.date] = frozenset()
    thursday_end: dt.time | None = None  # Thursday as a half day, if set

    @classmethod
    def from_settings(cls, settings: Settings, holidays: frozenset[dt.date]) -> SendingWindow:
        """The window the settings describe, with the holiday table's days."""
        return cls(settings.tz, settings.reminder_quiet_start, settings.reminder_quiet_end,
                   frozenset(settings.reminder_days_off), holidays,
                   settings.reminder_thursday_end)

    def _quiet(self, t: dt.time) -> bool:
        if self.quiet_start == self.quiet_end:
            return False
        if self.quiet_start > self.quiet_end:  # wraps midnight, e.g. 21:00-08:00
            return t >= self.quiet_start or t < self.quiet_end
        return self.quiet_start <= t < self.quiet_end

    def _day_off(self, day: dt.date) -> bool:
        return iranian_weekday(day) in self.days_off or day in self.holidays

    def _after_half_day(self, local: dt.datetime) -> bool:
        return self.thursday_end is not None and iranian_weekday(local.date()) == THURSDAY \
            and local.time() >= self.thursday_end

    def allows(self, moment: dt.datetime) -> bool:
        """Whether a reminder may go out at this aware moment."""
        local = moment.astimezone(self.tz)
        return not self._day_off(local.date()) and not self._quiet(local.time()) \
            and not self._after_half_day(local)

    def next_allowed(self, moment: dt.datetime) -> dt.datetime:
        """The first moment at or after `moment` when a reminder may go out (aware UTC)."""
        local = moment.astimezone(self.tz)
        for _ in range(MAX_DAYS_AHEAD * 2):
            if self._day_off(local.date()) or self._after_half_day(local):
                local = self._at(local.date() + dt.timedelta(days=1), self.quiet_end)
            elif self._quiet(local.time()):
                wraps = self.quiet_start > self.quiet_end and local.time() >= self.quiet_start
                day = local.date() + dt.timedelta(days=1 if wraps else 0)
                local = self._at(day, self.quiet_end)
            else:
                return local.astimezone(dt.UTC)
        raise ValueError("no sending day in sight: check reminder_days_off and the holidays")

    def _at(self, day: dt.date, t: dt.time) -> dt.datetime:
        return dt.datetime.combine(day, t, tzinfo=self.tz)
