"""Cleaning: page furniture out, every line of prose kept, offsets back to the text as read."""

from __future__ import annotations

import re

import pytest

from dyad.clean import PARAGRAPH_BREAK, clean, is_chrome_line, pick_title

# Per seed, the start of every line that is furniture. Every other non-empty
# line of the seed is prose (or the title and standfirst) and must be kept.
SEED_FURNITURE = {
    "000_5f8f56a991f7724e.txt": [
        "Russian President Vladimir Putin in Moscow, Russia, July 1, 2021. (Alexei Nikolsky",  # twice
        "Russian President Vladimir Putin (right) meets with Prime Minister Benjamin Netanyahu",
        "read more:",
        "Never miss breaking news on Israel",
        "Get notifications to stay updated",
        "You're subscribed",
    ],
    "001_54a8bc15b910ff4b.txt": [
        "Raphael Ahren is the diplomatic correspondent",
        "Russian President Vladimir Putin (right) and Israeli Prime Minister",  # twice
        "read more:",
        "Never miss breaking news on Israel",
        "Get notifications to stay updated",
        "You're subscribed",
    ],
    "002_fd4ff04d061940a9.txt": [
        "- Israel Asks Russia to Revise Military Coordination",
        "- Russia: Netanyahu, Abbas Agree to Meet",
        "- Netanyahu, Putin Discuss Israeli-Palestinian Peace",
        "Click the alert icon to follow topics",
        "Comments",
        "SUBSCRIBERS JOIN THE CONVERSATION FASTER",
        "Automatic approval of subscriber comments.",
        "In the News",
        "ICYMI",
        "Jewish Law Above All",
        "Why I’m Turning My Back on My Jewish Identity",
        "Down and Out: Why These New Immigrants",
        "The Reality Behind ‘The White Lotus’",
    ],
    "003_29d3af065e27722d.txt": [
        "- Delivering Truth Around the World",
        "Custom Search",
        "TNO Staff",
        "Smaller Font Larger Font RSS 2.0",
    ],
}

SEED_LEADS = [
    "For the first time since he took office last month, Prime Minister Naftali Bennett spoke with Russia’s "
    "President Vladimir Putin, the Prime Minister’s Office said Monday.",
    "Prime Minister Benjamin Netanyahu is heading to Moscow on Monday for a two-day trip",
    "Russian Prime Minister Dmitry Medvedev will visit Israel on November 10, the Russian embassy in Tel Aviv "
    "announced on Tuesday.",
    "In June, Netanyahu visited Moscow, where he and Putin celebrated the 25th anniversary",
    "The conversation started with EJC President Dr. Moshe Kantor",
    "Two leaders discuss Moscow’s regional role",
]

# Hand-written pages with furniture the seeds do not have (menus, share
# buttons, newsletter and social prompts, "you might also like", wire credits).
FIXTURE_FURNITURE = {
    "wire_story.txt": [
        "Skip to main content", "Menu", "World | Middle East", "By Anna Keller and Tomas Weiss",
        "Updated October 24, 2021", "Share", "Tweet", "Email",
        "A Russian Sukhoi Su-35 fighter at Hmeimim air base", "ADVERTISEMENT",
        "Sign up for our Middle East briefing", "Follow us on Telegram", "Related coverage",
        "- Russia Moves Air Defence Batteries", "- Israeli Jets Strike Targets", "- What the Hotline Means",
        "Join the discussion: 14 comments", "© 2021 Example Media Group",
    ],
    "regional_daily.txt": [
        "HOME   NEWS   OPINION   SPORT", "Print this page", "Subscribe now", "Staff Writer",
        "Putin and Rivlin at the Kremlin, January 2020.", "Rivlin lays a wreath at a memorial",
        "You might also like", "Why the Kremlin Courts Israeli Voters", "Five Things to Know",
        "We welcome your comments", "Like us on Facebook", "Back to top",
    ],
    "newswire.txt": ["(Reporting by Anna Keller"],
}
FIXTURE_TITLES = {
    "wire_story.txt": "Israeli and Russian officers agree to widen hotline over Syria",
    "regional_daily.txt": "Kremlin hosts Israeli president for talks on Holocaust memorial",
    "newswire.txt": "UPDATE 2-Russia blames Israel after military plane is lost over Syria",
}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _is_furniture(line: str, furniture: list[str]) -> bool:
    return any(line.startswith(start) for start in furniture)


# Wire datelines the cleaner takes off the front of their line (the rest of the line stays).
DATELINES = ("MOSCOW, Sept 18 (Reuters) - ",)


def _without_dateline(line: str) -> str:
    return next((line[len(d):] for d in DATELINES if line.startswith(d)), line)


def _assert_partition(original: str, furniture: list[str]) -> None:
    """Furniture lines are gone, every other line is kept whole (but for a
    wire dateline), once, in order."""
    kept = clean(original).text.split(PARAGRAPH_BREAK)
    expected = [_without_dateline(line) for line in _lines(original) if not _is_furniture(line, furniture)]
    assert kept == expected
    assert all(any(line.startswith(start) for line in _lines(original)) for start in furniture), "stale list"


@pytest.mark.parametrize("name", sorted(SEED_FURNITURE))
def test_clean_seed_keeps_prose_and_drops_furniture(seed_texts, name):
    _assert_partition(seed_texts[name], SEED_FURNITURE[name])


@pytest.mark.parametrize(
    "phrase",
    ["read more:", "Never miss breaking news", "You're subscribed", "Click the alert icon to follow topics",
     "JOIN THE CONVERSATION", "subscriber comments", "Smaller Font Larger Font RSS 2.0",
     "Pool Photo via AP)", "(Maxim Shemtov/Pool/AFP)", "(Kobi Gideon/GPO/Flash90)", "Delivering Truth",
     "Revise Military Coordination", "The White Lotus"],
)
def test_clean_seed_furniture_phrase_is_gone(seed_texts, phrase):
    assert all(phrase not in clean(text).text for text in seed_texts.values())


def test_clean_seed_leads_survive(seed_texts):
    cleaned = " ".join(clean(text).text for text in seed_texts.values())
    for lead in SEED_LEADS:
        assert lead in cleaned


def test_clean_seed_repeated_lines_are_gone(seed_texts):
    for text in seed_texts.values():
        kept = clean(text).text.split(PARAGRAPH_BREAK)
        assert len(kept) == len(set(kept))


@pytest.mark.parametrize("name", sorted(FIXTURE_FURNITURE))
def test_clean_fixture_keeps_prose_and_drops_furniture(inputs_dir, name):
    _assert_partition((inputs_dir / "clean" / name).read_text(encoding="utf-8"), FIXTURE_FURNITURE[name])


@pytest.mark.parametrize("name", sorted(FIXTURE_TITLES))
def test_pick_title_skips_menus_and_chrome(inputs_dir, name):
    assert pick_title((inputs_dir / "clean" / name).read_text(encoding="utf-8")) == FIXTURE_TITLES[name]


def test_pick_title_of_seed_skips_slogan_and_search_box(seed_texts):
    assert pick_title(seed_texts["003_29d3af065e27722d.txt"]) == "Putin: Jews Can “Take Refuge” in Russia"


@pytest.mark.parametrize(
    "line",
    ["By evening, the delegations had agreed on a joint statement.",
     "Kantor continued: “The threat comes not only from terrorists.”",
     "Putin did not reply.",
     "The newspaper said readers had sent thousands of letters about the visit to the Kremlin."],
)
def test_clean_short_prose_is_not_chrome(line):
    assert not is_chrome_line(line)


def test_clean_reasons_name_the_kind_of_furniture(inputs_dir):
    text = (inputs_dir / "clean" / "wire_story.txt").read_text(encoding="utf-8")
    reasons = {text[d.start : d.end]: d.reason for d in clean(text).dropped}
    assert reasons["World | Middle East"] == "navigation"
    assert reasons["By Anna Keller and Tomas Weiss"] == "byline"
    assert reasons["ADVERTISEMENT"] == "site chrome"
    assert reasons["- Israeli Jets Strike Targets Near Syrian Coast"] == "headline list"
    assert next(r for t, r in reasons.items() if t.endswith("(Photo: Pavel Golovkin/AP)")) == "photo caption"


def _all_texts(seed_texts, inputs_dir) -> list[str]:
    own = [path.read_text(encoding="utf-8") for path in sorted((inputs_dir / "clean").glob("*.txt"))]
    return list(seed_texts.values()) + own


def test_clean_segments_map_back_exactly(seed_texts, inputs_dir):
    for original in _all_texts(seed_texts, inputs_dir):
        cleaned = clean(original)
        assert cleaned.segments
        for clean_start, original_start, length in cleaned.segments:
            kept = cleaned.text[clean_start : clean_start + length]
            assert kept == original[original_start : original_start + length]
            for k in (0, length // 2, length - 1, length):
                assert cleaned.to_original(clean_start + k) == original_start + k


def test_clean_span_to_original_recovers_every_word(seed_texts, inputs_dir):
    for original in _all_texts(seed_texts, inputs_dir):
        cleaned = clean(original)
        for match in re.finditer(r"\S+", cleaned.text):
            start, end = cleaned.span_to_original(match.start(), match.end())
            assert original[start:end] == match.group()


def test_clean_dropped_lines_point_into_original(seed_texts):
    original = seed_texts["000_5f8f56a991f7724e.txt"]
    dropped = {original[d.start : d.end] for d in clean(original).dropped}
    assert {"read more:", "You're subscribed"} <= dropped


def test_clean_empty_text_has_no_segments():
    cleaned = clean("")
    assert (cleaned.text, cleaned.segments, cleaned.to_original(0)) == ("", (), 0)


@pytest.mark.parametrize(
    "line",
    ["Read more: How Israel and Russia keep out of each other's way over Syria, and what it costs them",
     "SEE ALSO: Kremlin says talks with Israel were constructive",
     "Sign up for our newsletter",
     "Click here to follow topics"],
)
def test_clean_chrome_lines_are_dropped(line):
    assert is_chrome_line(line)


@pytest.mark.parametrize(
    "line, rest",
    [
        ("KYIV — A swarm of drones struck power stations.", "A swarm of drones struck power stations."),
        ("DAR ES SALAAM — Unidentified men seized a youth leader.", "Unidentified men seized a youth leader."),
        ("ABUJA, June 11 — Nigeria and Benin agreed on joint posts.", "Nigeria and Benin agreed on joint posts."),
        ("HONIARA, Solomon Islands — Crowds set fire to shops.", "Crowds set fire to shops."),
        ("BOGOTÁ — Farmers blocked a highway.", "Farmers blocked a highway."),
        ("NATO — the alliance's chief said — will meet.", "NATO — the alliance's chief said — will meet."),
        ("US-led forces withdrew from the base.", "US-led forces withdrew from the base."),
    ],
    ids=["city", "three-words", "city-date", "city-country", "accented-capital", "acronym-aside-kept", "hyphen-kept"],
)
def test_clean_takes_the_dateline_off_and_maps_offsets_past_it(line, rest):
    cleaned = clean(line)
    assert cleaned.text == rest
    assert line[cleaned.to_original(0):].startswith(rest[:10])
