"""PETRARCH2's unit-test suite as a gold set.

``PETR.UnitTest.records.xml`` holds one ``<Sentence>`` per test with its text
and the events PETRARCH must code from it, as (source, target, CAMEO code)
triples over the fictional actors of the ``PETR.Validate.*`` dictionaries.

What is compared, and how leniently:

- an event: the CAMEO *root* (the code's first two digits), not the full code;
- an actor code ``GONGOV``: its first three letters against Dyad's
  ``country``, the next three (when there are any) against ``sector``; a
  missing sector on *either* side agrees, so ``GON`` expected accepts Dyad's
  (GON, GOV) and ``GONGOV`` expected accepts Dyad's (GON, None);
- ``---`` (an actor PETRARCH cannot name) agrees with no actor or an actor
  without a country; ``'"THE MINISTRY OF MAGIC"'`` (a new actor taken from
  the noun phrase) agrees with an actor whose text or name holds its last word;
- records PETRARCH itself skips (``sentence="false"``), records that must
  raise an input error (datelines, bad parses, discards: Dyad raises none of
  these; it reads the suite's discards file and drops such sentences quietly)
  and a record whose coding is commented out are not scored;
  no-event records are coded and count the events Dyad wrongly finds.

The suite's event codes come from its own verb dictionary, in its words an old
KEDS/WEIS one "tweaked quite unsystematically": "restore ties" is 064, "left
for" is 032/033 (WEIS visit/host), and 73 of the 352 scored codes are no CAMEO
code at all (9xx test codes, 21x-22x, 345). Dyad reads that verbs file as a
user's verb dictionary (:mod:`dyad.events.petrarch_verbs`), so its codes are
the ones compared; the actor-pair figure ignores the codes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.errors import InputError
from dyad.records import Actor, Article, Event

RECORDS = Path("datasets/petrarch-validation/records/PETR.UnitTest.records.xml")
DICTIONARIES = (
    Path("datasets/petrarch-validation/dictionaries/PETR.Validate.actors.txt"),
    Path("datasets/petrarch-validation/dictionaries/PETR.Validate.agents.txt"),
    Path("datasets/petrarch-validation/dictionaries/PETR.Validate.verbs.txt"),
    Path("datasets/petrarch-validation/dictionaries/PETR.Validate.discards.txt"),
)
UNKNOWN_ACTOR = "---"


@dataclass(frozen=True)
class Expected:
    """One expected event: PETRARCH actor codes and the CAMEO event code."""

    source: str
    target: str
    cameo: str

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True)
class TestRecord:
    """One ``<Sentence>`` of the suite. ``kind`` is ``events``, ``no-event``,
    ``error`` (the coder must report an input error), ``not-a-sentence``
    (``sentence="false"``) or ``no-coding``."""

    doc_id: str  # the record's id, made unique (the suite repeats two ids)
    record_id: str
    category: str
    date: str | None  # YYYY-MM-DD
    text: str
    kind: str
    expected: tuple[Expected, ...]

    @property
    def scored(self) -> bool:
        return self.kind in ("events", "no-event")

    def article(self) -> Article:
        return Article(doc_id=self.doc_id, text=self.text, published=self.date)


def read_records(path: Path) -> list[TestRecord]:
    """Every ``<Sentence>`` of a PETRARCH validation XML file, in file order."""
    if not path.is_file():
        raise InputError(str(path), "PETRARCH unit-test records are missing")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise InputError(str(path), f"not well-formed XML: {error}") from error
    records, seen = [], {}
    for sentence in root.iter("Sentence"):
        record_id = sentence.get("id", "")
        seen[record_id] = seen.get(record_id, 0) + 1
        doc_id = record_id if seen[record_id] == 1 else f"{record_id}~{seen[record_id]}"
        records.append(_record(sentence, doc_id, record_id))
    return records


def _record(sentence: ET.Element, doc_id: str, record_id: str) -> TestRecord:
    codings = sentence.findall("EventCoding")
    expected = tuple(
        Expected(c.get("sourcecode", "").strip(), c.get("targetcode", "").strip(), c.get("eventcode", "").strip())
        for c in codings
        if c.get("eventcode")
    )
    valid = (sentence.get("sentence") or sentence.get("valid") or "true").lower() != "false"
    if not valid:
        kind = "not-a-sentence"
    elif expected:
        kind = "events"
    elif any(c.get("noevents", "").lower() == "true" for c in codings):
        kind = "no-event"
    elif any(c.get("error") for c in codings):
        kind = "error"
    else:
        kind = "no-coding"
    text = " ".join((sentence.findtext("Text") or "").split())
    return TestRecord(doc_id, record_id, sentence.get("category", ""), _date(sentence.get("date")), text, kind, expected)


def _date(value: str | None) -> str | None:
    match = re.fullmatch(r"\s*(\d{4})(\d{2})(\d{2})\s*", value or "")
    return "-".join(match.groups()) if match else None


def actor_agrees(code: str, actor: Actor | None) -> bool:
    """Whether Dyad's actor is the one a PETRARCH code names (see the module
    docstring for the leniency)."""
    code = code.strip()
    if code[:1] in "'\"" and code:
        words = re.findall(r"\w+", code.lower())
        return actor is not None and bool(words) and words[-1] in _actor_words(actor)
    country, role = code[:3], code[3:6] or None
    if country == UNKNOWN_ACTOR:
        if actor is None:
            return role is None
        return actor.country is None and _sector_agrees(role, actor.sector)
    if actor is None or actor.country is None:
        return False
    return actor.country.upper() == country.upper() and _sector_agrees(role, actor.sector)


def _sector_agrees(role: str | None, sector: str | None) -> bool:
    return role is None or sector is None or sector[:3].upper() == role.upper()


def _actor_words(actor: Actor) -> set[str]:
    return set(re.findall(r"\w+", f"{actor.text} {actor.name}".lower()))


def cameo_root(event: Event) -> str | None:
    digits = re.sub(r"\D", "", event.cameo or "")
    return digits[:2] if len(digits) >= 2 else None


def event_agrees(expected: Expected, event: Event) -> bool:
    return (
        cameo_root(event) == expected.root
        and actor_agrees(expected.source, event.source)
        and actor_agrees(expected.target, event.target)
    )


def match_record(expected: Sequence[Expected], events: Sequence[Event], compare: str = "all") -> int:
    """How many expected events Dyad produced, one Dyad event per expected
    one (greedy, in order). ``compare``: ``all`` (root and both actors),
    ``roots`` (actors ignored) or ``actors`` (event codes ignored)."""
    agrees = {
        "all": event_agrees,
        "roots": lambda want, event: cameo_root(event) == want.root,
        "actors": lambda want, event: actor_agrees(want.source, event.source) and actor_agrees(want.target, event.target),
    }[compare]
    used: set[int] = set()
    for want in expected:
        for i, event in enumerate(events):
            if i not in used and agrees(want, event):
                used.add(i)
                break
    return len(used)


@dataclass(frozen=True)
class PetrarchScore:
    records: int  # records coded (with expected events, or expecting none)
    expected: int
    found: int  # expected events Dyad produced
    found_roots: int  # expected CAMEO roots Dyad produced, actors ignored
    found_pairs: int  # expected (source, target) pairs Dyad produced, codes ignored
    dyad_events: int  # Dyad's events on the records with expected events
    extra: int  # of those, events that agree with no expected triple
    no_event_records: int
    no_event_with_events: int  # no-event records where Dyad found something
    no_event_events: int
    not_scored: dict[str, int]
    missed: tuple[dict[str, Any], ...]

    @property
    def found_share(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def root_share(self) -> float:
        return self.found_roots / self.expected if self.expected else 0.0

    @property
    def pair_share(self) -> float:
        return self.found_pairs / self.expected if self.expected else 0.0

    @property
    def extra_share(self) -> float:
        """Events matching no expected triple over all Dyad events, the
        no-event records' events included."""
        total = self.dyad_events + self.no_event_events
        return (self.extra + self.no_event_events) / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = {k: v for k, v in self.__dict__.items() if k != "missed"}
        data.update(found_share=self.found_share, root_share=self.root_share, pair_share=self.pair_share, extra_share=self.extra_share)
        data["missed"] = list(self.missed)
        return data


def score_records(records: Iterable[TestRecord], events_by_doc: dict[str, list[Event]]) -> PetrarchScore:
    counts = dict.fromkeys(("records", "expected", "found", "found_roots", "found_pairs", "dyad_events", "extra"), 0)
    counts.update(no_event_records=0, no_event_with_events=0, no_event_events=0)
    not_scored: dict[str, int] = {}
    missed = []
    for record in records:
        if not record.scored:
            not_scored[record.kind] = not_scored.get(record.kind, 0) + 1
            continue
        events = events_by_doc.get(record.doc_id, [])
        counts["records"] += 1
        if record.kind == "no-event":
            counts["no_event_records"] += 1
            counts["no_event_with_events"] += bool(events)
            counts["no_event_events"] += len(events)
            continue
        found = match_record(record.expected, events)
        counts["expected"] += len(record.expected)
        counts["found"] += found
        counts["found_roots"] += match_record(record.expected, events, "roots")
        counts["found_pairs"] += match_record(record.expected, events, "actors")
        counts["dyad_events"] += len(events)
        counts["extra"] += sum(not any(event_agrees(w, e) for w in record.expected) for e in events)
        if found < len(record.expected):
            missed.append(_brief(record, events))
    return PetrarchScore(**counts, not_scored=not_scored, missed=tuple(missed))


def _brief(record: TestRecord, events: Sequence[Event]) -> dict[str, Any]:
    return {
        "id": record.doc_id,
        "category": record.category,
        "expected": [f"{e.source} {e.target} {e.cameo}" for e in record.expected],
        "dyad": [f"{_code(e.source)} {_code(e.target)} {e.cameo} {e.event_type}" for e in events],
    }


def _code(actor: Actor | None) -> str:
    if actor is None:
        return "---"
    return f"{actor.country or '---'}{actor.sector or ''}"
