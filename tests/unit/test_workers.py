"""Heavy work in worker processes: results, errors, time and memory limits, a fresh worker after."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from mina_bot.minutes.model import MinutesError
from mina_bot.workers import Workers, WorkTimedOut, WorkTooLarge


@pytest.fixture
async def workers():
    pool = Workers(processes=1, timeout=3.0, memory_mb=512)
    yield pool
    pool.close()


async def test_a_job_runs_in_another_process_and_returns_its_result(workers):
    assert await workers.run("operator:add", 2, 3) == 5
    assert await workers.run("os:getpid") != os.getpid()


async def test_a_domain_error_arrives_with_its_parameters_and_the_worker_stays(workers):
    first = await workers.run("os:getpid")
    with pytest.raises(MinutesError) as raised:
        await workers.run("mina_bot.minutes.sources:text_of_file", "minutes.pdf", b"%PDF")
    assert raised.value.text_key == "minutes.error.file_type"
    assert raised.value.params == {"name": "minutes.pdf"}
    assert await workers.run("os:getpid") == first


async def test_a_job_past_the_time_limit_is_stopped_and_the_next_job_runs(workers):
    first = await workers.run("os:getpid")
    started = time.monotonic()
    with pytest.raises(WorkTimedOut) as raised:
        await workers.run("time:sleep", 60)
    assert time.monotonic() - started < 10
    assert raised.value.params == {"seconds": 3}
    assert await workers.run("operator:mul", 6, 7) == 42
    assert await workers.run("os:getpid") != first  # the sleeper's process was replaced
    with pytest.raises(ProcessLookupError):
        for _ in range(100):  # killed, then reaped by the pool's manager thread
            os.kill(first, 0)
            await asyncio.sleep(0.05)


async def test_a_job_past_the_memory_limit_fails_alone_and_the_next_job_runs(workers):
    with pytest.raises(WorkTooLarge) as raised:
        await workers.run("builtins:bytearray", 600 * 1024 * 1024)
    assert raised.value.params == {"limit": 512}
    assert await workers.run("builtins:len", bytearray(100 * 1024 * 1024)) == 100 * 1024 * 1024


async def test_a_worker_that_dies_is_replaced(workers):
    first = await workers.run("os:getpid")
    with pytest.raises(WorkTooLarge):
        await workers.run("os:_exit", 1)
    assert await workers.run("os:getpid") not in (first, os.getpid())


async def test_jobs_past_the_limit_of_processes_wait_their_turn():
    pool = Workers(processes=2, timeout=10.0, memory_mb=512)
    try:
        await asyncio.gather(pool.run("os:getpid"), pool.run("os:getpid"))  # both started
        started = time.monotonic()
        await asyncio.gather(*(pool.run("time:sleep", 1) for _ in range(3)))
        elapsed = time.monotonic() - started
    finally:
        pool.close()
    assert 2 <= elapsed < 4  # two at once, the third after them


async def test_a_job_cut_short_does_not_stop_another_jobs_worker():
    pool = Workers(processes=2, timeout=1.5, memory_mb=512)
    try:
        slow = asyncio.ensure_future(pool.run("time:sleep", 60))
        await asyncio.sleep(0.2)
        quick = await pool.run("operator:add", 1, 1)
        with pytest.raises(WorkTimedOut):
            await slow
        assert quick == 2
        assert await pool.run("operator:add", 2, 2) == 4
    finally:
        pool.close()
