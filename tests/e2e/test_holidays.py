"""End to end, /holidays: the secretariat lists the coming holidays, adds a closure (a day or a
range, Persian or Latin digits), removes it, makes a built-in holiday a working day and undoes
it; malformed and past dates, strangers, other members and forged buttons are refused."""

from __future__ import annotations

import datetime as dt

from sqlmodel import select

from mina_bot.official_calendar import days_off
from storage.models import Holiday, HolidayKind
from tests.fixtures.buttons import button, labels

SECRETARIAT, INFRA_SECRETARY, STRANGER = 1002, 1003, 4242
REFUSED = "شما اجازهٔ این کار را ندارید."
STALE = "این دکمه دیگر معتبر نیست"
KHORDAD_14 = dt.date(2021, 6, 4)  # 1400/03/14: the death of Imam Khomeini (a Friday that year)
KHORDAD_15 = dt.date(2021, 6, 5)  # 1400/03/15


def _rows(bot) -> list[tuple]:
    with bot.runtime.session() as session:
        return [(r.date, r.name, r.kind) for r in session.exec(select(Holiday)
                                                                .order_by(Holiday.date))]


async def _edited(bot, message: dict, words: str, edits: int = 1) -> dict:
    return await bot.client.wait_for_edit(SECRETARIAT, message["message_id"], edits=edits,
                                          contains=words)


async def test_the_secretariat_adds_removes_and_works_holidays(org_bot):
    bot = org_bot
    [listed] = await bot.say(SECRETARIAT, "/holidays")
    assert "تعطیلات یک سال آینده" in listed["text"] and "رحلت حضرت امام خمینی" in listed["text"]
    assert "۱۴ خرداد ۱۴۰۰" in listed["text"] and "➕ تعطیلی تازه ستاد" in labels(listed)
    assert len(listed["text"]) < 4096 and len(labels(listed)) <= 100

    [ask] = await bot.press(SECRETARIAT, listed, button(listed, "تعطیلی تازه"), replies=1)
    assert "تاریخ | نام" in ask["text"]
    for typed, answer in (("۱۴۰۰/۰۲/۱۰", "این شکل را نمی‌شناسم"),
                          ("۱۴۰۰/۱۳/۰۱ | بد", "«۱۴۰۰/۱۳/۰۱» تاریخ درستی نیست"),
                          ("1400/12/30 | no such day", "تاریخ درستی نیست"),
                          ("۱۴۰۰/۰۱/۲۰ | گذشته", "این روز گذشته است"),
                          ("۱۴۰۰/۰۲/۱۲ تا ۱۴۰۰/۰۲/۱۰ | وارونه", "پیش از روز آغاز"),
                          ("۱۴۰۰/۰۲/۱۰ تا ۱۴۰۰/۰۴/۱۰ | بلند", "حداکثر ۳۱ روز"),
                          ("۱۴۰۰/۰۲/۱۰ | " + "ن" * 200, "حداکثر ۸۰ حرف")):
        [refusal] = await bot.say(SECRETARIAT, typed)
        assert answer in refusal["text"], typed
    assert _rows(bot) == []

    await bot.restart()  # the step survives a restart
    [added] = await bot.say(SECRETARIAT, "1400/2/10 تا ۱۴۰۰/۰۲/۱۱ | تعطیلی <ستاد>")
    assert "تعطیلی «تعطیلی <ستاد>» ثبت شد: ۱۰ اردیبهشت ۱۴۰۰ تا ۱۱ اردیبهشت ۱۴۰۰" \
        in added["text"]
    assert "🏢" in added["text"]
    closed = [dt.date(2021, 4, 30), dt.date(2021, 5, 1)]
    assert _rows(bot) == [(d, "تعطیلی <ستاد>", HolidayKind.CLOSURE) for d in closed]
    with bot.runtime.session() as session:
        assert set(closed) <= set(days_off(session, closed[0], closed[-1]))

    # 💼 on 14 Khordad: a working day; ↩️: a holiday again.
    assert "💼 ۱۴۰۰/۰۳/۱۴" in labels(added)
    await bot.press(SECRETARIAT, added, button(added, "💼 ۱۴۰۰/۰۳/۱۴"))
    page = await _edited(bot, added, "روز کاری شد")
    assert "💼 <b>روز کاری</b>" in page["text"] or "روز کاری" in page["text"]
    assert _rows(bot)[-1] == (KHORDAD_14, "رحلت حضرت امام خمینی", HolidayKind.WORKING)
    with bot.runtime.session() as session:
        assert KHORDAD_14 not in days_off(session, KHORDAD_14, KHORDAD_15)
        assert KHORDAD_15 in days_off(session, KHORDAD_14, KHORDAD_15)
    await bot.press(SECRETARIAT, page, button(page, "↩️ ۱۴۰۰/۰۳/۱۴"))
    await _edited(bot, added, "دوباره تعطیل است", edits=2)
    assert len(_rows(bot)) == 2

    [listed] = await bot.say(SECRETARIAT, "/holidays")
    removal = button(listed, "🗑 ۱۴۰۰/۰۲/۱۰")
    await bot.press(SECRETARIAT, listed, removal)
    page = await _edited(bot, listed, "برداشته شد")
    assert _rows(bot) == [] and not any("🗑" in b for b in labels(page))
    query = await bot.client.press_button(SECRETARIAT, listed["message_id"], removal)
    answer = await bot.client.wait_for_answer(query)  # pressed again on an older screen
    assert "دیگر در فهرست نیست" in answer["text"]


async def test_strangers_members_and_forged_buttons_are_refused(org_bot):
    bot = org_bot
    await bot.client.ensure_user(STRANGER)
    [answer] = await bot.say(STRANGER, "/holidays")
    assert "تعطیلات" not in answer["text"]
    [answer] = await bot.say(INFRA_SECRETARY, "/holidays")
    assert answer["text"] == REFUSED
    [listed] = await bot.say(SECRETARIAT, "/holidays")
    for user in (INFRA_SECRETARY, STRANGER):
        for data in ("hol:add", f"hol:wk:{KHORDAD_14.toordinal()}", "hol:pg:1"):
            query = await bot.client.press_button(user, listed["message_id"], data)
            answer = await bot.client.wait_for_answer(query)
            assert answer["text"] != "" and "تعطیلات" not in answer["text"], (user, data)
    for data in ("hol:wk:99999999999", "hol:wk:abc", "hol:wk:-5", "hol:rm",
                 f"hol:wk:{dt.date(2021, 5, 3).toordinal()}",  # no holiday that day
                 f"hol:rm:{dt.date(2021, 5, 3).toordinal()}",  # no closure that day
                 f"hol:wk:{dt.date(2021, 3, 21).toordinal()}"):  # Nowruz has passed
        query = await bot.client.press_button(SECRETARIAT, listed["message_id"], data)
        answer = await bot.client.wait_for_answer(query)
        assert answer["show_alert"] and answer["text"], data
    assert _rows(bot) == []
