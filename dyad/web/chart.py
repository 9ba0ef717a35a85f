"""The dyad chart as inline SVG, drawn on the server: one panel per direction,
per period a bar of events stacked by QuadClass and a dot for the mean
Goldstein value. Each bar links to the events of its period; no script needed.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from markupsafe import Markup, escape

from dyad.store.plot import QUAD_COLOURS, QUAD_LABELS, periods_between
from dyad.store.queries import Timeline, TimelineRow

LEFT, RIGHT, TOP, PANEL, GAP, BOTTOM = 44, 40, 48, 120, 34, 30
GOLDSTEIN_COLOUR = "#222"


def timeline_svg(timeline: Timeline, link: Callable[[str], str],
                 selected: Callable[[str], bool] = lambda period: False) -> Markup:
    """The chart of ``timeline``; ``link(period)`` is where a bar leads,
    ``selected(period)`` marks the periods the list below shows."""
    labels = sorted({r.period for r in timeline.rows})
    periods = periods_between(labels[0], labels[-1], timeline.by) if labels else []
    slot = max(6, min(40, 1040 // max(len(periods), 1)))
    width = LEFT + slot * max(len(periods), 1) + RIGHT
    height = TOP + 2 * PANEL + GAP + BOTTOM
    directions = [(timeline.a, timeline.b)] + ([(timeline.b, timeline.a)] if timeline.a != timeline.b else [])
    rows = {(r.period, r.source, r.target): r for r in timeline.rows}
    peak = max((r.events for r in timeline.rows), default=0)
    title = f"{timeline.a}–{timeline.b}: events per {timeline.by} by QuadClass, with the mean Goldstein value"
    parts = [
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="chart-title" data-by="{escape(timeline.by)}">',
        f'<title id="chart-title">{escape(title)}</title>',
        _legend(),
    ]
    for number, (source, target) in enumerate(directions):
        top = TOP + number * (PANEL + GAP)
        parts.append(_panel(periods, rows, source, target, top, slot, peak, link, selected))
    parts.append(_period_axis(periods, slot, TOP + len(directions) * PANEL + (len(directions) - 1) * GAP))
    if not periods:
        parts.append(f'<text x="{width / 2}" y="{TOP + PANEL}" text-anchor="middle" class="empty">'
                     "no dated events between these two</text>")
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend() -> str:
    items, x = [], LEFT
    for label, colour in zip(QUAD_LABELS, QUAD_COLOURS):
        items.append(f'<rect x="{x}" y="8" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{x + 14}" y="17" class="legend">{escape(label)}</text>')
        x += 24 + 6 * len(label)
    items.append(f'<circle cx="{x + 5}" cy="13" r="3" fill="{GOLDSTEIN_COLOUR}"/>'
                 f'<text x="{x + 14}" y="17" class="legend">mean Goldstein (right scale, −10..+10)</text>')
    return "".join(items)


def _panel(periods, rows, source, target, top, slot, peak, link, selected) -> str:
    scale = _nice_top(peak)
    out = [f'<g class="panel" data-direction="{escape(source)}-{escape(target)}">',
           f'<text x="{LEFT}" y="{top - 8}" class="direction">{escape(source)} → {escape(target)}</text>']
    for tick in _ticks(scale):
        y = top + PANEL - PANEL * tick / scale
        out.append(f'<line x1="{LEFT}" x2="{LEFT + slot * len(periods)}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                   f'<text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end" class="tick">{tick}</text>')
    right = LEFT + slot * len(periods)
    for value, label in ((10, "+10"), (0, "0"), (-10, "−10")):
        y = top + PANEL / 2 - PANEL / 2 * value / 10
        out.append(f'<text x="{right + 4}" y="{y + 3:.1f}" class="tick goldstein">{label}</text>')
    out.append(f'<line x1="{LEFT}" x2="{right}" y1="{top + PANEL / 2}" y2="{top + PANEL / 2}" class="zero"/>')
    points = []
    for index, period in enumerate(periods):
        row = rows.get((period, source, target))
        if row is None:
            continue
        x = LEFT + index * slot
        out.append(_bar(row, x, top, slot, scale, link(period), selected(period)))
        if row.goldstein_mean is not None:
            points.append((index, x + slot / 2, top + PANEL / 2 - PANEL / 2 * row.goldstein_mean / 10, row))
    out.append(_goldstein_line(points))
    out.append("</g>")
    return "".join(out)


def _bar(row: TimelineRow, x: float, top: float, slot: int, scale: int, href: str, chosen: bool) -> str:
    counts = ", ".join(f"{label} {n}" for label, n in zip(QUAD_LABELS, row.quad_classes) if n)
    mean = "" if row.goldstein_mean is None else f"; mean Goldstein {row.goldstein_mean:+.2f}"
    tip = f"{row.period}, {row.source} → {row.target}: {row.events} event{'s' * (row.events != 1)} ({counts}){mean}"
    out = [f'<a href="{escape(href)}" class="bar{" selected" * chosen}" data-period="{escape(row.period)}" '
           f'data-events="{row.events}"><title>{escape(tip)}</title>']
    y = top + PANEL
    for quad, (count, colour) in enumerate(zip(row.quad_classes, QUAD_COLOURS), start=1):
        if count:
            h = PANEL * count / scale
            y -= h
            out.append(f'<rect x="{x + 1}" y="{y:.1f}" width="{max(slot - 2, 1)}" height="{h:.1f}" '
                       f'fill="{colour}" class="q{quad}"/>')
    out.append(f'<rect x="{x}" y="{top}" width="{slot}" height="{PANEL}" class="hit"/></a>')
    return "".join(out)


def _goldstein_line(points) -> str:
    """Dots, joined where periods follow each other (a gap breaks the line)."""
    out, run = [], []
    for point in points + [None]:
        if point is not None and (not run or point[0] == run[-1][0] + 1):
            run.append(point)
            continue
        if len(run) > 1:
            out.append('<polyline class="goldstein" fill="none" stroke="{}" points="{}"/>'.format(
                GOLDSTEIN_COLOUR, " ".join(f"{x:.1f},{y:.1f}" for _, x, y, _ in run)))
        run = [point] if point is not None else []
    for _, x, y, row in points:
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{GOLDSTEIN_COLOUR}" class="goldstein">'
                   f'<title>{escape(row.period)}: mean Goldstein {row.goldstein_mean:+.2f}</title></circle>')
    return "".join(out)


def _period_axis(periods: list[str], slot: int, bottom: float) -> str:
    every = max(1, math.ceil(max((len(p) for p in periods), default=4) * 6.5 / slot))
    out = [f'<line x1="{LEFT}" x2="{LEFT + slot * len(periods)}" y1="{bottom}" y2="{bottom}" class="axis"/>']
    for index, period in enumerate(periods):
        if index % every == 0:
            x = LEFT + index * slot + slot / 2
            out.append(f'<text x="{x:.1f}" y="{bottom + 14}" text-anchor="middle" class="period">'
                       f'{escape(period)}</text>')
    return "".join(out)


def _nice_top(peak: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten at or above ``peak``."""
    if peak <= 1:
        return 1
    power = 10 ** math.floor(math.log10(peak))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= peak)


def _ticks(top: int) -> list[int]:
    step = max(1, top // 4) if top > 4 else 1
    return list(range(0, top + 1, step))
