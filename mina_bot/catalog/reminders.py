"""Texts of reminders, the weekly digest, and the /settings reminder switches."""

TEXTS = {
    "command.settings": {"fa": "تنظیم یادآوری‌ها", "en": "reminder settings"},
    "reminder.bullet": {"fa": "• {item}", "en": "• {item}"},
    "reminder.none": {"fa": "— هیچ —", "en": "— none —"},
    "reminder.more": {"fa": "… و {count} مورد دیگر", "en": "… and {count} more"},
    "reminder.resolution_line": {
        "fa": "• مصوبه {number} جلسه {session}: {subject} (مهلت {due})",
        "en": "• Resolution {number} of session {session}: {subject} (due {due})",
    },
    "reminder.report": {
        "fa": (
            "⏰ <b>یادآوری گزارش هفتگی</b>\nگزارش <b>{unit}</b> برای جلسه {number} هنوز "
            "ارسال نشده است.\nمهلت ارسال: {deadline}\nبرای ارسال: /report"
        ),
        "en": (
            "⏰ <b>Weekly report reminder</b>\nThe report of <b>{unit}</b> for session {number} "
            "has not been sent yet.\nDeadline: {deadline}\nTo send it: /report"
        ),
    },
    "reminder.report_missing": {
        "fa": "📭 <b>مهلت گزارش‌های جلسه {number} گذشت.</b> واحدهایی که گزارش نداده‌اند:\n{units}",
        "en": "📭 <b>The report deadline for session {number} has passed.</b> Missing:\n{units}",
    },
    "reminder.session_eve": {
        "fa": (
            "🔔 <b>یادآوری: فردا جلسه {number} شورا</b>\n🗓 {when}\n📍 {place}\n\n"
            "<b>دستور جلسه:</b>\n{agenda}"
        ),
        "en": (
            "🔔 <b>Reminder: council session {number} tomorrow</b>\n🗓 {when}\n📍 {place}\n\n"
            "<b>Agenda:</b>\n{agenda}"
        ),
    },
    "reminder.session_day": {
        "fa": (
            "🔔 <b>امروز جلسه {number} شورا</b>\n🗓 {when}\n📍 {place}\n\n"
            "<b>دستور جلسه:</b>\n{agenda}"
        ),
        "en": (
            "🔔 <b>Council session {number} today</b>\n🗓 {when}\n📍 {place}\n\n"
            "<b>Agenda:</b>\n{agenda}"
        ),
    },
    "reminder.resolution_before": {
        "fa": (
            "⏳ مهلت مصوبه {number} جلسه {session} نزدیک است: {due}\n«{subject}»\n"
            "متولی: {units}\nوضعیت کارها: /owe"
        ),
        "en": (
            "⏳ Resolution {number} of session {session} is due soon: {due}\n«{subject}»\n"
            "Responsible: {units}\nYour duties: /owe"
        ),
    },
    "reminder.resolution_due": {
        "fa": "📌 امروز مهلت مصوبه {number} جلسه {session} است.\n«{subject}»\nمتولی: {units}",
        "en": "📌 Resolution {number} of session {session} is due today.\n«{subject}»\n"
              "Responsible: {units}",
    },
    "reminder.resolution_overdue": {
        "fa": (
            "❗️ مصوبه {number} جلسه {session} از مهلت ({due}) گذشته است.\n«{subject}»\n"
            "متولی: {units}\nاگر انجام شده، از /owe گزارش انجام بدهید."
        ),
        "en": (
            "❗️ Resolution {number} of session {session} is overdue (due {due}).\n«{subject}»\n"
            "Responsible: {units}\nIf it is done, report it from /owe."
        ),
    },
    "reminder.resolution_escalation": {
        "fa": (
            "🚨 <b>پیگیری دبیرخانه:</b> مصوبه {number} جلسه {session} با وجود یادآوری‌ها "
            "هنوز انجام نشده است (مهلت {due}).\n«{subject}»\nمتولی: {units}"
        ),
        "en": (
            "🚨 <b>For the secretariat:</b> resolution {number} of session {session} is still "
            "not done despite reminders (due {due}).\n«{subject}»\nResponsible: {units}"
        ),
    },
    "reminder.digest_session": {
        "fa": "جلسه بعد: {number} — {when}",
        "en": "Next session: {number} — {when}",
    },
    "reminder.digest": {
        "fa": (
            "📊 <b>گزارش هفتگی دبیرخانه</b>\n{session}\n\n<b>گزارش‌های رسیده:</b>\n{reports_in}"
            "\n\n<b>گزارش‌های نرسیده:</b>\n{reports_missing}\n\n<b>مصوبات با مهلت این هفته:</b>"
            "\n{due}\n\n<b>مصوبات معوق:</b>\n{overdue}\n\n<b>انجام‌شده، در انتظار تأیید:</b>"
            "\n{awaiting}"
        ),
        "en": (
            "📊 <b>Weekly digest</b>\n{session}\n\n<b>Reports in:</b>\n{reports_in}\n\n"
            "<b>Reports missing:</b>\n{reports_missing}\n\n<b>Due this week:</b>\n{due}\n\n"
            "<b>Overdue:</b>\n{overdue}\n\n<b>Reported done, awaiting confirmation:</b>\n"
            "{awaiting}"
        ),
    },
    "reminders.settings": {
        "fa": (
            "⚙️ <b>یادآوری‌ها</b>\nبا دکمه‌ها هر نوع یادآوری را روشن یا خاموش کنید. موارد 🔒 "
            "را دبیرخانه اجباری کرده است."
        ),
        "en": (
            "⚙️ <b>Reminders</b>\nTurn each kind on or off with the buttons. 🔒 kinds are "
            "mandatory (set by the secretariat)."
        ),
    },
    "reminders.kind_report": {"fa": "گزارش هفتگی", "en": "weekly report"},
    "reminders.kind_session": {"fa": "جلسه شورا", "en": "council session"},
    "reminders.kind_resolution": {"fa": "مهلت مصوبات", "en": "resolution deadlines"},
    "reminders.kind_digest": {"fa": "خلاصه هفتگی دبیرخانه", "en": "weekly digest"},
    "reminders.button": {"fa": "{mark} {kind}", "en": "{mark} {kind}"},
    "reminders.mandatory": {
        "fa": "این یادآوری اجباری است و خاموش نمی‌شود.",
        "en": "This reminder is mandatory and cannot be turned off.",
    },
}
