"""Cleaning: keep the article's prose, drop what the page put around it.

Pages bring site chrome ("read more:", subscription prompts, font controls),
photo captions, bylines and lists of related headlines. Cleaning works on
lines, by rules about their shape (length, case, final punctuation, a credit in
parentheses, repetition) rather than by any site's exact strings, and keeps a
map from the cleaned text back to the text as read, so that evidence offsets
point into the document as the user gave it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

PARAGRAPH_BREAK = "\n\n"

# Words of page furniture. They only count on short lines, so prose that
# mentions a newsletter or comments is never dropped.
_CHROME = re.compile(
    r"^(read|see) (more|also)\b|^related( articles| stories| coverage| content| topics)?\s*:?$|"
    r"never miss|get (notifications|alerts|updates)|you(?:'|’)re (now )?subscribed|\bsubscri(be|ber|ption)|"
    r"sign (up|in)|\bnewsletter|\bclick (the|here|to)|\bfollow (us|topics|this)|^comments?\b|"
    r"join the (conversation|discussion)|\b(might|may) also (like|enjoy)\b|"
    r"^(in the news|icymi|advertisement|sponsored|share|print|email|"
    r"tweet|facebook|twitter|whatsapp|telegram|top stories|most read|trending)\b|"
    r"\b(smaller|larger) font\b|\brss( \d(\.\d)?)?\b|custom search|all rights reserved|©|\bcopyright\b|"
    r"\bcookies?\b|\blog ?in\b|\bdownload (our|the) app\b|\bskip to (main )?content\b",
    re.IGNORECASE,
)
# A link to another story, however long its headline: "Read more: How Israel and Russia ...".
_READ_MORE = re.compile(r"^(read|see) (more|also)\s*:", re.IGNORECASE)
# "(Alexei Nikolsky, Sputnik, Kremlin Pool Photo via AP)", "(Maxim Shemtov/Pool/AFP)"
_CREDIT = re.compile(
    r"\((?=[^()]*(\bphoto|\bpool\b|\bvia\b|\bAP\b|\bAFP\b|\bReuters\b|\bGetty\b|\bEPA\b|\bcourtesy\b|"
    r"\bcredit|\bscreenshot|\bfile\b|\bWikimedia\b|\bFlash90\b|\bimages?\b|\w/\w))[^()]{2,160}\)\s*$",
    re.IGNORECASE,
)
# A short parenthesis after the caption's last sentence: "... January 2020. (Kremlin press service)".
_TRAILING_CREDIT = re.compile(r"[.!?”\"]\s*\((?=[^()]*[^\W\d_])[^().!?]{2,60}\)\s*$")
# Menus and breadcrumbs: "HOME   NEWS   OPINION", "World | Middle East".
_MENU_SEPARATOR = re.compile(r"\s*[|•·»›]\s*|\s{3,}")
_BYLINE = re.compile(
    r"^(by|written by|reporting by)\s+\S+|^[A-Z][\w.’'-]*( [A-Z][\w.’'-]*){0,3}\s+(staff|reporter|correspondent)s?$",
    re.IGNORECASE,
)
# Wire copy's closing credits: "(Reporting by ...; editing by ...)".
_CREDITS_LINE = re.compile(r"^\((additional )?(reporting|writing|editing|compiled) by\b[^()]*\)$", re.IGNORECASE)
_AUTHOR_BIO = re.compile(
    r"^[A-Z][\w.’'-]+( [A-Z][\w.’'-]+){0,3} (is|was) (a|an|the) [^.]{0,80}"
    r"\b(correspondent|reporter|editor|writer|columnist|journalist|contributor)\b",
)
_BULLET = re.compile(r"^\s*[-•*▪–—]\s+")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
    "as", "is", "are", "was", "into", "over", "than", "that", "its", "his", "her", "their", "vs",
}
_END_PUNCT = tuple(".!?:;\"”’)…")


@dataclass(frozen=True)
class DroppedLine:
    start: int
    end: int
    reason: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned text and how to get back to the text as read.

    ``segments`` are ``(clean_start, original_start, length)`` for each kept
    line, in order; the cleaned text puts a paragraph break between them.
    """

    text: str
    segments: tuple[tuple[int, int, int], ...]
    dropped: tuple[DroppedLine, ...]

    def to_original(self, offset: int) -> int:
        """The offset in the text as read of a cleaned-text offset."""
        if not self.segments:
            return offset
        starts = [segment[0] for segment in self.segments]
        index = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, original_start, length = self.segments[index]
        return original_start + min(offset - clean_start, length)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """A cleaned-text span as a span of the text as read (``end`` exclusive)."""
        return self.to_original(start), self.to_original(max(end - 1, start)) + (end > start)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # stripped

    @property
    def words(self) -> list[str]:
        return _WORD.findall(self.text)


def clean(text: str) -> CleanText:
    lines = _lines(text)
    repeated = _repeated_lines(lines)
    title_index = _title_index(lines)
    kept, dropped = [], []
    for index, line in enumerate(lines):
        reason = "repeated line" if line.text in repeated else _drop_reason(line, is_title=index == title_index)
        if reason:
            dropped.append(DroppedLine(line.start, line.end, reason))
            continue
        dateline = _DATELINE.match(line.text)
        if dateline and line.text[dateline.end():][:1].isupper():  # a sentence follows, not an aside
            # "KYIV — ..." names where the report was filed, not an actor of its first sentence
            dropped.append(DroppedLine(line.start, line.start + dateline.end(), "dateline"))
            line = _Line(line.start + dateline.end(), line.end, line.text[dateline.end():])
        kept.append(line)
    return _assemble(kept, dropped)


# Wire copy's dateline: "KYIV —", "DAR ES SALAAM —", "ABUJA, June 11 —", "SUVA, Fiji —", "MOSCOW (Reuters) -",
# "BOGOTÁ —" (capitals with Latin-1 accents: À-Ö, Ø-Þ).
_DATELINE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]{2,}(?: [A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+)*"
    r"(?:,\s*[A-Z][\w'’.]*(?: [A-Z][\w'’.]*)*)?(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?"
    r"(?:\s*\([A-Za-z ]+\))?\s*[—–-]{1,2}\s+"
)


def pick_title(text: str) -> str | None:
    """The first line that is neither furniture nor a caption."""
    lines = _lines(text)
    index = _title_index(lines)
    return lines[index].text if index is not None else None


def is_chrome_line(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and _drop_reason(_Line(0, len(line), stripped), is_title=False) is not None


def _lines(text: str) -> list[_Line]:
    lines, position = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + raw.index(stripped[0])
            lines.append(_Line(start, start + len(stripped), stripped))
        position += len(raw) + 1
    return lines


def _repeated_lines(lines: list[_Line]) -> set[str]:
    seen, repeated = set(), set()
    for line in lines:
        if len(line.words) >= 3:
            (repeated if line.text in seen else seen).add(line.text)
    return repeated


def _title_index(lines: list[_Line]) -> int | None:
    for index, line in enumerate(lines):
        if len(line.words) >= 3 and not _BULLET.match(line.text) and _drop_reason(line, is_title=True) is None:
            return index
    return None


def _drop_reason(line: _Line, is_title: bool) -> str | None:
    words = line.words
    short = len(words) <= 12
    if short and _CHROME.search(line.text) or _READ_MORE.match(line.text):
        return "site chrome"
    if _CREDIT.search(line.text) or _TRAILING_CREDIT.search(line.text):
        return "photo caption"
    ends_open = not line.text.endswith(_END_PUNCT)
    # A byline never ends a sentence; "By evening, the talks had ended." is prose.
    byline = ends_open and _BYLINE.search(line.text) or _AUTHOR_BIO.search(line.text)
    if short and byline or _CREDITS_LINE.match(line.text):
        return "byline"
    if ends_open and _is_menu(line.text):
        return "navigation"
    if is_title:
        return None
    if ends_open and _BULLET.match(line.text) and len(words) <= 25:
        return "headline list"
    if ends_open and _is_title_case(words):
        return "headline list"
    if ends_open and len(words) <= 3:
        return "fragment"
    return None


def _is_menu(text: str) -> bool:
    items = [item for item in _MENU_SEPARATOR.split(text) if item.strip()]
    return len(items) >= 2 and all(len(_WORD.findall(item)) <= 3 for item in items)


def _is_title_case(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in _SMALL_WORDS and len(w) > 2]
    if len(significant) < 3:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper())
    return capitalised >= 0.8 * len(significant)


def _assemble(kept: list[_Line], dropped: list[DroppedLine]) -> CleanText:
    parts, segments, position = [], [], 0
    for line in kept:
        if parts:
            parts.append(PARAGRAPH_BREAK)
            position += len(PARAGRAPH_BREAK)
        segments.append((position, line.start, len(line.text)))
        parts.append(line.text)
        position += len(line.text)
    return CleanText("".join(parts), tuple(segments), tuple(dropped))
