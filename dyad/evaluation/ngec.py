"""NGEC's synthetic news stories as a document-level event-type test.

Each story was prompted to tell one PLOVER event type; the test is whether
that type is among the types of the events Dyad codes in the story's lead
(``lead_types``: what a news story is about is in its first paragraph), and
whether Dyad adds others. ``split.csv`` names the test stories (``split_by_title == "test"``:
no headline template on both sides) by ``file`` and ``row``.

The stories carry no licence: they are read at run time for measuring and
never copied, logged or reported; results hold counts only.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from dyad.errors import InputError
from dyad.records import EVENT_TYPES, Article

FOLDER = Path("datasets/ngec-event-training")
SPLIT = "split.csv"
TEST = "test"
# Stories of the older file start with the author's disclaimer, "### ... ###".
_DISCLAIMER = re.compile(r"^\s*###.*?###", re.S)


@dataclass(frozen=True)
class Story:
    doc_id: str
    label: str
    text: str

    def article(self) -> Article:
        return Article(doc_id=self.doc_id, text=self.text)


@dataclass(frozen=True)
class SplitRow:
    file: str
    row: int
    label: str
    sha1_8: str


def test_rows(folder: Path, column: str = "split_by_title") -> list[SplitRow]:
    """The rows of ``split.csv`` whose ``column`` says ``test``, in file order."""
    path = folder / SPLIT
    if not path.is_file():
        raise InputError(str(path), "NGEC split file is missing")
    with path.open(encoding="utf-8", newline="") as f:
        return [
            SplitRow(r["file"], int(r["row"]), r["label"], r["text_sha1_8"])
            for r in csv.DictReader(f)
            if r[column] == TEST
        ]


def read_stories(folder: Path, rows: Iterable[SplitRow]) -> list[Story]:
    """The stories the rows name, with their label. The text's hash is checked
    against the split file's, so a changed file cannot pass unnoticed."""
    texts: dict[str, list[str]] = {}
    stories = []
    for row in rows:
        if row.file not in texts:
            texts[row.file] = _story_texts(folder / row.file)
        if row.row >= len(texts[row.file]):
            raise InputError(f"{folder / row.file}", f"split.csv names row {row.row}, past the end of the file")
        text = texts[row.file][row.row]
        if hashlib.sha1(text.encode("utf-8")).hexdigest()[:8] != row.sha1_8:
            raise InputError(f"{folder / row.file}", f"row {row.row} does not match split.csv's text hash")
        stories.append(Story(f"ngec:{Path(row.file).stem}:{row.row}", row.label, text))
    return stories


def _story_texts(path: Path) -> list[str]:
    """Story texts by row: data rows of the CSV, lines of the JSONL, disclaimer
    removed and whitespace stripped (the form ``split.csv`` hashes)."""
    if not path.is_file():
        raise InputError(str(path), "NGEC story file is missing")
    with path.open(encoding="utf-8", newline="") as f:
        if path.suffix == ".csv":
            return [r["text"].strip() for r in csv.DictReader(f)]
        # The old file writes a missing mode as the bare literal NaN, which json reads.
        return [_DISCLAIMER.sub("", json.loads(line)["text"], count=1).strip() for line in f]


def interleave_by_label(stories: Iterable[Story]) -> list[Story]:
    """One story of each label in turn, so that the first N of a ``--limit``
    run cover every type."""
    by_label: dict[str, list[Story]] = defaultdict(list)
    for story in stories:
        by_label[story.label].append(story)
    rounds = zip_longest(*(by_label[label] for label in sorted(by_label)))
    return [story for round_ in rounds for story in round_ if story is not None]


@dataclass(frozen=True)
class TypeScore:
    event_type: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


LEAD_MIN_WORDS = 12  # a shorter first paragraph is a headline or a dateline, not the lead


def lead_types(article: Article, events: Iterable) -> set[str]:
    """The types of what a story is about: its events told in the lead (the
    first paragraph of prose), else the type of its first event. Background
    events further down are context, not the story's own type."""
    events = sorted(events, key=lambda e: e.evidence.start or 0)
    if not events:
        return set()
    lead_end = _lead_end(article.text)
    lead = {e.event_type for e in events if (e.evidence.start or 0) < lead_end}
    return lead or {events[0].event_type}


def _lead_end(text: str) -> int:
    position = 0
    for paragraph in re.split(r"(\n\s*\n)", text):
        position += len(paragraph)
        if len(paragraph.split()) >= LEAD_MIN_WORDS:
            return position
    return position


def type_scores(gold: dict[str, str], predicted: dict[str, set[str]], types: Iterable[str] = EVENT_TYPES) -> list[TypeScore]:
    """Per event type, over documents: a document counts for a type when its
    label is that type (gold) or Dyad codes that type anywhere in it."""
    scores = []
    for event_type in types:
        tp = fp = fn = 0
        for doc_id, label in gold.items():
            said = event_type in predicted.get(doc_id, set())
            tp += said and label == event_type
            fp += said and label != event_type
            fn += not said and label == event_type
        scores.append(TypeScore(event_type, tp, fp, fn))
    return scores


def macro_f1(scores: Iterable[TypeScore]) -> float:
    """The mean of the per-type F1 over every type given (16 for PLOVER)."""
    scores = list(scores)
    return sum(s.f1 for s in scores) / len(scores) if scores else 0.0


def label_recall(gold: dict[str, str], predicted: dict[str, set[str]]) -> float:
    """The share of stories whose own label is among the types Dyad codes."""
    return sum(label in predicted.get(doc, set()) for doc, label in gold.items()) / len(gold) if gold else 0.0


def take(stories: list[Story], limit: int | None) -> Iterator[Story]:
    yield from stories[:limit] if limit else stories
