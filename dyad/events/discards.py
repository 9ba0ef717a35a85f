"""PETRARCH/TABARI discard lists: phrases that mark a sentence, or a whole story, as
not political news ("BASEBALL", "+Manchester United").

A discards file holds one phrase per line, ``#`` comments and ``<!-- -->`` blocks
aside. A phrase with a leading ``+`` discards the whole story it appears in; without
one, only the sentence. Matching ignores case and needs whole words; "_" joins words
as a space does. The file has no codes in brackets, which is how it is told from an
actors file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from dyad.actors.petrarch import content_lines
from dyad.errors import DictionaryError


@dataclass(frozen=True)
class Discards:
    source: str
    sentence: re.Pattern | None  # phrases that drop the sentence they are in
    story: re.Pattern | None  # phrases that drop the whole story

    def drops_story(self, text: str) -> bool:
        return self.story is not None and self.story.search(text) is not None

    def drops_sentence(self, text: str) -> bool:
        return self.sentence is not None and self.sentence.search(text) is not None


def is_discards_file(path: str | Path) -> bool:
    """A PETRARCH discards file: named so ("Phoenix.discards.txt"), with no code in brackets."""
    path = Path(path)
    if "discard" not in path.name.lower():
        return False
    return not any("[" in content for _, content in content_lines(path))


def load_discards(path: str | Path) -> Discards:
    sentence, story = [], []
    for _, content in content_lines(Path(path)):
        phrase = content.strip()
        whole_story = phrase.startswith("+")
        words = [w for w in re.split(r"[\s_]+", phrase.lstrip("+")) if w]
        if words:
            (story if whole_story else sentence).append(r"\s+".join(re.escape(w) for w in words))
    if not sentence and not story:
        raise DictionaryError(str(path), None, "no discard phrase found")
    return Discards(str(path), _pattern(sentence), _pattern(story))


def _pattern(phrases: list[str]) -> re.Pattern | None:
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(sorted(phrases, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
