"""``meta.jsonl`` beside the inputs: publication date, URL and outlet by doc_id."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import InputError
from dyad.records import Article

log = logging.getLogger("dyad")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
META_FIELDS = ("published", "url", "outlet", "title")


def normalise_date(value: object, where: str) -> str:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` from a date or timestamp string."""
    match = _DATE.match(str(value).strip())
    if not match:
        raise InputError(where, f"publication date {value!r} is not YYYY[-MM[-DD]]")
    year, month, day = match.groups()
    if month and not 1 <= int(month) <= 12 or day and not 1 <= int(day) <= 31:
        raise InputError(where, f"publication date {value!r} is not a real date")
    return "-".join(part for part in (year, month, day) if part)


@dataclass(frozen=True)
class Meta:
    """Metadata by doc_id from one folder's ``meta.jsonl`` (empty when there is none)."""

    by_doc: dict[str, dict] = field(default_factory=dict)

    def apply(self, article: Article, fallback_published: str | None) -> Article:
        found = self.by_doc.get(article.doc_id) or self.by_doc.get(Path(article.doc_id).name) or {}
        changes = {k: found[k] for k in META_FIELDS if found.get(k) and not getattr(article, k)}
        if "published" in changes:
            changes["published"] = normalise_date(changes["published"], f"meta.jsonl for {article.doc_id}")
        if not (changes.get("published") or article.published) and fallback_published:
            changes["published"] = fallback_published
        return article.with_meta(**changes) if changes else article


def find_meta(folder: Path) -> Meta:
    path = folder / "meta.jsonl"
    if not path.is_file():
        return Meta()
    by_doc = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            by_doc[str(record["doc_id"])] = record
        except (json.JSONDecodeError, KeyError, TypeError):
            log.warning("%s:%d: skipped: not a JSON object with a 'doc_id'", path, number)
    return Meta(by_doc)
