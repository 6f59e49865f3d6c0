"""The `blocking` bench's hostile file and its memory: a .docx-shaped decompression bomb, and
the peak resident memory of the bot and its worker processes while it is refused."""

from __future__ import annotations

import asyncio
import io
import zipfile

from bench.processes import family, resident_now_mb

BOMB_MB = 300  # what the bomb unpacks to; it travels as about 300 KB
DOCUMENT = "word/document.xml"
REFUSED = {False: ("بیش از حد بزرگ", "too large"),  # its declared size is past the limit
           True: ("نتوانستم بخوانم", "could not read")}  # its headers lie: it reads as broken


def zip_bomb(megabytes: int = BOMB_MB, *, hide_size: bool = False) -> bytes:
    """A .docx-shaped zip whose document.xml unpacks to `megabytes` of blanks; with
    `hide_size`, its headers declare 1 KB instead (a reader that trusts them would inflate it
    all)."""
    import docx

    plain = io.BytesIO()
    docx.Document().save(plain)
    buffer = io.BytesIO()
    with (zipfile.ZipFile(plain) as source,
          zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive):
        for entry in source.infolist():  # a real Word file's parts, its document replaced
            if entry.filename != DOCUMENT:
                archive.writestr(entry.filename, source.read(entry))
        with archive.open(DOCUMENT, "w", force_zip64=False) as member:
            member.write(source.read(DOCUMENT)[:-len(b"</w:document>")])
            blanks = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(blanks)
            member.write(b"</w:document>")
    data = bytearray(buffer.getvalue())
    if hide_size:
        _declare(data, DOCUMENT.encode(), 1024)
    return bytes(data)


def _declare(data: bytearray, name: bytes, size: int) -> None:
    """Write `size` as the member's uncompressed size in its local and central headers (and
    in the data descriptor that follows a streamed member)."""
    for signature, size_at, name_length_at, name_at in ((b"PK\x03\x04", 22, 26, 30),
                                                         (b"PK\x01\x02", 24, 28, 46)):
        at = data.find(signature)
        while at != -1:
            length = int.from_bytes(data[at + name_length_at:at + name_length_at + 2], "little")
            if data[at + name_at:at + name_at + length] == name:
                data[at + size_at:at + size_at + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)
    descriptor = data.find(b"PK\x07\x08")
    if descriptor != -1:
        data[descriptor + 12:descriptor + 16] = size.to_bytes(4, "little")


class Memory:
    """Samples the resident memory of a process and its descendants every 50 ms until stopped:
    the peak of the process itself and of the whole family together."""

    def __init__(self, pid: int) -> None:
        self.pid, self.own_peak, self.family_peak = pid, 0.0, 0.0
        self._task: asyncio.Task | None = None

    async def _sample(self) -> None:
        while True:
            sizes = {pid: resident_now_mb(pid) for pid in family(self.pid)}
            self.own_peak = max(self.own_peak, sizes.get(self.pid, 0.0))
            self.family_peak = max(self.family_peak, sum(sizes.values()))
            await asyncio.sleep(0.05)

    def __enter__(self) -> Memory:
        self._task = asyncio.get_running_loop().create_task(self._sample())
        return self

    def __exit__(self, *_: object) -> None:
        self._task.cancel()
