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
    merge_sentences,
    paragraph_openers,
    paragraph_text,
    read_conllu,
    sentence_fields,
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
