"""Event types read from words alone: what a story is about, and what a
sentence the lexicon has no word for reports.

Two linear models (multinomial logistic regression over words and word pairs),
trained by ``train/type_models.py`` from stories and sentences written for
Dyad (``train/types/``):

* ``document``: the 16 PLOVER types of whole stories. The event coder finds
  each event a sentence tells; an analyst sorting a corpus also wants to know
  which kind of event an article is *about* (its headline's event, not the
  background it retells). Words of the opening (headline and lead) count once
  more than the rest.
* ``sentence``: the 16 types and NONE, for single sentences. The coder asks it
  only where its lexicon finds no trigger, so that wording the lexicon lacks
  ("carried out joint patrols", "walked off the job") still yields an event.

Both need numpy only and score thousands of texts a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parents[1] / "data" / "events"
MODEL_PATHS = {"document": DATA / "doctype.npz", "sentence": DATA / "sentencetype.npz"}
NONE = "NONE"
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+")


def features(text: str, lead_words: int = 0) -> dict[str, float]:
    """Word and word-pair counts over the text (and again over its first
    ``lead_words`` words), as sublinear term frequencies (1 + log count)."""
    words = _WORD.findall(text.lower())
    counts: dict[str, int] = {}
    spans = [("w", words)] + ([("l", words[:lead_words])] if lead_words else [])
    for prefix, span in spans:
        for word in span:
            key = f"{prefix}:{word}"
            counts[key] = counts.get(key, 0) + 1
        for left, right in zip(span, span[1:]):
            key = f"{prefix}:{left}_{right}"
            counts[key] = counts.get(key, 0) + 1
    return {key: _SUBLINEAR[count] if count < len(_SUBLINEAR) else 1.0 + float(np.log(count))
            for key, count in counts.items()}


# 1 + log(count) for the small counts nearly every feature has: numpy's log of one
# number at a time was most of the sentence model's time (the same values, from a table)
_SUBLINEAR = [0.0] + [1.0 + float(np.log(count)) for count in range(1, 64)]


@dataclass(frozen=True)
class TypeGuess:
    event_type: str  # a PLOVER type, or NONE for a sentence that tells no event
    probability: float

    def to_dict(self) -> dict:
        return {"event_type": self.event_type, "probability": round(self.probability, 4)}


class TypeModel:
    """``TypeModel.load(path)`` once, then ``classify(text)``: every type with
    its probability, most likely first."""

    def __init__(self, types: list[str], vocabulary: list[str], idf: np.ndarray, weights: np.ndarray,
                 bias: np.ndarray, lead_words: int):
        self.types = types
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.weights = weights.astype(np.float32)  # features x types
        self.bias = bias.astype(np.float32)
        self.lead_words = lead_words

    @classmethod
    def load(cls, path: Path) -> "TypeModel":
        with np.load(path, allow_pickle=False) as data:
            return cls([str(t) for t in data["types"]], [str(v) for v in data["vocabulary"]], data["idf"],
                       data["weights"], data["bias"], int(data["lead_words"]))

    def classify(self, text: str) -> list[TypeGuess]:
        found = [(self.index[k], v) for k, v in features(text, self.lead_words).items() if k in self.index]
        scores = self.bias.copy()
        if found:
            indices = np.fromiter((i for i, _ in found), dtype=np.int64, count=len(found))
            values = np.fromiter((v for _, v in found), dtype=np.float32, count=len(found)) * self.idf[indices]
            scores += (values / np.linalg.norm(values)) @ self.weights[indices]
        scores = np.exp(scores - scores.max())
        probabilities = scores / scores.sum()
        order = np.argsort(-probabilities, kind="stable")
        return [TypeGuess(self.types[i], float(probabilities[i])) for i in order]

    def best(self, text: str) -> TypeGuess:
        return self.classify(text)[0]


@lru_cache(maxsize=2)
def type_model(kind: str) -> TypeModel | None:
    """The shipped ``document`` or ``sentence`` model, loaded once per process
    (None where it has not been trained)."""
    path = MODEL_PATHS[kind]
    return TypeModel.load(path) if path.is_file() else None
