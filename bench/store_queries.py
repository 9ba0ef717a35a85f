"""How long the store's questions take on a large store.

Builds (once, reused after) a synthetic store of N events (default 1,000,000)
with DuckDB SQL straight into the tables -- one or two mentions per event, one
document per four mentions, ~1,000 actors in 40 countries, dates 2000-2024 at
day (70%), month (20%) or year (10%) precision, 15% undated -- then times
each query through the library API, as `dyad events/timeline/actors/show`
and an HTTP API would call it.

    python bench/store_queries.py                          # /tmp/dyad-bench-1000000.duckdb
    python bench/store_queries.py --events 200000 --threads 2 --repeat 5
    python bench/store_queries.py --db my.duckdb --rebuild

Prints, per query, the rows it returns and the best, median and worst of
``--repeat`` runs after one warm-up (on a shared machine, the best is the
fairest figure). Not a test: the numbers depend on the
machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from dyad.store import open_store  # noqa: E402

COUNTRIES = ("USA RUS ISR CHN IRN SYR UKR TUR GBR FRA DEU IND PAK SAU EGY JOR LBN IRQ AFG JPN "
             "KOR PRK BRA MEX ZAF NGA ETH KEN ITA ESP POL BLR GEO ARM AZE KAZ QAT ARE IGO UNO").split()
SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "BUS", "JRN", "CVL", "REL")
TYPES = {  # type -> (cameo, quad class, goldstein)
    "AGREE": ("030", 1, 4.0), "CONSULT": ("040", 1, 1.0), "SUPPORT": ("051", 1, 3.4), "CONCEDE": ("080", 2, 5.0),
    "COOPERATE": ("060", 2, 6.0), "AID": ("070", 2, 7.0), "RETREAT": ("087", 2, 9.0), "REQUEST": ("020", 1, 3.0),
    "ACCUSE": ("112", 3, -2.0), "REJECT": ("120", 3, -4.0), "THREATEN": ("130", 3, -4.4), "PROTEST": ("140", 3, -6.5),
    "SANCTION": ("163", 4, -8.0), "MOBILIZE": ("150", 4, -7.2), "COERCE": ("170", 4, -7.0), "ASSAULT": ("190", 4, -10.0),
}
ACTORS_PER_COUNTRY = 25


def _values(rows) -> str:
    return ", ".join("(" + ", ".join(repr(v) if v is not None else "NULL" for v in row) + ")" for row in rows)


def build(db: Path, n_events: int) -> None:
    """The synthetic store, generated in SQL (about a minute for a million events on 2 cores)."""
    started = time.perf_counter()
    with open_store(db) as store:
        con = store.con
        con.execute(f"CREATE TEMP TABLE countries(i INT, code VARCHAR); INSERT INTO countries VALUES "
                    f"{_values(enumerate(COUNTRIES))}")
        con.execute(f"CREATE TEMP TABLE sectors(i INT, code VARCHAR); INSERT INTO sectors VALUES "
                    f"{_values(enumerate(SECTORS))}")
        con.execute(f"CREATE TEMP TABLE types(i INT, t VARCHAR, cameo VARCHAR, quad INT, goldstein DOUBLE); "
                    f"INSERT INTO types VALUES {_values((i, t, *v) for i, (t, v) in enumerate(TYPES.items()))}")
        # Actor 0 of each country is the state itself (no sector); the others are people and bodies.
        con.execute(f"""
            CREATE TEMP TABLE a AS
            SELECT c.i * {ACTORS_PER_COUNTRY} + k AS n, c.code AS country,
                   CASE WHEN k = 0 THEN NULL ELSE (SELECT code FROM sectors WHERE i = k % {len(SECTORS)}) END AS sector,
                   CASE WHEN k = 0 THEN c.code ELSE c.code || ' person ' || k END AS name
            FROM countries c, range({ACTORS_PER_COUNTRY}) r(k)""")
        con.execute("""
            INSERT INTO actors SELECT substr(md5(name || '|' || country || '|' || coalesce(sector, '')), 1, 16),
                                      name, country, sector, NULL FROM a""")
        n_actors = len(COUNTRIES) * ACTORS_PER_COUNTRY
        # Zipf-like popularity: low actor numbers (big countries' states and leaders) act most.
        con.execute(f"""
            CREATE TEMP TABLE ev AS
            WITH base AS (
                SELECT i, hash(i) AS h, hash(i * 7 + 3) AS h2,
                       DATE '2000-01-01' + CAST(hash(i * 13 + 5) % 9131 AS INTEGER) AS day
                FROM range({n_events}) r(i))
            SELECT i, 'e' || lpad(CAST(i AS VARCHAR), 8, '0') AS event_id,
                   'doc' || lpad(CAST(i // 3 AS VARCHAR), 7, '0') AS doc_id,
                   CAST(floor(pow((h % 10000) / 10000.0, 2.5) * {n_actors}) AS INT) AS s,
                   CAST(floor(pow((h2 % 10000) / 10000.0, 2.5) * {n_actors}) AS INT) AS t,
                   CAST(h % 16 AS INT) AS ty, day, h2 % 100 AS precision, (h // 7) % 100 AS roll
            FROM base""")
        con.execute(f"""
            CREATE TEMP TABLE ev2 AS
            SELECT ev.*, CASE WHEN roll < 15 THEN NULL
                              WHEN precision < 70 THEN strftime(day, '%Y-%m-%d')
                              WHEN precision < 90 THEN strftime(day, '%Y-%m') ELSE strftime(day, '%Y') END AS date,
                   strftime(day, '%Y-%m-%d') AS published
            FROM ev""")
        con.execute("""
            INSERT INTO events BY NAME
            SELECT e.event_id, e.doc_id, ty.t || '|x|y' AS block_key, e.published,
                   CASE WHEN e.date IS NULL THEN e.day WHEN length(e.date) = 10 THEN e.day
                        WHEN length(e.date) = 7 THEN date_trunc('month', e.day) ELSE date_trunc('year', e.day) END AS date_lo,
                   CASE WHEN e.date IS NULL THEN e.day WHEN length(e.date) = 10 THEN e.day
                        WHEN length(e.date) = 7 THEN last_day(e.day)
                        ELSE CAST(date_trunc('year', e.day) + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE) END AS date_hi,
                   e.date IS NULL AS date_estimated,
                   CASE WHEN e.roll % 10 < 3 THEN 2 ELSE 1 END AS n_mentions,
                   CASE WHEN e.roll % 10 < 3 THEN 2 ELSE 1 END AS n_documents,
                   substr(md5(sa.name || '|' || sa.country || '|' || coalesce(sa.sector, '')), 1, 16) AS source_actor_id,
                   substr(md5(ta.name || '|' || ta.country || '|' || coalesce(ta.sector, '')), 1, 16) AS target_actor_id,
                   ty.t AS event_type, NULL AS mode, ty.cameo, ty.quad AS quad_class, ty.goldstein, 'happened' AS status,
                   e.date, NULL AS date_text, 0.8 AS confidence,
                   sa.name AS source_text, sa.name AS source_name, sa.country AS source_country,
                   sa.sector AS source_sector, NULL AS source_wikidata,
                   ta.name AS target_text, ta.name AS target_name, ta.country AS target_country,
                   ta.sector AS target_sector, NULL AS target_wikidata,
                   sa.name || ' and ' || ta.name || ' did something (' || ty.t || ').' AS evidence_text,
                   0 AS evidence_start, 40 AS evidence_end
            FROM ev2 e JOIN a sa ON sa.n = e.s JOIN a ta ON ta.n = e.t JOIN types ty ON ty.i = e.ty""")
        record = ("e.* EXCLUDE (event_id, doc_id, block_key, published, date_lo, date_hi, date_estimated,"
                  " n_mentions, n_documents, source_actor_id, target_actor_id)")
        for suffix, doc, where in (("", "e.doc_id", "TRUE"),
                                   ("-2", "'doc' || lpad(CAST(hash(e.event_id) % 400000 AS VARCHAR), 7, '0')",
                                    "e.n_mentions = 2")):
            con.execute(f"""
                INSERT INTO mentions BY NAME
                SELECT e.event_id || '{suffix}' AS mention_id, {doc} AS doc_id, e.event_id, e.event_id AS group_id,
                       e.block_key, e.published, e.date_lo AS pub_lo, e.date_lo AS pub_hi,
                       CASE WHEN e.date_estimated THEN NULL ELSE e.date_lo END AS date_lo,
                       CASE WHEN e.date_estimated THEN NULL ELSE e.date_hi END AS date_hi, {record}
                FROM events e WHERE {where}""")
        con.execute("""
            INSERT INTO documents BY NAME
            SELECT doc_id, md5(doc_id) AS content_hash, 'Title of ' || doc_id AS title, min(published) AS published,
                   'https://example.org/' || doc_id AS url, 'Outlet ' || (hash(doc_id) % 50) AS outlet,
                   NULL AS source_path, repeat('Text of the article. ', 40) AS text, count(*) AS n_events,
                   TIMESTAMP '2025-01-01 00:00:00' AS ingested_at, '0.1.0' AS dyad_version
            FROM mentions GROUP BY doc_id""")
        con.execute("CHECKPOINT")
        counts = (store.events_count(), store.mentions_count(), store.documents_count(), len(store.actors()))
    print(f"built {db}: {counts[0]:,} events, {counts[1]:,} mentions, {counts[2]:,} documents, "
          f"{counts[3]:,} actors with events, in {time.perf_counter() - started:.1f} s")


def queries(sample_event: str) -> dict:
    return {
        "events by dyad (USA-RUS, either direction)": lambda s: s.events(dyad="USA-RUS"),
        "  the same as arrow (no Python objects)": lambda s: s.events_arrow(dyad="USA-RUS"),
        "events by dyad + year (ISR-RUS, 2016)": lambda s: s.events(dyad="ISR-RUS", since="2016", until="2016"),
        "events by actor (name contains 'RUS person 3')": lambda s: s.events(actor="RUS person 3"),
        "events by type + date range (CONSULT, 2016-03..2016-08)": lambda s: s.events(
            event_type="CONSULT", since="2016-03", until="2016-08"),
        "events table, first 100 (dyad events default)": lambda s: s.event_rows(limit=100),
        "events_table by country (RUS, pandas)": lambda s: s.events_table(country="RUS"),
        "events_arrow by type (ASSAULT, arrow)": lambda s: s.events_arrow(event_type="ASSAULT"),
        "timeline USA-RUS by month": lambda s: s.timeline("USA", "RUS", by="month").rows,
        "timeline ISR-RUS by quarter": lambda s: s.timeline("ISR", "RUS", by="quarter").rows,
        "actors (all, with counts)": lambda s: s.actors(),
        "actors --country RUS": lambda s: s.actors(country="RUS"),
        "show one event (with its mentions)": lambda s: s.event(sample_event).mentions,
    }


def rows_of(result) -> int:
    return result.num_rows if hasattr(result, "num_rows") else len(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="Store to build or reuse (default /tmp/dyad-bench-N.duckdb).")
    parser.add_argument("--rebuild", action="store_true", help="Build the store again even if it exists.")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's choice).")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/dyad-bench-{args.events}.duckdb")
    if args.rebuild or not db.exists():
        for path in (db, Path(f"{db}.wal")):
            path.unlink(missing_ok=True)
        build(db, args.events)
    with open_store(db, read_only=True) as store:
        if args.threads:
            store.con.execute(f"SET threads = {args.threads}")
        print(f"{store.events_count():,} events; DuckDB threads: "
              f"{store.con.execute('SELECT current_setting(' + chr(39) + 'threads' + chr(39) + ')').fetchall()[0][0]}")
        print(f"{'query':58} {'rows':>8} {'best':>9} {'median':>9} {'worst':>9}")
        sample = store.con.execute("SELECT max(event_id) FROM events WHERE n_mentions = 2").fetchall()[0][0]
        for name, query in queries(sample).items():
            rows = rows_of(query(store))  # warm-up
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                query(store)
                times.append(time.perf_counter() - started)
            print(f"{name:58} {rows:>8,} {min(times) * 1000:>7.1f}ms {statistics.median(times) * 1000:>7.1f}ms"
                  f" {max(times) * 1000:>7.1f}ms")


if __name__ == "__main__":
    main()
