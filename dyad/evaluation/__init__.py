"""Measure the event coder on every gold set beside the checkout (``../shared``).

``evaluate(shared)`` codes each set with the real coder and returns an
:class:`EvaluationReport`: one :class:`Measure` per figure, with the project's
target where there is one, and how long each set took.

- ``seeds``: the four seed articles, scored by ``shared/eval/score.py``;
- ``plover``: PLOVER's gold sentences, event-and-actors recall by the same scorer;
- ``petrarch``: PETRARCH2's unit-test sentences, with its validation dictionaries;
- ``ngec``: NGEC's synthetic stories (test split), document-level event types.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from dyad.config import Settings
from dyad.errors import DyadError, InputError
from dyad.evaluation import ngec, petrarch
from dyad.events.typemodel import type_model
from dyad.evaluation.gold import load_scorer, read_gold, score_events
from dyad.evaluation.results import EvaluationReport, Measure, PartResult, render_table
from dyad.ingest import read_inputs
from dyad.records import Article, Event

__all__ = ["PARTS", "EvaluationReport", "Measure", "PartResult", "evaluate", "render_table", "parse_parts"]

log = logging.getLogger("dyad")

PARTS = ("seeds", "plover", "petrarch", "ngec")
SEEDS = Path("acceptance/seeds")
PLOVER = Path("acceptance/plover-gsr")
WARM_UP = Article(
    doc_id="warm-up", published="2021-07-05",
    text="The president met the prime minister of Israel in Moscow on Monday and thanked him for his help.",
)


def evaluate(
    shared: str | Path,
    only: Iterable[str] | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
) -> EvaluationReport:
    """Code and score the chosen gold sets (all by default), at most ``limit``
    documents of each."""
    root = check_shared(shared)
    parts = parse_parts(only)
    coders = _Coders(settings or Settings())
    run = {"seeds": _seeds, "plover": _plover, "petrarch": _petrarch, "ngec": _ngec}
    results = tuple(run[name](root, coders, limit) for name in parts)
    return EvaluationReport(results, coders.load_seconds, limit)


def check_shared(shared: str | Path) -> Path:
    root = Path(shared)
    if not root.is_dir():
        raise InputError(
            str(root), "no such folder: Dyad's gold sets live in the shared/ checkout beside the project (--shared PATH)"
        )
    return root


def parse_parts(only: Iterable[str] | None) -> tuple[str, ...]:
    """The chosen parts in their standard order; unknown names are an error."""
    if not only:
        return PARTS
    chosen = {name.strip().lower() for name in only if name.strip()}
    unknown = sorted(chosen - set(PARTS))
    if unknown:
        raise DyadError(f"unknown gold set {', '.join(unknown)}: choose from {', '.join(PARTS)}")
    return tuple(p for p in PARTS if p in chosen)


class _Coders:
    """The coders a run needs, each loaded once on first use; the time spent
    loading is kept apart from the time spent coding."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.load_seconds = 0.0
        self._coders: dict[tuple[str, ...], object] = {}

    def get(self, dictionaries: tuple[str, ...] = ()):
        if dictionaries not in self._coders:
            from dyad.pipeline import Coder  # the coder's tables load only when coding

            start = time.perf_counter()
            settings = replace(self.settings, dictionaries=dictionaries) if dictionaries else self.settings
            coder = Coder(settings)
            list(coder.code_many([WARM_UP]))  # tables loaded on first use count as loading, not coding
            self._coders[dictionaries] = coder
            self.load_seconds += time.perf_counter() - start
        return self._coders[dictionaries]


def _code(coder, articles: list[Article]) -> tuple[dict[str, list[Event]], float]:
    start = time.perf_counter()
    events = {article.doc_id: list(found) for article, found in coder.code_many(articles)}
    return events, time.perf_counter() - start


def _read(path: Path, limit: int | None) -> tuple[list[Article], tuple[str, ...]]:
    """The articles under ``path`` (at most ``limit``), and the inputs that
    could not be read, by reason."""
    articles, skipped = [], []
    for item in read_inputs([path]):
        if isinstance(item, Article):
            articles.append(item)
        else:
            skipped.append(str(item))
        if limit and len(articles) >= limit:
            break
    return articles, tuple(skipped)


def _flat(events: dict[str, list[Event]]) -> list[dict]:
    return [event.to_dict() for found in events.values() for event in found]


def _seeds(shared: Path, coders: _Coders, limit: int | None) -> PartResult:
    folder = shared / SEEDS
    scorer = load_scorer(shared)
    gold = read_gold(folder / "gold.jsonl")
    articles, skipped = _read(folder, limit)
    log.info("coding the seeds: %d articles", len(articles))
    events, seconds = _code(coders.get(), articles)
    gold = [g for g in gold if g["doc_id"] in events]
    score = score_events(scorer, _flat(events), gold)
    part = "seeds"
    measures = (
        Measure(part, "all events precision", score.precision, note=f"{score.matched}/{score.n_pred} predicted"),
        Measure(part, "all events recall", score.recall, note=f"{score.matched}/{score.n_gold} gold"),
        Measure(part, "all events F1", score.f1, 0.60),
        Measure(part, "main-event recall", score.main_recall, 0.90, note=f"{score.main_matched}/{score.main_gold} main"),
        Measure(part, "all events F1, date agrees", score.dated_f1, 0.45, note=f"{score.dated_matched} matched"),
        Measure(part, "articles/s", _rate(len(articles), seconds), unit="rate", note=f"{len(articles)} articles"),
    )
    return PartResult(part, len(articles), seconds, measures, skipped, score.to_dict())


def _plover(shared: Path, coders: _Coders, limit: int | None) -> PartResult:
    folder = shared / PLOVER
    scorer = load_scorer(shared)
    gold = read_gold(folder / "gold.jsonl")
    articles, skipped = _read(folder / "input.jsonl", limit)
    log.info("coding PLOVER GSR: %d sentences", len(articles))
    events, seconds = _code(coders.get(), articles)
    gold = [g for g in gold if g["doc_id"] in events]
    score = score_events(scorer, _flat(events), gold)
    typed = sum(any(e.event_type == g["event_type"] for e in events[g["doc_id"]]) for g in gold)
    part = "plover"
    measures = (
        Measure(part, "event+actors recall", score.recall, 0.60, note=f"{score.matched}/{score.n_gold} gold"),
        Measure(part, "event-type recall (actors ignored)", typed / len(gold) if gold else 0.0,
                note="gold type among the sentence's types"),
        Measure(part, "precision", score.precision, note="one gold event per sentence: read with care"),
    )
    details = score.to_dict() | {"type_matched": typed}
    return PartResult(part, len(articles), seconds, measures, skipped, details)


def _petrarch(shared: Path, coders: _Coders, limit: int | None) -> PartResult:
    records = petrarch.read_records(shared / petrarch.RECORDS)
    scored = [r for r in records if r.scored][: limit or None]
    dictionaries = tuple(str(shared / d) for d in petrarch.DICTIONARIES)
    for path in dictionaries:
        if not Path(path).is_file():
            raise InputError(path, "PETRARCH validation dictionary is missing")
    coder = coders.get(dictionaries)
    log.info("coding the PETRARCH unit tests: %d sentences", len(scored))
    events, seconds = _code(coder, [r.article() for r in scored])
    score = petrarch.score_records(scored, events)
    part = "petrarch"
    total = score.dyad_events + score.no_event_events
    measures = (
        Measure(part, "expected events produced", score.found_share,
                note=f"{score.found}/{score.expected}; (source, target, CAMEO root); PETRARCH-1 1.00, UniversalPetrarch 0.72"),
        Measure(part, "expected CAMEO roots (actors ignored)", score.root_share, note=f"{score.found_roots}/{score.expected}"),
        Measure(part, "expected actor pairs (codes ignored)", score.pair_share, note=f"{score.found_pairs}/{score.expected}"),
        Measure(part, "extra events share", score.extra_share, lower_is_better=True,
                note=f"{score.extra + score.no_event_events}/{total} Dyad events match no expected triple"),
        Measure(part, "no-event sentences with events", score.no_event_with_events, unit="count",
                note=f"of {score.no_event_records}"),
    )
    return PartResult(part, len(scored), seconds, measures, (), score.to_dict())


def _ngec(shared: Path, coders: _Coders, limit: int | None) -> PartResult:
    folder = shared / ngec.FOLDER
    stories = ngec.interleave_by_label(ngec.read_stories(folder, ngec.test_rows(folder)))
    chosen = list(ngec.take(stories, limit))
    log.info("coding NGEC test stories: %d", len(chosen))
    events, seconds = _code(coders.get(), [s.article() for s in chosen])
    gold = {s.doc_id: s.label for s in chosen}
    articles = {s.doc_id: s.article() for s in chosen}
    predicted = {doc: ngec.lead_types(articles[doc], found) for doc, found in events.items()}
    scores = ngec.type_scores(gold, predicted)
    part = "ngec"
    measures = []
    model = type_model("document")
    if model is not None:
        # what the story is about, by the document model: one type per story
        about = {s.doc_id: {model.best(s.text).event_type} for s in chosen}
        about_scores = ngec.type_scores(gold, about)
        measures.append(Measure(part, "story type macro-F1 (document model)", ngec.macro_f1(about_scores), 0.75,
                                note=f"{len(chosen)} test stories, 16 types"))
    measures += [
        Measure(part, "event-type macro-F1 (types of the lead's events)", ngec.macro_f1(scores),
                None if model is not None else 0.75, note=f"{len(chosen)} test stories, 16 types"),
        Measure(part, "story's type among its lead types", ngec.label_recall(gold, predicted)),
        Measure(part, "types per story", _mean(len(p) for p in predicted.values()), unit="rate", note="gold: 1"),
        Measure(part, "articles/s", _rate(len(chosen), seconds), unit="rate", note=f"{len(chosen)} stories"),
    ]
    details = {"per_type": {s.event_type: s.to_dict() for s in scores}}
    if model is not None:
        details["per_type_document_model"] = {s.event_type: s.to_dict() for s in about_scores}
    return PartResult(part, len(chosen), seconds, tuple(measures), (), details)


def _rate(documents: int, seconds: float) -> float | None:
    return documents / seconds if seconds > 0 else None


def _mean(values: Iterable[int]) -> float | None:
    values = list(values)
    return sum(values) / len(values) if values else None
