"""What a report attachment is by its first bytes, not by its name alone."""

from __future__ import annotations

HEAD_BYTES = 16  # enough for every signature below
_ZIP = (b"PK\x03\x04",)  # docx, xlsx, pptx, odt, ods
_OLE = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",)  # doc, xls, ppt
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "docx": _ZIP, "xlsx": _ZIP, "pptx": _ZIP, "odt": _ZIP, "ods": _ZIP,
    "doc": _OLE, "xls": _OLE, "ppt": _OLE,
    "jpg": (b"\xff\xd8\xff",), "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
# Programs and scripts: never text, whatever the name says.
_EXECUTABLE = (b"MZ", b"\x7fELF", b"\xca\xfe\xba\xbe", b"\xfe\xed\xfa", b"\xcf\xfa\xed\xfe",
               b"#!")


def content_matches(extension: str, head: bytes) -> bool:
    """Whether a file named `.extension` starts as such a file does (text: no program, no NUL)."""
    if head.startswith(_EXECUTABLE):
        return False
    if extension in SIGNATURES:
        return head.startswith(SIGNATURES[extension])
    return b"\x00" not in head  # txt, csv
