"""Texts of /holidays: the coming holidays, closures added and removed, holidays worked, and
deadlines that fall on a day off."""

TEXTS = {
    "command.holidays": {"fa": "تعطیلات و تعطیلی‌های ستاد", "en": "holidays and closures"},
    "holidays.header": {
        "fa": "🗓 <b>تعطیلات یک سال آینده</b> ({count} مورد)",
        "en": "🗓 <b>Holidays in the coming year</b> ({count})",
    },
    "holidays.page": {"fa": "صفحه {page} از {pages}", "en": "Page {page} of {pages}"},
    "holidays.range": {"fa": "{start} تا {end}", "en": "{start} to {end}"},
    "holidays.line.official": {"fa": "• {when}: {name}", "en": "• {when}: {name}"},
    "holidays.line.worked": {
        "fa": "• {when}: {name} — 💼 <b>روز کاری</b> (به تصمیم دبیرخانه)",
        "en": "• {when}: {name} — 💼 <b>a working day</b> (the secretariat's decision)",
    },
    "holidays.line.closure": {
        "fa": "• {when}: {name} — 🏢 <b>تعطیلی ستاد</b>",
        "en": "• {when}: {name} — 🏢 <b>closure</b>",
    },
    "holidays.empty": {"fa": "— تعطیلی‌ای در پیش نیست —", "en": "— no holidays ahead —"},
    "holidays.hint": {
        "fa": ("\n🗑 تعطیلی ستاد را برمی‌دارد، 💼 تعطیل رسمی را روز کاری می‌کند، ↩️ آن را "
               "دوباره تعطیل می‌کند. روزهای تعطیل یادآوری ندارند و مهلتی در آن‌ها نمی‌افتد."),
        "en": ("\n🗑 removes a closure, 💼 makes an official holiday a working day, ↩️ undoes "
               "that. No reminders go out on days off and no deadline falls on them."),
    },
    "holidays.button.closure": {"fa": "🗑 {date}", "en": "🗑 {date}"},
    "holidays.button.official": {"fa": "💼 {date}", "en": "💼 {date}"},
    "holidays.button.worked": {"fa": "↩️ {date}", "en": "↩️ {date}"},
    "holidays.button.add": {"fa": "➕ تعطیلی تازه ستاد", "en": "➕ Add a closure"},
    "holidays.ask": {
        "fa": ("روز یا بازه تعطیلی و نام آن را بنویسید:\n<code>تاریخ | نام</code> یا "
               "<code>تاریخ تا تاریخ | نام</code>\nمثلاً: <code>۱۴۰۴/۰۱/۲۰ تا ۱۴۰۴/۰۱/۲۲ | "
               "تعطیلی ستاد</code>\n(/cancel برای انصراف)"),
        "en": ("Write the day or days and the closure's name:\n<code>date | name</code> or "
               "<code>date to date | name</code>\ne.g. <code>1404/01/20 to 1404/01/22 | "
               "Office closed</code>\n(/cancel to stop)"),
    },
    "holidays.added": {
        "fa": "✅ تعطیلی «{name}» ثبت شد: {when}. در این روزها یادآوری فرستاده نمی‌شود.",
        "en": "✅ Closure «{name}» added: {when}. No reminders go out on those days.",
    },
    "holidays.removed": {
        "fa": "🗑 تعطیلی «{name}» ({when}) برداشته شد.",
        "en": "🗑 Closure «{name}» ({when}) removed.",
    },
    "holidays.worked": {
        "fa": "💼 {when} ({name}) روز کاری شد: یادآوری‌ها و مهلت‌ها آن را کاری می‌شمارند.",
        "en": "💼 {when} ({name}) is now a working day for reminders and deadlines.",
    },
    "holidays.unworked": {
        "fa": "↩️ {when} ({name}) دوباره تعطیل است.",
        "en": "↩️ {when} ({name}) is a holiday again.",
    },
    "holidays.error.form": {
        "fa": ("این شکل را نمی‌شناسم. بنویسید <code>تاریخ | نام</code> یا "
               "<code>تاریخ تا تاریخ | نام</code>؛ مثلاً <code>۱۴۰۴/۰۱/۲۰ | تعطیلی ستاد</code>."),
        "en": ("I can't read that. Write <code>date | name</code> or <code>date to date | "
               "name</code>, e.g. <code>1404/01/20 | Office closed</code>."),
    },
    "holidays.error.date": {
        "fa": ("«{text}» تاریخ درستی نیست. تاریخ شمسی بنویسید، مثلاً ۱۴۰۴/۰۱/۲۰ یا 1404/1/20 "
               "یا ۲۰ فروردین."),
        "en": "«{text}» is no valid date. Write a Jalali date, e.g. 1404/01/20 or 20 Farvardin.",
    },
    "holidays.error.name_long": {
        "fa": "نام تعطیلی حداکثر {limit} حرف باشد.",
        "en": "A closure's name is at most {limit} characters.",
    },
    "holidays.error.backwards": {
        "fa": "روز پایان پیش از روز آغاز است.", "en": "The last day is before the first.",
    },
    "holidays.error.past": {
        "fa": "این روز گذشته است؛ فقط روزهای پیش رو را می‌شود تغییر داد.",
        "en": "That day has passed; only days ahead can be changed.",
    },
    "holidays.error.too_long": {
        "fa": "یک تعطیلی حداکثر {limit} روز است؛ بازه‌های بلندتر را جدا ثبت کنید.",
        "en": "A closure is at most {limit} days; add a longer one in parts.",
    },
    "holidays.error.too_far": {
        "fa": "تعطیلی را حداکثر تا دو سال آینده می‌شود ثبت کرد.",
        "en": "A closure can be added at most two years ahead.",
    },
    "holidays.error.gone": {
        "fa": "این تعطیلی دیگر در فهرست نیست.", "en": "That closure is no longer listed.",
    },
    "holidays.error.closed": {
        "fa": "این روز تعطیلی ستاد است؛ اول آن را بردارید.",
        "en": "That day is a closure; remove it first.",
    },
    "holidays.error.not_official": {
        "fa": "این روز تعطیل رسمی نیست.", "en": "That day is no official holiday.",
    },
    "minutes.preview.off_day": {
        "fa": "   ⚠️ مهلت به روز تعطیل می‌افتد ({day}).",
        "en": "   ⚠️ The deadline falls on a day off ({day}).",
    },
    "minutes.preview.moved": {
        "fa": "   ⚠️ مهلت به روز تعطیل می‌افتد؛ از {day} به {to} منتقل شد.",
        "en": "   ⚠️ The deadline falls on a day off; moved from {day} to {to}.",
    },
    "resolutions.off_day": {
        "fa": "⚠️ مهلت به روز تعطیل می‌افتد ({day}).",
        "en": "⚠️ The deadline falls on a day off ({day}).",
    },
}
