"""Marking up evidence: where in a text an event's sentence, its actors and
its event words are, and that text as HTML with ``<mark>`` elements.

The store keeps the sentence's offsets and each actor's words, not where the
actor or the trigger word sits in the sentence: they are found again here,
the actors by their text, the event words by the trigger lexicon's lemmas of
the event's type (with their inflected forms).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup, escape

from dyad.clean import CleanText, clean
from dyad.events.lexicon import lexicon
from dyad.records import Actor, Event

# Past forms the regular rules miss, for the lexicon's verbs.
_IRREGULAR = {
    "meet": ("met",), "speak": ("spoke", "spoken"), "fly": ("flew", "flown"), "hold": ("held",),
    "pay": ("paid",), "make": ("made",), "get": ("got", "gotten"), "send": ("sent",), "set": ("set",),
    "withdraw": ("withdrew", "withdrawn"), "cut": ("cut",), "break": ("broke", "broken"), "shoot": ("shot",),
    "strike": ("struck", "stricken"), "buy": ("bought",), "seek": ("sought",), "give": ("gave", "given"),
    "lead": ("led",), "take": ("took", "taken"), "begin": ("began", "begun"), "bring": ("brought",),
    "hit": ("hit",), "put": ("put",), "come": ("came",), "go": ("went", "gone"), "sell": ("sold",),
    "hand": ("handed",), "free": ("freed",), "undertake": ("undertook", "undertaken"),
}


@dataclass(frozen=True)
class Mark:
    """A span to wrap in ``<mark class="{kind}">``; ``links`` (text, href) follow it."""

    start: int
    end: int
    kind: str  # evidence | source | target | trigger
    title: str | None = None
    anchor: str | None = None
    links: tuple[tuple[str, str], ...] = ()


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` escaped, with the marks as nested ``<mark>`` elements. A mark
    that crosses another's edge (rather than lying inside it) is left out."""
    chosen: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= mark.start < mark.end <= len(text) and all(
            mark.end <= m.start or mark.start >= m.end or (m.start <= mark.start and mark.end <= m.end)
            for m in chosen
        ):
            chosen.append(mark)
    out: list[str] = []
    _render(text, 0, len(text), chosen, out)
    return Markup("".join(out))


def _render(text: str, start: int, end: int, marks: list[Mark], out: list[str]) -> None:
    position, index = start, 0
    while index < len(marks):
        mark = marks[index]
        inner = [m for m in marks[index + 1:] if m.end <= mark.end and m.start >= mark.start]
        out.append(str(escape(text[position:mark.start])))
        out.append(_open(mark))
        _render(text, mark.start, mark.end, inner, out)
        out.append("</mark>")
        out.extend(f' <a class="event-link" href="{escape(href)}">{escape(label)}</a>' for label, href in mark.links)
        position, index = mark.end, index + 1 + len(inner)
    out.append(str(escape(text[position:end])))


def _open(mark: Mark) -> str:
    attributes = f' class="{escape(mark.kind)}"'
    if mark.anchor:
        attributes += f' id="{escape(mark.anchor)}"'
    if mark.title:
        attributes += f' title="{escape(mark.title)}"'
    return f"<mark{attributes}>"


def sentence_marks(event: Event, start: int = 0) -> list[Mark]:
    """Source, target and event words of ``event`` inside its evidence
    sentence, as offsets of a text where the sentence begins at ``start``."""
    sentence = event.evidence.text
    taken: list[tuple[int, int]] = []
    marks = []
    for kind, actor in (("source", event.source), ("target", event.target)):
        span = actor_span(sentence, actor, taken)
        if span:
            taken.append(span)
            marks.append(Mark(start + span[0], start + span[1], kind, title=f"{kind}: {_actor_label(actor)}"))
    for span in trigger_spans(sentence, event.event_type, event.mode):
        if not any(s < span[1] and span[0] < e for s, e in taken):
            marks.append(Mark(start + span[0], start + span[1], "trigger", title=f"event: {event.event_type}"))
    return marks


def _actor_label(actor: Actor) -> str:
    code = "/".join(p for p in (actor.country, actor.sector) if p)
    return f"{actor.name} ({code})" if code else actor.name


def actor_span(sentence: str, actor: Actor | None, taken: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Where the actor's words are in the sentence, as whole words (first
    place not already taken; exact case first, then any case); None when
    they are not there."""
    if actor is None or not actor.text.strip():
        return None
    needle = actor.text.strip()
    pattern = (r"\b" if needle[0].isalnum() else "") + re.escape(needle) + (r"\b" if needle[-1].isalnum() else "")
    for flags in (0, re.IGNORECASE):
        for match in re.finditer(pattern, sentence, flags):
            span = match.span()
            if not any(s < span[1] and span[0] < e for s, e in taken):
                return span
    return None


def trigger_spans(sentence: str, event_type: str, mode: str | None) -> list[tuple[int, int]]:
    """The words of the sentence that are forms of a trigger of this event
    type; a phrasal trigger ("hold talks") counts when both its words are there."""
    single, phrasal = _triggers(event_type, mode)
    spans = [m.span() for m in single.finditer(sentence)] if single else []
    for verb, complement in phrasal:
        found = [m.span() for m in complement.finditer(sentence)]
        if found:
            spans += found + [m.span() for m in verb.finditer(sentence)]
    return sorted(set(spans))


@lru_cache(maxsize=64)
def _triggers(event_type: str, mode: str | None) -> tuple[re.Pattern | None, tuple[tuple[re.Pattern, re.Pattern], ...]]:
    """The pattern of the one-word triggers of a type (and mode), and the
    (verb, complement) patterns of its phrasal ones."""
    entries = lexicon()
    phrasal_specs = (s for group in entries.phrasal.values() for s in group)
    specs = [*entries.verbs.values(), *entries.nouns.values(), *phrasal_specs]
    specs = [s for s in specs if s.event_type == event_type]
    if any(s.mode == mode for s in specs):
        specs = [s for s in specs if s.mode in (mode, None)]
    single = {form for s in specs if not s.complement for form in _forms(s.lemma, s.pos)}
    phrasal = {(s.lemma, s.complement) for s in specs if s.complement}
    pairs = tuple((_words(_forms(verb, "VERB")), _words(_forms(noun, "NOUN"))) for verb, noun in sorted(phrasal))
    return _words(single), pairs


def _words(forms) -> re.Pattern | None:
    if not forms:
        return None
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(forms, key=len, reverse=True))) + r")\b", re.IGNORECASE)


def _forms(lemma: str, pos: str) -> set[str]:
    """The inflected forms of a lexicon lemma by the regular rules, plus irregular pasts."""
    forms = {lemma, lemma + "s", lemma + "es"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    if pos != "VERB":
        return forms
    forms |= {lemma + "ed", lemma + "ing", *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms.add(lemma[:-1] + "ied")
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


class CleanMap:
    """A document's cleaned text, and its spans as spans of the text as read."""

    def __init__(self, text: str):
        self.cleaned: CleanText = clean(text)
        self.text = self.cleaned.text
        self._segments = sorted(self.cleaned.segments, key=lambda s: s[1])
        self._starts = [s[1] for s in self._segments]

    def offset(self, original: int, end: bool = False) -> int | None:
        """The cleaned-text offset of an offset of the text as read; None when
        that place was dropped. ``end``: an exclusive end offset."""
        at = original - 1 if end else original
        index = bisect.bisect_right(self._starts, at) - 1
        if index < 0:
            return None
        clean_start, original_start, length = self._segments[index]
        if at >= original_start + length:
            return None
        return clean_start + at - original_start + (1 if end else 0)

    def span(self, start: int | None, end: int | None) -> tuple[int, int] | None:
        if start is None or end is None or end <= start:
            return None
        clean_start, clean_end = self.offset(start), self.offset(end, end=True)
        if clean_start is None or clean_end is None or clean_end <= clean_start:
            return None
        return clean_start, clean_end

    def marks(self, marks: Iterable[Mark]) -> list[Mark]:
        """The marks that lie in kept text, moved to cleaned-text offsets."""
        moved = []
        for mark in marks:
            span = self.span(mark.start, mark.end)
            if span:
                moved.append(Mark(span[0], span[1], mark.kind, mark.title, mark.anchor, mark.links))
        return moved
