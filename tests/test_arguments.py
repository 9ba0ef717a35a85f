"""Roles read off hand-built parses: the shapes a parser gives that the coder
must read whichever parser made them (`dyad.events.arguments`)."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    "words, heads, deps, pos",
    [
        # "European Union finance ministers met", with "Union" hung on "finance" and
        # "European" on "ministers": the body's name is the modifiers' first words only
        (["European", "Union", "finance", "ministers", "met", "."], [3, 2, 3, 4, 4, 4],
         ["amod", "compound", "compound", "nsubj", "ROOT", "punct"], ["PROPN", "PROPN", "NOUN", "NOUN", "VERB", "PUNCT"]),
        # "a European Parliament delegation arrived", each word hung on the noun, the article first
        (["a", "European", "Parliament", "delegation", "arrived", "."], [3, 3, 3, 4, 4, 4],
         ["det", "amod", "compound", "nsubj", "ROOT", "punct"], ["DET", "PROPN", "PROPN", "NOUN", "VERB", "PUNCT"]),
    ],
    ids=["first-words-of-modifiers", "modifiers-after-an-article"],
)
def test_a_body_named_by_some_of_a_roles_modifiers_places_the_role(words, heads, deps, pos):
    doc = _parsed(words=words, heads=heads, deps=deps, pos=pos, lemmas=words)
    role = next(m for m in find_mentions(doc, ActorKnowledge(), 2024) if m.root == 3)
    assert [a.country for a in role.actors] == ["EUR"]
