"""The word models of dyad/events/typemodel.py: features, the shipped weights,
and what they say of sentences and a story written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from dyad.events.typemodel import MODEL_PATHS, NONE, TypeModel, features, type_model
from dyad.records import EVENT_TYPES


def test_typemodel_features_count_words_pairs_and_the_lead():
    found = features("Troops fired. Troops fired again.", lead_words=2)
    assert found["w:troops"] == pytest.approx(1 + np.log(2))
    assert found["w:troops_fired"] == pytest.approx(1 + np.log(2))
    assert found["l:troops_fired"] == 1.0 and "l:again" not in found


def test_typemodel_tiny_model_scores_by_its_weights(tmp_path):
    path = tmp_path / "tiny.npz"
    weights = np.array([[2.0, -2.0], [-2.0, 2.0]], dtype=np.float32)  # feature x type
    np.savez(path, types=np.array(["PROTEST", NONE]), vocabulary=np.array(["w:strike", "w:rain"]),
             idf=np.ones(2, dtype=np.float32), weights=weights, bias=np.zeros(2, dtype=np.float32),
             lead_words=np.array(0))
    model = TypeModel.load(path)
    assert model.best("a strike").event_type == "PROTEST"
    assert model.best("heavy rain").event_type == NONE
    assert sum(g.probability for g in model.classify("nothing known")) == pytest.approx(1.0)


@pytest.mark.skipif(not MODEL_PATHS["document"].is_file(), reason="document model not trained")
def test_typemodel_document_model_knows_all_sixteen_types():
    assert type_model("document").types == list(EVENT_TYPES)


@pytest.mark.skipif(not MODEL_PATHS["sentence"].is_file(), reason="sentence model not trained")
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thousands of teachers marched through the capital demanding higher pay.", "PROTEST"),
        ("Fighter jets bombed rebel positions outside the town overnight.", "ASSAULT"),
        ("The central bank said inflation slowed to 4 percent in March.", NONE),
    ],
    ids=["protest", "assault", "none"],
)
def test_typemodel_sentence_model_on_own_sentences(text, expected):
    assert type_model("sentence").best(text).event_type == expected


@pytest.mark.skipif(not MODEL_PATHS["document"].is_file(), reason="document model not trained")
def test_typemodel_document_model_reads_the_headline_event_not_the_background():
    story = (
        "Government imposes export ban on rice shipments to neighbour\n\n"
        "The trade ministry on Tuesday banned all rice exports to the neighbouring republic and froze "
        "the accounts of three firms that traded with it, citing unpaid debts. The embargo takes effect "
        "at once. Relations soured last year when border guards exchanged fire near a disputed crossing."
    )
    assert type_model("document").best(story).event_type == "SANCTION"
