"""Texts for attendance: the RSVP, the expected and recorded attendance, corrections."""

TEXTS = {
    "command.attendance": {"fa": "حضور و غیاب یک جلسه", "en": "A session's attendance"},
    "command.minutes": {"fa": "پیش‌نویس صورت‌جلسه", "en": "Draft the minutes"},
    "attendance.button.yes": {"fa": "✅ حضور دارم", "en": "✅ I will attend"},
    "attendance.button.stand_in": {"fa": "👤 نماینده می‌فرستم", "en": "👤 I will send a stand-in"},
    "attendance.button.no": {"fa": "❌ نمی‌توانم بیایم", "en": "❌ I cannot come"},
    "attendance.answered.present": {
        "fa": "ثبت شد: در جلسه {number} حضور دارید. ممنون.",
        "en": "Noted: you will attend session {number}. Thank you.",
    },
    "attendance.answered.absent": {
        "fa": "ثبت شد: به جلسه {number} نمی‌آیید.", "en": "Noted: you will miss session {number}.",
    },
    "attendance.answered.stand_in": {
        "fa": "ثبت شد: «{stand_in}» به نمایندگی از شما در جلسه {number} حاضر می‌شود.",
        "en": "Noted: «{stand_in}» will attend session {number} for you.",
    },
    "attendance.ask.stand_in": {
        "fa": "نام نماینده خود را بنویسید (حداکثر {limit} حرف؛ /cancel برای انصراف).",
        "en": "Write your stand-in's name (at most {limit} characters; /cancel to stop).",
    },
    "attendance.expected": {
        "fa": ("<b>حضور پیش‌بینی‌شده:</b> ✅ {present} · 👤 نماینده {stand_in} · ❌ {absent} · "
               "⏳ بی‌پاسخ {silent}\nنماینده: {stand_ins}\nنمی‌آیند: {absents}\n"
               "هنوز پاسخ نداده‌اند: {silents}"),
        "en": ("<b>Expected:</b> ✅ {present} · 👤 stand-ins {stand_in} · ❌ {absent} · "
               "⏳ no answer {silent}\nStand-ins: {stand_ins}\nNot coming: {absents}\n"
               "Not answered yet: {silents}"),
    },
    "attendance.name": {"fa": "{name}", "en": "{name}"},
    "attendance.by_stand_in": {"fa": "{name} ← {stand_in}", "en": "{name} → {stand_in}"},
    "attendance.more": {"fa": " و {count} نفر دیگر", "en": " and {count} more"},
    "attendance.header": {
        "fa": ("<b>حضور و غیاب جلسه {number}</b>\nبرای اصلاح بنویسید: "
               "<code>نام | حاضر / نماینده / غایب | نام نماینده</code> (/cancel برای پایان)"),
        "en": ("<b>Attendance of session {number}</b>\nTo correct, write "
               "<code>name | present / stand-in / absent | stand-in's name</code> (/cancel ends)"),
    },
    "attendance.line.present": {"fa": "✅ {name}", "en": "✅ {name}"},
    "attendance.line.stand_in": {"fa": "👤 {name} (نماینده: {stand_in})",
                                 "en": "👤 {name} (stand-in: {stand_in})"},
    "attendance.line.absent": {"fa": "❌ {name}", "en": "❌ {name}"},
    "attendance.line.guest": {"fa": "➕ {name} (سایر حاضرین)", "en": "➕ {name} (also present)"},
    "attendance.none": {"fa": "هنوز چیزی ثبت نشده است.", "en": "Nothing recorded yet."},
    "attendance.corrected": {
        "fa": "اصلاح شد: {name}", "en": "Corrected: {name}",
    },
    "attendance.usage": {
        "fa": "شماره جلسه را هم بنویسید، مثلاً <code>/attendance 12</code>.",
        "en": "Give the session number too, e.g. <code>/attendance 12</code>.",
    },
    "attendance.error.closed": {
        "fa": "جلسه {number} دیگر پیش رو نیست؛ پاسخ حضور برای آن گرفته نمی‌شود.",
        "en": "Session {number} is no longer ahead; answers for it are closed.",
    },
    "attendance.error.stand_in_empty": {
        "fa": "نام نماینده را بنویسید.", "en": "Write the stand-in's name.",
    },
    "attendance.error.stand_in_long": {
        "fa": "نام نماینده بیش از {limit} حرف است؛ فقط نام و نام خانوادگی را بنویسید.",
        "en": "The stand-in's name is longer than {limit} characters; write just the name.",
    },
    "attendance.error.not_member": {
        "fa": "«{name}» عضو شورا نیست و در این جلسه هم ثبت نشده است؛ اصلاح انجام نشد.",
        "en": "«{name}» is not a council member nor recorded at this session; nothing changed.",
    },
    "attendance.error.correction": {
        "fa": ("این را نفهمیدم. به این شکل بنویسید: "
               "<code>نام | حاضر / نماینده / غایب | نام نماینده</code>"),
        "en": ("I could not read that. Write "
               "<code>name | present / stand-in / absent | stand-in</code>."),
    },
    "minutes.ask_early": {
        "fa": ("⚠️ جلسه این صورت‌جلسه هنوز شروع نشده است. جلسه زودتر برگزار شد، یا تاریخ "
               "اشتباه است؟ تا پاسخ ندهید چیزی ذخیره نمی‌شود."),
        "en": ("⚠️ This session has not started yet. Was it held early, or is the date "
               "wrong? Nothing is saved until you answer."),
    },
    "minutes.button.early": {"fa": "جلسه زودتر برگزار شد؛ ثبت کن", "en": "Held early; save"},
    "minutes.button.redate": {"fa": "تاریخ اشتباه است", "en": "The date is wrong"},
    "minutes.redate": {
        "fa": "چیزی ذخیره نشد. با تاریخ درست دوباره بفرستید: <code>/import ۱۴۰۰/۰۲/۰۶</code>",
        "en": ("Nothing was saved. Send it again with the right date: "
               "<code>/import 1400/02/06</code>"),
    },
    "minutes.error.not_started": {
        "fa": "جلسه این صورت‌جلسه هنوز شروع نشده است؛ چیزی ذخیره نشد.",
        "en": "This session has not started yet; nothing was saved.",
    },
    "minutes_out.usage": {
        "fa": "شماره جلسه را هم بنویسید، مثلاً <code>/minutes 12</code>.",
        "en": "Give the session number too, e.g. <code>/minutes 12</code>.",
    },
    "minutes_out.sent": {
        "fa": ("پیش‌نویس صورت‌جلسه جلسه {number} (Word و PDF). خلاصه مذاکرات را در فایل Word "
               "بنویسید؛ همان فایل را می‌توانید با /import دوباره وارد کنید."),
        "en": ("Draft minutes of session {number} (Word and PDF). Fill in the discussion in the "
               "Word file; that file can be imported again with /import."),
    },
}
