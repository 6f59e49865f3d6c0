"""The benchmark harness, quick version, end to end: it completes and writes every figure.

Nothing here judges a timing (the machine running the tests is not the benchmark machine).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.database import POSTGRES_ENV

pytestmark = pytest.mark.slow  # scheduled first (tests/conftest.py)

ROOT = Path(__file__).resolve().parents[2]
FIGURES = {
    "owe.p50_ms", "owe.first_p50_ms", "owe.p99_ms", "owe.throughput", "report.step_p50_ms",
    "e2e.round_trips_per_s", "e2e.paced_p99_ms", "e2e.p99_ms", "e2e.p50_ms",
    "e2e.warmup_p99_ms", "e2e.bot_cpu_ms", "e2e.rss_mb",
    "broadcast.rate_ratio", "broadcast.exactly_once", "broadcast.telegram_30_s",
    "planner.steady_ms", "planner.first_ms", "planner.snapshot_ms",
    "footprint.rss_mb", "footprint.warm_rss_mb", "footprint.startup_s",
    "import.seconds", "import.parse_ms",
}
BLOCKING = {"blocking.quiet_p99_ms", "blocking.session_pack_p99_ms", "blocking.quarter_p99_ms",
            "blocking.chart_p99_ms", "blocking.import_p99_ms", "blocking.broadcast_p99_ms",
            "blocking.restart_p99_ms", "blocking.bomb_p99_ms", "blocking.bomb_rss_mb",
            "blocking.hidden_bomb_p99_ms", "blocking.hidden_bomb_rss_mb"}
EVERY_BUT_BLOCKING = ("owe", "e2e", "broadcast", "planner", "footprint", "import")


def _bench(tmp_path: Path, database_url: str, *args: str) -> tuple[dict, str]:
    out = tmp_path / "figures.json"
    env = {"PATH": "/usr/bin:/bin", "MINA_DATABASE_URL": database_url, "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "bench", "--quick", "--json", str(out),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text()), done.stdout


def test_the_quick_harness_runs_end_to_end_and_writes_every_figure(tmp_path):
    """On PostgreSQL when it is configured, else SQLite (the blocking run below is SQLite's):
    each run of the whole harness costs the suite about 15 s of CPU."""
    backend = "postgres" if os.environ.get(POSTGRES_ENV) else "sqlite"
    url = (os.environ[POSTGRES_ENV] if backend == "postgres"
           else f"sqlite:///{tmp_path / 'configured.sqlite3'}")
    report, table = _bench(tmp_path, url, "--only", *EVERY_BUT_BLOCKING)
    assert report["scale"] == "quick"
    assert report["backend"] == ("postgresql" if backend == "postgres" else "sqlite")
    assert set(report["figures"]) == FIGURES
    for key, figure in report["figures"].items():
        assert isinstance(figure["value"], int | float), key
        assert figure["label"] in table
    assert report["dataset"]["counts"]["resolution"] > 0
    assert {"nproc", "cpu", "ram_gb"} <= set(report["machine"])
    # The harness measured what it claims: every /owe answered, no failed round trip, and the
    # faulty broadcast reached each member exactly once.
    owe = report["details"]["owe"]
    assert owe["replies"] == owe["requests"] and owe["errors"] == []
    assert owe["first_asks"] > 0 and owe["report_steps"] > 0
    e2e = report["details"]["e2e"]["mina"]
    assert e2e["failures"] == 0, e2e["failed"]
    assert report["details"]["broadcast"]["copies"] == {"1": report["details"]["broadcast"][
        "recipients"]}
    # The bench never touches the configured database itself.
    if backend == "sqlite":
        assert not (tmp_path / "configured.sqlite3").exists()


def test_only_runs_the_named_measurements_and_blocking_measures_every_action(tmp_path):
    report, _ = _bench(tmp_path, f"sqlite:///{tmp_path / 'x.sqlite3'}", "--only", "blocking")
    assert set(report["figures"]) == BLOCKING
    blocking = report["details"]["blocking"]
    # The import went through the bot's conversation to the end, the restarted bot's planner
    # caught up, and every action had the members' round trips beside it (on a busy machine
    # the exports, the chart and the broadcast may outlast the quick limit: then «not done»).
    for name in ("import", "restart"):
        assert blocking[name]["seconds"] is not None, (name, blocking[name])
    for name in ("quiet", "session pack", "quarter", "chart", "import", "broadcast", "restart"):
        assert blocking[name]["round_trips"] > 0, name
    assert blocking["quiet"]["failures"] == 0
