"""End to end: a photo a committee sent with its report is fetched and embedded in the PDF pack;
one Telegram no longer has stays listed by name."""

from __future__ import annotations

import asyncio
import io

from PIL import Image
from pypdf import PdfReader

from mina_bot.identity import load_actor
from mina_bot.reports import drafts, submission
from mina_bot.settings import Settings
from tests.e2e.reports_world import SATURDAY_MORNING, seed_reports_world

INFRA_SECRETARY, SECRETARIAT_SECRETARY, STRANGER = 1003, 1002, 5555


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 160), (200, 30, 30)).save(buffer, format="JPEG")
    return buffer.getvalue()


async def test_a_reports_photo_is_embedded_in_the_pack(sample_organisation, bot):
    bot.clock.set(SATURDAY_MORNING)
    sent = await bot.client.send_photo(STRANGER, jpeg())
    file_id = sent["photo"][-1]["file_id"]
    with bot.runtime.session() as session:
        ids = seed_reports_world(session)
        settings = Settings(_env_file=None)
        secretary = load_actor(session, telegram_id=INFRA_SECRETARY, admin_ids=())
        report, _ = drafts.open_draft(session, actor=secretary, unit_id=ids["infra"],
                                      now=SATURDAY_MORNING, settings=settings)
        drafts.answer_text(session, report=report, text="نصب سرورها")
        while report.current_step != "files":
            drafts.skip(session, report=report)
        for fid, unique in ((file_id, "photo-1"), ("gone-file-id", "photo-2")):
            drafts.add_file(session, report=report, actor=secretary, settings=settings,
                            now=SATURDAY_MORNING, file=drafts.IncomingFile.photo(fid, unique, 9))
        submission.submit(session, report_id=report.id, actor=secretary, now=SATURDAY_MORNING,
                          settings=settings)
        session.commit()
    sent = await bot.client.send_text(SECRETARIAT_SECRETARY, "/export")
    pdf_msg = None
    for _ in range(240):  # the copy of the report may come before or after the documents
        pdf_msg = next((m for m in await bot.client.bot_messages(
            SECRETARIAT_SECRETARY, since=sent["message_id"])
            if (m.get("document") or {}).get("file_name", "").endswith(".pdf")), None)
        if pdf_msg:
            break
        await asyncio.sleep(0.25)
    reader = PdfReader(io.BytesIO(await bot.client.download(pdf_msg["document"]["file_id"])))
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1  # the one fetched; the gone one is only listed
    assert images[0].image.size == (320, 160)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("عکس") >= 3  # two in the files table, one over the image
