"""`spacy train`, with thinc's matrix products done by numpy (OpenBLAS) instead of BLIS.

    python train/train.py train/pipeline.cfg train/output [--paths.train FILE ...]

Extra arguments are config overrides, as `spacy train` takes them. On the 2-core
machines Dyad is built on, OpenBLAS multiplies about three times as fast as the
BLIS that thinc bundles (see dyad/language/__init__.py), and training is mostly
matrix products.
"""

from __future__ import annotations

import sys

from spacy.cli._util import parse_config_overrides
from spacy.cli.train import train
from thinc.api import use_ops


def main(config: str, output: str, *overrides: str) -> None:
    with use_ops("numpy", use_blis=False):
        train(config, output, overrides=parse_config_overrides(list(overrides)))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    main(*sys.argv[1:])
