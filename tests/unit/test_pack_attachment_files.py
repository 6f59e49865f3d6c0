"""Hostile attachments are refused by the worker's reading, not by a crash; zip paths stay in
their folder; a bundle past its limit is refused with its size."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import EncodedStreamObject, NameObject

from mina_bot.errors import MinaError
from mina_bot.export.attached import vet
from mina_bot.export.bundle import NAME_BYTES, paths, render_bundle, safe_name
from mina_bot.export.dto import IMAGE, PDF, Attached, NotAttached, Pack, Section


def fpdf_pages(pages: int) -> bytes:
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
    return bytes(pdf.output())


def written(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def content_bomb() -> bytes:
    """A one-page PDF whose content stream inflates from ~200 KB to 200 MB."""
    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    stream = EncodedStreamObject()
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    stream._data = zlib.compress(b" " * (200 * 1024 * 1024), 9)  # set_data would deflate it
    page[NameObject("/Contents")] = writer._add_object(stream)
    return written(writer)


def encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(100, 100)
    writer.encrypt("secret", algorithm="RC4-128")
    return written(writer)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG header claiming a size its few bytes could never hold."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0"))


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 32), (0, 90, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


@pytest.mark.parametrize(("kind", "build", "reason"), [
    (PDF, lambda: fpdf_pages(3), None),
    (PDF, lambda: b"%PDF-1.7\n1 0 obj<</Kids[2 0 R]>>\n%%EOF garbage", NotAttached.DAMAGED),
    (PDF, lambda: b"", NotAttached.DAMAGED),
    (PDF, encrypted, NotAttached.ENCRYPTED),
    (PDF, content_bomb, NotAttached.DAMAGED),
    (PDF, lambda: fpdf_pages(301), NotAttached.TOO_MANY_PAGES),
    (IMAGE, jpeg, None),
    (IMAGE, lambda: jpeg()[:300], NotAttached.DAMAGED),
    (IMAGE, lambda: png_claiming(100_000, 100_000), NotAttached.TOO_HEAVY),
    (IMAGE, lambda: b"not an image", NotAttached.DAMAGED),
], ids=["pdf", "broken", "empty", "encrypted", "bomb", "too-many-pages", "jpeg", "truncated",
        "huge-png", "not-an-image"])
def test_a_file_is_read_before_it_goes_in_and_a_hostile_one_is_refused(kind, build, reason):
    assert vet(kind, build()) == reason


@pytest.mark.parametrize(("name", "safe"), [
    ("../../etc/passwd", "_._etc_passwd"),
    ("/etc/passwd", "_etc_passwd"),
    ("..\\..\\windows\\system.ini", "_._windows_system.ini"),
    ("..", "file"),
    ("", "file"),
    ("گزارش پایلوت گیلان.pdf", "گزارش پایلوت گیلان.pdf"),
    ("CON.txt", "_CON.txt"),
    ("a\u202egpj.exe", "a_gpj.exe"),  # a right-to-left override hiding the real extension
    ("line\nbreak.pdf", "line_break.pdf"),
])
def test_a_zip_name_stays_in_its_folder_and_keeps_persian_letters(name, safe):
    assert safe_name(name) == safe


def test_a_long_persian_name_is_cut_by_whole_letters_and_keeps_its_extension():
    cut = safe_name("گزارش " * 60 + ".docx")
    assert cut.endswith(".docx") and len(cut.encode()) <= NAME_BYTES
    assert cut.encode().decode() == cut


def pack_with(*attachments: Attached, title: str = "کمیته زیرساخت") -> Pack:
    return Pack(title="بسته", cover=(), generated="", page_label="{page}/{pages}",
                sections=(Section(title, level=1, attachments=attachments),),
                file_stem="mina-session-9")


def test_the_same_name_twice_in_a_folder_is_numbered_and_an_unfetched_file_left_out():
    pack = pack_with(Attached("a", "x.pdf", PDF, 3, b"one"), Attached("b", "X.pdf", PDF, 3, b"2"),
                     Attached("c", "عکس", IMAGE, 3, b"3"), Attached("d", "gone.pdf", PDF, 3),
                     title="../کمیته")
    assert [p for p, _ in paths(pack)] == ["_کمیته/x.pdf", "_کمیته/X (2).pdf", "_کمیته/عکس.jpg"]


def test_a_bundle_past_its_limit_is_refused_with_its_size():
    noise = random.Random(7).randbytes(2_200_000)  # does not deflate
    pack = pack_with(Attached("a", "big.bin", "other", 0, noise))
    with pytest.raises(MinaError) as refused:
        render_bundle(pack, limit_mb=1)
    assert refused.value.text_key == "export.bundle.too_big"
    assert refused.value.params == {"size": 3, "limit": 1}
    archive = zipfile.ZipFile(io.BytesIO(render_bundle(pack, limit_mb=5)))
    assert archive.namelist() == ["mina-session-9.pdf", "mina-session-9.xlsx",
                                  "کمیته زیرساخت/big.bin"]
