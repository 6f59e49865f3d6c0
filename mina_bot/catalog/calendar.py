"""Texts for moving, cancelling and adding sessions, and for editing agenda items."""

TEXTS = {
    "sessions.button.move": {"fa": "🗓 جابه‌جایی جلسه", "en": "🗓 Move the session"},
    "sessions.button.cancel": {"fa": "🚫 لغو جلسه", "en": "🚫 Cancel the session"},
    "sessions.button.extra": {"fa": "➕ جلسه فوق‌العاده", "en": "➕ Extra session"},
    "sessions.button.edit": {"fa": "✏️ {position}", "en": "✏️ {position}"},
    "sessions.cancelled": {
        "fa": "🚫 این جلسه لغو شده است: {reason}", "en": "🚫 This session is cancelled: {reason}",
    },
    "sessions.not_found": {
        "fa": "جلسه‌ای با شماره «{text}» نیست. /session را بدون شماره بفرستید تا جلسه آینده را "
              "ببینید.",
        "en": "There is no session «{text}». Send /session alone for the next one.",
    },
    "calendar.ask.move": {
        "fa": ("زمان و مکان تازه جلسه {number} را به این شکل بنویسید:\n"
               "<code>تاریخ | ساعت | مکان</code>\n"
               "مثلاً: <code>۱۴۰۰/۰۲/۰۷ | ۱۱:۰۰ | اتاق ۲۰۳</code>\n"
               "بخشی را که خالی بگذارید همان می‌ماند (/cancel برای انصراف)."),
        "en": ("Write session {number}'s new date, time and place as\n"
               "<code>date | time | place</code>\ne.g. <code>1400/02/07 | 11:00 | Room 203</code>\n"
               "A part left empty stays as it is (/cancel to stop)."),
    },
    "calendar.ask.extra": {
        "fa": ("زمان و مکان جلسه فوق‌العاده را بنویسید:\n<code>تاریخ | ساعت | مکان</code>\n"
               "(/cancel برای انصراف)"),
        "en": "Write the extra session's <code>date | time | place</code> (/cancel to stop).",
    },
    "calendar.ask.cancel": {
        "fa": "دلیل لغو جلسه {number} را بنویسید؛ به همه اعضا گفته می‌شود (/cancel برای انصراف).",
        "en": "Why is session {number} cancelled? Every member is told (/cancel to stop).",
    },
    "calendar.confirm.friday": {
        "fa": "⚠️ {date} جمعه است. با این حال جلسه در این روز باشد؟",
        "en": "⚠️ {date} is a Friday. Hold the session that day anyway?",
    },
    "calendar.confirm.holiday": {
        "fa": "⚠️ {date} تعطیل است ({name}). با این حال جلسه در این روز باشد؟",
        "en": "⚠️ {date} is a holiday ({name}). Hold the session that day anyway?",
    },
    "calendar.off_day.ask": {
        "fa": ("🗓 جلسه {number} شورا در {date} است که تعطیل است ({why}). به {to} منتقل شود؟ "
               "تا پاسخ ندهید، جلسه جابه‌جا نمی‌شود."),
        "en": ("🗓 Council session {number} is on {date}, a day off ({why}). Move it to {to}? "
               "It stays where it is until you answer."),
    },
    "calendar.off_day.move": {"fa": "✅ انتقال به {date}", "en": "✅ Move to {date}"},
    "calendar.off_day.keep": {"fa": "همان روز بماند", "en": "Keep that day"},
    "calendar.off_day.kept": {
        "fa": "جلسه {number} در همان روز می‌ماند.", "en": "Session {number} stays on that day.",
    },
    "off_day.friday": {"fa": "جمعه", "en": "Friday"},
    "calendar.button.yes": {"fa": "بله، همین روز", "en": "Yes, that day"},
    "calendar.button.no": {"fa": "نه، منصرف شدم", "en": "No, leave it"},
    "calendar.dropped": {"fa": "تغییری داده نشد.", "en": "Nothing was changed."},
    "calendar.moved": {
        "fa": ("جلسه {number} به {date}، ساعت {time}، {place} منتقل شد؛ "
               "به {told} نفر خبر داده می‌شود."),
        "en": "Session {number} moved to {date}, {time}, {place}; {told} members are told.",
    },
    "calendar.cancelled": {
        "fa": "جلسه {number} لغو شد؛ به {told} نفر خبر داده می‌شود.",
        "en": "Session {number} is cancelled; {told} members are told.",
    },
    "calendar.extra": {
        "fa": "جلسه فوق‌العاده {number} در {date}، ساعت {time}، {place} گذاشته شد.",
        "en": "Extra session {number} set for {date}, {time}, {place}.",
    },
    "calendar.told.moved": {
        "fa": ("🗓 <b>جلسه {number} شورا جابه‌جا شد</b>\nاز {old} به {date}، ساعت {time}\n"
               "📍 {place}"),
        "en": "🗓 <b>Council session {number} moved</b>\nfrom {old} to {date}, {time}\n📍 {place}",
    },
    "calendar.told.cancelled": {
        "fa": "🚫 <b>جلسه {number} شورا ({date}) لغو شد.</b>\nدلیل: {reason}",
        "en": "🚫 <b>Council session {number} ({date}) is cancelled.</b>\nReason: {reason}",
    },
    "calendar.told.extra": {
        "fa": "➕ <b>جلسه فوق‌العاده {number} شورا</b>\n📅 {date}، ساعت {time}\n📍 {place}",
        "en": "➕ <b>Extra council session {number}</b>\n📅 {date}, {time}\n📍 {place}",
    },
    "calendar.error.slot": {
        "fa": "این را نفهمیدم. به این شکل بنویسید: <code>تاریخ | ساعت | مکان</code>",
        "en": "I could not read that. Write <code>date | time | place</code>.",
    },
    "calendar.error.date": {
        "fa": "«{text}» تاریخ نیست؛ مثلاً ۱۴۰۰/۰۲/۰۷ یا «سه‌شنبه» بنویسید.",
        "en": "«{text}» is not a date; write e.g. 1400/02/07 or «سه‌شنبه».",
    },
    "calendar.error.time": {
        "fa": "«{text}» ساعت نیست؛ مثلاً ۱۱ یا ۱۱:۳۰ بنویسید.",
        "en": "«{text}» is not a time; write e.g. 11 or 11:30.",
    },
    "calendar.error.place": {
        "fa": "نام مکان بیش از {limit} حرف است؛ کوتاه‌ترش کنید.",
        "en": "The place is longer than {limit} characters; shorten it.",
    },
    "calendar.error.past": {
        "fa": "این زمان گذشته است؛ جلسه را نمی‌شود به گذشته برد. زمانی در آینده بنویسید.",
        "en": "That moment is past; a session cannot be moved there. Write a future one.",
    },
    "calendar.error.taken": {
        "fa": "در آن روز جلسه {number} هست؛ روز دیگری بنویسید.",
        "en": "Session {number} is on that day; choose another.",
    },
    "calendar.error.not_planned": {
        "fa": "جلسه {number} برگزار یا لغو شده است و دیگر جابه‌جا یا لغو نمی‌شود.",
        "en": "Session {number} was held or cancelled; it cannot be moved or cancelled now.",
    },
    "calendar.error.reason": {
        "fa": "دلیل لغو را بنویسید.", "en": "Write the reason for cancelling.",
    },
    "calendar.error.reason_long": {
        "fa": "دلیل بیش از {limit} حرف است؛ کوتاه‌ترش کنید.",
        "en": "The reason is longer than {limit} characters; shorten it.",
    },
    "agenda.ask.edit": {
        "fa": ("بند {position}: «{title}»\nتغییر را به این شکل بنویسید:\n"
               "<code>عنوان | واحد ارائه‌دهنده | دقیقه</code>\n"
               "بخشی را که خالی بگذارید همان می‌ماند؛ «-» آن را پاک می‌کند (/cancel برای انصراف)."),
        "en": ("Item {position}: «{title}»\nWrite the change as\n"
               "<code>title | presenting unit | minutes</code>\n"
               "An empty part stays; «-» clears it (/cancel to stop)."),
    },
    "agenda.edited": {"fa": "بند به‌روز شد: «{title}»", "en": "Item updated: «{title}»"},
    "agenda.removed": {
        "fa": "بند «{title}» حذف شد. تا یک دقیقه می‌توانید برش گردانید.",
        "en": "Item «{title}» removed. You can undo it for a minute.",
    },
    "agenda.button.undo": {"fa": "↩️ برگردان", "en": "↩️ Undo"},
    "agenda.restored": {"fa": "بند «{title}» برگشت.", "en": "Item «{title}» is back."},
    "agenda.error.undo_expired": {
        "fa": "بیش از یک دقیقه گذشته و حذف قطعی شده است؛ بند را دوباره اضافه کنید.",
        "en": "More than a minute passed and the removal is final; add the item again.",
    },
    "agenda.error.conflict": {
        "fa": ("همین حالا کس دیگری این بند را تغییر داد؛ تغییر شما ثبت نشد تا چیزی از دست نرود. "
               "دستور جلسه را دوباره ببینید و اگر لازم است دوباره ویرایش کنید."),
        "en": ("Someone else just changed this item; your change was not saved so nothing is "
               "lost. Look at the agenda again and edit once more if needed."),
    },
    "agenda.error.unit": {
        "fa": "واحدی به نام «{text}» نیست.", "en": "There is no unit «{text}».",
    },
    "agenda.error.minutes": {
        "fa": "زمان بند باید عددی بین ۱ و ۶۰۰ دقیقه باشد، نه «{text}».",
        "en": "The time must be a number of minutes from 1 to 600, not «{text}».",
    },
    "agenda.error.title": {
        "fa": "عنوان بند خالی است یا بیش از {limit} حرف دارد.",
        "en": "The title is empty or longer than {limit} characters.",
    },
    "agenda.minutes": {"fa": " ({minutes} دقیقه)", "en": " ({minutes} min)"},
    "agenda.presenter": {"fa": " — ارائه: {unit}", "en": " — by {unit}"},
}
