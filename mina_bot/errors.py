"""Typed domain errors; handlers turn each into its catalog text."""

from __future__ import annotations


class MinaError(Exception):
    """A failure the user should be told about in words, not a bug."""

    text_key = "error.unexpected"

    def __init__(self, text_key: str | None = None, **params: object) -> None:
        self.text_key = text_key or self.text_key
        self.params = params
        super().__init__(self.text_key)

    def __reduce__(self) -> tuple:
        """Pickled with its parameters: a worker process raises it for the bot to answer."""
        return _rebuilt, (type(self), self.text_key, self.params)


def _rebuilt(kind: type[MinaError], text_key: str, params: dict) -> MinaError:
    error = kind.__new__(kind)
    MinaError.__init__(error, text_key, **params)
    return error


class PermissionDenied(MinaError):
    """The actor may not do this action (here)."""

    text_key = "error.forbidden"


class StaleButton(MinaError):
    """Callback data that is malformed, forged or refers to something gone."""

    text_key = "error.stale_button"


class NotFound(MinaError):
    """A referenced record does not exist."""

    text_key = "error.not_found"


class ArgumentTooLong(MinaError):
    """A command's number or date argument far longer than any number or date here."""

    text_key = "error.number_too_long"
