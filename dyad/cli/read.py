"""`dyad read`: what Dyad sees in a document after cleaning and analysis."""

from __future__ import annotations

import json
import sys

import click

from dyad.cli import main
from dyad.cli.common import InputFailures, input_options, read_articles, setup_logging
from dyad.events.typemodel import type_model
from dyad.language import ReadDocument, analyse, load_pipeline, sentences


@main.command()
@input_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document instead of text.")
@click.option("--limit-sentences", type=int, default=0, metavar="N", help="Show only the first N sentences.")
def read(paths, published, max_bytes, model, verbose, as_json, limit_sentences):
    """Clean and analyse articles: sentences, named entities, and what each is about.

    PATHS are .txt, .html or .jsonl files or folders of them; a meta.jsonl
    beside them gives publication dates, URLs and outlets.

    \b
    Examples:
      dyad read article.txt
      dyad read articles/ --json > read.jsonl
    The JSON form is {"doc_id", "title", "text", "published", "sentences":
    [{"start", "end", "text"}], "entities": [{"start", "end", "label", "text"}],
    "about": {"event_type", "probability"}} with offsets into the cleaned
    "text"; "about" is the kind of event the document model reads the whole
    story as telling (null where no model is shipped).
    """
    setup_logging(verbose)
    failures = InputFailures()
    nlp = load_pipeline(model)
    for read_doc in analyse(read_articles(paths, published, max_bytes, failures), nlp):
        record = document_record(read_doc, limit_sentences)
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            click.echo(render_text(record))
    sys.exit(failures.exit_code())


def document_record(read_doc: ReadDocument, limit_sentences: int = 0) -> dict:
    doc, article = read_doc.doc, read_doc.article
    sents = list(sentences(doc))
    if limit_sentences:
        sents = sents[:limit_sentences]
    last_char = sents[-1].end_char if sents else len(doc.text)
    model = type_model("document")
    about = model.best(f"{article.title}\n\n{doc.text}" if article.title else doc.text) if model else None
    return {
        "doc_id": article.doc_id,
        "title": article.title,
        "text": doc.text,
        "published": article.published,
        "about": about.to_dict() if about else None,
        "sentences": [{"start": s.start_char, "end": s.end_char, "text": s.text} for s in sents],
        "entities": [
            {"start": e.start_char, "end": e.end_char, "label": e.label_, "text": e.text}
            for e in doc.ents
            if e.end_char <= last_char
        ],
    }


def render_text(record: dict) -> str:
    lines = [f"# {record['doc_id']}: {record['title'] or '(no title)'}  [published {record['published'] or 'unknown'}]"]
    if record["about"]:
        about = record["about"]
        lines.append(f"  about: {about['event_type']} (document model, p={about['probability']:.2f})")
    for number, sent in enumerate(record["sentences"], start=1):
        ents = [e for e in record["entities"] if sent["start"] <= e["start"] < sent["end"]]
        lines.append(f"{number:3d}. {sent['text']}")
        if ents:
            lines.append("     " + "; ".join(f"{e['text']} ({e['label']})" for e in ents))
    return "\n".join(lines) + "\n"
