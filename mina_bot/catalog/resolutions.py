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
}
