"""One person's reminders as one message: grouping, urgency, forms decided by the day it
arrives, and Telegram's limits."""

from __future__ import annotations

import datetime as dt

from mina_bot.jalali import format_date
from mina_bot.message_size import fits
from mina_bot.reminders.message import (
    MAX_BUTTONS,
    OVERDUE,
    SOON,
    TODAY,
    Entry,
    compose,
    due_form,
    lateness,
    most_urgent,
    when_word,
)

SATURDAY = dt.date(2025, 4, 12)  # 23 Farvardin 1404
FRIDAY = SATURDAY - dt.timedelta(days=1)
OWE = ("کارهای من", "res:owe:0")


def test_the_form_is_the_deadline_seen_from_the_day_it_arrives():
    assert due_form(SATURDAY, SATURDAY, "resolution.before") == TODAY
    assert due_form(SATURDAY + dt.timedelta(days=2), SATURDAY, "resolution.due") == SOON
    assert due_form(FRIDAY, SATURDAY, "resolution.due") == OVERDUE
    assert due_form(FRIDAY, SATURDAY, "resolution.before") is None  # «due soon» too late


def test_a_deadline_that_passed_on_friday_says_so_on_saturday():
    assert lateness(FRIDAY, SATURDAY, "fa") == "مهلت دیروز، جمعه، گذشت"
    assert lateness(FRIDAY, SATURDAY, "en") == "the deadline passed yesterday, Friday"
    assert "۵ روز" in lateness(SATURDAY - dt.timedelta(days=5), SATURDAY, "fa")


def test_today_is_said_only_of_today_and_always_with_its_date():
    assert when_word(SATURDAY, SATURDAY, "fa") == \
        f"امروز، {format_date(SATURDAY, 'fa', 'weekday_long')}"
    assert when_word(SATURDAY + dt.timedelta(days=1), SATURDAY, "fa").startswith("فردا،")
    assert "امروز" not in when_word(FRIDAY, SATURDAY, "fa")


def test_each_item_once_in_its_most_urgent_group_most_urgent_first():
    entries = [Entry("soon", "resolution:1", "soon 1"), Entry("session", "session:4", "s4"),
               Entry("overdue", "resolution:2", "late 2"), Entry("today", "resolution:1", "t1"),
               Entry("escalation", "resolution:2", "escalated 2")]
    assert [e.line for e in most_urgent(entries)] == ["escalated 2", "t1", "s4"]


def test_one_message_with_headings_in_order_and_each_button_once():
    entries = [Entry("soon", "resolution:3", "• سه", (OWE,)),
               Entry("report", "report:1:9", "• گزارش", (("ارسال گزارش", "rep:go"),)),
               Entry("overdue", "resolution:2", "• دو", (OWE,))]
    html, buttons = compose(entries, "fa", today=SATURDAY)
    assert html.index("گذشته از مهلت") < html.index("گزارش هفتگی") < html.index("مهلت نزدیک")
    assert html.count("• ") == 3
    assert [b for row in buttons for b in row] == [OWE, ("ارسال گزارش", "rep:go")]


def test_nothing_left_is_no_message():
    assert compose([], "fa", today=SATURDAY) is None


def test_a_long_list_is_cut_with_a_count_and_buttons_stop_at_a_hundred():
    entries = [Entry("overdue", f"resolution:{i}", f"• مصوبه {i}: " + "ش" * 150,
                     ((f"مصوبه {i}", f"res:open:{i}"),)) for i in range(300)]
    html, buttons = compose(entries, "en", today=SATURDAY)
    assert fits(html)
    assert "more /owe" in html
    shown = html.count("• ")
    assert 0 < shown < 300 and f"and {300 - shown} more" in html
    assert sum(len(row) for row in buttons) == MAX_BUTTONS
    assert all(len(row) <= 8 for row in buttons)
