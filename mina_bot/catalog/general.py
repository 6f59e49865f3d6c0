"""Texts for start, help, cancel, unknown input and errors."""

TEXTS = {
    "start.stranger": {
        "fa": (
            "سلام! من <b>مینا</b> هستم، دستیار شورای هماهنگی و تلفیق ستاد سرشماری ثبتی مبنا.\n\n"
            "با من دبیران کمیته‌ها گزارش هفتگی می‌فرستند، اعضا مصوبات و مهلت‌های واحد خود را "
            "می‌بینند و دبیرخانه جلسات را اداره می‌کند.\n\n"
            "شما هنوز عضو ثبت‌شده‌ای نیستید. برای استفاده، از دبیرخانه ستاد بخواهید برایتان "
            "<b>دعوت‌نامه</b> بفرستد و سپس پیوند دعوت را باز کنید (یا کد آن را با "
            "<code>/start کد</code> بفرستید)."
        ),
        "en": (
            "Hello! I am <b>Mina</b>, the assistant of the census headquarters' coordination "
            "council.\n\nCommittee secretaries send weekly reports through me, members see their "
            "units' resolutions and deadlines, and the secretariat runs the sessions.\n\n"
            "You are not a registered member yet. Ask the secretariat for an <b>invitation</b>, "
            "then open its link (or send <code>/start CODE</code>)."
        ),
    },
    "start.member": {
        "fa": "سلام {name}! خوش آمدید.\n\n{help}",
        "en": "Hello {name}! Welcome.\n\n{help}",
    },
    "help.header": {
        "fa": "<b>کارهایی که می‌توانید انجام دهید:</b>",
        "en": "<b>What you can do:</b>",
    },
    "help.line": {"fa": "/{command} — {description}", "en": "/{command} — {description}"},
    "help.stranger_footer": {
        "fa": "برای دسترسی بیشتر، از دبیرخانه ستاد دعوت‌نامه بگیرید.",
        "en": "For more, ask the secretariat for an invitation.",
    },
    "help.free_text": {
        "fa": "می‌توانید به فارسی هم بنویسید، مثلاً «چه کاری بر عهده من است؟»",
        "en": "You can also write in Persian, e.g. «چه کاری بر عهده من است؟»",
    },
    "cancel.done": {
        "fa": "لغو شد. هر وقت خواستید دوباره شروع کنید؛ /help فهرست کارها را نشان می‌دهد.",
        "en": "Cancelled. /help lists what you can do.",
    },
    "cancel.nothing": {
        "fa": "کار نیمه‌تمامی برای لغو نیست. /help فهرست کارها را نشان می‌دهد.",
        "en": "There is nothing to cancel. /help lists what you can do.",
    },
    "unknown.member": {
        "fa": ("متوجه نشدم چه می‌خواهید. 🙏 از نوشته‌ها فعلاً این پرسش را می‌فهمم: "
               "«چه کاری بر عهده من است؟» (یا «مهلت‌های من»، «چه کارهایی باید بکنم؟»، "
               "«وظایف من»). بقیه کارها با دستورها انجام می‌شود؛ فهرست آن‌ها با /help می‌آید."),
        "en": ("Sorry, I did not understand that. 🙏 Of free text I understand one question so "
               "far: «What do I owe?» (or «my tasks», «my deadlines», «what should I do?»). "
               "Everything else is a command; /help lists them."),
    },
    "unknown.command": {
        "fa": "دستور «{command}» را نمی‌شناسم. فهرست دستورها با /help می‌آید.",
        "en": "I don't know the command «{command}». /help lists the commands.",
    },
    "unknown.stranger": {
        "fa": (
            "شما هنوز عضو ثبت‌شده‌ای نیستید و فقط /start در دسترس است. "
            "برای عضویت از دبیرخانه ستاد دعوت‌نامه بگیرید."
        ),
        "en": (
            "You are not a registered member yet; only /start is available. "
            "Ask the secretariat for an invitation."
        ),
    },
    "unknown.unsupported": {
        "fa": "این نوع پیام را پردازش نمی‌کنم. لطفاً متن بنویسید یا از /help کمک بگیرید.",
        "en": "I can't handle this kind of message. Please write text or see /help.",
    },
    "error.unexpected": {
        "fa": "متأسفم، مشکلی پیش آمد و کار انجام نشد. لطفاً دوباره تلاش کنید. 🙏",
        "en": "Sorry, something went wrong and nothing was done. Please try again.",
    },
    "error.busy": {
        "fa": "سامانه لحظه‌ای در دسترس نیست و کار انجام نشد. لطفاً چند لحظهٔ دیگر دوباره "
              "بفرستید. 🙏",
        "en": "The system is briefly unavailable and nothing was done. Please send it again "
              "in a moment.",
    },
    "error.work_timeout": {
        "fa": "این کار بیش از {seconds} ثانیه طول کشید و متوقف شد؛ چیزی ساخته نشد. لطفاً بخش "
              "کوچک‌تری بخواهید (مثلاً یک جلسه به جای یک فصل) یا بعداً دوباره تلاش کنید.",
        "en": "This took longer than {seconds} seconds and was stopped; nothing was made. Please "
              "ask for a smaller part (e.g. one session instead of a quarter) or try again later.",
    },
    "error.work_too_large": {
        "fa": "این کار بیش از {limit} مگابایت حافظه می‌خواست و متوقف شد؛ چیزی ساخته نشد. لطفاً "
              "بخش کوچک‌تری بخواهید (مثلاً یک جلسه به جای یک فصل).",
        "en": "This needed more than {limit} MB of memory and was stopped; nothing was made. "
              "Please ask for a smaller part (e.g. one session instead of a quarter).",
    },
    "error.forbidden": {
        "fa": "شما اجازهٔ این کار را ندارید.",
        "en": "You are not allowed to do that.",
    },
    "error.stale_button": {
        "fa": "این دکمه دیگر معتبر نیست. لطفاً دوباره از فهرست شروع کنید.",
        "en": "This button is no longer valid. Please start again from the menu.",
    },
    "error.number_too_long": {
        "fa": "عدد یا تاریخی که نوشتید {length} نویسه است؛ شماره‌ها و تاریخ‌ها حداکثر {limit} "
              "نویسه‌اند، مثلاً ۱۲ یا ۱۴۰۰/۰۲/۰۶.",
        "en": "The number or date you wrote has {length} characters; numbers and dates have at "
              "most {limit}, e.g. 12 or 1400/02/06.",
    },
    "error.not_found": {
        "fa": "موردی که خواستید پیدا نشد.",
        "en": "What you asked for was not found.",
    },
    "command.start": {"fa": "شروع و معرفی", "en": "start and introduction"},
    "command.help": {"fa": "راهنما: کارهایی که می‌توانید انجام دهید", "en": "what you can do"},
    "command.cancel": {"fa": "لغو کار نیمه‌تمام", "en": "cancel the current step"},
    "list.page": {"fa": "صفحهٔ {page} از {pages} ({count} مورد)",
                  "en": "Page {page} of {pages} ({count} in all)"},
    "pick.page": {
        "fa": "صفحهٔ {page} از {pages} ({count} مورد). برای یافتن زودتر، چند حرف از نام را بنویسید.",
        "en": "Page {page} of {pages} ({count} in all). Type a few letters of the name to narrow "
              "the list.",
    },
    "pick.found": {
        "fa": "{count} مورد با «{query}»؛ صفحهٔ {page} از {pages}.",
        "en": "{count} match «{query}»; page {page} of {pages}.",
    },
    "pick.none": {
        "fa": "هیچ موردی با «{query}» پیدا نشد؛ چند حرف دیگر بنویسید.",
        "en": "Nothing matches «{query}»; type other letters.",
    },
    "language.name": {"fa": "فارسی", "en": "English"},
    "language.ask": {
        "fa": "زبان شما اکنون {current} است. به چه زبانی با شما سخن بگویم؟",
        "en": "Your language is now {current}. Which language shall I use with you?",
    },
    "language.chosen": {
        "fa": "از این پس فارسی می‌نویسم. /help فهرست کارها را نشان می‌دهد.",
        "en": "From now on I write in English. /help lists what you can do.",
    },
    "command.language": {"fa": "زبان: فارسی یا انگلیسی", "en": "language: Persian or English"},
    "list.separator": {"fa": "، ", "en": ", "},
}
