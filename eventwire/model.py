"""Record types shared by every stage (DESIGN §2).

Stages pass these objects forward; `to_dict` gives the JSON record contract. Fields may be
added, never renamed or dropped, so old consumers keep working.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


def stable_id(prefix: str, *parts: object) -> str:
    """A short id that depends only on its parts, so re-running a stage gives the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(slots=True)
class Document:
    """One input unit: a text page, an HTML page, a WARC response or a JSONL object."""

    id: str
    source: str  # path of the file it came from
    format: str  # txt | html | jsonl
    content: str  # decoded text or HTML
    content_hash: str
    locator: str | None = None  # where inside the file: "line 3", "record 2"
    url: str | None = None
    title: str | None = None
    published: str | None = None

    @classmethod
    def from_bytes(cls, data: bytes, content: str, *, source: str, format: str, **meta: Any) -> "Document":
        digest = content_hash(data)
        return cls(id=f"d-{digest[:16]}", source=source, format=format, content=content,
                   content_hash=digest, **meta)


@dataclass(slots=True)
class Paragraph:
    """A body paragraph. `line` is the 1-based source line for text inputs, else the index."""

    text: str
    line: int
    column: int = 0  # where `text` starts within its first line; kept so evidence stays verbatim
    crosshead: bool = False  # a heading inside the body, which restates what the body tells

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "line": self.line, **({"crosshead": True} if self.crosshead else {})}


@dataclass(slots=True)
class Comment:
    author: str | None
    text: str
    line: int

    def to_dict(self) -> dict[str, Any]:
        return {"author": self.author, "text": self.text, "line": self.line}


@dataclass(slots=True)
class Article:
    id: str
    document_id: str
    source: str
    paragraphs: list[Paragraph]
    site: str | None = None
    title: str | None = None
    standfirst: str | None = None
    authors: list[str] = field(default_factory=list)
    syndicated_from: str | None = None
    published: str | None = None
    published_precision: str | None = None
    published_basis: str = "unknown"
    kind: str = "news"
    language: str = "en"
    comments: list[Comment] = field(default_factory=list)
    evidence_source: str | None = None  # the file that evidence offsets refer to
    disclaimers: list[str] = field(default_factory=list)  # opinion disclaimers the anatomy took out of the body

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "document_id": self.document_id, "source": self.source,
            "site": self.site, "title": self.title, "standfirst": self.standfirst,
            "authors": list(self.authors), "syndicated_from": self.syndicated_from,
            "published": self.published, "published_precision": self.published_precision,
            "published_basis": self.published_basis, "kind": self.kind, "language": self.language,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "comments": [c.to_dict() for c in self.comments],
        }


@dataclass(slots=True)
class Actor:
    """An event participant as written (`text`) and as resolved (code, sector, name)."""

    text: str
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    actor_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector,
                "name": self.name, "actor_id": self.actor_id}


@dataclass(slots=True)
class Location:
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon, "precision": self.precision}


@dataclass(slots=True)
class Attribution:
    """Who says so (DESIGN §3). `source` names who claims or reports the event when the article
    does not assert it itself; a claim someone denies keeps its source, takes stance "denied" and
    lists the deniers; the denial's own REJECT event names the claim it denies."""

    source: str | None = None
    stance: str = "asserted"  # asserted | claimed | denied | reported
    speaker: Actor | None = None  # `source` resolved to an actor
    denies: str | None = None  # on a denial's REJECT: the id of the event it denies
    denied_by: list[Actor] = field(default_factory=list)
    quote_id: str | None = None  # the direct quotation the event is told in

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "stance": self.stance,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "denies": self.denies, "denied_by": [a.to_dict() for a in self.denied_by],
                "quote_id": self.quote_id}


@dataclass(slots=True)
class Evidence:
    """The exact sentence. For text inputs `start`/`end` count characters from the start of
    `line` in the source file, so the text is found verbatim there."""

    text: str
    source: str
    line: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "source": self.source, "line": self.line,
                "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    type: str
    evidence: Evidence
    mode: str | None = None
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    attribution: Attribution = field(default_factory=Attribution)
    modality: str = "actual"
    confidence: float = 0.0
    cluster_id: str | None = None
    trigger: str | None = None  # the word(s) that typed the event
    # Hints for the stages after events (dates and places), not part of the record:
    past: bool = False  # told in a past tense
    trigger_at: int | None = None  # character offset of the trigger's last word in evidence.text
    date_rule: str | None = None  # what set `date`: "explicit", "weekday", "month", "yesterday" …

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "article_id": self.article_id, "type": self.type, "mode": self.mode,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "date": self.date, "date_precision": self.date_precision, "date_rule": self.date_rule,
            "location": self.location.to_dict() if self.location else None,
            "attribution": self.attribution.to_dict(), "modality": self.modality,
            "evidence": self.evidence.to_dict(), "confidence": self.confidence,
            "cluster_id": self.cluster_id, "trigger": self.trigger,
        }


@dataclass(slots=True)
class Quote:
    """A direct quotation and who said it. `evidence` locates the quoted words alone (without
    the quotation marks) in the source, as an event's evidence locates its sentence."""

    id: str
    article_id: str
    text: str
    evidence: Evidence
    speaker: Actor | None = None  # resolved; None when the text names no one
    speaker_text: str | None = None  # as written: "Lavrov", "he", "a senior official"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "article_id": self.article_id, "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "speaker_text": self.speaker_text, "evidence": self.evidence.to_dict()}


@dataclass(slots=True)
class ArticleSignals:
    """Facts about how an article sources what it says, for the analyst to weigh (not verdicts).
    Each phrase list holds the words found, so a reader can check them."""

    events: int = 0
    claims: int = 0  # events the article attributes (claimed, reported or denied), not asserts
    anonymous_sources: list[str] = field(default_factory=list)  # "unnamed officials", "sources say"
    opinion_disclaimers: list[str] = field(default_factory=list)  # "the views expressed are the author's own"
    speculation: list[str] = field(default_factory=list)  # the author's own "I suspect", "I think"
    syndicated_from: str | None = None
    quotes: int = 0

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> "ArticleSignals":
        return cls(**{k: v for k, v in record.items() if k != "claim_share"})

    @property
    def claim_share(self) -> float | None:
        return round(self.claims / self.events, 3) if self.events else None

    def to_dict(self) -> dict[str, Any]:
        return {"events": self.events, "claims": self.claims, "claim_share": self.claim_share,
                "anonymous_sources": self.anonymous_sources, "opinion_disclaimers": self.opinion_disclaimers,
                "speculation": self.speculation, "syndicated_from": self.syndicated_from,
                "quotes": self.quotes}


@dataclass(slots=True)
class ProcessedDocument:
    """What the pipeline makes of one document, stored together in one transaction."""

    document: Document
    articles: list[Article]
    sentence_counts: dict[str, int]  # article id -> sentences in it, parsed or not
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    signals: dict[str, ArticleSignals] = field(default_factory=dict)  # article id -> its signals
