"""Lines read again (dyad.events.headlines): what changes, and what must not."""

from __future__ import annotations

import pytest

from dyad.events.headlines import reread_headlines
from dyad.language import sentences
from dyad.pipeline import Coder

ARTICLE = (
    "Ghana opposition slams budget\n\n"
    "The opposition in Ghana criticised the budget on Monday. It said the plan would hurt the poor.\n\n"
    "Malian soldiers massacre herders in Mopti region\n\n"
    "Officials met in Accra."
)


@pytest.fixture(scope="module")
def coder() -> Coder:
    return Coder()


def _parse(doc):
    return [(t.i, t.head.i, t.dep_, t.tag_) for t in doc]


def test_only_the_verbless_lines_change_and_the_sentences_stay(coder):
    doc = coder.nlp(ARTICLE)
    lines = [(s.start, s.end) for s in sentences(doc)]
    before = _parse(doc)
    reread_headlines(doc, coder.nlp, coder.lexicon)
    assert [(s.start, s.end) for s in sentences(doc)] == lines
    changed = {i for (i, *old), (_, *new) in zip(before, _parse(doc)) if old != new}
    headlines = {i for start, end in (lines[0], lines[3]) for i in range(start, end)}
    assert changed and changed <= headlines


def test_the_headline_verb_is_the_root_with_its_subject_and_keeps_its_own_text(coder):
    doc = coder.nlp("Malian soldiers massacre herders in Mopti region")
    reread_headlines(doc, coder.nlp, coder.lexicon)
    verb = doc[2]
    assert (verb.text, verb.dep_, verb.pos_, verb.tag_) == ("massacre", "ROOT", "VERB", "VBP")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["soldiers"]
    assert len(doc) == 7  # the "will" of the second reading is not kept


@pytest.mark.parametrize(
    "text",
    [
        "Two journalists detained in Minsk",
        "Troops stationed in Syria returned home on Monday.",
        "The opposition is committed to free and fair elections.",
    ],
    ids=["headline-drops-were", "reduced-relative-without-object", "free-and-fair-elections"],
)
def test_lines_read_right_are_left_alone(coder, text):
    """A headline's passive, a reduced relative with no object of its own, and
    "free" that is the adjective keep the first parse."""
    doc = coder.nlp(text)
    before = _parse(doc)
    reread_headlines(doc, coder.nlp, coder.lexicon)
    assert _parse(doc) == before


def test_a_past_tense_read_as_a_participle_with_an_object_is_read_as_the_clause_verb(coder):
    """"struck/VBN" hung on "warplanes" but with an object of its own: a reduced
    relative is passive and takes none, so the clause is read again with "has"."""
    doc = coder.nlp("Syrian warplanes struck a market in Idlib overnight, killing nine people, rescuers said.")
    reread_headlines(doc, coder.nlp, coder.lexicon)
    verb = doc[2]
    assert verb.text == "struck" and verb.pos_ == "VERB" and verb.dep_ != "acl"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["warplanes"]


def test_a_past_tense_read_as_the_next_nouns_modifier_is_read_as_the_verb(coder):
    """"derided/VBN" read as the modifier of "Slovakia's language law": no finite
    verb in a sentence that ends like prose, so it is tried as the verb."""
    doc = coder.nlp("Vienna's foreign minister derided Slovakia's language law as discriminatory against ethnic Austrians.")
    reread_headlines(doc, coder.nlp, coder.lexicon)
    verb = doc[4]
    assert verb.text == "derided" and verb.dep_ == "ROOT" and verb.pos_ == "VERB"
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["minister"]


@pytest.mark.parametrize(
    "text, word",
    [
        ("Rebels in Darfur are set to free two Egyptian truck drivers this week.", "free"),
        ("The gunmen did not free the kidnapped teachers by Friday.", "free"),
    ],
    ids=["set-to-free", "did-not-free"],
)
def test_free_read_as_an_adjective_before_its_object_is_read_as_a_verb(coder, text, word):
    doc = coder.nlp(text)
    reread_headlines(doc, coder.nlp, coder.lexicon)
    token = next(t for t in doc if t.text == word)
    assert (token.pos_, token.lemma_) == ("VERB", "free")


def test_a_headline_infinitive_hung_on_its_subject_is_read_as_the_verb(coder):
    """"Gabonese opposition to sit out legislative vote": "sit" an infinitive on "opposition"."""
    doc = coder.nlp("Gabonese opposition to sit out legislative vote")
    reread_headlines(doc, coder.nlp, coder.lexicon)
    verb = doc[3]
    assert (verb.text, verb.dep_, verb.pos_, verb.tag_) == ("sit", "ROOT", "VERB", "VB")
    assert [c.text for c in verb.children if c.dep_ == "nsubj"] == ["opposition"]
    assert (doc[2].text, doc[2].tag_) == ("to", "TO")
