"""The reports' attachments in the session pack: which to fetch, and each file's state in its
committee's files table once fetched (appended, embedded, in the full bundle, or not attached
and why); the «بسته کامل» button."""

from __future__ import annotations

import dataclasses
from pathlib import PurePosixPath

from mina_bot.callbacks import encode
from mina_bot.catalog import label
from mina_bot.errors import MinaError
from mina_bot.export.dto import (
    IMAGE,
    OTHER,
    PAGE_LIMIT,
    PDF,
    Attached,
    NotAttached,
    Pack,
    Photo,
    Table,
)

FEATURE = "exp"
MB = 1024 * 1024
PHOTO_LIMIT = 40  # images embedded in one pack; the rest are in the full bundle
_KIND_LABEL = {PDF: "export.file.pdf", IMAGE: "export.file.photo", OTHER: "export.file.document"}


def attached_of(content: dict, lang: str) -> tuple[Attached, ...]:
    """A report version's files as the pack knows them."""
    found = []
    for item in content.get("attachments", []):
        mime = (item.get("mime_type") or "").lower()
        if item.get("kind") == "photo" or mime.startswith("image/"):
            kind = IMAGE
        elif mime == "application/pdf" or PurePosixPath(
                item.get("file_name") or "").suffix.lower() == ".pdf":
            kind = PDF
        else:
            kind = OTHER
        found.append(Attached(item["file_id"], item.get("file_name") or label(
            "export.file.photo", lang), kind, item.get("size") or 0))
    return tuple(found)


def files_table(attachments: tuple[Attached, ...], lang: str, states: dict[str, str],
                **group: str) -> Table:
    """A committee's files: name, kind, size and whether it is in the pack."""
    rows = tuple((a.name, label(_KIND_LABEL[a.kind], lang), round(a.size / 1024),
                  states.get(a.file_id, "")) for a in attachments)
    return Table(label("export.sheet.files", lang),
                 tuple(label(f"export.col.{n}", lang) for n in ("file", "kind", "size",
                                                                 "file_state")),
                 rows, (46, 10, 12, 40), label("export.none", lang),
                 caption=label("export.caption.files", lang), **group)


def _all(pack: Pack) -> list[Attached]:
    """Every attachment of the pack once, in the book's order."""
    seen: dict[str, Attached] = {}
    for section in pack.sections:
        for attachment in section.attachments:
            seen.setdefault(attachment.file_id, attachment)
    return list(seen.values())


def wanted(pack: Pack, *, bundle: bool) -> list[Attached]:
    """What to fetch: every file for the full bundle; for the PDF the PDFs and the first
    PHOTO_LIMIT images."""
    images = [a.file_id for a in _all(pack) if a.kind == IMAGE][:PHOTO_LIMIT]
    return [a for a in _all(pack) if bundle or a.kind == PDF or a.file_id in images]


def to_read(attachment: Attached, *, bundle: bool) -> bool:
    """Whether a fetched file is read (in a worker) before it goes in: an image to embed, a
    PDF to append (in the bundle a PDF goes in its folder as it came)."""
    return attachment.kind == IMAGE or (attachment.kind == PDF and not bundle)


def check_bundle(pack: Pack, *, limit_mb: int) -> None:
    """Refuse the full bundle before fetching anything when its files alone exceed the limit."""
    total = sum(a.size for a in _all(pack))
    if total > limit_mb * MB:
        raise MinaError("export.bundle.too_big", size=-(-total // MB), limit=limit_mb)


def settle(pack: Pack, *, fetched: dict[str, bytes], refused: dict[str, NotAttached],
           bundle: bool, file_mb: int, total_mb: int) -> Pack:
    """The pack with the fetched files in place (images embedded, PDFs to append, all for the
    bundle) and each file's state in its committee's files table."""
    lang = pack.lang
    embedded = [a.file_id for a in _all(pack) if a.kind == IMAGE
                and a.file_id in fetched][:PHOTO_LIMIT]
    files_sheet = label("export.sheet.files", lang)
    sections = []
    for section in pack.sections:
        if not section.attachments:
            sections.append(section)
            continue
        states, kept, photos = {}, [], []
        for a in section.attachments:
            data = None if a.file_id in refused else fetched.get(a.file_id)
            states[a.file_id] = _state(a, data, refused.get(a.file_id), embedded, bundle,
                                       lang, file_mb=file_mb, total_mb=total_mb,
                                       pages=PAGE_LIMIT)
            kept.append(dataclasses.replace(a, data=data))
            if data and a.file_id in embedded:
                photos.append(Photo(a.file_id, a.name, data))
        tables = tuple(files_table(section.attachments, lang, states, group=t.group,
                                   group_column=t.group_column) if t.sheet == files_sheet else t
                       for t in section.tables)
        sections.append(dataclasses.replace(section, tables=tables, attachments=tuple(kept),
                                            photos=tuple(photos)))
    return dataclasses.replace(pack, sections=tuple(sections))


def _state(attachment: Attached, data: bytes | None, reason: NotAttached | None,
           embedded: list[str], bundle: bool, lang: str, **limits: int) -> str:
    if reason is not None:
        return label("export.attached.not", lang, reason=label(
            f"export.not_attached.{reason.value}", lang, **limits))
    if data is None:
        return label("export.attached.listed", lang)
    if attachment.file_id in embedded:
        return label("export.attached.embedded", lang)
    if attachment.kind == PDF and not bundle:
        return label("export.attached.appended", lang)
    return label("export.attached.bundled", lang)


def offer(pack: Pack, *, number: int, lang: str) -> list[list[tuple[str, str]]]:
    """The «بسته کامل» button under a pack that has files."""
    if not _all(pack):
        return []
    return [[(label("export.button.bundle", lang), encode(FEATURE, "full", number))]]
