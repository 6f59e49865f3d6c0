"""Benchmark 2: end to end over HTTP: 20 users at once talk to the bot through the sandbox.

Three processes: the sandbox, the bot (Mina's `bot.py run`, then the bare echo bot as the
reference), and this one, where each simulated user sends a message and waits for the answer.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench import processes
from bench.dataset import Dataset
from bench.figures import Figure, at_least, at_most, info, percentile
from bench.scale import Scale

WAIT = 10.0
Script = Callable[[int], Sequence[str]]


def owe_script(user: int) -> Sequence[str]:
    """What an ordinary member does: asks what they owe."""
    return ("/owe",)


async def round_trip(sandbox: processes.Sandbox, user: int, text: str) -> float:
    """Send one message as `user`; seconds until the bot's answer is in the chat."""
    started = time.perf_counter()
    sent = await sandbox.control("POST", f"/users/{user}/messages", json={"text": text})
    await sandbox.control("GET", f"/chats/{user}/wait",
                          params={"count": 1, "since": sent["message_id"], "timeout": WAIT})
    return time.perf_counter() - started


async def load(sandbox: processes.Sandbox, pools: Sequence[Sequence[tuple[int, Script]]],
               seconds: float) -> tuple[list[float], int, float]:
    """Every pool is one user at the keyboard; (round-trip seconds, failures, wall seconds)."""
    samples: list[float] = []
    failures = 0
    deadline = time.perf_counter() + seconds

    async def worker(pool: Sequence[tuple[int, Script]]) -> None:
        nonlocal failures
        for user, script in itertools.cycle(pool):
            for text in script(user):
                try:
                    samples.append(await round_trip(sandbox, user, text))
                except RuntimeError:
                    failures += 1
            if time.perf_counter() >= deadline:
                return

    started = time.perf_counter()
    await asyncio.gather(*(worker(pool) for pool in pools))
    return samples, failures, time.perf_counter() - started


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


async def _run(kind: str, sandbox: processes.Sandbox, pools, seconds: float, *, token: str,
               url: str, log: Path) -> dict:
    await sandbox.control("POST", "/reset")
    async with processes.bot(kind, api_base_url=sandbox.api_base_url, token=token,
                             database_url=url, log=log) as (process, _):
        await sandbox.first_call("getUpdates")
        warm = [pool[0] for pool in pools]
        await asyncio.gather(*(round_trip(sandbox, u, script(u)[0]) for u, script in warm))
        samples, failures, wall = await load(sandbox, pools, seconds)
        rss, peak = processes.resident_mb(process.pid)
    return {"rate": len(samples) / wall, "p50": percentile(samples, 0.5) * 1000,
            "p99": percentile(samples, 0.99) * 1000, "round_trips": len(samples),
            "failures": failures, "rss_mb": rss, "peak_rss_mb": peak}


async def measure(data: Dataset, scale: Scale, *, token: str, url: str, log: Path,
                  scripts: Sequence[tuple[Sequence[int], Script]]) -> tuple[list[Figure], dict]:
    """Mina under `scale.e2e_users` simultaneous users, then the echo bot the same way."""
    pools = user_pools(data, scale, scripts)
    async with processes.sandbox() as sandbox:
        mina = await _run("mina", sandbox, pools, scale.e2e_seconds, token=token, url=url, log=log)
        echo = await _run("echo", sandbox, pools, scale.e2e_seconds, token=token, url=url,
                          log=log)
    users = scale.e2e_users
    figures = [
        at_least("e2e.round_trips_per_s", f"e2e: {users} users, round trips", mina["rate"], "/s",
                 300, f"echo bot {echo['rate']:,.0f}/s"),
        at_most("e2e.p99_ms", "e2e: round trip p99", mina["p99"], "ms", 100,
                f"echo bot {echo['p99']:.1f} ms"),
        info("e2e.p50_ms", "e2e: round trip p50", mina["p50"], "ms",
             f"echo bot {echo['p50']:.1f} ms"),
        info("e2e.rss_mb", "e2e: bot RSS after the load", mina["rss_mb"], "MB",
             f"echo bot {echo['rss_mb']:.0f} MB"),
    ]
    return figures, {"mina": mina, "echo": echo}
