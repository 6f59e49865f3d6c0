"""Texts for groups and channels: /link, the secretariat's /links, notes written in a group."""

TEXTS = {
    "link.requested": {
        "fa": ("درخواست پیوند «{title}» ثبت شد. دبیرخانه باید آن را در گفتگوی خصوصی با /links "
               "تأیید کند؛ پس از آن پیام‌های همگانی و دستور جلسه این‌جا هم می‌آید."),
        "en": ("The request to link «{title}» is recorded. The secretariat confirms it in private "
               "with /links; then broadcasts and the agenda come here too."),
    },
    "group.private_only": {
        "fa": "{name}، پاسخ این دستور شخصی است؛ آن را در گفتگوی خصوصی با من بفرستید.",
        "en": "{name}, that answer is personal: send the command to me in a private chat.",
    },
    "group.answered_in_private": {
        "fa": "{name}، پاسخ را در گفتگوی خصوصی برایتان فرستادم.",
        "en": "{name}, I sent you the answer in our private chat.",
    },
    "group.start_private_first": {
        "fa": "{name}، برای دریافت پاسخ، نخست گفتگوی خصوصی با من را آغاز کنید (/start).",
        "en": "{name}, start a private chat with me first (/start) to get the answer.",
    },
    "links.header": {"fa": "<b>گروه‌ها و کانال‌های پیوندشده</b>",
                     "en": "<b>Linked groups and channels</b>"},
    "links.none": {
        "fa": "هنوز گروهی پیوند نخواسته است: ربات را به گروه بیفزایید و در آن /link بفرستید.",
        "en": "No group has asked yet: add the bot to a group and send /link there.",
    },
    "links.line.pending": {"fa": "⏳ «{title}» — در انتظار تأیید", "en": "⏳ «{title}» — waiting"},
    "links.line.council": {"fa": "✅ «{title}» — شورا", "en": "✅ «{title}» — the council"},
    "links.line.unit": {"fa": "✅ «{title}» — {unit}", "en": "✅ «{title}» — {unit}"},
    "links.button.open": {"fa": "⚙️ {title}", "en": "⚙️ {title}"},
    "links.ask": {
        "fa": "«{title}» از آنِ کیست؟ شورا، یا یکی از واحدها:",
        "en": "Whose is «{title}»? The council's, or one unit's:",
    },
    "links.button.council": {"fa": "🏛 شورا", "en": "🏛 The council"},
    "links.button.drop": {"fa": "✖️ حذف پیوند", "en": "✖️ Unlink"},
    "links.confirmed.council": {
        "fa": "«{title}» گروه شورا شد: دستور جلسه و پیام‌های همگانی به همه به آن هم می‌رسد.",
        "en": "«{title}» is now the council's: the agenda and broadcasts to everyone reach it.",
    },
    "links.confirmed.unit": {
        "fa": "«{title}» گروه {unit} شد: پیام‌های همگانی به این واحد به آن هم می‌رسد.",
        "en": "«{title}» is now {unit}'s: broadcasts to that unit reach it.",
    },
    "links.dropped": {"fa": "پیوند «{title}» برداشته شد.", "en": "«{title}» is unlinked."},
    "command.links": {"fa": "گروه‌ها و کانال‌های پیوندشده", "en": "linked groups and channels"},
}
