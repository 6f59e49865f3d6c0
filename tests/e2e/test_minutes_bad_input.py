"""End to end: malformed minutes, unknown units, forged buttons, interruptions."""

from __future__ import annotations

from storage.repositories import resolutions as resolutions_repo
from storage.repositories import shares as shares_repo
from storage.repositories import units as units_repo
from tests.fixtures.buttons import button, labels
from tests.fixtures.minutes import (
    INFRA_MEMBER,
    INFRA_SECRETARY,
    SECRETARIAT,
    import_seed,
    notice,
    paste,
    saved,
)

HEADER = "مصوبات:\n\nبازه زمانی\tمتولی\tموضوع\n"
ROW = "یک هفته\tکمیته زیرساخت\t۱) گزارش پایلوت گیلان\n"


async def send_minutes(bot, source: str) -> dict:
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    return await paste(bot, SECRETARIAT, source)


async def test_malformed_minutes_get_precise_persian_answers_and_save_nothing(org_bot):
    bot = org_bot
    answer = await send_minutes(bot, "صورت‌جلسه بدون جدول\nفقط متن")
    assert "جدول مصوبات را در صورت‌جلسه پیدا نکردم" in answer["text"]
    answer = await paste(bot, SECRETARIAT, HEADER + ROW + "\nدو هفته\t۲) بدون متولی\n")
    assert "ردیف ۲ جدول مصوبات (خط ۶) ۲ ستون دارد" in answer["text"]
    answer = await paste(bot, SECRETARIAT, HEADER + ROW + "۱۴۰۰/۱۲/۳۰\tدبیرخانه\t۲) گزارش\n")
    assert "تاریخ «۱۴۰۰/۱۲/۳۰» در ردیف ۲ (خط ۵) در تقویم وجود ندارد" in answer["text"]
    assert "صورت‌جلسه اصلاح‌شده را بفرستید" in answer["text"]
    [bye] = await bot.say(SECRETARIAT, "/cancel")
    assert "لغو شد" in bye["text"]
    assert saved(bot) == []


async def test_an_unknown_unit_is_asked_about_and_nothing_is_saved_until_confirmed(org_bot):
    bot = org_bot
    preview = await send_minutes(bot, HEADER + ROW + "-\tدفتر نقشه / دبیرخانه\t۲) تهیه نقشه\n")
    assert "«دفتر نقشه» را نمی‌شناسم" in preview["text"]
    assert "متولی ناشناخته: «دفتر نقشه»" in preview["text"]
    assert saved(bot) == []
    await bot.press(SECRETARIAT, preview, button(preview, "معاونت اقتصادی"))
    ticked = await bot.client.wait_for_edit(SECRETARIAT, preview["message_id"])
    assert "✅ معاونت اقتصادی" in labels(ticked) and saved(bot) == []
    [asked] = await bot.press(SECRETARIAT, ticked, button(ticked, "همین‌ها"), replies=1)
    assert "هنوز چیزی ذخیره نشده است" in asked["text"] and saved(bot) == []
    await bot.press(SECRETARIAT, asked, button(asked, "✅ ثبت"), replies=1)
    assert len(saved(bot)) == 2
    with bot.runtime.session() as session:
        deputy = units_repo.get_by_key(session, key="economic-deputy")
        assert "دفتر نقشه" in deputy.aliases
        second = next(r for r, _ in resolutions_repo.search(session) if r.number == 2)
        keys = {u.key for u in resolutions_repo.units_of(session, resolution_id=second.id)}
    assert keys == {"economic-deputy", "secretariat"}


async def test_a_new_unit_can_be_created_or_the_import_discarded(org_bot):
    bot = org_bot
    preview = await send_minutes(bot, HEADER + "-\tدفتر نقشه\t۱) تهیه نقشه\n")
    [asked] = await bot.press(SECRETARIAT, preview, button(preview, "واحد تازه"), replies=1)
    assert "دفتر نقشه" in asked["text"] and "متولی ناشناخته" not in asked["text"]
    [gone] = await bot.press(SECRETARIAT, asked, button(asked, "انصراف"), replies=1)
    assert "چیزی ذخیره نشد" in gone["text"]
    assert saved(bot) == []
    with bot.runtime.session() as session:
        assert units_repo.get_by_key(session, key="unit-10") is None
    query = await bot.client.press_button(SECRETARIAT, asked["message_id"],
                                          button(asked, "✅ ثبت"))
    said = await bot.client.wait_for_answer(query)
    assert "دوباره /import بزنید" in said["text"] and saved(bot) == []


async def test_forged_buttons_from_the_wrong_role_are_refused(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    # Another user presses the secretariat's «save» button (same message, other account).
    query = await bot.client.press_button(INFRA_SECRETARY, preview["message_id"],
                                          button(preview, "✅ ثبت"), chat_id=SECRETARIAT)
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
    assert saved(bot) == []
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [owe] = await bot.say(INFRA_SECRETARY, "/owe")
    # A plain member of the unit presses the secretary's «report done» button.
    query = await bot.client.press_button(INFRA_MEMBER, owe["message_id"],
                                          button(owe, "گزارش انجام ۸"), chat_id=INFRA_SECRETARY)
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
    await bot.press(INFRA_SECRETARY, owe, button(owe, "گزارش انجام ۸"), replies=1)
    await bot.say(INFRA_SECRETARY, "انجام شد")
    await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۸")
    [staff] = await bot.say(SECRETARIAT, "/owe")
    # The secretary tries the secretariat's «confirm».
    query = await bot.client.press_button(INFRA_SECRETARY, staff["message_id"],
                                          button(staff, "تأیید ۸"), chat_id=SECRETARIAT)
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
    [rid] = [r.id for r, _ in _search(bot) if r.number == 8]
    with bot.runtime.session() as session:  # infrastructure's share, reported, not confirmed
        assert {u.key: str(s.state) for s, u in shares_repo.shares_of(
            session, resolution_id=rid)} == {"infrastructure": "reported_done", "it": "open"}


def _search(bot):
    with bot.runtime.session() as session:
        return list(resolutions_repo.search(session))


async def test_a_message_mid_conversation_and_a_send_back(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import")
    [owe] = await bot.say(SECRETARIAT, "/owe")  # a command in the middle is answered
    assert "کارهای بر عهده شما" in owe["text"]
    sent = await bot.client.send_document(SECRETARIAT, "minutes.txt",
                                          (HEADER + ROW).encode(), "text/plain")
    [ask] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"])
    assert "مربوط به جلسه چه تاریخی" in ask["text"]
    [wrong] = await bot.say(SECRETARIAT, "۱۴۰۰/۱۲/۳۰")
    assert "تاریخ جلسه «۱۴۰۰/۱۲/۳۰» را نفهمیدم" in wrong["text"]
    [preview] = await bot.say(SECRETARIAT, "۱۴۰۰/۰۱/۳۰")
    await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    [mine] = await bot.say(INFRA_SECRETARY, "بدهی‌های من")
    await bot.press(INFRA_SECRETARY, mine, button(mine, "گزارش انجام ۱"), replies=1)
    await bot.say(INFRA_SECRETARY, "گزارش فرستاده شد")
    await notice(bot, SECRETARIAT, "انجام سهم خود از مصوبه ۱")
    [staff] = await bot.say(SECRETARIAT, "/owe")
    [why] = await bot.press(SECRETARIAT, staff, button(staff, "برگرداندن ۱"), replies=1)
    assert "چرا گزارش کمیته زیرساخت و تبادل داده برای مصوبه ۱" in why["text"]
    [back] = await bot.say(SECRETARIAT, "مستندات پیوست نشده")
    assert "برگشت داده شد: «مستندات پیوست نشده»" in back["text"]
    [again] = await bot.say(INFRA_SECRETARY, "کارهای من")
    assert "مصوبه ۱ (جلسه" in again["text"] and "منتظر تأیید" not in again["text"]


async def test_unknown_phrases_still_get_the_polite_answer(org_bot):
    [answer] = await org_bot.say(INFRA_SECRETARY, "سلام")
    assert "متوجه نشدم" in answer["text"]


async def test_the_preview_survives_a_restart(org_bot):
    bot = org_bot
    preview = await import_seed(bot)
    await bot.restart()
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "✅ ثبت"), replies=1)
    assert "۱۴ مصوبه تازه" in done["text"] and len(saved(bot)) == 14


async def test_a_file_of_the_wrong_kind_is_explained(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    sent = await bot.client.send_document(SECRETARIAT, "minutes.odt", b"PK",
                                          "application/vnd.oasis.opendocument.text")
    [answer] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"])
    assert "فقط فایل‌های" in answer["text"] and "minutes.odt" in answer["text"]
    sent = await bot.client.send_document(SECRETARIAT, "minutes.pdf", b"%PDF-1.4",
                                          "application/pdf")
    [answer] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"])
    assert "فایل «minutes.pdf» را نتوانستم بخوانم" in answer["text"]
    ask = await paste(bot, SECRETARIAT, "بازه زمانی\tمتولی\tموضوع\n-\tدبیرخانه\t۱) کار")
    assert "۱ مصوبه" in ask["text"]
