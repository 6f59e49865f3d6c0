"""Files fetched from the Bot API for a document the bot builds: each within the per-file limit
and a time limit, all of them within a total and a time; what is not fetched is named with why."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from telegram import Bot
from telegram.error import TelegramError

from mina_bot.export.dto import NotAttached

FILE_SECONDS = 30.0  # one file's getFile and download
ALL_SECONDS = 120.0  # every file of one document


class _TooBig(Exception):
    """The file is over the per-file limit."""


async def fetch(bot: Bot, wanted: Sequence[tuple[str, int]], *, per_file: int, total: int
                ) -> tuple[dict[str, bytes], dict[str, NotAttached]]:
    """The bytes of each (file id, declared size) that could be fetched in time and within the
    limits (bytes), in order; the reason for each of the others."""
    fetched: dict[str, bytes] = {}
    refused: dict[str, NotAttached] = {}
    loop = asyncio.get_running_loop()
    deadline, used = loop.time() + ALL_SECONDS, 0
    for file_id, declared in wanted:
        if file_id in fetched or file_id in refused:
            continue
        left = deadline - loop.time()
        if declared > per_file:
            refused[file_id] = NotAttached.TOO_BIG
        elif used + declared > total:
            refused[file_id] = NotAttached.OVER_TOTAL
        elif left <= 0:
            refused[file_id] = NotAttached.TIMED_OUT
        else:
            try:
                data = await asyncio.wait_for(_one(bot, file_id, per_file),
                                              min(FILE_SECONDS, left))
            except TimeoutError:
                refused[file_id] = NotAttached.TIMED_OUT
            except _TooBig:
                refused[file_id] = NotAttached.TOO_BIG
            except TelegramError as exc:  # gone, or over the Bot API's own 20 MB
                refused[file_id] = NotAttached.TOO_BIG if "too big" in exc.message.lower() \
                    else NotAttached.UNAVAILABLE
            else:
                if used + len(data) > total:
                    refused[file_id] = NotAttached.OVER_TOTAL
                else:
                    used += len(data)
                    fetched[file_id] = data
    return fetched, refused


async def _one(bot: Bot, file_id: str, per_file: int) -> bytes:
    found = await bot.get_file(file_id)
    if (found.file_size or 0) > per_file:
        raise _TooBig()
    data = bytes(await found.download_as_bytearray())
    if len(data) > per_file:
        raise _TooBig()
    return data
