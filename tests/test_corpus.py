"""Training data for the pipeline: UD English EWT with UNER entities, and the
openly licensed genres of UD English GUM with named entities read off its
mention layer (`dyad.language.corpus`)."""

from __future__ import annotations

import gzip

import spacy

from dyad.language.corpus import (
    GUM_OPEN_GENRES,
    GUM_TRAIN,
    gum_docs,
    gum_entity_tags,
    gum_genre,
    gum_mentions,
    headline_rows,
    merge_sentences,
    paragraph_openers,
    paragraph_text,
    read_conllu,
    sentence_fields,
    third_person,
)


def _row(index: int, form: str, upos: str, misc: str = "_", xpos: str = "NNP") -> list[str]:
    return [str(index), form, form, upos, xpos, "_", "0", "dep", "_", misc]


# "U.S. President Donald Trump's policies", marked as GUM marks mentions: a person
# mention with a place nested in it, and an abstract mention around both.
TRUMP = [
    _row(1, "U.S.", "PROPN", "Entity=(1-abstract-new-cf1-1-sgl(2-person-new-cf2-1-coref-Donald_Trump(3-place-giv-cf3-1-coref)"),
    _row(2, "President", "PROPN"),
    _row(3, "Donald", "PROPN"),
    _row(4, "Trump", "PROPN"),
    _row(5, "'s", "PART", "Entity=2)", xpos="POS"),
    _row(6, "policies", "NOUN", "Entity=1)", xpos="NNS"),
]

# "the United States": UD English tags "United" a verb inside the name.
UNITED_STATES = [
    _row(1, "visited", "VERB", xpos="VBD"),
    _row(2, "the", "DET", "Entity=(1-place-new-cf1-2-coref", xpos="DT"),
    _row(3, "United", "VERB", xpos="VBN"),
    _row(4, "States", "PROPN", "Entity=1)", xpos="NNPS"),
]


def test_gum_mentions_are_read_with_their_nesting():
    assert sorted(gum_mentions(TRUMP)) == [(0, 0, "place"), (0, 4, "person"), (0, 5, "abstract")]


def test_gum_names_leave_titles_determiners_and_possessives_out():
    assert gum_entity_tags(TRUMP) == ["B-LOC", "O", "B-PER", "I-PER", "O", "O"]
    assert gum_entity_tags(UNITED_STATES) == ["O", "O", "B-LOC", "I-LOC"]


def test_a_mention_that_is_no_name_gets_no_entity():
    the_president = [
        _row(1, "The", "DET", "Entity=(1-person-giv-cf1-1-coref", xpos="DT"),
        _row(2, "President", "PROPN", "Entity=1)"),
        _row(3, "spoke", "VERB", xpos="VBD"),
    ]
    girls = [_row(1, "girls", "NOUN", "Entity=(1-person-new-cf1-1-sgl)", xpos="NNS")]
    assert gum_entity_tags(the_president) == ["O", "O", "O"]
    assert gum_entity_tags(girls) == ["O"]


def test_gum_training_documents_come_only_from_openly_licensed_genres(datasets_dir):
    docs, n_sent = gum_docs(datasets_dir, spacy.blank("en").vocab)
    texts = {sentence.text.strip() for doc in docs for sentence in doc.sents}
    assert n_sent == sum(len(list(doc.sents)) for doc in docs) > 5000
    withheld, kept = set(), set()
    with gzip.open(datasets_dir / "ud-english-gum" / GUM_TRAIN, "rt", encoding="utf-8") as lines:
        sent_id = None
        for line in lines:
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text") and len(line) > 60:
                (kept if gum_genre(sent_id) in GUM_OPEN_GENRES else withheld).add(line.split("=", 1)[1].strip())
    assert len(withheld & texts) < 0.01 * len(withheld)  # fiction and wikiHow (NC) stay out
    assert len(kept & texts) > 0.5 * len(kept)


def _sentence(sent_id: str, words: list[str], comments: tuple[str, ...] = ()) -> str:
    lines = [f"# sent_id = {sent_id}", *comments]
    lines += ["\t".join([str(i), w, w, "X", "X", "_", "0" if i == 1 else "1", "root" if i == 1 else "dep", "_",
                         "SpaceAfter=No" if words[i:i + 1] == ["."] else "_"]) for i, w in enumerate(words, 1)]
    return "\n".join(lines) + "\n\n"


def test_paragraphs_are_laid_out_as_in_uds_raw_text(tmp_path):
    # newdoc before the sent_id, newpar after it: both open a paragraph.
    path = tmp_path / "three.conllu"
    path.write_text(
        "# newdoc id = d1\n" + _sentence("d1-1", ["Talks", "resumed", "."])
        + _sentence("d1-2", ["No", "deal", "yet"])
        + _sentence("d1-3", ["Both", "sides", "left", "."], ("# newpar id = d1-p2",)),
        encoding="utf-8",
    )
    openers = paragraph_openers(path)
    assert openers == {"d1-1", "d1-3"}
    rows = [(sent_id, sentence_fields(r, None)) for sent_id, r in read_conllu(path)]
    doc = merge_sentences(spacy.blank("en").vocab, [fields for _, fields in rows])
    text = paragraph_text(doc, [sent_id in openers for sent_id, _ in rows])
    assert text == "Talks resumed. No deal yet\n\nBoth sides left. "
    assert doc.text == "Talks resumed. No deal yet Both sides left. "


def _word(index: int, form: str, lemma: str, upos: str, xpos: str, head: int, dep: str) -> list[str]:
    return [str(index), form, lemma, upos, xpos, "_", str(head), dep, "_", "_"]


# "The army shelled a village near Kherson ."
SHELLED = [
    _word(1, "The", "the", "DET", "DT", 2, "det"),
    _word(2, "army", "army", "NOUN", "NN", 3, "nsubj"),
    _word(3, "shelled", "shell", "VERB", "VBD", 0, "root"),
    _word(4, "a", "a", "DET", "DT", 5, "det"),
    _word(5, "village", "village", "NOUN", "NN", 3, "obj"),
    _word(6, "near", "near", "ADP", "IN", 7, "case"),
    _word(7, "Kherson", "Kherson", "PROPN", "NNP", 5, "nmod"),
    _word(8, ".", ".", "PUNCT", ".", 3, "punct"),
]


def test_a_sentence_becomes_a_wire_headline_with_its_tree_kept():
    headline = headline_rows(SHELLED)
    assert [r[1] for r in headline] == ["Army", "shells", "village", "near", "Kherson"]
    assert [(r[4], r[6], r[7]) for r in headline] == [
        ("NN", "2", "nsubj"), ("VBZ", "0", "root"), ("NN", "2", "obj"), ("IN", "5", "case"), ("NNP", "3", "nmod")]


def test_a_future_becomes_to_and_a_plural_subject_keeps_the_bare_verb():
    rows = [_word(1, "Rebels", "rebel", "NOUN", "NNS", 3, "nsubj"), _word(2, "will", "will", "AUX", "MD", 3, "aux"),
            _word(3, "free", "free", "VERB", "VB", 0, "root"), _word(4, "hostages", "hostage", "NOUN", "NNS", 3, "obj"),
            _word(5, ".", ".", "PUNCT", ".", 3, "punct")]
    assert [(r[1], r[4], r[7]) for r in headline_rows(rows)][:3] == [
        ("Rebels", "NNS", "nsubj"), ("to", "TO", "mark"), ("free", "VB", "root")]
    past = [_word(1, "Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"), _word(2, "freed", "free", "VERB", "VBD", 0, "root"),
            _word(3, "hostages", "hostage", "NOUN", "NNS", 2, "obj"), _word(4, "today", "today", "NOUN", "NN", 2, "obl"),
            _word(5, ".", ".", "PUNCT", ".", 2, "punct")]
    assert [r[1] for r in headline_rows(past)][:2] == ["Rebels", "free"]


def test_no_headline_from_a_pronoun_subject_or_the_verb_be():
    pronoun = [list(r) for r in SHELLED[1:]]
    pronoun[0] = _word(2, "It", "it", "PRON", "PRP", 3, "nsubj")
    assert headline_rows(pronoun) is None
    copula = [list(r) for r in SHELLED]
    copula[2] = _word(3, "was", "be", "VERB", "VBD", 0, "root")
    assert headline_rows(copula) is None


def test_third_person_forms():
    assert [third_person(v) for v in ("slam", "push", "deny", "go", "have", "play")] == [
        "slams", "pushes", "denies", "goes", "has", "plays"]
