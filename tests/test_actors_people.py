"""The hand-written table of political figures and the name look-up over it."""

from __future__ import annotations

import re
from collections import Counter

import pycountry
import pytest

from dyad.actors import people as pp
from dyad.actors.people import Person, PeopleIndex, lookup, name_key, people_index
from dyad.errors import DictionaryError

PLOVER_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG"}


@pytest.fixture(scope="module")
def index() -> PeopleIndex:
    return people_index()


# --- the table -------------------------------------------------------------------------


def test_table_reads_and_is_a_useful_size(index):
    assert len(index.people) >= 300
    assert len(index.roles) >= len(index.people)


def test_every_country_is_iso3_or_a_plover_code(index):
    bad = {r.country for r in index.roles
           if r.country not in PLOVER_CODES and pycountry.countries.get(alpha_3=r.country) is None}
    assert not bad


def test_every_sector_is_a_plover_sector(index):
    from dyad.actors.sectors import SECTORS

    assert pp._SECTORS == set(SECTORS)  # the module's own copy is the package's list
    assert {r.sector for r in index.roles} <= set(SECTORS)
    assert "ELI" not in {r.sector for r in index.roles}  # ELI is derived from the years


def test_no_duplicate_rows():
    lines = [line for line in pp.PEOPLE_PATH.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines[0].split("\t") == list(pp.COLUMNS)
    assert [line for line, n in Counter(lines[1:]).items() if n > 1] == []
    keys = Counter((c[0], c[4], c[5]) for c in (line.split("\t") for line in lines[1:]))
    assert [k for k, n in keys.items() if n > 1] == []


def test_years_and_wikidata_are_well_formed(index):
    for r in index.roles:
        assert r.start is None or 1900 <= r.start <= 2026, r
        assert r.end is None or 1950 <= r.end <= 2026, r
        assert r.start is None or r.end is None or r.start <= r.end, r
        assert r.wikidata is None or re.fullmatch(r"Q[1-9]\d*", r.wikidata), r
    ids = {}
    for r in index.roles:
        if r.wikidata:
            assert ids.setdefault(r.name, r.wikidata) == r.wikidata, r
    by_id = Counter(ids.values())
    assert [q for q, n in by_id.items() if n > 1] == []  # one person per Q-id


def test_aliases_differ_from_the_name(index):
    for r in index.roles:
        assert all(a and name_key(a) != name_key(r.name) for a in r.aliases), r


def test_shipped_table_is_read_once(index):
    assert people_index() is index


def test_a_malformed_row_names_its_line(tmp_path):
    path = tmp_path / "people.tsv"
    header = "\t".join(pp.COLUMNS)
    path.write_text(f"# test\n{header}\nVladimir Putin\t\tRUS\tBOSS\tpresident\t2012\t\t\n")
    with pytest.raises(DictionaryError, match=r":3: sector 'BOSS'"):
        PeopleIndex.load(path)
    row = "A B\t\tRUS\tGOV\tpresident\t2012\t\t\n"
    path.write_text(f"{header}\n{row}{row}")
    with pytest.raises(DictionaryError, match="duplicate"):
        PeopleIndex.load(path)


# --- look-up ---------------------------------------------------------------------------


def test_putin():
    assert lookup("Putin") == Person("Vladimir Putin", "RUS", "GOV", "president", "Q7747")
    assert lookup("Vladimir Putin", 2010).role == "prime minister"
    assert lookup("Vladimir Putin", 2005).role == "president"


def test_titles_in_front_are_skipped():
    assert lookup("President Vladimir Putin").name == "Vladimir Putin"
    assert lookup("Russian President Vladimir Putin", 2022).country == "RUS"
    assert lookup("Prime Minister Naftali Bennett", 2021).name == "Naftali Bennett"
    assert lookup("U.S. Secretary of State Antony Blinken", 2022).name == "Antony Blinken"
    assert lookup("Gen. Qassem Soleimani", 2019) == Person(
        "Qasem Soleimani", "IRN", "MIL", "Quds Force commander", None)
    assert lookup("Dr. Tedros", 2020).country == "UNO"
    assert lookup("then-President Barack Obama", 2016).sector == "GOV"


def test_case_accents_possessives_and_curly_apostrophes():
    assert lookup("PUTIN’S").name == "Vladimir Putin"
    assert lookup("Bashar Assad's", 2015).name == "Bashar al-Assad"
    assert lookup("Erdogan", 2016) == lookup("Erdoğan’s", 2016)
    assert lookup("Kim Jong Un", 2020).name == lookup("kim jong-un", 2020).name == "Kim Jong-un"


def test_netanyahu_2016():
    p = lookup("Netanyahu", 2016)
    assert (p.name, p.country, p.sector, p.role) == (
        "Benjamin Netanyahu", "ISR", "GOV", "prime minister")
    assert lookup("Netanyahu", 2000).sector == "ELI"  # out of office 1999-2002
    assert lookup("Netanyahu", 2007).sector == "OPP"


def test_bennett_2021(index):
    p = lookup("Bennett", 2021)
    assert (p.name, p.country, p.sector) == ("Naftali Bennett", "ISR", "GOV")
    bennetts = [n for n in index.people if n.split()[-1] == "Bennett"]
    assert bennetts == ["Naftali Bennett"]  # no other Bennett for "Bennett" to be confused with


def test_medvedev():
    p2016 = lookup("Dmitry Medvedev", 2016)
    assert (p2016.country, p2016.sector, p2016.role) == ("RUS", "GOV", "prime minister")
    p2021 = lookup("Dmitry Medvedev", 2021)
    assert (p2021.country, p2021.sector, p2021.role) == (
        "RUS", "GOV", "deputy chairman of the Security Council")
    assert lookup("Medvedev", 2009).role == "president"


def test_obama_in_office_and_after():
    assert lookup("Barack Obama", 2016) == Person("Barack Obama", "USA", "GOV", "president", "Q76")
    after = lookup("Barack Obama", 2020)
    assert (after.country, after.sector, after.role) == ("USA", "ELI", "former president")
    assert lookup("Obama", 2020) == after


def test_before_the_first_role_only_the_country_is_known():
    assert lookup("Volodymyr Zelensky", 2015) == Person(
        "Volodymyr Zelensky", "UKR", None, None, "Q3874799")
    assert lookup("Zelensky", 2015) is None  # a bare last name needs someone in or once in office


def test_bare_last_names_need_to_be_unique_in_the_year():
    assert lookup("Bush", 1991).name == "George H. W. Bush"
    assert lookup("Bush", 2003).name == "George W. Bush"
    assert lookup("Bush", 2015) is None  # two former presidents
    assert lookup("Assad", 2015).name == "Bashar al-Assad"
    assert lookup("Assad") is None  # father and son, no year
    assert lookup("Clinton", 1998).name == "Bill Clinton"
    assert lookup("Clinton", 2010).name == "Hillary Clinton"


def test_aliases_and_derived_last_names():
    assert lookup("Xi", 2020).name == "Xi Jinping"
    assert lookup("Kim", 2015).name == "Kim Jong-un"
    assert lookup("Sisi", 2016).name == lookup("el-Sisi", 2016).name == "Abdel Fattah el-Sisi"
    assert lookup("bin Laden", 2005).country == "IMG"
    assert lookup("von der Leyen", 2020).country == "EUR"
    assert lookup("MBS", 2019).name == "Mohammed bin Salman"
    assert lookup("Lula", 2024).name == "Luiz Inácio Lula da Silva"
    assert lookup("Abiy", 2020).name == "Abiy Ahmed"
    assert lookup("Le Pen", 2015).name == "Marine Le Pen"


def test_monarchs_and_popes_have_no_bare_last_name():
    assert lookup("King Charles", 2023).name == "Charles III"
    assert lookup("Francis", 2020) is None
    assert lookup("King Abdullah", 2018).name == "Abdullah II"
    assert lookup("King Abdullah", 2010) is None  # the Saudi and the Jordanian king


def test_unknown_names():
    assert lookup("John Q. Nobody") is None
    assert lookup("Nobody", 2020) is None
    assert lookup("") is None
    assert lookup("President") is None
