"""The trigger lexicon: which words report which PLOVER event (``data/events/triggers.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TRIGGERS_PATH = Path(__file__).resolve().parents[1] / "data" / "events" / "triggers.tsv"
FRAMES = {"act", "go", "pass", "sym"}


@dataclass(frozen=True)
class TriggerSpec:
    """One lexicon entry. ``complement`` is the object or particle lemma of a
    phrasal trigger ("lift>restriction"), else None."""

    lemma: str
    complement: str | None
    pos: str
    event_type: str
    mode: str | None
    frame: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, TriggerSpec]
    nouns: dict[str, TriggerSpec]
    phrasal: dict[str, tuple[TriggerSpec, ...]]  # verb lemma -> its phrasal entries

    def phrasal_for(self, lemma: str) -> tuple[TriggerSpec, ...]:
        return self.phrasal.get(lemma, ())


@lru_cache(maxsize=1)
def lexicon(path: Path = TRIGGERS_PATH) -> Lexicon:
    verbs, nouns, phrasal = {}, {}, {}
    for spec in _read(path):
        if spec.complement:
            phrasal.setdefault(spec.lemma, []).append(spec)
        elif spec.pos == "VERB":
            verbs[spec.lemma] = spec
        else:
            nouns[spec.lemma] = spec
    return Lexicon(verbs, nouns, {k: tuple(v) for k, v in phrasal.items()})


def _read(path: Path) -> list[TriggerSpec]:
    specs, header_seen = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        trigger, pos, event_type, mode, frame = (line.split("\t") + [""] * 5)[:5]
        if frame not in FRAMES or pos not in {"VERB", "NOUN"}:
            raise ValueError(f"{path}:{number}: bad pos {pos!r} or frame {frame!r}")
        lemma, _, complement = trigger.partition(">")
        specs.append(TriggerSpec(lemma, complement or None, pos, event_type, mode or None, frame))
    return specs
