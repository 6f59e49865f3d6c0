"""What a Sender raises when a message could not be delivered, as the dispatcher sees it."""

from __future__ import annotations


class DeliveryError(Exception):
    """A message was not delivered this time."""


class RetryLater(DeliveryError):
    """The API asked to slow down (429): try again after ``retry_after`` seconds."""

    def __init__(self, retry_after: float) -> None:
        super().__init__(f"retry after {retry_after}s")
        self.retry_after = retry_after


class Unreachable(DeliveryError):
    """The recipient blocked the bot or has no chat with it (403, chat not found)."""


class TransientFailure(DeliveryError):
    """A 5xx, a timeout or a network error: the same message may succeed later."""


class PermanentFailure(DeliveryError):
    """The API refused this message for good (a malformed request)."""
