"""Benchmark 5: the running bot's resident memory, and the time from spawn to first getUpdates."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from bench import processes
from bench.figures import Figure, at_most
from bench.over_http import round_trip

WARM_USERS = 20


async def _one(kind: str, sandbox: processes.Sandbox, users: Sequence[int], *, token: str,
               url: str, log: Path) -> dict:
    await sandbox.control("POST", "/reset")
    async with processes.bot(kind, api_base_url=sandbox.api_base_url, token=token,
                             database_url=url, log=log) as (process, spawned):
        first = await sandbox.first_call("getUpdates")
        await asyncio.gather(*(round_trip(sandbox, user, ("text", "/owe")) for user in users))
        rss, peak = processes.resident_mb(process.pid)
    return {"startup_s": first - spawned, "rss_mb": rss, "peak_rss_mb": peak}


async def measure(users: Sequence[int], *, token: str, url: str, log: Path
                  ) -> tuple[list[Figure], dict]:
    """Mina started on the dataset and asked /owe by 20 members; the echo bot beside it."""
    users = list(users)[:WARM_USERS]
    async with processes.sandbox() as sandbox:
        mina = await _one("mina", sandbox, users, token=token, url=url, log=log)
        echo = await _one("echo", sandbox, users, token=token, url=url, log=log)
    figures = [
        at_most("footprint.rss_mb", "footprint: bot RSS (national data, warm)", mina["rss_mb"],
                "MB", 150, f"echo bot {echo['rss_mb']:.0f} MB; Mina peak "
                f"{mina['peak_rss_mb']:.0f} MB"),
        at_most("footprint.startup_s", "footprint: spawn to first getUpdates",
                mina["startup_s"], "s", 2.0, f"echo bot {echo['startup_s']:.2f} s"),
    ]
    return figures, {"mina": mina, "echo": echo}
