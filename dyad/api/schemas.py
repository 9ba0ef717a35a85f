"""The API's JSON shapes, for its OpenAPI description and for the articles it
accepts. Responses are built from the store's own records (``to_dict``) and
sent as they are; these models document them (``spec/event-record.md``)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from dyad.errors import InputError
from dyad.ingest.meta import normalise_date


class Actor(BaseModel):
    text: str = Field(description="The words in the sentence that name it.")
    name: str = Field(description="Canonical name.")
    country: str | None = Field(description="ISO 3166-1 alpha-3, or IGO, UNO, EUR, NGO, ISM, IMG, MNC.")
    sector: str | None = Field(description="PLOVER sector code (GOV, MIL, ...); null for a state as a whole.")
    wikidata: str | None


class Place(BaseModel):
    text: str
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None


class Evidence(BaseModel):
    text: str = Field(description="The sentence.")
    start: int | None = Field(description="Offset into the document's text as read (Unicode code points).")
    end: int | None


class Event(BaseModel):
    """One event record, as `spec/event-record.md` defines it."""

    id: str
    doc_id: str
    event_type: str = Field(description="PLOVER type, upper case.")
    mode: str | None
    cameo: str | None
    quad_class: int | None = Field(description="1 verbal cooperation .. 4 material conflict.")
    goldstein: float | None
    status: str = Field(description="happened, planned or negated.")
    source: Actor | None
    target: Actor | None
    date: str | None = Field(description="YYYY-MM-DD, YYYY-MM or YYYY.")
    date_text: str | None
    location: Place | None
    evidence: Evidence
    confidence: float


class StoredEvent(Event):
    """A merged event: the record plus how it was merged."""

    date_estimated: bool = Field(description="True when the date span is its first report's publication date.")
    published: str | None
    n_mentions: int
    n_documents: int


class EventPage(BaseModel):
    total: int = Field(description="Events that match the filters.")
    next: str | None = Field(description="Cursor of the next page (pass it as `cursor` with the same filters).")
    next_url: str | None = Field(description="The next page's URL.")
    events: list[StoredEvent]


class MentionDocument(BaseModel):
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None


class Mention(Event):
    """One report of an event: the event as coded in that document."""

    document: MentionDocument


class EventDetail(Event):
    date_estimated: bool
    n_documents: int
    mentions: list[Mention]


class DocumentMention(BaseModel):
    mention_id: str
    event_id: str = Field(description="The merged event it is part of.")
    event_type: str
    mode: str | None
    status: str
    date: str | None
    source: Actor | None
    target: Actor | None
    evidence: Evidence
    clean_start: int | None = Field(description="The sentence's offsets in `clean_text`, where it is kept there.")
    clean_end: int | None


class Document(BaseModel):
    id: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None
    text: str = Field(description="The text as read: evidence offsets point into it.")
    clean_text: str = Field(description="The text without page furniture, as the coder read it.")
    mentions: list[DocumentMention]


class TimelineRow(BaseModel):
    period: str
    source: str
    target: str
    events: int
    quad_classes: list[int] = Field(description="Events per QuadClass 1..4.")
    goldstein_mean: float | None


class Timeline(BaseModel):
    a: str
    b: str
    by: str
    imprecise: int = Field(description="Events dated less precisely than a period: not counted.")
    rows: list[TimelineRow]


class ActorCount(BaseModel):
    actor_id: str
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    as_source: int
    as_target: int
    events: int


class ActorDetail(BaseModel):
    name: str
    records: list[ActorCount] = Field(description="One per country and sector under this name.")
    counterparts: list[dict] = Field(description="Names it has most events with: {name, events}.")
    events: EventPage


class DyadCount(BaseModel):
    dyad: str
    a: str
    b: str
    events: int
    a_to_b: int
    b_to_a: int
    quad_classes: list[int]
    goldstein_mean: float | None
    first: str | None
    last: str | None


class DyadDetail(BaseModel):
    timeline: Timeline
    events: EventPage


class Overview(BaseModel):
    documents: int
    events: int
    mentions: int
    actors: int


class Home(BaseModel):
    counts: Overview
    dyads: list[DyadCount]
    latest: list[StoredEvent]


class ArticleIn(BaseModel):
    """An article to code and store."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=500, description="The document's id; the same id replaces it.")
    text: str = Field(min_length=1, description="The article's text.")
    title: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, description="Publication date, YYYY[-MM[-DD]].")
    url: str | None = Field(None, max_length=4000)
    outlet: str | None = Field(None, max_length=500)

    @field_validator("id", "text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("published")
    @classmethod
    def _date(cls, value: str | None) -> str | None:
        if not value:
            return None
        try:
            return normalise_date(value, "published")
        except InputError as error:
            raise ValueError(error.problem) from error


class StoredDocument(BaseModel):
    id: str
    outcome: str = Field(description="new, replaced, unchanged or failed.")
    events: int
    problem: str | None


class IngestReport(BaseModel):
    documents: list[StoredDocument]
    store: Overview


class Problem(BaseModel):
    detail: str | list = Field(description="What was wrong.")
