"""The single writer: idempotent upserts, replacement, failures, deletion."""

from __future__ import annotations

from dyad.store import CodedDocument
from test_store_corpus import EXPECTED_EVENTS, PUTIN, corpus, event, filled_store, store_state


def test_store_writer_same_documents_again_change_nothing(tmp_path):
    with filled_store(tmp_path / "s.duckdb") as store:
        before = store_state(store)
        results = store.writer().write(corpus())
        assert {r.outcome for r in results} == {"unchanged"}
        assert store_state(store) == before


def test_store_writer_reports_new_documents_and_their_events(tmp_path):
    with filled_store(tmp_path / "s.duckdb", []) as store:
        results = store.writer().write(corpus()[:2])
        assert [(r.doc_id, r.outcome, r.events) for r in results] == [
            ("2016/moscow-a.txt", "new", 2), ("2016/moscow-b.txt", "new", 1)]


def test_store_writer_changed_document_replaces_its_events(tmp_path):
    docs = corpus()
    b = docs[1].article
    changed = b.with_meta(text=b.text.replace("the fourth meeting in a year", "their fourth meeting"))
    sentence = "Putin hosted Netanyahu at the Kremlin on Tuesday, their fourth meeting."
    new_event = event(changed, "m-b1-v2", sentence, "CONSULT", PUTIN, docs[0].events[0].source, "2016-06-07")
    with filled_store(tmp_path / "s.duckdb", docs) as store:
        [result] = store.writer().write([CodedDocument.of(changed, [new_event])])
        assert result.outcome == "replaced"
        mentions = store.con.execute(
            "SELECT mention_id, event_id FROM mentions WHERE doc_id = ?", [b.doc_id]).fetchall()
        assert mentions == [("m-b1-v2", "m-a1")]  # the old mention is gone; the new one merged
        assert store.document(b.doc_id).text == changed.text
        assert store.documents_count() == len(docs)
        assert store.events_count() == len(EXPECTED_EVENTS)


def test_store_writer_replacing_the_earliest_report_renames_the_event(tmp_path):
    docs = corpus()
    a = docs[0].article
    with filled_store(tmp_path / "s.duckdb", docs) as store:
        store.writer().write([CodedDocument.of(a.with_meta(text=a.text + "\nCorrection."), [])])
        assert store.event("m-a1") is None
        assert [m.event.id for m in store.event("m-b1").mentions] == ["m-b1"]
        assert store.con.execute("SELECT count(*) FROM mentions WHERE doc_id = ?", [a.doc_id]).fetchall() == [(0,)]


def test_store_writer_changed_then_restored_document_equals_the_original(tmp_path):
    docs = corpus()
    with filled_store(tmp_path / "ref.duckdb", docs) as reference:
        expected = store_state(reference)
    with filled_store(tmp_path / "s.duckdb", docs) as store:
        a = docs[0].article
        store.writer().write([CodedDocument.of(a.with_meta(text=a.text + " More."), [])])
        store.writer().write([docs[0]])
        assert store_state(store) == expected


def test_store_writer_same_doc_twice_in_one_batch_keeps_the_later(tmp_path):
    docs = corpus()
    a = docs[0].article
    later = CodedDocument.of(a.with_meta(title="Corrected"), docs[0].events)
    with filled_store(tmp_path / "s.duckdb", []) as store:
        outcomes = [r.outcome for r in store.writer().write([docs[0], later])]
        assert outcomes == ["new", "replaced"]
        assert store.document(a.doc_id).title == "Corrected"


def test_store_writer_one_bad_document_fails_alone(tmp_path):
    docs = corpus()
    clash = docs[1].article.with_meta(doc_id="2016/clash.txt")
    bad = CodedDocument.of(clash, [docs[0].events[0].replace(doc_id=clash.doc_id)])  # reuses an event id
    with filled_store(tmp_path / "s.duckdb", docs[:1]) as store:
        results = store.writer().write([bad, docs[2]])
        assert [r.outcome for r in results] == ["failed", "new"]
        assert "cannot store" in results[0].problem
        assert store.document("2016/clash.txt") is None
        assert store.documents_count() == 2


def test_store_writer_events_without_ids_get_stable_unique_ids(tmp_path):
    docs = corpus()
    anonymous = CodedDocument.of(docs[7].article, [e.replace(id="") for e in docs[7].events])
    with filled_store(tmp_path / "a.duckdb", [anonymous]) as one, filled_store(tmp_path / "b.duckdb", [anonymous]) as two:
        ids = store_state(one)["mentions"]
        assert ids == store_state(two)["mentions"]
        assert len({row[0] for row in ids}) == 3


def test_store_writer_delete_removes_documents_and_merges_again(tmp_path):
    with filled_store(tmp_path / "s.duckdb") as store:
        assert store.writer().delete(["2016/moscow-a.txt", "nope.txt"]) == 1
        assert store.event("m-a1") is None
        assert store.event("m-b1").event.doc_id == "2016/moscow-b.txt"
        names = {a.name for a in store.actors()}
        assert "Benjamin Netanyahu" in names  # still in the remaining events


def test_store_writer_actors_without_events_are_removed(tmp_path):
    docs = corpus()
    with filled_store(tmp_path / "s.duckdb", docs) as store:
        store.writer().delete([d.article.doc_id for d in docs if d.article.doc_id.startswith("2021/")])
        names = {row[0] for row in store.con.execute("SELECT name FROM actors").fetchall()}
        assert "Naftali Bennett" not in names
        assert "Vladimir Putin" in names
