"""Texts for council sessions and their agendas."""

TEXTS = {
    "command.owe": {"fa": "چه کاری بر عهده من است؟", "en": "What do I owe?"},
    "command.session": {"fa": "جلسه آینده و دستور آن", "en": "The next session and its agenda"},
    "command.import": {"fa": "ورود صورت‌جلسه", "en": "Import the minutes"},
    "command.resolutions": {"fa": "فهرست مصوبات با فیلتر", "en": "Resolutions, filtered"},
    "command.newresolution": {"fa": "افزودن یک مصوبه", "en": "Add one resolution"},
    "sessions.header": {
        "fa": ("<b>جلسه {number} شورای هماهنگی و تلفیق</b>\n📅 {date}، ساعت {time}\n"
               "📍 {place}\n⏰ مهلت گزارش‌های هفتگی: {deadline}\n\n<b>دستور جلسه:</b>"),
        "en": ("<b>Council session {number}</b>\n📅 {date}, {time}\n📍 {place}\n"
               "⏰ Weekly reports due: {deadline}\n\n<b>Agenda:</b>"),
    },
    "sessions.agenda.line": {"fa": "{position}. {title}", "en": "{position}. {title}"},
    "sessions.agenda.standing": {"fa": "گزارش {unit}", "en": "Report of {unit}"},
    "sessions.agenda.item": {"fa": "{title}", "en": "{title}"},
    "sessions.agenda.empty": {"fa": "هنوز بندی ندارد.", "en": "No items yet."},
    "sessions.agenda.approve_minutes": {"fa": "تأیید صورتجلسه جلسه قبل",
                                        "en": "Approval of the last session's minutes"},
    "sessions.button.up": {"fa": "⬆️ {position}", "en": "⬆️ {position}"},
    "sessions.button.down": {"fa": "⬇️ {position}", "en": "⬇️ {position}"},
    "sessions.button.rm": {"fa": "✖️ {position}", "en": "✖️ {position}"},
    "sessions.button.add": {"fa": "➕ افزودن بند", "en": "➕ Add an item"},
    "sessions.add.ask": {
        "fa": "عنوان بند تازه دستور جلسه را بنویسید (/cancel برای انصراف).",
        "en": "Write the new agenda item (/cancel to stop).",
    },
    "sessions.add.done": {"fa": "به دستور جلسه اضافه شد: «{title}»", "en": "Added: «{title}»"},
    "sessions.place.default": {"fa": "سالن شورا", "en": "the council hall"},
}
