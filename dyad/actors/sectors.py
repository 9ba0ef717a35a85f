"""Role words -> PLOVER sector: "Russia's President Vladimir Putin" -> GOV.

The words and phrases are a hand-written table, ``dyad/data/actors/sectors.tsv``. A phrase
is read as an English noun phrase: its head role is the rightmost role before the first
preposition or relative word ("the Israeli embassy in Moscow" -> embassy -> GOV); a
*weak* role (spokesman, leader, head, officials) yields to another role in the phrase
("army spokesman" -> MIL, "head of the army" -> MIL) and keeps its own sector otherwise;
"former", "ex-", "ousted", "exiled" or "retired" before a state role make it ELI.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.actors._text import DATA_DIR, fold, read_table, straighten
from dyad.errors import DictionaryError

#: PLOVER's sector codes (spec/event-record.md).
SECTORS = (
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "SPY", "REB", "PRM", "UAF", "OPP", "ELI", "BUS",
    "JRN", "MED", "EDU", "REL", "LAB", "AGR", "CVL", "SOC", "REF", "CRM", "PRE", "UNK",
)
SECTORS_PATH = DATA_DIR / "sectors.tsv"

_FORMER = {"former", "ex", "ousted", "deposed", "exiled", "retired", "erstwhile", "onetime"}
_STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Words after which the head noun phrase has ended ("embassy in Moscow", "forces loyal to").
_BOUNDARIES = {
    "of", "in", "at", "for", "from", "to", "with", "on", "near", "under", "over", "by",
    "against", "after", "during", "since", "among", "inside", "outside", "between", "across",
    "loyal", "linked", "allied", "backed", "based", "close", "who", "that", "which", "whose",
    ",", ";", ":", "(",
}
_MAX_GAP_AFTER_FORMER = 3
_SPLIT = re.compile(r"[\s\-_/]+")
_EDGE = "\"'.!?)[]{}"


@dataclass(frozen=True)
class _Role:
    sector: str | None  # None: a phrase that names no role ("European Union")
    weak: bool


@dataclass(frozen=True)
class RoleMatch:
    """The role found in a phrase: its sector, its words, and where they are."""

    sector: str
    role: str  # the role words as normalised ("prime minister")
    start: int  # index of the first role word among the phrase's words
    end: int  # one past the last
    former: bool = False  # the sector was turned to ELI by "former" or the like


def words(phrase: str | Sequence[str]) -> list[str]:
    """Lower-cased words of a phrase; hyphens split words, possessives and edge
    punctuation go, commas and brackets stay as boundary words."""
    text = phrase if isinstance(phrase, str) else " ".join(phrase)
    text = re.sub(r"([,;:(])", r" \1 ", fold(straighten(text)))
    out = []
    for token in _SPLIT.split(text):
        token = re.sub(r"'s$|'$", "", token.strip(_EDGE)).strip(_EDGE)
        if token:
            out.append(token)
    return out


def plural(word: str) -> str:
    """The regular English plural: soldier -> soldiers, ministry -> ministries."""
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


class SectorTable:
    """Role phrases (as word tuples) -> sector, with derived plurals."""

    def __init__(self, roles: dict[tuple[str, ...], _Role]):
        self._roles = roles
        self._longest = max((len(k) for k in roles), default=1)

    @classmethod
    def load(cls, path: Path = SECTORS_PATH) -> "SectorTable":
        listed: dict[tuple[str, ...], _Role] = {}
        for number, row in read_table(path, ("phrase", "sector", "kind")):
            sector = None if row["sector"] == "-" else row["sector"]
            if sector is not None and sector not in SECTORS:
                raise DictionaryError(str(path), number, f"unknown sector {row['sector']!r}")
            if row["kind"] not in ("", "weak"):
                raise DictionaryError(str(path), number, f"unknown kind {row['kind']!r}")
            listed[tuple(words(row["phrase"]))] = _Role(sector, row["kind"] == "weak")
        roles = dict(listed)
        for phrase, role in listed.items():
            roles.setdefault(phrase[:-1] + (plural(phrase[-1]),), role)
        return cls(roles)

    def find(self, phrase: str | Sequence[str]) -> RoleMatch | None:
        """The head role of a phrase, or None when it names no role."""
        tokens = words(phrase)
        spans = self._spans(tokens)
        cut = self._head_end(tokens, spans)
        head = [s for s in spans if s[1] <= cut]
        rest = [s for s in spans if s[0] >= cut]
        chosen = (
            _rightmost(head, weak=False)
            or _first(rest, weak=False)
            or _rightmost(head, weak=True)
            or _first(rest, weak=True)
        )
        if chosen is None:
            return None
        start, end, role = chosen
        sector, former = role.sector, False
        if sector in _STATE_SECTORS and self._former_before(tokens, spans, min(start, cut)):
            sector, former = "ELI", True
        return RoleMatch(sector, " ".join(tokens[start:end]), start, end, former)  # type: ignore[arg-type]

    def sector(self, phrase: str | Sequence[str]) -> str | None:
        match = self.find(phrase)
        return match.sector if match else None

    def _spans(self, tokens: list[str]) -> list[tuple[int, int, _Role]]:
        """Greedy longest matches, left to right, without overlap."""
        spans, i = [], 0
        while i < len(tokens):
            for size in range(min(self._longest, len(tokens) - i), 0, -1):
                role = self._roles.get(tuple(tokens[i : i + size]))
                if role is not None:
                    spans.append((i, i + size, role))
                    i += size
                    break
            else:
                i += 1
        return spans

    @staticmethod
    def _head_end(tokens: list[str], spans: list[tuple[int, int, _Role]]) -> int:
        """Index of the first boundary word outside a role phrase ("head of state" is one
        role); an -ing word after a role also ends the head ("refugees fleeing ...")."""
        inside = {i for start, end, _ in spans for i in range(start, end)}
        first_role_end = min((end for _, end, r in spans if r.sector), default=len(tokens))
        for i, token in enumerate(tokens):
            if i in inside:
                continue
            if token in _BOUNDARIES or (i >= first_role_end and token.endswith("ing")):
                return i
        return len(tokens)

    @staticmethod
    def _former_before(tokens: list[str], spans: list[tuple[int, int, _Role]], start: int) -> bool:
        roles_before = [end for _, end, r in spans if end <= start and r.sector and not r.weak]
        lower = max([max(roles_before, default=0), start - _MAX_GAP_AFTER_FORMER - 1, 0])
        return any(tokens[i] in _FORMER for i in range(lower, start))


def _rightmost(spans, weak: bool):
    found = [(s, e, r) for s, e, r in spans if r.sector and r.weak == weak]
    return found[-1] if found else None


def _first(spans, weak: bool):
    found = [(s, e, r) for s, e, r in spans if r.sector and r.weak == weak]
    return found[0] if found else None


@lru_cache(maxsize=1)
def sector_table() -> SectorTable:
    """The shipped table, loaded on first use."""
    return SectorTable.load()


def sector_for(phrase: str | Sequence[str]) -> str | None:
    """PLOVER sector of the head role in a phrase or token list: "Israeli soldiers" ->
    MIL, "former prime minister Benjamin Netanyahu" -> ELI; None when it names no role."""
    return sector_table().sector(phrase)


def find_role(phrase: str | Sequence[str]) -> RoleMatch | None:
    """Like :func:`sector_for`, with the role's words and position."""
    return sector_table().find(phrase)
