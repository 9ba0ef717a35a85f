"""Users' actor dictionaries in CSV and YAML (dyad.actors.dictionary)."""

import datetime as dt
from pathlib import Path

import pytest

from dyad.actors.dictionary import ActorDictionary, ActorEntry
from dyad.errors import DictionaryError, DyadError

FIXTURES = Path(__file__).parent / "fixtures" / "dictionaries"


@pytest.fixture(scope="module")
def csv_dictionary():
    return ActorDictionary.load(FIXTURES / "actors.csv")


@pytest.fixture(scope="module")
def yaml_dictionary():
    return ActorDictionary.load(FIXTURES / "actors.yaml")


def test_csv_lookup_by_name_and_alias(csv_dictionary):
    putin = ActorEntry("Vladimir Putin", "RUS", "GOV", "Q7747")
    assert csv_dictionary.lookup("Vladimir Putin") == putin
    assert csv_dictionary.lookup("President Putin\u2019s") == putin
    assert csv_dictionary.lookup("putin") == putin
    assert csv_dictionary.lookup("Vladimir V Putin") == putin


@pytest.mark.parametrize(
    "date, sector",
    [
        pytest.param("2015-05-01", "GOV", id="first-term"),
        pytest.param(dt.date(2022, 1, 1), "OPP", id="in-opposition"),
        pytest.param("2023", "GOV", id="year-only"),
        pytest.param(None, "GOV", id="no-date-gives-current"),
        pytest.param("2005-01-01", None, id="before-any-row"),
    ],
)
def test_csv_date_restricted_entry(csv_dictionary, date, sector):
    entry = csv_dictionary.lookup("Netanyahu", date)
    assert (entry.sector if entry else None) == sector


def test_csv_acronym_matches_only_in_capitals(csv_dictionary):
    assert csv_dictionary.lookup("UN").country == "UNO"
    assert csv_dictionary.lookup("the U.N.").country == "UNO"
    assert csv_dictionary.lookup("un") is None


def test_csv_codes_are_upper_cased(csv_dictionary):
    assert csv_dictionary.lookup("Knesset") == ActorEntry("Knesset", "ISR", "LEG")


def test_csv_entry_without_sector(csv_dictionary):
    assert csv_dictionary.lookup("EJC") == ActorEntry("European Jewish Congress", "NGO", None)


def test_find_locates_a_name_inside_a_phrase(csv_dictionary):
    found = csv_dictionary.find("Russia\u2019s President Vladimir Putin said")
    assert found.value.name == "Vladimir Putin" and found.text == "Vladimir Putin"
    assert found.start == len("Russia\u2019s President ")


def test_yaml_lookup_with_alias_list_and_dates(yaml_dictionary):
    assert yaml_dictionary.lookup("Putin").wikidata == "Q7747"
    assert yaml_dictionary.lookup("Bennett", "2021-10-01").sector == "GOV"
    assert yaml_dictionary.lookup("Bennett", "2022-08-01").sector == "ELI"
    assert yaml_dictionary.lookup("Goldschmidt") == ActorEntry("Rabbi Pinchas Goldschmidt", "RUS", "REL")


@pytest.mark.parametrize(
    "file, line, words",
    [
        pytest.param("bad_country.csv", 3, "FRX", id="csv-unknown-country"),
        pytest.param("bad_date.csv", 4, "2021-13-01", id="csv-bad-date"),
        pytest.param("bad_column.csv", 1, "role", id="csv-unknown-column"),
        pytest.param("bad_sector.yaml", 4, "ARMY", id="yaml-unknown-sector"),
        pytest.param("bad_syntax.yaml", 4, "YAML", id="yaml-syntax"),
    ],
)
def test_malformed_file_names_the_line(file, line, words):
    with pytest.raises(DictionaryError) as caught:
        ActorDictionary.load(FIXTURES / file)
    error = caught.value
    assert isinstance(error, DyadError)
    assert error.source.endswith(file) and error.line == line and words in error.problem
    assert f"{file}:{line}:" in str(error)


def test_unknown_suffix_is_an_error(tmp_path):
    path = tmp_path / "actors.txt"
    path.write_text("name\nX\n")
    with pytest.raises(DictionaryError, match="csv, .yaml"):
        ActorDictionary.load(path)


def test_add_and_extend_in_memory():
    first, second = ActorDictionary(), ActorDictionary()
    first.add(["Hamas"], ActorEntry("Hamas", "PSE", "REB"))
    second.add(["Hezbollah", "Hizbollah"], ActorEntry("Hezbollah", "LBN", "REB"))
    first.extend(second)
    assert first.lookup("Hizbollah").country == "LBN" and "Hamas" in first and len(first) == 3


def test_yaml_mapping_with_actors_key(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - name: Hamas\n    country: PSE\n    sector: REB\n")
    assert ActorDictionary.load(path).lookup("Hamas") == ActorEntry("Hamas", "PSE", "REB")


def test_yaml_unknown_key_names_its_line(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: Hamas\n  country: PSE\n- name: Fatah\n  role: PTY\n")
    with pytest.raises(DictionaryError) as caught:
        ActorDictionary.load(path)
    assert caught.value.line == 3 and "role" in caught.value.problem
