"""Texts for each unit's share of a resolution: states, notices, the queue, the card's table."""

TEXTS = {
    "resolutions.share.open": {"fa": "باز", "en": "open"},
    "resolutions.share.reported_done": {"fa": "گزارش انجام، منتظر تأیید",
                                        "en": "reported done, awaiting confirmation"},
    "resolutions.share.confirmed": {"fa": "تأییدشده", "en": "confirmed"},
    "resolutions.share.sent_back": {"fa": "برگشت‌خورده (باز)", "en": "sent back (open)"},
    "resolutions.share.not_applicable": {"fa": "موضوعیت ندارد", "en": "not applicable"},
    "resolutions.error.share_open": {
        "fa": "سهم این واحد از مصوبه {number} هنوز باز است و گزارش انجامی برای آن نرسیده است.",
        "en": "This unit's share of resolution {number} is still open; nothing was reported.",
    },
    "resolutions.error.share_sent_back": {
        "fa": "گزارش این واحد برای مصوبه {number} برگشت داده شده و دوباره باز است.",
        "en": "This unit's report on resolution {number} was sent back; it is open again.",
    },
    "resolutions.error.share_reported_done": {
        "fa": "انجام سهم این واحد از مصوبه {number} قبلاً گزارش شده و منتظر تأیید است.",
        "en": "This unit's share of resolution {number} is already reported and awaits "
              "confirmation.",
    },
    "resolutions.error.share_confirmed": {
        "fa": "سهم این واحد از مصوبه {number} قبلاً تأیید شده است.",
        "en": "This unit's share of resolution {number} has already been confirmed.",
    },
    "resolutions.error.share_not_applicable": {
        "fa": "سهم این واحد از مصوبه {number} «موضوعیت ندارد» اعلام شده است.",
        "en": "This unit's share of resolution {number} was marked not applicable.",
    },
    "resolutions.error.own_report": {
        "fa": "شما خودتان انجام مصوبه {number} را گزارش کرده‌اید؛ عضو دیگری از دبیرخانه باید "
              "آن را تأیید کند.",
        "en": "You reported resolution {number} done yourself; another secretariat member must "
              "confirm it.",
    },
    "resolutions.notice.reported": {
        "fa": ("📥 <b>{unit}</b> انجام سهم خود از <b>مصوبه {number}</b> (جلسه {session}) را "
               "گزارش کرد.\n{subject}\nتوضیح: «{note}»"),
        "en": ("📥 <b>{unit}</b> reported its share of <b>resolution {number}</b> (session "
               "{session}) done.\n{subject}\nNote: «{note}»"),
    },
    "resolutions.notice.file": {
        "fa": "📎 سند گزارش انجام مصوبه {number} — {unit}",
        "en": "📎 The document of {unit}'s report on resolution {number}",
    },
    "resolutions.notice.confirmed": {
        "fa": "✔️ دبیرخانه انجام سهم {unit} از <b>مصوبه {number}</b> (جلسه {session}) را تأیید کرد.",
        "en": "✔️ The secretariat confirmed {unit}'s share of <b>resolution {number}</b> "
              "(session {session}).",
    },
    "resolutions.notice.sent_back": {
        "fa": ("↩️ دبیرخانه گزارش {unit} برای <b>مصوبه {number}</b> (جلسه {session}) را "
               "برگرداند؛ این سهم دوباره باز است.\nدلیل: «{note}»"),
        "en": ("↩️ The secretariat sent {unit}'s report on <b>resolution {number}</b> (session "
               "{session}) back; the share is open again.\nReason: «{note}»"),
    },
    "resolutions.owe.tally": {
        "fa": "👥 {done} از {total} واحد مسئول انجام داده‌اند",
        "en": "👥 {done} of {total} responsible units have done their part",
    },
    "resolutions.owe.share_back": {
        "fa": "↩️ گزارش شما برگشت داده شده است", "en": "↩️ your report was sent back",
    },
    "resolutions.owe.awaiting_share": {
        "fa": "• مصوبه {number} (جلسه {session}) — {unit}: {subject}",
        "en": "• Resolution {number} (session {session}) — {unit}: {subject}",
    },
    "resolutions.shares.header": {"fa": "\n<b>سهم واحدها:</b>", "en": "\n<b>Units' shares:</b>"},
    "resolutions.shares.line": {
        "fa": "• {lead}{unit}: {state} (از {since}){note}{files}",
        "en": "• {lead}{unit}: {state} (since {since}){note}{files}",
    },
    "resolutions.shares.lead": {"fa": "⭐ ", "en": "⭐ "},
    "resolutions.shares.files": {"fa": " 📎{count}", "en": " 📎{count}"},
    "resolutions.history.unit": {"fa": " ({unit})", "en": " ({unit})"},
    "resolutions.event.not_applicable": {"fa": "موضوعیت ندارد", "en": "not applicable"},
    "resolutions.event.removed": {"fa": "حذف از متولیان", "en": "removed from the units"},
    "resolutions.event.lead": {"fa": "تعیین واحد پیشرو", "en": "lead unit set"},
    "resolutions.button.lead": {"fa": "👑 واحد پیشرو", "en": "👑 Lead unit"},
    "resolutions.button.lead_closes": {"fa": "بستن با تأیید پیشرو: {state}",
                                       "en": "Lead's confirmation closes it: {state}"},
    "resolutions.lead.on": {"fa": "بله", "en": "yes"},
    "resolutions.lead.off": {"fa": "خیر", "en": "no"},
    "resolutions.lead.ask": {
        "fa": "واحد پیشرو مصوبه {number} را انتخاب کنید (👑 واحد پیشرو کنونی).\n{closes}",
        "en": "Choose the lead unit of resolution {number} (👑 the current lead).\n{closes}",
    },
    "resolutions.lead.closes_on": {
        "fa": "با تأیید سهم واحد پیشرو، مصوبه بسته می‌شود.",
        "en": "The resolution closes when the lead unit's share is confirmed.",
    },
    "resolutions.lead.closes_off": {
        "fa": "مصوبه وقتی بسته می‌شود که سهم همه واحدها تأیید شده یا موضوعیت نداشته باشد.",
        "en": "The resolution closes when every unit's share is confirmed or not applicable.",
    },
    "resolutions.button.confirm_unit": {"fa": "✔️ تأیید {number} — {unit}",
                                        "en": "✔️ Confirm {number} — {unit}"},
    "resolutions.button.file": {"fa": "📎 {name}", "en": "📎 {name}"},
    "resolutions.confirmed_share": {
        "fa": "سهم {unit} از مصوبه {number} تأیید شد. ✔️ وضعیت مصوبه: {status}",
        "en": "{unit}'s share of resolution {number} confirmed. ✔️ The resolution: {status}",
    },
    "resolutions.share-na.ask": {
        "fa": "چرا مصوبه {number} برای {unit} موضوعیت ندارد؟ دلیل را بنویسید "
              "(/cancel برای انصراف).",
        "en": "Why does resolution {number} not apply to {unit}? Write the reason (/cancel to "
              "stop).",
    },
    "resolutions.share-na.done": {
        "fa": "سهم {unit} از مصوبه {number} «موضوعیت ندارد» ثبت شد: «{reason}»",
        "en": "{unit}'s share of resolution {number} marked not applicable: «{reason}»",
    },
    "resolutions.button.not_applicable": {"fa": "➖ {unit}: موضوعیت ندارد",
                                           "en": "➖ {unit}: not applicable"},
    "resolutions.share-back.ask": {
        "fa": "چرا گزارش {unit} برای مصوبه {number} برگردانده می‌شود؟ دلیل را بنویسید "
              "(/cancel برای انصراف).",
        "en": "Why is {unit}'s report on resolution {number} sent back? Write the reason "
              "(/cancel to stop).",
    },
    "resolutions.share-back.done": {
        "fa": "گزارش {unit} برای مصوبه {number} با این دلیل برگشت داده شد: «{reason}»",
        "en": "{unit}'s report on resolution {number} was sent back with the reason: «{reason}»",
    },
    "resolutions.report.done_share": {
        "fa": ("ثبت شد: انجام سهم {unit} از مصوبه {number} گزارش شد و منتظر تأیید دبیرخانه "
               "است. ✅"),
        "en": "Recorded: {unit}'s share of resolution {number} reported done; awaiting "
              "confirmation. ✅",
    },
    "command.pending": {"fa": "گزارش‌های منتظر تأیید", "en": "Reports awaiting confirmation"},
    "resolutions.filter.share": {"fa": "سهم: {state}", "en": "share: {state}"},
    "resolutions.button.pending": {"fa": "📥 گزارش‌های منتظر تأیید",
                                   "en": "📥 Reports awaiting confirmation"},
    "resolutions.pending.header": {
        "fa": "<b>گزارش‌های منتظر تأیید</b> ({count}):",
        "en": "<b>Reports awaiting confirmation</b> ({count}):",
    },
    "resolutions.pending.none": {
        "fa": "گزارشی منتظر تأیید نیست.", "en": "No report awaits confirmation.",
    },
    "sessions.review.header": {
        "fa": "بررسی مصوبات باز ({open}) و معوق ({overdue}):",
        "en": "Review of open ({open}) and overdue ({overdue}) resolutions:",
    },
    "sessions.review.line": {
        "fa": "   ▫️ مصوبه {number}/ج{session}{late}: {units}",
        "en": "   ▫️ resolution {number}/s{session}{late}: {units}",
    },
    "sessions.review.late": {"fa": " (معوق)", "en": " (overdue)"},
    "sessions.review.more": {"fa": "   … و {count} مصوبه دیگر", "en": "   … and {count} more"},
    "sessions.review.none": {"fa": "   مصوبه بازی نمانده است.", "en": "   No open resolution."},
}
