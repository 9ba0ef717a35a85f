"""`dyad model`: where the language pipeline lives and how good it is."""

from __future__ import annotations

import json
from pathlib import Path

import click

from dyad.cli import main
from dyad.language import load_pipeline, pipeline_path
from dyad.language.evaluate import evaluate_pipeline

DEFAULT_DATASETS = Path("..") / "shared" / "datasets"


@main.group()
def model():
    """The English language pipeline (tokens, tags, lemmas, parse, entities).

    \b
    Examples:
      dyad model path
      dyad model evaluate --json
    """


@model.command()
@click.option("--model", "name", metavar="NAME_OR_PATH", envvar="DYAD_MODEL", help="Another spaCy pipeline.")
def path(name):
    """Print the folder of the pipeline (loadable with spacy.load).

    \b
    Example:
      python -c "import spacy; spacy.load('$(dyad model path)')"
    """
    load_pipeline(name)  # fails with a clear message when it is missing
    click.echo(str(pipeline_path(name)))


@model.command()
@click.option("--model", "name", metavar="NAME_OR_PATH", envvar="DYAD_MODEL", help="Another spaCy pipeline.")
@click.option("--datasets", type=click.Path(path_type=Path), default=DEFAULT_DATASETS, show_default=True,
              help="Folder holding ud-english-ewt/ and uner-english-ewt/.")
@click.option("--split", type=click.Choice(["test", "dev"]), default="test", show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(name, datasets, split, as_json):
    """Accuracy on UD English EWT and UNER English EWT, and speed.

    POS and tag accuracy, lemma accuracy, UAS and LAS (full UD labels), NER
    precision/recall/F1 (PER, ORG, LOC), all on raw text tokenised by the
    pipeline itself; speed in words per second in one process.

    \b
    Example:
      dyad model evaluate --datasets ../shared/datasets
    """
    scores = evaluate_pipeline(load_pipeline(name), datasets, split)
    if as_json:
        click.echo(json.dumps(scores.to_dict(), indent=2))
        return
    rows = [
        ("sentences / words", f"{scores.sentences} / {scores.words}"),
        ("POS accuracy (UPOS)", _pct(scores.pos_acc)),
        ("tag accuracy (XPOS)", _pct(scores.tag_acc)),
        ("lemma accuracy", _pct(scores.lemma_acc)),
        ("UAS", _pct(scores.uas)),
        ("LAS", _pct(scores.las)),
        ("sentence F1", _pct(scores.sents_f)),
        ("NER precision", _pct(scores.ner_p)),
        ("NER recall", _pct(scores.ner_r)),
        ("NER F1", _pct(scores.ner_f)),
        *((f"NER F1 {label}", _pct(s.get("f"))) for label, s in sorted(scores.ner_per_type.items())),
        ("words per second", f"{scores.words_per_second:,.0f}"),
    ]
    click.echo(f"{split} split of {datasets}")
    for label, value in rows:
        click.echo(f"  {label:<22} {value}")


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
