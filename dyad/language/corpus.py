"""UD English EWT (CoNLL-U) and UNER English EWT (IOB2) as spaCy Docs.

Both treebanks annotate the same sentences, keyed by ``sent_id``, so one Doc
carries tags, morphology, lemmas, the dependency tree and the entities.
Sentences are grouped into documents of a few sentences so that the parser
learns where sentences end. Used to train the shipped pipeline
(``train/convert.py``) and to evaluate any pipeline (``dyad model evaluate``).
"""

from __future__ import annotations

import gzip
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

SPLITS = {
    "train": ("en_ewt-ud-train.conllu.gz", "en_ewt-ud-train.prerelease-2022-12-02.iob2"),
    "dev": ("en_ewt-ud-dev.conllu", "en_ewt-ud-dev.iob2"),
    "test": ("en_ewt-ud-test.conllu", "en_ewt-ud-test.iob2"),
}
# The pre-release UNER train still has these; the final release maps them to O.
DROPPED_NER = {"OTH", "O"}
SENTENCES_PER_DOC = 10


def open_text(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_conllu(path: Path):
    """Yield (sent_id, rows) where rows are the 10 columns of each syntactic word,
    with the SpaceAfter flag of multiword tokens moved to their last word."""
    sent_id, rows, mwt_end, mwt_nospace = None, [], 0, False
    with open_text(path) as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif not line:
                if rows:
                    yield sent_id, rows
                sent_id, rows, mwt_end = None, [], 0
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." in cols[0]:
                    continue  # empty nodes of the enhanced graph
                if "-" in cols[0]:
                    mwt_end = int(cols[0].split("-")[1])
                    mwt_nospace = "SpaceAfter=No" in cols[9]
                    continue
                if int(cols[0]) == mwt_end:
                    cols[9] = "SpaceAfter=No" if mwt_nospace else "_"
                elif int(cols[0]) < mwt_end:
                    cols[9] = "SpaceAfter=No"
                rows.append(cols)
    if rows:
        yield sent_id, rows


def read_iob2(path: Path) -> dict[str, tuple[list[str], list[str]]]:
    sentences, sent_id, words, tags = {}, None, [], []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            line = line.rstrip("\n")
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif not line:
                if sent_id and words:
                    sentences[sent_id] = (words, tags)
                sent_id, words, tags = None, [], []
            elif not line.startswith("#"):
                cols = line.split("\t")
                tag = cols[2]
                if tag != "O" and tag.split("-", 1)[1] in DROPPED_NER:
                    tag = "O"
                words.append(cols[1])
                tags.append(tag)
    if sent_id and words:
        sentences[sent_id] = (words, tags)
    return sentences


def sentence_fields(rows, ner):
    words = [r[1] for r in rows]
    fields = {
        "words": words,
        "spaces": ["SpaceAfter=No" not in r[9] for r in rows],
        "tags": [r[4] for r in rows],
        "pos": [r[3] for r in rows],
        "morphs": ["" if r[5] == "_" else r[5] for r in rows],
        "lemmas": [r[2] for r in rows],
        "heads": [int(r[6]) for r in rows],
        "deps": [r[7] for r in rows],
    }
    # Entities only where UNER tokenised the sentence the same way; elsewhere
    # they are missing (not "no entity"), so the model is not taught a wrong O.
    if ner is not None and ner[0] == words:
        fields["ents"] = ner[1]
    else:
        fields["ents"] = [None] * len(words)
    return fields


def merge_sentences(vocab, sentences) -> Doc:
    """One Doc from several sentences; heads become absolute token indices."""
    merged = {key: [] for key in sentences[0]}
    merged["sent_starts"] = []
    for fields in sentences:
        offset = len(merged["words"])
        for key, values in fields.items():
            if key == "heads":
                values = [offset + i if h == 0 else offset + h - 1 for i, h in enumerate(values)]
            merged[key].extend(values)
        merged["sent_starts"].extend([True] + [False] * (len(fields["words"]) - 1))
        if merged["spaces"]:
            merged["spaces"][-1] = True
    return Doc(vocab, **merged)


def split_docs(datasets: Path, split: str, vocab) -> tuple[list[Doc], int, int]:
    """The Docs of one split, with the counts of sentences and of sentences with entities."""
    conllu_name, iob_name = SPLITS[split]
    ner = read_iob2(datasets / "uner-english-ewt" / iob_name)
    docs, batch, n_sent, n_ner = [], [], 0, 0
    for sent_id, rows in read_conllu(datasets / "ud-english-ewt" / conllu_name):
        fields = sentence_fields(rows, ner.get(sent_id))
        n_sent += 1
        n_ner += fields["ents"][0] is not None
        batch.append(fields)
        if len(batch) == SENTENCES_PER_DOC:
            docs.append(merge_sentences(vocab, batch))
            batch = []
    if batch:
        docs.append(merge_sentences(vocab, batch))
    return docs, n_sent, n_ner


def convert_split(datasets: Path, split: str, out_dir: Path) -> tuple[int, int]:
    docs, n_sent, n_ner = split_docs(datasets, split, spacy.blank("en").vocab)
    out_dir.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out_dir / f"{split}.spacy")
    return n_sent, n_ner
