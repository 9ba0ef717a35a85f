"""The HTML pages: each renders, agrees with its JSON twin, works without
script or anything from elsewhere; the chart, the highlighting, and the
seeds' ISR-RUS page."""

from __future__ import annotations

import re
import warnings
from html.parser import HTMLParser

import pytest

from dyad.clean import clean
from dyad.records import Actor, Event, Evidence
from dyad.store.queries import Timeline, TimelineRow
from dyad.web.chart import timeline_svg
from dyad.web.highlight import CleanMap, Mark, actor_span, render, sentence_marks, trigger_spans
from test_api import build_store, client, web_store  # noqa: F401 - shared fixtures

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from dyad.api import create_app  # noqa: E402


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <mark> by class."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.marks: list[tuple[str, str]] = []
        self._open: list[list] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._open.append([dict(attrs).get("class", ""), ""])

    def handle_endtag(self, tag):
        if tag == "mark" and self._open:
            self.marks.append(tuple(self._open.pop()))

    def handle_data(self, data):
        for item in self._open:
            item[1] += data


PAGES = ["/", "/events", "/events?q=agreed&order=desc", "/dyads", "/dyad/ISR-RUS", "/dyad/RUS-TUR?by=month",
         "/actors", "/actors?country=RUS", "/actor/Vladimir%20Putin", "/document/2018-09-18_il20.txt", "/docs"]


@pytest.mark.parametrize("url", PAGES)
def test_web_page_renders_with_nothing_from_elsewhere(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    tags = Tags(response.text).tags
    scripts = [a for t, a in tags if t == "script"]
    assert scripts == [{"src": "/static/dyad.js", "defer": None}]  # one shipped file, no inline script
    external = [a.get("src") or a.get("href") for t, a in tags if t in ("script", "link", "img", "iframe")
                and re.match(r"(https?:)?//", a.get("src") or a.get("href") or "")]
    assert external == []


def test_web_static_files_are_shipped_and_nothing_else(client):
    assert client.get("/static/dyad.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/dyad.js").status_code == 200
    for name in ("..%2Fpages.py", "templates", "%2E%2E%2F%2E%2E%2Fpyproject.toml", "dyad.css.map"):
        assert client.get(f"/static/{name}").status_code == 404


def test_web_pages_and_json_twins_show_the_same_events(client):
    def ids(html: str) -> list[str]:
        return [a["data-event"] for t, a in Tags(html).tags if t == "a" and "data-event" in a]

    home, overview = client.get("/").text, client.get("/api/overview").json()
    assert ids(home) == [e["id"] for e in overview["latest"]]
    page, twin = client.get("/dyad/ISR-RUS?type=CONSULT").text, client.get("/api/dyads/ISR-RUS?type=CONSULT").json()
    assert ids(page) == [e["id"] for e in twin["events"]["events"]] and ids(page)
    page, twin = client.get("/events?actor=erdo").text, client.get("/api/events?actor=erdo").json()
    assert ids(page) == [e["id"] for e in twin["events"]] and ids(page)
    assert 'href="/api/dyads/ISR-RUS?type=CONSULT"' in client.get("/dyad/ISR-RUS?type=CONSULT").text


def test_web_event_list_pages_follow_the_cursor(client):
    first = client.get("/events?limit=5").text
    link = re.search(r'<a rel="next" class="next" href="([^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(link).text
    ids = lambda html: re.findall(r'data-event="([^"]+)"', html)  # noqa: E731
    assert len(ids(first)) == 5 and ids(second) and not set(ids(first)) & set(ids(second))


def test_web_dyad_chart_has_a_linked_bar_per_period_and_direction(client):
    html = client.get("/dyad/ISR-RUS?by=year").text
    tags = Tags(html).tags
    assert any(t == "svg" and "timeline" in a.get("class", "") for t, a in tags)
    bars = [a for t, a in tags if t == "a" and "bar" in a.get("class", "").split()]
    assert {b["data-period"] for b in bars} == {"2015", "2018"}
    assert all("since=" in b["href"] and "until=" in b["href"] for b in bars)
    chosen = client.get("/dyad/ISR-RUS?by=year&since=2018&until=2018").text
    assert set(re.findall(r'class="bar selected" data-period="(\d+)"', chosen)) == {"2018"}
    twin = client.get("/api/dyads/ISR-RUS?since=2018&until=2018").json()["events"]["events"]
    assert re.findall(r'data-event="([^"]+)"', chosen) == [e["id"] for e in twin] and twin


def test_web_dyad_filters_by_query_parameters(client):
    html = client.get("/dyad/ISR-RUS?type=ACCUSE").text
    types = re.findall(r'data-event="[^"]+">(\w+)', html)
    assert types and set(types) == {"ACCUSE"}
    assert client.get("/dyad/ISRRUS").status_code == 422
    assert "not one of" in client.get("/dyad/ISR-RUS?status=maybe").text


def test_web_event_page_marks_the_actors_and_words_in_the_sentence(client):
    events = client.get("/api/events?type=CONSULT&limit=500").json()["events"]
    event = next(e for e in events if e["target"] and e["source"]["text"] in e["evidence"]["text"]
                 and e["target"]["text"] in e["evidence"]["text"])
    html = client.get(f"/event/{event['id']}").text
    article = html[html.index('<div class="article">'):]
    marks = Tags(article[:article.index("</div>")]).marks
    assert ("source", event["source"]["text"]) in marks and ("target", event["target"]["text"]) in marks
    assert [text for kind, text in marks if kind == "trigger"]
    assert ("evidence", event["evidence"]["text"]) in marks
    assert '<mark class="evidence" id="evidence">' in html


def test_web_document_page_marks_every_event_and_links_it(client):
    doc = client.get("/api/documents/2022-08-05_sochi.txt").json()
    html = client.get("/document/2022-08-05_sochi.txt").text
    for mention in doc["mentions"]:
        assert f'href="/event/{mention["event_id"]}"' in html
    article = html[html.index('<div class="article">'):]
    evidence = [text for kind, text in Tags(article).marks if kind == "evidence"]
    assert set(evidence) == {m["evidence"]["text"] for m in doc["mentions"]}


def test_web_missing_things_are_404_pages_without_a_trace(client):
    for url in ("/event/0000", "/document/none.txt", "/actor/Nobody", "/no/such/page"):
        response = client.get(url)
        assert response.status_code == 404 and "text/html" in response.headers["content-type"]
        assert "Traceback" not in response.text


# -- highlighting -----------------------------------------------------------------------------

def test_web_render_escapes_and_nests_marks():
    text = "<b>Putin</b> met Erdogan & friends."
    html = render(text, [Mark(0, len(text), "evidence"), Mark(3, 8, "source"), Mark(17, 24, "target"),
                         Mark(6, 15, "trigger")])  # the last crosses two others: left out
    assert html == ('<mark class="evidence">&lt;b&gt;<mark class="source">Putin</mark>&lt;/b&gt; met '
                    '<mark class="target">Erdogan</mark> &amp; friends.</mark>')


def test_web_actor_span_finds_whole_words_only():
    sentence = "Syrian forces fired at Syria's neighbour, said Syria."
    assert actor_span(sentence, Actor("Syria", "Syria", "SYR")) == (23, 28)
    assert actor_span(sentence, Actor("Syria", "Syria", "SYR"), taken=[(23, 28)]) == (47, 52)
    assert actor_span(sentence, Actor("the Kremlin", "Kremlin", "RUS")) is None


@pytest.mark.parametrize("sentence, event_type, mode, words", [
    ("Bennett speaks with Putin", "CONSULT", None, ["speaks"]),
    ("Netanyahu phoned Putin on Tuesday", "CONSULT", "phone", ["phoned"]),
    ("The two leaders met in Sochi", "CONSULT", None, ["met"]),
    ("They held talks in Lviv", "CONSULT", None, ["held", "talks"]),
    ("He sent a letter", "SUPPORT", None, []),  # 'send' only with its complement ('send wishes')
    ("according to officials they agreed", "AGREE", None, ["agreed"]),
], ids=["speaks", "phoned", "met", "held-talks", "sent-alone", "according"])
def test_web_trigger_words_are_forms_of_the_lexicon(sentence, event_type, mode, words):
    assert [sentence[s:e] for s, e in trigger_spans(sentence, event_type, mode)] == words


def test_web_sentence_marks_of_an_event():
    sentence = "Bennett speaks with Russia’s Putin for first time"
    event = Event("e1", "d", "CONSULT", Evidence(sentence, 10, 10 + len(sentence)),
                  source=Actor("Bennett", "Naftali Bennett", "ISR", "GOV"),
                  target=Actor("Putin", "Vladimir Putin", "RUS", "GOV"))
    marks = {(m.kind, sentence[m.start - 10:m.end - 10]) for m in sentence_marks(event, 10)}
    assert marks == {("source", "Bennett"), ("target", "Putin"), ("trigger", "speaks")}


def test_web_clean_map_moves_offsets_into_the_cleaned_text():
    text = "Menu | Home | World\n\nPutin met Erdogan.\n(Photo: Pool via AP)\nThey agreed to meet again.\n"
    cleaned = CleanMap(text)
    assert cleaned.text == clean(text).text
    start = text.index("Putin")
    span = cleaned.span(start, start + len("Putin met Erdogan."))
    assert cleaned.text[span[0]:span[1]] == "Putin met Erdogan."
    caption = text.index("Photo")
    assert cleaned.span(caption, caption + 5) is None


# -- the chart ---------------------------------------------------------------------------------

def test_web_chart_draws_gaps_and_both_directions():
    rows = (TimelineRow("2016", "ISR", "RUS", 3, (2, 1, 0, 0), 2.5),
            TimelineRow("2016", "RUS", "ISR", 1, (0, 0, 1, 0), -2.0),
            TimelineRow("2019", "ISR", "RUS", 1, (0, 0, 0, 1), -9.0))
    svg = str(timeline_svg(Timeline("ISR", "RUS", "year", rows), link=lambda p: f"/x?p={p}"))
    assert re.findall(r'class="period">(\d+)<', svg) == ["2016", "2017", "2018", "2019"]
    assert len(re.findall(r'<a href="/x\?p=', svg)) == 3
    assert 'data-direction="ISR-RUS"' in svg and 'data-direction="RUS-ISR"' in svg
    assert svg.count('class="q1"') == 1 and svg.count('class="q4"') == 1
    empty = str(timeline_svg(Timeline("ISR", "RUS", "month", ()), link=str))
    assert "no dated events" in empty


# -- the seeds ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds_client(seeds_dir, tmp_path_factory):
    with TestClient(create_app(build_store("seeds", seeds_dir, tmp_path_factory))) as test_client:
        yield test_client


def test_web_seeds_dyad_page_shows_2016_and_2021(seeds_client):
    html = seeds_client.get("/dyad/ISR-RUS").text
    periods = set(re.findall(r'class="bar[^"]*" data-period="(\d{4})', html))
    assert {"2016", "2021"} <= periods


def test_web_seeds_2021_phone_call_highlights_bennett_and_putin(seeds_client):
    calls = seeds_client.get("/api/events?dyad=ISR-RUS&type=CONSULT&since=2021-07&until=2021-07").json()["events"]
    call = next(e for e in calls if e["status"] == "happened" and "speaks" in e["evidence"]["text"])
    html = seeds_client.get("/dyad/ISR-RUS?since=2021&until=2021").text
    assert f'href="/event/{call["id"]}"' in html
    marks = Tags(seeds_client.get(f"/event/{call['id']}").text).marks
    # the target's words are "Russia’s Putin" (the spec's actor text): the name is marked inside them
    assert ("source", "Bennett") in marks and ("trigger", "speaks") in marks
    assert any(kind == "target" and words.endswith("Putin") for kind, words in marks)
