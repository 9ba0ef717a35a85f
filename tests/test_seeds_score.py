"""The four seed articles scored by the official scorer (../shared/eval/score.py)
against their hand-coded gold: the floor issue 3 sets for the coder."""

from __future__ import annotations

import importlib.util
import json

import pytest

from dyad.ingest import read_inputs
from dyad.pipeline import Coder
from dyad.records import Article

@pytest.fixture(scope="module")
def scorer(seeds_dir):
    path = seeds_dir.parents[1] / "eval" / "score.py"  # ../shared/eval/score.py
    if not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("dyad_official_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(seeds_dir, scorer):
    articles = [item for item in read_inputs([seeds_dir]) if isinstance(item, Article)]
    assert len(articles) == 4
    predicted = [e.to_dict() for _, events in Coder().code_many(articles) for e in events]
    predicted = json.loads(json.dumps(predicted))  # exactly what `dyad extract` would write
    gold = scorer.load(str(seeds_dir / "gold.jsonl"))
    main = [g for g in gold if g.get("salience", "main") == "main"]
    return {
        "all": scorer.prf(len(scorer.pair(predicted, gold)), len(predicted), len(gold))[2],
        "main_recall": len(scorer.pair(predicted, main)) / len(main),
        "dated": scorer.prf(len(scorer.pair(predicted, gold, need_date=True)), len(predicted), len(gold))[2],
    }


# Issue 3's floors. Measured 2026-12-02: all-events F1 0.608, main-event recall 0.938,
# dated F1 0.549; 2026-12-07: 0.602 (one more prediction, an AGREE the gold does not
# code), 0.938, 0.544. The first passes by one matched event, so a change that loses
# one fails here.
@pytest.mark.parametrize("measure, floor", [("all", 0.60), ("main_recall", 0.90), ("dated", 0.45)])
def test_seeds_score_at_or_above_floor(seed_scores, measure, floor):
    assert seed_scores[measure] >= floor, seed_scores
