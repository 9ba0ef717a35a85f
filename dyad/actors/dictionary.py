"""User actor dictionaries: who a name stands for, when.

A dictionary is a CSV file with the columns ``name,aliases,country,sector,wikidata,start,end``
(aliases separated by ``|``; ``start``/``end`` optional ISO dates bounding when the row
applies) or a YAML file holding a list of mappings with the same keys (``aliases`` may be
a list). Several rows may share a name with different dates ("Benjamin Netanyahu" GOV
2009–2021, ELI 2021–2022, GOV from 2022). PETRARCH/TABARI dictionaries load into the same
structure (:mod:`dyad.actors.petrarch`).

Look-ups are case-insensitive and ignore a leading "the", a possessive, dots, accents and
hyphens, except that short all-capital names ("UN", "US") match only in capitals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from dyad.actors._text import Found, is_acronym, key, search, split_list, surface
from dyad.actors.knowledge import is_country_code
from dyad.actors.sectors import SECTORS
from dyad.errors import DictionaryError

COLUMNS = ("name", "aliases", "country", "sector", "wikidata", "start", "end")
_WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class ActorEntry:
    """What a dictionary says an actor is. ``code`` is the CAMEO code when the entry came
    from a PETRARCH dictionary ("USAGOV"), else None."""

    name: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    code: str | None = None


@dataclass(frozen=True)
class _Rule:
    entry: ActorEntry | None  # None: a name known to stand for no actor (PETRARCH "---")
    start: dt.date | None
    end: dt.date | None
    acronym: bool  # the name must appear in capitals

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class SkippedLine:
    """A line a lenient loader did not understand, kept so a run can report it."""

    line: int
    text: str
    reason: str


class ActorDictionary:
    """Names -> :class:`ActorEntry`, with date ranges. Build with :meth:`load` or
    :meth:`add`; ``skipped`` lists lines a lenient (PETRARCH) loader passed over."""

    def __init__(self, source: str = "<memory>"):
        self.source = source
        self.skipped: list[SkippedLine] = []
        self._rules: dict[str, list[_Rule]] = {}
        self._stems: dict[str, list[_Rule]] = {}
        self._longest = 1

    # --- building -------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path) -> "ActorDictionary":
        """A CSV (``.csv``) or YAML (``.yaml``, ``.yml``) dictionary; bad files raise
        :class:`DictionaryError` naming the line. PETRARCH ``.txt`` files: see
        :func:`dyad.actors.petrarch.load_petrarch_actors`."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            raise DictionaryError(str(path), None, f"cannot read: {err}") from err
        rows = _csv_rows(path, text) if path.suffix.lower() == ".csv" else None
        if rows is None and path.suffix.lower() in (".yaml", ".yml"):
            rows = _yaml_rows(path, text)
        if rows is None:
            raise DictionaryError(str(path), None, "expected a .csv, .yaml or .yml file")
        dictionary = cls(str(path))
        for line, row in rows:
            dictionary._add_row(path, line, row)
        return dictionary

    def add(self, names: Iterable[str], entry: ActorEntry | None, start: dt.date | None = None,
            end: dt.date | None = None, stem: bool = False, case_sensitive: bool = True) -> None:
        """Let each of ``names`` stand for ``entry`` between ``start`` and ``end``
        (inclusive, open when None). ``stem``: a name also matches longer last words
        ("ARGENTIN" -> "Argentina", TABARI's convention). ``case_sensitive``: short
        all-capital names match only in capitals."""
        for name in names:
            k = key(name)
            if not k:
                continue
            rule = _Rule(entry, start, end, case_sensitive and is_acronym(surface(name)))
            (self._stems if stem else self._rules).setdefault(k, []).append(rule)
            self._longest = max(self._longest, k.count(" ") + 1)

    def extend(self, other: "ActorDictionary") -> None:
        """Add every name of ``other`` (its entries come after this one's own)."""
        for target, source in ((self._rules, other._rules), (self._stems, other._stems)):
            for k, rules in source.items():
                target.setdefault(k, []).extend(rules)
        self._longest = max(self._longest, other._longest)
        self.skipped.extend(other.skipped)

    def _add_row(self, path: Path, line: int, row: dict[str, Any]) -> None:
        def problem(message: str) -> DictionaryError:
            return DictionaryError(str(path), line, message)

        unknown = sorted(map(str, set(row) - set(COLUMNS)))
        if unknown:
            raise problem(f"unknown column(s) {', '.join(unknown)}; known: {', '.join(COLUMNS)}")
        entry = _entry(row, problem)
        start = _date(row.get("start"), first=True, problem=problem)
        end = _date(row.get("end"), first=False, problem=problem)
        if start and end and start > end:
            raise problem(f"start {start} is after end {end}")
        self.add([entry.name, *_aliases(row.get("aliases"))], entry, start, end)

    # --- look-ups -------------------------------------------------------------------
    def lookup(self, text: str, date: dt.date | str | None = None) -> ActorEntry | None:
        """The entry ``text`` stands for on ``date`` (a date or "YYYY-MM-DD", "YYYY-MM",
        "YYYY": the first day of the month or year). With a date: the first dated row
        whose range holds it, else an undated row, else None. Without a date: an undated
        row, else the row that applies latest (the current one)."""
        day = _as_date(date)
        written = surface(text)
        rules = [r for r in self._candidates(key(written)) if not r.acronym or written.isupper()]
        return _choose(rules, day)

    def find(self, text: str, date: dt.date | str | None = None) -> Found | None:
        """The leftmost-longest name of this dictionary inside a longer text, as a
        :class:`Found` whose value is the :class:`ActorEntry`."""
        hits = search(text, [lambda span: self.lookup(span, date)], self._longest)
        return hits[0] if hits else None

    def _candidates(self, k: str) -> list[_Rule]:
        if k in self._rules:
            return self._rules[k]
        if not self._stems or not k:
            return []
        if k in self._stems:
            return self._stems[k]
        head, _, last = k.rpartition(" ")
        for cut in range(len(last) - 1, 3, -1):  # stems of at least 4 letters
            stem = f"{head} {last[:cut]}" if head else last[:cut]
            if stem in self._stems:
                return self._stems[stem]
        return []

    def __contains__(self, text: str) -> bool:
        return bool(self._candidates(key(text)))

    def __len__(self) -> int:
        return len(self._rules) + len(self._stems)

    def names(self) -> Iterator[str]:
        """The look-up keys (normalised names) this dictionary holds."""
        yield from self._rules
        yield from self._stems


def _choose(rules: list[_Rule], day: dt.date | None) -> ActorEntry | None:
    if not rules:
        return None
    if day is not None:
        for rule in rules:
            if rule.dated and rule.covers(day):
                return rule.entry
    undated = [r for r in rules if not r.dated]
    if undated:
        return undated[0].entry
    if day is not None:
        return None
    latest = max(rules, key=lambda r: (r.end or dt.date.max, r.start or dt.date.min))
    return latest.entry


def _entry(row: dict[str, Any], problem: Callable[[str], DictionaryError]) -> ActorEntry:
    name = _text(row.get("name"))
    if not name:
        raise problem("the name is empty")
    return ActorEntry(
        name,
        _checked(row, "country", is_country_code, problem, "is not ISO3 nor one of PLOVER's IGO, UNO, ..."),
        _checked(row, "sector", SECTORS.__contains__, problem, "is not a PLOVER sector"),
        _checked(row, "wikidata", _WIKIDATA.match, problem, "is not a Wikidata id (Q123)"),
    )


def _checked(row: dict[str, Any], column: str, valid: Callable[[str], Any],
             problem: Callable[[str], DictionaryError], complaint: str) -> str | None:
    value = _text(row.get(column)).upper() or None
    if value and not valid(value):
        raise problem(f"{value!r} {complaint}")
    return value


def _aliases(value: Any) -> list[str]:
    """"a|b" or a YAML list -> ["a", "b"]."""
    if value is None or isinstance(value, str):
        return split_list(value)
    return [_text(a) for a in value if _text(a)]


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """An event's date as given; one that is not ISO counts as unknown."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return _date(value, first=True, problem=ValueError)
    except ValueError:
        return None


def _date(value: Any, first: bool, problem) -> dt.date | None:
    """An ISO date; "YYYY" and "YYYY-MM" mean their first day (``first``) or last day."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _PARTIAL_DATE.match(str(value).strip())
    try:
        if not match:
            raise ValueError
        year, month, day = int(match[1]), int(match[2] or (1 if first else 12)), match[3]
        if day is None:
            day = 1 if first else _last_day(year, month)
        return dt.date(year, month, int(day))
    except ValueError:
        raise problem(f"{value!r} is not an ISO date (YYYY-MM-DD)") from None


def _last_day(year: int, month: int) -> int:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


def _csv_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    reader = csv.reader(io.StringIO(text))
    header: list[str] | None = None
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [c.strip().lower() for c in cells]
                unknown = [c for c in header if c not in COLUMNS]
                if "name" not in header or unknown:
                    what = f"unknown column(s) {', '.join(unknown)}" if unknown else "no 'name' column"
                    raise DictionaryError(str(path), line, f"{what}; known: {', '.join(COLUMNS)}")
                continue
            if len(cells) > len(header):
                raise DictionaryError(str(path), line, f"{len(cells)} cells but {len(header)} columns")
            yield line, dict(zip(header, cells))
    except csv.Error as err:
        raise DictionaryError(str(path), reader.line_num, f"bad CSV: {err}") from err


def _yaml_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise DictionaryError(str(path), mark.line + 1 if mark else None, f"bad YAML: {err}") from err
    if isinstance(data, dict) and "actors" in data:  # {"actors": [...]} is accepted too
        data = data["actors"]
        node = next(v for k, v in node.value if k.value == "actors")
    if data is None:
        return
    if not isinstance(data, list):
        raise DictionaryError(str(path), 1, "expected a list of actors (or a mapping with 'actors:')")
    for item, item_node in zip(data, node.value):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict):
            raise DictionaryError(str(path), line, "each actor must be a mapping (name: ..., country: ...)")
        yield line, {str(k): v for k, v in item.items()}
