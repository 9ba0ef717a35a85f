"""The typed records that travel through every stage: Article, Actor, Place,
Evidence, Event. Their dict form is the contract of ``spec/event-record.md``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("happened", "planned", "negated")


@dataclass(frozen=True)
class Article:
    """One document as read: ``text`` is what offsets point into."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    outlet: str | None = None
    source_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Article":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_meta(self, **meta: Any) -> "Article":
        return replace(self, **meta)


@dataclass(frozen=True)
class Actor:
    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        # explicit, not dataclasses.asdict: this runs for every event written or served
        return {"text": self.text, "name": self.name, "country": self.country, "sector": self.sector,
                "wikidata": self.wikidata}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Actor | None":
        if data is None:
            return None
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass(frozen=True)
class Place:
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "Place | None":
        if data is None:
            return None
        return cls(**{f.name: data.get(f.name) for f in fields(cls)})


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Evidence":
        return cls(text=data["text"], start=data.get("start"), end=data.get("end"))


@dataclass(frozen=True)
class Event:
    """One event as ``spec/event-record.md`` defines it."""

    id: str
    doc_id: str
    event_type: str
    evidence: Evidence
    mode: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    status: str = "happened"
    source: Actor | None = None
    target: Actor | None = None
    date: str | None = None
    date_text: str | None = None
    location: Place | None = None
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "status": self.status,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date,
            "date_text": self.date_text,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        return cls(
            id=data.get("id") or "",
            doc_id=data["doc_id"],
            event_type=data["event_type"],
            evidence=Evidence.from_dict(data["evidence"]),
            mode=data.get("mode"),
            cameo=data.get("cameo"),
            quad_class=data.get("quad_class"),
            goldstein=data.get("goldstein"),
            status=data.get("status") or "happened",
            source=Actor.from_dict(data.get("source")),
            target=Actor.from_dict(data.get("target")),
            date=data.get("date"),
            date_text=data.get("date_text"),
            location=Place.from_dict(data.get("location")),
            confidence=data.get("confidence", 0.5),
        )

    def replace(self, **changes: Any) -> "Event":
        return replace(self, **changes)
