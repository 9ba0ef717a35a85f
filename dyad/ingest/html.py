"""HTML pages: the article's main text, title and date, by trafilatura."""

from __future__ import annotations

import logging

from dyad.errors import InputError
from dyad.records import Article

MIN_ARTICLE_CHARS = 80  # less than a sentence or two is a page without an article


def read_html(html: str, doc_id: str, source: str) -> Article:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text) < MIN_ARTICLE_CHARS:
        raise InputError(source, "HTML page holds no article text")
    title = getattr(found, "title", None)
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the title is part of what the article says
    return Article(
        doc_id=doc_id,
        text=text + "\n",
        title=title,
        published=_iso_date(getattr(found, "date", None)),
        url=getattr(found, "url", None),
        outlet=getattr(found, "sitename", None),
        source_path=source,
    )


def _iso_date(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 4 and value[:4].isdigit() else None
