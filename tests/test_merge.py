"""The merge rule (dyad.merge) on its own, and as the store applies it."""

from __future__ import annotations

import itertools

import pytest

from dyad.merge import (
    Mention, actor_key, block_key, cluster, dates_compatible, merge_events, same_event,
)
from dyad.records import Actor, Article
from dyad.store import CodedDocument
from test_store_corpus import EXPECTED_EVENTS, NETANYAHU, PUTIN, corpus, event, filled_store, store_state


def mention(mention_id="x", key="CONSULT|ISR/GOV|RUS/GOV", date=None, published="2021-07-05",
            words="bennett putin spoke phone", status="happened", doc_id=None, start=0) -> Mention:
    return Mention(mention_id, doc_id or f"{mention_id}.txt", key, status, date, published, start, frozenset(words.split()))


@pytest.mark.parametrize(("a", "b", "expected"), [
    ("2021-07-05", "2021-07-05", True),
    ("2021-07", "2021-07-05", True),
    ("2021", "2021-07-05", True),
    ("2021-07-05", "2021-07-06", False),
    ("2021-07", "2021-08-01", False),
    ("2020", "2021", False),
], ids=["same-day", "month-contains-day", "year-contains-day", "other-day", "other-month", "other-year"])
def test_merge_dates_compatible_when_equal_or_contained(a, b, expected):
    assert dates_compatible(mention(date=a), mention(date=b)) is expected


@pytest.mark.parametrize(("pub_a", "pub_b", "expected"), [
    ("2021-07-05", "2021-07-08", True),
    ("2021-07-05", "2021-07-09", False),
    ("2021-07-05", None, False),
], ids=["three-days-apart", "four-days-apart", "unknown-publication"])
def test_merge_undated_mentions_need_close_publication_dates(pub_a, pub_b, expected):
    assert dates_compatible(mention(published=pub_a), mention(date="2021-07-05", published=pub_b)) is expected


def test_merge_actor_key_uses_country_and_sector_else_name():
    assert actor_key(PUTIN) == "RUS/GOV"
    assert actor_key(Actor("the Kremlin", "Kremlin", "RUS", "GOV")) == "RUS/GOV"
    assert actor_key(Actor("Hamas", "Hamas")) == "hamas"
    assert actor_key(None) == "-"


def test_merge_block_key_is_symmetric_only_for_symmetric_types():
    assert block_key("CONSULT", "RUS/GOV", "ISR/GOV") == block_key("CONSULT", "ISR/GOV", "RUS/GOV")
    assert block_key("ACCUSE", "RUS/GOV", "ISR/GOV") != block_key("ACCUSE", "ISR/GOV", "RUS/GOV")


def test_merge_day_dates_merge_without_similar_words():
    a = mention("a", date="2021-07-05", words="bennett spoke putin")
    b = mention("b", date="2021-07-05", words="kremlin statement conversation leaders")
    assert same_event(a, b)


def test_merge_coarse_dates_need_similar_words():
    a = mention("a", date="2021-07", words="bennett spoke putin phone")
    b = mention("b", date="2021-07", words="kremlin statement conversation leaders")
    assert not same_event(a, b)
    assert same_event(a, mention("c", date="2021-07-05", words="bennett putin phone call"))


def test_merge_negated_stays_apart_from_happened_but_planned_merges():
    a = mention("a", date="2021-07-05")
    assert not same_event(a, mention("b", date="2021-07-05", status="negated"))
    assert same_event(a, mention("c", date="2021-07-05", status="planned"))


def test_merge_never_chains_two_days_through_a_coarse_date():
    words = "bennett putin met talks"
    mentions = [mention("a", date="2021-07-05", words=words, published="2021-07-05"),
                mention("b", date="2021", words=words, published="2021-07-06"),
                mention("c", date="2021-08-10", words=words, published="2021-08-10")]
    events = [[m.mention_id for m in members] for _, members in cluster(mentions)]
    assert events == [["a", "b"], ["c"]]


def test_merge_clusters_do_not_depend_on_order():
    mentions = [mention(str(i), date=d, published=p, words=w) for i, (d, p, w) in enumerate([
        ("2021-07-05", "2021-07-05", "bennett putin spoke"),
        ("2021-07", "2021-07-06", "bennett putin phone spoke"),
        (None, "2021-07-07", "bennett putin phone spoke call"),
        ("2021-07-06", "2021-07-07", "other words entirely"),
        ("2021", "2021-07-09", "bennett putin spoke year"),
    ])]
    results = {tuple(tuple(m.mention_id for m in members) for _, members in cluster(order))
               for order in itertools.permutations(mentions)}
    assert len(results) == 1


def test_merge_events_in_memory_keeps_all_mentions_and_earliest_id():
    merged = merge_events([e for d in corpus() for e in d.events], {d.article.doc_id: d.article.published for d in corpus()})
    assert {m.event.id: {x.id for x in m.mentions} for m in merged} == EXPECTED_EVENTS


def test_merge_representative_takes_most_precise_date_and_any_location():
    docs = corpus()
    merged = {m.event.id: m.event for m in merge_events([e for d in docs for e in d.events],
                                                        {d.article.doc_id: d.article.published for d in docs})}
    assert merged["m-f1"].date == "2021-07-05"  # from the day-dated mention, not the month-dated one
    assert merged["m-h1"].location is not None


def test_merge_store_same_event_from_two_documents_is_one_event_with_two_mentions(tmp_path):
    with filled_store(tmp_path / "s.duckdb") as store:
        detail = store.event("m-a1")
        assert [m.event.id for m in detail.mentions] == ["m-a1", "m-b1"]
        assert detail.n_documents == 2
        assert store.events_count() == len(EXPECTED_EVENTS)


def test_merge_store_different_events_stay_apart(tmp_path):
    with filled_store(tmp_path / "s.duckdb") as store:
        mentions = dict(store.con.execute("SELECT mention_id, event_id FROM mentions").fetchall())
        assert mentions["m-c1"] != mentions["m-a1"]  # April and June meetings
        assert mentions["m-h3"] != mentions["m-h1"]  # SUPPORT and CONSULT in one sentence
        assert mentions["m-f2"] != mentions["m-a2"]  # AGREE in 2016 and 2021


def test_merge_store_equals_in_memory_merge(tmp_path):
    with filled_store(tmp_path / "s.duckdb") as store:
        stored = {}
        for mention_id, event_id in store.con.execute("SELECT mention_id, event_id FROM mentions").fetchall():
            stored.setdefault(event_id, set()).add(mention_id)
    assert stored == EXPECTED_EVENTS


@pytest.mark.parametrize("order", ["reversed", "one-by-one", "interleaved"])
def test_merge_store_does_not_depend_on_write_order(tmp_path, order):
    docs = corpus()
    with filled_store(tmp_path / "ref.duckdb") as reference:
        expected = store_state(reference)
    with filled_store(tmp_path / "s.duckdb", []) as store:
        writer = store.writer()
        if order == "reversed":
            writer.write(docs[::-1])
        elif order == "one-by-one":
            for doc in docs[::-1]:
                writer.write([doc])
        else:
            writer.write(docs[1::2])
            writer.write(docs[0::2])
        assert store_state(store) == expected


def test_merge_store_new_report_joins_an_existing_event(tmp_path):
    late = Article("2016/late.txt", "Late report\n\nNetanyahu and Putin met on June 7.", published="2016-06-20")
    with filled_store(tmp_path / "s.duckdb") as store:
        store.writer().write([CodedDocument.of(late, [
            event(late, "m-late", "Netanyahu and Putin met on June 7.", "CONSULT", NETANYAHU, PUTIN, "2016-06-07")])])
        assert [m.event.id for m in store.event("m-a1").mentions] == ["m-a1", "m-b1", "m-late"]
