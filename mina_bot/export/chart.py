"""The weekly compliance trend as a PNG bar chart with shaped right-to-left Persian labels."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # no display: render to bytes only
from matplotlib import font_manager, ft2font
from matplotlib.figure import Figure

from mina_bot.export.dto import Trend
from mina_bot.export.fonts import LATIN_REGULAR, PERSIAN_REGULAR, visual

_COLOURS = ("#2e7d32", "#f9a825", "#c62828")
# Matplotlib built with libraqm shapes and reorders by itself; otherwise we do it.
NATIVE_BIDI = bool(getattr(ft2font, "__libraqm_version__", ""))


def _families() -> list[str]:
    names = []
    for path in (PERSIAN_REGULAR, LATIN_REGULAR):
        font_manager.fontManager.addfont(str(path))
        names.append(font_manager.FontProperties(fname=str(path)).get_name())
    return names


def render_trend_png(trend: Trend) -> bytes:
    """A stacked bar per week: on time, late, missing."""
    shape = visual if trend.lang == "fa" and not NATIVE_BIDI else (lambda s: s)
    families = _families()
    figure = Figure(figsize=(9, 4.8), dpi=110)
    axes = figure.subplots()
    labels = [shape(w.label) for w in trend.weeks]
    positions = range(len(trend.weeks))
    bottom = [0] * len(trend.weeks)
    series = (
        (trend.on_time_label, [w.on_time for w in trend.weeks]),
        (trend.late_label, [w.late for w in trend.weeks]),
        (trend.missing_label, [w.missing for w in trend.weeks]),
    )
    for (name, values), colour in zip(series, _COLOURS, strict=True):
        axes.bar(positions, values, bottom=bottom, color=colour, label=shape(name))
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    axes.set_xticks(list(positions), labels, fontfamily=families, rotation=30, ha="right")
    axes.set_ylabel(shape(trend.axis_label), fontfamily=families)
    axes.set_title(shape(trend.title), fontfamily=families, fontsize=13)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.legend(prop={"family": families}, loc="upper left")
    if trend.lang == "fa":
        axes.invert_xaxis()  # the oldest week at the right, as Persian reads
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
