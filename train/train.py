"""`spacy train`, with thinc's matrix products done by numpy (OpenBLAS) instead of BLIS.

    python train/train.py train/pipeline.cfg train/output [--paths.train FILE ...]

Extra arguments are config overrides, as `spacy train` takes them. On the 2-core
machines Dyad is built on, OpenBLAS multiplies about three times as fast as the
BLIS that thinc bundles (see dyad/language/__init__.py), and training is mostly
matrix products.
"""

from __future__ import annotations

import sys
from typing import Callable

import spacy
from spacy.cli._util import parse_config_overrides
from spacy.cli.train import train
from spacy.language import Language
from thinc.api import use_ops


@spacy.registry.callbacks("dyad.lemmatizer_labels_restored")
def lemmatizer_labels_restored() -> Callable[[Language], Language]:
    """For training a pipeline further (train/continue.cfg): a trainable
    lemmatizer read from disk has its labels but not the map from edit tree to
    label that its loss uses (spaCy 3.8 rebuilds it only in ``initialize``), so
    every gold lemma would count as label 0 and lemma accuracy falls to that of
    copying the word (0.95 -> 0.76 in 500 steps)."""

    def restore(nlp: Language) -> Language:
        for _, component in nlp.pipeline:
            if hasattr(component, "tree2label") and not component.tree2label:
                component.tree2label.update((tree, label) for label, tree in enumerate(component.labels))
        return nlp

    return restore


def main(config: str, output: str, *overrides: str) -> None:
    with use_ops("numpy", use_blis=False):
        train(config, output, overrides=parse_config_overrides(list(overrides)))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
