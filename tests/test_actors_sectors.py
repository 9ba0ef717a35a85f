"""Role words -> PLOVER sector (dyad.actors.sectors)."""

import pytest

from dyad.actors.sectors import SECTORS, find_role, plural, sector_for, sector_table


@pytest.mark.parametrize(
    "phrase, sector",
    [
        ("Russia\u2019s President Vladimir Putin", "GOV"),
        ("Israeli soldiers", "MIL"),
        ("former prime minister Benjamin Netanyahu", "ELI"),
        ("the Israeli embassy in Moscow", "GOV"),
        ("Prime Minister Naftali Bennett", "GOV"),
        ("premier", "GOV"),
        ("Foreign Minister Sergei Lavrov", "GOV"),
        ("the Defence Ministry", "GOV"),
        ("the cabinet", "GOV"),
        ("a government spokesman", "GOV"),
        ("spokesman", "GOV"),
        ("army spokesman", "MIL"),
        ("Israeli air force", "MIL"),
        ("the navy", "MIL"),
        ("General Michel Aoun", "MIL"),
        ("troops", "MIL"),
        ("Egyptian police", "COP"),
        ("two officers", "COP"),
        ("army officers", "MIL"),
        ("police chief", "COP"),
        ("the Supreme Court", "JUD"),
        ("a judge", "JUD"),
        ("prosecutors", "JUD"),
        ("parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("members of the Knesset", "LEG"),
        ("the ruling party", "PTY"),
        ("opposition leader", "OPP"),
        ("leader of the opposition", "OPP"),
        ("Afghan rebels", "REB"),
        ("Hamas militants", "REB"),
        ("insurgents", "REB"),
        ("Palestinian gunmen", "UAF"),
        ("militiamen", "PRM"),
        ("intelligence officials", "SPY"),
        ("spy agency", "SPY"),
        ("the company", "BUS"),
        ("a firm", "BUS"),
        ("businessmen", "BUS"),
        ("journalists", "JRN"),
        ("the newspaper", "JRN"),
        ("doctors", "MED"),
        ("the hospital", "MED"),
        ("students at Cumhuriyet University", "EDU"),
        ("the university", "EDU"),
        ("the church", "REL"),
        ("a rabbi", "REL"),
        ("the imam", "REL"),
        ("several local Jewish leaders", "REL"),
        ("the union", "LAB"),
        ("farmers", "AGR"),
        ("civilians", "CVL"),
        ("citizens", "CVL"),
        ("protesters", "CVL"),
        ("human rights activists", "CVL"),
        ("Russian Jewish immigrants", "CVL"),
        ("Thousands of protesters", "CVL"),
        ("NGOs that receive foreign funding", "SOC"),
        ("refugees fleeing the army", "REF"),
        ("Congolese refugees", "REF"),
        ("drug traffickers", "CRM"),
        ("Moroccan diplomats", "GOV"),
        ("the ambassador", "GOV"),
        ("Ousted President Askar Akayev", "ELI"),
        ("ex-president", "ELI"),
        ("then-president", "GOV"),
        ("former head of the army", "ELI"),
        ("head of the army", "MIL"),
        ("Secretary of State Warren Christopher", "GOV"),
        ("attorney general", "JUD"),
    ],
    ids=lambda v: v.encode("ascii", "replace").decode().replace(" ", "-"),
)
def test_sector_for_phrase(phrase, sector):
    assert sector_for(phrase) == sector


@pytest.mark.parametrize("phrase", ["Israel", "Vladimir Putin", "the international community", "European Union", ""])
def test_sector_for_non_roles_is_none(phrase):
    assert sector_for(phrase) is None


def test_sector_for_accepts_tokens():
    assert sector_for(["Russia", "\u2019s", "President", "Vladimir", "Putin"]) == "GOV"


def test_find_role_reports_role_words_and_position():
    match = find_role("former prime minister Benjamin Netanyahu")
    assert (match.sector, match.role, match.start, match.end, match.former) == ("ELI", "prime minister", 1, 3, True)


def test_former_does_not_make_rebels_elites():
    assert sector_for("former rebels") == "REB"


@pytest.mark.parametrize("word, expected", [("soldier", "soldiers"), ("ministry", "ministries"),
                                            ("spokesman", "spokesmen"), ("embassy", "embassies"),
                                            ("church", "churches"), ("day", "days")])
def test_plural(word, expected):
    assert plural(word) == expected


def test_table_uses_only_plover_sectors():
    assert {r.sector for r in sector_table()._roles.values()} <= set(SECTORS) | {None}


@pytest.mark.parametrize("phrase, sector", [
    ("Paraguay's comptroller general", "GOV"), ("the auditor general", "GOV"), ("the consul general", "GOV"),
    ("the solicitor general", "JUD"), ("the inspector general of police", "COP"), ("an army general", "MIL"),
])
def test_sector_for_general_after_an_office_is_no_rank(phrase, sector):
    assert sector_for(phrase) == sector


@pytest.mark.parametrize("phrase, sector", [("a Cuban exile group", "OPP"), ("exiles", "OPP"), ("the exiled leader", "ELI")])
def test_sector_for_exiles_oppose_and_the_exiled_leader_is_an_elite(phrase, sector):
    assert sector_for(phrase) == sector


@pytest.mark.parametrize("phrase, sector", [
    ("Guardia Civil officers", "COP"), ("the Iranian Revolutionary Guards", "MIL"), ("the Republican Guard", "MIL"),
])
def test_sector_for_guards_and_gendarmes_by_name(phrase, sector):
    assert sector_for(phrase) == sector
