"""Hand-built coded documents shared by the store, merge and export tests (this
module holds no tests). Real Israel-Russia contacts, told in our own words,
coded by hand as the coder would code them."""

from __future__ import annotations

from pathlib import Path

from dyad.records import Actor, Article, Event, Evidence, Place
from dyad.store import CodedDocument, Store, open_store

NETANYAHU = Actor("Netanyahu", "Benjamin Netanyahu", "ISR", "GOV", "Q43723")
BENNETT = Actor("Bennett", "Naftali Bennett", "ISR", "GOV", "Q3334618")
PUTIN = Actor("Putin", "Vladimir Putin", "RUS", "GOV", "Q7747")
RUSSIA = Actor("Russia", "Russia", "RUS", None, "Q159")
ISRAEL = Actor("Israel", "Israel", "ISR", None, "Q801")
MOSCOW = Place("Moscow", "Moscow", "RUS", 55.75, 37.62)
SOCHI = Place("Sochi", "Sochi", "RUS", 43.6, 39.73)

CODES = {  # event type -> (cameo, quad class, goldstein)
    "CONSULT": ("040", 1, 1.0),
    "AGREE": ("030", 1, 4.0),
    "SUPPORT": ("051", 1, 3.4),
    "ACCUSE": ("112", 3, -2.0),
}


def event(doc: Article, event_id: str, sentence: str, event_type: str, source: Actor | None, target: Actor | None,
          date: str | None = None, status: str = "happened", mode: str | None = None,
          location: Place | None = None) -> Event:
    start = doc.text.index(sentence)
    cameo, quad, goldstein = CODES[event_type]
    return Event(
        id=event_id, doc_id=doc.doc_id, event_type=event_type, evidence=Evidence(sentence, start, start + len(sentence)),
        mode=mode, cameo=cameo, quad_class=quad, goldstein=goldstein, status=status, source=source, target=target,
        date=date, date_text=None, location=location, confidence=0.8,
    )


def corpus() -> list[CodedDocument]:
    """Eight documents, twelve mentions, nine real-world events once merged."""
    docs = []

    a = Article("2016/moscow-a.txt", (
        "Netanyahu in Moscow\n\nIsraeli Prime Minister Netanyahu met Putin in Moscow on Tuesday. "
        "The two leaders agreed to expand cooperation on trade."
    ), title="Netanyahu in Moscow", published="2016-06-07", url="https://example.org/a", outlet="Example Times")
    docs.append(CodedDocument.of(a, [
        event(a, "m-a1", "Israeli Prime Minister Netanyahu met Putin in Moscow on Tuesday.", "CONSULT",
              NETANYAHU, PUTIN, "2016-06-07", mode="visit", location=MOSCOW),
        event(a, "m-a2", "The two leaders agreed to expand cooperation on trade.", "AGREE", NETANYAHU, PUTIN, "2016-06"),
    ]))

    b = Article("2016/moscow-b.txt", (
        "Kremlin talks\n\nPutin hosted Netanyahu at the Kremlin on Tuesday, the fourth meeting in a year."
    ), title="Kremlin talks", published="2016-06-08", outlet="Daily Example")
    docs.append(CodedDocument.of(b, [
        event(b, "m-b1", "Putin hosted Netanyahu at the Kremlin on Tuesday, the fourth meeting in a year.", "CONSULT",
              PUTIN, NETANYAHU, "2016-06-07", mode="visit"),
    ]))

    c = Article("2016/april.txt", (
        "April visit\n\nNetanyahu met Putin in Moscow to discuss Syria."
    ), title="April visit", published="2016-04-21", outlet="Example Times")
    docs.append(CodedDocument.of(c, [
        event(c, "m-c1", "Netanyahu met Putin in Moscow to discuss Syria.", "CONSULT", NETANYAHU, PUTIN, "2016-04-21",
              mode="visit", location=MOSCOW),
    ]))

    d = Article("2016/embassy.txt", (
        "Embassy reception\n\nRussia praised Israel as a partner at a reception marking 25 years of relations."
    ), title="Embassy reception", published="2016-10-18")
    docs.append(CodedDocument.of(d, [
        event(d, "m-d1", "Russia praised Israel as a partner at a reception marking 25 years of relations.", "SUPPORT",
              RUSSIA, ISRAEL, "2016-10-18"),
    ]))

    e = Article("2018/plane.txt", (
        "Plane downed\n\nRussia blamed Israel for the loss of its plane over Syria."
    ), title="Plane downed", published="2018-09-18")
    docs.append(CodedDocument.of(e, [
        event(e, "m-e1", "Russia blamed Israel for the loss of its plane over Syria.", "ACCUSE", RUSSIA, ISRAEL, "2018-09-17"),
    ]))

    f = Article("2021/call-a.jsonl:1", (
        "First call\n\nBennett spoke with Putin by phone on Monday. They agreed to meet soon."
    ), title="First call", published="2021-07-05")
    docs.append(CodedDocument.of(f, [
        event(f, "m-f1", "Bennett spoke with Putin by phone on Monday.", "CONSULT", BENNETT, PUTIN, "2021-07-05", mode="phone"),
        event(f, "m-f2", "They agreed to meet soon.", "AGREE", BENNETT, PUTIN, None, status="planned"),
    ]))

    g = Article("2021/call-b.jsonl:1", (
        "Phone call\n\nIsraeli PM Bennett and Russian President Putin held a phone call this month."
    ), title="Phone call", published="2021-07-06")
    docs.append(CodedDocument.of(g, [
        event(g, "m-g1", "Israeli PM Bennett and Russian President Putin held a phone call this month.", "CONSULT",
              PUTIN, BENNETT, "2021-07", mode="phone"),
    ]))

    h = Article("2021/sochi-a.txt", (
        "Sochi\n\nBennett met Putin in Sochi for five hours. Bennett met Putin in Sochi and thanked him."
    ), title="Sochi", published="2021-10-23")
    docs.append(CodedDocument.of(h, [
        event(h, "m-h1", "Bennett met Putin in Sochi for five hours.", "CONSULT", BENNETT, PUTIN, None, location=SOCHI),
        event(h, "m-h2", "Bennett met Putin in Sochi and thanked him.", "CONSULT", BENNETT, PUTIN, None),
        event(h, "m-h3", "Bennett met Putin in Sochi and thanked him.", "SUPPORT", BENNETT, PUTIN, None),
    ]))
    return docs


EXPECTED_EVENTS = {  # event id -> its mention ids, once the corpus is merged
    "m-c1": {"m-c1"},
    "m-a1": {"m-a1", "m-b1"},
    "m-a2": {"m-a2"},
    "m-d1": {"m-d1"},
    "m-e1": {"m-e1"},
    "m-f1": {"m-f1", "m-g1"},
    "m-f2": {"m-f2"},
    "m-h1": {"m-h1", "m-h2"},
    "m-h3": {"m-h3"},
}


def filled_store(path: Path, docs: list[CodedDocument] | None = None) -> Store:
    store = open_store(path)
    store.writer().write(docs if docs is not None else corpus())
    return store


def store_state(store: Store) -> dict:
    """What must not depend on how or in what order a store was written."""
    con = store.con
    return {
        "documents": con.execute("SELECT doc_id, content_hash, n_events FROM documents ORDER BY doc_id").fetchall(),
        "mentions": con.execute("SELECT mention_id, doc_id, event_id FROM mentions ORDER BY mention_id").fetchall(),
        "events": con.execute(
            "SELECT event_id, doc_id, n_mentions, n_documents, date, status, confidence FROM events ORDER BY event_id"
        ).fetchall(),
        "actors": con.execute("SELECT * FROM actors ORDER BY actor_id").fetchall(),
    }
