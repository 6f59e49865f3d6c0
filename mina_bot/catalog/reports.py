"""Texts of weekly reports: the guided conversation, receipts, reading and compliance."""

TEXTS = {
    "command.report": {"fa": "گزارش هفتگی واحد", "en": "Weekly report of your unit"},
    "command.reports": {"fa": "خواندن گزارش‌ها و وضعیت ارسال", "en": "Read reports, compliance"},
    "reports.entry_text": {"fa": "گزارش هفتگی", "en": "weekly report"},
    "reports.error.closed": {
        "fa": "این گزارش دیگر باز نیست (فرستاده شده یا جلسه‌اش آغاز شده). گزارش این هفته را با "
              "/report بنویسید.",
        "en": "This report is no longer open (already sent, or its session has begun). Write "
              "this week's report with /report.",
    },
    "reports.error.no_unit": {
        "fa": "گزارش هفتگی را رئیس یا دبیر یک واحد می‌فرستد و شما در هیچ واحدی این نقش را ندارید.",
        "en": "Weekly reports are sent by a unit's head or secretary; you are neither.",
    },
    "reports.error.too_large": {
        "fa": "این فایل {size_mb} مگابایت است و بیش از سقف {limit_mb} مگابایت. فایل کوچک‌تری "
              "بفرستید یا «پایان پیوست‌ها» را بزنید.",
        "en": "This file is {size_mb} MB, over the {limit_mb} MB limit. Send a smaller one.",
    },
    "reports.error.wrong_type": {
        "fa": "این نوع فایل پذیرفته نمی‌شود. نوع‌های پذیرفته: {accepted}، و عکس.",
        "en": "This file type is not accepted. Accepted: {accepted}, and photos.",
    },
    "reports.error.content_mismatch": {
        "fa": "نام این فایل به ‎.{extension} ختم می‌شود ولی محتوایش فایل {extension} نیست (شاید "
              "برنامه‌ای با نام تغییریافته)؛ نگه داشته نشد. خود سند را بفرستید.",
        "en": "This file is named .{extension} but its content is not a {extension} file "
              "(perhaps a renamed program); it was not kept. Send the document itself.",
    },
    "reports.error.unknown_week": {
        "fa": "«{words}» نه شماره جلسه است نه تاریخ. مثلاً <code>/reports ۱۲</code> یا "
              "<code>/reports ۱۴۰۰/۰۲/۰۶</code> بنویسید.",
        "en": "«{words}» is neither a session number nor a date. Try /reports 12.",
    },
    "reports.progress.done": {"fa": "✅ انجام شد", "en": "✅ Done"},
    "reports.progress.in_progress": {"fa": "⏳ در حال انجام", "en": "⏳ In progress"},
    "reports.progress.blocked": {"fa": "⛔ متوقف", "en": "⛔ Blocked"},
    "reports.progress.none": {"fa": "—", "en": "—"},
    "reports.answer.skipped": {"fa": "(صرف‌نظر شد)", "en": "(skipped)"},
    "reports.answer.empty": {"fa": "(هنوز پاسخ داده نشده)", "en": "(not answered yet)"},
    "reports.view.heading": {
        "fa": "📋 <b>گزارش هفتگی {unit}</b>\nبرای جلسه {number} ({date})",
        "en": "📋 <b>Weekly report of {unit}</b>\nfor session {number} ({date})",
    },
    "reports.view.receipt": {
        "fa": "رسید {receipt} · نسخه {version} · {when}{late}",
        "en": "Receipt {receipt} · version {version} · {when}{late}",
    },
    "reports.view.late_mark": {"fa": " · ⚠️ با تأخیر", "en": " · ⚠️ late"},
    "reports.view.answer": {"fa": "<b>{question}:</b>\n{answer}",
                            "en": "<b>{question}:</b>\n{answer}"},
    "reports.view.progress_heading": {"fa": "<b>وضعیت مصوبات:</b>",
                                      "en": "<b>Resolutions:</b>"},
    "reports.view.progress_line": {
        "fa": "• مصوبه {number} جلسه {session} ({subject}): {status} {note}",
        "en": "• Resolution {number} of session {session} ({subject}): {status} {note}",
    },
    "reports.view.more_progress": {
        "fa": "… و {count} مصوبه دیگر (همه در گزارش ثبت است و در بسته جلسه می‌آید).",
        "en": "… and {count} more resolution(s) (all kept in the report and in the session pack).",
    },
    "reports.view.files": {"fa": "<b>پیوست‌ها:</b> {count}", "en": "<b>Files:</b> {count}"},
    "reports.view.file_line": {"fa": "📎 {name}", "en": "📎 {name}"},
    "reports.view.photo": {"fa": "عکس", "en": "photo"},
    "reports.copy.heading": {
        "fa": "📨 رونوشت گزارش هفتگی (رسید {receipt})",
        "en": "📨 Copy of a weekly report (receipt {receipt})",
    },
    "reports.button.open": {"fa": "مشاهده گزارش", "en": "Open the report"},
    "reports.button.open_number": {"fa": "مشاهده گزارش — جلسه {number}",
                                   "en": "Open the report — session {number}"},
    "reports.compliance.page": {"fa": "صفحهٔ {page} از {pages}", "en": "Page {page} of {pages}"},
    "reports.button.files": {"fa": "📎 دریافت پیوست‌ها", "en": "📎 Get the files"},
    "reports.button.history": {"fa": "نسخه‌ها", "en": "Versions"},
    "reports.button.trend": {"fa": "📈 روند هفته‌های اخیر", "en": "📈 Recent weeks"},
    "reports.button.skip": {"fa": "صرف‌نظر ⏭", "en": "Skip ⏭"},
    "reports.button.files_done": {"fa": "پایان پیوست‌ها ✅", "en": "No more files ✅"},
    "reports.button.submit": {"fa": "ارسال", "en": "Submit"},
    "reports.button.edit": {"fa": "ویرایش", "en": "Edit"},
    "reports.button.back": {"fa": "بازگشت به پیش‌نمایش", "en": "Back to the preview"},
    "reports.button.discard": {"fa": "🗑 دور انداختن پیش‌نویس", "en": "🗑 Discard the draft"},
    "reports.button.keep": {"fa": "💾 نگه داشتن پیش‌نویس", "en": "💾 Keep the draft"},
    "reports.pick_unit": {"fa": "گزارش کدام واحد را می‌فرستید؟",
                          "en": "Which unit are you reporting for?"},
    "reports.started": {
        "fa": "📝 گزارش هفتگی {unit} برای جلسه {number} ({date}).\nمهلت ارسال: {deadline}\n"
              "هر پاسخ همان لحظه ذخیره می‌شود؛ با /cancel می‌توانید بعداً ادامه دهید.",
        "en": "📝 Weekly report of {unit} for session {number} ({date}).\nDeadline: {deadline}\n"
              "Every answer is saved at once; /cancel and continue later.",
    },
    "reports.resumed": {"fa": "↩️ ادامه پیش‌نویس گزارش {unit} از همان جایی که ماند.",
                        "en": "↩️ Resuming the draft report of {unit} where it stopped."},
    "reports.ask.question": {"fa": "{number}) {question}{optional}",
                             "en": "{number}) {question}{optional}"},
    "reports.ask.optional": {"fa": " (اختیاری)", "en": " (optional)"},
    "reports.ask.status": {
        "fa": "وضعیت مصوبه {number} جلسه {session}:\n«{subject}»\nمهلت: {due}",
        "en": "Status of resolution {number} of session {session}:\n«{subject}»\nDue: {due}",
    },
    "reports.ask.note": {"fa": "یک خط توضیح درباره این مصوبه بنویسید (اختیاری).",
                         "en": "One line about this resolution (optional)."},
    "reports.ask.files": {
        "fa": "اسناد و عکس‌ها را بفرستید (هر کدام حداکثر {limit} مگابایت؛ چند فایل مجاز است). "
              "در پایان «پایان پیوست‌ها» را بزنید.",
        "en": "Send documents and photos (each up to {limit} MB; several are fine), "
              "then press «No more files».",
    },
    "reports.no_due": {"fa": "بدون مهلت مشخص", "en": "no fixed date"},
    "reports.file_saved": {"fa": "📎 «{name}» ذخیره شد ({count} پیوست). فایل دیگری بفرستید یا "
                                 "«پایان پیوست‌ها» را بزنید.",
                           "en": "📎 «{name}» saved ({count} files). Send another or press "
                                 "«No more files»."},
    "reports.preview.footer": {"fa": "👆 پیش‌نمایش گزارش. «ارسال» یا «ویرایش»؟",
                               "en": "👆 Preview. Submit or edit?"},
    "reports.no_draft": {"fa": "پیش‌نویس گزارشی باز نیست؛ برای شروع /report را بزنید.",
                         "en": "No draft report is open; send /report to start."},
    "reports.hint.nothing": {"fa": "این نوع پیام را نمی‌توانم در گزارش بگذارم.",
                             "en": "I cannot put this kind of message in the report."},
    "reports.hint.text": {"fa": "لطفاً پاسخ را به صورت متن بنویسید.",
                          "en": "Please answer in text."},
    "reports.hint.buttons": {"fa": "لطفاً یکی از دکمه‌های زیر پیام را بزنید.",
                             "en": "Please use the buttons below the message."},
    "reports.hint.files": {"fa": "اکنون فایل یا عکس بفرستید، یا «پایان پیوست‌ها» را بزنید.",
                           "en": "Send a file or photo now, or press «No more files»."},
    "reports.edit.pick": {"fa": "کدام بخش را ویرایش می‌کنید؟", "en": "Which part to edit?"},
    "reports.edit.page": {"fa": "صفحه {page} از {pages}", "en": "Page {page} of {pages}"},
    "reports.edit.status": {"fa": "مصوبه {number} جلسه {session}",
                            "en": "Resolution {number} of session {session}"},
    "reports.edit.files": {"fa": "افزودن پیوست", "en": "Add files"},
    "reports.receipt": {
        "fa": "✅ گزارش ثبت شد.\nشماره رسید: <b>{number}</b>\nزمان: {when}\nنسخه: {version}\n"
              "{note}",
        "en": "✅ Report received.\nReceipt: <b>{number}</b>\nTime: {when}\nVersion: {version}\n"
              "{note}",
    },
    "reports.receipt.on_time": {
        "fa": "تا مهلت ({deadline}) می‌توانید با /report آن را ویرایش و دوباره ارسال کنید.",
        "en": "Until the deadline ({deadline}) you may edit and resubmit it with /report.",
    },
    "reports.receipt.late": {"fa": "⚠️ پس از مهلت ({deadline}) رسید و «با تأخیر» ثبت شد.",
                             "en": "⚠️ Received after the deadline ({deadline}): marked late."},
    "reports.cancel.ask": {
        "fa": "پیش‌نویس گزارش ذخیره شده است. نگهش دارم تا بعداً با /report ادامه دهید، "
              "یا دورش بیندازم؟",
        "en": "The draft is saved. Keep it to continue later with /report, or discard it?",
    },
    "reports.cancel.kept": {"fa": "پیش‌نویس نگه داشته شد؛ هر وقت خواستید /report را بزنید.",
                            "en": "Draft kept; send /report to continue."},
    "reports.cancel.discarded": {"fa": "پیش‌نویس دور انداخته شد.",
                                 "en": "Draft discarded."},
    "reports.list.heading": {"fa": "<b>گزارش‌های واحد شما:</b>",
                             "en": "<b>Your units' reports:</b>"},
    "reports.list.line": {"fa": "• {unit} — جلسه {number}{late}",
                          "en": "• {unit} — session {number}{late}"},
    "reports.list.empty": {"fa": "هنوز گزارشی از واحد شما ثبت نشده است.",
                           "en": "No report of your units yet."},
    "reports.compliance.heading": {
        "fa": "<b>وضعیت گزارش‌های هفتگی — جلسه {number} ({date})</b>\nمهلت: {deadline}",
        "en": "<b>Weekly reports — session {number} ({date})</b>\nDeadline: {deadline}",
    },
    "reports.compliance.line": {"fa": "{state} {unit} {when}", "en": "{state} {unit} {when}"},
    "reports.compliance.summary": {
        "fa": "به‌موقع: {on_time} · با تأخیر: {late} · نرسیده: {missing}",
        "en": "On time: {on_time} · late: {late} · missing: {missing}",
    },
    "reports.state.on_time": {"fa": "✅ به‌موقع", "en": "✅ On time"},
    "reports.state.late": {"fa": "⚠️ با تأخیر", "en": "⚠️ Late"},
    "reports.state.missing": {"fa": "❌ نرسیده", "en": "❌ Missing"},
    "reports.state.pending": {"fa": "⏳ هنوز نرسیده", "en": "⏳ Not yet"},
    "reports.history.line": {"fa": "نسخه {version}: {receipt} — {when}{late}",
                             "en": "Version {version}: {receipt} — {when}{late}"},
    "reports.editing": {
        "fa": "✏️ ویرایش گزارش ارسال‌شده {unit} (نسخه {version}). پس از ویرایش، «ارسال» نسخه"
              " تازه‌ای با رسید تازه می‌سازد.",
        "en": "✏️ Editing the submitted report of {unit} (version {version}). Sending it again"
              " makes a new version with a new receipt.",
    },
    "reports.button.version": {"fa": "نسخه {version}", "en": "Version {version}"},
    "reports.version.heading": {
        "fa": "🗂 نسخه {version} از {count} (رسید {receipt})",
        "en": "🗂 Version {version} of {count} (receipt {receipt})",
    },
    "reports.change.heading": {
        "fa": "تغییرات نسخه {version} نسبت به نسخه {previous}:",
        "en": "What version {version} changed since version {previous}:",
    },
    "reports.change.none": {"fa": "بدون تغییر در پاسخ‌ها و پیوست‌ها.",
                            "en": "No change in the answers or files."},
    "reports.change.answer_added": {"fa": "➕ «{question}» پاسخ داده شد: {answer}",
                                    "en": "➕ «{question}» answered: {answer}"},
    "reports.change.answer_changed": {"fa": "✏️ «{question}» تغییر کرد: {answer}",
                                      "en": "✏️ «{question}» changed: {answer}"},
    "reports.change.answer_removed": {"fa": "➖ پاسخ «{question}» حذف شد (بود: {answer})",
                                      "en": "➖ «{question}» removed (was: {answer})"},
    "reports.change.progress": {"fa": "🔄 مصوبه {number} جلسه {session}: {before} ← {after} {note}",
                                "en": "🔄 Resolution {number} of session {session}: {before} → "
                                      "{after} {note}"},
    "reports.change.file_added": {"fa": "📎 پیوست افزوده شد: {name}",
                                  "en": "📎 File added: {name}"},
    "reports.change.file_removed": {"fa": "🗑 پیوست حذف شد: {name}",
                                    "en": "🗑 File removed: {name}"},
    "reports.files.none": {"fa": "این گزارش پیوستی ندارد.", "en": "This report has no files."},
    "reports.trend.title": {"fa": "روند ارسال گزارش‌های هفتگی", "en": "Weekly report trend"},
    "reports.trend.caption": {"fa": "روند {weeks} هفته اخیر", "en": "The last {weeks} weeks"},
    "reports.trend.axis": {"fa": "تعداد واحدها", "en": "Units"},
    "reports.state.awaiting": {"fa": "🕓 در انتظار تأیید رئیس", "en": "🕓 Awaiting the head"},
    "reports.error.awaiting": {
        "fa": "گزارش این هفته برای تأیید نزد رئیس واحد است؛ تا تأیید یا بازگرداندن آن نمی‌توان "
              "ویرایشش کرد.",
        "en": "This week's report is with the unit's head for approval; it cannot be edited "
              "until the head approves it or sends it back.",
    },
    "reports.approval.sent": {
        "fa": "📤 گزارش برای تأیید نزد رئیس واحد رفت. پس از تأیید به دبیرخانه می‌رسد و رسیدش "
              "برایتان می‌آید.\nملاک به‌موقع بودن، همین زمان ارسال شماست ({when})، به شرط "
              "تأیید رئیس پیش از آغاز جلسه. مهلت: {deadline}",
        "en": "📤 The report went to the unit's head for approval. Once approved it reaches the "
              "secretariat and you get its receipt.\nWhat counts for the deadline is this moment"
              " ({when}), provided the head approves before the session begins. Deadline: "
              "{deadline}",
    },
    "reports.approval.ask": {
        "fa": "📝 {name} گزارش هفتگی واحد را برای تأیید شما فرستاد ({when}). تا تأیید نکنید به "
              "دبیرخانه نمی‌رود.",
        "en": "📝 {name} sent the unit's weekly report for your approval ({when}). It reaches "
              "the secretariat only once you approve it.",
    },
    "reports.button.approve": {"fa": "✅ تأیید و ارسال به دبیرخانه",
                               "en": "✅ Approve and send on"},
    "reports.button.send_back": {"fa": "↩️ بازگرداندن با دلیل", "en": "↩️ Send back"},
    "reports.approval.ask_reason": {
        "fa": "دلیل بازگرداندن گزارش را بنویسید (حداکثر {limit} نویسه). برای انصراف /cancel.",
        "en": "Why is the report sent back? (at most {limit} characters; /cancel to stop)",
    },
    "reports.approval.reason_too_long": {
        "fa": "این دلیل {length} نویسه است و حداکثر {limit} پذیرفته می‌شود؛ کوتاه‌ترش بفرستید.",
        "en": "This reason is {length} characters long; at most {limit}. Send a shorter one.",
    },
    "reports.approval.done": {
        "fa": "✅ تأیید شد و به دبیرخانه رفت. رسید {number}، نسخه {version}.",
        "en": "✅ Approved and sent to the secretariat. Receipt {number}, version {version}.",
    },
    "reports.approval.returned": {"fa": "↩️ گزارش با دلیل شما به دبیر واحد بازگردانده شد.",
                                  "en": "↩️ The report was sent back with your reason."},
    "reports.approval.approved": {
        "fa": "✅ رئیس واحد گزارش {unit} را تأیید کرد و به دبیرخانه رسید.\nشماره رسید: "
              "<b>{number}</b> (نسخه {version})",
        "en": "✅ The head approved the report of {unit}; the secretariat has it.\nReceipt: "
              "<b>{number}</b> (version {version})",
    },
    "reports.approval.sent_back": {
        "fa": "↩️ {head} گزارش {unit} را بازگرداند:\n«{reason}»\nبا /report آن را ویرایش و "
              "دوباره ارسال کنید.",
        "en": "↩️ {head} sent the report of {unit} back:\n«{reason}»\nEdit and send it again "
              "with /report.",
    },
    "reports.head_copy.heading": {
        "fa": "📨 رونوشت گزارش هفتگی واحد شما که دبیر فرستاد (رسید {receipt})",
        "en": "📨 Copy of your unit's weekly report sent by its secretary (receipt {receipt})",
    },
}
