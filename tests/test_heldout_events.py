"""The held-out sentences (tests/fixtures/events/heldout_sentences.jsonl, set A,
and heldout_sentences_b.jsonl, set B): the files are well-formed, the scoring
counts what it says, and the shipped coder stays above its floors.

Both sets were written on 2026-11-22, each by a hand that never saw the coder's
rules, and no rule or lexicon entry was written from them: read the figures,
not the sentences, when improving the coder. Set B was written after set A's
per-type figures had steered a round of work, so it is the cleaner measure.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from dyad.actors import is_country_code
from dyad.evaluation.heldout import HELDOUT, HELDOUT_B, HELDOUT_C, HeldoutSentence, _score, read_sentences, score_heldout
from dyad.records import EVENT_TYPES, STATUSES, Actor, Event, Evidence

# Measured 2026-11-22. Set A: at commit c6dd932 type recall 0.646, event+actors
# recall 0.542; after the lexicon and role work of commit 370798e (written without
# seeing either set) 0.688 and 0.579, status agreement 1.000. Set B, at 370798e:
# 0.704 and 0.483, status agreement 0.974. Measured 2026-12-02, after the sentence
# model and the parse-repair and domestic-actor rules (written without seeing either
# set): A 0.787 and 0.675, status 1.000; B 0.754 and 0.579, status 0.986. Measured
# 2026-12-07 (rules written from other sentences, figures read after each change):
# A 0.850 and 0.738, status 1.000; B 0.817 and 0.642, status 0.981. Later that day
# (targets and places rules, written from the training sentences): A 0.850 and 0.779,
# status 1.000; B 0.833 and 0.688, status 0.982. Later again, with the pipeline trained
# with GUM's open genres: A 0.883 and 0.821, status 1.000; B 0.867 and 0.758, status 0.978.
# After the fourth session's rules (from the training sentences): A 0.900 and 0.833,
# status 1.000; B 0.879 and 0.783, status 0.979. After the fifth (training sentences and
# CAMEO-style probes): A 0.908 and 0.842, status 1.000; B 0.892 and 0.804, status 0.979.
# After the sixth: A unchanged; B 0.892 and 0.821, status 0.980.
# Each floor is about 0.05 below the latest figures, rounded down: (type recall,
# event+actors recall, status agreement).
FLOORS = {"HO": (0.86, 0.79, 0.95), "HB": (0.84, 0.77, 0.93)}
SETS = [pytest.param(HELDOUT, "HO", id="set-A"), pytest.param(HELDOUT_B, "HB", id="set-B")]


@pytest.fixture(scope="module")
def coder():
    from dyad.pipeline import Coder

    return Coder()


@pytest.mark.parametrize("path, prefix", SETS)
def test_heldout_fixture_covers_every_type_with_unique_ids(path, prefix):
    sentences = read_sentences(path)
    ids = [s.id for s in sentences]
    assert len(ids) == len(set(ids))
    assert set(Counter(s.event_type for s in sentences)) == set(EVENT_TYPES)
    assert all(count >= 12 for count in Counter(s.event_type for s in sentences).values())
    assert all(re.fullmatch(rf"{prefix}-{s.event_type}-\d\d", s.id) for s in sentences)


@pytest.mark.parametrize("path, prefix", SETS)
def test_heldout_fixture_countries_and_statuses_are_valid(path, prefix):
    sentences = read_sentences(path)
    countries = [c for s in sentences for c in (s.source_country, s.target_country) if c is not None]
    assert [c for c in countries if not is_country_code(c)] == []
    assert {s.status for s in sentences} == set(STATUSES)
    marked = sum(s.status != "happened" for s in sentences) / len(sentences)
    assert 0.10 <= marked <= 0.25  # about 15% planned or negated


@pytest.mark.parametrize("path, prefix", SETS)
def test_heldout_fixture_sentences_are_news_length(path, prefix):
    sentences = read_sentences(path)
    assert [s.id for s in sentences if not 10 <= len(s.text.split()) <= 35] == []


def _event(event_type: str, source: str | None, target: str | None, status: str = "happened") -> Event:
    actor = lambda country: Actor(text=country, name=country, country=country) if country else None  # noqa: E731
    return Event(id="e", doc_id="d", event_type=event_type, evidence=Evidence("s"), status=status,
                 source=actor(source), target=actor(target))


def test_heldout_score_counts_type_actors_and_status():
    gold = [
        HeldoutSentence("a", "x", "CONSULT", "DEU", "FRA", "planned"),
        HeldoutSentence("b", "x", "ASSAULT", "RUS", None, "happened"),
        HeldoutSentence("c", "x", "ACCUSE", "CHN", "USA", "happened"),
    ]
    coded = {
        "a": [_event("CONSULT", "FRA", "DEU", "planned")],  # CONSULT's actors may be swapped
        "b": [_event("ASSAULT", "RUS", "UKR", "negated")],  # a null gold target accepts any
        "c": [_event("ACCUSE", "USA", "CHN")],  # ACCUSE's may not
    }
    result = _score(gold, coded)
    assert (result.type_found, result.actors_found, result.status_agreed) == (3, 2, 1)
    assert (result.marked_found, result.marked_agreed) == (1, 1)
    assert result.missed == ("c",)
    assert [t.event_type for t in result.per_type] == ["CONSULT", "ASSAULT", "ACCUSE"]


@pytest.mark.parametrize("path, prefix", SETS)
def test_heldout_coder_meets_floors(coder, path, prefix):
    score = score_heldout(path, coder=coder)
    type_floor, actors_floor, status_floor = FLOORS[prefix]
    assert score.sentences == 240
    assert score.type_recall >= type_floor
    assert score.actors_recall >= actors_floor
    assert score.status_agreement >= status_floor


# Set C (tests/fixtures/events/heldout_cameo_c.jsonl): 274 sentences, one per CAMEO code
# that maps to a PLOVER type, harder in form (passives, titles, attributions, acts told by
# nouns), written on 2026-12-07 by hands that saw only the codes' names. Its type is the
# codebook's, so where the codebook and Dyad's spec disagree (an embargo is COERCE there,
# SANCTION here) a sentence counts as missed. Measured at its writing: the coder at the
# start of that day's fifth session (09b1e28) type recall 0.755, event+actors 0.544,
# status 0.933; with that session's rules (written from other sentences) 0.788, 0.606,
# 0.946; after the sixth session's rules 0.792, 0.639, 0.949; with the seventh's pipeline
# trained further with headlines, and its rules, 0.814, 0.675, 0.957. Floors about 0.05 below.
FLOORS_C = (0.76, 0.62, 0.90)


def test_heldout_cameo_set_is_well_formed():
    sentences = read_sentences(HELDOUT_C)
    assert len(sentences) == 274 and len({s.id for s in sentences}) == 274
    assert set(Counter(s.event_type for s in sentences)) == set(EVENT_TYPES)
    assert all(re.fullmatch(r"HC-\d{2,4}", s.id) and s.status in STATUSES for s in sentences)
    assert all(is_country_code(c) for s in sentences for c in (s.source_country, s.target_country) if c)


def test_heldout_cameo_set_meets_floors(coder):
    score = score_heldout(HELDOUT_C, coder=coder)
    type_floor, actors_floor, status_floor = FLOORS_C
    assert score.type_recall >= type_floor and score.actors_recall >= actors_floor
    assert score.status_agreement >= status_floor
