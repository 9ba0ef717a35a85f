"""Dyad's event codebook: the PLOVER types and modes, the CAMEO code Dyad emits for each,
and every CAMEO code's name, Goldstein value, quad class and PLOVER equivalent.

The tables live in ``dyad/data/codebook`` and are made by ``train/build_codebook.py`` from
the PLOVER codebook and GDELT's CAMEO lookups; this module only reads them, once.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from dyad.errors import DyadError
from dyad.records import EVENT_TYPES

__all__ = [
    "EVENT_TYPES", "CodebookError", "EventCode", "Codebook", "codebook",
    "code_for", "modes", "cameo_info", "plover_for_cameo",
]


class CodebookError(DyadError):
    """An unknown event type or CAMEO code, or a codebook table that does not add up."""


@dataclass(frozen=True)
class EventCode:
    """What an event of one PLOVER type and mode carries.

    ``quad_class`` is the PLOVER type's quad category from the manual, which differs from
    GDELT's CAMEO root rule for CONCEDE (verbal) and PROTEST (material); ``goldstein`` is
    the Goldstein value of the ``cameo`` code, as the event record asks.
    """

    event_type: str
    mode: str | None
    cameo: str
    quad_class: int
    goldstein: float | None  # None only for a code of a user's own verb dictionary


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    quad_class: int


def _read_table(name: str) -> list[dict[str, str]]:
    """Rows of one shipped table; lines starting with '#' carry sources and licences."""
    path = resources.files("dyad").joinpath("data", "codebook", name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CodebookError(f"codebook table {name}: {exc}") from exc
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Codebook:
    """The three codebook tables, indexed for lookups."""

    def __init__(self, cameo: list[dict[str, str]], plover: list[dict[str, str]],
                 cameo_to_plover: list[dict[str, str]]):
        self.cameo = {
            r["code"]: CameoCode(r["code"], r["name"], float(r["goldstein"]), int(r["quad_class"]))
            for r in cameo
        }
        self.plover_scores = {
            (r["event_type"], r["mode"] or None): float(r["plover_score"]) if r["plover_score"] else None
            for r in plover
        }
        self.codes = {(r["event_type"], r["mode"] or None): self._event_code(r) for r in plover}
        self.mapping = {
            r["cameo"]: (r["event_type"], r["mode"] or None) if r["event_type"] else None
            for r in cameo_to_plover
        }
        missing = set(EVENT_TYPES) - {event_type for event_type, _ in self.codes}
        if missing:
            raise CodebookError(f"plover.tsv: no rows for {sorted(missing)}")

    def _event_code(self, row: dict[str, str]) -> EventCode:
        if row["cameo"] not in self.cameo:
            raise CodebookError(f"plover.tsv: CAMEO code {row['cameo']!r} is not in cameo.tsv")
        goldstein = self.cameo[row["cameo"]].goldstein
        return EventCode(row["event_type"], row["mode"] or None, row["cameo"],
                         int(row["quad_class"]), goldstein)

    @classmethod
    def load(cls) -> "Codebook":
        return cls(_read_table("cameo.tsv"), _read_table("plover.tsv"), _read_table("cameo_to_plover.tsv"))

    def code_for(self, event_type: str, mode: str | None = None) -> EventCode:
        """The code for a type and mode; a mode the type lacks gives the type's own code,
        so that an event never carries a mode outside the PLOVER manual."""
        if (event_type, None) not in self.codes:
            raise CodebookError(f"unknown PLOVER event type {event_type!r}")
        return self.codes.get((event_type, mode or None), self.codes[(event_type, None)])

    def modes(self, event_type: str) -> tuple[str, ...]:
        """The type's modes in the manual's order; () for a type without modes."""
        self.code_for(event_type)  # raises for an unknown type
        return tuple(mode for t, mode in self.codes if t == event_type and mode)

    def cameo_info(self, code: str) -> tuple[str, float, int]:
        """(name, Goldstein value, quad class) of a CAMEO code such as "0874"."""
        if code not in self.cameo:
            raise CodebookError(f"unknown CAMEO code {code!r}")
        entry = self.cameo[code]
        return entry.name, entry.goldstein, entry.quad_class

    def plover_for_cameo(self, code: str) -> tuple[str, str | None] | None:
        """(type, mode) of a CAMEO code, trying the code and then its shorter prefixes down
        to the root, so that codes the table lacks ("0875") still find their family.
        None for codes PLOVER drops (01 statements, 02 appeals) or that match nothing."""
        code = code.strip()
        for end in range(len(code), 1, -1):
            if code[:end] in self.mapping:
                return self.mapping[code[:end]]
        return None

    def plover_score(self, event_type: str, mode: str | None = None) -> float | None:
        """The PLOVER manual's conflict-cooperation score for a type or type and mode."""
        code = self.code_for(event_type, mode)
        return self.plover_scores[(code.event_type, code.mode)]


@lru_cache(maxsize=1)
def codebook() -> Codebook:
    """The shipped codebook, loaded on first use."""
    return Codebook.load()


def code_for(event_type: str, mode: str | None = None) -> EventCode:
    return codebook().code_for(event_type, mode)


def modes(event_type: str) -> tuple[str, ...]:
    return codebook().modes(event_type)


def cameo_info(code: str) -> tuple[str, float, int]:
    return codebook().cameo_info(code)


def plover_for_cameo(code: str) -> tuple[str, str | None] | None:
    return codebook().plover_for_cameo(code)
