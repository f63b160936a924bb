"""Frozen records passed between the core and its callers (CLI, GUI, tests)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of a long job: ``done`` of ``total`` units, with a human message."""

    done: int
    total: int
    message: str = ""
    path: str | None = None
    result: ImportResult | None = None


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What happened to one file offered for import (the ``--json`` contract)."""

    path: str
    status: str  # imported | duplicate | failed
    doc_id: int | None = None
    error: str | None = None
    pages: int = 0
    paragraphs: int = 0
    text_quality: str | None = None
    warnings: tuple[str, ...] = ()
    numbered: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "path": self.path,
            "doc_id": self.doc_id,
            "status": self.status,
            "error": self.error,
            "pages": self.pages,
            "paragraphs": self.paragraphs,
            "numbered": self.numbered,
            "text_quality": self.text_quality,
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class Document:
    id: int
    file_name: str
    sha256: str
    kind: str
    pages: int
    text_quality: str
    needs_ocr: bool
    quality_note: str | None
    title: str | None
    court: str | None
    case_no: str | None
    docket_no: str | None
    filed: str | None
    stored_path: str
    imported_at: str

    def as_json(self) -> dict[str, object]:
        return {
            "doc_id": self.id,
            "file_name": self.file_name,
            "sha256": self.sha256,
            "kind": self.kind,
            "pages": self.pages,
            "text_quality": self.text_quality,
            "needs_ocr": self.needs_ocr,
            "quality_note": self.quality_note,
            "title": self.title,
            "court": self.court,
            "case_no": self.case_no,
            "docket_no": self.docket_no,
            "filed": self.filed,
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A stored paragraph; ``page_*`` are 1-based PDF page indices."""

    id: int
    doc_id: int
    seq: int
    number: str | None
    kind: str  # numbered | heading | text | footnote | prayer
    section: str | None
    count: str | None
    text: str
    page_start: int
    page_end: int
    cite: str
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "seq": self.seq,
            "number": self.number,
            "kind": self.kind,
            "section": self.section,
            "count": self.count,
            "text": self.text,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "cite": self.cite,
        }


@dataclass(frozen=True, slots=True)
class Hit:
    """One matching paragraph; ``highlights`` are character ranges in its ``text``."""

    pid: int
    doc_id: int
    file_name: str
    seq: int
    number: str | None
    kind: str
    cite: str
    page_start: int
    page_end: int
    score: float | None
    text: str
    snippet: str
    highlights: list[tuple[int, int]]

    def as_json(self) -> dict[str, object]:
        return {
            "doc_id": self.doc_id,
            "file_name": self.file_name,
            "seq": self.seq,
            "number": self.number,
            "cite": self.cite,
            "page_start": self.page_start,
            "score": self.score,
            "snippet": self.snippet,
            "page_end": self.page_end,
            "kind": self.kind,
            "highlights": [list(r) for r in self.highlights],
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Hits of one search: ``total`` matches in all, ``per_doc`` doc id → matches (None and
    {} when the search did not count them)."""

    query: str
    syntax: str
    order: str
    total: int | None
    per_doc: dict[int, int]
    hits: list[Hit]
    files: dict[int, str]  # file name of each document in per_doc and in hits


# -- claims, elements, tags (issue 5) -----------------------------------------------------------
ASSESSMENTS = ("factual", "conclusory", "information-and-belief", "contradicted")


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a claim in a matter; ``id`` is the row id tags point at, ``full_id``
    the stable name users type (``tvpra-1595.knowingly-benefited``)."""

    id: int
    claim_id: int
    claim_key: str
    key: str
    name: str
    description: str
    terms: str
    hotkey: int | None
    position: int
    retired: bool

    @property
    def full_id(self) -> str:
        return f"{self.claim_key}.{self.key}"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.full_id,
            "name": self.name,
            "description": self.description,
            "hotkey": self.hotkey,
            "terms": self.terms,
            "retired": self.retired,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim in a matter (from a template or custom) with its elements in order, retired
    ones included (``active`` leaves them out)."""

    id: int
    key: str
    name: str
    source: str
    template: str | None
    position: int
    elements: tuple[Element, ...] = ()

    @property
    def active(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if not e.retired)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.key,
            "name": self.name,
            "source": self.source,
            "template": self.template,
            "elements": [e.as_json() for e in self.elements],
        }


@dataclass(frozen=True, slots=True)
class Tag:
    """A paragraph (``para_id``) or an exhibit page range (``page_start``..``page_end``,
    1-based) tagged with an element."""

    id: int
    element_id: int
    element: str  # full id
    doc_id: int
    para_id: int | None
    page_start: int | None
    page_end: int | None
    assessment: str
    note: str
    who: str
    at: str
    cite: str

    def as_json(self) -> dict[str, object]:
        return {
            "tag_id": self.id,
            "element": self.element,
            "doc_id": self.doc_id,
            "para_id": self.para_id,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "assessment": self.assessment,
            "note": self.note,
            "who": self.who,
            "at": self.at,
            "cite": self.cite,
        }


@dataclass(frozen=True, slots=True)
class Changes:
    """What a mutation changed, so views refresh only that (STYLE habit 5). Sets hold row
    ids; ``counts`` holds (doc id, count heading) pairs whose mapping changed."""

    tags: frozenset[int] = frozenset()
    paragraphs: frozenset[int] = frozenset()
    elements: frozenset[int] = frozenset()
    claims: frozenset[int] = frozenset()
    counts: frozenset[tuple[int, str]] = frozenset()
    batch: int | None = None  # the audit batch that recorded the change
    documents: frozenset[int] = frozenset()  # privilege coding or redactions changed (issue 6)
    people: bool = False  # the people list changed
    # documents whose own rows, pages or paragraphs changed (re-cut, kind, delete, undo)
    content: frozenset[int] = frozenset()
    orphans: frozenset[int] = frozenset()  # orphaned work rows kept or re-attached
    label: str = ""  # the operation's label, e.g. "Tag ¶¶ 5-7 with Knowingly benefited"

    def __bool__(self) -> bool:
        return bool(
            self.tags or self.elements or self.claims or self.counts or self.documents
            or self.people or self.content or self.orphans
        )  # fmt: skip

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.tags | other.tags,
            self.paragraphs | other.paragraphs,
            self.elements | other.elements,
            self.claims | other.claims,
            self.counts | other.counts,
            other.batch if other.batch is not None else self.batch,
            self.documents | other.documents,
            self.people or other.people,
            self.content | other.content,
            self.orphans | other.orphans,
            other.label or self.label,
        )


@dataclass(frozen=True, slots=True)
class CountSuggestion:
    """A claim template (or a matter's claim) a count appears to plead, and why."""

    claim: str
    name: str
    score: float
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"claim": self.claim, "name": self.name, "score": self.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Count:
    """One COUNT / CAUSE OF ACTION of a complaint. ``key`` is the paragraphs' ``count`` value
    (what mappings are stored under); ``heading`` is the whole heading block."""

    doc_id: int
    number: int
    key: str
    heading: str
    first_para: str | None
    last_para: str | None
    paragraphs: int
    cites: tuple[str, ...]
    suggested: tuple[CountSuggestion, ...]
    mapped: tuple[str, ...]  # confirmed claim keys
    pending: tuple[str, ...] = ()  # stored but unconfirmed claim keys

    @property
    def status(self) -> str:
        if self.mapped:
            return "confirmed"
        return "suggested" if self.suggested or self.pending else "unmapped"

    def as_json(self) -> dict[str, object]:
        return {
            "doc_id": self.doc_id,
            "count": self.number,
            "key": self.key,
            "heading": self.heading,
            "first_para": self.first_para,
            "last_para": self.last_para,
            "paragraphs": self.paragraphs,
            "cites": list(self.cites),
            "status": self.status,
            "mapped": list(self.mapped),
            "suggested": [s.as_json() for s in self.suggested],
        }


# -- productions (issue 7) ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ProductionSet:
    """A named production: Bates ``prefix`` + ``start`` zero-padded to ``digits``, a legend,
    and its documents (ids) in production order."""

    id: int
    name: str
    prefix: str
    start: int
    digits: int
    legend: str
    doc_ids: tuple[int, ...]

    def bates(self, number: int) -> str:
        return f"{self.prefix}{number:0{self.digits}d}"
