"""Named organisations -> country code and sector (dyad.actors.organisations)."""

import pytest

from dyad.actors.organisations import lookup_organisation, organisation_index


@pytest.mark.parametrize(
    "text, name, country, sector",
    [
        ("United Nations", "United Nations", "UNO", None),
        ("the U.N.", "United Nations", "UNO", None),
        ("UN", "United Nations", "UNO", None),
        ("Security Council", "UN Security Council", "UNO", "GOV"),
        ("European Union", "European Union", "EUR", None),
        ("EU", "European Union", "EUR", None),
        ("European Commission", "European Commission", "EUR", "GOV"),
        ("NATO", "NATO", "IGO", "MIL"),
        ("Arab League", "Arab League", "IGO", None),
        ("African Union", "African Union", "IGO", None),
        ("OPEC", "OPEC", "IGO", None),
        ("IAEA", "International Atomic Energy Agency", "IGO", None),
        ("Red Cross", "International Committee of the Red Cross", "NGO", "MED"),
        ("Amnesty International", "Amnesty International", "NGO", None),
        ("Human Rights Watch", "Human Rights Watch", "NGO", None),
        ("the European Jewish Congress", "European Jewish Congress", "NGO", None),
        ("the EJC", "European Jewish Congress", "NGO", None),
        ("World Jewish Congress", "World Jewish Congress", "NGO", None),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("Hezbollah", "Hezbollah", "LBN", "REB"),
        ("Hizbollah", "Hezbollah", "LBN", "REB"),
        ("Islamic State", "Islamic State", "IMG", None),
        ("ISIS", "Islamic State", "IMG", None),
        ("al-Qaeda", "al-Qaeda", "IMG", None),
        ("Taliban", "Taliban", "AFG", "REB"),
        ("the Arakan Army", "Arakan Army", "MMR", "REB"),
        ("SICA", "Central American Integration System", "IGO", None),
        ("the International Seabed Authority", "International Seabed Authority", "IGO", None),
        ("the East African Court of Justice", "East African Court of Justice", "IGO", "JUD"),
        ("TNLA", "Ta'ang National Liberation Army", "MMR", "REB"),
        ("the Knesset", "Knesset", "ISR", "LEG"),
        ("WHO", "World Health Organization", "UNO", "MED"),
        ("the Tamil Tigers", "Liberation Tigers of Tamil Eelam", "LKA", "REB"),
        ("ETA", "ETA", "ESP", "REB"),
        ("the KLA", "Kosovo Liberation Army", "XKX", "REB"),
    ],
    ids=lambda v: (v or "-").replace(" ", "-"),
)
def test_lookup_organisation(text, name, country, sector):
    org = lookup_organisation(text)
    assert (org.name, org.country, org.sector) == (name, country, sector)


@pytest.mark.parametrize("text", ["who", "un", "amnesty", "Vladimir Putin"])
def test_lookup_organisation_rejects_lowercase_acronyms_and_others(text):
    assert lookup_organisation(text) is None


def test_wikidata_ids_where_known():
    assert lookup_organisation("UN").wikidata == "Q1065"
    assert lookup_organisation("EU").wikidata == "Q458"
    assert lookup_organisation("Hamas").wikidata is None


def test_search_finds_organisation_in_phrase():
    found = organisation_index().search("Osama bin Laden\u2019s al-Qaeda")
    assert [(f.text, f.value.country) for f in found] == [("al-Qaeda", "IMG")]
