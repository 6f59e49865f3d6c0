"""Benchmark 1: «what do I owe?» through Application.process_update, no network at all.

A BaseRequest subclass answers every Bot API call in-process with Telegram-shaped JSON, so the
figure is the bot's own work: PTB's dispatch, Mina's gates and handler, the database, rendering.
The same harness runs a bare PTB echo handler as the framework's reference. The bench runs
with nothing kept between asks: every read is a query.
"""

from __future__ import annotations

import itertools
import json
import time
from collections import Counter
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, MessageHandler, filters
from telegram.request import BaseRequest, RequestData

from bench.dataset import Dataset
from bench.figures import Figure, at_most, info, percentile
from bench.over_http import REPORT_STEPS
from bench.scale import Scale
from bot import settle_start_up
from mina_bot.runtime import Runtime

BOT_USER = {"id": 7_000_000_001, "is_bot": True, "first_name": "Mina", "username": "mina_bench_bot"}
MESSAGE_METHODS = frozenset({"sendMessage", "editMessageText", "sendDocument", "sendPhoto",
                             "editMessageReplyMarkup"})
BLOCKS = 4  # owe and echo alternate in blocks, so machine noise hits both alike
REPORT_TEXTS = tuple(said for kind, said in REPORT_STEPS if kind == "text" and said != "/owe")


class LocalBotApi(BaseRequest):
    """A Bot API answering in-process: sent messages get ids, everything else says true."""

    def __init__(self) -> None:
        self.calls: Counter[str] = Counter()
        self._ids = itertools.count(1_000_000)

    @property
    def read_timeout(self) -> float | None:
        """No network, no timeout."""
        return None

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    async def do_request(self, url: str, method: str, request_data: RequestData | None = None,
                         *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        """Answer one call as Telegram would."""
        name = url.rsplit("/", 1)[-1]
        self.calls[name] += 1
        params = request_data.parameters if request_data is not None else {}
        return 200, json.dumps({"ok": True, "result": self._result(name, params)}).encode()

    def _result(self, name: str, params: dict[str, Any]) -> Any:
        if name == "getMe":
            return BOT_USER
        if name == "getUpdates":
            return []
        if name not in MESSAGE_METHODS:
            return True
        message = {"message_id": int(params.get("message_id") or next(self._ids)),
                   "date": int(time.time()), "from": BOT_USER,
                   "chat": {"id": int(params.get("chat_id") or 0), "type": "private"},
                   "text": params.get("text") or ""}
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message


def text_update(update_id: int, user_id: int, text: str) -> dict[str, Any]:
    """A private text message as Telegram delivers it (a /command gets its entity)."""
    message: dict[str, Any] = {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": user_id, "type": "private", "first_name": "Bench"},
        "from": {"id": user_id, "is_bot": False, "first_name": "Bench", "language_code": "fa"},
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    await update.effective_chat.send_message(update.effective_message.text)


def echo_application(token: str, api: LocalBotApi) -> Application:
    """The reference: a bare PTB application with one echo handler."""
    application = ApplicationBuilder().token(token).request(api).get_updates_request(api).build()
    application.add_handler(MessageHandler(filters.TEXT, _echo))
    return application


async def _drive(application: Application, payloads: list[dict]) -> list[float]:
    updates = [Update.de_json(p, application.bot) for p in payloads]
    latencies = []
    for update in updates:
        started = time.perf_counter()
        await application.process_update(update)
        latencies.append(time.perf_counter() - started)
    return latencies


async def measure(runtime: Runtime, build_application, data: Dataset, scale: Scale,
                  backend: str) -> tuple[list[Figure], dict]:
    """Latency and throughput of /owe beside the echo handler, on the same in-process API."""
    owe_api, echo_api = LocalBotApi(), LocalBotApi()
    mina = build_application(runtime, request=owe_api)
    echo = echo_application(runtime.settings.token, echo_api)
    errors: list[BaseException] = []

    async def count_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    mina.add_error_handler(count_error)
    count = min(scale.owe_requests, 15 * len(data.probes))  # under the per-account flood limit
    ids = itertools.count(1)
    users = itertools.cycle(data.probes)
    warm = [text_update(next(ids), next(users), "/owe") for _ in data.probes]
    owe_runs: list[float] = []
    echo_runs: list[float] = []
    owe_wall = echo_wall = 0.0
    settle_start_up()  # as the bot does once started, before its first update
    async with mina, echo:
        await _drive(mina, warm)
        await _drive(echo, warm)
        sent_before = owe_api.calls["sendMessage"]
        for _ in range(BLOCKS):
            block = [text_update(next(ids), next(users), "/owe") for _ in range(count // BLOCKS)]
            started = time.perf_counter()
            owe_runs += await _drive(mina, block)
            owe_wall += time.perf_counter() - started
            started = time.perf_counter()
            echo_runs += await _drive(echo, block)
            echo_wall += time.perf_counter() - started
        replies = owe_api.calls["sendMessage"] - sent_before
        # Other members (as most of the e2e load): one to three units, provincial mostly.
        asked = set(data.probes)
        newcomers = [u for u in data.everyone if u not in asked][:count // BLOCKS]
        first_runs = await _drive(mina, [text_update(next(ids), u, "/owe") for u in newcomers])
        # Secretaries starting their week's report: /report, three answers, /cancel, each once.
        steps = [text_update(next(ids), officer, said)
                 for officer in data.officers[:count // BLOCKS // len(REPORT_TEXTS)]
                 for said in REPORT_TEXTS]
        report_runs = await _drive(mina, steps)
    owe_rate, echo_rate = len(owe_runs) / owe_wall, len(echo_runs) / echo_wall
    limit = 10.0
    ms = 1000.0
    figures = [
        info("owe.p50_ms", "owe: latency p50", percentile(owe_runs, 0.5) * ms, "ms",
             f"echo p50 {percentile(echo_runs, 0.5) * ms:.2f} ms"),
        at_most("owe.p99_ms", f"owe: latency p99, nothing cached ({backend})",
                percentile(owe_runs, 0.99) * ms, "ms", limit,
                f"echo p99 {percentile(echo_runs, 0.99) * ms:.2f} ms; members of three units"),
        info("owe.throughput", "owe: throughput", owe_rate, "/s", f"echo {echo_rate:,.0f}/s"),
        info("owe.first_p50_ms", "owe: a member's first ask, p50", percentile(first_runs, 0.5) * ms,
             "ms", f"p99 {percentile(first_runs, 0.99) * ms:.2f} ms; members of one to three "
                   "units, not the probes"),
        info("report.step_p50_ms", "report: a conversation step, p50",
             percentile(report_runs, 0.5) * ms, "ms",
             f"p99 {percentile(report_runs, 0.99) * ms:.2f} ms; /report, three answers, /cancel "
             "(secretaries, once each)"),
    ]
    detail = {"requests": len(owe_runs), "replies": replies,
              "first_asks": len(first_runs), "first_p99_ms": percentile(first_runs, 0.99) * ms,
              "report_steps": len(report_runs),
              "errors": [repr(e) for e in errors],
              "echo_throughput": echo_rate, "echo_p50_ms": percentile(echo_runs, 0.5) * ms,
              "echo_p99_ms": percentile(echo_runs, 0.99) * ms}
    return figures, detail
