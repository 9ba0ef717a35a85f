"""How a pipeline parses UD English GUM: LAS on its news documents and on all of it.

    python train/evaluate_gum.py [MODEL] [--split test] [--datasets ../shared/datasets]

GUM's news genre is the nearest of the treebanks here to what Dyad reads; this
measures only (the shipped pipeline trains on GUM's train split, never dev or test).
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from spacy.tokens import Doc
from spacy.training import Example

from dyad.language import load_pipeline
from dyad.language.corpus import (
    SENTENCES_PER_DOC, gum_genre, merge_sentences, paragraph_openers, paragraph_text, read_conllu, sentence_fields,
)


def gum_split_docs(datasets: Path, split: str, vocab) -> dict[str, list[tuple[str, Doc]]]:
    """(raw text, Doc) pairs of a few sentences each, by genre, never across a
    document boundary; the raw text has a blank line between paragraphs."""
    path = datasets / "ud-english-gum" / f"en_gum-ud-{split}.conllu"
    openers = paragraph_openers(path)
    by_document = defaultdict(list)
    for sent_id, rows in read_conllu(path):
        by_document[sent_id.rsplit("-", 1)[0]].append((sentence_fields(rows, None), sent_id in openers))
    by_genre = defaultdict(list)
    for document, sentences in by_document.items():
        for start in range(0, len(sentences), SENTENCES_PER_DOC):
            group = sentences[start : start + SENTENCES_PER_DOC]
            doc = merge_sentences(vocab, [fields for fields, _ in group])
            by_genre[gum_genre(document)].append((paragraph_text(doc, [opens for _, opens in group]), doc))
    return by_genre


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", nargs="?", default=None, help="a pipeline name or path (default: the shipped one)")
    parser.add_argument("--split", default="test", choices=("dev", "test"))
    parser.add_argument("--datasets", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "datasets")
    args = parser.parse_args()
    nlp = load_pipeline(args.model)
    by_genre = gum_split_docs(args.datasets, args.split, nlp.vocab)
    for name, docs in (("news", by_genre["news"]), ("all genres", [d for ds in by_genre.values() for d in ds])):
        scores = nlp.evaluate([Example(nlp.make_doc(text), doc) for text, doc in docs])
        print(f"GUM {args.split}, {name}: LAS {scores['dep_las']:.3f}  UAS {scores['dep_uas']:.3f}  POS {scores['pos_acc']:.3f}")


if __name__ == "__main__":
    main()
