"""Prominent political figures and their roles: who "Putin", "Prime Minister Naftali
Bennett" or "Bashar Assad's" is, for which country and in which sector, in a given year.

The table is ``dyad/data/actors/people.tsv``, hand-written for Dyad: one row per
(person, role) with the role's years. A name matches by its full form or an alias
(case, accents, dots, hyphens, curly apostrophes and a possessive "'s" do not matter;
titles in front such as "President" or "Dr." are skipped), or by its bare last name
when that is unique among the people in office in the year asked (among everyone in
the table when no year is given).

With a year, the role that covers it wins; a person whose roles all ended before the
year comes back as a former official (sector ELI); one whose first role starts later
comes back with the country only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dyad.errors import DictionaryError

__all__ = [
    "COLUMNS", "PEOPLE_PATH", "PeopleIndex", "Person", "Role",
    "lookup", "name_key", "people_index", "read_people",
]

PEOPLE_PATH = Path(__file__).resolve().parents[1] / "data" / "actors" / "people.tsv"
COLUMNS = ("name", "aliases", "country", "sector", "role", "start", "end", "wikidata")

# PLOVER sectors (as dyad.actors.sectors.SECTORS); kept here so the table reads on its own.
_SECTORS = frozenset({
    "GOV", "MIL", "COP", "JUD", "LEG", "PTY", "SPY", "REB", "PRM", "UAF", "OPP", "ELI", "BUS",
    "JRN", "MED", "EDU", "REL", "LAB", "AGR", "CVL", "SOC", "REF", "CRM", "PRE", "UNK",
})

# Words skipped in front of a name: titles, ranks, offices, honorifics, and the words
# news puts before them ("U.S. Secretary of State", "then-President", "Russian President").
_TITLE_WORDS = frozenset("""
    president vice prime minister deputy foreign defence defense interior finance secretary
    general state of the chancellor premier king queen prince princess crown emir sheikh
    shaikh sultan emperor empress ayatollah grand supreme leader mr mrs ms dr sir dame lord
    lady senator sen rep representative congressman congresswoman speaker mayor governor gov
    chairman chairwoman chair chief commander gen lt col colonel maj major field marshal adm
    admiral brig brigadier lieutenant former ex late then acting interim caretaker outgoing
    incoming elect new pope patriarch cardinal rabbi imam mullah sayyed sayyid hojatoleslam his
    her majesty highness excellency us un nato eu opposition army military national security
    adviser advisor envoy ambassador spokesman spokeswoman spokesperson head top senior
    russian israeli american iranian chinese ukrainian turkish syrian iraqi saudi egyptian
    french british german palestinian lebanese jordanian indian pakistani afghan japanese
    korean north south qatari emirati yemeni libyan sudanese italian spanish polish hungarian
    brazilian mexican venezuelan hamas hezbollah taliban
""".split())
# A name starting with one of these is a title plus a given name: no last name to derive.
_NO_SURNAME_PREFIX = frozenset(
    {"pope", "patriarch", "sheikh", "king", "queen", "emperor", "prince", "princess"})
# Lower-case particles that belong to a last name: "von der Leyen", "bin Laden", "Le Pen".
_PARTICLES = frozenset({
    "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
    "den", "ter", "zu", "bin", "ibn", "bint", "al", "el", "ben", "abu",
})
_SUFFIXES = frozenset({"jr", "sr"})
_ROMAN = re.compile(r"^[IVXL]+$")
# Family name first: Chinese always; Korean, Taiwanese, Hong Kong and Singaporean names
# when written the Chinese way ("Kim Jong-un", "Lee Hsien Loong", not "Carrie Lam").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "SGP", "KHM"})
_FAMILY_FIRST_ALWAYS = frozenset({"CHN", "KHM"})
# News calls these people by their first name: "Abiy", "Prayut", "Mahathir".
_GIVEN_NAME_USED = frozenset({"ETH", "ERI", "THA", "MYS"})
# Burmese names have no family name.
_NO_FAMILY_NAME = frozenset({"MMR"})

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
                         "\u2032": "'", "\u201c": '"', "\u201d": '"'})
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O",
                          "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss",
                          "þ": "th", "ð": "d"})
_POSSESSIVE = re.compile(r"'s?$", re.IGNORECASE)
_DROPPED = re.compile(r"[.'\u02be\u02bf\u00b7,]")
_SEPARATORS = re.compile(r"[\s\-\u2010\u2011\u2013\u2014_/]+")
_OUTER = " \t\r\n\"()[]{}<>;:!?*"
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")


def name_key(text: str) -> str:
    """The form names are compared in: lower case, no accents, dots or apostrophes,
    hyphens as spaces, without a possessive "'s" ("Erdoğan’s" -> "erdogan")."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).strip(_OUTER)
    text = _POSSESSIVE.sub("", text)
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROPPED.sub("", text.casefold())
    return " ".join(_SEPARATORS.split(text)).strip()


@dataclass(frozen=True)
class Person:
    """Who a name is in a year: ``role`` is None (and ``sector`` too) for a year
    before the person's first role; a former official's role reads "former …"."""

    name: str
    country: str | None
    sector: str | None
    role: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Role:
    """One row of the table."""

    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str
    role: str
    start: int | None
    end: int | None
    wikidata: str | None
    line: int

    def covers(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year <= self.end)

    def began_by(self, year: int) -> bool:
        return self.start is None or self.start <= year


def _start(role: Role) -> float:
    return float("-inf") if role.start is None else role.start


def _end(role: Role) -> float:
    return float("inf") if role.end is None else role.end


def derived_last_names(name: str, countries: Iterable[str]) -> set[str]:
    """Keys of the bare last name(s) news uses for ``name``: "Vladimir Putin" -> putin,
    "Bashar al-Assad" -> al assad and assad, "Xi Jinping" -> xi, "Ursula von der Leyen"
    -> von der leyen; none for monarchs ("Charles III"), popes and Burmese names."""
    countries = set(countries)
    tokens = name.split()
    while len(tokens) > 1 and name_key(tokens[-1]) in _SUFFIXES:
        tokens.pop()
    if (len(tokens) < 2 or any(_ROMAN.match(t) for t in tokens)
            or name_key(tokens[0]) in _NO_SURNAME_PREFIX or countries & _NO_FAMILY_NAME):
        return set()
    if countries & _GIVEN_NAME_USED:
        last = tokens[0]
    elif countries & _FAMILY_FIRST and (
            countries & _FAMILY_FIRST_ALWAYS or "-" in tokens[-1] or len(tokens) == 3):
        last = tokens[0]
    else:
        last = tokens[-1]
        if name_key(last) == name_key(tokens[0]):
            return set()  # "Abdullah Abdullah", "Mohamed Abdullahi Mohamed": a given name
        i = len(tokens) - 2
        while i >= 1 and tokens[i].casefold() in _PARTICLES:
            last = f"{tokens[i]} {last}"
            i -= 1
    keys = {name_key(last)}
    bare = re.match(r"(?i)^(?:al|el)-(.+)$", last)
    if bare:
        keys.add(name_key(bare.group(1)))
    return keys


class PeopleIndex:
    """The people table, indexed by full names, aliases and derived last names."""

    def __init__(self, roles: Iterable[Role]):
        self.roles: tuple[Role, ...] = tuple(roles)
        people: dict[str, list[Role]] = {}
        for role in self.roles:
            people.setdefault(role.name, []).append(role)
        self._people = {name: tuple(rows) for name, rows in people.items()}
        full: dict[str, list[str]] = {}
        short: dict[str, list[str]] = {}

        def add(index: dict[str, list[str]], key: str, name: str) -> None:
            if key and name not in index.setdefault(key, []):
                index[key].append(name)

        for name, rows in self._people.items():
            add(full, name_key(name), name)
            for alias in {a for row in rows for a in row.aliases}:
                # a one-word alias ("Lula", "Saddam", "MBS") is a short name like a last name
                add(short if len(alias.split()) == 1 else full, name_key(alias), name)
            for last in derived_last_names(name, {row.country for row in rows}):
                add(short, last, name)
        self._full = {k: tuple(v) for k, v in full.items()}
        self._short = {k: tuple(v) for k, v in short.items() if k not in full}

    @classmethod
    def load(cls, path: Path | str = PEOPLE_PATH) -> PeopleIndex:
        return cls(read_people(path))

    @property
    def people(self) -> tuple[str, ...]:
        """Canonical names, in table order."""
        return tuple(self._people)

    def roles_of(self, name: str) -> tuple[Role, ...]:
        return self._people.get(name, ())

    def lookup(self, name: str, year: int | None = None) -> Person | None:
        """Who ``name`` is (in ``year``), or None when unknown or ambiguous."""
        for key in _forms(name):
            if key in self._full:
                return self._resolve(self._full[key], year, full=True)
            if key in self._short:
                return self._resolve(self._short[key], year, full=False)
        return None

    def _resolve(self, names: tuple[str, ...], year: int | None, *, full: bool) -> Person | None:
        if len(names) == 1 and (full or year is None):
            return self._person(names[0], year)
        if year is None:
            return None
        active = [n for n in names if any(r.covers(year) for r in self._people[n])]
        if len(active) == 1:
            return self._person(active[0], year)
        if active:
            return None
        former = [n for n in names if any(r.began_by(year) for r in self._people[n])]
        return self._person(former[0], year) if len(former) == 1 else None

    def _person(self, name: str, year: int | None) -> Person:
        rows = self._people[name]
        wikidata = next((r.wikidata for r in rows if r.wikidata), None)
        if year is None:
            row = max(rows, key=lambda r: (_start(r), _end(r)))
            return Person(name, row.country, row.sector, row.role, wikidata)
        covering = [r for r in rows if r.covers(year)]
        if covering:
            row = max(covering, key=_start)  # the latest role taken up; the table's order on ties
            return Person(name, row.country, row.sector, row.role, wikidata)
        ended = [r for r in rows if r.end is not None and r.end < year]
        if ended:
            row = max(ended, key=lambda r: (_end(r), _start(r)))
            return Person(name, row.country, "ELI", f"former {row.role}", wikidata)
        row = min(rows, key=_start)
        return Person(name, row.country, None, None, wikidata)


def _forms(name: str) -> Iterator[str]:
    """The name's key, then the key without each leading title word in turn."""
    words = name_key(name).split()
    if words and words[0] == "the":
        words = words[1:]
    for i in range(len(words)):
        yield " ".join(words[i:])
        if words[i] not in _TITLE_WORDS:
            return


def _year(text: str, source: str, line: int, column: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1900 <= int(text) <= 2100:
        raise DictionaryError(source, line, f"{column} {text!r} is not a year")
    return int(text)


def read_people(path: Path | str = PEOPLE_PATH) -> list[Role]:
    """The rows of a people table; a malformed row raises DictionaryError naming its line."""
    source = str(path)
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DictionaryError(source, None, str(exc)) from exc
    roles: list[Role] = []
    header_seen = False
    seen: set[tuple[str, str, int | None]] = set()
    wikidata: dict[str, str | None] = {}
    for number, text in enumerate(lines, 1):
        if not text.strip() or text.startswith("#"):
            continue
        cells = [cell.strip() for cell in text.split("\t")]
        if not header_seen:
            if tuple(cells) != COLUMNS:
                raise DictionaryError(source, number, f"header must be {' '.join(COLUMNS)}")
            header_seen = True
            continue
        if len(cells) != len(COLUMNS):
            raise DictionaryError(source, number, f"{len(cells)} columns, expected {len(COLUMNS)}")
        name, aliases, country, sector, role, start, end, qid = cells
        if not name or not role:
            raise DictionaryError(source, number, "name and role are required")
        if not _COUNTRY.match(country):
            raise DictionaryError(source, number, f"country {country!r} is not a three-letter code")
        if sector not in _SECTORS:
            raise DictionaryError(source, number, f"sector {sector!r} is not a PLOVER sector")
        if qid and not _WIKIDATA.match(qid):
            raise DictionaryError(source, number, f"wikidata {qid!r} is not a Q-id")
        first, last = _year(start, source, number, "start"), _year(end, source, number, "end")
        if first is not None and last is not None and first > last:
            raise DictionaryError(source, number, f"start {first} is after end {last}")
        if (name, role, first) in seen:
            raise DictionaryError(source, number, f"duplicate row for {name}, {role}, {start}")
        seen.add((name, role, first))
        if qid and wikidata.setdefault(name, qid) != qid:
            raise DictionaryError(source, number, f"{name} has two wikidata ids")
        roles.append(Role(
            name=name,
            aliases=tuple(a.strip() for a in aliases.split("|") if a.strip()),
            country=country,
            sector=sector,
            role=role,
            start=first,
            end=last,
            wikidata=qid or None,
            line=number,
        ))
    return roles


@cache
def people_index() -> PeopleIndex:
    """The shipped table, read once per process on first use."""
    return PeopleIndex.load(PEOPLE_PATH)


def lookup(name: str, year: int | None = None) -> Person | None:
    """Who ``name`` is in ``year`` according to the shipped table (see PeopleIndex.lookup)."""
    return people_index().lookup(name, year)
