"""The Jinja2 environment of the pages: autoescaped, with the few helpers the
templates share (actor labels, dates, links that keep the query's filters)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from dyad import __version__
from dyad.store.plot import QUAD_LABELS

WEB = Path(__file__).resolve().parent
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(WEB / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(version=__version__, quad_label=quad_label, query_url=query_url, path=path)
    env.filters.update(actor=actor_label, event_date=event_date, clip=clip, number=lambda n: f"{n:,}")
    return env


@lru_cache(maxsize=1)
def static_files() -> dict[str, tuple[bytes, str]]:
    """name -> (content, media type) of the shipped static files, read once:
    a request names one of these, never a path on disk."""
    folder = WEB / "static"
    return {p.name: (p.read_bytes(), STATIC_TYPES[p.suffix]) for p in folder.iterdir() if p.suffix in STATIC_TYPES}


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def path(*parts: str) -> str:
    """A URL path from parts, each quoted (an actor name may hold '/' or '?')."""
    return "/" + "/".join(quote(str(p), safe="") for p in parts)


def query_url(base: str, params: dict[str, Any], **changes: Any) -> str:
    """``base`` with the non-empty ``params`` updated by ``changes``."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return f"{base}?{urlencode(merged)}" if merged else base


def actor_label(row: dict[str, Any], side: str) -> str:
    name = row.get(f"{side}_name")
    if not name:
        return "—"
    code = "/".join(p for p in (row.get(f"{side}_country"), row.get(f"{side}_sector")) if p)
    return f"{name} ({code})" if code else name


def event_date(row: dict[str, Any]) -> Markup | str:
    if row.get("date"):
        return row["date"]
    published = row.get("published")
    return Markup('<span class="estimated" title="no date in the text: publication date">~{}</span>').format(
        published) if published else "?"


def clip(text: str | None, width: int = 140) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def quad_label(quad: int | None) -> str:
    return QUAD_LABELS[quad - 1] if quad in (1, 2, 3, 4) else "—"
