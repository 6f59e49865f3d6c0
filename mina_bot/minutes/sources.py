"""The minutes as they arrive: pasted text, a .txt/.md file, or a Word (.docx) file.

A document is a tuple of blocks, one per line of text, Word paragraph or Word table row. A
block is a tuple of cells, each a tuple of paragraphs. As text, cells are joined by tabs and a
cell's paragraphs by U+2028 (which `str.split("\\n")` keeps), so the text is the same document.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from mina_bot.minutes.model import MinutesError

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
WORD_SUFFIX = ".docx"
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


def read_source(name: str, data: bytes) -> tuple[Block, ...]:
    """The blocks of a minutes file: text lines, or Word paragraphs and table rows."""
    suffix = Path(name or "").suffix.lower()
    if suffix in TEXT_SUFFIXES:
        for encoding in ("utf-8-sig", "utf-16", "cp1256"):
            try:
                return blocks_of_text(data.decode(encoding))
            except UnicodeDecodeError:
                continue
        raise MinutesError("minutes.error.unreadable", name=name)
    if suffix == WORD_SUFFIX:
        return _word_blocks(name, data)
    raise MinutesError("minutes.error.file_type", name=name)


def text_of_file(name: str, data: bytes) -> str:
    """The text of a minutes file; Word tables become tab-separated lines."""
    return text_of_blocks(read_source(name, data))


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
    import docx  # python-docx: only needed for Word files
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise MinutesError("minutes.error.unreadable", name=name) from None
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
