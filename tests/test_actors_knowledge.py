"""Countries by name, demonym, capital and seat of government (dyad.actors.knowledge)."""

import pytest

from dyad.actors._text import key
from dyad.actors.knowledge import (
    CountryMatch,
    country_index,
    country_name,
    derive_demonym,
    is_country_code,
    lookup_capital,
    lookup_country,
    lookup_demonym,
    lookup_seat,
)


@pytest.mark.parametrize(
    "text, iso3",
    [
        pytest.param("Russia", "RUS", id="Russia"),
        pytest.param("Russia\u2019s", "RUS", id="Russia-curly-possessive"),
        pytest.param("Russia's", "RUS", id="Russia-possessive"),
        pytest.param("Russian Federation", "RUS", id="Russian-Federation"),
        pytest.param("Soviet Union", "RUS", id="Soviet-Union-is-RUS"),
        pytest.param("the then-Soviet Union", "RUS", id="then-Soviet-Union"),
        pytest.param("the United States", "USA", id="the-United-States"),
        pytest.param("US", "USA", id="US"),
        pytest.param("U.S.", "USA", id="U.S."),
        pytest.param("America", "USA", id="America"),
        pytest.param("Britain", "GBR", id="Britain"),
        pytest.param("UK", "GBR", id="UK"),
        pytest.param("the Netherlands", "NLD", id="the-Netherlands"),
        pytest.param("Vatican", "VAT", id="Vatican"),
        pytest.param("Iran", "IRN", id="Iran"),
        pytest.param("Syria", "SYR", id="Syria"),
        pytest.param("South Korea", "KOR", id="South-Korea"),
        pytest.param("North Korea", "PRK", id="North-Korea"),
        pytest.param("Palestine", "PSE", id="Palestine"),
        pytest.param("Turkey", "TUR", id="Turkey"),
        pytest.param("TURKEY", "TUR", id="headline-TURKEY"),
        pytest.param("C\u00f4te d\u2019Ivoire", "CIV", id="Cote-dIvoire-accents"),
        pytest.param("Ivory Coast", "CIV", id="Ivory-Coast"),
        pytest.param("Congo", "COD", id="Congo-is-the-DRC"),
        pytest.param("Republic of Congo", "COG", id="Republic-of-Congo"),
        pytest.param("Congo-Brazzaville", "COG", id="Congo-Brazzaville"),
        pytest.param("Democratic Republic of the Congo", "COD", id="DRC-in-full"),
        pytest.param("Democratic Republic of Congo", "COD", id="DRC-in-full-without-the"),
        pytest.param("DRC", "COD", id="DRC"),
        pytest.param("Czechia", "CZE", id="Czechia"),
        pytest.param("Kosovo", "XKX", id="Kosovo"),
        pytest.param("Emirates", "ARE", id="Emirates"),
    ],
)
def test_lookup_country_names(text, iso3):
    assert lookup_country(text) == iso3


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("us", id="pronoun-us"),
        pytest.param("Us", id="sentence-initial-Us"),
        pytest.param("turkey", id="lowercase-turkey"),
        pytest.param("china", id="lowercase-china"),
        pytest.param("Gaza", id="city-not-country"),
        pytest.param("Moscow", id="capital-not-country"),
        pytest.param("", id="empty"),
    ],
)
def test_lookup_country_rejects_non_names(text):
    assert lookup_country(text) is None


@pytest.mark.parametrize(
    "word, iso3",
    [
        ("Russian", "RUS"), ("Israeli", "ISR"), ("Israelis", "ISR"), ("Syrian", "SYR"),
        ("American", "USA"), ("Americans", "USA"), ("British", "GBR"), ("Iranian", "IRN"),
        ("Palestinian", "PSE"), ("Palestinians", "PSE"), ("Soviet", "RUS"),
        ("South Korean", "KOR"), ("Chinese", "CHN"), ("Afghans", "AFG"), ("Saudi", "SAU"),
        ("Turkish", "TUR"), ("Pakistani", "PAK"), ("Mexican", "MEX"), ("Ukrainian", "UKR"),
        ("Dutch", "NLD"), ("Frenchmen", "FRA"), ("Congolese", "COD"), ("Tigrayan", "ETH"), ("Ethiopian", "ETH"),
        ("Sahrawi", "ESH"), ("Motswana", "BWA"), ("Trinidadian", "TTO"), ("Cambodian", "KHM"),
        # peoples of one state alone; those of several ("Kurdish", "Tamil") stay without one
        ("Tibetan", "CHN"), ("Uyghurs", "CHN"), ("Chechen", "RUS"), ("Rohingya", "MMR"), ("Catalan", "ESP"),
        ("Flemish", "BEL"),
    ],
)
def test_lookup_demonym(word, iso3):
    assert lookup_demonym(word) == iso3


@pytest.mark.parametrize("word", ["british", "Korean", "Kurdish", "Jewish", "Arab", "Minister", "Tamil", "Kashmiri"])
def test_lookup_demonym_rejects(word):
    assert lookup_demonym(word) is None


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Russia", "Russian"), ("Israel", "Israeli"), ("Pakistan", "Pakistani"),
        ("Iran", "Iranian"), ("Mexico", "Mexican"), ("Italy", "Italian"),
        ("Uruguay", "Uruguayan"), ("Chile", "Chilean"), ("Mali", "Malian"),
        ("United Kingdom", None),
    ],
)
def test_derive_demonym_rules(name, expected):
    assert derive_demonym(name) == expected


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Moscow", "RUS"), ("Jerusalem", "ISR"), ("Washington", "USA"), ("Damascus", "SYR"),
        ("Tehran", "IRN"), ("Beijing", "CHN"), ("Kyiv", "UKR"), ("Kiev", "UKR"),
        ("Sana\u2019a", "YEM"), ("the Hague", "NLD"), ("Ramallah", "PSE"), ("Kingston", "JAM"),
    ],
    ids=lambda v: v.encode("ascii", "replace").decode() if isinstance(v, str) else v,
)
def test_lookup_capital(name, iso3):
    assert lookup_capital(name) == iso3


@pytest.mark.parametrize("name", ["Victoria", "Male", "Hamilton", "moscow"])
def test_lookup_capital_drops_ambiguous_and_lowercase(name):
    assert lookup_capital(name) is None


@pytest.mark.parametrize(
    "text, iso3, sector",
    [
        ("the Kremlin", "RUS", "GOV"), ("the White House", "USA", "GOV"),
        ("Downing Street", "GBR", "GOV"), ("the Elysee", "FRA", "GOV"),
        ("\u00c9lys\u00e9e", "FRA", "GOV"), ("the Pentagon", "USA", "MIL"),
    ],
    ids=["Kremlin", "White-House", "Downing-Street", "Elysee", "Elysee-accents", "Pentagon"],
)
def test_lookup_seat(text, iso3, sector):
    seat = lookup_seat(text)
    assert (seat.country, seat.sector) == (iso3, sector)


def test_lookup_seat_needs_capital_letter():
    assert lookup_seat("the kremlin") is None


def test_country_name_is_short_canonical():
    assert [country_name(c) for c in ("RUS", "USA", "PSE", "NLD", "XKX")] == [
        "Russia", "United States", "Palestine", "Netherlands", "Kosovo"]


def test_is_country_code_accepts_iso3_and_plover_codes():
    assert all(is_country_code(c) for c in ("RUS", "PSE", "XKX", "IGO", "UNO", "EUR", "IMG"))
    assert not any(is_country_code(c) for c in ("SUN", "GON", "rus", "", None))


def test_match_tries_name_demonym_seat_capital():
    index = country_index()
    assert index.match("Russia") == CountryMatch("RUS", "name")
    assert index.match("Russian") == CountryMatch("RUS", "demonym")
    assert index.match("the Kremlin") == CountryMatch("RUS", "seat", "GOV")
    assert index.match("Moscow") == CountryMatch("RUS", "capital")


def test_search_finds_countries_inside_a_phrase():
    found = country_index().search("Russia\u2019s President Vladimir Putin met Israeli officials in Moscow")
    assert [(f.text, f.value.iso3, f.value.kind) for f in found] == [
        ("Russia", "RUS", "name"), ("Israeli", "ISR", "demonym"), ("Moscow", "RUS", "capital")]
    assert found[0].start == 0 and found[0].end == 6


def test_search_keeps_offsets_with_article_and_acronym():
    text = "The US and the U.K. agreed"
    found = country_index().search(text)
    assert [(text[f.start:f.end], f.value.iso3) for f in found] == [("US", "USA"), ("U.K.", "GBR")]


@pytest.mark.parametrize(
    "text, expected",
    [("the U.S.\u2019s", "us"), ("Guinea-Bissau", "guinea bissau"), ("\u00c9lys\u00e9e", "elysee"),
     ("the former Soviet Union", "soviet union"), ("Sana\u2019a", "sanaa"), ("Russia.", "russia")],
    ids=["possessive-dots", "hyphen", "accents", "former", "apostrophe", "full-stop"],
)
def test_key_normalises_names(text, expected):
    assert key(text) == expected


def test_a_name_added_after_a_lookup_is_found():
    """Look-ups are remembered; a form added later must still be found."""
    from dyad.actors._text import Forms

    forms = Forms()
    forms.add("Gondor", "GON")
    assert forms.get("Arnor") is None and forms.get("Gondor") == "GON"
    forms.add("Arnor", "ARN")
    assert forms.get("Arnor") == "ARN" and forms.get("gondor") is None
