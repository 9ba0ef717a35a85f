"""One real-world event, many mentions: merging coded events across articles.

Every event the coder finds in one document is a *mention*. Mentions of the
same real-world event, from one article or many, become one stored event that
keeps all its mentions.

How the rule works
------------------
Two mentions are **the same event** when all of these hold:

1. **Same type**: the PLOVER ``event_type`` is equal.
2. **Same actors**: the source actors match and the target actors match. An
   actor is keyed by ``country/sector`` when its country is known (so
   "Vladimir Putin" and "the Kremlin", both ``RUS/GOV``, are one actor), else
   by its canonical name, case-folded; a missing actor matches only a missing
   actor. For CONSULT, AGREE and COOPERATE the pair is unordered: "Israel met
   Russia" is "Russia met Israel".
3. **Compatible status**: ``negated`` merges only with ``negated``; ``planned``
   and ``happened`` may merge (the visit announced on Monday is the visit that
   took place on Friday).
4. **Compatible dates**: when both dates are known, they are equal or one
   contains the other (``2021-07`` contains ``2021-07-05``; ``2021`` contains
   both). When either date is unknown, the two documents' publication dates
   must lie within ``DATE_WINDOW_DAYS`` days of each other (and be known).
5. **Similar evidence**: the Jaccard overlap of the two sentences' content
   words is at least ``JACCARD_THRESHOLD`` -- or both dates are known to the
   day (and, by rule 4, equal), which is evidence enough.

Mentions are then grouped in two steps, so that the result depends only on
the set of mentions, never on the order they were ingested in:

* *components*: mentions linked by a chain of "same event" pairs;
* *events*: within a component, mentions are taken in canonical order
  (publication date, doc id, character offset, mention id) and each joins the
  first event all of whose mentions it is the same event as, else starts a
  new one. So every two mentions of one event pass the rule (no chaining of
  ``2021-07-05`` and ``2021-08-10`` through a mention dated ``2021``).

The merged event's id is its earliest mention's event id (canonical order).
Its fields come from that earliest mention, except: ``date``/``date_text``
from the most precise dated mention, ``location`` from the first mention that
has one, ``confidence`` the highest, ``status`` ``happened`` when any mention
says so.

What it gets wrong
------------------
* **Actor granularity.** ``country/sector`` is coarse: "Putin met Bennett" and
  "Lavrov met Lapid" on the same day are both ``RUS/GOV``-``ISR/GOV`` CONSULT
  with day dates, so they merge. The opposite also happens: "Israel"
  (``ISR``, no sector) and "the Israeli government" (``ISR/GOV``) never merge,
  nor does an actor resolved to a country with one the coder left unresolved.
* **Unknown dates.** Without an event date the publication window is all we
  have: a recurring event (weekly talks) reported in two articles three days
  apart with similar wording merges wrongly, and a story retold a week later
  stays apart.
* **Paraphrase.** Word overlap misses paraphrases ("hosted" vs "met with"), so
  two reports of one meeting dated only to the month stay apart.
* **Coarse dates absorb.** A mention dated only ``2016`` merges with a
  mention dated ``2016-03-09`` when the wording is close, even if the article
  meant a different meeting that year.
* **Coder errors propagate.** A wrong type or actor in one mention keeps it
  out of its event; a wrong date can pull it into another.
* **Cost.** Comparing is quadratic in the size of a component; a long chain
  of near-identical undated reports about one dyad makes one large component.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import timedelta

from dyad.records import Actor, Event

DATE_WINDOW_DAYS = 3
JACCARD_THRESHOLD = 0.2
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WORD = re.compile(r"\w+", re.UNICODE)
# Words too common in news sentences to say two sentences tell one story.
_STOPWORDS = frozenset(
    "a an and are as at be been by for from had has have he her his in is it its of on or "
    "said says say that the their they this to was were will with would who which after "
    "before also than then there these those over into about not".split()
)


def parse_date(value: str | None) -> tuple[Date, Date, int] | None:
    """``(first day, last day, precision)`` of ``YYYY``, ``YYYY-MM`` or
    ``YYYY-MM-DD`` (precision 1, 2, 3); None when unknown or malformed."""
    match = _DATE.match(value or "")
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            one = Date(year, month, day)
            return one, one, 3
        if month is not None:
            return Date(year, month, 1), Date(year, month, calendar.monthrange(year, month)[1]), 2
        return Date(year, 1, 1), Date(year, 12, 31), 1
    except ValueError:
        return None


def actor_key(actor: Actor | None) -> str:
    """``country/sector`` when the country is known, else the case-folded name."""
    if actor is None:
        return "-"
    if actor.country:
        return f"{actor.country}/{actor.sector or ''}"
    return (actor.name or actor.text or "").casefold().strip() or "-"


def block_key(event_type: str, source: str, target: str) -> str:
    """What two mentions must share to be compared at all: type and actors."""
    if event_type in SYMMETRIC_TYPES and target < source:
        source, target = target, source
    return f"{event_type}|{source}|{target}"


def content_words(sentence: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(sentence.casefold()) if len(w) > 1 and w not in _STOPWORDS)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


@dataclass(frozen=True)
class Mention:
    """What merging needs to know about one coded event in one document."""

    mention_id: str
    doc_id: str
    key: str  # block_key: type and actors
    status: str
    date: str | None
    published: str | None
    start: int
    words: frozenset[str]

    @classmethod
    def of(cls, event: Event, published: str | None) -> "Mention":
        return cls(
            mention_id=event.id,
            doc_id=event.doc_id,
            key=event_block_key(event),
            status=event.status,
            date=event.date,
            published=published,
            start=event.evidence.start or 0,
            words=content_words(event.evidence.text),
        )

    @property
    def order(self) -> tuple:
        """Canonical order: earliest publication first, then doc, offset, id."""
        return (self.published or "9999", self.doc_id, self.start, self.mention_id)


def event_block_key(event: Event) -> str:
    return block_key(event.event_type, actor_key(event.source), actor_key(event.target))


def dates_compatible(a: Mention, b: Mention, window_days: int = DATE_WINDOW_DAYS) -> bool:
    da, db = parse_date(a.date), parse_date(b.date)
    if da and db:
        # Calendar ranges are nested or disjoint, so overlap means containment.
        return da[0] <= db[1] and db[0] <= da[1]
    pa, pb = parse_date(a.published), parse_date(b.published)
    if not (pa and pb):
        return False
    gap = max(pa[0] - pb[1], pb[0] - pa[1], timedelta(0))
    return gap <= timedelta(days=window_days)


def statuses_compatible(a: str, b: str) -> bool:
    return (a == "negated") == (b == "negated")


def same_event(a: Mention, b: Mention) -> bool:
    """The pairwise rule of the module docstring."""
    if a.key != b.key or not statuses_compatible(a.status, b.status):
        return False
    if not dates_compatible(a, b):
        return False
    da, db = parse_date(a.date), parse_date(b.date)
    if da and db and da[2] == db[2] == 3:
        return True
    return jaccard(a.words, b.words) >= JACCARD_THRESHOLD


def components(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions linked by chains of ``same_event``, each sorted canonically."""
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_key.setdefault(mention.key, []).append(index)
    for indexes in by_key.values():
        for pos, i in enumerate(indexes):
            for j in indexes[pos + 1:]:
                if find(i) != find(j) and same_event(mentions[i], mentions[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[Mention]] = {}
    for index, mention in enumerate(mentions):
        groups.setdefault(find(index), []).append(mention)
    return sorted((sorted(g, key=lambda m: m.order) for g in groups.values()), key=lambda g: g[0].order)


def partition(component: Sequence[Mention]) -> list[list[Mention]]:
    """Split one component into events whose mentions all pairwise match."""
    events: list[list[Mention]] = []
    for mention in sorted(component, key=lambda m: m.order):
        for members in events:
            if all(same_event(mention, other) for other in members):
                members.append(mention)
                break
        else:
            events.append([mention])
    return events


def cluster(mentions: Iterable[Mention]) -> list[tuple[str, list[Mention]]]:
    """``(group id, mentions of one event)`` for every event; each event's first
    mention is its earliest, whose id is the event id. The group id names the
    component, so that a store can find and redo it when a mention changes."""
    result = []
    for component in components(list(mentions)):
        group_id = component[0].mention_id
        result.extend((group_id, members) for members in partition(component))
    return result


@dataclass(frozen=True)
class MergedEvent:
    """One real-world event: the representative record and all its mentions."""

    event: Event
    mentions: tuple[Event, ...]


def merge_events(events: Iterable[Event], published: dict[str, str | None]) -> list[MergedEvent]:
    """Merge coded events in memory; ``published`` gives each doc_id's
    publication date. The stores use the same rule incrementally."""
    by_id = {e.id: e for e in events}
    mentions = [Mention.of(e, published.get(e.doc_id)) for e in by_id.values()]
    merged = []
    for _, members in cluster(mentions):
        records = [by_id[m.mention_id] for m in members]
        merged.append(MergedEvent(event=representative(records), mentions=tuple(records)))
    return merged


def representative(records: Sequence[Event]) -> Event:
    """The merged record of one event's mentions, earliest first."""
    first = records[0]
    dated = [r for r in records if parse_date(r.date)]
    best_date = max(dated, key=lambda r: parse_date(r.date)[2], default=None)  # first most precise
    located = next((r.location for r in records if r.location), None)
    happened = any(r.status == "happened" for r in records)
    return first.replace(
        date=best_date.date if best_date else first.date,
        date_text=best_date.date_text if best_date else first.date_text,
        location=located,
        confidence=max(r.confidence for r in records),
        status="happened" if happened else first.status,
    )
