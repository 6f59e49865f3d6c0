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
    "reminder.group.escalation": {
        "fa": "🚨 <b>پیگیری دبیرخانه: با وجود یادآوری‌ها هنوز انجام نشده</b>",
        "en": "🚨 <b>For the secretariat: still not done despite reminders</b>",
    },
    "reminder.group.overdue": {"fa": "❗️ <b>گذشته از مهلت</b>", "en": "❗️ <b>Overdue</b>"},
    "reminder.group.today": {"fa": "📌 <b>مهلت امروز، {date}</b>",
                             "en": "📌 <b>Due today, {date}</b>"},
    "reminder.group.report": {"fa": "⏰ <b>گزارش هفتگی</b>", "en": "⏰ <b>Weekly report</b>"},
    "reminder.group.session": {"fa": "🔔 <b>جلسه شورا</b>", "en": "🔔 <b>Council session</b>"},
    "reminder.group.soon": {"fa": "⏳ <b>مهلت نزدیک</b>", "en": "⏳ <b>Due soon</b>"},
    "reminder.group.missing": {"fa": "📭 <b>گزارش‌های نرسیده</b>",
                               "en": "📭 <b>Reports missing</b>"},
    "reminder.group.awaiting": {"fa": "🗂 <b>در انتظار تأیید شما</b>",
                                "en": "🗂 <b>Awaiting your confirmation</b>"},
    "reminder.word.today": {"fa": "امروز، {date}", "en": "today, {date}"},
    "reminder.word.tomorrow": {"fa": "فردا، {date}", "en": "tomorrow, {date}"},
    "reminder.word.at": {"fa": "{day}، ساعت {time}", "en": "{day}, {time}"},
    "reminder.late.yesterday": {"fa": "مهلت دیروز، {weekday}، گذشت",
                                "en": "the deadline passed yesterday, {weekday}"},
    "reminder.late.days": {"fa": "مهلت {date} گذشت ({days} روز پیش)",
                           "en": "due {date}, {days} days ago"},
    "reminder.due.soon": {"fa": "مهلت: {day}", "en": "due {day}"},
    "reminder.due.today": {"fa": "مهلت: {day}", "en": "due {day}"},
    "reminder.line.resolution": {
        "fa": "• مصوبه {number} جلسه {session}: «{subject}»\n  متولی: {units} — {due}",
        "en": "• Resolution {number} of session {session}: «{subject}»\n  Responsible: {units}"
              " — {due}",
    },
    "reminder.line.report": {
        "fa": "• گزارش <b>{unit}</b> برای جلسه {number} هنوز ارسال نشده است. مهلت: {deadline}",
        "en": "• The report of <b>{unit}</b> for session {number} is not in yet. "
              "Deadline: {deadline}",
    },
    "reminder.line.session": {
        "fa": "• جلسه {number} شورا: {when}\n📍 {place}\n<b>دستور جلسه:</b>\n{agenda}",
        "en": "• Council session {number}: {when}\n📍 {place}\n<b>Agenda:</b>\n{agenda}",
    },
    "reminder.line.missing": {
        "fa": "• جلسه {number}: {count} واحد گزارش نداده‌اند: {units}",
        "en": "• Session {number}: {count} units have not reported: {units}",
    },
    "reminder.line.awaiting": {
        "fa": "• {count} سهم انجام‌شده منتظر تأیید است.",
        "en": "• {count} shares reported done await confirmation.",
    },
    "reminder.button.owe": {"fa": "📋 کارهای من", "en": "📋 My duties"},
    "reminder.button.report": {"fa": "📝 ارسال گزارش", "en": "📝 Send the report"},
    "reminder.button.queue": {"fa": "🗂 صف تأیید", "en": "🗂 Confirmation queue"},
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
    "reminders.button.digest_on": {
        "fa": "🗞 یک پیام در روز، ساعت {time} ✅", "en": "🗞 One message a day, at {time} ✅",
    },
    "reminders.button.digest_off": {
        "fa": "🗞 یک پیام در روز، ساعت {time}", "en": "🗞 One message a day, at {time}",
    },
    "reminders.button.from": {"fa": "🌅 از ساعت {time}", "en": "🌅 From {time}"},
    "reminders.button.until": {"fa": "🌙 تا ساعت {time}", "en": "🌙 Until {time}"},
    "reminders.hours": {
        "fa": ("\nیادآوری‌ها از {start} تا {end} می‌رسند (دبیرخانه: {org_start} تا {org_end}؛ "
               "فقط کوتاه‌ترش می‌شود کرد). یادآوری روز جلسه همیشه به‌موقع می‌رسد."),
        "en": ("\nReminders come from {start} to {end} (the organisation's: {org_start} to "
               "{org_end}; it can only be narrowed). A session day's reminder always comes on "
               "time."),
    },
    "reminders.mandatory": {
        "fa": "این یادآوری اجباری است و خاموش نمی‌شود.",
        "en": "This reminder is mandatory and cannot be turned off.",
    },
}
