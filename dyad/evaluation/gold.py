"""The hand-coded acceptance sets (seeds, PLOVER GSR), scored by the official
scorer ``shared/eval/score.py``.

The scorer is a measuring tool that lives beside the checkout, not part of
Dyad: it is imported from its file at run time and its own functions
(``pair``, ``prf``) decide what matches, so Dyad's figures are the scorer's.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from dyad.errors import InputError

SCORER_PATH = Path("eval") / "score.py"


def load_scorer(shared: Path) -> ModuleType:
    """``shared/eval/score.py`` as a module."""
    path = shared / SCORER_PATH
    if not path.is_file():
        raise InputError(str(path), "the official scorer is missing; is --shared the shared/ checkout?")
    spec = importlib.util.spec_from_file_location("dyad_shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_gold(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(str(path), "gold file is missing")
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


@dataclass(frozen=True)
class GoldScore:
    """The scorer's figures for one gold set: all events, main events, and
    all events with the date required to agree."""

    n_pred: int
    n_gold: int
    matched: int
    precision: float
    recall: float
    f1: float
    main_gold: int
    main_matched: int
    main_recall: float
    dated_matched: int
    dated_f1: float
    missed: tuple[dict[str, Any], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.n_pred,
            "gold": self.n_gold,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "main_gold": self.main_gold,
            "main_matched": self.main_matched,
            "main_recall": round(self.main_recall, 4),
            "dated_matched": self.dated_matched,
            "dated_f1": round(self.dated_f1, 4),
            "missed": list(self.missed),
        }


def score_events(scorer: ModuleType, predicted: list[dict], gold: list[dict]) -> GoldScore:
    """Score predicted event dicts against gold ones as ``score.py`` does:
    only documents present in the gold count."""
    docs = {g["doc_id"] for g in gold}
    predicted = [p for p in predicted if p.get("doc_id") in docs]
    pairs = scorer.pair(predicted, gold)
    precision, recall, f1 = scorer.prf(len(pairs), len(predicted), len(gold))
    main_gold = [g for g in gold if g.get("salience", "main") == "main"]
    main_pairs = scorer.pair(predicted, main_gold)
    main_recall = scorer.prf(len(main_pairs), len(predicted), len(main_gold))[1]
    dated_pairs = scorer.pair(predicted, gold, need_date=True)
    dated_f1 = scorer.prf(len(dated_pairs), len(predicted), len(gold))[2]
    matched = {id(g) for _, g in pairs}
    return GoldScore(
        n_pred=len(predicted),
        n_gold=len(gold),
        matched=len(pairs),
        precision=precision,
        recall=recall,
        f1=f1,
        main_gold=len(main_gold),
        main_matched=len(main_pairs),
        main_recall=main_recall,
        dated_matched=len(dated_pairs),
        dated_f1=dated_f1,
        missed=tuple(_brief(g) for g in gold if id(g) not in matched),
    )


def _brief(gold: dict) -> dict[str, Any]:
    """A missed gold event in a line: enough to find it in the article."""
    return {
        "doc_id": gold["doc_id"],
        "event_type": gold["event_type"],
        "source": (gold.get("source") or {}).get("name"),
        "target": (gold.get("target") or {}).get("name"),
        "salience": gold.get("salience", "main"),
        "evidence": ((gold.get("evidence") or {}).get("text") or "")[:160],
    }
