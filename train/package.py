"""Copy a trained pipeline into the package, with honest metadata.

    python train/package.py train/output/model-best dyad/data/pipeline
"""

from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.util import load_config

CONTINUE_CONFIG = Path(__file__).parent / "continue.cfg"
META = {
    "name": "dyad_en_news",
    "description": (
        "Dyad's English pipeline: tagger, morphologizer, lemmatizer, dependency parser (UD labels) and NER "
        "(PER, ORG, LOC), trained by `make model` from UD English EWT, UNER English EWT and the openly "
        "licensed genres of UD English GUM (tags and parse only), then trained further with wire headlines made "
        "from those treebanks' sentences (train/continue.cfg)."
    ),
    "sources": [
        {"name": "UD English EWT v2.16", "url": "https://universaldependencies.org/", "license": "CC BY-SA 4.0"},
        {"name": "UNER English EWT v1 (train: 2022-12 pre-release)", "url": "https://www.universalner.org/",
         "license": "CC BY-SA 4.0"},
        {"name": "UD English GUM v2.16, genres bio, conversation, interview, news, speech, textbook, vlog, voyage",
         "url": "https://github.com/UniversalDependencies/UD_English-GUM",
         "license": "CC BY (Wikimedia, OpenStax, YouTube CC, Santa Barbara Corpus texts) and public domain "
                    "(speeches), as GUM's LICENSE.txt states; GUM's wikiHow and fiction (CC BY-NC-SA) are left out"},
    ],
    "license": "CC BY-SA 4.0",
}


def main(trained: str, target: str) -> None:
    # the training-time hook of train/continue.cfg (train/train.py) is not shipped
    nlp = spacy.load(trained, config={"nlp": {"after_pipeline_creation": None}})
    if "base" in nlp.config["paths"]:
        # trained further by train/continue.cfg: its own paths, not a command line's overrides
        nlp.config["paths"].update(load_config(CONTINUE_CONFIG)["paths"])
    nlp.meta.update(META)
    nlp.to_disk(target)
    size = sum(p.stat().st_size for p in Path(target).rglob("*") if p.is_file())
    print(f"{target}: {nlp.pipe_names}, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(*sys.argv[1:3])
