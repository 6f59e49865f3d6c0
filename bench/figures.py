"""Figures, their goals and references, the table printed at the end and the JSON written."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass


@dataclass
class Figure:
    """One measured figure beside its goal and the reference measured in the same run."""

    key: str
    label: str
    value: float | None
    unit: str
    goal: str = ""
    passed: bool | None = None
    reference: str = ""

    def shown(self) -> str:
        """The value with its unit, or «n/a»."""
        return "n/a" if self.value is None else f"{_number(self.value)} {self.unit}".strip()

    def verdict(self) -> str:
        """pass, MISS, or «-» when the figure has no goal."""
        return {True: "pass", False: "MISS", None: "-"}[self.passed]


def _number(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def at_most(key: str, label: str, value: float | None, unit: str, limit: float,
            reference: str = "") -> Figure:
    """A figure that must not exceed `limit`."""
    passed = None if value is None else value <= limit
    return Figure(key, label, value, unit, f"≤ {_number(limit)} {unit}".strip(), passed, reference)


def at_least(key: str, label: str, value: float | None, unit: str, limit: float,
             reference: str = "") -> Figure:
    """A figure that must reach at least `limit`."""
    passed = None if value is None else value >= limit
    return Figure(key, label, value, unit, f"≥ {_number(limit)} {unit}".strip(), passed, reference)


def info(key: str, label: str, value: float | None, unit: str, reference: str = "") -> Figure:
    """A figure shown for context, without a goal."""
    return Figure(key, label, value, unit, "", None, reference)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of samples (fraction in 0..1)."""
    ordered = sorted(samples)
    if not ordered:
        return math.nan
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def median(samples: Sequence[float]) -> float:
    """The median, NaN for no samples."""
    return statistics.median(samples) if samples else math.nan


def table(figures: Sequence[Figure]) -> str:
    """A plain-text table: figure, value, goal, pass/miss, reference."""
    header = ("figure", "value", "goal", "result", "reference (same run)")
    rows = [(f.label, f.shown(), f.goal or "-", f.verdict(), f.reference or "-") for f in figures]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    out.extend(line.format(*row) for row in rows)
    return "\n".join(out)


def markdown(figures: Sequence[Figure]) -> str:
    """The same table in Markdown, for the README."""
    out = ["| figure | value | goal | result | reference (same run) |",
           "|---|---|---|---|---|"]
    out.extend(f"| {f.label} | {f.shown()} | {f.goal or '-'} | {f.verdict()} | "
               f"{f.reference or '-'} |" for f in figures)
    return "\n".join(out)


def as_json(figures: Sequence[Figure]) -> dict[str, dict]:
    """Every figure by key."""
    return {f.key: {k: v for k, v in asdict(f).items() if k != "key"} for f in figures}


def side_by_side(runs: Sequence[tuple[str, Sequence[Figure]]]) -> str:
    """One row per figure, one column per run (e.g. 1×, 3×, 10×), each value with its verdict."""
    labels: dict[str, tuple[str, str]] = {}
    for _, figures in runs:
        for f in figures:
            labels.setdefault(f.key, (f.label, f.goal or "-"))
    values = [{f.key: f"{f.shown()} {'' if f.passed is None else f.verdict()}".strip()
               for f in figures} for _, figures in runs]
    header = ("figure", "goal", *(name for name, _ in runs))
    rows = [(label, goal, *(v.get(key, "n/a") for v in values))
            for key, (label, goal) in labels.items()]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    out.extend(line.format(*row) for row in rows)
    return "\n".join(out)
