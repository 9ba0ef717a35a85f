"""The store's questions: events by filter, timeline, actors, one event, counts."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

import dyad
from dyad.errors import InputError
from dyad.records import Event
from test_store_corpus import EXPECTED_EVENTS, filled_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "s.duckdb"
    filled_store(path).close()
    with dyad.open(path) as opened:
        yield opened


def ids(events) -> list[str]:
    return [e.id for e in events]


def test_store_queries_all_events_oldest_first(store):
    events = store.events()
    assert all(isinstance(e, Event) for e in events)
    assert sorted(ids(events)) == sorted(EXPECTED_EVENTS)
    assert ids(events)[:3] == ["m-c1", "m-a2", "m-a1"]  # April 2016; June 2016 (month) then its 7th


@pytest.mark.parametrize(("filters", "expected"), [
    ({"dyad": "ISR-RUS", "since": "2016", "until": "2016"}, ["m-c1", "m-a2", "m-a1", "m-d1"]),
    ({"dyad": "RUS-ISR", "since": "2016", "until": "2016"}, ["m-c1", "m-a2", "m-a1", "m-d1"]),
    ({"dyad": ("rus", "isr"), "event_type": "accuse"}, ["m-e1"]),
    ({"actor": "bennett", "event_type": "CONSULT"}, ["m-f1", "m-h1"]),
    ({"actor": "Netanyahu", "since": "2016-06-07", "until": "2016-06-07"}, ["m-a1"]),
    ({"country": "ISR", "status": "planned"}, ["m-f2"]),
    ({"type": "SUPPORT"}, ["m-d1", "m-h3"]),
    ({"doc_id": "2018/plane.txt"}, ["m-e1"]),
    ({"dyad": "ISR-RUS", "limit": 2}, ["m-c1", "m-a2"]),
    ({"dyad": "ISR-USA"}, []),
], ids=["dyad-2016", "dyad-either-direction", "dyad-tuple-and-type", "actor-and-type", "actor-one-day",
        "country-and-status", "type-alias", "doc", "limit", "no-match"])
def test_store_queries_events_by_filter(store, filters, expected):
    assert ids(store.events(**filters)) == expected


def test_store_queries_undated_events_are_placed_at_publication(store):
    [row] = [r for r in store.event_rows(actor="Bennett", event_type="CONSULT") if r["event_id"] == "m-h1"]
    assert row["date"] is None and row["date_estimated"] is True
    assert ids(store.events(since="2021-10-23", until="2021-10-23", event_type="CONSULT")) == ["m-h1"]


@pytest.mark.parametrize(("filters", "message"), [
    ({"dyad": "ISR"}, "two actor country codes"),
    ({"event_type": "MEET"}, "not one of"),
    ({"status": "maybe"}, "not one of"),
    ({"since": "last year"}, "not a date"),
    ({"colour": "red"}, "unknown filter"),
], ids=["dyad", "type", "status", "date", "unknown"])
def test_store_queries_bad_filters_are_input_errors(store, filters, message):
    with pytest.raises(InputError, match=message):
        store.events(**filters)


def test_store_queries_events_table_and_arrow_agree(store):
    table = store.events_table(dyad="ISR-RUS")
    arrow = store.events_arrow(dyad="ISR-RUS")
    assert isinstance(table, pd.DataFrame) and isinstance(arrow, pa.Table)
    assert list(table["event_id"]) == arrow.column("event_id").to_pylist() == ids(store.events(dyad="ISR-RUS"))
    assert {"n_mentions", "n_documents", "source_name", "evidence_text"} <= set(table.columns)
    assert table.set_index("event_id").loc["m-a1", "n_mentions"] == 2


def test_store_queries_timeline_by_month_both_directions(store):
    timeline = store.timeline("ISR", "RUS", by="month")
    rows = {(r.period, r.source, r.target): r for r in timeline.rows}
    june = rows[("2016-06", "ISR", "RUS")]
    assert (june.events, june.quad_classes, june.goldstein_mean) == (2, (2, 0, 0, 0), 2.5)
    assert rows[("2018-09", "RUS", "ISR")].quad_classes == (0, 0, 1, 0)
    assert rows[("2016-10", "RUS", "ISR")].goldstein_mean == 3.4
    assert timeline.imprecise == 0
    assert [r.period for r in timeline.rows] == sorted(r.period for r in timeline.rows)


def test_store_queries_timeline_by_year_and_quarter(store):
    years = {(r.period, r.source): r.events for r in store.timeline("RUS", "ISR", by="year").rows}
    assert years == {("2016", "ISR"): 3, ("2016", "RUS"): 1, ("2018", "RUS"): 1, ("2021", "ISR"): 4}
    quarters = [r.period for r in store.timeline("ISR", "RUS", by="quarter").rows]
    assert quarters[:2] == ["2016-Q2", "2016-Q4"]


def test_store_queries_timeline_counts_events_too_coarse_for_the_period(tmp_path):
    from dyad.store import CodedDocument
    from test_store_corpus import ISRAEL, RUSSIA, corpus, event

    a = corpus()[3].article.with_meta(doc_id="year-only.txt")
    doc = CodedDocument.of(a, [event(a, "y1", "Russia praised Israel as a partner at a reception marking 25 years of relations.",
                                     "SUPPORT", RUSSIA, ISRAEL, "2016")])
    with filled_store(tmp_path / "s.duckdb", [doc]) as store:
        assert store.timeline("ISR", "RUS", by="month").imprecise == 1
        assert [r.events for r in store.timeline("ISR", "RUS", by="year").rows] == [1]


def test_store_queries_timeline_rejects_unknown_period(store):
    with pytest.raises(InputError, match="period"):
        store.timeline("ISR", "RUS", by="week")


def test_store_queries_actors_with_event_counts(store):
    actors = {a.name: a for a in store.actors()}
    assert (actors["Vladimir Putin"].as_source, actors["Vladimir Putin"].as_target) == (0, 7)
    assert actors["Naftali Bennett"].events == 4
    assert [a.name for a in store.actors(country="rus")] == ["Vladimir Putin", "Russia"]
    assert store.actors(limit=1)[0].name == "Vladimir Putin"


def test_store_queries_event_with_all_its_mentions(store):
    detail = store.event("m-f1")
    assert detail.event.date == "2021-07-05"
    assert [(m.event.id, m.event.doc_id, m.title, m.published) for m in detail.mentions] == [
        ("m-f1", "2021/call-a.jsonl:1", "First call", "2021-07-05"),
        ("m-g1", "2021/call-b.jsonl:1", "Phone call", "2021-07-06"),
    ]
    as_json = detail.to_dict()
    assert as_json["mentions"][1]["evidence"]["text"].startswith("Israeli PM Bennett")
    assert store.event("no-such-id") is None


def test_store_queries_counts_and_documents(store):
    assert (store.documents_count(), store.events_count(), store.mentions_count()) == (8, len(EXPECTED_EVENTS), 12)
    article = store.document("2016/moscow-a.txt")
    assert article.title == "Netanyahu in Moscow" and article.url == "https://example.org/a"
    assert store.document("missing") is None
