"""One reader per input kind; ``read_inputs`` walks paths and dispatches."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from dyad.errors import InputError
from dyad.ingest.decode import decode_bytes
from dyad.ingest.html import read_html
from dyad.ingest.meta import Meta, find_meta, normalise_date
from dyad.records import Article

log = logging.getLogger("dyad")

DEFAULT_MAX_BYTES = 10 * 1024 * 1024  # no news article is this long; a corpus belongs in JSONL
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
META_NAME = "meta.jsonl"

Item = Article | InputError


def read_inputs(
    paths: Iterable[str | Path], published: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Item]:
    """Every document under ``paths`` in a stable order. ``published`` is the
    publication date for documents whose metadata gives none."""
    fallback = normalise_date(published, "--published") if published else None
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _read_folder(path, fallback, max_bytes)
        elif path.exists():
            yield from read_path(path, path.name, find_meta(path.parent), fallback, max_bytes, explicit=True)
        else:
            yield InputError(str(path), "no such file or folder")


def _read_folder(root: Path, fallback: str | None, max_bytes: int) -> Iterator[Item]:
    files = sorted(
        (p for p in root.rglob("*") if p.is_file() and _is_candidate(p, root)),
        key=lambda p: p.relative_to(root).as_posix(),
    )
    if not files:
        yield InputError(str(root), "folder holds no .txt, .html or .jsonl files")
    root_meta = find_meta(root)
    metas: dict[Path, Meta] = {root: root_meta}
    for path in files:
        if path.parent not in metas:
            metas[path.parent] = _nested_meta(find_meta(path.parent), root_meta)
        meta = metas[path.parent]
        doc_id = path.relative_to(root).as_posix()
        yield from read_path(path, doc_id, meta, fallback, max_bytes, explicit=False)


def _nested_meta(own: Meta, root_meta: Meta) -> Meta:
    """A subfolder's own meta.jsonl, plus the root's entries keyed by the full
    doc_id ("sub/a.txt"), which is how doc_ids inside a folder are named."""
    qualified = {doc_id: record for doc_id, record in root_meta.by_doc.items() if "/" in doc_id}
    return Meta({**qualified, **own.by_doc})


def _is_candidate(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts):
        return False
    return path.suffix.lower() in SUPPORTED and path.name != META_NAME


def read_path(
    path: Path, doc_id: str, meta: Meta, fallback: str | None, max_bytes: int, explicit: bool
) -> Iterator[Item]:
    """The documents of one file. A JSONL file that does not hold documents
    (gold files, metadata) is an error when named, and skipped inside a folder."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, meta, fallback, max_bytes, explicit)
            return
        data = _read_bytes(path, max_bytes)
        if suffix in HTML_SUFFIXES:
            article = read_html(decode_bytes(data, str(path)), doc_id, str(path))
        elif suffix in TEXT_SUFFIXES or explicit:
            article = _read_text(decode_bytes(data, str(path)), doc_id, str(path))
        else:
            raise InputError(str(path), f"unsupported file type {suffix!r}")
        yield meta.apply(article, fallback)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(str(path), f"cannot read: {error.strerror or error}")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(
            str(path),
            f"too large for one article ({size / 1e6:.1f} MB > {max_bytes / 1e6:.1f} MB);"
            " split it, or put many articles in a .jsonl file",
        )
    return path.read_bytes()


def _read_text(text: str, doc_id: str, source: str) -> Article:
    from dyad.clean import pick_title

    return Article(doc_id=doc_id, text=text, title=pick_title(text), source_path=source)


def _read_jsonl(path: Path, meta: Meta, fallback: str | None, max_bytes: int, explicit: bool) -> Iterator[Item]:
    empty = True
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, start=1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            first, empty = empty, False
            if len(raw) > max_bytes:
                yield InputError(where, f"record too large ({len(raw) / 1e6:.1f} MB)")
                continue
            try:
                record = json.loads(raw.decode("utf-8-sig"))  # -sig: editors on Windows start with a BOM
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                yield InputError(where, f"not a JSON object: {error}")
                continue
            if first and not explicit and not _is_document(record):
                log.info("%s: skipped: its records are not documents (no 'text')", path)
                return
            try:
                yield meta.apply(_jsonl_article(record, where, str(path)), fallback)
            except InputError as error:
                yield error
    if empty:
        yield InputError(str(path), "empty file")


def _is_document(record: object) -> bool:
    return isinstance(record, dict) and "text" in record


def _jsonl_article(record: object, where: str, source: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(where, "not a JSON object")
    text, doc_id = record.get("text"), record.get("id", record.get("doc_id"))
    if not isinstance(text, str) or not text.strip():
        raise InputError(where, "missing or empty 'text'")
    if doc_id is None or str(doc_id).strip() == "":
        raise InputError(where, "missing 'id'")
    published = record.get("published")
    return Article(
        doc_id=str(doc_id),
        text=text.replace("\r\n", "\n"),
        title=record.get("title"),
        published=normalise_date(published, where) if published else None,
        url=record.get("url"),
        outlet=record.get("outlet"),
        source_path=source,
    )
