"""Turn UD English EWT and UNER English EWT into spaCy DocBins for training.

    python train/convert.py ../shared/datasets train/corpus
"""

from __future__ import annotations

import sys
from pathlib import Path

from dyad.language.corpus import SPLITS, convert_split


def main(datasets: str, out_dir: str) -> None:
    for split in SPLITS:
        n_sent, n_ner = convert_split(Path(datasets), split, Path(out_dir))
        print(f"{split}: {n_sent} sentences, {n_ner} with entities")


if __name__ == "__main__":
    main(*sys.argv[1:3])
