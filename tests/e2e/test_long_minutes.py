"""End to end: long minutes as a Word file or pasted in pieces, a paged preview, all 60 saved."""

from __future__ import annotations

import re

from mina_bot.conversations import flow_key
from storage.repositories import conversations
from storage.repositories import resolutions as resolutions_repo
from storage.repositories import units as units_repo
from tests.fixtures.buttons import button, labels, rows_of
from tests.fixtures.minutes import (
    INFRA_SECRETARY,
    SECRETARIAT,
    long_docx,
    long_text_pieces,
    paste,
    saved,
)

SUBJECT = re.compile(r"مصوبه شماره (\d+) درباره")


def pieces_kept(bot) -> list[str] | None:
    """The pieces the secretariat's /import holds so far (None: no import under way)."""
    with bot.runtime.session() as session:
        row = conversations.get_state(session, key=flow_key("import", SECRETARIAT, SECRETARIAT))
        return None if row is None else list(row.state.get("pieces", ()))


def within_limits(message: dict) -> None:
    """A message Telegram accepts: text under 4,096, at most 100 buttons, 8 to a row."""
    assert len(message["text"]) < 4096
    assert len(labels(message)) <= 100 and all(len(row) <= 8 for row in rows_of(message))


async def every_page(bot, preview: dict) -> set[int]:
    """Press every page button the preview offers (again on each page reached): the
    resolutions seen on all pages; each page is checked against Telegram's limits."""
    seen, pages, todo = set(), set(), [preview]
    while todo:
        page = todo.pop()
        within_limits(page)
        seen |= {int(n) for n in SUBJECT.findall(page["text"])}
        for row in rows_of(page):
            for b in row:
                if b["callback_data"].startswith("imp:page:") and b["callback_data"] not in pages:
                    pages.add(b["callback_data"])
                    await bot.press(SECRETARIAT, page, b["callback_data"])
                    [now] = [m for m in await bot.client.transcript(SECRETARIAT)
                             if m["message_id"] == page["message_id"]]
                    todo.append(now)
    assert len(pages) >= 2, "a 60-resolution preview is paged"
    return seen


async def save_all(bot, preview: dict) -> None:
    assert "۶۰ مصوبه خوانده شد" in preview["text"]
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "ثبت ۶۰ مصوبه"), replies=1)
    assert "۶۰ مصوبه تازه" in done["text"]
    assert len(saved(bot)) == 60


async def test_a_sixty_resolution_word_file_pages_through_all_and_saves_all(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    sent = await bot.client.send_document(SECRETARIAT, "long.docx", long_docx(),
                                          "application/octet-stream")
    [preview] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"],
                                                       timeout=30)
    assert "۵ خط کنار گذاشته شد" in preview["text"]
    assert await every_page(bot, preview) == set(range(1, 61))
    transcript = "\n".join(m["text"] for m in await bot.client.transcript(SECRETARIAT)
                           if m.get("text"))
    assert "پانویس صفحه" in transcript and "سطر عنوان تکراری" in transcript
    await save_all(bot, preview)


async def test_the_same_minutes_pasted_in_three_messages_survive_a_restart(org_bot):
    bot = org_bot
    [ask] = await bot.say(SECRETARIAT, "/import 1400/01/30")
    assert "«پایان متن»" in ask["text"]
    first, second, third = long_text_pieces()
    [ack] = await bot.say(SECRETARIAT, first)
    assert "بخش ۱ دریافت شد — ۲۳ خط" in ack["text"] and labels(ack) == ["پایان متن"]
    [ack] = await bot.say(SECRETARIAT, second)
    assert "بخش ۲ دریافت شد" in ack["text"]
    await bot.restart()
    assert pieces_kept(bot) == [first, second]
    preview = await paste(bot, SECRETARIAT, third)
    assert await every_page(bot, preview) == set(range(1, 61))
    await save_all(bot, preview)


async def test_another_member_s_text_mid_paste_changes_nothing(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    first = long_text_pieces()[0]
    await bot.say(SECRETARIAT, first)
    [answer] = await bot.say(INFRA_SECRETARY, long_text_pieces()[1])
    assert "دریافت شد" not in answer["text"]
    assert pieces_kept(bot) == [first]


async def test_cancel_mid_paste_drops_the_pieces(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    [ack] = await bot.say(SECRETARIAT, long_text_pieces()[0])
    await bot.say(SECRETARIAT, "/cancel")
    assert pieces_kept(bot) is None
    answer = await bot.answer_to(SECRETARIAT, ack, "پایان متن")  # a stale button now
    assert "دریافت شد" not in (answer.get("text") or "") and saved(bot) == []
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    [ack] = await bot.say(SECRETARIAT, long_text_pieces()[0])
    assert "بخش ۱ دریافت شد" in ack["text"]


MAP = "بازه زمانی\tمتولی\tموضوع\n-\tدفتر نقشه\t۱) تهیه نقشه\n-\tدفتر نقشه\t۲) نقشه دوم\n"


async def test_an_unknown_name_may_be_several_units_and_is_then_no_alias(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await paste(bot, SECRETARIAT, MAP)
    assert "«دفتر نقشه» را نمی‌شناسم" in preview["text"]
    for unit in ("معاونت اقتصادی", "پژوهشکده آمار"):
        await bot.press(SECRETARIAT, preview, button(preview, unit))
        [preview] = [m for m in await bot.client.transcript(SECRETARIAT)
                     if m["message_id"] == preview["message_id"]]
    assert "✔️ همین‌ها (۲ واحد)" in labels(preview)
    [asked] = await bot.press(SECRETARIAT, preview, button(preview, "همین‌ها"), replies=1)
    assert "ثبت ۲ مصوبه" in labels(asked)[0]
    await bot.press(SECRETARIAT, asked, button(asked, "ثبت ۲ مصوبه"), replies=1)
    with bot.runtime.session() as session:
        for key in ("economic-deputy", "research-institute"):
            unit = units_repo.get_by_key(session, key=key)
            assert "دفتر نقشه" not in unit.aliases
        keys = [{u.key for u in resolutions_repo.units_of(session, resolution_id=r.id)}
                for r, _ in resolutions_repo.search(session)]
    assert keys == [{"economic-deputy", "research-institute"}] * 2


async def test_an_unknown_name_may_be_ignored(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await paste(bot, SECRETARIAT, MAP.replace("دفتر نقشه", "دفتر نقشه / دبیرخانه"))
    [asked] = await bot.press(SECRETARIAT, preview, button(preview, "نادیده بگیر"), replies=1)
    assert "نمی‌شناسم" not in asked["text"] and "دفتر نقشه" not in asked["text"]
    await bot.press(SECRETARIAT, asked, button(asked, "ثبت ۲ مصوبه"), replies=1)
    assert len(saved(bot)) == 2
