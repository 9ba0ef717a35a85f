"""A timeline chart: per period, events per QuadClass (stacked bars) and the
mean Goldstein value (line), one panel per direction. Needs matplotlib."""

from __future__ import annotations

from pathlib import Path

from dyad.errors import DyadError
from dyad.store.queries import Timeline

QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
QUAD_COLOURS = ("#7fb3d5", "#1f618d", "#f0b27a", "#c0392b")


def periods_between(first: str, last: str, by: str) -> list[str]:
    """Every period label from ``first`` to ``last``, gaps included."""
    def index(label: str) -> int:
        year = int(label[:4])
        if by == "year":
            return year
        if by == "quarter":
            return year * 4 + int(label[-1]) - 1
        return year * 12 + int(label[5:7]) - 1

    def label(i: int) -> str:
        if by == "year":
            return f"{i:04d}"
        if by == "quarter":
            return f"{i // 4:04d}-Q{i % 4 + 1}"
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    return [label(i) for i in range(index(first), index(last) + 1)]


def plot_timeline(timeline: Timeline, path: str | Path) -> Path:
    """Write the chart to ``path`` (.png, .svg or .pdf)."""
    try:
        import matplotlib
    except ImportError as error:
        raise DyadError("a timeline chart needs matplotlib: pip install matplotlib") from error
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    path = Path(path)
    labels = sorted({r.period for r in timeline.rows})
    periods = periods_between(labels[0], labels[-1], timeline.by) if labels else []
    directions = [(timeline.a, timeline.b), (timeline.b, timeline.a)]
    fig, axes = plt.subplots(2, 1, figsize=(max(6.0, 0.3 * len(periods) + 2), 6), sharex=True, squeeze=False)
    for ax, (source, target) in zip(axes[:, 0], directions):
        _panel(ax, timeline, periods, source, target)
    axes[-1, 0].set_xticks(range(len(periods)), periods, rotation=90 if len(periods) > 12 else 0, fontsize=8)
    axes[0, 0].legend(loc="upper left", fontsize=8, ncols=2)
    fig.suptitle(f"{timeline.a}-{timeline.b} events by {timeline.by}")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def _panel(ax, timeline: Timeline, periods: list[str], source: str, target: str) -> None:
    rows = {r.period: r for r in timeline.rows if (r.source, r.target) == (source, target)}
    bottom = [0] * len(periods)
    for quad, (name, colour) in enumerate(zip(QUAD_LABELS, QUAD_COLOURS)):
        heights = [rows[p].quad_classes[quad] if p in rows else 0 for p in periods]
        ax.bar(range(len(periods)), heights, bottom=bottom, color=colour, label=name)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_ylabel(f"{source} \u2192 {target}\nevents")
    line = ax.twinx()
    points = [(i, rows[p].goldstein_mean) for i, p in enumerate(periods) if p in rows and rows[p].goldstein_mean is not None]
    if points:
        line.plot([i for i, _ in points], [g for _, g in points], "k.-", label="mean Goldstein")
    line.set_ylim(-10, 10)
    line.axhline(0, color="grey", linewidth=0.5)
    line.set_ylabel("mean Goldstein")
