"""The article-graph types of the contract (``shared/contract``): one place.

Every front end (CLI, store, API, Spark job) reads and writes these types.
They are plain dataclasses so they pickle, compare and serialise cheaply;
``to_dict``/``from_dict`` give exactly the JSON shape of
``article-graph.schema.json`` (extra fields may be added, none renamed).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal, get_args

EXTRACTOR_VERSION = "0.1.0"

EntityType = Literal["PERSON", "ORG", "OUTLET", "GPE", "LOC", "NORP", "GROUP", "EVENT", "WORK", "OTHER"]
Status = Literal[
    "asserted", "attributed", "reported", "hedged", "speculative", "hypothetical", "negated", "unknown"
]
MentionKind = Literal["name", "alias", "descriptor", "pronoun", "possessive"]
QuoteKind = Literal["direct", "indirect", "mixed", "according_to"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]

ENTITY_TYPES: tuple[str, ...] = get_args(EntityType)
STATUSES: tuple[str, ...] = get_args(Status)


@dataclass(frozen=True)
class Article:
    """One dated news article as read from the input."""

    id: str
    title: str
    body: str
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    url: str | None = None
    source: str | None = None  # file (and line) it was read from; not part of the contract
    language: str | None = None  # ISO 639-1 code, when the reader identified it (WARC pages)

    @staticmethod
    def content_id(title: str, body: str, published: str | None = None) -> str:
        """A stable id from the content: the same text always gets the same id."""
        digest = hashlib.sha256(f"{published or ''}\n{title}\n{body}".encode()).hexdigest()
        return digest[:16]

    @property
    def content_hash(self) -> str:
        """Hash of everything extraction depends on (used for idempotent ingest)."""
        raw = f"{self.published or ''}\n{self.title}\n{self.body}"
        return hashlib.sha256(raw.encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
        }
        if self.language is not None:  # an extra field, present only when known
            out["language"] = self.language
        out["body"] = self.body
        return out


@dataclass
class Span:
    """Character offsets into ``article.body`` (or ``article.title`` when ``in_`` is "title")."""

    start: int
    end: int
    text: str | None = None
    in_: Literal["body", "title"] = "body"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end}
        if self.in_ == "title":
            out["in"] = "title"
        if self.text is not None:
            out["text"] = self.text
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return Span(d["start"], d["end"], d.get("text"), d.get("in", "body"))

    @classmethod
    def maybe(cls, d: dict[str, Any] | None) -> Span | None:
        """``from_dict`` for an optional span (None stays None)."""
        return None if d is None else Span.from_dict(d)


@dataclass
class Mention(Span):
    kind: MentionKind = "name"
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out["kind"] = self.kind
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(d["start"], d["end"], d.get("text"), d.get("in", "body"), d.get("kind", "name"), d.get("confidence"))


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    gender: Literal["female", "male", "other"] | None = None
    subtype: str | None = None  # e.g. "news_outlet", "platform", "family"
    aliases: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "gender": self.gender,
            "subtype": self.subtype,
            "aliases": list(self.aliases),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"],
            name=d["name"],
            type=d["type"],
            mentions=[Mention.from_dict(m) for m in d.get("mentions", [])],
            gender=d.get("gender"),
            subtype=d.get("subtype"),
            aliases=list(d.get("aliases", [])),
        )


@dataclass
class Time(Span):
    type: TimeType = "DATE"
    value: str = "XXXX-XX-XX"
    anchor: str | None = None
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, START, ...

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        out.update({"type": self.type, "value": self.value, "anchor": self.anchor})
        if self.mod:
            out["mod"] = self.mod
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Time:
        return cls(
            d["start"], d["end"], d.get("text"), d.get("in", "body"),
            d["type"], d["value"], d.get("anchor"), d.get("mod"),
        )


@dataclass
class Quote:
    id: str
    kind: QuoteKind
    span: Span
    speaker: str | None
    status: Status = "attributed"
    speaker_span: Span | None = None
    cue: Span | None = None
    addressee: str | None = None
    when: str | None = None
    source: str | None = None
    text: str | None = None
    confidence: float | None = None  # 0-1: how sure the construction, status and coreference make it
    pieces: list[Span] | None = None  # a quote split by its attribution: its parts; ``span`` covers them all

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "span": self.span.to_dict(),
            "text": self.text,
            "speaker": self.speaker,
            "speaker_span": self.speaker_span.to_dict() if self.speaker_span else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "addressee": self.addressee,
            "when": self.when,
            "status": self.status,
            "source": self.source,
            "confidence": _round(self.confidence),
        }
        if self.pieces:
            out["pieces"] = [p.to_dict() for p in self.pieces]
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            id=d["id"], kind=d["kind"], span=Span.from_dict(d["span"]),
            speaker=d.get("speaker"), status=d.get("status", "attributed"),
            speaker_span=Span.maybe(d.get("speaker_span")), cue=Span.maybe(d.get("cue")),
            addressee=d.get("addressee"), when=d.get("when"), source=d.get("source"), text=d.get("text"),
            confidence=d.get("confidence"),
            pieces=[Span.from_dict(p) for p in d["pieces"]] if d.get("pieces") else None,
        )


@dataclass
class Role:
    person: str | None
    title: str
    status: Status = "asserted"
    org: str | None = None
    place: str | None = None
    start: str | None = None
    end: str | None = None
    when: str | None = None
    current: bool | None = None
    source: str | None = None
    evidence: Span | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["evidence"] = self.evidence.to_dict() if self.evidence else None
        out["confidence"] = _round(self.confidence)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Role:
        return _from_plain(cls, d, spans=("evidence",))


@dataclass
class Relation:
    type: str
    subject: str | None
    object: str | None
    evidence: Span
    status: Status = "asserted"
    start: str | None = None
    end: str | None = None
    when: str | None = None
    source: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _plain(self)
        out["evidence"] = self.evidence.to_dict()
        out["confidence"] = _round(self.confidence)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Relation:
        return _from_plain(cls, d, spans=("evidence",))


@dataclass
class Participant:
    role: str
    entity: str | None


@dataclass
class Event:
    type: str
    participants: list[Participant]
    evidence: Span
    status: Status = "asserted"
    when: str | None = None
    source: str | None = None
    ordinal: int | None = None  # "second inauguration" -> 2 (an added field; absent when unknown)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "participants": [asdict(p) for p in self.participants],
            "when": self.when,
            "status": self.status,
            "source": self.source,
            "evidence": self.evidence.to_dict(),
            "confidence": _round(self.confidence),
        }
        if self.ordinal is not None:
            out["ordinal"] = self.ordinal
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            type=d["type"],
            participants=[Participant(p["role"], p.get("entity")) for p in d.get("participants", [])],
            evidence=Span.from_dict(d["evidence"]),
            status=d.get("status", "asserted"), when=d.get("when"), source=d.get("source"),
            ordinal=d.get("ordinal"), confidence=d.get("confidence"),
        )


@dataclass
class Claim:
    span: Span
    status: Status
    cues: list[str] = field(default_factory=list)
    source: str | None = None
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "status": self.status, "cues": list(self.cues), "source": self.source,
                "confidence": _round(self.confidence)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        return cls(Span.from_dict(d["span"]), d["status"], list(d.get("cues", [])), d.get("source"),
                   d.get("confidence"))


@dataclass
class ArticleGraph:
    """Everything dossier extracts from one article (the contract's top-level object)."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    extractor_version: str = EXTRACTOR_VERSION
    # The parse's sentences (offsets only, no text; an added field): the store reads evidence sentences here.
    sentences: list[Span] = field(default_factory=list)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def shown(self, min_confidence: float) -> ArticleGraph:
        """The graph a user is shown: facts that are not hypothetical and reach ``min_confidence``.

        Entities and times stay; a fact without a confidence (a graph from an older
        extractor) counts as shown.
        """
        return replace(
            self,
            quotes=[f for f in self.quotes if is_shown(f, min_confidence)],
            roles=[f for f in self.roles if is_shown(f, min_confidence)],
            relations=[f for f in self.relations if is_shown(f, min_confidence)],
            events=[f for f in self.events if is_shown(f, min_confidence)],
            claims=[f for f in self.claims if f.confidence is None or f.confidence >= min_confidence],
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "extractor_version": self.extractor_version,
            "entities": [e.to_dict() for e in self.entities],
            "times": [t.to_dict() for t in self.times],
            "quotes": [q.to_dict() for q in self.quotes],
            "roles": [r.to_dict() for r in self.roles],
            "relations": [r.to_dict() for r in self.relations],
            "events": [e.to_dict() for e in self.events],
            "claims": [c.to_dict() for c in self.claims],
            "sentences": [s.to_dict() for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleGraph:
        a = d["article"]
        article = Article(
            id=a["id"], title=a["title"], body=a["body"], published=a.get("published"),
            outlet=a.get("outlet"), url=a.get("url"), language=a.get("language"),
        )
        return cls(
            article=article,
            entities=[Entity.from_dict(e) for e in d.get("entities", [])],
            times=[Time.from_dict(t) for t in d.get("times", [])],
            quotes=[Quote.from_dict(q) for q in d.get("quotes", [])],
            roles=[Role.from_dict(r) for r in d.get("roles", [])],
            relations=[Relation.from_dict(r) for r in d.get("relations", [])],
            events=[Event.from_dict(e) for e in d.get("events", [])],
            claims=[Claim.from_dict(c) for c in d.get("claims", [])],
            extractor_version=d.get("extractor_version", EXTRACTOR_VERSION),
            sentences=[Span.from_dict(s) for s in d.get("sentences", [])],
        )


def is_shown(fact: Quote | Role | Relation | Event, min_confidence: float) -> bool:
    """Whether a user sees the fact by default: not hypothetical, and confident enough."""
    if fact.status == "hypothetical":
        return False
    return fact.confidence is None or fact.confidence >= min_confidence


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _from_plain(cls: type, d: dict[str, Any], spans: tuple[str, ...] = ()) -> Any:
    names = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in d.items() if k in names}
    for key in spans:
        if key in kwargs:
            kwargs[key] = Span.maybe(kwargs[key])
    return cls(**kwargs)
