"""Heavy pure work (documents, charts, parsing) in worker processes, with time and memory limits.

CPU-bound Python holds the GIL, so a thread would still stop every other chat; a process does
not. Each job slot is a pool of one process, so a job past its time is killed with its own
process only, and the slot starts a fresh one for the next job. Workers come from a fork server:
a clean process, never a fork of the bot with its database connections and event loop.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import multiprocessing
import os
import resource
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from mina_bot.errors import MinaError

log = logging.getLogger("mina.workers")


class WorkTimedOut(MinaError):
    """A job ran past its time limit; its worker was stopped."""

    text_key = "error.work_timeout"


class WorkTooLarge(MinaError):
    """A job ran out of memory, or its worker died."""

    text_key = "error.work_too_large"


ORPHAN_CHECK_SECONDS = 1.0


def _prepare_worker(megabytes: int, niceness: int, bot_pid: int) -> None:
    """The worker initializer: cap the address space, so a runaway job fails with MemoryError,
    yield the CPU to the bot's event loop, and leave when the bot is gone."""
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.nice(niceness)
    threading.Thread(target=_leave_with, args=(bot_pid,), daemon=True,
                     name="mina-orphan-watch").start()


def _leave_with(bot_pid: int) -> None:
    """End this worker once the bot's process is gone. A killed bot (SIGKILL, out of memory)
    closes nothing: its workers would wait on their job queue for ever, and keep the fork
    server alive with them."""
    while True:
        time.sleep(ORPHAN_CHECK_SECONDS)
        try:
            os.kill(bot_pid, 0)
        except (ProcessLookupError, PermissionError):  # gone (or its number another user's)
            os._exit(0)


def _main_script_modules() -> list[str]:
    """What the fork server loads once: the main script (e.g. bot.py) by its module name too,
    and the bot's modules whatever the main script is (under pytest or the bench too).

    Every worker runs the main script again as `__mp_main__`; with its imports already loaded
    in the fork server that takes milliseconds instead of seconds. (The server's own preload of
    `__main__` never happens before Python 3.14: it looks for a key spawn does not set; a
    module it cannot import is skipped.)
    """
    main = sys.modules["__main__"]
    path = getattr(main, "__file__", None)
    if getattr(main, "__spec__", None) is not None or path is None:
        return ["__main__", "bot"]  # run with -m: spawn does not rerun a package main
    return list(dict.fromkeys(["__main__", Path(path).stem, "bot"]))


def _call(target: str, args: tuple, kwargs: dict) -> Any:
    """Run `module:function` in the worker; only the worker imports the module (its libraries,
    e.g. matplotlib, then never load in the bot)."""
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)(*args, **kwargs)


_ENGINES: dict[str, Any] = {}


def worker_runtime(settings: Any) -> Any:
    """A job's own way to the database, in its worker: the bot's settings, and an engine of this
    process's own (kept for the worker's later jobs; never one inherited from the bot)."""
    from mina_bot.runtime import Runtime
    from storage.db import make_engine

    url = settings.database_url
    if url not in _ENGINES:
        _ENGINES[url] = make_engine(url)
    return Runtime(settings=settings, engine=_ENGINES[url])


class Workers:
    """At most `processes` heavy jobs at once, each in a worker process; more wait their turn."""

    def __init__(self, *, processes: int, timeout: float, memory_mb: int,
                 niceness: int) -> None:
        self.timeout, self.memory_mb, self.niceness = timeout, memory_mb, niceness
        self._gate = asyncio.Semaphore(processes)
        self._idle: list[ProcessPoolExecutor] = []
        self._closed = False
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(_main_script_modules())

    @classmethod
    def from_settings(cls, settings: Any) -> Workers:
        """Workers with the operator's limits (heavy_work_*)."""
        return cls(processes=settings.heavy_work_processes,
                   timeout=settings.heavy_work_timeout_seconds,
                   memory_mb=settings.heavy_work_memory_mb,
                   niceness=settings.heavy_work_niceness)

    def _pool(self) -> ProcessPoolExecutor:
        if self._idle:
            return self._idle.pop()
        return ProcessPoolExecutor(max_workers=1, mp_context=self._context,
                                   initializer=_prepare_worker,
                                   initargs=(self.memory_mb, self.niceness, os.getpid()))

    async def run(self, target: str, *args: Any, **kwargs: Any) -> Any:
        """`module:function`(*args, **kwargs) in a worker: its result, or its exception (a job's
        own error leaves the worker in service); WorkTimedOut / WorkTooLarge past the limits."""
        async with self._gate:
            pool, keep = self._pool(), False
            try:
                # Submitting may start the worker process, and the first one waits for the fork
                # server to import the bot (seconds): in a thread, and before the time limit
                # counts, so that a job timed out has a process to be killed with.
                job = await asyncio.to_thread(pool.submit, _call, target, args, kwargs)
                result = await asyncio.wait_for(asyncio.wrap_future(job), self.timeout)
                keep = True
                return result
            except TimeoutError:
                log.warning("%s ran past %.0f s; its worker was stopped", target, self.timeout)
                raise WorkTimedOut(seconds=round(self.timeout)) from None
            except (MemoryError, BrokenProcessPool) as exc:
                log.warning("%s failed in its worker (memory limit %d MB): %r", target,
                            self.memory_mb, exc)
                raise WorkTooLarge(limit=self.memory_mb) from None
            except Exception:
                keep = True
                raise
            finally:
                if keep and not self._closed:
                    self._idle.append(pool)
                else:  # timed out, out of memory, dead or cancelled: never reuse it
                    _stop(pool)

    def close(self) -> None:
        """Stop every idle worker, and each busy one when its job ends (at application stop)."""
        self._closed = True
        while self._idle:
            _stop(self._idle.pop())


def _stop(pool: ProcessPoolExecutor) -> None:
    # A running job cannot be cancelled, only its process ended (Python 3.14 has
    # terminate_workers(); before it, the pool's process table is the only handle).
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
