"""Texts of /questions: the secretariat changes the weekly report's questions."""

TEXTS = {
    "command.questions": {"fa": "پرسش‌های گزارش هفتگی", "en": "Weekly report questions"},
    "questions.pick_kind": {
        "fa": "پرسش‌های گزارش هفتگی کدام واحدها را تغییر می‌دهید؟ «همه واحدها» برای هر نوعی است "
              "که پرسش‌های جداگانه ندارد.",
        "en": "Whose weekly report questions are you changing? «All units» serves every kind "
              "without questions of its own.",
    },
    "questions.kind.all": {"fa": "همه واحدها (پیش‌فرض)", "en": "All units (default)"},
    "questions.kind.secretariat": {"fa": "دبیرخانه", "en": "Secretariat"},
    "questions.kind.committee": {"fa": "کمیته‌ها", "en": "Committees"},
    "questions.kind.deputy": {"fa": "معاونت‌ها", "en": "Deputies"},
    "questions.kind.institute": {"fa": "پژوهشکده‌ها", "en": "Institutes"},
    "questions.kind.office": {"fa": "دفترها", "en": "Offices"},
    "questions.kind.province": {"fa": "استان‌ها", "en": "Provinces"},
    "questions.kind.other": {"fa": "دیگر واحدها", "en": "Other units"},
    "questions.heading": {
        "fa": "<b>پرسش‌های گزارش هفتگی — {kind}</b>\nنسخه در حال اجرا: {version}",
        "en": "<b>Weekly report questions — {kind}</b>\nVersion in force: {version}",
    },
    "questions.upcoming": {
        "fa": "تغییرات زیر (نسخه {version}) از {date} اجرا می‌شود؛ گزارش‌های این هفته و پیش از "
              "آن با پرسش‌های خودشان می‌مانند.",
        "en": "The questions below (version {version}) apply from {date}; this week's and "
              "earlier reports keep the questions they were answered with.",
    },
    "questions.no_upcoming": {
        "fa": "هر تغییری از هفته آینده اجرا می‌شود؛ گزارش‌های پیشین پرسش‌های خود را نگه می‌دارند.",
        "en": "Any change applies from next week; earlier reports keep their questions.",
    },
    "questions.line": {"fa": "{number}) {question}{optional}",
                       "en": "{number}) {question}{optional}"},
    "questions.footer": {"fa": "✏️ بازنویسی · ⬆️ جابه‌جایی · اختیاری/الزامی · 🗑 حذف",
                         "en": "✏️ reword · ⬆️ move up · optional/required · 🗑 remove"},
    "questions.button.reword": {"fa": "✏️ {number}", "en": "✏️ {number}"},
    "questions.button.up": {"fa": "⬆️ {number}", "en": "⬆️ {number}"},
    "questions.button.optional": {"fa": "اختیاری {number}", "en": "optional {number}"},
    "questions.button.required": {"fa": "الزامی {number}", "en": "required {number}"},
    "questions.button.remove": {"fa": "🗑 {number}", "en": "🗑 {number}"},
    "questions.button.add": {"fa": "➕ پرسش تازه", "en": "➕ New question"},
    "questions.ask_text": {
        "fa": "متن پرسش را بنویسید (حداکثر {limit} نویسه). برای متن انگلیسی، پس از آن خطی با "
              "«{mark}» و سپس متن انگلیسی را بنویسید. برای انصراف /cancel.",
        "en": "Write the question (at most {limit} characters). For its Persian and English, "
              "write the Persian, a line «{mark}», then the English. /cancel to stop.",
    },
    "questions.error.text": {"fa": "این پرسش پذیرفته نشد.", "en": "This question was refused."},
    "questions.error.empty": {"fa": "متن پرسش خالی است؛ دوباره بنویسید.",
                              "en": "The question is empty; write it again."},
    "questions.error.too_long": {
        "fa": "این متن {length} نویسه است و حداکثر {limit} پذیرفته می‌شود؛ کوتاه‌ترش بفرستید.",
        "en": "This text is {length} characters long; at most {limit}. Send a shorter one.",
    },
    "questions.error.too_many": {"fa": "گزارش بیش از {limit} پرسش نمی‌تواند داشته باشد.",
                                 "en": "A report cannot have more than {limit} questions."},
    "questions.error.last": {"fa": "گزارش دست‌کم یک پرسش لازم دارد؛ آخرین پرسش حذف نمی‌شود.",
                             "en": "A report needs at least one question; the last stays."},
    "unit.report_approval.on": {
        "fa": "🔒 گزارش هفتگی با تأیید رئیس می‌رود (زدن: خاموش)",
        "en": "🔒 Weekly report needs the head's approval (press: off)",
    },
    "unit.report_approval.off": {
        "fa": "🔓 گزارش هفتگی بی‌تأیید رئیس می‌رود (زدن: روشن)",
        "en": "🔓 Weekly report goes without the head's approval (press: on)",
    },
}
