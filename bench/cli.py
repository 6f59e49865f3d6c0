"""`python -m bench [--quick] [--scale N…] [--json FILE] [--only NAME…]`: build, measure, print."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from pydantic import SecretStr

from mina_bot.settings import Settings

# In the order they run: the broadcast before the planner fills the outbox with reminders.
MEASUREMENTS = ("owe", "e2e", "broadcast", "planner", "footprint", "import", "blocking")
TOKEN = "424242:BENCH-token-not-a-secret-0000000"
SEED = 1405


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The bench's command line."""
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description="Mina's benchmarks (docs/benchmarks.md)")
    parser.add_argument("--quick", action="store_true", help="a small version, under a minute")
    parser.add_argument("--scale", type=int, nargs="+", default=[1], metavar="N",
                        help="the organisation N times the national size (e.g. 1 3 10), "
                             "one run each, reported side by side")
    parser.add_argument("--json", type=Path, default=None, help="write every figure to FILE")
    parser.add_argument("--only", nargs="+", choices=MEASUREMENTS, default=None, metavar="NAME",
                        help=f"run only these: {', '.join(MEASUREMENTS)}")
    parser.add_argument("--seed", type=int, default=SEED, help="the dataset's seed")
    return parser.parse_args(argv)


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


async def _measure(names, settings: Settings, data, scale, url: str, logs: Path,
                   backend: str) -> tuple[list, dict]:

    from bench import (
        blocking,
        broadcast,
        footprint,
        importing,
        inprocess,
        over_http,
        planner,
    )
    from bot import build_application, prepare_runtime

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
        elif name == "blocking":
            found = await blocking.measure(runtime, data, scale, **child)
        else:
            found = importing.measure(runtime, data, scale)
        figures += found[0]
        details[name] = {**found[1], "seconds": round(time.perf_counter() - started, 2)}
    runtime.engine.dispose()
    return figures, details


def _one_scale(args: argparse.Namespace, settings: Settings, scale, names: list[str]) -> dict:
    from bench.database import bench_database, workdir
    from bench.dataset import generate
    from bench.figures import table
    from storage.db import make_engine
    from storage.migrate import upgrade

    with workdir() as logs, bench_database(settings.database_url, logs) as url:
        backend = "postgresql" if url.startswith("postgresql") else "sqlite"
        print(f"bench: {scale.name} dataset on {backend}…", file=sys.stderr, flush=True)
        upgrade(url)
        update = {"bot_token": SecretStr(TOKEN), "database_url": url, "admin_ids": ()}
        bench_settings = settings.model_copy(update=update)
        engine = make_engine(url)
        data = generate(engine, scale, seed=args.seed, now=dt.datetime.now(dt.UTC),
                        settings=bench_settings)
        engine.dispose()
        # The load generator must not stop for its own collector: the dataset it keeps made
        # each full pass 100 ms, counted as the bot's latency.
        gc.collect()
        gc.freeze()
        print(f"bench: generated {data.counts} in {data.seconds:.1f} s", file=sys.stderr,
              flush=True)
        figures, details = asyncio.run(_measure(names, bench_settings, data, scale, url, logs,
                                                backend))
    print(table(figures))
    print(f"\n{scale.name} dataset on {backend}: {data.counts}; generated in "
          f"{data.seconds:.1f} s. Machine: {machine()}\n", flush=True)
    return {"scale": scale.name, "factor": scale.factor, "backend": backend,
            "machine": machine(), "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "dataset": data.describe(), "figures": figures, "details": details}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmarks at each scale; print the tables; write the JSON."""
    from bench.figures import as_json, side_by_side
    from bench.scale import NATIONAL, QUICK
    from mina_bot.operator_log import configure_logging
    from mina_bot.settings import SettingsError, load_settings

    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    configure_logging(secrets=(settings.token,))
    base = QUICK if args.quick else NATIONAL
    names = [n for n in MEASUREMENTS if args.only is None or n in args.only]
    runs = [_one_scale(args, settings, base.times(n), names) for n in args.scale]
    if len(runs) > 1:
        print(side_by_side([(r["scale"], r["figures"]) for r in runs]))
    if args.json:
        reports = [{**r, "figures": as_json(r["figures"])} for r in runs]
        out = reports[0] if len(reports) == 1 else {"runs": reports}
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=2, default=str))
    return 0
