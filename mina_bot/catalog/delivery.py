"""Texts of the delivery engine: unreachable members and the agenda message."""

TEXTS = {
    "delivery.unreachable": {
        "fa": (
            "⚠️ پیام‌ها به <b>{name}</b> نمی‌رسد: ربات را مسدود کرده است. تا وقتی دوباره "
            "/start نزند، چیزی برایش فرستاده نمی‌شود."
        ),
        "en": (
            "⚠️ Messages to <b>{name}</b> cannot be delivered: they blocked the bot. Nothing "
            "more is sent to them until they send /start again."
        ),
    },
    "delivery.not_started": {
        "fa": (
            "⚠️ پیام‌ها به <b>{name}</b> نمی‌رسد: هنوز ربات را شروع نکرده است. پیوند ربات را "
            "برایش بفرستید تا «Start» را بزند (دکمه زیر)."
        ),
        "en": (
            "⚠️ Messages to <b>{name}</b> cannot be delivered: they have not started the bot "
            "yet. Send them the bot's link so they press «Start» (button below)."
        ),
    },
    "delivery.button.link": {"fa": "📨 پیوند برای {name}", "en": "📨 Link for {name}"},
    "delivery.link": {
        "fa": ("این پیوند را برای <b>{name}</b> بفرستید؛ با زدن «Start» پیام‌ها به او "
               "می‌رسد:\n{link}"),
        "en": "Send <b>{name}</b> this link; once they press «Start» messages reach them:\n{link}",
    },
    "delivery.agenda_message": {
        "fa": (
            "📋 <b>دستور جلسه {number}</b>\n"
            "🗓 {date}، ساعت {time}\n📍 {place}\n\n{items}"
        ),
        "en": "📋 <b>Agenda of session {number}</b>\n🗓 {date}, {time}\n📍 {place}\n\n{items}",
    },
    "delivery.agenda_line": {"fa": "{position}. {title}", "en": "{position}. {title}"},
    "delivery.agenda_empty": {
        "fa": "هنوز موردی در دستور جلسه نیست.",
        "en": "The agenda has no items yet.",
    },
    "delivery.agenda_review": {
        "fa": "بررسی مصوبات باز و معوق",
        "en": "Review of open and overdue resolutions",
    },
}
