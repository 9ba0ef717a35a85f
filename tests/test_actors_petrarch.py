"""PETRARCH/TABARI dictionaries and CAMEO codes (dyad.actors.petrarch), over the real
validation and Phoenix dictionaries in ../shared (skipped when that folder is absent)."""

from functools import lru_cache
from pathlib import Path

import pytest

from dyad.actors.petrarch import (
    cameo_parts,
    load_petrarch_actors,
    load_petrarch_agents,
    split_cameo_code,
)

DICTIONARIES = Path(__file__).parents[1] / ".." / "shared" / "datasets" / "petrarch-validation" / "dictionaries"
FILES = sorted(p.name for p in DICTIONARIES.glob("*") if p.name.startswith(("PETR.Validate.", "Phoenix.")))
needs_shared = pytest.mark.skipif(not DICTIONARIES.is_dir(), reason="../shared dictionaries not present")


@lru_cache(maxsize=None)
def actors(name):
    return load_petrarch_actors(DICTIONARIES / name)


@lru_cache(maxsize=None)
def agents(name):
    return load_petrarch_agents(DICTIONARIES / name)


def code(dictionary, text, date=None):
    entry = dictionary.lookup(text, date)
    return entry.code if entry else None


@pytest.mark.parametrize(
    "code_, expected",
    [
        ("USAGOV", ("USA", "GOV")), ("RUSMIL", ("RUS", "MIL")), ("IGOUNO", ("UNO", None)),
        ("IGOEUREEC", ("EUR", None)), ("IGOWSTNAT", ("IGO", None)), ("IGOUNOREFHCR", ("UNO", "REF")),
        ("PSEREBHMS", ("PSE", "REB")), ("IMGMOSALQ", ("IMG", None)), ("NGOHLHIRC", ("NGO", "MED")),
        ("MNCUSAMED", ("MNC", "JRN")), ("GOVFRM", (None, "GOV")), ("~MUSUAF", (None, "UAF")),
        ("CHRCPT", (None, "REL")), ("SUNRUS", ("RUS", None)), ("USR", ("RUS", None)),
        ("AFRREB", (None, "REB")), ("GON", ("GON", None)), ("", (None, None)),
        ("NGOHINDEN211DEV", ("NGO", "SOC")), ("ELR/GAL", ("ELR", None)),
    ],
    ids=lambda v: v if isinstance(v, str) and v else None,
)
def test_split_cameo_code(code_, expected):
    assert split_cameo_code(code_) == expected


def test_cameo_parts():
    assert cameo_parts("~PSEREBHMS") == ["PSE", "REB", "HMS"]


@needs_shared
@pytest.mark.parametrize("name", FILES)
def test_actors_loader_reads_every_file(name):
    dictionary = actors(name)
    assert len(dictionary) > 0 or dictionary.skipped


@needs_shared
@pytest.mark.parametrize("name", FILES)
def test_agents_loader_reads_every_file(name):
    loaded = agents(name)
    assert len(loaded) > 0 or loaded.skipped


@needs_shared
def test_validation_actors_skip_only_the_bad_code():
    skipped = actors("PETR.Validate.actors.txt").skipped
    assert [(s.line, s.text) for s in skipped] == [(112, "[+++]")]


@needs_shared
@pytest.mark.parametrize(
    "text, expected",
    [
        ("United States", "USA"), ("U.S.", "USA"), ("Minas Tirith", "GON"), ("Gondor", "GON"),
        ("Argentina", "ARG"), ("the White House", "USAGOV"), ("Interpol", "IGOCOPITP"),
        ("al-Qaeda", "IMGMOSALQ"), ("UN", "UNO"), ("Secretary General", "UNO"),
        ("Danish", "DNK"), ("Palestinian", "PSE"), ("Boromir", None), ("un", None),
    ],
)
def test_validation_actors_lookup(text, expected):
    assert code(actors("PETR.Validate.actors.txt"), text) == expected


@needs_shared
@pytest.mark.parametrize(
    "date, expected",
    [("2007-06-01", "HOBCIV"), ("2009-05-01", "HOBMIL"), ("2010-01-10", "ORCHOB"),
     ("2012-12-01", "HOBGOV"), ("2014-01-01", "HOBELI"), (None, "HOB")],
)
def test_validation_date_restricted_codes(date, expected):
    assert code(actors("PETR.Validate.actors.txt"), "Sam Gamgee", date) == expected


@needs_shared
def test_validation_codes_on_their_own_lines():
    dictionary = actors("PETR.Validate.actors.txt")
    assert code(dictionary, "Smeagol", "1994-01-01") == "HOB"
    assert code(dictionary, "Gollum", "1997-01-01") == "HOBGOV"
    assert code(dictionary, "Gollum") == "HOBREB"  # no date: the latest
    assert code(dictionary, "Prince of Dol Amroth", "1990-01-01") is None  # [---]
    assert code(dictionary, "Prince of Dol Amroth", "2000-01-01") == "DOL"
    assert "Boromir" in dictionary


@needs_shared
def test_validation_entry_carries_country_and_sector():
    entry = actors("PETR.Validate.actors.txt").lookup("White House")
    assert (entry.name, entry.country, entry.sector, entry.code) == ("White House", "USA", "GOV", "USAGOV")


@needs_shared
def test_phoenix_countries_people_and_dates():
    dictionary = actors("Phoenix.Countries.actors.txt")
    assert code(dictionary, "Vladimir Putin", "2015-06-01") == "RUSGOV"
    assert code(dictionary, "Putin", "1995-01-01") == "RUSELI"
    assert code(dictionary, "Netanyahu", "2010-01-01") == "ISRGOV"
    assert code(dictionary, "Kabul") == "AFG"
    assert code(dictionary, "Russians") == "RUS"  # "+RUSSIAN" is a stem


@needs_shared
def test_phoenix_international_and_armed_groups():
    international = actors("Phoenix.International.actors.txt")
    assert split_cameo_code(code(international, "the United Nations")) == ("UNO", None)
    armed = actors("Phoenix.MilNonState.actors.txt")
    assert code(armed, "Hezbollah") == code(armed, "Hizbullah") == "LBNREB"
    assert code(armed, "Taliban") == "AFGREB"


@needs_shared
@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("foreign minister", "GOVFRM"), ("Foreign Ministers", "GOVFRM"), ("troops", "MIL"),
        ("golden geese", "GGS"), ("congressmen", "LEG"), ("Ministry of Silly Walks", "GOV"),
        ("police", "COP"), ("human rights body", "NGO"), ("attorneys general", "GOV"),
    ],
)
def test_validation_agents(phrase, expected):
    assert agents("PETR.Validate.agents.txt").lookup(phrase) == expected


@needs_shared
def test_validation_agents_plural_rules_and_placement():
    loaded = agents("PETR.Validate.agents.txt")
    assert loaded.skipped == []
    assert "troopses" not in loaded and "medias" not in loaded  # {} means no plural
    assert loaded.combine("USA", "President") == "USAGOV"
    assert loaded.combine("USA", "human rights body") == "NGOUSA"  # [NGO~] goes before
    assert loaded.sector("soldiers") == "MIL"


@needs_shared
def test_phoenix_agents():
    loaded = agents("Phoenix.agents.txt")
    assert [(s.line, s.text) for s in loaded.skipped] == [(1927, "ISLAMIC_EXTREMIST")]
    assert loaded.lookup("farmers") == "AGR"
    assert loaded.lookup("cattlemen") == "AGR"  # CATTLE!PERSON!
    assert loaded.lookup("thieves") == "CRM"  # {THIEVES}
    assert loaded.lookup("gendarmerie") == "COP"
    assert loaded.sector("minister for defence") == "GOV"
