"""The typed results of an evaluation run, and their table and JSON forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Measure:
    """One figure of one gold set, with its target where the project set one.

    ``unit`` says how to show it: ``ratio`` (0..1), ``count`` or ``rate``
    (articles per second). ``lower_is_better`` flips the pass test."""

    part: str
    name: str
    value: float | None
    target: float | None = None
    unit: str = "ratio"
    note: str = ""
    lower_is_better: bool = False

    @property
    def passed(self) -> bool | None:
        if self.target is None or self.value is None:
            return None
        return self.value <= self.target if self.lower_is_better else self.value >= self.target

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "name": self.name,
            "value": self.value,
            "target": self.target,
            "unit": self.unit,
            "passed": self.passed,
            "note": self.note,
        }


@dataclass(frozen=True)
class PartResult:
    """What one gold set gave: its measures, how many documents were coded in
    how many seconds, inputs that could not be read, and details (per-type
    figures, missed events) for the JSON form."""

    part: str
    documents: int
    seconds: float
    measures: tuple[Measure, ...]
    skipped: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float | None:
        return self.documents / self.seconds if self.seconds > 0 else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "articles_per_second": _round(self.articles_per_second, 2),
            "measures": [m.to_dict() for m in self.measures],
            "skipped": list(self.skipped),
            "details": self.details,
        }


@dataclass(frozen=True)
class EvaluationReport:
    """One run over the chosen gold sets, in the order they ran."""

    parts: tuple[PartResult, ...]
    load_seconds: float  # loading the coders (language pipeline, tables, dictionaries)
    limit: int | None = None

    @property
    def measures(self) -> tuple[Measure, ...]:
        return tuple(m for part in self.parts for m in part.measures)

    @property
    def failed(self) -> tuple[Measure, ...]:
        return tuple(m for m in self.measures if m.passed is False)

    def part(self, name: str) -> PartResult | None:
        return next((p for p in self.parts if p.part == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "limit": self.limit,
            "load_seconds": round(self.load_seconds, 3),
            "parts": [p.to_dict() for p in self.parts],
            "measures": [m.to_dict() for m in self.measures],
        }


def render_table(report: EvaluationReport) -> str:
    """The report as one plain-text table: part, measure, value, target, result."""
    header = ("part", "measure", "value", "target", "result", "note")
    rows = [
        (m.part, m.name, _show(m.value, m.unit), _show_target(m), _verdict(m.passed), m.note)
        for m in report.measures
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row[:-1], widths)) + "  " + row[-1] for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * len("note"))
    lines.append("")
    lines.append(f"coder load: {report.load_seconds:.1f} s" + (f"; --limit {report.limit}" if report.limit else ""))
    for part in report.parts:
        rate = part.articles_per_second
        speed = f", {rate:.1f} articles/s" if rate else ""
        skipped = f", {len(part.skipped)} inputs skipped" if part.skipped else ""
        lines.append(f"{part.part}: {part.documents} documents coded in {part.seconds:.1f} s{speed}{skipped}")
    return "\n".join(line.rstrip() for line in lines)


def _show(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "count":
        return f"{value:g}"
    if unit == "rate":
        return f"{value:.1f}"
    return f"{value:.3f}"


def _show_target(measure: Measure) -> str:
    if measure.target is None:
        return "-"
    sign = "<=" if measure.lower_is_better else ">="
    return f"{sign} {_show(measure.target, measure.unit)}"


def _verdict(passed: bool | None) -> str:
    return {True: "pass", False: "FAIL", None: "-"}[passed]


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
