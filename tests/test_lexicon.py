"""The trigger lexicon (``dyad/data/events/triggers.tsv``): its format, its coverage of the
16 PLOVER types, valid modes, no duplicate rows, and sentences written for this test that
the coder must turn into an event of the expected type."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from dyad.codebook import EVENT_TYPES, modes
from dyad.events.lexicon import FRAMES, TRIGGERS_PATH, lexicon

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "events" / "trigger_sentences.tsv"
HEADER = ["trigger", "pos", "type", "mode", "frame"]
MIN_TRIGGERS_PER_TYPE = 15

# Sentences that fail for reasons outside the lexicon, with the reason seen in the
# shipped pipeline's parse (each pipeline misreads its own few).
# strict=False: they count when they pass.
# (Both lists are empty with the pipeline of 2026-12-07 trained further with headlines: it
# parses "Norway and Sweden agreed to deepen cooperation" and tags "share" as a verb.)
PARSE_FAILURES: dict[str, str] = {}
# Sentences where the tagger or lemmatiser hides the trigger word itself (the sentence
# model may still name the event).
TRIGGER_WORD_FAILURES: dict[str, str] = {}


def _rows() -> list[list[str]]:
    lines = TRIGGERS_PATH.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _fixture() -> list[tuple[str, str]]:
    lines = [line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [(row["sentence"], row["event_type"]) for row in reader]


SENTENCES = _fixture()


def _cases(failures: dict[str, str]):
    for sentence, event_type in SENTENCES:
        marks = [pytest.mark.xfail(strict=False, reason=failures[sentence])] if sentence in failures else []
        yield pytest.param(sentence, event_type, marks=marks, id=f"{event_type}-{sentence[:40]}")


@pytest.fixture(scope="module")
def lex():
    lexicon.cache_clear()
    return lexicon()


def test_lexicon_loads(lex):
    assert lex.verbs and lex.nouns and lex.phrasal
    assert sum(len(v) for v in lex.phrasal.values()) + len(lex.verbs) + len(lex.nouns) == len(_rows()) - 1


def test_lexicon_header_and_columns():
    rows = _rows()
    assert rows[0] == HEADER
    for row in rows[1:]:
        assert len(row) == 5, row
        trigger, pos, event_type, mode, frame = row
        assert trigger and trigger == trigger.strip().lower() and " " not in trigger, row
        assert trigger.count(">") <= 1 and not trigger.startswith(">") and not trigger.endswith(">"), row
        assert pos in {"VERB", "NOUN"} and frame in FRAMES, row
        assert pos == "VERB" or ">" not in trigger, row  # a phrasal trigger is headed by its verb


def test_lexicon_has_no_duplicate_rows():
    counts = Counter((row[0], row[1]) for row in _rows()[1:])
    assert [key for key, n in counts.items() if n > 1] == []


def test_lexicon_types_are_plover():
    assert {row[2] for row in _rows()[1:]} == set(EVENT_TYPES)


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_type_has_enough_triggers(event_type):
    count = sum(1 for row in _rows()[1:] if row[2] == event_type)
    assert count >= MIN_TRIGGERS_PER_TYPE, f"{event_type}: {count}"


def test_modes_are_valid_for_their_type():
    bad = [row for row in _rows()[1:] if row[3] and row[3] not in modes(row[2])]
    assert bad == []


def test_fixture_covers_every_type_three_times():
    counts = Counter(event_type for _, event_type in SENTENCES)
    assert set(counts) == set(EVENT_TYPES)
    assert min(counts.values()) >= 3
    assert len({sentence for sentence, _ in SENTENCES}) == len(SENTENCES)
    assert set(PARSE_FAILURES) <= {sentence for sentence, _ in SENTENCES}


@pytest.fixture(scope="module")
def coder(lex):
    from dyad.pipeline import Coder

    return Coder()


@pytest.mark.parametrize("sentence, event_type", list(_cases(TRIGGER_WORD_FAILURES)))
def test_fixture_sentence_has_a_trigger_of_its_type(coder, sentence, event_type):
    from dyad.events.arguments import find_triggers
    from dyad.language import sentences

    doc = coder.nlp(sentence)
    found = [t.spec.event_type for sent in sentences(doc) for t in find_triggers(sent, coder.lexicon)]
    assert event_type in found, found


@pytest.mark.parametrize("sentence, event_type", list(_cases(PARSE_FAILURES)))
def test_fixture_sentence_gives_an_event_of_its_type(coder, sentence, event_type):
    from dyad.records import Article

    events = coder.code(Article(doc_id="lexicon.txt", text=sentence, published="2021-07-05"))
    assert any(event.event_type == event_type for event in events), [
        (e.event_type, e.source and e.source.name, e.target and e.target.name) for e in events
    ]
