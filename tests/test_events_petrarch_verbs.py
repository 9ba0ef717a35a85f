"""PETRARCH verb dictionaries (dyad.events.petrarch_verbs): loading, pattern matching,
and the codes they give the coder's events. The fixture ``verbs.txt`` is written for
these tests; the validation suite's own verbs file is read when ../shared is present."""

from functools import lru_cache

import pytest

from dyad.config import Settings
from dyad.errors import DictionaryError
from dyad.events.petrarch_verbs import NO_EVENT, is_verb_dictionary, load_verb_dictionary
from dyad.pipeline import Coder
from dyad.records import Article
from tests.conftest import DATASETS, FIXTURES

VERBS = FIXTURES / "dictionaries" / "verbs.txt"
VALIDATION = DATASETS / "petrarch-validation" / "dictionaries"


@lru_cache(maxsize=None)
def coder(with_verbs: bool = True) -> Coder:
    return Coder(Settings.load(dictionaries=[str(VERBS)] if with_verbs else []))


def events(text: str, with_verbs: bool = True):
    return coder(with_verbs).code(Article(doc_id="t.txt", text=text, published="2021-10-22"))


def only(text: str):
    found = events(text)
    assert len(found) == 1, found
    return found[0]


# --- the file -----------------------------------------------------------------------
def test_verb_dictionary_reads_blocks_verbs_patterns_and_synonym_sets():
    dictionary = load_verb_dictionary(VERBS)
    blocks = {b.name: b for b in dictionary.blocks}
    assert list(blocks) == ["MEND", "LAMBAST", "PHONE", "CONDEMN", "ATTACK", "JOURNEY", "WELCOME", "BOGUS"]
    assert blocks["MEND"].code == NO_EVENT and blocks["LAMBAST"].code == "111"
    assert [v.words for v in blocks["LAMBAST"].verbs] == [("LAMBAST",), ("TEAR", "INTO")]
    assert blocks["LAMBAST"].verbs[1].forms == {"TORE", "TEARS", "TORN"}
    assert blocks["PHONE"].verbs[2].code == "042"  # "GREET [042]": a verb's own code
    kinds = blocks["CONDEMN"].patterns[0].after[0][0]  # &POLITE holds WARM and the nested &TIEKINDS
    assert kinds == {("WARM",), ("DIPLOMATIC",), ("TRADE",), ("CONSULAR",)}


def test_verb_dictionary_codes_with_a_reverse_part():
    journey = next(b for b in load_verb_dictionary(VERBS).blocks if b.name == "JOURNEY")
    assert [p.code for p in journey.patterns] == ["042:043", ":173"]


def test_verb_dictionary_keeps_going_past_lines_it_cannot_read():
    dictionary = load_verb_dictionary(VERBS)
    assert [(s.line, s.reason) for s in dictionary.skipped] == [
        (49, "pattern without a usable code"), (52, "pattern without a usable code")]
    assert next(b for b in dictionary.blocks if b.name == "BOGUS").code is None  # "[zzz]"


def test_verb_dictionary_file_without_blocks_is_a_dictionary_error(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text("CHILE [CHL]\n", encoding="utf-8")
    assert not is_verb_dictionary(path)
    assert is_verb_dictionary(VERBS)
    with pytest.raises(DictionaryError, match="no verb block"):
        load_verb_dictionary(path)


# --- codes on events ----------------------------------------------------------------
@pytest.mark.parametrize("text, event_type, mode, cameo", [
    ("Chile and Peru mended diplomatic ties on Monday.", "SUPPORT", None, "054"),  # synonym set, words apart
    ("Chile repaired consular ties with Peru.", "SUPPORT", None, "054"),  # a verb the lexicon lacks
    ("Chile mended fences with Peru.", "AGREE", None, "036"),
    ("Venezuela lambasted Colombia on Tuesday.", "ACCUSE", "disapprove", "111"),  # the block's code
    ("Venezuela tore into Colombia on Tuesday.", "ACCUSE", "disapprove", "111"),  # a phrasal verb, irregular form
    ("Macron greeted Scholz in Paris.", "CONSULT", "visit", "042"),  # the verb's own code
    ("Russia attacked Ukraine.", "ASSAULT", None, "190"),
    ("Macron welcomed the visit of Scholz.", "CONSULT", "visit", "043"),
], ids=["synset", "unknown-verb", "pattern", "default", "phrasal", "verb-code", "replaces-lexicon", "default-none-pattern"])
def test_verb_dictionary_code_and_its_plover_type(text, event_type, mode, cameo):
    event = only(text)
    assert (event.event_type, event.mode, event.cameo) == (event_type, mode, cameo)


def test_verb_dictionary_reverse_code_gives_the_targets_act_too():
    found = events("Macron travelled to Germany on Monday.")
    assert [(e.source.country, e.target.country, e.event_type, e.mode, e.cameo) for e in found] == [
        ("FRA", "DEU", "CONSULT", "visit", "042"), ("DEU", "FRA", "CONSULT", "visit", "043")]
    assert len({e.id for e in found}) == 2


def test_verb_dictionary_type_keeps_the_lexicon_reading_of_who_acts_on_whom():
    """"welcome" is one side's act in the lexicon: with a code that makes it a
    consultation, the two welcoming states still do not consult each other."""
    found = events("Chile and Peru welcomed the resumption of talks with the rebels.")
    assert [(e.source.country, e.target.sector, e.event_type, e.cameo) for e in found] == [
        ("CHL", "REB", "CONSULT", "040"), ("PER", "REB", "CONSULT", "040")]


def test_verb_dictionary_code_of_the_users_own_keeps_the_lexicon_type():
    event = only("Venezuela condemned Colombia's warm relations with Cuba.")
    assert (event.event_type, event.cameo, event.goldstein) == ("ACCUSE", "901", None)
    assert (event.source.country, event.target.country) == ("VEN", "COL")


def test_verb_dictionary_phrase_coded_none_tells_no_event():
    assert [e.event_type for e in events("The minister attacked the credibility of Ukraine's report.", False)] == ["ASSAULT"]
    assert events("The minister attacked the credibility of Ukraine's report.") == []


def test_verb_dictionary_default_none_leaves_the_lexicon_reading():
    assert [(e.event_type, e.cameo) for e in events("Macron welcomed Scholz.")] == [("SUPPORT", "050")]


# --- the validation suite's own file --------------------------------------------------
@pytest.mark.skipif(not VALIDATION.is_dir(), reason="../shared dictionaries not present")
def test_verb_dictionary_reads_the_validation_suite_and_cameo_files():
    small = load_verb_dictionary(VALIDATION / "PETR.Validate.verbs.txt")
    large = load_verb_dictionary(VALIDATION / "CAMEO.2.0.txt")
    assert (len(small.blocks), len(large.blocks)) == (260, 393)
    # nearly every pattern line is read; what is skipped has no usable code ("[def]", "[+++]")
    assert sum(len(b.patterns) for b in small.blocks) == 469 and len(small.skipped) == 8
    assert sum(len(b.patterns) for b in large.blocks) == 4666


# --- the user's own actors in role phrases ----------------------------------------------
def test_user_state_stands_for_its_state_in_a_role_phrase(tmp_path):
    """"The Arcadia government": one actor, Arcadia's government, not a second
    actor "Arcadia" beside a government placed wherever the sentence says."""
    actors = tmp_path / "own.actors.txt"
    actors.write_text("ARCADIA  [QAR]\n", encoding="utf-8")
    coder = Coder(Settings.load(dictionaries=[str(actors)]))
    found = coder.code(Article(doc_id="t.txt", text="The Arcadia government condemned an attack in southern Chile on Thursday.",
                               published="2021-10-22"))
    assert [(e.event_type, e.source.country, e.source.sector) for e in found if e.event_type == "ACCUSE"] == [
        ("ACCUSE", "QAR", "GOV")]


# --- discard lists ------------------------------------------------------------------------
DISCARDS = FIXTURES / "dictionaries" / "own.discards.txt"


def test_discards_file_is_told_from_an_actors_file(tmp_path):
    from dyad.events.discards import is_discards_file

    actors = tmp_path / "own.discards.actors.txt"
    actors.write_text("CHILE [CHL]\n", encoding="utf-8")
    assert is_discards_file(DISCARDS) and not is_discards_file(actors) and not is_discards_file(VERBS)


def test_discards_drop_a_story_or_a_sentence():
    coder = Coder(Settings.load(dictionaries=[str(DISCARDS)]))
    story = "Chile condemned Peru on Monday. Fans of both sides watched the Champions League final."
    assert coder.code(Article(doc_id="a.txt", text=story, published="2021-10-22")) == []
    text = "Chile condemned Peru on Monday. Years later, Peru condemned Chile."
    found = coder.code(Article(doc_id="b.txt", text=text, published="2021-10-22"))
    assert [(e.source.country, e.target.country) for e in found] == [("CHL", "PER")]
