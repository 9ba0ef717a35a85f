"""Date expressions found in a sentence and resolved against the publication date.

Most cases use one publication day, 2021-07-05, a Monday."""

from __future__ import annotations

import pytest

from dyad.dates import DateMention, find_dates, resolve_event_date
from dyad.errors import DyadError

PUB = "2021-07-05"  # a Monday


def only(text: str, published: str | None = PUB) -> DateMention:
    mentions = find_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    "text, value, words",
    [
        pytest.param("The office said Monday.", "2021-07-05", "Monday", id="said-weekday-is-pub-day"),
        pytest.param("They met on Tuesday.", "2021-06-29", "on Tuesday", id="on-weekday-latest-before"),
        pytest.param("During Monday’s phone call, he spoke.", "2021-07-05", "Monday’s", id="weekday-possessive"),
        pytest.param("It happened last Friday.", "2021-07-02", "last Friday", id="last-weekday"),
        pytest.param("They spoke last Monday.", "2021-06-28", "last Monday", id="last-weekday-strictly-before"),
        pytest.param("They met on Tuesday last week.", "2021-06-29", "on Tuesday last week", id="weekday-last-week"),
        pytest.param("They will meet on Wednesday.", "2021-07-07", "on Wednesday", id="weekday-future-clause"),
        pytest.param("He is heading to Moscow on Thursday.", "2021-07-08", "on Thursday", id="weekday-heading-to"),
        pytest.param("They meet next Monday.", "2021-07-12", "next Monday", id="next-weekday"),
        pytest.param("The PMO said Sunday it would answer.", "2021-07-04", "Sunday", id="reported-weekday-is-past"),
        pytest.param("Beijing warned Taipei on Friday that it would retaliate.", "2021-07-02", "on Friday",
                     id="future-of-the-clause-it-opens-is-not-its-own"),
        pytest.param("The leaders will meet on Friday if the talks go well.", "2021-07-09", "on Friday",
                     id="future-before-the-date-is-its-own"),
        pytest.param("It was agreed today.", "2021-07-05", "today", id="today"),
        pytest.param("It was agreed yesterday.", "2021-07-04", "yesterday", id="yesterday"),
        pytest.param("They will sign tomorrow.", "2021-07-06", "tomorrow", id="tomorrow"),
        pytest.param("He took office last month.", "2021-06", "last month", id="last-month"),
        pytest.param("Talks begin next month.", "2021-08", "next month", id="next-month"),
        pytest.param("Rockets fell this month.", "2021-07", "this month", id="this-month"),
        pytest.param("Ties grew this year.", "2021", "this year", id="this-year"),
        pytest.param("It was signed last year.", "2020", "last year", id="last-year"),
        pytest.param("It opens next year.", "2022", "next year", id="next-year"),
        pytest.param("He said so earlier this year.", "2021", "earlier this year", id="earlier-this-year"),
        pytest.param("They met last week.", "2021-06", "last week", id="last-week-gives-month"),
        pytest.param("They meet next week.", "2021-07", "next week", id="next-week-gives-month"),
        pytest.param("It ended two years ago.", "2019", "two years ago", id="years-ago"),
        pytest.param("It ended three days ago.", "2021-07-02", "three days ago", id="days-ago"),
        pytest.param("It began 6 months ago.", "2021-01", "6 months ago", id="months-ago-digits"),
        pytest.param("He went there in January 2020.", "2020-01", "in January 2020", id="month-year"),
        pytest.param("They met in Sept. 2019.", "2019-09", "in Sept. 2019", id="abbreviated-month-year"),
        pytest.param("The government was confirmed on June 13.", "2021-06-13", "on June 13", id="month-day-this-year"),
        pytest.param("The visit was on November 10.", "2020-11-10", "on November 10", id="month-day-far-ahead-is-past"),
        pytest.param("He will visit on November 10.", "2021-11-10", "on November 10", id="month-day-future-clause"),
        pytest.param("It was signed on 13 June.", "2021-06-13", "on 13 June", id="day-month"),
        pytest.param("It was signed November 10, 2019.", "2019-11-10", "November 10, 2019", id="month-day-year"),
        pytest.param("It was signed 10 November 2019.", "2019-11-10", "10 November 2019", id="day-month-year"),
        pytest.param("A photo dated July 1, 2021.", "2021-07-01", "July 1, 2021", id="month-day-year-caption"),
        pytest.param("A report dated July 03, 2015.", "2015-07-03", "July 03, 2015", id="zero-padded-day"),
        pytest.param("Filed 2021-07-05 in Geneva.", "2021-07-05", "2021-07-05", id="iso-date"),
        pytest.param("That began in 2018.", "2018", "in 2018", id="in-year"),
        pytest.param("After the 1967 war, ties broke.", "1967", "1967", id="year-as-modifier"),
        pytest.param("Prices rose in mid-2019.", "2019", "in mid-2019", id="mid-year"),
        pytest.param("Talks resumed early 2020.", "2020", "early 2020", id="early-year"),
        pytest.param("Talks resumed in late 2019.", "2019", "in late 2019", id="late-year"),
        pytest.param("They met in the summer of 2019.", "2019", "in the summer of 2019", id="season-of-year"),
        pytest.param("He wrote so as recently as 2014.", "2014", "as recently as 2014", id="as-recently-as-year"),
        pytest.param("They met in February.", "2021-02", "in February", id="month-this-year"),
        pytest.param("They met in September.", "2020-09", "in September", id="month-ahead-is-last-year"),
        pytest.param("They will meet in September.", "2021-09", "in September", id="month-future-clause"),
        pytest.param("They met last November.", "2020-11", "last November", id="last-month-name"),
        pytest.param("It was agreed in March of last year.", "2020-03", "in March of last year", id="month-of-last-year"),
        pytest.param("Fighting resumed since May.", "2021-05", "May", id="since-may"),
        pytest.param("Protesters gathered in late March.", "2021-03", "in late March", id="late-march"),
    ],
)
def test_find_dates_resolves_against_publication_day(text, value, words):
    mention = only(text)
    assert (mention.value, mention.text) == (value, words)
    assert text[mention.start:mention.end] == mention.text


@pytest.mark.parametrize(
    "text, published, value",
    [
        pytest.param("The PMO said Sunday.", "2016-06", "2016-06", id="weekday-month-pub"),
        pytest.param("The meeting was on Tuesday this week.", "2016-01", "2016-01", id="weekday-this-week-month-pub"),
        pytest.param("They met last month.", "2016-06", "2016-05", id="last-month-month-pub"),
        pytest.param("They met last November.", "2016-06", "2015-11", id="last-november-month-pub"),
        pytest.param("It was signed on June 13.", "2016-06", "2016-06-13", id="month-day-month-pub"),
        pytest.param("They met yesterday.", "2016-06", "2016-06", id="yesterday-month-pub"),
        pytest.param("They met on Tuesday.", "2016", "2016", id="weekday-year-pub"),
        pytest.param("They met in September.", "2016", "2016-09", id="month-year-pub"),
        pytest.param("It opens next year.", "2016", "2017", id="next-year-year-pub"),
        pytest.param("They met on Tuesday.", "2016-10-18T09:30:00Z", "2016-10-18", id="pub-with-time"),
    ],
)
def test_find_dates_cuts_to_publication_precision(text, published, value):
    assert only(text, published).value == value


@pytest.mark.parametrize(
    "text, value",
    [
        pytest.param("He took office last month.", None, id="relative-month"),
        pytest.param("The office said Monday.", None, id="weekday"),
        pytest.param("The government was confirmed on June 13.", None, id="month-day"),
        pytest.param("They met in April 2019.", "2019-04", id="absolute-month"),
        pytest.param("It was signed 10 November 2019.", "2019-11-10", id="absolute-day"),
        pytest.param("That began in 2018.", "2018", id="absolute-year"),
    ],
)
def test_find_dates_without_publication_resolves_only_absolute(text, value):
    mention = only(text, None)
    assert mention.value == value
    assert mention.precision == ("unresolved" if value is None else mention.precision)


@pytest.mark.parametrize(
    "text, words",
    [
        pytest.param("They agreed to meet in the near future.", "in the near future", id="near-future"),
        pytest.param("They will meet soon.", "soon", id="soon"),
        pytest.param("It was recently discussed.", "recently", id="recently"),
        pytest.param("Ties grew closer over the last year.", "over the last year", id="over-the-last-year"),
        pytest.param("Strikes rose over recent years.", "over recent years", id="recent-years"),
        pytest.param("They met in the 1990s.", "in the 1990s", id="decade"),
        pytest.param("Elections followed in March of that year.", "in March of that year", id="that-year"),
        pytest.param("They had met a few days ago.", "a few days ago", id="vague-count-ago"),
    ],
)
def test_find_dates_reports_vague_expressions_unresolved(text, words):
    mention = only(text)
    assert (mention.text, mention.value, mention.precision) == (words, None, "unresolved")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Russia may respond in kind.", id="may-modal"),
        pytest.param("Russia May Respond To Sanctions", id="may-modal-title-case"),
        pytest.param("Protesters march on the parliament.", id="march-verb"),
        pytest.param("Protesters March on the Parliament", id="march-verb-title-case"),
        pytest.param("Some 2,000 troops crossed the border.", id="thousands-with-comma"),
        pytest.param("About 2000 troops crossed the border.", id="count-of-troops"),
        pytest.param("Growth fell for 12 consecutive years.", id="count-of-years"),
        pytest.param("Resolution 2334 condemns the settlements.", id="resolution-number"),
        pytest.param("Security Council Resolution 2118 was adopted.", id="resolution-number-in-year-range"),
        pytest.param("The Vision 2030 plan was unveiled.", id="named-plan"),
        pytest.param("Turnout was 20 percent higher.", id="percentage"),
        pytest.param("Shoppers crowded stores on Black Friday.", id="named-day"),
        pytest.param("He told USA Today it was wrong.", id="newspaper-today"),
        pytest.param("Flights leave at 1800 GMT.", id="clock-time"),
    ],
)
def test_find_dates_ignores_non_dates(text):
    assert find_dates(text, PUB) == []


def test_find_dates_keeps_several_mentions_in_order():
    text = "Netanyahu visited in September 2015 and in April 2016, the office said Monday."
    assert [(m.text, m.value) for m in find_dates(text, PUB)] == [
        ("in September 2015", "2015-09"), ("in April 2016", "2016-04"), ("Monday", "2021-07-05"),
    ]


def test_find_dates_prefers_the_longest_expression():
    text = "The meeting was on Tuesday this week."
    assert [m.text for m in find_dates(text, PUB)] == ["on Tuesday this week"]


def test_find_dates_rejects_a_malformed_publication_date():
    with pytest.raises(DyadError, match="published"):
        find_dates("They met on Monday.", "5 July 2021")


def _pick(text: str, trigger: str, published: str = PUB) -> str | None:
    mention = resolve_event_date(find_dates(text, published), text.index(trigger), text=text)
    return mention.text if mention else None


@pytest.mark.parametrize(
    "text, trigger, words",
    [
        pytest.param("Since he took office last month, Bennett spoke with Putin, the office said Monday.",
                     "spoke", "Monday", id="main-clause-over-since-clause"),
        pytest.param("Since he took office last month, Bennett spoke with Putin, the office said Monday.",
                     "took", "last month", id="since-clause-dates-its-own-verb"),
        pytest.param("Medvedev will visit Israel on November 10, the embassy announced on Tuesday.",
                     "visit", "on November 10", id="same-clause-first"),
        pytest.param("Medvedev will visit Israel on November 10, the embassy announced on Tuesday.",
                     "announced", "on Tuesday", id="reporting-verb-own-date"),
        pytest.param("In 2018, ties were strained when Syrian forces shot down a plane.",
                     "shot", "In 2018", id="fronted-date"),
        pytest.param("They agreed to hold a meeting in the near future, the statement said.",
                     "agreed", "in the near future", id="unresolved-in-own-clause"),
        pytest.param("Bennett thanked Putin for wishes sent after the government was confirmed on June 13.",
                     "thanked", None, id="other-events-date-is-not-taken"),
        pytest.param("Netanyahu visited Moscow in September 2015 and in April 2016.",
                     "visited", "in September 2015", id="nearest-after-trigger"),
    ],
)
def test_resolve_event_date_picks_by_clause(text, trigger, words):
    assert _pick(text, trigger) == words


def test_resolve_event_date_without_text_takes_nearest_resolved():
    text = "They agreed in the near future to act, the office said Monday."
    mentions = find_dates(text, PUB)
    assert resolve_event_date(mentions, text.index("agreed")).text == "Monday"
    assert resolve_event_date(mentions).text == "Monday"
    assert resolve_event_date([], 0) is None


def test_find_dates_lets_a_full_date_speak_for_its_weekday():
    mentions = find_dates("The talks opened Tuesday, July 6, 2021.", PUB)
    assert [(m.text, m.value) for m in mentions] == [("July 6, 2021", "2021-07-06")]


# One or more expressions for each of the date patterns, in many forms: each pattern's
# clue (the plain search that lets find_dates skip it) must be inside every match.
CLUE_CASES = [
    "on 2021-07-05", "on July 5, 2021", "in Sept. 2019", "on the 5th of July 2021", "in early January 2020",
    "as recently as March 2019's", "in July of last year", "in May the same year", "last November", "this coming May",
    "on Nov. 10", "on 10 Nov", "the 10th of November", "in the 1990s", "in the late ’90s", "in the spring of 2018",
    "the year 2019", "since 2018", "late on Friday", "this past Sunday’s", "Monday of next week", "on Tuesday evening",
    "today", "Tonight", "last night's", "this morning", "a couple of weeks ago", "3 days ago", "several decades ago",
    "later this month", "at the end of next year", "in the near future", "over the past few weeks", "in recent days",
    "that same day", "the same period", "in the past", "at the time", "soon", "recently", "lately", "in June",
    "on 3 October 2011", "in mid-April",
]


def test_every_date_pattern_match_holds_its_clue():
    from dyad.dates import _PATTERNS

    for pattern, _, clue in _PATTERNS:
        matches = [m.group() for text in CLUE_CASES for m in pattern.finditer(text)]
        assert matches, f"no case for {pattern.pattern[:60]}"
        assert all(clue.search(match) for match in matches), [m for m in matches if not clue.search(m)]
