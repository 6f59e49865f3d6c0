"""Texts of /broadcast: composing, the audience, the preview, progress and the report."""

TEXTS = {
    "command.broadcast": {"fa": "ارسال پیام همگانی", "en": "send a broadcast"},
    "broadcast.compose": {
        "fa": (
            "📢 <b>پیام همگانی</b>\nمتن پیام را بفرستید (یا یک سند با توضیح)، یا دکمه "
            "«دستور جلسه» را بزنید تا دستور جلسه بعد فرستاده شود. انصراف: /cancel"
        ),
        "en": (
            "📢 <b>Broadcast</b>\nSend the text (or a document with a caption), or press "
            "«Agenda» to send the next session's agenda. To stop: /cancel"
        ),
    },
    "broadcast.button_agenda": {"fa": "📋 دستور جلسه", "en": "📋 Agenda"},
    "broadcast.button_drop": {"fa": "✖️ انصراف", "en": "✖️ Discard"},
    "broadcast.audience": {
        "fa": "👥 <b>مخاطبان را انتخاب کنید</b>: همه، یا واحدها و/یا نقش‌ها. سپس «پیش‌نمایش».",
        "en": "👥 <b>Choose the audience</b>: everyone, or units and/or roles. Then «Preview».",
    },
    "broadcast.button_everyone": {"fa": "{mark} همه اعضا", "en": "{mark} Everyone"},
    "broadcast.button_unit": {"fa": "{mark} {name}", "en": "{mark} {name}"},
    "broadcast.role_head": {"fa": "{mark} رؤسا", "en": "{mark} Heads"},
    "broadcast.role_secretary": {"fa": "{mark} دبیران", "en": "{mark} Secretaries"},
    "broadcast.role_member": {"fa": "{mark} اعضا", "en": "{mark} Members"},
    "broadcast.button_preview": {"fa": "👁 پیش‌نمایش", "en": "👁 Preview"},
    "broadcast.preview": {
        "fa": "👁 <b>پیش‌نمایش</b> — برای <b>{count}</b> نفر فرستاده می‌شود:\n\n{body}",
        "en": "👁 <b>Preview</b> — goes to <b>{count}</b> people:\n\n{body}",
    },
    "broadcast.button_send": {"fa": "✅ ارسال", "en": "✅ Send"},
    "broadcast.button_back": {"fa": "↩️ تغییر مخاطبان", "en": "↩️ Change audience"},
    "broadcast.button_stop": {"fa": "⏹ توقف ارسال", "en": "⏹ Stop sending"},
    "broadcast.dropped": {"fa": "پیش‌نویس پیام همگانی کنار گذاشته شد.",
                          "en": "The broadcast draft was discarded."},
    "broadcast.stopped": {
        "fa": "ارسال متوقف شد؛ {count} پیام فرستاده نخواهد شد.",
        "en": "Sending stopped; {count} messages will not be sent.",
    },
    "broadcast.message": {"fa": "📢 <b>پیام دبیرخانه</b>\n\n{body}",
                          "en": "📢 <b>From the secretariat</b>\n\n{body}"},
    "broadcast.document": {"fa": "📢 سند از طرف دبیرخانه",
                           "en": "📢 A document from the secretariat"},
    "broadcast.progress": {
        "fa": (
            "📤 <b>ارسال پیام همگانی {id}</b>\nفرستاده‌شده: {sent} از {total}\n"
            "در انتظار: {waiting}\nناموفق: {failed}"
        ),
        "en": (
            "📤 <b>Broadcast {id}</b>\nSent: {sent} of {total}\nWaiting: {waiting}\n"
            "Failed: {failed}"
        ),
    },
    "broadcast.progress_cancelled": {
        "fa": (
            "⏹ <b>پیام همگانی {id} متوقف شد</b>\nفرستاده‌شده: {sent} از {total}\n"
            "لغوشده: {cancelled}\nناموفق: {failed}"
        ),
        "en": (
            "⏹ <b>Broadcast {id} stopped</b>\nSent: {sent} of {total}\nCancelled: {cancelled}\n"
            "Failed: {failed}"
        ),
    },
    "broadcast.report": {
        "fa": (
            "📬 <b>گزارش ارسال پیام همگانی {id}</b>\nرسید: {sent} از {total}\n"
            "نرسید: {failed}\nلغوشده: {cancelled}\nدیگر عضو نیست: {not_member}\n\n"
            "<b>کسانی که پیام به آن‌ها نرسید:</b>\n"
            "{missed}"
        ),
        "en": (
            "📬 <b>Delivery report of broadcast {id}</b>\nDelivered: {sent} of {total}\n"
            "Not delivered: {failed}\nCancelled: {cancelled}\nNo longer a member: {not_member}"
            "\n\n<b>Not reached:</b>\n{missed}"
        ),
    },
    "broadcast.report_line": {"fa": "• {name} ({why})", "en": "• {name} ({why})"},
    "broadcast.report_none": {"fa": "— هیچ‌کس —", "en": "— nobody —"},
    "broadcast.report_more": {"fa": "… و {count} نفر دیگر", "en": "… and {count} more"},
    "broadcast.why_failed": {"fa": "خطای ارسال", "en": "delivery error"},
    "broadcast.why_unreachable": {"fa": "ربات را مسدود کرده", "en": "blocked the bot"},
    "broadcast.why_not_member": {"fa": "دیگر عضو نیست", "en": "no longer a member"},
    "broadcast.empty": {
        "fa": "پیام خالی است. متن پیام را بفرستید یا «دستور جلسه» را انتخاب کنید.",
        "en": "The message is empty. Send its text or choose «Agenda».",
    },
    "broadcast.too_long": {
        "fa": "متن پیام {length} نویسه است؛ حداکثر {limit} نویسه مجاز است. کوتاه‌ترش کنید.",
        "en": "The text has {length} characters; at most {limit} are allowed.",
    },
    "broadcast.bad_audience": {
        "fa": "مخاطبی انتخاب نشده یا انتخاب معتبر نیست. «همه اعضا»، یک واحد یا یک نقش را بزنید.",
        "en": "No valid audience chosen. Pick everyone, a unit or a role.",
    },
    "broadcast.already_over": {
        "fa": "این پیام همگانی پیش‌تر تمام یا متوقف شده است.",
        "en": "This broadcast has already finished or been stopped.",
    },
}
