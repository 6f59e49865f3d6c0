"""Benchmark 2: end to end over HTTP: 20 users at once talk to the bot through the sandbox.

Three processes: the sandbox, the bot (Mina's `bot.py run`, then the bare echo bot as the
reference), and this one, where each simulated user sends a message and waits for the answer.
The first seconds of load after the bot starts (its statements prepared, the units' lists read
for the first time) are a warm-up, reported on their own; the figures are of the load after.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import itertools
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from bench import processes
from bench.dataset import Dataset
from bench.figures import Figure, at_least, at_most, info, percentile
from bench.scale import Scale

WAIT = 10.0
PACED_RATE = 100.0  # round trips a second the users send together for the latency goal
Step = tuple[str, str]  # ("text", "/owe") or ("press", callback data of the last message)
Script = Callable[[int], Sequence[Step]]
REPORT_STEPS: tuple[Step, ...] = (
    ("text", "/owe"), ("text", "/report"),
    ("text", "جلسه هماهنگی کمیته برگزار و مستندات به دبیرخانه ارسال شد."),
    ("text", "پیگیری دریافت ریزداده‌ها از دستگاه‌ها"),
    ("text", "تاخیر در پاسخ دستگاه‌ها؛ نیاز به مکاتبه دبیرخانه"),
    ("text", "/cancel"), ("press", "rep:discard"),  # the data of the /cancel answer's button
)


def owe_script(user: int) -> Sequence[Step]:
    """What an ordinary member does: asks what they owe."""
    return (("text", "/owe"),)


def report_script(user: int) -> Sequence[Step]:
    """What a head or secretary does: /owe, then the report's three questions, then /cancel and
    «discard», so the next round starts the conversation afresh."""
    return REPORT_STEPS


async def round_trip(sandbox: processes.Sandbox, user: int, step: Step, last: int = 0
                     ) -> tuple[float, int]:
    """One step as `user`; (seconds until the bot's answer is in the chat, its message id)."""
    kind, payload = step
    started = time.perf_counter()
    if kind == "press":
        await sandbox.control("POST", f"/users/{user}/callbacks",
                              json={"message_id": last, "data": payload})
        since = last
    else:
        sent = await sandbox.control("POST", f"/users/{user}/messages", json={"text": payload})
        since = sent["message_id"]
    answer = await sandbox.control("GET", f"/chats/{user}/wait",
                                   params={"count": 1, "since": since, "timeout": WAIT})
    return time.perf_counter() - started, answer[-1]["message_id"]


async def load(sandbox: processes.Sandbox, pools: Sequence[Sequence[tuple[int, Script]]],
               seconds: float, *, warmup: float = 0.0, text_only: bool = False,
               steps: dict[str, list[float]] | None = None, warm: list[float] | None = None,
               rate: float | None = None) -> tuple[list[float], list[str], float]:
    """Every pool is one user at the keyboard; (round-trip seconds, failures, wall seconds) of
    the `seconds` measured after `warmup` seconds of the same load, whose round trips go to
    `warm`. `steps` receives the measured round trips of each kind of step.

    Without `rate` each user sends again as soon as answered (the bot's full speed, where the
    round trip is mostly the wait behind the other users). With it the users together send
    `rate` messages a second, each at its turn, and a round trip counts from its turn: a bot
    that falls behind is charged for the wait, not excused by the late send."""
    steps = {} if steps is None else steps
    warm = [] if warm is None else warm
    samples: list[float] = []
    failures: list[str] = []
    measured_from = time.perf_counter() + warmup
    deadline = measured_from + seconds

    async def worker(index: int, pool: Sequence[tuple[int, Script]]) -> None:
        turn = time.perf_counter() + (index / rate if rate else 0.0)
        for user, script in itertools.cycle(pool):
            last = 0
            for step in script(user):
                if text_only:  # the echo bot answers text, not buttons
                    step = ("text", step[1])
                if rate:
                    await asyncio.sleep(max(0.0, turn - time.perf_counter()))
                    begun, turn = turn, turn + len(pools) / rate
                try:
                    took, last = await round_trip(sandbox, user, step, last)
                    if rate:
                        took = time.perf_counter() - begun
                except RuntimeError as exc:  # no answer in time: this user's round is over
                    tail = await sandbox.control("GET", f"/chats/{user}/messages")
                    chat = [(m["message_id"], (m["text"] or "")[:40]) for m in tail[-12:]]
                    failures.append(f"{user} {step} after {last}: {str(exc)[:60]}; {chat}")
                    break
                if time.perf_counter() - took < measured_from:
                    warm.append(took)
                    continue
                samples.append(took)
                steps.setdefault(_step_name(step), []).append(took)
            if time.perf_counter() >= deadline:
                return

    with collector_paused():
        await asyncio.gather(*(worker(i, pool) for i, pool in enumerate(pools)))
    return samples, failures, time.perf_counter() - measured_from


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No collector passes in the load generator while it measures (as timeit does): with the
    dataset in memory each one took 100 ms, counted as the bot's latency."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _step_name(step: Step) -> str:
    kind, payload = step
    return payload if payload.startswith("/") or kind == "press" else "an answer"


def step_figures(by_step: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    """Round trips, p50 and p99 (ms) of each kind of step: where the tail comes from."""
    return {name: {"round_trips": len(took), "p50": round(percentile(took, 0.5) * 1000, 1),
                   "p99": round(percentile(took, 0.99) * 1000, 1)}
            for name, took in sorted(by_step.items())}


def user_pools(data: Dataset, scale: Scale, scripts: Sequence[tuple[Sequence[int], Script]]
               ) -> list[list[tuple[int, Script]]]:
    """`scale.e2e_users` disjoint pools, each interleaving the scripts' users."""
    pools: list[list[tuple[int, Script]]] = [[] for _ in range(scale.e2e_users)]
    for users, script in scripts:
        for index, user in enumerate(users):
            pools[index % len(pools)].append((user, script))
    for pool in pools:
        pool.sort(key=lambda pair: hash((pair[0], data.seed)))
    return pools


async def _run(kind: str, sandbox: processes.Sandbox, pools, scale: Scale, *, token: str,
               url: str, log: Path) -> dict:
    await sandbox.control("POST", "/reset")
    # The reminder planner has its own figure; here its first catch-up pass would only add noise.
    # The simulated users type at machine speed: a quick run's user sends more than the flood
    # guard's 20 updates in 10 s, which would silence them for half a minute as it should a
    # person (the guard still runs, with its limit out of reach).
    env = {"MINA_REMINDERS_ENABLED": "false", "MINA_FLOOD_LIMIT": "1000000"}
    async with processes.bot(kind, api_base_url=sandbox.api_base_url, token=token,
                             database_url=url, log=log, env=env) as (process, _):
        await sandbox.first_call("getUpdates")
        await asyncio.gather(*(round_trip(sandbox, pool[0][0], ("text", "/start"))
                               for pool in pools))
        cpu = processes.cpu_seconds(process.pid), processes.cpu_seconds(sandbox.process.pid)
        by_step: dict[str, list[float]] = {}
        warm: list[float] = []
        samples, failures, wall = await load(sandbox, pools, scale.e2e_seconds,
                                             warmup=scale.e2e_warmup_seconds,
                                             text_only=kind == "echo", steps=by_step, warm=warm)
        rss, peak = processes.resident_mb(process.pid)
        bot_cpu = processes.cpu_seconds(process.pid) - cpu[0]
        sandbox_cpu = processes.cpu_seconds(sandbox.process.pid) - cpu[1]
        paced_steps: dict[str, list[float]] = {}
        paced, paced_failures, paced_wall = await load(
            sandbox, pools, scale.e2e_seconds, text_only=kind == "echo", steps=paced_steps,
            rate=PACED_RATE)
    return {"paced_p50": percentile(paced, 0.5) * 1000,
            "paced_p99": percentile(paced, 0.99) * 1000, "paced_rate": len(paced) / paced_wall,
            "paced_failures": len(paced_failures), "paced_by_step": step_figures(paced_steps),
            "rate": len(samples) / wall, "p50": percentile(samples, 0.5) * 1000,
            "p99": percentile(samples, 0.99) * 1000, "round_trips": len(samples),
            "warmup_p99": percentile(warm, 0.99) * 1000, "warmup_round_trips": len(warm),
            "bot_cpu_ms": bot_cpu * 1000 / max(len(samples) + len(warm), 1),
            "sandbox_cpu_ms": sandbox_cpu * 1000 / max(len(samples) + len(warm), 1),
            "failures": len(failures), "failed": failures[:5], "rss_mb": rss, "peak_rss_mb": peak,
            "by_step": step_figures(by_step)}


async def measure(data: Dataset, scale: Scale, *, token: str, url: str, log: Path,
                  scripts: Sequence[tuple[Sequence[int], Script]]) -> tuple[list[Figure], dict]:
    """Mina under `scale.e2e_users` simultaneous users, then the echo bot the same way."""
    pools = user_pools(data, scale, scripts)
    async with processes.sandbox() as sandbox:
        mina = await _run("mina", sandbox, pools, scale, token=token, url=url, log=log)
        echo = await _run("echo", sandbox, pools, scale, token=token, url=url, log=log)
    users = scale.e2e_users
    figures = [
        at_least("e2e.round_trips_per_s", f"e2e: {users} users at full speed, round trips",
                 mina["rate"], "/s", PACED_RATE, f"echo bot {echo['rate']:,.0f}/s"),
        at_most("e2e.paced_p99_ms", f"e2e: round trip p99 at {PACED_RATE:.0f}/s",
                mina["paced_p99"], "ms", 100,  # over 3× the ~30 messages/s Telegram lets out
                f"echo bot {echo['paced_p99']:.1f} ms; p50 {mina['paced_p50']:.1f} ms; "
                f"{mina['paced_rate']:.0f}/s sent; {mina['paced_failures']} unanswered"),
        info("e2e.p99_ms", "e2e: round trip p99 at full speed", mina["p99"], "ms",
             f"echo bot {echo['p99']:.1f} ms; the wait behind the other {users - 1} users"),
        info("e2e.p50_ms", "e2e: round trip p50 at full speed", mina["p50"], "ms",
             f"echo bot {echo['p50']:.1f} ms"),
        info("e2e.warmup_p99_ms", f"e2e: first {scale.e2e_warmup_seconds:g} s after start, p99",
             mina["warmup_p99"], "ms", f"not in the figures above; echo bot "
             f"{echo['warmup_p99']:.1f} ms; {mina['warmup_round_trips']:,} round trips"),
        info("e2e.bot_cpu_ms", "e2e: bot CPU per round trip", mina["bot_cpu_ms"], "ms",
             f"echo bot {echo['bot_cpu_ms']:.2f} ms; sandbox {mina['sandbox_cpu_ms']:.2f} ms"),
        info("e2e.rss_mb", "e2e: bot RSS after the load", mina["rss_mb"], "MB",
             f"echo bot {echo['rss_mb']:.0f} MB"),
    ]
    return figures, {"mina": mina, "echo": echo}
