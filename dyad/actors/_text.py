"""Text normalisation and table reading shared by the actor knowledge modules.

Two forms of a name are used everywhere: its *surface* (the words as written, with
curly quotes straightened, a leading "the" and a possessive "'s" removed) and its
*key* (the surface folded for dictionary look-up: lower case, no accents, no dots or
apostrophes, hyphens and underscores as spaces). Case matters only where a caller
checks the surface: "US" is the country, "us" is a pronoun.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dyad.errors import DictionaryError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'",
                         "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})
_CURLY = re.compile("[\u2019\u2018\u02bc\u00b4`\u201c\u201d\u2013\u2014]")
_OUTER = " \t\r\n\"()[]{}<>,;:!?*"
_ARTICLE = re.compile(r"^(?:the|then|former)[\s-]+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|')$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s_\-/]+")
_DROPPED = re.compile(r"[.'\u00b7]")
_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az|ash|ibn|bin|de|du|da|van|von|der|la|le)[\s'-]+")


def straighten(text: str) -> str:
    """Curly quotes and dashes to their ASCII forms (lengths are kept)."""
    return text.translate(_QUOTES) if _CURLY.search(text) else text


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few thousand words again and again
def surface(text: str) -> str:
    """The name as written, without outer punctuation, a leading "the" and a possessive."""
    text = straighten(text).strip(_OUTER)
    while text[:1] in "tTfF":
        shorter = _ARTICLE.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    if text.endswith("'") or text.endswith("'s") or text.endswith("'S"):
        text = _POSSESSIVE.sub("", text).strip(_OUTER)
    if text.endswith(".") and "." not in text[:-1]:  # a full stop, not "U.S."
        text = text[:-1]
    return text


def strip_accents(text: str) -> str:
    """The letters without their accents, case kept: "Bogotá" -> "Bogota"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few thousand words again and again
def fold(text: str) -> str:
    """Lower case without accents: "Élysée" -> "elysee"."""
    if text.isascii():
        return text.lower()
    return strip_accents(text).casefold()


@lru_cache(maxsize=1 << 16)  # pure, and asked for the same few thousand words again and again
def key(text: str) -> str:
    """The look-up key of a name: "the U.S.’s" -> "us", "Guinea-Bissau" -> "guinea bissau"."""
    folded = fold(surface(text))
    return _SEPARATORS.sub(" ", _DROPPED.sub("", folded)).strip()


def plain_key(name: str) -> str:
    """:func:`key` of a clean name (no quotes, possessive, "former"); only "The" goes."""
    k = _SEPARATORS.sub(" ", _DROPPED.sub("", fold(name))).strip()
    return k[4:] if k.startswith("the ") else k


def is_acronym(form: str) -> bool:
    """"US", "U.S.", "UAE", "DPRK": short all-capital forms that must match case exactly."""
    letters = [ch for ch in form if ch.isalpha()]
    return 0 < len(letters) <= 5 and all(ch.isupper() for ch in letters) and " " not in form.strip()


def case_fits(text: str, form: str) -> bool:
    """Whether ``text`` (a surface) may stand for the name ``form``: an acronym only in
    capitals ("US", not "us"), any other name only capitalised ("Turkey", not "turkey";
    a lower-case particle may come first: "al-Qaeda")."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return False
    if is_acronym(form):
        return all(ch.isupper() for ch in letters)
    rest = [ch for ch in _PARTICLE.sub("", text, count=1) if ch.isalpha()]
    return bool(rest) and rest[0].isupper()


def split_list(value: str | None) -> list[str]:
    """``"a|b | c"`` -> ``["a", "b", "c"]``."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a tab-separated table with a header line; ``#`` lines and blank lines are
    skipped. Yields (line number, {column: value}); missing trailing cells are ""."""
    header: list[str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if header is None:
            header = cells
            if tuple(header[: len(columns)]) != columns:
                raise DictionaryError(str(path), number, f"header must be {', '.join(columns)}")
            continue
        if len(cells) > len(header):
            raise DictionaryError(str(path), number, f"{len(cells)} cells, header has {len(header)}")
        yield number, dict(zip(header, cells + [""] * (len(header) - len(cells))))


_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Found:
    """A name found inside a longer text: its value and character offsets."""

    value: Any
    start: int
    end: int
    text: str


_MAX_ANSWERS = 1 << 16  # per table: a long run's memory stays bounded


class Forms:
    """Names with the case rule: key -> [(form as written, value)]; the first added that
    fits the case of the text wins."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[tuple[str, Any]]] = {}
        self._answers: dict[str, Any] = {}  # get()'s answers: the same words are asked again and again
        self.longest = 1  # words in the longest key, for search()

    def add(self, form: str, value: Any, plain: bool = False) -> None:
        """Let ``form`` name ``value``. ``plain``: the form is a clean name (a gazetteer
        entry: no possessive, no quotes) and every value is new, which is much faster."""
        k = plain_key(form) if plain else key(form)
        if not k:
            return
        self._answers.clear()
        entries = self._by_key.setdefault(k, [])
        if plain or not any(v == value and is_acronym(f) == is_acronym(form) for f, v in entries):
            entries.append((form, value))
            self.longest = max(self.longest, k.count(" ") + 1)

    def get(self, text: str) -> Any | None:
        if text in self._answers:
            return self._answers[text]
        written = surface(text)
        answer = next((value for form, value in self._by_key.get(key(written), ()) if case_fits(written, form)), None)
        if len(self._answers) < _MAX_ANSWERS:
            self._answers[text] = answer
        return answer

    def search(self, text: str) -> list[Found]:
        """Names inside ``text``, leftmost-longest, not overlapping."""
        return search(text, [self.get], self.longest)

    def __contains__(self, text: str) -> bool:
        return self.get(text) is not None

    def __len__(self) -> int:
        return len(self._by_key)


def search(text: str, getters: list[Callable[[str], Any]], longest: int) -> list[Found]:
    """Spans of ``text`` (runs of up to ``longest`` words) that a getter recognises; at
    each word the longest span wins, and the first getter that recognises it."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    found, i = [], 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            start, end = words[i][0], words[i + size - 1][1]
            value = next((v for get in getters if (v := get(text[start:end])) is not None), None)
            if value is not None:
                span = surface(text[start:end])  # straighten() keeps lengths: offsets hold
                offset = max(straighten(text).find(span, start, end), start)
                found.append(Found(value, offset, offset + len(span), text[offset : offset + len(span)]))
                i += size
                break
        else:
            i += 1
    return found
