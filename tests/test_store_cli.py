"""The store's commands: thin wrappers that print what the library returns."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.cli import main
from test_store_corpus import EXPECTED_EVENTS, filled_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "s.duckdb"
    filled_store(path).close()
    return str(path)


def test_store_cli_events_table(runner, db):
    result = runner.invoke(main, ["events", "--db", db, "--dyad", "ISR-RUS", "--since", "2016", "--until", "2016"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["id", "date", "type"]
    assert [line.split()[0] for line in lines[2:]] == ["m-c1", "m-a2", "m-a1", "m-d1"]
    assert "Benjamin Netanyahu (ISR/GOV)" in result.output


def test_store_cli_events_jsonl_and_csv(runner, db):
    result = runner.invoke(main, ["events", "--db", db, "--type", "CONSULT", "--format", "jsonl", "--limit", "0"])
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["id"] for r in records} == {"m-c1", "m-a1", "m-f1", "m-h1"}
    assert {r["id"]: r["n_mentions"] for r in records}["m-a1"] == 2
    result = runner.invoke(main, ["events", "--db", db, "--format", "csv", "--limit", "2"])
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["event_id"] for r in rows] == ["m-c1", "m-a2"]


def test_store_cli_db_from_environment(runner, db):
    result = runner.invoke(main, ["events", "--limit", "0", "--format", "jsonl"], env={"DYAD_DB": db})
    assert result.exit_code == 0
    assert len(result.output.splitlines()) == len(EXPECTED_EVENTS)


def test_store_cli_timeline_table_and_plot(runner, db, tmp_path):
    pytest.importorskip("matplotlib")
    chart = tmp_path / "isr-rus.png"
    result = runner.invoke(main, ["timeline", "ISR", "RUS", "--db", db, "--by", "year", "--plot", str(chart)])
    assert result.exit_code == 0, result.output
    assert "2016  ISR->RUS        3   3   0   0   0  +2.00" in result.output.splitlines()
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_store_cli_timeline_svg_and_jsonl(runner, db, tmp_path):
    pytest.importorskip("matplotlib")
    chart = tmp_path / "t.svg"
    result = runner.invoke(main, ["timeline", "RUS", "ISR", "--db", db, "--format", "jsonl", "--plot", str(chart)])
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {"period": "2018-09", "source": "RUS", "target": "ISR", "events": 1, "quad1": 0, "quad2": 0,
            "quad3": 1, "quad4": 0, "goldstein_mean": -2.0} in rows
    assert "<svg" in chart.read_text()


def test_store_cli_actors(runner, db):
    result = runner.invoke(main, ["actors", "--db", db, "--country", "ISR"])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()[2:]] == ["Naftali", "Benjamin", "Israel"]


def test_store_cli_show_lists_every_mention(runner, db):
    result = runner.invoke(main, ["show", "m-a1", "--db", db])
    assert result.exit_code == 0, result.output
    assert "2 mentions in 2 documents" in result.output
    assert "[2016/moscow-b.txt] Kremlin talks  published 2016-06-08" in result.output
    assert "Putin hosted Netanyahu at the Kremlin on Tuesday" in result.output
    as_json = json.loads(runner.invoke(main, ["show", "m-a1", "--db", db, "--json"]).output)
    assert [m["id"] for m in as_json["mentions"]] == ["m-a1", "m-b1"]


def test_store_cli_export_writes_the_file(runner, db, tmp_path):
    out = tmp_path / "e.csv"
    result = runner.invoke(main, ["export", "--db", db, "-o", str(out), "--layout", "gdelt", "--dyad", "ISR-RUS"])
    assert result.exit_code == 0, result.output
    assert "wrote 9 events" in result.output
    assert len(list(csv.DictReader(out.open()))) == 9


@pytest.mark.parametrize(("args", "message"), [
    (["show", "nope"], "nope: no such event"),
    (["events", "--dyad", "ISR"], "two actor country codes"),
    (["events", "--type", "MEET"], "not one of"),
    (["export", "-o", "x.xlsx"], "unknown export format"),
], ids=["unknown-event", "bad-dyad", "bad-type", "bad-format"])
def test_store_cli_errors_are_one_line_and_exit_2(runner, db, args, message):
    result = runner.invoke(main, args + ["--db", db])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_store_cli_missing_store_is_an_error(runner, tmp_path):
    result = runner.invoke(main, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "no store there" in result.output


def test_store_cli_store_in_use_by_a_writer_is_an_error(tmp_path):
    path = tmp_path / "busy.duckdb"
    with filled_store(path):  # this process holds it open for writing
        result = subprocess.run([str(Path(sys.executable).with_name("dyad")), "events", "--db", str(path)],
                                capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"dyad: error: {path}: in use by another process (while one writes, e.g. `dyad ingest`, no other may open it)")
