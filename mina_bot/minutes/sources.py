"""The minutes as they arrive: pasted text, a .txt/.md file, a Word (.docx) file or a PDF.

A document is a tuple of blocks, one per line of text, Word paragraph or Word table row. A
block is a tuple of cells, each a tuple of paragraphs. As text, cells are joined by tabs and a
cell's paragraphs by U+2028 (which `str.split("\\n")` keeps), so the text is the same document.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from mina_bot.minutes.model import MinutesError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
WORD_SUFFIX = ".docx"
PDF_SUFFIX = ".pdf"
MAX_WORD_ENTRIES = 1000  # a Word file holds a few dozen parts; thousands are a zip bomb's shape
UNPACK_STEP = 1024 * 1024  # bytes unpacked at once while checking a Word file's real size
CELL_BREAK = "\u2028"

Cell = tuple[str, ...]
Block = tuple[Cell, ...]


def blocks_of_text(text: str) -> tuple[Block, ...]:
    """Each line of the text as a block: tab-separated cells, U+2028-separated paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return tuple(tuple(tuple(cell.split(CELL_BREAK)) for cell in line.split("\t"))
                 for line in lines)


def text_of_blocks(blocks: tuple[Block, ...]) -> str:
    """The document as text, exactly reversible by `blocks_of_text`."""
    return "\n".join("\t".join(CELL_BREAK.join(cell) for cell in block) for block in blocks)


def read_source(name: str, data: bytes, *, max_unpacked_mb: int = 50) -> tuple[Block, ...]:
    """The blocks of a minutes file: text lines, Word paragraphs and table rows, PDF lines."""
    suffix = Path(name or "").suffix.lower()
    if suffix in TEXT_SUFFIXES:
        for encoding in ("utf-8-sig", "utf-16", "cp1256"):
            try:
                return blocks_of_text(data.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise MinutesError("minutes.error.unreadable", name=name)
    if suffix == WORD_SUFFIX:
        _check_unpacked_size(name, data, max_unpacked_mb)
        return _word_blocks(name, data)
    if suffix == PDF_SUFFIX:
        from mina_bot.minutes.pdf import pdf_text  # pypdf: only needed for PDF files

        return blocks_of_text(pdf_text(name, data, max_unpacked_mb=max_unpacked_mb))
    raise MinutesError("minutes.error.file_type", name=name)


def text_of_file(name: str, data: bytes, *, max_unpacked_mb: int = 50) -> str:
    """The text of a minutes file; Word tables become tab-separated lines."""
    return text_of_blocks(read_source(name, data, max_unpacked_mb=max_unpacked_mb))


def _check_unpacked_size(name: str, data: bytes, limit_mb: int) -> None:
    """Refuse a Word file that would unpack past the limit (a zip bomb), before reading it: by
    the sizes its headers declare, then by unpacking it a megabyte at a time. Headers that
    understate a part fail its checksum at the declared size («unreadable»); a reader that
    trusted them (zipfile's read() of a whole part) would inflate all of it at once."""
    limit = limit_mb * 1024 * 1024
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if (len(entries) > MAX_WORD_ENTRIES
                    or sum(entry.file_size for entry in entries) > limit):
                raise MinutesError("minutes.error.unpacked_size", name=name, limit=limit_mb)
            for entry in entries:
                with archive.open(entry) as part:
                    while part.read(UNPACK_STEP):
                        pass
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, zlib.error):
        raise MinutesError("minutes.error.unreadable", name=name) from None


def _paragraphs(cell: object) -> Cell:
    lines = (part.replace("\t", " ").strip()
             for p in cell.paragraphs for part in p.text.split("\n"))
    return tuple(line for line in lines if line) or ("",)


def _row(row: object) -> Block:
    # A merged cell appears once per grid column it spans; keep its text in the first only.
    # A vertically merged cell repeats in each row it spans (its unit or deadline applies).
    cells = row.cells
    if cells and all(c._tc is cells[0]._tc for c in cells):
        return (_paragraphs(cells[0]),)
    out: list[Cell] = []
    for i, cell in enumerate(cells):
        out.append(("",) if i and cell._tc is cells[i - 1]._tc else _paragraphs(cell))
    return tuple(out)


def _is_list(paragraph: object) -> bool:
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return True
    style = paragraph.style
    return bool(style is not None and (style.name or "").startswith("List"))


def _word_blocks(name: str, data: bytes) -> tuple[Block, ...]:
    """A Word file's blocks; a broken or hostile file is «unreadable», whatever broke (python-docx
    meets a malformed part with any of a dozen exceptions), unless memory ran out."""
    try:
        return _word_document_blocks(data)
    except MemoryError:
        raise
    except Exception:
        raise MinutesError("minutes.error.unreadable", name=name) from None


def _word_document_blocks(data: bytes) -> tuple[Block, ...]:
    import docx  # python-docx: only needed for Word files
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(io.BytesIO(data))
    blocks: list[Block] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            words = block.text.replace("\t", " ")
            # A Word list item has its bullet or number in the style, not the text.
            if _is_list(block) and words.strip():
                words = f"- {words.strip()}"
            blocks.extend(((line,),) for line in words.split("\n"))
        elif isinstance(block, Table):
            blocks.extend(_row(row) for row in block.rows)
    return tuple(blocks)
