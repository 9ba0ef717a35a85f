"""The store's schema as named migrations, applied in order and recorded in
``_migrations``. A migration, once released, is never edited: change the schema
by appending a new one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb

from dyad import __version__
from dyad.errors import StoreError

_RECORD = """
    event_type VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR, quad_class INTEGER,
    goldstein DOUBLE, status VARCHAR NOT NULL, date VARCHAR, date_text VARCHAR,
    confidence DOUBLE,
    source_text VARCHAR, source_name VARCHAR, source_country VARCHAR,
    source_sector VARCHAR, source_wikidata VARCHAR,
    target_text VARCHAR, target_name VARCHAR, target_country VARCHAR,
    target_sector VARCHAR, target_wikidata VARCHAR,
    location_text VARCHAR, location_name VARCHAR, location_country VARCHAR,
    location_lat DOUBLE, location_lon DOUBLE,
    evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER
"""

INITIAL = f"""
CREATE TABLE documents (
    doc_id VARCHAR PRIMARY KEY,
    content_hash VARCHAR NOT NULL,
    title VARCHAR, published VARCHAR, url VARCHAR, outlet VARCHAR, source_path VARCHAR,
    text VARCHAR NOT NULL,
    n_events INTEGER NOT NULL,           -- events the coder found in it (its mentions)
    ingested_at TIMESTAMP NOT NULL,
    dyad_version VARCHAR NOT NULL
);
-- One row per event the coder found in one document.
CREATE TABLE mentions (
    mention_id VARCHAR PRIMARY KEY,      -- the coder's event id
    doc_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,           -- the merged event it belongs to
    group_id VARCHAR NOT NULL,           -- its merge component (see dyad.merge)
    block_key VARCHAR NOT NULL,          -- type and actor keys (see dyad.merge)
    published VARCHAR,                   -- its document's publication date
    pub_lo DATE, pub_hi DATE,            -- the span of that publication date
    date_lo DATE, date_hi DATE,          -- the span of its date, when known
    {_RECORD}
);
-- One row per real-world event: the merged record of its mentions.
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,        -- its earliest mention's id
    doc_id VARCHAR NOT NULL,             -- that mention's document
    block_key VARCHAR NOT NULL,
    published VARCHAR,                   -- that document's publication date
    date_lo DATE, date_hi DATE,          -- span of the date, or of 'published' when undated
    date_estimated BOOLEAN NOT NULL,     -- true when the span comes from 'published'
    n_mentions INTEGER NOT NULL,
    n_documents INTEGER NOT NULL,
    source_actor_id VARCHAR, target_actor_id VARCHAR,
    {_RECORD}
);
CREATE TABLE actors (
    actor_id VARCHAR PRIMARY KEY,        -- hash of name, country and sector
    name VARCHAR NOT NULL, country VARCHAR, sector VARCHAR, wikidata VARCHAR
);
"""


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", INITIAL),
    # Merging looks up a new mention's candidates by block key on every write.
    Migration("0002_mentions_block_index", "CREATE INDEX mentions_block ON mentions (block_key);"),
    # `dyad show`, the event and document pages and re-ingesting a changed
    # document look mentions up by event and by document.
    Migration(
        "0003_mentions_event_doc_indexes",
        "CREATE INDEX mentions_event ON mentions (event_id); CREATE INDEX mentions_doc ON mentions (doc_id);",
    ),
)


def applied(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Names of the migrations recorded in this store (none in a new file)."""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = '_migrations'").fetchall()[0][0]
    if not exists:
        return []
    return [row[0] for row in con.execute("SELECT name FROM _migrations ORDER BY name").fetchall()]


def pending(con: duckdb.DuckDBPyConnection, path: str) -> list[Migration]:
    done = applied(con)
    known = {m.name for m in MIGRATIONS}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"{path}: written by a newer Dyad (migrations {', '.join(unknown)} unknown to {__version__}); upgrade Dyad"
        )
    return [m for m in MIGRATIONS if m.name not in done]


def migrate(con: duckdb.DuckDBPyConnection, path: str, upto: str | None = None) -> list[str]:
    """Apply the pending migrations (up to and including ``upto``), each in its
    own transaction with its record; returns the names applied."""
    done = []
    con.execute(
        "CREATE TABLE IF NOT EXISTS _migrations ("
        " name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL, dyad_version VARCHAR NOT NULL)"
    )
    for migration in pending(con, path):
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(migration.sql)
            con.execute(
                "INSERT INTO _migrations VALUES (?, ?, ?)",
                [migration.name, datetime.now(timezone.utc).replace(tzinfo=None), __version__],
            )
            con.execute("COMMIT")
        except duckdb.Error as error:
            con.execute("ROLLBACK")
            raise StoreError(f"{path}: migration {migration.name} failed: {error}") from error
        done.append(migration.name)
        if migration.name == upto:
            break
    return done
