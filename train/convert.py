"""Turn UD English EWT and UNER English EWT into spaCy DocBins for training.

    python train/convert.py ../shared/datasets train/corpus [--gum [--gum-entities]] [--headlines]

With --gum, the train split also takes the GUM documents whose texts are openly
licensed (dyad.language.corpus.GUM_OPEN_GENRES), for the tagger and the parser;
with --gum-entities, their named person, organisation and place mentions too
(dyad.language.corpus.gum_entity_tags), for the entity recogniser. With
--headlines, the train split also takes wire headlines made from its sentences
(dyad.language.corpus.headline_rows: "Guerrillas kill engineer near Tikrit").
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dyad.language.corpus import SPLITS, convert_split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--gum", action="store_true", help="add GUM's openly licensed genres to train")
    parser.add_argument("--gum-entities", action="store_true", help="with --gum: their named mentions as entities")
    parser.add_argument("--headlines", action="store_true", help="add wire headlines made from the train sentences")
    args = parser.parse_args()
    for split in SPLITS:
        n_sent, n_ner = convert_split(args.datasets, split, args.out, with_gum=args.gum, gum_entities=args.gum_entities,
                                      headlines=args.headlines)
        print(f"{split}: {n_sent} sentences, {n_ner} with entities")


if __name__ == "__main__":
    main()
