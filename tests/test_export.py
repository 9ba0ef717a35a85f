"""Exports: every format and layout, written and read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from dyad.errors import InputError, StoreError
from dyad.export import LAYOUTS, export, layouts_markdown
from dyad.records import Event
from dyad.store import EventFilter, open_store
from test_store_corpus import EXPECTED_EVENTS, filled_store

DOCS = Path(__file__).resolve().parents[1] / "docs" / "export-layouts.md"
N_MENTIONS = sum(len(m) for m in EXPECTED_EVENTS.values())


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "s.duckdb"
    filled_store(path).close()
    with open_store(path, read_only=True) as opened:
        yield opened


def read_back(path: Path, fmt: str) -> list[dict]:
    if fmt == "jsonl":
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if fmt == "csv":
        with path.open(newline="", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    return pq.read_table(path).to_pylist()


def expected_columns(layout: str, level: str, fmt: str) -> list[str]:
    names = []
    for column in LAYOUTS[layout].for_level(level):
        if column.parts and fmt == "csv":
            names += [f"{column.name}_{p.name}" for p in column.parts]
        else:
            names.append(column.name)
    return names


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("layout", ["native", "polecat", "gdelt"])
@pytest.mark.parametrize("mentions", [False, True], ids=["events", "mentions"])
def test_export_every_format_and_layout_reads_back(store, tmp_path, fmt, layout, mentions):
    path = tmp_path / f"out.{fmt}"
    report = export(store, path, layout=layout, mentions=mentions)
    rows = read_back(path, fmt)
    level = "mentions" if mentions else "events"
    assert report.rows == len(rows) == (N_MENTIONS if mentions else len(EXPECTED_EVENTS))
    assert list(rows[0]) == expected_columns(layout, level, fmt)
    assert not Path(f"{path}.part").exists()


def test_export_native_jsonl_events_are_event_records(store, tmp_path):
    export(store, tmp_path / "e.jsonl")
    rows = read_back(tmp_path / "e.jsonl", "jsonl")
    assert [Event.from_dict(r) for r in rows] == store.events()
    [merged] = [r for r in rows if r["id"] == "m-a1"]
    assert (merged["n_mentions"], merged["n_documents"], merged["doc_ids"]) == (2, 2, ["2016/moscow-a.txt", "2016/moscow-b.txt"])
    assert merged["source"]["wikidata"] == "Q43723" and merged["location"]["name"] == "Moscow"


def test_export_native_mentions_tell_their_event(store, tmp_path):
    export(store, tmp_path / "m.parquet", mentions=True)
    rows = {r["id"]: r for r in read_back(tmp_path / "m.parquet", "parquet")}
    assert rows["m-b1"]["event_id"] == "m-a1"
    assert rows["m-b1"]["source"]["name"] == "Vladimir Putin"  # as coded in that report
    assert rows["m-b1"]["title"] == "Kremlin talks" and rows["m-b1"]["published"] == "2016-06-08"
    assert rows["m-h1"]["location"]["name"] == "Sochi" and rows["m-h2"]["location"] is None


def test_export_native_csv_flattens_objects_and_lists(store, tmp_path):
    export(store, tmp_path / "e.csv")
    rows = {r["id"]: r for r in read_back(tmp_path / "e.csv", "csv")}
    assert rows["m-a1"]["source_name"] == "Benjamin Netanyahu"
    assert rows["m-a1"]["evidence_start"] == str(store.event("m-a1").event.evidence.start)
    assert rows["m-a1"]["doc_ids"] == "2016/moscow-a.txt;2016/moscow-b.txt"
    assert rows["m-d1"]["source_sector"] == "" and rows["m-d1"]["location_name"] == ""


def test_export_gdelt_columns_carry_gdelt_conventions(store, tmp_path):
    export(store, tmp_path / "g.parquet", layout="gdelt")
    rows = {r["GLOBALEVENTID"]: r for r in read_back(tmp_path / "g.parquet", "parquet")}
    meeting = rows["m-a1"]
    assert (meeting["SQLDATE"], meeting["MonthYear"], meeting["Year"]) == (20160607, 201606, 2016)
    assert (meeting["Actor1Code"], meeting["Actor1Name"], meeting["Actor2CountryCode"]) == ("ISRGOV", "BENJAMIN NETANYAHU", "RUS")
    assert (meeting["EventCode"], meeting["EventRootCode"], meeting["QuadClass"]) == ("040", "04", 1)
    assert (meeting["NumMentions"], meeting["NumSources"], meeting["NumArticles"]) == (2, 2, 2)
    assert meeting["SOURCEURL"] == "https://example.org/a"
    assert rows["m-a2"]["SQLDATE"] is None and rows["m-a2"]["MonthYear"] == 201606
    assert rows["m-d1"]["Actor1Code"] == "RUS"


def test_export_gdelt_mentions_table(store, tmp_path):
    export(store, tmp_path / "gm.csv", layout="gdelt", mentions=True)
    rows = [r for r in read_back(tmp_path / "gm.csv", "csv") if r["GLOBALEVENTID"] == "m-a1"]
    assert [(r["DyadMentionID"], r["MentionTimeDate"], r["MentionSourceName"]) for r in rows] == [
        ("m-a1", "20160607", "Example Times"), ("m-b1", "20160608", "Daily Example")]
    assert rows[0]["Confidence"] == "80"


def test_export_polecat_columns(store, tmp_path):
    export(store, tmp_path / "p.jsonl", layout="polecat")
    rows = {r["Event ID"]: r for r in read_back(tmp_path / "p.jsonl", "jsonl")}
    plane = rows["m-e1"]
    assert (plane["Event Type"], plane["Quad Code"], plane["Intensity"]) == ("ACCUSE", "VERBAL CONFLICT", -2.0)
    assert (plane["Actor Name"], plane["Recipient Country"], plane["Actor COW"]) == ("Russia", "ISR", None)
    assert rows["m-a1"]["Wikipedia Actor ID"] == "Q43723" and rows["m-a1"]["Source"] == "Example Times"


def test_export_applies_event_filters(store, tmp_path):
    report = export(store, tmp_path / "f.csv", filters=EventFilter.of(dyad="ISR-RUS", since="2016", until="2016"))
    assert report.rows == 4
    report = export(store, tmp_path / "fm.csv", mentions=True, filters=EventFilter.of(event_type="CONSULT", actor="Netanyahu"))
    assert sorted(r["id"] for r in read_back(tmp_path / "fm.csv", "csv")) == ["m-a1", "m-b1", "m-c1"]


def test_export_format_comes_from_the_extension_or_is_refused(store, tmp_path):
    assert export(store, tmp_path / "x.parquet").format == "parquet"
    with pytest.raises(InputError, match="unknown export format"):
        export(store, tmp_path / "x.xlsx")
    with pytest.raises(InputError, match="layout"):
        export(store, tmp_path / "x.csv", layout="icews")


def test_export_unwritable_path_is_a_store_error_and_leaves_nothing(store, tmp_path):
    with pytest.raises(StoreError, match="cannot write"):
        export(store, tmp_path / "missing-folder" / "x.csv")
    assert not (tmp_path / "missing-folder").exists()


def test_export_layouts_are_documented_column_by_column():
    assert DOCS.read_text(encoding="utf-8") == layouts_markdown(), (
        "docs/export-layouts.md is stale: run python -m dyad.export > docs/export-layouts.md")
