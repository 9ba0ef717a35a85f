"""What the coder asks of Dyad's knowledge, in one place: countries, capitals,
seats of government, organisations, people, role words, places, and the
user's own dictionaries, which are asked first."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.actors._text import search
from dyad.actors.dictionary import ActorDictionary
from dyad.actors.knowledge import INTERNATIONAL_CODES, country_index
from dyad.actors.organisations import lookup_organisation
from dyad.actors.people import lookup as lookup_person
from dyad.actors.sectors import sector_for
from dyad.places import lookup_landmark, lookup_place
from dyad.records import Place


@dataclass(frozen=True)
class Known:
    """A named actor from a table or dictionary."""

    name: str
    country: str | None
    sector: str | None
    wikidata: str | None = None


@dataclass(frozen=True)
class ActorKnowledge:
    user: tuple[ActorDictionary, ...] = ()

    @classmethod
    def load(cls, dictionaries: Iterable[str | Path] = ()) -> "ActorKnowledge":
        return cls(tuple(_load_dictionary(Path(path)) for path in dictionaries))

    # --- states ---------------------------------------------------------------
    def country(self, text: str) -> str | None:
        return country_index().country(text)

    def demonym(self, word: str) -> str | None:
        return country_index().demonym(word)

    def capital(self, text: str) -> str | None:
        return country_index().capital(text)

    def country_name(self, iso3: str) -> str:
        return country_index().name_of(iso3) or iso3

    def country_in(self, words: Sequence[str]) -> str | None:
        """The first country named in a phrase by name, demonym, possessive or seat."""
        if not words:
            return None  # asked for every noun's modifiers, which most nouns lack
        index = country_index()
        words = _without_other_allegiances(words)
        if self.user and not {"and", ",", "&"} & set(words):
            own = self._user_state_in(words)
            if own:
                return own
        capitalised = " ".join(w for w in words if w[:1].isupper())
        for found in index.search(capitalised):
            if found.value.kind != "capital":
                # "Niger Delta militants": a country's name that begins a longer place's is that place's
                longer = re.match(r"\S+", capitalised[found.end :].lstrip())
                place = lookup_place(f"{found.text} {longer.group()}") if longer else None
                return place.country if place and place.country else found.value.iso3
        for number, word in enumerate(words):
            stripped = word[:-2] if word.endswith(("’s", "'s")) else word
            match = index.match(stripped) if stripped[:1].isupper() else None
            possessive = stripped != word or words[number + 1 : number + 2] in (["’s"], ["'s"])
            governing = words[number + 1 : number + 2] and words[number + 1].lower() in _GOVERNING_WORDS
            if match and (match.kind != "capital" or possessive or governing):
                # a capital counts only as a possessor ("Tehran's top diplomat") or before its
                # government ("the Khartoum government"): "a Kabul hotel" is in Afghanistan, not its
                return match.iso3
            if stripped.isupper() and len(stripped) >= 2:
                found = lookup_organisation(stripped)  # "an IDF soldier"
                if found and is_state(found.country):
                    return found.country
        return None

    def sector_in(self, words: Sequence[str]) -> str | None:
        return _sector_of_words(tuple(words))

    # --- named actors -------------------------------------------------------------
    def organisation(self, text: str) -> Known | None:
        user = self._user(text)
        if user:
            return user
        seat = country_index().seat(text)
        if seat:
            return Known(seat.name, seat.country, seat.sector)
        found = lookup_organisation(text)
        return Known(found.name, found.country, found.sector, found.wikidata) if found else None

    def person(self, name: str, year: int | None) -> Known | None:
        user = self._user(name, year)
        if user:
            return user
        found = lookup_person(name, year)
        return Known(found.name, found.country, found.sector, found.wikidata) if found else None

    def user_names_in(self, text: str, year: int | None = None) -> list[tuple[int, int, Known]]:
        """Names from the user's dictionaries found anywhere in ``text``, as
        character spans: they win over everything Dyad knows itself."""
        found, taken = [], set()
        for dictionary in self.user:
            for hit in search(text, [lambda span, d=dictionary: d.lookup(span, _mid_year(year))], _LONGEST_NAME):
                if not taken & set(range(hit.start, hit.end)):
                    entry = hit.value
                    found.append((hit.start, hit.end, Known(entry.name, entry.country, entry.sector, entry.wikidata)))
                    taken.update(range(hit.start, hit.end))
        return found

    def _user_state_in(self, words: Sequence[str]) -> str | None:
        """A user's actor with a country and no sector ("CALENARDHON [CAL]") stands
        for its state in a phrase: "the Calenardhon government", "Osgiliath soldiers"."""
        text = " ".join(w for w in words if w[:1].isupper())
        return next((known.country for _, _, known in self.user_names_in(text)
                     if known.country and known.sector is None), None)

    def _user(self, text: str, year: int | None = None) -> Known | None:
        for dictionary in self.user:
            entry = dictionary.lookup(text, _mid_year(year))
            if entry:
                return Known(entry.name, entry.country, entry.sector, entry.wikidata)
        return None

    # --- places -------------------------------------------------------------------
    def place(self, text: str) -> Place | None:
        return lookup_place(text)

    def landmark(self, text: str) -> Place | None:
        return lookup_landmark(text)

    def place_country(self, text: str) -> str | None:
        found = self.place(text)
        return found.country if found else None


_LONGEST_NAME = 6  # words


@lru_cache(maxsize=65536)
def _sector_of_words(words: tuple[str, ...]) -> str | None:
    # the same role words recur in every document ("officials", "the army"): read once
    return sector_for(list(words))


_GOVERNING_WORDS = {"government", "authorities", "regime", "administration", "leadership", "officials"}
_STANCE_PREFIXES = {"pro", "anti"}
_HYPHENS = {"-", "‐", "–"}


def _without_other_allegiances(words: Sequence[str]) -> list[str]:
    """"Pro-Russian activists" in Chisinau are not Russian, nor are "anti-American"
    protesters American, nor "ethnic Albanian" ones in Pristina Albanian;
    "Armenian-Americans" are American. The words that name a state the phrase
    is for, against, or descended from are left out."""
    words = list(words)
    left_out: set[int] = set()
    for i, word in enumerate(words):
        lower = word.lower()
        if lower.split("-")[0] in _STANCE_PREFIXES and "-" in lower:
            left_out.add(i)  # "Pro-Russian" as one token
        elif lower == "ethnic" and i + 1 < len(words):
            left_out.add(i + 1)  # "ethnic Albanian activists" in Pristina: a people, not Albania's
        elif i + 2 < len(words) and words[i + 1] in _HYPHENS:
            if lower in _STANCE_PREFIXES:
                left_out.update((i, i + 2))
            elif words[i + 2].lower() in {"american", "americans"}:
                left_out.add(i)
    return [w for i, w in enumerate(words) if i not in left_out]


def is_state(code: str | None) -> bool:
    """A state's ISO3 code, not PLOVER's IGO, UNO, EUR, NGO ... nor a user's own code."""
    return bool(code) and len(code) == 3 and code not in INTERNATIONAL_CODES


def _mid_year(year: int | None) -> str | None:
    return f"{year}-07-01" if year else None


def _load_dictionary(path: Path) -> ActorDictionary:
    if path.suffix.lower() == ".txt":
        from dyad.actors.petrarch import load_petrarch_actors

        return load_petrarch_actors(path)
    return ActorDictionary.load(path)
