"""The delivery core's Sender over a telegram.Bot: PTB's errors become the core's."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from datetime import timedelta

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.warnings import PTBDeprecationWarning

from messenger.keyboards import keyboard
from mina_bot.delivery.errors import PermanentFailure, RetryLater, TransientFailure, Unreachable
from mina_bot.delivery.sender import Buttons

UNREACHABLE_REASONS = ("chat not found", "user is deactivated", "bot was blocked")


@contextlib.contextmanager
def core_errors() -> Iterator[None]:
    """Translate PTB's errors into the delivery core's."""
    try:
        yield
    except RetryAfter as exc:
        with warnings.catch_warnings():  # int now, timedelta in PTB 23: both are handled
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            wait = exc.retry_after
        raise RetryLater(wait.total_seconds() if isinstance(wait, timedelta) else float(wait)) \
            from exc
    except Forbidden as exc:
        raise Unreachable(exc.message) from exc
    except BadRequest as exc:  # a subclass of NetworkError: test it first
        if any(reason in exc.message.lower() for reason in UNREACHABLE_REASONS):
            raise Unreachable(exc.message) from exc
        raise PermanentFailure(exc.message) from exc
    except NetworkError as exc:  # TimedOut, 5xx, connection errors
        raise TransientFailure(exc.message) from exc
    except TelegramError as exc:
        raise PermanentFailure(exc.message) from exc


class PtbSender:
    """The Sender protocol over a telegram.Bot."""

    def __init__(self, bot: Bot, timeout: float) -> None:
        self.bot = bot
        self.timeouts = {"read_timeout": timeout, "write_timeout": timeout,
                         "connect_timeout": timeout}

    async def send_text(self, chat_id: int, html: str, *, buttons: Buttons | None = None) -> int:
        """sendMessage with HTML."""
        with core_errors():
            message = await self.bot.send_message(chat_id, html, parse_mode=ParseMode.HTML,
                                                  reply_markup=keyboard(buttons), **self.timeouts)
        return message.message_id

    async def send_document(self, chat_id: int, file_id: str, *, caption: str | None = None) -> int:
        """sendDocument by file id."""
        with core_errors():
            message = await self.bot.send_document(chat_id, file_id, caption=caption,
                                                   parse_mode=ParseMode.HTML, **self.timeouts)
        return message.message_id

    async def edit_text(self, chat_id: int, message_id: int, html: str, *,
                        buttons: Buttons | None = None) -> None:
        """editMessageText; an unchanged text is not an error."""
        try:
            with core_errors():
                await self.bot.edit_message_text(html, chat_id=chat_id, message_id=message_id,
                                                 parse_mode=ParseMode.HTML,
                                                 reply_markup=keyboard(buttons), **self.timeouts)
        except PermanentFailure as exc:
            if "not modified" not in str(exc):
                raise
