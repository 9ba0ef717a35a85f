"""Roles read off hand-built parses: the shapes a parser gives that the coder
must read whichever parser made them (`dyad.events.arguments`)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.events.arguments import assign_roles, find_triggers
from dyad.events.lexicon import lexicon
from dyad.events.knowledge import ActorKnowledge
from dyad.events.mentions import Mention, find_mentions
from dyad.records import Actor


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _state(doc: Doc, i: int, code: str) -> Mention:
    return Mention(i, i + 1, i, (Actor(doc[i].text, doc[i].text, code, None, None),), "state")


def test_the_other_side_hung_on_the_objects_of_phrase_is_the_target():
    # "Kenya signed a memorandum of understanding with Ethiopia", with "with Ethiopia"
    # parsed under "understanding" rather than under the verb or its object
    doc = _parsed(
        words=["Kenya", "signed", "a", "memorandum", "of", "understanding", "with", "Ethiopia", "."],
        heads=[1, 1, 3, 1, 5, 3, 7, 5, 1],
        deps=["nsubj", "ROOT", "det", "obj", "case", "nmod", "case", "nmod", "punct"],
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Kenya", "sign", "a", "memorandum", "of", "understanding", "with", "Ethiopia", "."],
    )
    trigger = next(t for t in find_triggers(doc[:], lexicon()) if t.head.i == 1)
    kenya, ethiopia = _state(doc, 0, "KEN"), _state(doc, 7, "ETH")
    roles = assign_roles(trigger, [kenya, ethiopia])
    assert roles.sources == (kenya,) and roles.targets == (ethiopia,)


def test_a_body_named_over_the_first_words_of_several_modifiers_places_the_role():
    # "European Union finance ministers met", with "Union" hung on "finance" and
    # "European" on "ministers": the body's name is the modifiers' first words only
    doc = _parsed(
        words=["European", "Union", "finance", "ministers", "met", "."],
        heads=[3, 2, 3, 4, 4, 4],
        deps=["amod", "compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "NOUN", "NOUN", "VERB", "PUNCT"],
        lemmas=["European", "Union", "finance", "minister", "meet", "."],
    )
    ministers = next(m for m in find_mentions(doc, ActorKnowledge(), 2024) if m.root == 3)
    assert [(a.country, a.sector) for a in ministers.actors] == [("EUR", "GOV")]


def test_the_verb_of_a_coordinated_clause_does_not_complete_a_phrasal_trigger():
    # "Chile suspended fish exports after the warning was broadcast", with "broadcast"
    # hung on "suspended" as its conjunct: not "suspend>broadcast" (a media ban)
    doc = _parsed(
        words=["Chile", "suspended", "fish", "exports", "after", "the", "warning", "was", "broadcast", "."],
        heads=[1, 1, 3, 1, 6, 6, 1, 8, 1, 1],
        deps=["nsubj", "ROOT", "compound", "obj", "case", "det", "obl", "aux:pass", "conj", "punct"],
        pos=["PROPN", "VERB", "NOUN", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        lemmas=["Chile", "suspend", "fish", "export", "after", "the", "warning", "be", "broadcast", "."],
    )
    trigger = next(t for t in find_triggers(doc[:], lexicon()) if t.head.i == 1)
    assert (trigger.spec.event_type, trigger.spec.complement) == ("SANCTION", None)


def test_a_body_named_by_modifiers_after_an_article_places_the_role():
    # "a European Parliament delegation arrived", with "a", "European" and "Parliament" each hung on the noun
    doc = _parsed(
        words=["a", "European", "Parliament", "delegation", "arrived", "."],
        heads=[3, 3, 3, 4, 4, 4],
        deps=["det", "amod", "compound", "nsubj", "ROOT", "punct"],
        pos=["DET", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"],
        lemmas=["a", "European", "Parliament", "delegation", "arrive", "."],
    )
    delegation = next(m for m in find_mentions(doc, ActorKnowledge(), 2024) if m.root == 3)
    assert [a.country for a in delegation.actors] == ["EUR"]
