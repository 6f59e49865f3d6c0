"""Texts and button labels of the organisation: file loading, limits, people, invitations."""

TEXTS = {
    "command.whoami": {"fa": "من کیستم: نام، واحدها و نقش‌ها", "en": "who am I: units and roles"},
    "command.units": {"fa": "فهرست واحدها", "en": "list the units"},
    "command.members": {"fa": "اعضای یک واحد و مدیریت آنها", "en": "a unit's members"},
    "command.invite": {"fa": "دعوت از یک نفر", "en": "invite a person"},
    "command.invites": {"fa": "دعوت‌نامه‌های در انتظار", "en": "pending invitations"},
    "role.head": {"fa": "رئیس", "en": "head"},  # one word for a unit's head everywhere
    "role.secretary": {"fa": "دبیر", "en": "secretary"},
    "role.member": {"fa": "عضو", "en": "member"},
    # The organisation file
    "org.file.error_line": {"fa": "خط {line} ({where}): {problem}",
                            "en": "line {line} ({where}): {problem}"},
    "org.file.refused": {"fa": "پرونده سازمان بارگذاری نشد؛ هیچ تغییری اعمال نشد:",
                         "en": "The organisation file was not loaded; nothing changed:"},
    "org.file.loaded": {"fa": "پرونده سازمان بارگذاری شد: {count} تغییر.",
                        "en": "Organisation file loaded: {count} changes."},
    "org.file.duplicate_kind": {"fa": "پرسش‌های گزارش برای «{kind}» دو بار آمده است.",
                                "en": "report questions for «{kind}» appear twice."},
    "org.file.duplicate_question": {
        "fa": "کلید پرسش «{key}» تکراری یا رزروشده است.",
        "en": "question key «{key}» appears twice or is reserved."},
    "org.file.holiday_date": {
        "fa": "«{text}» تاریخ شمسی درستی به شکل YYYY/MM/DD نیست.",
        "en": "«{text}» is no valid Jalali date written YYYY/MM/DD.",
    },
    "org.file.holiday_name": {"fa": "تعطیلی ستاد نام (name) می‌خواهد.",
                              "en": "A closure needs a name."},
    "org.file.holiday_span": {
        "fa": "روز پایان (until) باید پس از date و حداکثر ۳۱ روز بعد باشد.",
        "en": "`until` must be on or after `date` and at most 31 days later.",
    },
    "org.file.holiday_not_official": {
        "fa": "{date} تعطیل رسمی نیست؛ working: true فقط برای یک روز تعطیل رسمی است.",
        "en": "{date} is no official holiday; `working: true` is for one official holiday.",
    },
    "org.file.duplicate_key": {"fa": "کلید واحد «{key}» تکراری است.",
                               "en": "unit key «{key}» appears twice."},
    "org.file.name_clash": {"fa": "نام «{name}» به واحد «{other}» هم تعلق دارد.",
                            "en": "the name «{name}» also belongs to unit «{other}»."},
    "org.file.unknown_unit": {"fa": "واحدی با کلید «{key}» در پرونده نیست.",
                              "en": "no unit with key «{key}» in the file."},
    "org.file.groups_need_committee": {
        "fa": "کارگروه فقط زیر کمیته تشکیل می‌شود؛ «{key}» کمیته نیست.",
        "en": "working groups belong under committees; «{key}» is not a committee."},
    "org.file.duplicate_group": {"fa": "کارگروه «{name}» تکراری است.",
                                 "en": "working group «{name}» appears twice."},
    "org.file.unknown_member": {"fa": "عضوی به نام «{name}» در فهرست اعضای پرونده نیست.",
                                "en": "no member named «{name}» in the file's members."},
    "org.file.duplicate_telegram_id": {"fa": "شناسه تلگرام {telegram_id} تکراری است.",
                                       "en": "Telegram id {telegram_id} appears twice."},
    "org.file.duplicate_member": {"fa": "عضو «{name}» دو بار آمده است.",
                                  "en": "member «{name}» appears twice."},
    "org.file.ambiguous_member": {
        "fa": "چند عضو به نام «{name}» ثبت شده‌اند؛ شناسه تلگرام او را بنویسید.",
        "en": "several members are named «{name}»; give their Telegram id."},
    # Resolution 5 and other refusals
    "org.limit.working_groups": {
        "fa": ("طبق مصوبه ۵، هر کمیته حداکثر {limit} کارگروه دارد؛ «{unit}» با این تغییر "
               "{count} کارگروه می‌داشت."),
        "en": ("Resolution 5: a committee has at most {limit} working groups; «{unit}» "
               "would have {count}.")},
    "org.limit.group_members": {
        "fa": ("طبق مصوبه ۵، هر کارگروه حداکثر {limit} عضو دارد؛ «{group}» با این تغییر "
               "{count} عضو می‌داشت."),
        "en": ("Resolution 5: a working group has at most {limit} members; «{group}» "
               "would have {count}.")},
    "org.refused.name_too_long": {
        "fa": "این نام {length} نویسه است؛ نام باید حداکثر {limit} نویسه باشد. کوتاه‌ترش را "
              "بفرستید.",
        "en": "That name has {length} characters; a name has at most {limit}. Send a shorter "
              "one."},
    "org.refused.same": {"fa": "این تغییر وضعیت فعلی را عوض نمی‌کند.",
                         "en": "That changes nothing."},
    "org.refused.self": {"fa": "این کار را روی حساب خودتان نمی‌توانید انجام دهید.",
                         "en": "You cannot do that to your own account."},
    "org.refused.admin_only": {
        "fa": "فقط مدیران سامانه می‌توانند نقش، واحد یا وضعیت یک مدیر را تغییر دهند.",
        "en": "Only administrators can change an administrator's role, unit or status."},
    "org.refused.last_admin": {
        "fa": "این آخرین مدیر سامانه است و نمی‌توان او را برداشت.",
        "en": "This is the last administrator and cannot be removed."},
    "org.refused.configured_admin": {
        "fa": "این مدیر در تنظیمات سامانه (MINA_ADMIN_IDS) تعیین شده و در گفتگو برداشته "
              "نمی‌شود.",
        "en": "This administrator is set in the configuration (MINA_ADMIN_IDS) and cannot be "
              "removed in chat."},
    "org.refused.group_needs_committee": {
        "fa": "کارگروه فقط زیر یک کمیته و با نامی روشن ساخته می‌شود.",
        "en": "A working group needs a committee and a name."},
    "org.refused.group_exists": {"fa": "کارگروه «{name}» از قبل وجود دارد.",
                                 "en": "Working group «{name}» already exists."},
    # In chat
    "whoami.text": {"fa": "<b>{name}</b>\n{lines}", "en": "<b>{name}</b>\n{lines}"},
    "whoami.line": {"fa": "• {role} {unit}", "en": "• {role}, {unit}"},
    "whoami.admin": {"fa": "• مدیر سامانه", "en": "• administrator"},
    "whoami.secretariat": {"fa": "• کارکنان دبیرخانه", "en": "• secretariat staff"},
    "whoami.none": {"fa": "• هنوز در واحدی عضو نیستید.", "en": "• no unit yet."},
    "units.header": {"fa": "<b>واحدها</b> (برای دیدن اعضا یکی را بزنید):",
                     "en": "<b>Units</b> (press one to see its members):"},
    "units.button": {"fa": "{name} ({count})", "en": "{name} ({count})"},
    "units.unknown": {"fa": "واحدی به نام «{query}» پیدا نشد. فهرست واحدها: /units",
                      "en": "No unit called «{query}». The units: /units"},
    "unit.card": {"fa": "<b>{name}</b> ({key})\nاعضا: {count}\n{groups}",
                  "en": "<b>{name}</b> ({key})\nMembers: {count}\n{groups}"},
    "unit.groups": {"fa": "کارگروه‌ها: {groups}", "en": "Working groups: {groups}"},
    "unit.group": {"fa": "{name} ({count} عضو)", "en": "{name} ({count} members)"},
    "unit.member_button": {"fa": "{name} — {role}", "en": "{name} — {role}"},
    "member.card": {"fa": "<b>{name}</b>\n{lines}\nوضعیت حساب: {bound}",
                    "en": "<b>{name}</b>\n{lines}\nAccount: {bound}"},
    "member.bound": {"fa": "متصل", "en": "joined"},
    "member.unbound": {"fa": "هنوز دعوت را نپذیرفته", "en": "not joined yet"},
    "member.choose_role": {"fa": "نقش تازه {name} در {unit}:",
                           "en": "New role of {name} in {unit}:"},
    "member.choose_unit": {"fa": "انتقال {name} از {unit} به:",
                           "en": "Move {name} from {unit} to:"},
    "member.choose_group": {"fa": "کارگروه‌های {name} (✅ عضو است):",
                            "en": "Working groups of {name} (✅ = seated):"},
    "member.confirm_deactivate": {
        "fa": "غیرفعال شود؟ {name} فوراً دسترسی‌اش را از دست می‌دهد؛ سابقه‌اش می‌ماند.",
        "en": "Deactivate? {name} loses access at once; the history stays."},
    "member.deactivated": {"fa": "{name} غیرفعال شد و دیگر دسترسی ندارد.",
                           "en": "{name} is deactivated and has no access any more."},
    "member.admin_on": {"fa": "{name} اکنون مدیر سامانه است.",
                        "en": "{name} is now an administrator."},
    "member.admin_off": {"fa": "{name} دیگر مدیر سامانه نیست.",
                         "en": "{name} is no longer an administrator."},
    "group.ask_name": {"fa": "نام کارگروه تازه {unit} را بفرستید (لغو: /cancel).",
                       "en": "Send the new working group's name for {unit} (/cancel to stop)."},
    "group.created": {"fa": "کارگروه «{name}» زیر {unit} ساخته شد.",
                      "en": "Working group «{name}» created under {unit}."},
    "button.role": {"fa": "🔁 تغییر نقش در {unit}", "en": "🔁 role in {unit}"},
    "button.move": {"fa": "➡️ انتقال از {unit}", "en": "➡️ move from {unit}"},
    "button.groups": {"fa": "👥 کارگروه‌ها", "en": "👥 working groups"},
    "button.deactivate": {"fa": "⛔ غیرفعال کردن", "en": "⛔ deactivate"},
    "button.confirm_deactivate": {"fa": "بله، غیرفعال شود", "en": "Yes, deactivate"},
    "button.admin_grant": {"fa": "⭐ مدیر سامانه شود", "en": "⭐ make administrator"},
    "button.admin_revoke": {"fa": "☆ لغو مدیریت سامانه", "en": "☆ withdraw administrator"},
    "button.new_group": {"fa": "➕ کارگروه تازه", "en": "➕ new working group"},
    "button.back_units": {"fa": "↩️ واحدها", "en": "↩️ units"},
    "button.previous": {"fa": "« قبلی", "en": "« previous"},
    "button.next": {"fa": "بعدی »", "en": "next »"},
    "button.seated": {"fa": "✅ {name} ({count})", "en": "✅ {name} ({count})"},
    "button.not_seated": {"fa": "▫️ {name} ({count})", "en": "▫️ {name} ({count})"},
    "button.revoke": {"fa": "❌ لغو دعوت {name}", "en": "❌ revoke {name}"},
    # Invitations
    "invite.ask_name": {"fa": "نام و نام خانوادگی فرد دعوت‌شونده را بفرستید (لغو: /cancel).",
                        "en": "Send the invited person's full name (/cancel to stop)."},
    "invite.ask_unit": {"fa": "{name} در کدام واحد؟", "en": "Which unit is {name} in?"},
    "invite.ask_role": {"fa": "نقش {name} در {unit}؟", "en": "{name}'s role in {unit}?"},
    "invite.no_draft": {"fa": "این دعوت نیمه‌کاره دیگر در دست نیست؛ دوباره /invite بزنید.",
                        "en": "This invitation draft is gone; send /invite again."},
    "invite.name.empty": {"fa": "نام خالی است؛ نام و نام خانوادگی را بفرستید.",
                          "en": "The name is empty; send a full name."},
    "invite.created": {
        "fa": ("دعوت‌نامه {name} ({role} {unit}) آماده است. این پیوند را برایش بفرستید:\n"
               "{link}\n\nیا کد: <code>{code}</code>\nاعتبار تا {expires}؛ یک‌بار مصرف."),
        "en": ("Invitation for {name} ({role}, {unit}) is ready. Send them this link:\n"
               "{link}\n\nor the code: <code>{code}</code>\nValid until {expires}; single use.")},
    "invite.pending_header": {"fa": "<b>دعوت‌نامه‌های در انتظار:</b>",
                              "en": "<b>Pending invitations:</b>"},
    "invite.pending_line": {"fa": "• {name} — {role} {unit} — تا {expires}",
                            "en": "• {name} — {role}, {unit} — until {expires}"},
    "invite.pending_none": {"fa": "دعوت‌نامه در انتظاری نیست.", "en": "No pending invitations."},
    "invite.revoked": {"fa": "دعوت {name} لغو شد.", "en": "{name}'s invitation is revoked."},
    "invite.revoke.not_pending": {"fa": "این دعوت‌نامه دیگر در انتظار نیست.",
                                  "en": "That invitation is no longer pending."},
    "invite.welcome": {
        "fa": ("خوش آمدید {name}! حساب شما ثبت شد.\n{lines}\n\n{help}\n\n"
               "🌐 زبان گفتگو را با دکمه‌های زیر برگزینید (Choose your language below)."),
        "en": ("Welcome {name}! Your account is registered.\n{lines}\n\n{help}\n\n"
               "🌐 Choose your language below (زبان را با دکمه‌های زیر برگزینید)."),
    },
    "invite.code.wrong": {
        "fa": "این کد دعوت معتبر نیست. کد را دقیق از پیام دعوت کپی کنید یا از دبیرخانه بپرسید.",
        "en": "This invitation code is not valid. Copy it exactly or ask the secretariat."},
    "invite.code.used": {
        "fa": "این کد دعوت قبلاً استفاده شده است. برای دعوت تازه با دبیرخانه تماس بگیرید.",
        "en": "This invitation code was already used. Ask the secretariat for a new one."},
    "invite.code.expired": {
        "fa": "مهلت این کد دعوت گذشته است. از دبیرخانه دعوت‌نامه تازه بخواهید.",
        "en": "This invitation code has expired. Ask the secretariat for a new one."},
    "invite.code.revoked": {
        "fa": "این کد دعوت لغو شده است. اگر فکر می‌کنید اشتباهی رخ داده، با دبیرخانه تماس بگیرید.",
        "en": "This invitation code was revoked. Ask the secretariat if this is a mistake."},
    "invite.code.slow": {
        "fa": "کدهای نادرست زیادی فرستاده‌اید. لطفاً پس از {until} دوباره تلاش کنید.",
        "en": "Too many wrong codes. Please try again after {until}."},
    "invite.code.bound_elsewhere": {
        "fa": "این حساب به عضو دیگری متصل است؛ با دبیرخانه تماس بگیرید.",
        "en": "This account belongs to another member; contact the secretariat."},
}
