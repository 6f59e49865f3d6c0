"""The one context every callback gets: the process's runtime and the person behind the update."""

from __future__ import annotations

from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from mina_bot.actors import Actor
from mina_bot.identity import actor_for
from mina_bot.runtime import Runtime
from mina_bot.workers import Workers


class MinaContext(CallbackContext[ExtBot, dict, dict, dict]):
    """CallbackContext with `runtime` and `actor`; PTB makes one per update."""

    def __init__(self, application: Application, chat_id: int | None = None,
                 user_id: int | None = None) -> None:
        super().__init__(application, chat_id=chat_id, user_id=user_id)
        self._actor: Actor | None = None
        self._client_language: str | None = None

    @classmethod
    def from_update(cls, update: object, application: Application) -> MinaContext:
        """PTB's context, remembering the client's language (a stranger is answered in it)."""
        context = super().from_update(update, application)
        user = getattr(update, "effective_user", None)
        context._client_language = user.language_code if user is not None else None
        return context

    @property
    def runtime(self) -> Runtime:
        """The process's shared runtime."""
        return runtime_of(self.application)

    @property
    def workers(self) -> Workers:
        """The worker processes that do CPU-heavy work off the event loop."""
        return workers_of(self.application)

    @property
    def actor(self) -> Actor:
        """Who sent this update, as the database says at this update (read once per update)."""
        if self._actor is None:
            self._actor = actor_for(self.runtime, telegram_id=self._user_id or 0,
                                    client_language=self._client_language)
        return self._actor

    def forget_actor(self) -> None:
        """Read the actor again at next use (this update changed who the person is)."""
        self._actor = None


_RUNTIME, _WORKERS = "runtime", "workers"
CONTEXT_TYPES: ContextTypes[MinaContext, dict, dict, dict] = ContextTypes(context=MinaContext)


def install_runtime(application: Application[Any, Any, Any, Any, Any, Any],
                    runtime: Runtime, workers: Workers) -> None:
    """Make `runtime` and `workers` what every context's `runtime` and `workers` are."""
    application.bot_data[_RUNTIME] = runtime
    application.bot_data[_WORKERS] = workers


def workers_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Workers:
    """The worker processes installed in an application (closed when it shuts down)."""
    return application.bot_data[_WORKERS]


def runtime_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Runtime:
    """The runtime installed in an application (for jobs and start-up, which have no update)."""
    return application.bot_data[_RUNTIME]
