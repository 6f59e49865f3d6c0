"""Child processes of a run: the Bot API sandbox, Mina (`bot.py run`) and the bare echo bot."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import sqlalchemy as sa
from sqlalchemy.pool import NullPool

from storage.db import make_engine

ROOT = Path(__file__).resolve().parents[1]


def resident_mb(pid: int) -> tuple[float, float]:
    """(current, peak) resident memory of a process in MB, from /proc/<pid>/status."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024
    return fields.get("VmRSS", 0.0), fields.get("VmHWM", 0.0)


def family(root: int) -> list[int]:
    """`root` and every process descending from it (the fork server and its workers)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending += parents.get(pid, [])
    return found


def resident_now_mb(pid: int) -> float:
    """A process's resident memory in MB now, 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def family_resident_mb(root: int) -> float:
    """The resident memory of `root` and its descendants together, in MB."""
    return sum(resident_now_mb(pid) for pid in family(root))


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Sandbox:
    """`python -m sandbox` in its own process, and a control session to it."""

    def __init__(self, process: subprocess.Popen, url: str, http: aiohttp.ClientSession) -> None:
        self.process, self.url, self.http = process, url, http

    @property
    def api_base_url(self) -> str:
        """What a bot's MINA_API_BASE_URL is."""
        return f"{self.url}/bot"

    async def control(self, method: str, path: str, **kwargs) -> object:
        """Call a /control route; its result."""
        async with self.http.request(method, f"{self.url}/control{path}", **kwargs) as response:
            body = await response.json()
        if not body.get("ok"):
            raise RuntimeError(f"sandbox {path}: {body.get('error')}")
        return body["result"]

    async def first_call(self, method: str, timeout: float = 60.0) -> float:
        """The epoch time the sandbox first saw `method` (waits for it)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            stats = await self.control("GET", "/stats")
            if method in stats.get("first_at", {}):
                return stats["first_at"][method]
            await asyncio.sleep(0.01)
        raise TimeoutError(f"the bot never called {method}")


@contextlib.asynccontextmanager
async def sandbox() -> AsyncIterator[Sandbox]:
    """Start the sandbox on a free port; stop it afterwards."""
    process = subprocess.Popen([sys.executable, "-m", "sandbox", "--port", "0"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = await asyncio.to_thread(process.stdout.readline)
        url = line.strip().rsplit(" ", 1)[-1]
        if not url.startswith("http"):
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        connector = aiohttp.TCPConnector(limit=200)
        async with aiohttp.ClientSession(connector=connector) as http:
            yield Sandbox(process, url, http)
    finally:
        process.terminate()
        await asyncio.to_thread(process.wait)


def forget_handled_updates(database_url: str) -> None:
    """Each measurement's sandbox numbers its updates from 1 again, which Telegram never does:
    the ids a previous bot recorded as handled would hide the new ones (messenger/polling.py)."""
    engine = make_engine(database_url, poolclass=NullPool)
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("DELETE FROM handled_update"))
    finally:
        engine.dispose()


@contextlib.asynccontextmanager
async def bot(kind: str, *, api_base_url: str, token: str, database_url: str,
              log: Path, env: dict[str, str] | None = None
              ) -> AsyncIterator[tuple[subprocess.Popen, float]]:
    """Spawn Mina (`bot.py run`) or the echo reference; yields (process, spawn epoch time)."""
    command = ([sys.executable, "bot.py", "run"] if kind == "mina"
               else [sys.executable, "-m", "bench.echo_bot"])
    env = {**os.environ, "MINA_BOT_TOKEN": token, "MINA_API_BASE_URL": api_base_url,
           "MINA_DATABASE_URL": database_url, "MINA_ADMIN_IDS": "", **(env or {})}
    if kind == "mina":
        forget_handled_updates(database_url)
    with log.open("ab") as out:
        spawned = time.time()
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    try:
        yield process, spawned
    finally:
        process.terminate()
        try:
            await asyncio.wait_for(asyncio.to_thread(process.wait), 10)
        except TimeoutError:
            process.kill()
            await asyncio.to_thread(process.wait)
