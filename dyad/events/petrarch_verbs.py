"""PETRARCH and TABARI verb dictionaries: the CAMEO code a user's dictionary gives a verb.

A verbs file (``PETR.Validate.verbs.txt``, ``CAMEO.2.0.txt``) holds synonym sets and
verb blocks::

    &TIETYPES                        # a synonym set: its members follow on "+" lines
    +MILITARY
    +ECONOMIC

    --- RESTORE  [064] ---           # a block and its default code
    RESTORE {RESTORES RESTORED}      # the verb, with irregular forms in braces
    +BRING_BACK {+BROUGHT_BACK}      # another verb of the block ("_" joins words)
    - * &TIETYPES TIES  [064]        # a pattern: words around the verb ("*")
    - SAID WOULD_*  [032:032]        # "_": the next word follows at once
    - * SUICIDE  [---]               # this phrase is no event

In a pattern ``$``, ``+``, ``%`` and ``^`` mark the source, the target, both, and a
skipped phrase; Dyad takes its actors from the parse, so it reads them as gaps. Words
separated by spaces may have other words between them; ``{}`` and ``()`` group words
(PETRARCH2's noun and prepositional phrases) and are read as spaces. The pattern with
the most words that match wins; without one the block's code holds. A code's digits
are kept ("[174K]" is 174; in "[032:032]" the first part counts); "[---]" says the
verb or phrase tells no event; "[032:033]" codes the target's act towards the
source too (a visit made and hosted), "[:173]" only that; other marks ("[+++]",
"[def]") are skipped.

The loader is lenient like the actor loaders: a line it cannot read is recorded in
``skipped`` with its number and the reason. The parsing is Dyad's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from dyad.actors.dictionary import SkippedLine
from dyad.actors.petrarch import content_lines
from dyad.codebook import plover_for_cameo
from dyad.errors import DictionaryError
from dyad.events.arguments import Trigger
from dyad.events.lexicon import TriggerSpec

NO_EVENT = "---"  # a code that says: this is no event
_HEADER = re.compile(r"^---\s+(?P<name>.+?)\s*\[(?P<code>[^\]]*)\]\s*---\s*$")
_CODE = re.compile(r"\[([^\]]*)\]")
_ACTOR_MARKS = {"$", "+", "%", "^"}

Phrase = tuple[str, ...]  # words that follow one another at once
Item = frozenset[Phrase]  # one slot of a pattern: a word, or a synonym set's members


@dataclass(frozen=True)
class VerbPattern:
    """Words before and after the verb, as runs of adjacent slots; ``joined_before`` and
    ``joined_after`` say whether the run nearest the verb touches it ("IN_*")."""

    before: tuple[tuple[Item, ...], ...]
    after: tuple[tuple[Item, ...], ...]
    joined_before: bool
    joined_after: bool
    code: str
    line: int

    @property
    def size(self) -> int:
        return sum(len(run) for run in self.before + self.after)


@dataclass(frozen=True)
class VerbForm:
    words: Phrase  # "BREAK", "DOWN"
    forms: frozenset[str]  # spellings of the first word besides its lemma: "BROKE", "BROKEN"
    code: str | None = None  # the verb's own code ("DOWNPLAY [014]"), before the block's


@dataclass
class VerbBlock:
    name: str
    code: str | None  # the default; None when the header's code is not usable
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass
class VerbDictionary:
    source: str
    blocks: list[VerbBlock] = field(default_factory=list)
    skipped: list[SkippedLine] = field(default_factory=list)
    _index: dict[str, list[tuple[VerbForm, VerbBlock]]] = field(default_factory=dict, repr=False)

    def add(self, block: VerbBlock) -> None:
        self.blocks.append(block)
        for verb in block.verbs:
            for spelling in {verb.words[0], *verb.forms}:
                self._index.setdefault(spelling, []).append((verb, block))

    def code_of(self, token: Token) -> str | None:
        """The code this dictionary gives the verb ``token`` in its sentence: a CAMEO
        code, :data:`NO_EVENT`, or None when the dictionary has nothing to say. A code
        may carry a second part for the reverse direction: "032:033", ":173"."""
        entries = self._entries(token)
        if not entries:
            return None  # most words of a sentence: no need to copy it
        words = list(token.sent)
        at = token.i - token.sent.start
        best: tuple[int, bool, int, str] | None = None  # (verb words, spelt so, pattern size, code)
        for verb, block in entries:
            end = _verb_end(words, at, verb)
            if end is None:
                continue
            found = _best_pattern(block.patterns, words, at, end)
            code = found.code if found else verb.code or block.code
            if code is None or (code == NO_EVENT and not found):
                continue  # a verb coded "---" by default leaves the lexicon's reading alone
            # a block for the very form ("LEFT") before one for the lemma ("LEAVE")
            rank = (len(verb.words), token.text.upper() in {verb.words[0], *verb.forms}, found.size if found else 0)
            if best is None or rank > best[:3]:
                best = (*rank, code)
        return best[3] if best else None

    def _entries(self, token: Token) -> list[tuple[VerbForm, VerbBlock]]:
        spellings = dict.fromkeys((token.lemma_.upper(), token.text.upper()))
        return [entry for spelling in spellings for entry in self._index.get(spelling, ())]


def is_verb_dictionary(path: str | Path) -> bool:
    """Whether a file is a PETRARCH verbs file: it has a ``--- VERB [code] ---`` line."""
    try:
        with open(path, encoding="utf-8", errors="replace") as lines:
            return any(_HEADER.match(line.split("#", 1)[0].strip()) for line in lines)
    except OSError:
        return False


def load_verb_dictionary(path: str | Path) -> VerbDictionary:
    path = Path(path)
    dictionary = VerbDictionary(str(path))
    synsets: dict[str, list[str]] = {}
    synset: list[str] | None = None
    block: VerbBlock | None = None
    rows = list(content_lines(path))
    for number, content in rows:  # synonym sets first: patterns may name one defined later
        text = content.strip()
        if text.startswith("&"):
            synset = synsets.setdefault(_synset_name(text.split()[0]), [])
        elif text.startswith("+") and synset is not None:
            synset.append(text[1:].strip().upper())
        else:
            synset = None
    expanded = {name: _members(name, synsets, ()) for name in synsets}
    in_synset = False
    for number, content in rows:
        text = content.strip()
        header = _HEADER.match(text)
        if header:
            in_synset = False
            if block is not None:
                dictionary.add(block)
            block = VerbBlock(header["name"].strip().upper(), _code(header["code"]), number)
        elif text.startswith("&"):
            in_synset = True
        elif text.startswith("+") and in_synset:
            continue
        elif block is None:
            dictionary.skipped.append(SkippedLine(number, text, "line before any verb block"))
        elif text.startswith("-"):
            _add_pattern(block, text[1:], number, expanded, dictionary.skipped)
        else:
            _add_verbs(block, text, number, dictionary.skipped)
    if block is not None:
        dictionary.add(block)
    if not dictionary.blocks:
        raise DictionaryError(str(path), None, "no verb block ('--- VERB [code] ---') found")
    return dictionary


def _members(name: str, synsets: dict[str, list[str]], seen: tuple[str, ...]) -> Item:
    """A synonym set's phrases, sets named inside it expanded ("+&TIETYPES")."""
    phrases: set[Phrase] = set()
    for member in synsets.get(name, ()):
        if member.startswith("&"):
            inner = _synset_name(member.split()[0])
            if inner not in seen:
                phrases |= _members(inner, synsets, seen + (name,))
            continue
        words = tuple(w for w in re.split(r"[\s_]+", member) if w)
        if words:
            phrases.add(words)
    return frozenset(phrases)


def _synset_name(word: str) -> str:
    return word.upper().rstrip("_")


def _code(text: str) -> str | None:
    """"064" -> "064"; "174K" -> "174"; "032:033" and ":173" kept with their reverse
    part; "---" -> NO_EVENT; anything else -> None."""
    forward, colon, reverse = (part.strip() for part in text.partition(":"))
    if forward == NO_EVENT:
        return NO_EVENT
    digits = [re.match(r"\d+", part) for part in (forward, reverse)]
    if (forward and not digits[0]) or (colon and not digits[1]) or not any(digits):
        return None
    return ":".join(d.group(0) if d else "" for d in digits) if colon else digits[0].group(0)


def _add_verbs(block: VerbBlock, text: str, number: int, skipped: list[SkippedLine]) -> None:
    """"BAN {BANS BANNED}", "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}", "LASH OUT",
    "DOWNPLAY [014]" (a verb with a code of its own)."""
    code_match = _CODE.search(text)
    code = _code(code_match.group(1)) if code_match else None
    if code_match:
        text = text[: code_match.start()] + text[code_match.end() :]
    main, _, rest = text.partition("{")
    words = tuple(w for w in re.split(r"[\s_]+", main.strip().lstrip("+").upper()) if w)
    if not words or not all(re.fullmatch(r"[A-Z'-]+", w) for w in words) or (code_match and code is None):
        skipped.append(SkippedLine(number, text.strip(), "not a verb or a pattern"))
        return
    forms = frozenset(f.lstrip("+").split("_")[0] for f in rest.replace("}", " ").upper().split() if f.lstrip("+"))
    block.verbs.append(VerbForm(words, forms, code))


def _add_pattern(block: VerbBlock, text: str, number: int, synsets: dict[str, Item],
                 skipped: list[SkippedLine]) -> None:
    code_match = _CODE.search(text)
    code = _code(code_match.group(1)) if code_match else None
    if code is None:
        skipped.append(SkippedLine(number, text.strip(), "pattern without a usable code"))
        return
    words = re.sub(r"[{}()]", " ", text[: code_match.start()]).upper().split()
    star = next((i for i, w in enumerate(words) if "*" in w), None)
    if star is None:
        skipped.append(SkippedLine(number, text.strip(), "pattern without '*'"))
        return
    left, _, right = words[star].partition("*")
    before = _runs(words[:star] + ([left.rstrip("_")] if left.strip("_") else []), synsets)
    after = _runs(([right.lstrip("_")] if right.strip("_") else []) + words[star + 1 :], synsets)
    if before is None or after is None:
        skipped.append(SkippedLine(number, text.strip(), "pattern names an unknown synonym set"))
        return
    block.patterns.append(VerbPattern(before, after, left.endswith("_"), right.startswith("_"), code, number))


def _runs(tokens: Sequence[str], synsets: dict[str, Item]) -> tuple[tuple[Item, ...], ...] | None:
    """Pattern words as runs of adjacent slots; actor marks end a run."""
    runs = []
    for token in tokens:
        run = []
        for word in (w for w in token.split("_") if w):
            if word in _ACTOR_MARKS:
                continue
            if word.startswith("&"):
                if _synset_name(word) not in synsets:
                    return None
                run.append(synsets[_synset_name(word)])
            else:
                run.append(frozenset({(word.lstrip("+"),)}))
        if run:
            runs.append(tuple(run))
    return tuple(runs)


def _verb_end(words: Sequence[Token], at: int, verb: VerbForm) -> int | None:
    """Where a (possibly phrasal) verb that starts at ``words[at]`` ends, or None."""
    for offset, word in enumerate(verb.words[1:], start=1):
        if at + offset >= len(words) or not _same_word(words[at + offset], word):
            return None
    return at + len(verb.words)


def _best_pattern(patterns: Iterable[VerbPattern], words: Sequence[Token], start: int, end: int) -> VerbPattern | None:
    best = None
    for pattern in patterns:
        if (best is None or pattern.size > best.size) and _matches(pattern, words, start, end):
            best = pattern
    return best


def _matches(pattern: VerbPattern, words: Sequence[Token], start: int, end: int) -> bool:
    """The runs before the verb, read backwards from it, and those after it, read onwards."""
    reversed_words = list(reversed(words[:start]))
    backwards = tuple(tuple(_reversed_item(i) for i in reversed(run)) for run in reversed(pattern.before))
    return _in_order(backwards, reversed_words, pattern.joined_before) and \
        _in_order(pattern.after, list(words[end:]), pattern.joined_after)


def _reversed_item(item: Item) -> Item:
    return frozenset(tuple(reversed(phrase)) for phrase in item)


def _in_order(runs: Sequence[tuple[Item, ...]], words: Sequence[Token], first_joined: bool) -> bool:
    position = 0
    for number, run in enumerate(runs):
        if number == 0 and first_joined:
            found = _run_at(run, words, 0)
        else:
            found = next((e for s in range(position, len(words)) if (e := _run_at(run, words, s)) is not None), None)
        if found is None:
            return False
        position = found
    return True


def _run_at(run: tuple[Item, ...], words: Sequence[Token], start: int) -> int | None:
    """The end of ``run`` when it matches from ``words[start]``, else None."""
    position = start
    for item in run:
        end = next((position + len(p) for p in sorted(item, key=len, reverse=True) if _phrase_at(p, words, position)), None)
        if end is None:
            return None
        position = end
    return position


def _phrase_at(phrase: Phrase, words: Sequence[Token], start: int) -> bool:
    return start + len(phrase) <= len(words) and all(
        _same_word(words[start + i], word) for i, word in enumerate(phrase))


def _same_word(token: Token, word: str) -> bool:
    return token.text.upper() == word or token.lemma_.upper() == word


def verb_code(token: Token, dictionaries: Sequence[VerbDictionary]) -> str | None:
    """The first dictionary's word on a verb, in the order the user listed them."""
    return next((code for d in dictionaries if (code := d.code_of(token)) is not None), None)


def with_dictionary_codes(sent: Span, triggers: list[Trigger], dictionaries: Sequence[VerbDictionary],
                          add: bool = True) -> list[Trigger]:
    """The user's verb dictionaries have the last word on the sentence's verbs: a verb
    they code gets their CAMEO code (and the PLOVER type it belongs to, when it belongs
    to one); with ``add``, a verb no trigger holds becomes one when its code has a
    PLOVER type; a phrase they code "---" tells no event."""
    found = list(triggers)
    for token in sent:
        if not (token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")):
            continue
        code = verb_code(token, dictionaries)
        if code is None:
            continue
        here = [t for t in found if token.i in t.words]
        if code == NO_EVENT:
            found = [t for t in found if t not in here]
            continue
        forward, _, reverse = code.partition(":")
        plover = plover_for_cameo(forward or reverse)
        if here:  # the lexicon's reading still says who acts on whom; the code says what it was
            found = [Trigger(t.head, t.words, t.spec, t.headline, forward or None, reverse or None) if t in here else t
                     for t in found]
        elif add and plover is not None:
            spec = TriggerSpec(token.lemma_.lower(), None, "VERB", plover[0], plover[1], "act")
            found.append(Trigger(token, (token.i,), spec, cameo=forward or None, reverse_cameo=reverse or None))
    return sorted(found, key=lambda t: t.head.i)

