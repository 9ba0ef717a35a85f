"""The English language pipeline: sentences, tokens, tags, lemmas, parse, entities.

Dyad ships its own spaCy pipeline, trained by ``make model`` from UD English
EWT, UNER English EWT and the openly licensed genres of UD English GUM
(``train/``), in ``dyad/data/pipeline``. Any other installed spaCy pipeline can
be chosen by name or path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from thinc.api import use_ops

from dyad.clean import PARAGRAPH_BREAK, CleanText, clean
from dyad.errors import ModelError
from dyad.language.gazetteer import add_gazetteer
from dyad.records import Article

DEFAULT_PIPELINE = Path(__file__).resolve().parents[1] / "data" / "pipeline"
# Pipelines that never set sentence boundaries get a rule-based splitter.
_SENTENCE_SETTERS = {"parser", "senter", "sentencizer"}


@dataclass(frozen=True)
class ReadDocument:
    """An article, its cleaned text and the analysis of that text."""

    article: Article
    clean: CleanText
    doc: Doc


def pipeline_path(name_or_path: str | None = None) -> Path | str:
    return DEFAULT_PIPELINE if name_or_path is None else name_or_path


@lru_cache(maxsize=4)
def load_pipeline(name_or_path: str | None = None) -> Language:
    """The spaCy pipeline, ready for Dyad: paragraph breaks end sentences."""
    target = pipeline_path(name_or_path)
    if name_or_path is None and not (DEFAULT_PIPELINE / "config.cfg").is_file():
        raise ModelError(f"the shipped pipeline is missing at {DEFAULT_PIPELINE}; run `make model`")
    try:
        # numpy's matrix product (OpenBLAS) is 2-3 times faster than the
        # bundled BLIS on some CPUs (31 vs 95 GFLOP/s on one AMD EPYC core)
        # and gives the same analyses, so the network layers use it.
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(target)
    except (OSError, ValueError, ImportError) as error:
        raise ModelError(
            f"cannot load spaCy pipeline {str(target)!r}: not an installed package or a pipeline folder ({error})"
        ) from error
    nlp.add_pipe("dyad_paragraphs", first=True)
    nlp.add_pipe("dyad_finite_verbs", last=True)
    add_gazetteer(nlp)
    if not _SENTENCE_SETTERS & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer", after="dyad_paragraphs")
    return nlp


FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP"}


@Language.component("dyad_finite_verbs", assigns=["token.pos", "token.tag", "token.dep", "token.head"])
def finite_verbs(doc: Doc) -> Doc:
    """A word the tagger calls a finite verb is a verb, whatever the
    morphologizer's part of speech says: the two are trained apart and
    sometimes disagree ("applauded" tagged VBD but given ADJ). A lower-case
    word in -ed is never a proper noun. Two misparses that no reading of
    English allows are mended: a noun as a verb's compound is its subject,
    and a lone word read as a second subject modifies the one after it."""
    _mend_impossible_arcs(doc)
    for token in doc:
        if token.tag_ in FINITE_VERB_TAGS and token.pos_ in {"ADJ", "NOUN", "PROPN"}:
            token.pos_ = "VERB"
        elif token.tag_ in {"NNP", "NNPS"} and token.text.islower() and token.text.endswith("ed") and token.i > 0:
            # "The Norwegian Refugee Council welcomed ...": a lower-case past tense swept into the name
            token.tag_, token.pos_ = "VBD", "VERB"
        elif _takes_an_object(token):
            token.tag_, token.pos_ = _verb_tag(token), "VERB"
    return doc


def _mend_impossible_arcs(doc: Doc) -> None:
    for token in doc:
        if token.dep_ == "compound" and token.head.pos_ == "VERB" and token.i < token.head.i \
                and token.pos_ in {"NOUN", "PROPN"}:
            token.dep_ = "nsubj"  # "The junta/compound handed power": the parse's compound of a verb
        elif (other := _doubled_subject(token)) is not None:
            token.head, token.dep_ = other, "amod" if token.tag_ == "JJ" or token.text[:1].isupper() else "compound"


def _doubled_subject(token):
    """"Argentine public employees will join" with "Argentine" read as a
    subject of its own: a lone word right before the verb's other subject is
    that subject's modifier. Returns the other subject."""
    if token.dep_ != "nsubj" or token.tag_ not in {"JJ", "NNP", "NN"} or any(True for _ in token.children):
        return None
    return next((c for c in token.head.children if c.dep_ == "nsubj" and c.i > token.i and c.left_edge.i == token.i + 1), None)


_NOUN_PHRASE_DEPS = {"det", "nmod:poss", "amod", "nummod", "case"}


def _takes_an_object(token) -> bool:
    """"The Indian army blamed Pakistani troops" with "blamed" tagged an
    adjective, "Uruguay scolds Argentina" with "scolds" a plural noun: a
    lower-case noun or adjective that the parse gave a direct object after
    it, and nothing that only a noun has (an article, an owner, an
    adjective), is the clause's verb. An "object" that opens with a
    preposition ("apology to Sami people"), a word right after a verb
    ("inks fisheries pact") and a noun before a participle ("troops
    reinforced positions") are misparses of other kinds."""
    if token.tag_ not in {"NN", "NNS", "JJ"} or not token.text.islower() or token.i == 0 \
            or token.doc[token.i - 1].pos_ == "VERB" or any(c.dep_ in _NOUN_PHRASE_DEPS for c in token.children):
        return False
    objects = [c for c in token.children if c.dep_ == "obj" and c.i > token.i and c.left_edge.pos_ != "ADP"]
    # "troops reinforced positions": the participle before the object is the verb the parse missed
    return bool(objects) and not any(t.tag_ in {"JJ", "VBN", "VBD"} and t.lower_.endswith("ed")
                                     for t in token.doc[token.i + 1 : objects[0].i])


def _verb_tag(token) -> str:
    if any(c.dep_ == "mark" and c.lower_ == "to" for c in token.children):
        return "VB"  # "refused to free them"
    if token.lower_.endswith("ed"):
        return "VBD"
    return "VBZ" if token.tag_ == "NNS" or token.lower_.endswith("s") else "VBP"


@Language.component("dyad_paragraphs", assigns=["token.is_sent_start"])
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line (captions, headlines and
    paragraphs are separate), and within a paragraph it ends only after
    terminal punctuation: the parser, trained on web text, otherwise splits
    news sentences after a long name ("Prime Minister Benjamin Netanyahu |
    met President Vladimir Putin")."""
    # Set in one array: Token.is_sent_start's setter scans the whole Doc for a
    # parse on every call, which made this step quadratic in the article's length.
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    previous = None
    for token in doc:
        if previous is not None and not token.is_space:
            if previous.is_space and PARAGRAPH_BREAK in previous.text:
                starts[token.i] = 1
            elif not _ends_sentence(previous):
                starts[token.i] = -1
        if token.is_space and PARAGRAPH_BREAK in token.text:
            starts[token.i] = -1
        previous = token
    if len(doc):
        doc.from_array([SENT_START], starts.view(numpy.uint64))
    return doc


_TERMINAL = (".", "!", "?", "…")
_CLOSERS = {'"', "”", "’", "'", ")", "]", "»"}


def _ends_sentence(token) -> bool:
    text = token.text
    if text.endswith(_TERMINAL) or (token.is_space and "\n" in text):
        return True  # a line break may end a sentence; the parser decides
    if text in _CLOSERS and token.i > 0:
        return token.doc[token.i - 1].text.endswith(_TERMINAL)
    return False


def sentences(doc: Doc) -> Iterator[Span]:
    """The sentences of a Doc without surrounding whitespace; blank ones skipped."""
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if words:
            yield doc[words[0].i : words[-1].i + 1]


def analyse(articles: Iterable[Article], nlp: Language, batch_size: int = 16) -> Iterator[ReadDocument]:
    """Clean and parse each article, in order."""
    cleaned = ((clean(article.text), article) for article in articles)
    texts = ((text.text, (text, article)) for text, article in cleaned)
    for doc, (text, article) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        yield ReadDocument(article, text, doc)
