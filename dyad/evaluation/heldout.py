"""The held-out sentences: hand-written news sentences, one labelled event each,
that no rule or lexicon entry was written from.

``score_heldout()`` codes every sentence with the real coder and returns a
:class:`HeldoutScore`: whether the gold type is among the sentence's event
types, whether an event of that type joins the gold source and target
countries, whether such an event has the gold status, and recall per type.

Run ``python -m dyad.evaluation.heldout`` (``--json`` for the JSON form).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError, InputError
from dyad.records import Actor, Article, Event

if TYPE_CHECKING:
    from dyad.pipeline import Coder

__all__ = ["HELDOUT", "HELDOUT_B", "HeldoutScore", "HeldoutSentence", "TypeRecall", "read_sentences", "score_heldout"]

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "events"
HELDOUT = FIXTURES / "heldout_sentences.jsonl"  # set A, ids HO-...
HELDOUT_B = FIXTURES / "heldout_sentences_b.jsonl"  # set B, ids HB-..., written later by another hand
# set C, ids HC-<cameo>: one wire-style sentence per CAMEO code with a PLOVER type, written
# on 2026-12-07 from the codes' names alone, after the rules that came before it
HELDOUT_C = FIXTURES / "heldout_cameo_c.jsonl"
PUBLISHED = "2024-06-15"
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # as ../shared/eval/score.py: actors may be swapped
FIELDS = ("id", "text", "event_type", "source_country", "target_country", "status")


@dataclass(frozen=True)
class HeldoutSentence:
    """One sentence and its one labelled event; a null country means "any"."""

    id: str
    text: str
    event_type: str
    source_country: str | None
    target_country: str | None
    status: str

    def article(self) -> Article:
        return Article(doc_id=self.id, text=self.text, published=PUBLISHED)


@dataclass(frozen=True)
class TypeRecall:
    event_type: str
    sentences: int
    type_found: int
    actors_found: int

    @property
    def type_recall(self) -> float:
        return _ratio(self.type_found, self.sentences)

    @property
    def actors_recall(self) -> float:
        return _ratio(self.actors_found, self.sentences)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type,
            "sentences": self.sentences,
            "type_recall": self.type_recall,
            "actors_recall": self.actors_recall,
        }


@dataclass(frozen=True)
class HeldoutScore:
    """Counts over the set; the recalls are shares of ``sentences``, status
    agreement a share of the sentences whose event was found with its actors.
    Most gold events happened, so agreement is also given for the sentences
    whose gold status is planned or negated (``marked_*``)."""

    sentences: int
    type_found: int
    actors_found: int
    status_agreed: int
    marked_found: int
    marked_agreed: int
    per_type: tuple[TypeRecall, ...]
    missed: tuple[str, ...]  # ids of sentences with no event of the gold type and actors

    @property
    def type_recall(self) -> float:
        return _ratio(self.type_found, self.sentences)

    @property
    def actors_recall(self) -> float:
        return _ratio(self.actors_found, self.sentences)

    @property
    def status_agreement(self) -> float:
        return _ratio(self.status_agreed, self.actors_found)

    @property
    def marked_status_agreement(self) -> float:
        return _ratio(self.marked_agreed, self.marked_found)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "type_recall": self.type_recall,
            "actors_recall": self.actors_recall,
            "status_agreement": self.status_agreement,
            "marked_status_agreement": self.marked_status_agreement,
            "type_found": self.type_found,
            "actors_found": self.actors_found,
            "status_agreed": self.status_agreed,
            "marked_found": self.marked_found,
            "marked_agreed": self.marked_agreed,
            "per_type": [t.to_dict() for t in self.per_type],
            "missed": list(self.missed),
        }


def read_sentences(path: str | Path = HELDOUT) -> list[HeldoutSentence]:
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "held-out sentence file is missing")
    sentences = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                sentences.append(_sentence(path, number, line))
    return sentences


def _sentence(path: Path, number: int, line: str) -> HeldoutSentence:
    try:
        row = json.loads(line)
        return HeldoutSentence(**{name: row[name] for name in FIELDS})
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}:{number}", f"not a held-out sentence record ({error})") from None


def score_heldout(path: str | Path = HELDOUT, coder: Coder | None = None) -> HeldoutScore:
    """Code the held-out sentences with ``coder`` (the shipped one by default)
    and score each sentence's events against its one labelled event."""
    if coder is None:
        from dyad.pipeline import Coder  # the language pipeline loads only when scoring

        coder = Coder()
    sentences = read_sentences(path)
    coded = {article.doc_id: events for article, events in coder.code_many(s.article() for s in sentences)}
    return _score(sentences, coded)


def _score(sentences: list[HeldoutSentence], coded: dict[str, list[Event]]) -> HeldoutScore:
    typed, joined, agreed = set(), set(), set()
    for sentence in sentences:
        events = [e for e in coded.get(sentence.id, []) if e.event_type == sentence.event_type]
        matched = [e for e in events if _actors_match(e, sentence)]
        if events:
            typed.add(sentence.id)
        if matched:
            joined.add(sentence.id)
        if any(e.status == sentence.status for e in matched):
            agreed.add(sentence.id)
    per_type = tuple(_type_recall(kind, sentences, typed, joined) for kind in _types(sentences))
    missed = tuple(s.id for s in sentences if s.id not in joined)
    marked = {s.id for s in sentences if s.status != "happened"}
    return HeldoutScore(
        len(sentences), len(typed), len(joined), len(agreed),
        len(marked & joined), len(marked & agreed), per_type, missed,
    )


def _actors_match(event: Event, sentence: HeldoutSentence) -> bool:
    source, target = sentence.source_country, sentence.target_country
    if _country_is(event.source, source) and _country_is(event.target, target):
        return True
    swapped = _country_is(event.source, target) and _country_is(event.target, source)
    return sentence.event_type in SYMMETRIC and swapped


def _country_is(actor: Actor | None, country: str | None) -> bool:
    return country is None or (actor is not None and actor.country == country)


def _type_recall(kind: str, sentences: list[HeldoutSentence], typed: set[str], joined: set[str]) -> TypeRecall:
    ids = [s.id for s in sentences if s.event_type == kind]
    return TypeRecall(kind, len(ids), sum(i in typed for i in ids), sum(i in joined for i in ids))


def _types(sentences: Iterable[HeldoutSentence]) -> list[str]:
    return list(dict.fromkeys(s.event_type for s in sentences))  # in the file's order


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def render(score: HeldoutScore) -> str:
    """The figures as a small plain-text table: overall, then per type."""
    lines = [
        f"held-out sentences: {score.sentences}",
        f"type recall (actors ignored)  {score.type_recall:.3f}  ({score.type_found}/{score.sentences})",
        f"event+actors recall           {score.actors_recall:.3f}  ({score.actors_found}/{score.sentences})",
        f"status agreement, matched     {score.status_agreement:.3f}  ({score.status_agreed}/{score.actors_found})",
        f"  gold planned or negated     {score.marked_status_agreement:.3f}  "
        f"({score.marked_agreed}/{score.marked_found})",
        "",
        f"{'type':<10} {'n':>3}  {'type':>5}  {'actors':>6}",
    ]
    for t in score.per_type:
        lines.append(f"{t.event_type:<10} {t.sentences:>3}  {t.type_recall:>5.2f}  {t.actors_recall:>6.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dyad.evaluation.heldout", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--path", default=str(HELDOUT), help="the held-out sentences (JSON Lines)")
    args = parser.parse_args(argv)
    try:
        score = score_heldout(args.path)
    except DyadError as error:
        parser.exit(1, f"error: {error}\n")
    print(json.dumps(score.to_dict(), indent=2) if args.json else render(score))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
