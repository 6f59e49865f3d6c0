"""End to end: minutes sent as a PDF are read from its text layer, or refused plainly."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.fixtures.buttons import button
from tests.fixtures.minutes import SECRETARIAT, saved

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "minutes"))
import make_pdf


async def send_pdf(bot, data: bytes, name: str = "minutes.pdf") -> dict:
    sent = await bot.client.send_document(SECRETARIAT, name, data, "application/pdf")
    [answer] = await bot.client.wait_for_bot_messages(SECRETARIAT, 1, since=sent["message_id"],
                                                      timeout=30)
    return answer


async def test_a_pdf_with_a_text_layer_is_previewed_and_saved(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    preview = await send_pdf(bot, make_pdf.text_layer())
    assert "۴ مصوبه خوانده شد" in preview["text"] and "پانویس صفحه" in preview["text"]
    [done] = await bot.press(SECRETARIAT, preview, button(preview, "ثبت ۴ مصوبه"), replies=1)
    assert "۴ مصوبه تازه" in done["text"]
    assert sorted(r.number for r, _ in saved(bot)) == [1, 2, 3, 4]


async def test_a_scanned_or_backwards_or_broken_pdf_is_refused_and_the_import_goes_on(org_bot):
    bot = org_bot
    await bot.say(SECRETARIAT, "/import 1400/01/30")
    scan = await send_pdf(bot, make_pdf.scanned(), "scan.pdf")
    assert "«scan.pdf» متنی ندارد" in scan["text"]
    assert "فایل Word (‎.docx) همین صورت‌جلسه را بفرستید" in scan["text"]
    backwards = await send_pdf(bot, make_pdf.backwards(), "old.pdf")
    assert "«old.pdf» به ترتیب درست بیرون نمی‌آید" in backwards["text"]
    broken = await send_pdf(bot, make_pdf.text_layer()[:3000], "cut.pdf")
    assert "«cut.pdf» را نتوانستم بخوانم" in broken["text"]
    assert saved(bot) == []
    preview = await send_pdf(bot, make_pdf.text_layer())
    assert "۴ مصوبه خوانده شد" in preview["text"]
