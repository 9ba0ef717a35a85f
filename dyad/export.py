"""Exports of a store: one row per event (or per mention), as JSON Lines, CSV
or Parquet, in Dyad's own layout or in POLECAT-like or GDELT-like columns.

A layout is data: a list of :class:`Column` specs, each a SQL expression over
one row view (``r``) with its documentation. The same specs write every
format (DuckDB ``COPY``) and generate ``docs/export-layouts.md``
(``python -m dyad.export > docs/export-layouts.md``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from dyad.errors import InputError, StoreError
from dyad.store import Store
from dyad.store.queries import EventFilter
from dyad.store.rows import ACTOR_PARTS, EVIDENCE_PARTS, PLACE_PARTS, first_row

FORMATS = ("jsonl", "csv", "parquet")
LEVELS = ("events", "mentions")
_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


@dataclass(frozen=True)
class Column:
    """One output column: ``sql`` over the row view ``r`` (None: always empty,
    kept so the layout has the columns its users expect)."""

    name: str
    sql: str | None
    doc: str
    parts: tuple["Column", ...] = ()  # a nested object: a struct, or <name>_<part> columns in CSV
    null_when: str | None = None  # for nested objects: when the whole object is null
    is_list: bool = False  # a list: an array, or ';'-joined text in CSV
    levels: tuple[str, ...] = LEVELS

    def select(self, fmt: str) -> list[str]:
        if self.parts and fmt == "csv":
            return [f"{p.sql} AS {_quote(f'{self.name}_{p.name}')}" for p in self.parts]
        if self.parts:
            struct = "struct_pack(" + ", ".join(f"{_quote(p.name)} := {p.sql}" for p in self.parts) + ")"
            expr = f"CASE WHEN {self.null_when} THEN NULL ELSE {struct} END" if self.null_when else struct
        elif self.sql is None:
            expr = "CAST(NULL AS VARCHAR)"
        elif self.is_list and fmt == "csv":
            expr = f"array_to_string({self.sql}, ';')"
        else:
            expr = self.sql
        return [f"{expr} AS {_quote(self.name)}"]


@dataclass(frozen=True)
class Layout:
    name: str
    doc: str
    columns: tuple[Column, ...]

    def for_level(self, level: str) -> list[Column]:
        return [c for c in self.columns if level in c.levels]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


_PART_DOCS = {
    "source": "the actor's", "target": "the actor's", "location": "the place's", "evidence": "the sentence's",
    "text": "words in the sentence", "name": "canonical name", "country": "ISO 3166-1 alpha-3 code",
    "sector": "PLOVER sector", "wikidata": "Wikidata id", "lat": "latitude", "lon": "longitude",
    "start": "first character offset", "end": "offset after its last character",
}


def _nested(name: str, parts: tuple[str, ...], doc: str, key: str | None) -> Column:
    text = {"evidence": {"text": "the sentence"}}.get(name, {})
    return Column(
        name, None, doc,
        parts=tuple(Column(p, f"r.{name}_{p}", text.get(p) or f"{_PART_DOCS[name]} {_PART_DOCS[p]}") for p in parts),
        null_when=f"r.{name}_{key} IS NULL" if key else None,
    )


def _day(expr: str) -> str:
    """YYYYMMDD as an integer when ``expr`` is a YYYY-MM-DD date, else null."""
    return f"CASE WHEN length({expr}) = 10 THEN CAST(replace({expr}, '-', '') AS INTEGER) END"


def _actor_columns(side: str, prefix: str) -> tuple[Column, ...]:
    a = f"r.{side}_"
    return (
        Column(f"{prefix}Code", f"CASE WHEN {a}country IS NOT NULL THEN {a}country || coalesce({a}sector, '') END",
               f"CAMEO-style actor code: the {side}'s country code followed by its sector (`RUSGOV`); empty when the country is unknown"),
        Column(f"{prefix}Name", f"upper({a}name)", f"the {side}'s canonical name, upper case as in GDELT"),
        Column(f"{prefix}CountryCode", f"{a}country", f"the {side}'s ISO 3166-1 alpha-3 code (or IGO, UNO, EUR, NGO, ...)"),
        Column(f"{prefix}Type1Code", f"{a}sector", f"the {side}'s PLOVER sector (`GOV`, `MIL`, ...); GDELT's role codes are mostly the same"),
    )


def _polecat_actor(side: str, prefix: str) -> tuple[Column, ...]:
    a = f"r.{side}_"
    return (
        Column(f"{prefix} Name", f"{a}name", f"the {side}'s canonical name"),
        Column(f"{prefix} Country", f"{a}country", f"the {side}'s ISO 3166-1 alpha-3 code (or IGO, UNO, EUR, NGO, ...)"),
        Column(f"{prefix} COW", None, "Correlates of War code: not produced by Dyad (empty)"),
        Column(f"Primary {prefix} Sector", f"{a}sector", f"the {side}'s PLOVER sector"),
        Column(f"{prefix} Sectors", f"{a}sector", f"the {side}'s sectors: Dyad gives one, the primary"),
        Column(f"{prefix} Title", None, "the actor's title: not produced by Dyad (empty)"),
        Column(f"{prefix} Name Raw", f"{a}text", f"the words in the sentence that name the {side}"),
        Column(f"Wikipedia {prefix} ID", f"{a}wikidata",
               f"the {side}'s Wikidata id (`Q7747`) where resolved; POLECAT gives a Wikipedia id here"),
    )


NATIVE = Layout("native", (
    "The event record of `spec/event-record.md` (nested objects in JSON Lines and Parquet; "
    "`source_name`-style columns in CSV), plus how the event was merged. With `--mentions`, one "
    "row per report: the event as coded in that document, and the merged event it belongs to."
), (
    Column("id", "r.id", "events: the event id (its earliest mention's id); mentions: the coder's id for this report"),
    Column("event_id", "r.event_id", "the merged event this report belongs to", levels=("mentions",)),
    Column("doc_id", "r.doc_id", "events: the document of the earliest mention; mentions: the report's document"),
    Column("event_type", "r.event_type", "PLOVER event type, upper case"),
    Column("mode", "r.mode", "PLOVER mode, lower case"),
    Column("cameo", "r.cameo", "closest CAMEO code, with leading zeros"),
    Column("quad_class", "r.quad_class", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    Column("goldstein", "r.goldstein", "Goldstein scale value, -10..+10"),
    Column("status", "r.status", "`happened`, `planned` or `negated`"),
    _nested("source", ACTOR_PARTS, "who acts: text, name, country, sector, wikidata (null when absent)", "name"),
    _nested("target", ACTOR_PARTS, "who is acted on: text, name, country, sector, wikidata (null when absent)", "name"),
    Column("date", "r.date", "when the event took place: YYYY-MM-DD, YYYY-MM or YYYY"),
    Column("date_text", "r.date_text", "the words that gave the date"),
    _nested("location", PLACE_PARTS, "where: text, name, country, lat, lon (null when absent)", "text"),
    _nested("evidence", EVIDENCE_PARTS, "the sentence and its character offsets in the document's text", None),
    Column("confidence", "r.confidence", "0..1 (events: the highest of its mentions)"),
    Column("date_estimated", "r.date_estimated",
           "true when the event has no date and queries place it at its publication date", levels=("events",)),
    Column("published", "r.published", "publication date of the (earliest) document"),
    Column("title", "r.title", "title of the report's document", levels=("mentions",)),
    Column("url", "r.url", "URL of the report's document", levels=("mentions",)),
    Column("outlet", "r.outlet", "outlet of the report's document", levels=("mentions",)),
    Column("n_mentions", "r.n_mentions", "how many reports (sentences) tell the event"),
    Column("n_documents", "r.n_documents", "how many documents tell the event"),
    Column("doc_ids", "r.doc_ids", "the documents that tell the event (`;`-joined in CSV)", is_list=True, levels=("events",)),
))

_QUAD_LABEL = ("CASE r.quad_class WHEN 1 THEN 'VERBAL COOPERATION' WHEN 2 THEN 'MATERIAL COOPERATION'"
               " WHEN 3 THEN 'VERBAL CONFLICT' WHEN 4 THEN 'MATERIAL CONFLICT' END")

POLECAT = Layout("polecat", (
    "The column names of the POLECAT public release (tab-separated files on Harvard Dataverse), "
    "filled from Dyad's record. Columns Dyad cannot fill are kept, empty, so that scripts written "
    "for POLECAT read the file. With `--mentions`, one row per report, with three more columns."
), (
    Column("Event ID", "r.event_id", "the merged event's id (not POLECAT's own id scheme)"),
    Column("Event Date", "r.date", "the event's date as precise as known: YYYY-MM-DD, YYYY-MM or YYYY (POLECAT: always a day)"),
    Column("Event Type", "r.event_type", "PLOVER event type, upper case"),
    Column("Event Mode", "r.mode", "PLOVER mode"),
    Column("Intensity", "r.goldstein", "the Goldstein value of the closest CAMEO code, -10..+10: a stand-in for POLECAT's intensity"),
    Column("Quad Code", _QUAD_LABEL, "the QuadClass as words (`VERBAL COOPERATION`, ..., `MATERIAL CONFLICT`)"),
    Column("Contexts", None, "PLOVER contexts: not produced by Dyad (empty)"),
    *_polecat_actor("source", "Actor"),
    *_polecat_actor("target", "Recipient"),
    Column("Placename", "r.location_name", "the place's canonical name"),
    Column("City", None, "not produced by Dyad (empty)"),
    Column("District", None, "not produced by Dyad (empty)"),
    Column("Province", None, "not produced by Dyad (empty)"),
    Column("Country", "r.location_country", "the place's ISO 3166-1 alpha-3 code"),
    Column("Latitude", "r.location_lat", "the place's latitude"),
    Column("Longitude", "r.location_lon", "the place's longitude"),
    Column("GeoNames ID", None, "not produced by Dyad (empty)"),
    Column("Raw Placename", "r.location_text", "the words that named the place"),
    Column("Feature Type", None, "not produced by Dyad (empty)"),
    Column("Source", "r.outlet", "the outlet of the (earliest) document"),
    Column("Publication Date", "r.published", "publication date of the (earliest) document"),
    Column("Story People", None, "not produced by Dyad (empty)"),
    Column("Story Organizations", None, "not produced by Dyad (empty)"),
    Column("Story Locations", None, "not produced by Dyad (empty)"),
    Column("Language", "'en'", "always `en`: Dyad codes English"),
    Column("Version", "r.dyad_version", "the Dyad version that coded the (earliest) document"),
    Column("Mention ID", "r.mention_id", "the coder's id for this report", levels=("mentions",)),
    Column("Document ID", "r.doc_id", "the report's document", levels=("mentions",)),
    Column("Sentence", "r.evidence_text", "the sentence that tells the event", levels=("mentions",)),
))

GDELT = Layout("gdelt", (
    "A subset of the GDELT 2.0 Event table's columns, named and typed as GDELT names them; with "
    "`--mentions`, a subset of the GDELT 2.0 Mentions table instead. GDELT columns that Dyad has "
    "nothing for (KnownGroup, Ethnic, Religion and Type2/3 codes, IsRootEvent, AvgTone, Actor1Geo_* "
    "and Actor2Geo_*, ADM codes, FeatureIDs, MentionType, SentenceID, tone) are left out. Ids are "
    "Dyad's string ids, not GDELT's integers; country codes are ISO alpha-3 (GDELT's geography uses FIPS)."
), (
    Column("GLOBALEVENTID", "r.event_id", "the merged event's id (a string)"),
    Column("SQLDATE", _day("r.date"), "the event's date as YYYYMMDD when known to the day, else empty", levels=("events",)),
    Column("MonthYear", "CASE WHEN length(r.date) >= 7 THEN CAST(replace(left(r.date, 7), '-', '') AS INTEGER) END",
           "YYYYMM when the event's month is known", levels=("events",)),
    Column("Year", "CASE WHEN r.date IS NOT NULL THEN CAST(left(r.date, 4) AS INTEGER) END",
           "the event's year when known", levels=("events",)),
    Column("FractionDate", "CASE WHEN length(r.date) = 10 THEN year(CAST(r.date AS DATE))"
           " + (dayofyear(CAST(r.date AS DATE)) - 1) / 365.0 END",
           "year plus the fraction of the year elapsed, when the day is known", levels=("events",)),
    *(replace(c, levels=("events",)) for c in _actor_columns("source", "Actor1")),
    *(replace(c, levels=("events",)) for c in _actor_columns("target", "Actor2")),
    Column("EventCode", "r.cameo", "the closest CAMEO code", levels=("events",)),
    Column("EventBaseCode", "left(r.cameo, 3)", "its first three digits", levels=("events",)),
    Column("EventRootCode", "left(r.cameo, 2)", "its first two digits", levels=("events",)),
    Column("QuadClass", "r.quad_class", "1..4 as in CAMEO", levels=("events",)),
    Column("GoldsteinScale", "r.goldstein", "Goldstein value of the CAMEO code", levels=("events",)),
    Column("NumMentions", "r.n_mentions", "reports (sentences) that tell the event", levels=("events",)),
    Column("NumSources", "r.n_sources", "distinct outlets among them (a document without an outlet counts as its own)", levels=("events",)),
    Column("NumArticles", "r.n_documents", "distinct documents among them", levels=("events",)),
    Column("ActionGeo_FullName", "r.location_name", "where the event took place", levels=("events",)),
    Column("ActionGeo_CountryCode", "r.location_country", "its ISO alpha-3 country code (GDELT: FIPS)", levels=("events",)),
    Column("ActionGeo_Lat", "r.location_lat", "its latitude", levels=("events",)),
    Column("ActionGeo_Long", "r.location_lon", "its longitude", levels=("events",)),
    Column("DATEADDED", "CAST(strftime(r.ingested_at, '%Y%m%d%H%M%S') AS BIGINT)",
           "when the (earliest) document was ingested, YYYYMMDDHHMMSS UTC", levels=("events",)),
    Column("SOURCEURL", "coalesce(r.url, r.doc_id)", "URL of the (earliest) document, or its doc id", levels=("events",)),
    Column("EventTimeDate", _day("r.event_date"), "mentions: the event's date as YYYYMMDD when known to the day", levels=("mentions",)),
    Column("MentionTimeDate", _day("r.published"), "mentions: the report's publication date as YYYYMMDD when known to the day",
           levels=("mentions",)),
    Column("MentionSourceName", "r.outlet", "mentions: the report's outlet", levels=("mentions",)),
    Column("MentionIdentifier", "coalesce(r.url, r.doc_id)", "mentions: the report's URL, or its doc id", levels=("mentions",)),
    Column("ActionCharOffset", "r.evidence_start", "mentions: where the sentence starts in the document's text", levels=("mentions",)),
    Column("Confidence", "CAST(round(r.confidence * 100) AS INTEGER)", "mentions: the coder's confidence, 0..100", levels=("mentions",)),
    Column("MentionDocLen", "r.doc_length", "mentions: the document's length in characters", levels=("mentions",)),
    Column("DyadMentionID", "r.mention_id", "mentions (Dyad's addition): the coder's id for this report", levels=("mentions",)),
    Column("DyadSentence", "r.evidence_text", "mentions (Dyad's addition): the sentence that tells the event", levels=("mentions",)),
))

LAYOUTS = {layout.name: layout for layout in (NATIVE, POLECAT, GDELT)}

# Per-event aggregates of the mentions, for both row views.
_MENTION_STATS = """
    SELECT m.event_id, list(DISTINCT m.doc_id ORDER BY m.doc_id) AS doc_ids,
           count(DISTINCT coalesce(d.outlet, 'doc:' || d.doc_id)) AS n_sources
    FROM mentions m JOIN documents d USING (doc_id) GROUP BY m.event_id"""
_ROWS = {
    "events": """
        SELECT e.*, e.event_id AS id, e.event_id AS mention_id, e.date AS event_date,
               d.title, d.url, d.outlet, d.ingested_at, d.dyad_version, length(d.text) AS doc_length,
               s.doc_ids, s.n_sources
        FROM events e LEFT JOIN documents d USING (doc_id) LEFT JOIN stats s USING (event_id)
        WHERE {where}""",
    "mentions": """
        SELECT m.*, m.mention_id AS id, e.date AS event_date, e.n_mentions, e.n_documents, e.date_estimated,
               d.title, d.url, d.outlet, d.ingested_at, d.dyad_version, length(d.text) AS doc_length,
               s.doc_ids, s.n_sources
        FROM mentions m JOIN events e ON m.event_id = e.event_id JOIN documents d ON m.doc_id = d.doc_id
        LEFT JOIN stats s ON s.event_id = m.event_id
        WHERE {where}""",
}


@dataclass(frozen=True)
class ExportReport:
    path: str
    format: str
    layout: str
    level: str
    rows: int


def export(
    store: Store, path: str | Path, fmt: str | None = None, layout: str = "native",
    mentions: bool = False, filters: EventFilter | None = None,
) -> ExportReport:
    """Write the store's events (or mentions) matching ``filters`` to ``path``.
    The file appears whole or not at all."""
    path = str(path)
    fmt = fmt or _SUFFIXES.get(Path(path).suffix.lower())
    if fmt not in FORMATS:
        raise InputError(path, f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)} (or name the file .jsonl, .csv, .parquet)")
    if layout not in LAYOUTS:
        raise InputError(f"layout {layout!r}", f"not one of {', '.join(LAYOUTS)}")
    level = "mentions" if mentions else "events"
    query, params = export_sql(LAYOUTS[layout], level, fmt, filters or EventFilter())
    options = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}[fmt]
    partial = f"{path}.part"
    try:
        rows = first_row(store.con.execute(f"COPY ({query}) TO '{_literal(partial)}' ({options})", params))
        os.replace(partial, path)
    except duckdb.Error as error:
        raise StoreError(f"{path}: cannot write: {error}") from error
    except OSError as error:
        raise StoreError(f"{path}: cannot write: {error.strerror or error}") from error
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return ExportReport(path, fmt, layout, level, rows[0] if rows else 0)


def export_sql(layout: Layout, level: str, fmt: str, filters: EventFilter) -> tuple[str, list]:
    """The SELECT that produces ``layout``'s rows at ``level`` for ``fmt``."""
    where, params = filters.where()
    selects = [expr for column in layout.for_level(level) for expr in column.select(fmt)]
    order = "r.date_lo NULLS LAST, r.event_id, r.mention_id"
    limit = f" LIMIT {int(filters.limit)}" if filters.limit else ""
    query = (
        f"WITH stats AS ({_MENTION_STATS}) SELECT {', '.join(selects)}"
        f" FROM ({_ROWS[level].format(where=where)}) r ORDER BY {order}{limit}"
    )
    return query, params


def _literal(text: str) -> str:
    return text.replace("'", "''")


def layouts_markdown() -> str:
    """``docs/export-layouts.md``, generated from the column specs."""
    lines = [
        "# Export layouts",
        "",
        "<!-- Generated by `python -m dyad.export > docs/export-layouts.md`; edit dyad/export.py instead. -->",
        "",
        "`dyad export --format jsonl|csv|parquet -o FILE [--mentions] [--layout native|polecat|gdelt]`",
        "writes one row per merged event, or with `--mentions` one row per report of an event (one",
        "sentence of one document). The event filters of `dyad events` apply. Rows are ordered by date,",
        "then id. Empty values are JSON `null`, empty CSV fields and Parquet nulls.",
        "",
    ]
    for layout in LAYOUTS.values():
        lines += [f"## `{layout.name}`", "", layout.doc, ""]
        for level in LEVELS:
            lines += [f"### {level}", "", "| column | meaning |", "|---|---|"]
            for column in layout.for_level(level):
                lines.append(f"| `{column.name}` | {column.doc} |")
                lines += [f"| `{column.name}.{p.name}` (CSV: `{column.name}_{p.name}`) | {p.doc} |" for p in column.parts]
            lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    print(layouts_markdown(), end="")
