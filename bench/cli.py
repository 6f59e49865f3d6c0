"""`python bot.py bench [--quick] [--json FILE] [--only NAME…]`: build, measure, print."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from pydantic import SecretStr

from mina_bot.settings import Settings

# In the order they run: the broadcast before the planner fills the outbox with reminders.
MEASUREMENTS = ("owe", "e2e", "broadcast", "planner", "footprint", "import")
TOKEN = "424242:BENCH-token-not-a-secret-0000000"
SEED = 1405


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register `bench`."""
    bench = sub.add_parser("bench", help="benchmarks at national scale (see README, Benchmarks)")
    bench.add_argument("--quick", action="store_true", help="a small version, under a minute")
    bench.add_argument("--json", type=Path, default=None, help="write every figure to FILE")
    bench.add_argument("--only", nargs="+", choices=MEASUREMENTS, default=None, metavar="NAME",
                       help=f"run only these: {', '.join(MEASUREMENTS)}")
    bench.add_argument("--seed", type=int, default=SEED, help="the dataset's seed")


def machine() -> dict:
    """nproc, the CPU model and the memory of this machine."""
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
               platform.processor())
    memory_kb = next((int(line.split()[1]) for line in
                      Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gb": round(memory_kb / 1024 ** 2, 1),
            "python": platform.python_version()}


async def _measure(names, settings: Settings, data, scale, url: str, prepare_runtime: Callable,
                   build_application: Callable, logs: Path, backend: str) -> tuple[list, dict]:
    from bench import broadcast, footprint, importing, inprocess, over_http, planner

    figures: list = []
    details: dict = {}
    runtime = prepare_runtime(settings)
    child = {"token": TOKEN, "url": url, "log": logs / "bots.log"}
    for name in names:
        print(f"bench: {name}…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        if name == "owe":
            found = await inprocess.measure(runtime, build_application, data, scale, backend)
        elif name == "e2e":
            officers = set(data.officers)
            members = [u for u in data.everyone if u not in officers]
            found = await over_http.measure(data, scale, **child, scripts=[
                (members, over_http.owe_script), (data.officers, over_http.report_script)])
        elif name == "broadcast":
            found = await broadcast.measure(runtime, data, scale)
        elif name == "planner":
            found = planner.measure(runtime, data, scale)
        elif name == "footprint":
            found = await footprint.measure(data.probes, data.everyone, **child)
        else:
            found = importing.measure(runtime, data, scale)
        figures += found[0]
        details[name] = {**found[1], "seconds": round(time.perf_counter() - started, 2)}
    runtime.engine.dispose()
    return figures, details


def run(args: argparse.Namespace, settings: Settings, prepare_runtime: Callable,
        build_application: Callable) -> int:
    """Run the benchmarks; print the table; write the JSON."""
    from bench.database import bench_database, workdir
    from bench.dataset import generate
    from bench.figures import as_json, table
    from bench.scale import NATIONAL, QUICK
    from storage.db import make_engine
    from storage.migrate import upgrade

    scale = QUICK if args.quick else NATIONAL
    names = [n for n in MEASUREMENTS if args.only is None or n in args.only]
    with workdir() as logs, bench_database(settings.database_url, logs) as url:
        backend = "postgresql" if url.startswith("postgresql") else "sqlite"
        print(f"bench: {scale.name} dataset on {backend}…", file=sys.stderr, flush=True)
        upgrade(url)
        bench_settings = settings.model_copy(update={
            "bot_token": SecretStr(TOKEN), "database_url": url, "admin_ids": ()})
        engine = make_engine(url)
        data = generate(engine, scale, seed=args.seed, now=dt.datetime.now(dt.UTC),
                        settings=bench_settings)
        engine.dispose()
        figures, details = asyncio.run(_measure(names, bench_settings, data, scale, url,
                                                prepare_runtime, build_application, logs,
                                                backend))
    print(table(figures))
    print(f"\n{scale.name} dataset on {backend}: {data.counts}; generated in "
          f"{data.seconds:.1f} s. Machine: {machine()}")
    if args.json:
        report = {"scale": scale.name, "backend": backend, "machine": machine(),
                  "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                  "dataset": data.describe(), "figures": as_json(figures), "details": details}
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str))
    return 0
