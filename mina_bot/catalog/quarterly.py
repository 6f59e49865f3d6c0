"""Texts of the quarterly report of resolution 1: its document, letter and approval."""

TEXTS = {
    "quarterly.title": {"fa": "گزارش فصل {quarter} سال {year} شورای هماهنگی",
                        "en": "Coordination council report, quarter {quarter} of {year}"},
    "quarterly.cover.to": {"fa": "تقدیم به ریاست محترم ستاد ملی سرشماری",
                           "en": "To the head of the national census headquarters"},
    "quarterly.letter.draft": {
        "fa": "ریاست محترم ستاد ملی سرشماری عمومی نفوس و مسکن\nبا سلام و احترام،\n"
              "به استناد مصوبه ۱ شورای هماهنگی، گزارش فصل {quarter} سال {year} شورا با "
              "مستندات آن به پیوست تقدیم می‌شود. در این فصل {sessions} جلسه برنامه‌ریزی و "
              "{held} جلسه برگزار شد و {made} مصوبه به تصویب رسید که {done} مورد انجام و "
              "تأیید شده، {open} مورد در جریان است و {overdue} مورد از مهلت گذشته است. "
              "{rate} درصد گزارش‌های هفتگی کمیته‌ها به‌موقع رسیده است.\n"
              "خواهشمند است دستور فرمایید اقدام لازم معمول گردد.\nدبیرخانه شورای هماهنگی",
        "en": "To the head of the national population and housing census headquarters\n"
              "Respectfully,\nAs resolution 1 of the coordination council asks, the council's "
              "report for quarter {quarter} of {year} is attached with its records. This "
              "quarter {sessions} sessions were planned and {held} held; {made} resolutions "
              "were made, of which {done} are done and confirmed, {open} under way and "
              "{overdue} overdue. {rate} percent of the committees' weekly reports came on "
              "time.\nWe ask for your instructions.\nThe coordination council's secretariat"},
    "quarterly.letter.date": {"fa": "تاریخ: {date}", "en": "Date: {date}"},
    "quarterly.letter.subject": {"fa": "موضوع: گزارش فصل {quarter} سال {year} (مصوبه ۱)",
                                 "en": "Subject: report of quarter {quarter} of {year} "
                                       "(resolution 1)"},
    "quarterly.section.letter": {"fa": "روکش", "en": "Cover letter"},
    "quarterly.section.figures": {"fa": "آمار فصل", "en": "The quarter in figures"},
    "quarterly.section.charts": {"fa": "نمودارها", "en": "Charts"},
    "quarterly.section.committees": {"fa": "گزارش‌های هفتگی کمیته‌ها در این فصل",
                                     "en": "The committees' weekly reports this quarter"},
    "quarterly.committees.summary": {
        "fa": "{units} واحد در این فصل گزارش فرستاده‌اند؛ متن هر هفته به گفته خودشان.",
        "en": "{units} units reported this quarter; each week in their own words."},
    "quarterly.figures.sessions": {"fa": "جلسات: {sessions} جلسه در برنامه، {held} برگزارشده",
                                   "en": "Sessions: {sessions} planned, {held} held"},
    "quarterly.figures.resolutions": {
        "fa": "مصوبات: {made} مصوبه، {done} انجام‌شده، {open} در جریان، {overdue} سررسید گذشته",
        "en": "Resolutions: {made} made, {done} done, {open} under way, {overdue} overdue"},
    "quarterly.figures.rate": {"fa": "گزارش‌های هفتگی به‌موقع: {rate} درصد",
                               "en": "Weekly reports on time: {rate} percent"},
    "quarterly.sheet.resolutions": {"fa": "مصوبات هر واحد", "en": "Resolutions by unit"},
    "quarterly.sheet.compliance": {"fa": "گزارش‌دهی کمیته‌ها", "en": "Reporting by committee"},
    "quarterly.sheet.sessions": {"fa": "جلسات فصل", "en": "Sessions"},
    "quarterly.sheet.weeks": {"fa": "گزارش‌های فصل", "en": "Reports of the quarter"},
    "quarterly.caption.resolutions": {"fa": "سهم هر واحد از مصوبات این فصل",
                                      "en": "Each unit's shares of this quarter's resolutions"},
    "quarterly.caption.compliance": {"fa": "ارسال گزارش هفتگی هر کمیته",
                                     "en": "Each committee's weekly reports"},
    "quarterly.caption.sessions": {"fa": "جلسات این فصل", "en": "This quarter's sessions"},
    "quarterly.col.made": {"fa": "سهم‌ها", "en": "Shares"},
    "quarterly.col.done": {"fa": "انجام‌شده", "en": "Done"},
    "quarterly.col.open": {"fa": "در جریان", "en": "Under way"},
    "quarterly.col.in_time": {"fa": "در مهلت", "en": "In time"},
    "quarterly.col.overdue": {"fa": "سررسید گذشته", "en": "Overdue"},
    "quarterly.col.weeks": {"fa": "هفته‌ها", "en": "Weeks"},
    "quarterly.col.on_time": {"fa": "به‌موقع", "en": "On time"},
    "quarterly.col.late": {"fa": "با تأخیر", "en": "Late"},
    "quarterly.col.missing": {"fa": "ارسال‌نشده", "en": "Missing"},
    "quarterly.col.status": {"fa": "وضعیت", "en": "Status"},
    "quarterly.col.week": {"fa": "هفته", "en": "Week"},
    "quarterly.session.planned": {"fa": "برنامه‌ریزی‌شده", "en": "Planned"},
    "quarterly.session.held": {"fa": "برگزارشده", "en": "Held"},
    "quarterly.session.cancelled": {"fa": "لغوشده", "en": "Cancelled"},
    "quarterly.chart.trend": {"fa": "روند ارسال گزارش‌های هفتگی در فصل",
                              "en": "Weekly reports over the quarter"},
    "quarterly.chart.completion": {"fa": "انجام مصوبات فصل به تفکیک واحد",
                                   "en": "Resolutions completed, by unit"},
    "quarterly.chart.units": {"fa": "تعداد واحدها", "en": "Units"},
    "quarterly.chart.shares": {"fa": "تعداد سهم‌ها", "en": "Shares"},
    "quarterly.letter": {
        "fa": "<b>گزارش فصل {quarter} سال {year}</b> — {status}\n\nمتن روکش:\n"
              "<blockquote>{letter}</blockquote>",
        "en": "<b>Report of quarter {quarter} of {year}</b> — {status}\n\nCover letter:\n"
              "<blockquote>{letter}</blockquote>"},
    "quarterly.status.draft": {"fa": "پیش‌نویس", "en": "draft"},
    "quarterly.status.awaiting": {"fa": "در انتظار تأیید رئیس دبیرخانه",
                                  "en": "awaiting the secretariat head's approval"},
    "quarterly.status.sent": {"fa": "تأیید و ارسال‌شده", "en": "approved and sent"},
    "quarterly.button.edit": {"fa": "✏️ ویرایش متن روکش", "en": "✏️ Edit the letter"},
    "quarterly.button.ask": {"fa": "📨 ارسال برای تأیید", "en": "📨 Ask for approval"},
    "quarterly.button.approve": {"fa": "✅ تأیید و ارسال", "en": "✅ Approve and send"},
    "quarterly.button.reject": {"fa": "↩️ بازگرداندن به دبیرخانه", "en": "↩️ Return it"},
    "quarterly.edit.prompt": {
        "fa": "متن تازه روکش را در یک پیام بفرستید (حداکثر {limit} نویسه). انصراف: /cancel",
        "en": "Send the new letter in one message (at most {limit} characters). /cancel "
              "to stop."},
    "quarterly.edit.empty": {"fa": "متن روکش خالی است؛ دوباره بفرستید.",
                             "en": "The letter is empty; send it again."},
    "quarterly.edit.too_long": {
        "fa": "متن روکش {length} نویسه است و حداکثر {limit} نویسه پذیرفته می‌شود؛ کوتاه‌تر "
              "بفرستید.",
        "en": "The letter has {length} characters; at most {limit} fit. Send a shorter one."},
    "quarterly.already_sent": {"fa": "این گزارش تأیید و ارسال شده است و دیگر ویرایش نمی‌شود.",
                               "en": "This report was approved and sent; it can no longer be "
                                     "edited."},
    "quarterly.stale": {"fa": "این نسخه گزارش دیگر در این مرحله نیست (ویرایش، تأیید یا "
                              "بازگردانده شده است).",
                        "en": "This version of the report is no longer at this step (edited, "
                              "approved or returned)."},
    "quarterly.bad_quarter": {"fa": "فصل را به شکل «/export quarter ۱۴۰۳ ۲» بنویسید: سال و "
                                    "فصل ۱ تا ۴.",
                              "en": "Name the quarter as “/export quarter 1403 2”: the year "
                                    "and a quarter 1 to 4."},
    "quarterly.ask.no_addressees": {
        "fa": "گیرنده‌ای برای گزارش فصلی تنظیم نشده است (MINA_QUARTERLY_REPORT_TO)؛ به راهبر "
              "سامانه بگویید.",
        "en": "No addressee is set for the quarterly report (MINA_QUARTERLY_REPORT_TO); ask "
              "the operator."},
    "quarterly.ask.no_head": {"fa": "رئیس دبیرخانه در سامانه ثبت نشده است تا گزارش را تأیید کند.",
                              "en": "No head of the secretariat is registered to approve it."},
    "quarterly.ask.caption": {"fa": "نسخه {version} برای تأیید", "en": "Version {version}, "
                                                                      "for approval"},
    "quarterly.ask.sent": {"fa": "برای تأیید نزد رئیس دبیرخانه ({names}) فرستاده شد.",
                           "en": "Sent for approval to the secretariat's head ({names})."},
    "quarterly.approval.request": {
        "fa": "گزارش فصل {quarter} سال {year} برای تأیید شما؛ فرستنده: {name}",
        "en": "The report of quarter {quarter} of {year}, for your approval; from {name}"},
    "quarterly.approval.decide": {"fa": "گزارش فصلی بالا را تأیید می‌کنید؟",
                                  "en": "Do you approve the quarterly report above?"},
    "quarterly.approval.not_head": {"fa": "تنها رئیس دبیرخانه گزارش فصلی را تأیید می‌کند.",
                                    "en": "Only the secretariat's head approves the quarterly "
                                          "report."},
    "quarterly.approval.done": {"fa": "تأیید شد و برای {count} گیرنده فرستاده می‌شود.",
                                "en": "Approved; it goes to {count} addressees."},
    "quarterly.approval.returned": {"fa": "به دبیرخانه بازگردانده شد.",
                                    "en": "Returned to the secretariat."},
    "quarterly.notify.approved": {
        "fa": "گزارش فصل {quarter} سال {year} را {name} تأیید کرد و برای {count} گیرنده "
              "فرستاده می‌شود.",
        "en": "{name} approved the report of quarter {quarter} of {year}; it goes to {count} "
              "addressees."},
    "quarterly.notify.rejected": {
        "fa": "{name} گزارش فصل {quarter} سال {year} را بازگرداند؛ با /export quarter آن را "
              "ویرایش و دوباره بفرستید.",
        "en": "{name} returned the report of quarter {quarter} of {year}; edit it and ask "
              "again with /export quarter."},
    "quarterly.delivery.caption": {
        "fa": "گزارش فصل {quarter} سال {year} شورای هماهنگی سرشماری، با روکش دبیرخانه",
        "en": "The census coordination council's report, quarter {quarter} of {year}, with "
              "the secretariat's letter"},
}

TEXTS.update({
    "pack.button.read": {"fa": "خواندم", "en": "I have read it"},
    "pack.button.who": {"fa": "چه کسانی خوانده‌اند", "en": "Who has read it"},
    "pack.push.caption": {"fa": "بسته جلسه {number} شورای هماهنگی برای مطالعه پیش از جلسه",
                          "en": "The council's session {number} pack, to read before it"},
    "pack.push.ask": {"fa": "پس از مطالعه بسته جلسه {number}، «خواندم» را بزنید.",
                      "en": "Once you have read the session {number} pack, press the button."},
    "pack.push.copy": {"fa": "بسته جلسه {number} برای همه اعضای شورا فرستاده شد.",
                       "en": "The session {number} pack went to every council member."},
    "pack.read.thanks": {"fa": "ثبت شد؛ سپاس.", "en": "Noted, thank you."},
    "pack.read.not_yours": {"fa": "این بسته برای شما فرستاده نشده است.",
                            "en": "This pack was not sent to you."},
    "pack.nudge": {"fa": "جلسه {number} امروز است و بسته آن هنوز خوانده نشده؛ پیش از جلسه آن "
                         "را بخوانید.",
                   "en": "Session {number} is today and you have not read its pack yet."},
    "pack.readers.none": {"fa": "بسته این جلسه هنوز برای اعضا فرستاده نشده است.",
                          "en": "This session's pack has not been sent to the members yet."},
    "pack.readers.head": {"fa": "<b>{read} نفر از {total} نفر بسته را خوانده‌اند</b>",
                          "en": "<b>{read} of {total} have read the pack</b>"},
    "pack.readers.read": {"fa": "✅ {name} — {when}", "en": "✅ {name} — {when}"},
    "pack.readers.unread": {"fa": "⏳ {name}", "en": "⏳ {name}"},
})
