"""How good and how fast a pipeline is, on the test splits in ``../shared/datasets``."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass
from pathlib import Path

from spacy.language import Language
from spacy.training import Example

from dyad.errors import DyadError
from dyad.language.corpus import split_docs


@dataclass(frozen=True)
class PipelineScores:
    split: str
    sentences: int
    words: int
    pos_acc: float | None
    tag_acc: float | None
    lemma_acc: float | None
    uas: float | None
    las: float | None
    sents_f: float | None
    ner_p: float | None
    ner_r: float | None
    ner_f: float | None
    ner_per_type: dict
    words_per_second: float

    def to_dict(self) -> dict:
        return asdict(self)


def evaluate_pipeline(nlp: Language, datasets: Path, split: str = "test") -> PipelineScores:
    """Accuracy against UD English EWT and UNER English EWT, and speed on one
    process, both over the raw text of the split (the pipeline tokenises it and
    finds the sentences): groups of ten sentences, with a blank line between
    paragraphs as in UD's own raw text."""
    if not (datasets / "ud-english-ewt").is_dir():
        raise DyadError(f"{datasets}: no ud-english-ewt folder here (pass --datasets ../shared/datasets)")
    gold, texts, n_sent, _ = split_docs(datasets, split, nlp.vocab)
    examples = [Example(nlp.make_doc(text), doc) for doc, text in zip(gold, texts)]
    words = sum(len(doc) for doc in gold)
    started = time.perf_counter()
    list(nlp.pipe(texts, batch_size=64))
    speed = words / (time.perf_counter() - started)
    scores = nlp.evaluate(examples)
    return PipelineScores(
        split=split,
        sentences=n_sent,
        words=words,
        pos_acc=scores.get("pos_acc"),
        tag_acc=scores.get("tag_acc"),
        lemma_acc=scores.get("lemma_acc"),
        uas=scores.get("dep_uas"),
        las=scores.get("dep_las"),
        sents_f=scores.get("sents_f"),
        ner_p=scores.get("ents_p"),
        ner_r=scores.get("ents_r"),
        ner_f=scores.get("ents_f"),
        ner_per_type=scores.get("ents_per_type") or {},
        words_per_second=speed,
    )
