"""Pydantic models at the API's edges: the one body that comes in (ingest by URL), and the shapes that
go out, for the OpenAPI description only (responses are the export's dicts, sent as they are)."""

from __future__ import annotations

from pydantic import BaseModel, Field


MAX_SOURCE = 200  # characters of an outlet's name given with an upload


class IngestURL(BaseModel):
    """Fetch one page and ingest it."""

    url: str = Field(max_length=2048, examples=["https://example.com/news/article.html"])
    source: str | None = Field(None, max_length=MAX_SOURCE, description="the outlet, when the page names none")


class Detail(BaseModel):
    detail: str


class Document(BaseModel):
    id: str
    path: str
    url: str | None
    source: str | None
    authors: list[str]
    published: str | None
    title: str | None
    body: str
    words: int
    comments: int
    duplicate_of: str | None


class Sentence(BaseModel):
    start: int
    end: int
    text: str


class Mention(BaseModel):
    start: int
    end: int
    kind: str
    text: str
    value: str | None
    precision: str | None
    key: str | None
    head: str | None = None
    role: str | None = None


class Quote(BaseModel):
    start: int
    end: int
    text: str
    speaker: str | None
    kind: str


class AnnotatedDocument(Document):
    paths: list[str]
    comment_texts: list[str]
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[Quote]


class Evidence(BaseModel):
    document: str
    sentence: str
    value: str | None
    source: str | None = None
    published: str | None = None
    start: int | None = None
    end: int | None = None
    value_text: str | None = None


class Finding(BaseModel):
    verdict: str = Field(description="corroborated | single_source | conflict | variant | update")
    statement: str
    attribute: str | None
    evidence: list[Evidence]
    explanation: str


class TimelineEvent(BaseModel):
    date: str
    precision: str
    event: str
    documents: list[str]


class Entity(BaseModel):
    key: str
    name: str
    kind: str
    aliases: list[str]
    documents: list[str]


class _StoryFields(BaseModel):
    """What a story listing and a full story both say of it."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    documents: list[str]
    sources: list[str]
    related: list[str]


class StorySummary(_StoryFields):
    verdicts: dict[str, int] = Field(description="how many findings of each verdict")


class Story(_StoryFields):
    findings: list[Finding]
    timeline: list[TimelineEvent]
    entities: list[Entity]


class Rejection(BaseModel):
    path: str
    reason: str


class StoryHit(BaseModel):
    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    documents: int
    snippet: str
    snippet_html: str = Field(description="the snippet, escaped, with the matched words in <mark>")


class DocumentHit(BaseModel):
    id: str
    title: str | None
    source: str | None
    published: str | None
    story: str | None
    snippet: str
    snippet_html: str


class SearchResult(BaseModel):
    query: str
    stories: list[StoryHit]
    documents: list[DocumentHit]


class IngestedInput(BaseModel):
    path: str
    status: str = Field(description="stored | near_duplicate | exact_duplicate | already_stored | rejected")
    document: str | None
    story: str | None
    detail: str | None


class IngestResult(BaseModel):
    inputs: list[IngestedInput]
    stored: int
    rejected: list[Rejection]
    build: dict[str, int]
