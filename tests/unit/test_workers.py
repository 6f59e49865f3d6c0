"""Heavy work in worker processes: results, errors, time and memory limits; Word files' size."""

from __future__ import annotations

import asyncio
import io
import os
import pickle
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from bench.bomb import zip_bomb
from mina_bot.minutes.model import MinutesError
from mina_bot.minutes.sources import MAX_WORD_ENTRIES, text_of_file
from mina_bot.workers import Workers, WorkTimedOut, WorkTooLarge

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
async def workers():
    pool = Workers(processes=1, timeout=3.0, memory_mb=512, niceness=5)
    yield pool
    pool.close()


async def test_a_job_runs_in_another_process_and_returns_its_result(workers):
    assert await workers.run("operator:add", 2, 3) == 5
    assert await workers.run("os:getpid") != os.getpid()


async def test_a_worker_runs_at_the_niceness_it_is_given():
    pool = Workers(processes=1, timeout=10.0, memory_mb=512, niceness=7)
    try:
        assert await pool.run("os:nice", 0) == min(19, os.nice(0) + 7)
    finally:
        pool.close()


async def test_a_domain_error_arrives_with_its_parameters_and_the_worker_stays(workers):
    first = await workers.run("os:getpid")
    with pytest.raises(MinutesError) as raised:
        await workers.run("mina_bot.minutes.sources:text_of_file", "minutes.odt", b"PK")
    assert raised.value.text_key == "minutes.error.file_type"
    assert raised.value.params == {"name": "minutes.odt"}
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


async def test_a_job_past_the_memory_limit_fails_alone_and_the_next_job_runs():
    # A loaded machine copies slowly.
    pool = Workers(processes=1, timeout=30.0, memory_mb=512, niceness=5)
    try:
        with pytest.raises(WorkTooLarge) as raised:
            await pool.run("builtins:bytearray", 600 * 1024 * 1024)
        assert raised.value.params == {"limit": 512}
        assert await pool.run("builtins:len", bytearray(100 * 1024 * 1024)) == 100 * 1024 * 1024
    finally:
        pool.close()


async def test_a_worker_that_dies_is_replaced(workers):
    first = await workers.run("os:getpid")
    with pytest.raises(WorkTooLarge):
        await workers.run("os:_exit", 1)
    assert await workers.run("os:getpid") not in (first, os.getpid())


async def test_jobs_past_the_limit_of_processes_wait_their_turn():
    pool = Workers(processes=2, timeout=10.0, memory_mb=512, niceness=5)
    try:
        await asyncio.gather(pool.run("os:getpid"), pool.run("os:getpid"))  # both started
        started = time.monotonic()
        await asyncio.gather(*(pool.run("time:sleep", 1) for _ in range(3)))
        elapsed = time.monotonic() - started
    finally:
        pool.close()
    assert 2 <= elapsed < 4  # two at once, the third after them


async def test_a_job_cut_short_does_not_stop_another_jobs_worker():
    pool = Workers(processes=2, timeout=1.5, memory_mb=512, niceness=5)
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


def word_file(parts: dict[str, bytes]) -> bytes:
    """A zip with these parts, shaped like a .docx."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


A_BOT = """
import asyncio
from mina_bot.workers import Workers

async def main():
    workers = Workers(processes=1, timeout=30, memory_mb=512, niceness=5)
    print(await workers.run("os:getpid"), flush=True)
    await asyncio.sleep(60)

asyncio.run(main())
"""


def _stat(pid: int) -> list[str] | None:
    try:
        return open(f"/proc/{pid}/stat").read().rpartition(")")[2].split()
    except FileNotFoundError:
        return None


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"  # a zombie has ended


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")
def test_a_killed_bots_worker_and_fork_server_end_with_it():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    bot = subprocess.Popen([sys.executable, "-c", A_BOT], cwd=root, stdout=subprocess.PIPE,
                           text=True)
    try:
        worker = int(bot.stdout.readline())
        server = int(_stat(worker)[1])  # the worker's parent: the fork server
        assert _alive(worker) and _alive(server) and server != bot.pid
    finally:
        bot.kill()
        bot.wait()
    deadline = time.monotonic() + 10
    while (_alive(worker) or _alive(server)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker) and not _alive(server)


def test_a_word_file_unpacking_past_the_limit_or_of_thousands_of_parts_is_refused_unread():
    large = word_file({"word/document.xml": b" " * (3 * 1024 * 1024)})
    with pytest.raises(MinutesError) as raised:
        text_of_file("large.docx", large, max_unpacked_mb=2)
    assert (raised.value.text_key, raised.value.params) == (
        "minutes.error.unpacked_size", {"name": "large.docx", "limit": 2})
    many = word_file({f"word/media/{n}.xml": b"" for n in range(MAX_WORD_ENTRIES + 1)})
    with pytest.raises(MinutesError) as raised:
        text_of_file("many.docx", many)
    assert raised.value.text_key == "minutes.error.unpacked_size"


def test_a_word_file_with_broken_xml_is_unreadable_not_an_unexpected_error():
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as original:
        parts = {item.filename: original.read(item) for item in original.infolist()}
    parts["word/document.xml"] = b"<w:document><unclosed"
    with pytest.raises(MinutesError) as raised:
        text_of_file("broken.docx", word_file(parts))
    assert raised.value.text_key == "minutes.error.unreadable"
    with pytest.raises(MinutesError) as raised:
        text_of_file("notzip.docx", b"PK\x03\x04 not really a zip")
    assert raised.value.text_key == "minutes.error.unreadable"


def test_a_word_file_whose_headers_understate_its_size_is_unreadable_and_never_inflated_whole():
    bomb = zip_bomb(8, hide_size=True)  # 8 MB of blanks declared as 1 KB
    tracemalloc.start()
    try:
        with pytest.raises(MinutesError) as raised:
            text_of_file("hidden.docx", bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert raised.value.text_key == "minutes.error.unreadable"
    assert peak < 4 * 1024 * 1024


def test_a_word_file_with_malformed_parts_is_unreadable_whatever_python_docx_raises():
    parts = {"[Content_Types].xml": b'<?xml version="1.0"?><Types/>',
             "word/document.xml": b"<w:document/>"}
    with pytest.raises(MinutesError) as raised:
        text_of_file("odd.docx", word_file(parts))
    assert raised.value.text_key == "minutes.error.unreadable"


RENDERERS = ("matplotlib", "fpdf", "openpyxl", "docx")


def test_the_quarters_files_reach_the_bot_without_loading_a_renderer():
    """The bot unpickles what its workers return: a result type defined beside the rendering
    would load matplotlib, fpdf2 and openpyxl into the bot on first use (370 ms, everyone held)."""
    from typing import get_type_hints

    from mina_bot.quarterly import rendering

    returned = get_type_hints(rendering.made)["return"]
    result = returned(draft="نامه", stem="mina-quarterly-1400-q1", title="فصل ۱", pdf=b"%PDF-",
                      xlsx=b"PK")
    code = ("import pickle, sys, bot; pickle.loads(sys.stdin.buffer.read()); "
            f"print(sorted(m for m in {RENDERERS!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], input=pickle.dumps(result),
                          capture_output=True, check=True, cwd=ROOT)
    assert done.stdout.decode().strip() == "[]"
