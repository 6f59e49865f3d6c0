"""The reports' attachments in the PDF pack (worker side): a fetched file read to see whether it
can go in, then the book with each PDF attachment's pages appended, bookmarked under its
committee."""

from __future__ import annotations

import contextlib
import io
import signal
from collections.abc import Iterator

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import Destination

from mina_bot.export.dto import IMAGE, PAGE_LIMIT, PDF, NotAttached, Pack
from mina_bot.export.pdf import render_pdf

READ_SECONDS = 20  # one attachment's reading; the worker's own limit is for the whole pack
PIXEL_LIMIT = 40_000_000  # pixels of one image (a 1 KB PNG can claim billions)


class _TooSlow(Exception):
    """The reading ran past READ_SECONDS."""


@contextlib.contextmanager
def _alarm(seconds: int) -> Iterator[None]:
    """Interrupt the block after `seconds` (a worker runs its job on its main thread)."""
    def ring(*_: object) -> None:
        raise _TooSlow()

    previous = signal.signal(signal.SIGALRM, ring)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def vet(kind: str, data: bytes) -> NotAttached | None:
    """Why the file cannot go in the pack, or None: a PDF must open unencrypted, within
    PAGE_LIMIT, every page's content decoding within pypdf's limits (a bomb stops there); an
    image must decode within PIXEL_LIMIT."""
    try:
        with _alarm(READ_SECONDS):
            return _vet_pdf(data) if kind == PDF else _vet_image(data) if kind == IMAGE else None
    except _TooSlow:
        return NotAttached.TIMED_OUT
    except MemoryError:
        return NotAttached.TOO_HEAVY
    except Exception:  # a hostile file makes the readers fail in any way
        return NotAttached.DAMAGED


def _vet_pdf(data: bytes) -> NotAttached | None:
    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        return NotAttached.ENCRYPTED
    pages = len(reader.pages)
    if pages == 0:
        return NotAttached.DAMAGED
    if pages > PAGE_LIMIT:
        return NotAttached.TOO_MANY_PAGES
    for page in reader.pages:
        contents = page.get_contents()
        if contents is not None:
            contents.get_data()
    writer = PdfWriter()
    writer.append(reader, import_outline=False)
    writer.write(io.BytesIO())
    return None


def _vet_image(data: bytes) -> NotAttached | None:
    try:
        opened = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:
        return NotAttached.TOO_HEAVY
    with opened as image:
        if image.width * image.height > PIXEL_LIMIT:
            return NotAttached.TOO_HEAVY
        image.load()
    return None


def render_book(pack: Pack) -> bytes:
    """The pack's PDF, then every fetched PDF attachment's pages, each bookmarked under its
    committee's bookmark (the book's outline is rebuilt to hold them)."""
    book = render_pdf(pack)
    appended = [(index, a) for index, section in enumerate(pack.sections)
                for a in section.attachments if a.kind == PDF and a.data]
    if not appended:
        return book
    reader = PdfReader(io.BytesIO(book))
    writer = PdfWriter()
    writer.append(reader, import_outline=False)
    writer.add_metadata({k: v for k, v in (reader.metadata or {}).items()})
    marks = _outline(writer, reader, reader.outline, None)  # one per section, in order
    for index, attachment in appended:
        first = len(writer.pages)
        writer.append(PdfReader(io.BytesIO(attachment.data)), import_outline=False)
        writer.add_outline_item(attachment.name, first, parent=marks[index])
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _outline(writer: PdfWriter, reader: PdfReader, items: list, parent: object) -> list:
    """The reader's outline copied into the writer: the new items, flattened in order."""
    made: list = []
    last = parent
    for item in items:
        if isinstance(item, list):
            made += _outline(writer, reader, item, last)
        elif isinstance(item, Destination):
            last = writer.add_outline_item(item.title, reader.get_destination_page_number(item),
                                           parent=parent)
            made.append(last)
    return made
