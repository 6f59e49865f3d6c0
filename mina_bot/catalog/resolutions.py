"""Texts for resolutions: states, lists, "what do I owe?", reporting and confirming."""

TEXTS = {
    "resolutions.error.is_open": {
        "fa": "مصوبه {number} هنوز باز است و گزارش انجامی برای آن نرسیده است.",
        "en": "Resolution {number} is still open; nobody has reported it done.",
    },
    "resolutions.error.is_reported_done": {
        "fa": "انجام مصوبه {number} قبلاً گزارش شده و منتظر تأیید دبیرخانه است.",
        "en": "Resolution {number} has already been reported done and awaits confirmation.",
    },
    "resolutions.error.is_confirmed": {
        "fa": "مصوبه {number} قبلاً انجام‌شده و تأیید شده است.",
        "en": "Resolution {number} has already been confirmed as done.",
    },
    "resolutions.error.is_cancelled": {
        "fa": "مصوبه {number} لغو شده است.",
        "en": "Resolution {number} has been cancelled.",
    },
    "resolutions.error.reason_required": {
        "fa": "برای برگرداندن گزارش، دلیل آن را بنویسید.",
        "en": "Please write why the report is sent back.",
    },
    "resolutions.more": {
        "fa": "… و {count} سطر دیگر (صفحه بعد را ببینید).",
        "en": "… and {count} more line(s) (see the next page).",
    },
    "resolutions.status.open": {"fa": "باز", "en": "open"},
    "resolutions.status.reported_done": {"fa": "گزارش انجام داده شده", "en": "reported done"},
    "resolutions.status.confirmed": {"fa": "انجام‌شده و تأییدشده", "en": "confirmed"},
    "resolutions.status.cancelled": {"fa": "لغوشده", "en": "cancelled"},
    "resolutions.no_due": {"fa": "بدون مهلت مشخص", "en": "no fixed deadline"},
    "resolutions.due": {"fa": "مهلت: {date}{relative}", "en": "due {date}{relative}"},
    "resolutions.urgent": {"fa": "⚡ فوری", "en": "⚡ urgent"},
    "resolutions.weekly": {
        "fa": "🔁 هر هفته، تا جلسه آینده", "en": "🔁 every week, by the coming session",
    },
    "resolutions.awaiting_confirmation": {
        "fa": "⏳ انجام آن گزارش شده و منتظر تأیید دبیرخانه است",
        "en": "⏳ reported done, awaiting the secretariat's confirmation",
    },
    "resolutions.owe.header": {
        "fa": "<b>کارهای بر عهده شما</b> ({count} مصوبه، صفحه {page} از {pages}):",
        "en": "<b>What you owe</b> ({count} resolutions, page {page} of {pages}):",
    },
    "resolutions.owe.none": {
        "fa": "مصوبه بازی بر عهده واحدهای شما نیست. 🎉",
        "en": "Your units have no open resolutions. 🎉",
    },
    "resolutions.owe.line": {
        "fa": "\n<b>مصوبه {number}</b> (جلسه {session}) — {unit}\n   {subject}\n   {due}{extra}",
        "en": ("\n<b>Resolution {number}</b> (session {session}) — {unit}\n   {subject}\n"
               "   {due}{extra}"),
    },
    "resolutions.owe.reports": {
        "fa": "\n<b>گزارش هفتگی برای جلسه {date}:</b>",
        "en": "\n<b>Weekly report for the session of {date}:</b>",
    },
    "resolutions.owe.report_in": {"fa": "✅ {unit}: رسیده است", "en": "✅ {unit}: received"},
    "resolutions.owe.report_missing": {
        "fa": "❗️ {unit}: هنوز نرسیده است", "en": "❗️ {unit}: not in yet",
    },
    "resolutions.owe.awaiting": {
        "fa": "\n<b>منتظر تأیید دبیرخانه ({count}):</b>",
        "en": "\n<b>Awaiting the secretariat's confirmation ({count}):</b>",
    },
    "resolutions.owe.awaiting_line": {
        "fa": "• مصوبه {number} (جلسه {session}): {subject}",
        "en": "• Resolution {number} (session {session}): {subject}",
    },
    "resolutions.button.open": {"fa": "📄 مصوبه {number}", "en": "📄 Resolution {number}"},
    "resolutions.button.report": {"fa": "✅ گزارش انجام {number}", "en": "✅ Report {number} done"},
    "resolutions.button.confirm": {"fa": "✔️ تأیید {number}", "en": "✔️ Confirm {number}"},
    "resolutions.button.back": {"fa": "↩️ برگرداندن {number}", "en": "↩️ Send {number} back"},
    "resolutions.button.cancel": {"fa": "🚫 لغو مصوبه", "en": "🚫 Cancel"},
    "resolutions.button.reopen": {"fa": "🔓 بازگشایی", "en": "🔓 Reopen"},
    "resolutions.button.reassign": {"fa": "👥 تغییر متولی", "en": "👥 Reassign"},
    "resolutions.button.edit": {"fa": "✏️ ویرایش", "en": "✏️ Edit"},
    "resolutions.button.previous": {"fa": "« قبلی", "en": "« Previous"},
    "resolutions.button.next": {"fa": "بعدی »", "en": "Next »"},
    "resolutions.button.no_note": {"fa": "بدون توضیح", "en": "No note"},
    "resolutions.button.done": {"fa": "✔️ تمام", "en": "✔️ Done"},
    "resolutions.detail": {
        "fa": ("<b>مصوبه {number}</b> — جلسه {session} ({date})\n\n{subject}\n\n"
               "متولی: {units}\nبازه زمانی: {time_frame}\n{due}\nوضعیت: {status}{extra}"),
        "en": ("<b>Resolution {number}</b> — session {session} ({date})\n\n{subject}\n\n"
               "Responsible: {units}\nTime frame: {time_frame}\n{due}\nState: {status}{extra}"),
    },
    "resolutions.history": {"fa": "\n<b>سابقه:</b>", "en": "\n<b>History:</b>"},
    "resolutions.history.line": {
        "fa": "• {when} — {what} — {who}{note}", "en": "• {when} — {what} — {who}{note}",
    },
    "resolutions.history.note": {"fa": ": «{note}»", "en": ": «{note}»"},
    "resolutions.event.created": {"fa": "ثبت از صورت‌جلسه", "en": "recorded"},
    "resolutions.event.edited": {"fa": "ویرایش", "en": "edited"},
    "resolutions.event.reassigned": {"fa": "تغییر متولی", "en": "reassigned"},
    "resolutions.event.reported_done": {"fa": "گزارش انجام", "en": "reported done"},
    "resolutions.event.confirmed": {"fa": "تأیید دبیرخانه", "en": "confirmed"},
    "resolutions.event.sent_back": {"fa": "برگشت داده شد", "en": "sent back"},
    "resolutions.event.cancelled": {"fa": "لغو", "en": "cancelled"},
    "resolutions.event.reopened": {"fa": "بازگشایی", "en": "reopened"},
    "resolutions.someone": {"fa": "دبیرخانه", "en": "the secretariat"},
    "resolutions.report.ask": {
        "fa": ("گزارش انجام <b>مصوبه {number}</b> برای {unit}:\nتوضیح کوتاهی بنویسید (می‌توانید "
               "سندی هم به صورت فایل با توضیح در زیرنویس بفرستید)، یا «بدون توضیح» را بزنید. "
               "برای انصراف /cancel."),
        "en": ("Reporting <b>resolution {number}</b> done for {unit}:\nwrite a short note (or "
               "send a document with the note as caption), or press «No note». /cancel to stop."),
    },
    "resolutions.cancelled": {
        "fa": "مصوبه {number} لغو شد.", "en": "Resolution {number} cancelled.",
    },
    "resolutions.reopened": {
        "fa": "مصوبه {number} دوباره باز شد.", "en": "Resolution {number} reopened.",
    },
    "resolutions.units.ask": {
        "fa": "متولیان مصوبه {number} را انتخاب کنید (✓ یعنی مسئول است) و سپس «تمام» را بزنید.",
        "en": ("Choose the units responsible for resolution {number} (✓ = responsible), "
               "then «Done»."),
    },
    "resolutions.units.done": {
        "fa": "متولیان مصوبه {number}: {units}", "en": "Resolution {number} is now with: {units}",
    },
    "resolutions.units.empty": {
        "fa": "هر مصوبه دست‌کم یک متولی لازم دارد.", "en": "A resolution needs at least one unit.",
    },
    "resolutions.edit.ask": {
        "fa": ("ویرایش مصوبه {number}: یک سطر بفرستید به شکل «بازه زمانی | متولی | موضوع» "
               "(مثلاً «یک هفته | کمیته زیرساخت | گزارش پایلوت»). /cancel برای انصراف."),
        "en": ("Editing resolution {number}: send one line «time frame | units | subject» "
               "(e.g. «یک هفته | کمیته زیرساخت | گزارش پایلوت»). /cancel to stop."),
    },
    "resolutions.add.ask": {
        "fa": ("مصوبه تازه برای جلسه {session}: یک سطر بفرستید به شکل «بازه زمانی | متولی | "
               "موضوع» (مثلاً «دو هفته | دبیرخانه / کمیته‌ها | تهیه گزارش»). /cancel برای انصراف."),
        "en": ("New resolution for session {session}: send one line «time frame | units | "
               "subject». /cancel to stop."),
    },
    "resolutions.saved": {
        "fa": "مصوبه {number} جلسه {session} ذخیره شد: {units} — {due}",
        "en": "Resolution {number} of session {session} saved: {units} — {due}",
    },
    "resolutions.list.header": {
        "fa": "<b>مصوبات</b> ({filters}) — {count} مورد، صفحه {page} از {pages}:",
        "en": "<b>Resolutions</b> ({filters}) — {count}, page {page} of {pages}:",
    },
    "resolutions.list.line": {
        "fa": "• <b>{number}</b>/ج{session} [{status}] {units} — {due}\n   {subject}",
        "en": "• <b>{number}</b>/s{session} [{status}] {units} — {due}\n   {subject}",
    },
    "resolutions.list.none": {"fa": "مصوبه‌ای با این فیلترها نیست.", "en": "No resolutions match."},
    "resolutions.filter.all": {"fa": "همه", "en": "all"},
    "resolutions.filter.overdue": {"fa": "معوق", "en": "overdue"},
    "resolutions.filter.session": {"fa": "جلسه {number}", "en": "session {number}"},
    "resolutions.not_responsible": {
        "fa": "این مصوبه بر عهده واحدهای شما نیست.", "en": "This resolution is not your units'.",
    },
}
