"""Texts for importing the minutes (صورت‌جلسه)."""

TEXTS = {
    "minutes.error.no_table": {
        "fa": ("جدول مصوبات را در صورت‌جلسه پیدا نکردم. جدول باید سه ستون جداشده با Tab داشته "
               "باشد: «بازه زمانی»، «متولی» و «موضوع». چیزی ذخیره نشد."),
        "en": ("I could not find the resolution table. It needs three tab-separated columns: "
               "time frame, responsible unit, subject. Nothing was saved."),
    },
    "minutes.error.row_columns": {
        "fa": ("ردیف {row} جدول مصوبات (خط {line}) {columns} ستون دارد و موضوع، متولی و مهلت "
               "آن از هم جدا نمی‌شوند: «{text}». چیزی ذخیره نشد."),
        "en": ("Row {row} of the resolution table (line {line}) has {columns} column(s), so its "
               "subject, unit and deadline cannot be told apart: «{text}». Nothing was saved."),
    },
    "minutes.error.problems": {
        "fa": ("در صورت‌جلسه {count} اشکال پیدا کردم؛ همه را اصلاح کنید و دوباره بفرستید. "
               "چیزی ذخیره نشد.\n{listing}"),
        "en": ("I found {count} problems in the minutes; fix them all and send them again. "
               "Nothing was saved.\n{listing}"),
    },
    "minutes.error.list_item": {
        "fa": ("بند {row} فهرست مصوبات (خط {line}) متولی ندارد؛ آن را مثل «… (مسئول: دبیرخانه؛ "
               "مهلت: یک هفته)» بنویسید: «{text}». چیزی ذخیره نشد."),
        "en": ("Item {row} of the resolution list (line {line}) names no unit; write it like "
               "«… (مسئول: دبیرخانه؛ مهلت: یک هفته)»: «{text}». Nothing was saved."),
    },
    "minutes.error.duplicate_number": {
        "fa": "شماره مصوبه {number} در ردیف {row} (خط {line}) تکراری است. چیزی ذخیره نشد.",
        "en": "Resolution number {number} repeats in row {row} (line {line}). Nothing was saved.",
    },
    "minutes.error.no_units": {
        "fa": "مصوبه {number} (خط {line}) متولی ندارد. چیزی ذخیره نشد.",
        "en": "Resolution {number} (line {line}) names no responsible unit. Nothing was saved.",
    },
    "minutes.error.bad_date": {
        "fa": ("تاریخ «{text}» در ردیف {row} (خط {line}) در تقویم وجود ندارد. "
               "چیزی ذخیره نشد."),
        "en": "The date «{text}» in row {row} (line {line}) does not exist. Nothing was saved.",
    },
    "minutes.error.bad_time_frame": {
        "fa": ("بازه زمانی «{text}» در ردیف {row} (خط {line}) را نفهمیدم؛ مثلاً «یک هفته»، "
               "«۱۰ روز»، «یک ماه»، یک تاریخ مثل ۱۴۰۰/۰۲/۱۳ یا «-» بنویسید. چیزی ذخیره نشد."),
        "en": ("I did not understand the time frame «{text}» in row {row} (line {line}); write "
               "e.g. «یک هفته», «۱۰ روز», a date, or «-». Nothing was saved."),
    },
    "minutes.error.bad_next_session": {
        "fa": ("زمان جلسه آینده «{text}» (خط {line}) تاریخ درستی نیست؛ مثلاً «دوشنبه ۱۴۰۰/۲/۶» "
               "بنویسید. چیزی ذخیره نشد."),
        "en": ("The next session's date «{text}» (line {line}) is not a valid date; write e.g. "
               "«دوشنبه ۱۴۰۰/۲/۶». Nothing was saved."),
    },
    "minutes.error.unknown_units": {
        "fa": "این متولی‌ها را نشناختم: {names}. چیزی ذخیره نشد.",
        "en": "Unknown responsible units: {names}. Nothing was saved.",
    },
    "minutes.error.empty": {
        "fa": "متن صورت‌جلسه خالی است.",
        "en": "The minutes are empty.",
    },
    "minutes.error.file_type": {
        "fa": "فقط فایل‌های ‎.txt، ‎.md یا ‎.docx را می‌توانم بخوانم؛ «{name}» از این نوع نیست.",
        "en": "I can only read .txt, .md or .docx files; «{name}» is none of them.",
    },
    "minutes.error.file_size": {
        "fa": "فایل «{name}» بزرگ‌تر از {limit} مگابایت است.",
        "en": "The file «{name}» is larger than {limit} MB.",
    },
    "minutes.error.unreadable": {
        "fa": "فایل «{name}» را نتوانستم بخوانم؛ آن را به صورت متن یا ‎.docx بفرستید.",
        "en": "I could not read «{name}»; send it as text or .docx.",
    },
    "minutes.error.unpacked_size": {
        "fa": "فایل «{name}» بیش از حد بزرگ است: محتوای آن پس از باز شدن از {limit} مگابایت "
              "بیشتر است. آن را به صورت متن یا یک ‎.docx ساده‌تر بفرستید.",
        "en": "The file «{name}» is too large: its contents unpack to more than {limit} MB. "
              "Send it as text or as a plainer .docx.",
    },
    "minutes.error.bad_session_date": {
        "fa": "تاریخ جلسه «{text}» را نفهمیدم؛ مثلاً ۱۴۰۰/۰۱/۳۰ بنویسید.",
        "en": "I did not understand the session date «{text}»; write e.g. 1400/01/30.",
    },
    "minutes.error.expired": {
        "fa": "این پیش‌نمایش دیگر معتبر نیست؛ دوباره /import بزنید.",
        "en": "This preview is no longer valid; send /import again.",
    },
    "minutes.ask_text": {
        "fa": ("صورت‌جلسه را بفرستید: متن آن را بچسبانید یا فایل ‎.txt، ‎.md یا ‎.docx بفرستید. "
               "جدول مصوبات با هر ترتیب ستون‌ها خوانده می‌شود، به شرط آنکه سطر عنوان داشته باشد "
               "(مانند «موضوع»، «متولی»، «مهلت»)؛ فهرست شماره‌دار هم پذیرفته است. "
               "/cancel برای انصراف."),
        "en": ("Send the minutes: paste the text or send a .txt, .md or .docx file. The "
               "resolution table may have its columns in any order, under a header row "
               "(subject, responsible, deadline); a numbered list works too. /cancel to stop."),
    },
    "minutes.ask_date": {
        "fa": "این صورت‌جلسه مربوط به جلسه چه تاریخی است؟ (مثلاً ۱۴۰۰/۰۱/۳۰)",
        "en": "Which session date are these minutes of? (e.g. 1400/01/30)",
    },
    "minutes.try_again": {
        "fa": "صورت‌جلسه اصلاح‌شده را بفرستید یا /cancel بزنید.",
        "en": "Send the corrected minutes, or /cancel.",
    },
    "minutes.preview.header": {
        "fa": "<b>پیش‌نمایش صورت‌جلسه {date}</b> — {count} مصوبه:",
        "en": "<b>Preview of the minutes of {date}</b> — {count} resolutions:",
    },
    "minutes.preview.line": {
        "fa": "\n<b>{number})</b> {units}\n   مهلت: {due}\n   {subject}",
        "en": "\n<b>{number})</b> {units}\n   due: {due}\n   {subject}",
    },
    "minutes.preview.weekly": {"fa": "   🔁 هر هفته", "en": "   🔁 every week"},
    "minutes.preview.unmatched": {
        "fa": "   ❓ متولی ناشناخته: «{name}»", "en": "   ❓ unknown unit: «{name}»",
    },
    "minutes.preview.next": {
        "fa": "\nجلسه آینده: {date} — {count} بند در دستور جلسه آینده.",
        "en": "\nNext session: {date} — {count} items carried to its agenda.",
    },
    "minutes.preview.ask_unit": {
        "fa": ("\n<b>«{name}» را نمی‌شناسم</b> ({count} نام ناشناخته). کدام واحد است؟ "
               "یکی را انتخاب کنید یا واحد تازه‌ای بسازید. تا پاسخ ندهید چیزی ذخیره نمی‌شود."),
        "en": ("\n<b>I don't know «{name}»</b> ({count} unknown). Which unit is it? Pick one "
               "or create a new unit. Nothing is saved until you answer."),
    },
    "minutes.preview.confirm": {
        "fa": "\nهنوز چیزی ذخیره نشده است. ذخیره شود؟",
        "en": "\nNothing has been saved yet. Save it?",
    },
    "minutes.button.save": {"fa": "✅ ثبت صورت‌جلسه", "en": "✅ Save"},
    "minutes.button.cancel": {"fa": "✖️ انصراف", "en": "✖️ Cancel"},
    "minutes.button.create": {"fa": "➕ واحد تازه «{name}»", "en": "➕ New unit «{name}»"},
    "minutes.saved": {
        "fa": ("صورت‌جلسه جلسه {session} ثبت شد: {created} مصوبه تازه، {updated} به‌روزشده، "
               "{unchanged} بدون تغییر. جلسه آینده: {next}."),
        "en": ("Minutes of session {session} saved: {created} new, {updated} updated, "
               "{unchanged} unchanged. Next session: {next}."),
    },
    "minutes.discarded": {
        "fa": "صورت‌جلسه کنار گذاشته شد؛ چیزی ذخیره نشد.",
        "en": "The minutes were discarded; nothing was saved.",
    },
}
