"""End to end: the secretariat opens a resubmitted report and reads its first version."""

from __future__ import annotations

from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world
from tests.fixtures.buttons import button
from tests.storage.test_report_versions import resubmitted

SECRETARIAT_SECRETARY = 1002


async def test_an_earlier_version_opens_in_full(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    await bot.client.ensure_user(SECRETARIAT_SECRETARY)  # the chat the copies go to exists
    with bot.runtime.session() as session:
        resubmitted(session, seed_reports_world(session))
    copies = await bot.client.wait_for_bot_messages(SECRETARIAT_SECRETARY, 2, timeout=30)
    [copy] = [m for m in copies if "تغییرات نسخه ۲ نسبت به نسخه ۱" in m["text"]]
    assert "کار انجام شد" not in copy["text"]  # what changed, not the report again
    [opened] = await bot.press(SECRETARIAT_SECRETARY, copy, button(copy, "مشاهده گزارش"),
                               replies=1)
    assert "تازه" in opened["text"] and "کار انجام شد" not in opened["text"]  # the latest
    [first] = await bot.press(SECRETARIAT_SECRETARY, opened, button(opened, "نسخه ۱"),
                              replies=1)
    assert "نسخه ۱ از ۲ (رسید R-1400-0001)" in first["text"]
    assert "کار انجام شد" in first["text"] and "تازه" not in first["text"]
    files = button(first, "پیوست")  # that version's own files (its ids are made up here)
    assert files.startswith("rpt:vfiles:") and files.endswith(":1")
    [other] = await bot.say(1005, "/reports")  # another unit's secretary forges the press
    query = await bot.client.press_button(1005, other["message_id"], files)
    assert "اجازه" in (await bot.client.wait_for_answer(query))["text"]
