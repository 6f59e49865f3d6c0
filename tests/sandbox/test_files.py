"""Documents and photos: multipart uploads, re-sending by file_id, getFile and downloads."""

from __future__ import annotations

import struct
import zlib

import pytest
from telegram import Bot
from telegram.error import BadRequest

from sandbox.client import SandboxClient

USER = 1001


def tiny_png(width: int = 3, height: int = 2) -> bytes:
    """A valid PNG of the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


async def test_bot_document_round_trip(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.ensure_user(USER)
    content = "گزارش سرشماری\n".encode() * 100
    sent = await sandbox_bot.send_document(
        USER, content, filename="report.csv", caption="<b>weekly</b>", parse_mode="HTML"
    )
    document = sent.document
    assert (document.file_name, document.mime_type, document.file_size) == (
        "report.csv",
        "text/csv",
        len(content),
    )
    assert sent.caption == "weekly" and sent.caption_entities[0].type == "bold"
    assert await sandbox_client.download(document.file_id) == content
    telegram_file = await sandbox_bot.get_file(document.file_id)
    assert bytes(await telegram_file.download_as_bytearray()) == content
    again = await sandbox_bot.send_document(USER, document.file_id)
    assert again.document.file_id == document.file_id
    [first, second] = await sandbox_client.transcript(USER)
    assert first["document"]["file_name"] == "report.csv" and first["caption"] == "weekly"
    assert second["document"]["file_id"] == document.file_id


async def test_user_document_reaches_the_bot(
    sandbox_bot: Bot, sandbox_client: SandboxClient
) -> None:
    message = await sandbox_client.send_document(
        USER, "minutes.txt", b"jalase 12", "text/plain", caption="صورتجلسه"
    )
    [update] = await sandbox_bot.get_updates()
    document = update.message.document
    assert document.file_id == message["document"]["file_id"]
    assert update.message.caption == "صورتجلسه"
    telegram_file = await document.get_file()
    assert bytes(await telegram_file.download_as_bytearray()) == b"jalase 12"


async def test_photos(sandbox_bot: Bot, sandbox_client: SandboxClient) -> None:
    await sandbox_client.ensure_user(USER)
    sent = await sandbox_bot.send_photo(USER, tiny_png(3, 2), caption="chart")
    assert (sent.photo[-1].width, sent.photo[-1].height) == (3, 2)
    with pytest.raises(BadRequest, match=r"(?i)image_process_failed"):
        await sandbox_bot.send_photo(USER, b"not an image")
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await sandbox_bot.send_photo(USER, "no-such-file-id")
    await sandbox_client.send_photo(USER, tiny_png(5, 4), caption="from user")
    [update] = await sandbox_bot.get_updates()
    assert update.message.photo[-1].width == 5
    [bot_photo, user_photo] = await sandbox_client.transcript(USER)
    assert bot_photo["photo"]["file_id"] == sent.photo[-1].file_id
    assert user_photo["caption"] == "from user"
