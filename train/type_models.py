"""Train the event-type models of dyad/events/typemodel.py.

Reads the stories and sentences written for Dyad in train/types/ (one JSON
object per line with ``event_type``, ``text`` and, for stories, ``title``),
chooses the regularisation by 5-fold cross-validation, fits a multinomial
logistic regression on everything, and writes the weights as a numpy file the
package loads without scikit-learn.

* ``document``: the 16 types; examples are the stories (headline and body) and
  the sentences; cross-validated on the stories.
* ``sentence``: the 16 types and NONE; examples are the sentences (NONE ones
  included) and the stories' headlines; cross-validated on the sentences.

    .venv/bin/python train/type_models.py document train/types dyad/data/events/doctype.npz
    .venv/bin/python train/type_models.py sentence train/types dyad/data/events/sentencetype.npz

Nothing under ../shared is read: the NGEC stories that ``dyad evaluate``
measures this model on carry no licence and are never trained on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dyad.events.typemodel import NONE, features  # noqa: E402
from dyad.records import EVENT_TYPES  # noqa: E402

MIN_DOCUMENTS = 2  # a feature seen in one text only is that text's, not the type's
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
SEED = 13


LEAD_WORDS = {"document": 60, "sentence": 0}  # a story's headline and first sentence or two


def read_examples(folder: Path, model: str) -> tuple[list[str], list[str], list[bool]]:
    """Texts, labels, and which texts the cross-validation scores."""
    texts, labels, scored = [], [], []
    for kind in ("stories", "sentences"):
        for path in sorted((folder / kind).glob("*.jsonl")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                row = json.loads(line)
                if row["event_type"] not in EVENT_TYPES + ((NONE,) if model == "sentence" else ()):
                    if row["event_type"] == NONE:
                        continue  # a sentence that tells no event says nothing of a story's type
                    raise SystemExit(f"{path}:{number}: unknown event type {row['event_type']!r}")
                if kind == "stories" and model == "sentence":
                    text = row["title"]  # a headline tells its story's event in one line
                elif kind == "stories":
                    text = f"{row['title']}\n\n{row['text']}"
                else:
                    text = row["text"]
                texts.append(text)
                labels.append(row["event_type"])
                scored.append((kind == "stories") == (model == "document"))
    return texts, labels, scored


def vocabulary(rows: list[dict[str, float]]) -> tuple[list[str], np.ndarray]:
    df: dict[str, int] = {}
    for row in rows:
        for key in row:
            df[key] = df.get(key, 0) + 1
    kept = sorted(k for k, n in df.items() if n >= MIN_DOCUMENTS)
    idf = np.array([np.log((1 + len(rows)) / (1 + df[k])) + 1.0 for k in kept], dtype=np.float32)
    return kept, idf


def matrix(rows: list[dict[str, float]], vocab: list[str], idf: np.ndarray) -> csr_matrix:
    index = {k: i for i, k in enumerate(vocab)}
    data, cols, pointers = [], [], [0]
    for row in rows:
        pairs = sorted((index[k], v) for k, v in row.items() if k in index)
        values = np.array([v for _, v in pairs], dtype=np.float32) * idf[[i for i, _ in pairs]] if pairs else np.zeros(0)
        norm = np.linalg.norm(values) or 1.0
        cols.extend(i for i, _ in pairs)
        data.extend(values / norm)
        pointers.append(len(cols))
    return csr_matrix((data, cols, pointers), shape=(len(rows), len(vocab)), dtype=np.float32)


def cross_validate(rows, labels, scored, c: float) -> tuple[float, float, list[str], list[tuple[str, float]]]:
    """Accuracy and macro-F1 on the held-out folds of the scored texts (the
    others always train), with each held-out text's label and best guess."""
    folded = np.flatnonzero(scored)
    always = np.flatnonzero(~np.asarray(scored))
    truth, guess, best = [], [], []
    for train_part, test_part in StratifiedKFold(5, shuffle=True, random_state=SEED).split(folded, np.asarray(labels)[folded]):
        train_ids = np.concatenate([folded[train_part], always])
        vocab, idf = vocabulary([rows[i] for i in train_ids])
        model = fit(matrix([rows[i] for i in train_ids], vocab, idf), [labels[i] for i in train_ids], c)
        test_ids = folded[test_part]
        probabilities = model.predict_proba(matrix([rows[i] for i in test_ids], vocab, idf))
        best.extend((model.classes_[row.argmax()], float(row.max())) for row in probabilities)
        truth.extend(labels[i] for i in test_ids)
    guess = [g for g, _ in best]
    accuracy = float(np.mean(np.asarray(truth) == np.asarray(guess)))
    return accuracy, float(f1_score(truth, guess, average="macro")), truth, best


def report_thresholds(truth: list[str], best: list[tuple[str, float]]) -> None:
    """For the sentence model: what the coder's rule "an event when the best
    type is not NONE and has at least this probability" gives on held-out folds."""
    events = sum(t != NONE for t in truth)
    nones = len(truth) - events
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
        fired = [(t, g) for t, (g, p) in zip(truth, best) if g != NONE and p >= threshold]
        right = sum(t == g for t, g in fired)
        on_none = sum(t == NONE for t, _ in fired)
        print(f"  p >= {threshold}: fires on {len(fired)}, type right {right / max(len(fired), 1):.3f}, "
              f"event sentences typed {right / events:.3f}, NONE sentences given a type {on_none / nones:.3f}")


def fit(x: csr_matrix, labels: list[str], c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, random_state=SEED).fit(x, labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", choices=sorted(LEAD_WORDS), help="which model to train")
    parser.add_argument("examples", type=Path, help="folder with stories/ and sentences/ (train/types)")
    parser.add_argument("output", type=Path, help="the .npz file to write")
    args = parser.parse_args()
    texts, labels, scored = read_examples(args.examples, args.model)
    lead_words = LEAD_WORDS[args.model]
    print(f"{args.model} model: {len(texts)} examples ({sum(scored)} cross-validated), {len(set(labels))} types")
    rows = [features(t, lead_words) for t in texts]
    chosen = None
    for c in C_GRID:
        accuracy, macro, truth, best = cross_validate(rows, labels, scored, c)
        print(f"C={c:<6g} 5-fold: accuracy {accuracy:.3f}, macro-F1 {macro:.3f}")
        if chosen is None or macro > chosen[1]:
            chosen = (c, macro, truth, best)
    c = chosen[0]
    if args.model == "sentence":
        report_thresholds(chosen[2], chosen[3])
    vocab, idf = vocabulary(rows)
    model = fit(matrix(rows, vocab, idf), labels, c)
    types = [t for t in EVENT_TYPES + (NONE,) if t in model.classes_]
    order = [list(model.classes_).index(t) for t in types]
    weights = model.coef_[order].T.astype(np.float32)
    bias = model.intercept_[order].astype(np.float32)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.output, types=np.array(types), vocabulary=np.array(vocab), idf=idf,
                        weights=weights, bias=bias, lead_words=np.array(lead_words))
    print(f"chose C={c:g}; {len(vocab)} features; wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
