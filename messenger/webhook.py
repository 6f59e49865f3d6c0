"""How updates reach the Application in webhook mode: Mina's webhook server feeds its queue."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from mina_bot.operator_log import add_secret
from mina_bot.ops.health import check_health
from mina_bot.ops.webhook import WebhookPlan, WebhookServer, plan_webhook
from mina_bot.platforms import platform_named
from mina_bot.redelivery import already_handled
from mina_bot.runtime import Runtime

log = logging.getLogger("mina.transport")


class WebhookRefused(Exception):
    """The messenger refused setWebhook (its reason is the message); nothing keeps running."""


class WebhookRunner:
    """The Application started in webhook mode, with the server in front of its update queue."""

    def __init__(self, application: Application, runtime: Runtime, *,
                 listen: str | None = None, port: int | None = None) -> None:
        settings = runtime.settings
        if not settings.webhook_url:
            raise ValueError("MINA_WEBHOOK_URL is not set")
        self.application = application
        self.runtime = runtime
        self.listen = listen or settings.webhook_listen
        self.port = settings.webhook_port if port is None else port
        secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
        self.plan: WebhookPlan = plan_webhook(settings.webhook_url, secret,
                                              platform_named(settings.platform))
        add_secret(self.plan.secret)  # in path mode it is part of the URL
        self.server = WebhookServer(self.plan, self._deliver,
                                    lambda: check_health(runtime))

    async def _deliver(self, data: dict[str, Any]) -> None:
        """Handle a posted update before answering the post: the messenger posts it again if
        the process dies first (an update whose work committed is skipped then)."""
        update = Update.de_json(data, self.application.bot)
        if already_handled(self.runtime, [update.update_id]):
            return
        await self.application.update_processor.process_update(
            update, self.application.process_update(update))

    async def start(self) -> None:
        """Initialise, start processing, listen, then tell the messenger where to post."""
        await self.application.initialize()
        if self.application.post_init:
            await self.application.post_init(self.application)
        await self.application.start()
        await self.server.start(self.listen, self.port)
        try:
            await self.application.bot.set_webhook(
                self.plan.public_url, secret_token=self.plan.set_webhook_secret,
                allowed_updates=Update.ALL_TYPES,
            )
        except TelegramError as exc:  # a URL the messenger will not post to: stop, say why
            await self.stop()
            raise WebhookRefused(exc.message) from None
        log.info("webhook listening on %s:%s (secret in %s): plain HTTP, to be reached only "
                 "through a TLS proxy", self.listen, self.server.port,
                 "header" if self.plan.secret_in_header else "path")

    async def stop(self) -> None:
        """Stop taking posts, finish the queued updates and in-flight sends, then shut down."""
        await self.server.stop()
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()
        if self.application.post_shutdown:
            await self.application.post_shutdown(self.application)


async def serve_webhook(application: Application, runtime: Runtime) -> None:
    """Run in webhook mode until SIGTERM or SIGINT, then stop gracefully."""
    runner = WebhookRunner(application, runtime)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signum, stop.set)
    await runner.start()
    try:
        await stop.wait()
        log.info("stopping: finishing the updates in progress")
    finally:
        await runner.stop()
