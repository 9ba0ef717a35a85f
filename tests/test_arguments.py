"""Roles read off hand-built parses: the shapes a parser gives that the coder
must read whichever parser made them (`dyad.events.arguments`)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from dyad.events.arguments import assign_roles, find_triggers
from dyad.events.lexicon import lexicon
from dyad.events.mentions import Mention
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
