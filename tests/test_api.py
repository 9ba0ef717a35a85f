"""The HTTP API against a real store built by the real ingest from the
hand-written articles in fixtures/web_articles: filters, cursors, details,
errors, the token check of ingestion, and hostile text."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

from dyad.config import Settings
from dyad.store import EventFilter, open_store, queries

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note about httpx2
    from fastapi.testclient import TestClient

from dyad.api import create_app  # noqa: E402

WEB_ARTICLES = Path(__file__).resolve().parent / "fixtures" / "web_articles"
DYAD = Path(sys.executable).with_name("dyad")
TOKEN = "test-token-0123456789"
HOSTILE = "<script>alert(1)</script>"
_BUILT: dict[str, Path] = {}


def build_store(name: str, folder: Path, tmp_path_factory) -> Path:
    """The articles under ``folder`` ingested once per test run (shared by the test modules)."""
    if name not in _BUILT:
        from dyad.ingest_run import ingest

        db = tmp_path_factory.mktemp(name) / f"{name}.duckdb"
        report = ingest([str(folder)], db, Settings(), workers=1, progress=False)
        assert report.failed == 0, report.failures
        _BUILT[name] = db
    return _BUILT[name]


@pytest.fixture(scope="session")
def web_store(tmp_path_factory) -> Path:
    return build_store("web", WEB_ARTICLES, tmp_path_factory)


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as test_client:
        yield test_client


@pytest.fixture
def writable(web_store, tmp_path):
    """An app with ingestion on, over a copy of the fixture store."""
    db = tmp_path / "copy.duckdb"
    shutil.copy(web_store, db)
    with TestClient(create_app(db, allow_ingest=True, token=TOKEN, max_body_bytes=20_000)) as test_client:
        yield test_client


def store_ids(db: Path, **filters) -> list[str]:
    with open_store(db, read_only=True) as store:
        return [r["event_id"] for r in queries.event_rows(store.con, EventFilter.of(**filters))]


def walk(client, url: str) -> list[dict]:
    events, pages = [], 0
    while url:
        page = client.get(url).json()
        events += page["events"]
        url, pages = page["next_url"], pages + 1
        assert pages < 100
    return events


def _filter_values(events: list[dict]) -> dict[str, dict]:
    """One filter of each kind, with values taken from the store (the coder's
    output changes as it improves; the filters' meaning does not)."""
    # the event record allows a null source or target ("a roadside bomb killed four soldiers")
    with_dyad = [e for e in events if e["target"] and e["target"]["country"] and e["source"] and e["source"]["country"]]
    pairs = [tuple(sorted((e["source"]["country"], e["target"]["country"]))) for e in with_dyad]
    a, b = max(set(pairs), key=pairs.count)
    named = next(e for e in events[len(events) // 2 :] if e["source"])["source"]["name"]
    dates = sorted(e["date"] for e in events if e["date"])
    typed = next(e for e in with_dyad if tuple(sorted((e["source"]["country"], e["target"]["country"]))) == (a, b))
    return {
        "dyad": {"dyad": f"{a}-{b}"},
        "dyad reversed": {"dyad": f"{b}-{a}"},
        "actor": {"actor": named.split()[-1].lower()[1:]},
        "type": {"type": events[-1]["event_type"].lower()},
        "status": {"status": events[0]["status"]},
        "country": {"country": events[-1]["source"]["country"]},
        "since-until": {"since": dates[len(dates) // 3][:4], "until": dates[-1][:7]},
        "dyad+type": {"dyad": f"{b}-{a}", "type": typed["event_type"]},
    }


FILTER_KINDS = ["dyad", "dyad reversed", "actor", "type", "status", "country", "since-until", "dyad+type"]


@pytest.mark.parametrize("kind", FILTER_KINDS)
def test_api_events_filters_as_the_cli(client, web_store, kind):
    filters = _filter_values(walk(client, "/api/events?limit=500"))[kind]
    expected = store_ids(web_store, **filters)
    assert expected, f"{filters} should select something in the fixtures"
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    body = client.get(f"/api/events?{query}&limit=500").json()
    assert [e["id"] for e in body["events"]] == expected
    assert body["total"] == len(expected) and body["next"] is None


def test_api_events_q_needs_every_word_in_the_evidence(client):
    everything = walk(client, "/api/events?limit=500")
    expected = [e["id"] for e in everything
                if {"two", "agreed"} <= set(re.findall(r"\w+", e["evidence"]["text"].lower()))]
    assert len(expected) >= 2
    assert [e["id"] for e in client.get("/api/events?q=Agreed%20TWO&limit=500").json()["events"]] == expected
    assert client.get("/api/events?q=agreed%20zyzzyva").json()["total"] == 0


def test_api_events_pages_cover_every_event_once_in_a_stable_order(client, web_store):
    everything = store_ids(web_store)
    forward = walk(client, "/api/events?limit=5")
    assert [e["id"] for e in forward] == everything
    backward = walk(client, "/api/events?limit=4&order=desc")
    assert [e["id"] for e in backward] == everything[::-1]


def test_api_events_cursor_gives_the_same_page_again(client):
    first = client.get("/api/events?limit=3").json()
    again = [client.get(f"/api/events?limit=3&cursor={first['next']}").json() for _ in range(2)]
    assert again[0] == again[1] and again[0]["events"][0]["id"] != first["events"][0]["id"]


def test_api_event_json_is_the_records_own_dict(web_store):
    from dyad.store.rows import event_from_row
    from dyad.store.web_queries import event_json

    with open_store(web_store, read_only=True) as store:
        rows = queries.event_rows(store.con, EventFilter())
    assert rows
    for row in rows:
        assert event_json(row) == {**event_from_row(row).to_dict(), "date_estimated": row["date_estimated"],
                                   "published": row["published"], "n_mentions": row["n_mentions"],
                                   "n_documents": row["n_documents"]}


def test_api_events_rows_carry_the_record_and_the_merge(client):
    event = client.get("/api/events?limit=1").json()["events"][0]
    assert {"id", "doc_id", "event_type", "quad_class", "goldstein", "status", "source", "target", "date",
            "evidence", "confidence", "date_estimated", "published", "n_mentions", "n_documents"} <= set(event)
    assert set(event["evidence"]) == {"text", "start", "end"}


@pytest.mark.parametrize("query", [
    "type=VISIT", "since=2016-13", "status=maybe", "dyad=ISRRUS", "limit=0", "limit=100000",
    "cursor=not-a-cursor", "order=sideways",
], ids=lambda q: q.split("=")[0] + ":" + q.split("=")[1][:10])
def test_api_events_bad_parameter_is_422_with_the_reason(client, query):
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert response.json()["detail"]


def test_api_every_event_has_its_mentions_as_the_store_tells_them(client, web_store):
    with open_store(web_store, read_only=True) as store:
        expected = {e: json.loads(json.dumps(store.event(e).to_dict())) for e in store_ids(web_store)}
    assert len(expected) > 5 and any(len(d["mentions"]) > 1 for d in expected.values())
    for event_id, detail in expected.items():
        assert client.get(f"/api/events/{event_id}").json() == detail
        assert all(m["document"]["published"] for m in detail["mentions"])


def test_api_unknown_event_or_document_is_404(client):
    assert client.get("/api/events/0000000000000000").status_code == 404
    assert client.get("/api/documents/nope.txt").status_code == 404
    assert client.get("/api/actors/Nobody%20At%20All").status_code == 404


def test_api_document_offsets_point_into_its_text_and_clean_text(client):
    body = client.get("/api/documents/2018-09-18_il20.txt").json()
    assert body["title"] and body["published"] == "2018-09-18" and body["mentions"]
    for m in body["mentions"]:
        start, end = m["evidence"]["start"], m["evidence"]["end"]
        assert body["text"][start:end] == m["evidence"]["text"]
        assert body["clean_text"][m["clean_start"]:m["clean_end"]] == m["evidence"]["text"]
        assert client.get(f"/api/events/{m['event_id']}").status_code == 200
    assert "source_path" not in body  # no file path of the server leaves it


def test_api_timeline_matches_the_store(client, web_store):
    body = client.get("/api/timeline?a=ISR&b=RUS&by=month").json()
    with open_store(web_store, read_only=True) as store:
        expected = store.timeline("ISR", "RUS", by="month").to_dict()
    assert body["imprecise"] == expected["imprecise"]
    for mine, theirs in zip(body["rows"], expected["rows"], strict=True):
        assert mine == {**theirs, "quad_classes": list(theirs["quad_classes"]), "goldstein_mean": pytest.approx(
            theirs["goldstein_mean"], abs=1e-3)}
    assert client.get("/api/timeline?a=ISR&b=RUS&by=week").status_code == 422


def test_api_actors_and_dyads(client, web_store):
    with open_store(web_store, read_only=True) as store:
        expected = [a.to_dict() for a in store.actors()]
    assert client.get("/api/actors?limit=10000").json() == expected
    assert client.get("/api/actors?country=tur").json() == [a for a in expected if a["country"] == "TUR"]
    dyads = client.get("/api/dyads").json()
    assert dyads[0]["dyad"] == "ISR-RUS" and dyads[0]["events"] == len(store_ids(web_store, dyad="ISR-RUS"))
    assert [d["events"] for d in dyads] == sorted((d["events"] for d in dyads), reverse=True)
    assert dyads[0]["a_to_b"] + dyads[0]["b_to_a"] == dyads[0]["events"]


def test_api_actor_and_dyad_twins(client, web_store):
    actor = client.get("/api/actors/Vladimir%20Putin").json()
    assert actor["records"][0]["country"] == "RUS" and actor["events"]["total"] >= 2
    assert all("Vladimir Putin" in (e["source"]["name"], (e["target"] or {}).get("name"))
               for e in actor["events"]["events"])
    dyad = client.get("/api/dyads/ISR-RUS?by=year").json()
    assert dyad["timeline"]["by"] == "year"
    assert [e["id"] for e in dyad["events"]["events"]] == store_ids(web_store, dyad="ISR-RUS")


def test_api_openapi_and_docs_need_nothing_from_elsewhere(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/timeline", "/api/actors",
            "/api/dyads"} <= paths
    docs = client.get("/docs")
    assert docs.status_code == 200 and "text/html" in docs.headers["content-type"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", docs.text)
    for path in paths:
        assert path in docs.text
    assert client.get("/redoc").status_code == 404


def test_api_ingest_is_absent_when_off(client):
    assert client.post("/api/documents", json={"id": "x", "text": "y"}).status_code in (404, 405)
    assert "post" not in client.get("/openapi.json").json()["paths"].get("/api/documents", {})


def test_api_ingest_needs_the_bearer_token(writable):
    article = {"id": "t.txt", "text": "Putin met Erdogan in Tehran on Tuesday."}
    missing = writable.post("/api/documents", json=article)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert writable.post("/api/documents", json=article, headers={"Authorization": "Basic abc"}).status_code == 401
    assert writable.post("/api/documents", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403


def test_api_ingest_refuses_a_body_over_the_limit(writable):
    big = {"id": "big.txt", "text": "Putin met Erdogan. " * 2000}
    response = writable.post("/api/documents", json=big, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 413


BAD_ARTICLES = {
    "not json": b"{not json",
    "no text": [{"id": "a.txt"}],
    "blank text": [{"id": "a.txt", "text": "   "}],
    "bad date": [{"id": "a.txt", "text": "Putin met Erdogan.", "published": "2022-13-40"}],
    "unknown field": [{"id": "a.txt", "text": "Putin met Erdogan.", "body": "?"}],
    "same id twice": [{"id": "a.txt", "text": "Putin met Erdogan."}, {"id": "a.txt", "text": "Again."}],
    "one bad of two": [{"id": "ok.txt", "text": "Putin met Erdogan in Tehran."}, {"id": "", "text": "x"}],
    "empty list": [],
    "a number": 42,
}


@pytest.mark.parametrize("body", BAD_ARTICLES.values(), ids=BAD_ARTICLES.keys())
def test_api_ingest_bad_article_is_422_and_stores_nothing(writable, body):
    def state():
        events = walk(writable, "/api/events?limit=500")
        return events, [writable.get(f"/api/documents/{doc}").json() for doc in sorted({e["doc_id"] for e in events})]

    before = state()
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    response = writable.post("/api/documents", content=content,
                             headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert response.status_code == 422
    assert response.json()["detail"]
    assert state() == before


def test_api_ingest_codes_stores_and_shows_new_articles(writable):
    articles = [{"id": "tehran.txt", "title": "Putin meets Erdogan in Tehran", "published": "2022-07-19",
                 "text": "Putin meets Erdogan in Tehran\n\nPutin met Erdogan in Tehran on Tuesday, with Iran's "
                         "President Ebrahim Raisi as their host."}]
    headers = {"Authorization": f"Bearer {TOKEN}"}
    before = writable.get("/api/overview").json()["counts"]
    response = writable.post("/api/documents", json=articles, headers=headers)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["documents"][0]["outcome"] == "new" and report["documents"][0]["events"] >= 1
    assert report["store"]["documents"] == before["documents"] + 1
    found = writable.get("/api/events?q=Tehran").json()
    assert found["total"] >= 1 and found["events"][0]["doc_id"] == "tehran.txt"
    assert writable.get("/api/documents/tehran.txt").json()["title"] == "Putin meets Erdogan in Tehran"
    again = writable.post("/api/documents", json=articles[0], headers=headers).json()
    assert again["documents"][0]["outcome"] == "unchanged"


def test_api_empty_store_serves_every_page_then_takes_an_article(tmp_path):
    with TestClient(create_app(tmp_path / "new.duckdb", allow_ingest=True, token=TOKEN)) as empty:
        for url in ("/", "/events?q=putin", "/dyads", "/dyad/ISR-RUS", "/actors", "/api/overview", "/api/events",
                    "/api/timeline?a=ISR&b=RUS", "/api/dyads/ISR-RUS"):
            assert empty.get(url).status_code == 200, url
        assert empty.get("/api/events").json() == {"total": 0, "next": None, "next_url": None, "events": []}
        article = {"id": "sochi.txt", "text": "Putin met Erdogan in Sochi on Friday.", "published": "2022-08-05"}
        assert empty.post("/api/documents", json=article, headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert empty.get("/api/events").json()["total"] >= 1


def test_api_ingest_without_a_token_does_not_start(web_store):
    with pytest.raises(Exception, match="DYAD_API_TOKEN"):
        create_app(web_store, allow_ingest=True, token=None)


def test_api_hostile_text_is_escaped_everywhere(client):
    doc = client.get("/api/documents/2022-08-05_sochi.txt").json()
    assert doc["title"].startswith(HOSTILE)  # the data keeps what was written...
    event_id = doc["mentions"][0]["event_id"]
    for url in ("/document/2022-08-05_sochi.txt", f"/event/{event_id}", "/events?country=TUR"):
        page = client.get(url)
        assert page.status_code == 200
        assert HOSTILE not in page.text  # ...the pages show it as text
    page = client.get("/document/2022-08-05_sochi.txt").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Web Fixtures &lt;b&gt;&amp;amp;&lt;/b&gt;" in page


def test_api_headers_cors_off_and_strict_policy(client):
    response = client.get("/api/overview", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_cors_when_asked_for(web_store, tmp_path):
    db = tmp_path / "cors.duckdb"
    shutil.copy(web_store, db)
    with TestClient(create_app(db, cors_origins=["https://ok.example"])) as cors:
        response = cors.get("/api/overview", headers={"Origin": "https://ok.example"})
        assert response.headers["access-control-allow-origin"] == "https://ok.example"


def test_api_server_errors_show_no_trace(web_store, tmp_path):
    db = tmp_path / "broken.duckdb"
    shutil.copy(web_store, db)
    app = create_app(db)
    with TestClient(app, raise_server_exceptions=False) as broken:
        event_id = broken.get("/api/events?limit=1").json()["events"][0]["id"]
        app.state.service.close()  # the database goes away under the server
        for url in (f"/api/events/{event_id}", f"/event/{event_id}"):
            response = broken.get(url)
            assert response.status_code == 500
            assert "Traceback" not in response.text and "duckdb" not in response.text.lower()


def test_api_serve_command_prints_its_address_and_answers(web_store, tmp_path):
    db = tmp_path / "served.duckdb"
    shutil.copy(web_store, db)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([str(DYAD), "serve", "--db", str(db), "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in line and "read-only" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and process.poll() is None, process.stderr.read()
                time.sleep(0.2)
        assert response.status_code == 200 and response.json()["counts"]["documents"] == 4
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_api_serve_refuses_ingest_without_a_token(web_store):
    env = {k: v for k, v in os.environ.items() if k != "DYAD_API_TOKEN"}
    result = subprocess.run([str(DYAD), "serve", "--db", str(web_store), "--allow-ingest"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 2 and "DYAD_API_TOKEN" in result.stderr
