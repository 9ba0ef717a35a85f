"""Named organisations -> country code and sector: "Hamas" -> PSE REB, "UN" -> UNO.

The table is hand-written, ``dyad/data/actors/organisations.tsv``; its header explains
the coding decisions (UN organs UNO, EU institutions EUR, single-country armed groups
that country + REB, transnational ones IMG).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dyad.actors._text import DATA_DIR, Forms, Found, read_table, split_list
from dyad.actors.knowledge import INTERNATIONAL_CODES, country_index
from dyad.actors.sectors import SECTORS
from dyad.errors import DictionaryError

ORGANISATIONS_PATH = DATA_DIR / "organisations.tsv"
_COLUMNS = ("name", "aliases", "country", "sector", "wikidata")


@dataclass(frozen=True)
class Organisation:
    name: str
    country: str
    sector: str | None = None
    wikidata: str | None = None


class OrganisationIndex:
    """Organisations by name and alias (acronyms only in capitals: "WHO", not "who")."""

    def __init__(self) -> None:
        self.forms = Forms()

    @classmethod
    def load(cls, path: Path = ORGANISATIONS_PATH) -> "OrganisationIndex":
        index, countries = cls(), country_index().codes
        for number, row in read_table(path, _COLUMNS):
            if row["country"] not in countries and row["country"] not in INTERNATIONAL_CODES:
                raise DictionaryError(str(path), number, f"unknown country {row['country']!r}")
            if row["sector"] and row["sector"] not in SECTORS:
                raise DictionaryError(str(path), number, f"unknown sector {row['sector']!r}")
            org = Organisation(row["name"], row["country"], row["sector"] or None, row["wikidata"] or None)
            for form in [row["name"], *split_list(row["aliases"])]:
                index.forms.add(form, org)
        return index

    def lookup(self, text: str) -> Organisation | None:
        return self.forms.get(text)

    def search(self, text: str) -> list[Found]:
        """Organisations named inside a longer text ("Arab League Secretary General ...")."""
        return self.forms.search(text)


@lru_cache(maxsize=1)
def organisation_index() -> OrganisationIndex:
    return OrganisationIndex.load()


def lookup_organisation(text: str) -> Organisation | None:
    """The organisation a name stands for: "the U.N." -> United Nations (UNO)."""
    return organisation_index().lookup(text)
