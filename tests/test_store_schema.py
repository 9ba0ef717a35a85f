"""Opening stores: migrations recorded and applied forward, reopening, errors."""

from __future__ import annotations

import duckdb
import pytest

import dyad
from dyad.errors import StoreError
from dyad.store import open_store
from dyad.store.schema import MIGRATIONS, migrate
from test_store_corpus import filled_store, store_state

ALL = [m.name for m in MIGRATIONS]


def test_store_schema_new_store_records_every_migration(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        assert store.migrations() == ALL
        recorded = store.con.execute("SELECT name, dyad_version FROM _migrations ORDER BY name").fetchall()
        assert recorded == [(name, dyad.__version__) for name in ALL]


def test_store_schema_reopening_keeps_data_and_applies_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    with filled_store(path) as store:
        before = store_state(store)
    with open_store(path) as store:
        assert store_state(store) == before
        assert store.con.execute("SELECT count(*) FROM _migrations").fetchall() == [(len(ALL),)]


def test_store_schema_old_store_migrates_forward(tmp_path):
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    assert migrate(con, path, upto=ALL[0]) == [ALL[0]]
    con.close()
    with open_store(path, read_only=True) as store:  # a reader brings it up to date too
        assert store.migrations() == ALL
        assert store.read_only


def test_store_schema_refuses_a_store_from_a_newer_dyad(tmp_path):
    path = tmp_path / "new.duckdb"
    open_store(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO _migrations VALUES ('9999_from_the_future', now(), '9.9')")
    con.close()
    with pytest.raises(StoreError, match="newer Dyad"):
        open_store(path)


def test_store_schema_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no store there"):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_store_schema_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="notes.duckdb"):
        open_store(path)


def test_store_schema_empty_file_or_leftovers_of_a_killed_creation_become_a_store(tmp_path):
    path = tmp_path / "s.duckdb"
    path.touch()
    (tmp_path / "s.duckdb.creating-12345").write_bytes(b"half a database")
    with open_store(path) as store:
        assert store.migrations() == ALL
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.duckdb", "s.duckdb.creating-12345"]


def test_store_schema_read_only_store_refuses_to_write(tmp_path):
    path = tmp_path / "s.duckdb"
    open_store(path).close()
    with open_store(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.writer()


def test_store_schema_default_path_comes_from_dyad_db(tmp_path, monkeypatch):
    monkeypatch.setenv("DYAD_DB", str(tmp_path / "env.duckdb"))
    with dyad.open() as store:
        assert store.path == str(tmp_path / "env.duckdb")
    assert (tmp_path / "env.duckdb").is_file()
