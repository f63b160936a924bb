"""Frozen records passed between the core and its callers (CLI, GUI, tests)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of a long job: ``done`` of ``total`` ``unit`` (files, pages, paragraphs…) of
    the phase ``step`` (import, ocr, index, export, verify, redact…), with a human message.
    ``step`` ends in ``-done`` for a unit's outcome (e.g. one document OCR'd) and is
    ``notice`` for a message that is not progress; callers read these fields, never the
    message, to tell them apart."""

    done: int
    total: int
    message: str = ""
    path: str | None = None
    result: ImportResult | None = None
    step: str = ""
    unit: str = ""


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
    court_name: str | None = None
    case_no_printed: str | None = None
    case_name: str | None = None
    parties_json: str | None = None
    kind_reason: str | None = None
    abbrev: str | None = None
    pdf_title: str | None = None

    @property
    def parties(self) -> dict[str, list[str]]:
        return (
            json.loads(self.parties_json)
            if self.parties_json
            else {"plaintiffs": [], "defendants": []}
        )

    @property
    def short_cite(self) -> str:
        """The Bluebook short form with its docket entry: ``Berry Decl. (Dkt. 55-3)``."""
        base = self.abbrev or "Doc."
        return f"{base} (Dkt. {self.docket_no})" if self.docket_no else base

    @property
    def display_name(self) -> str:
        return self.title or self.file_name

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
            "court_name": self.court_name,
            "case_no_printed": self.case_no_printed,
            "case_name": self.case_name,
            "parties": self.parties,
            "kind_reason": self.kind_reason,
            "short_cite": self.short_cite,
        }


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A stored paragraph; ``page_*`` are 1-based PDF page indices."""

    id: int
    doc_id: int
    seq: int
    number: str | None
    kind: str  # numbered | heading | text | footnote | prayer | caption
    section: str | None
    count: str | None
    text: str
    page_start: int
    page_end: int
    cite: str
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)
    list_no: int | None = None  # which numbered list (1, 2, …) a numbered ¶ belongs to
    footnote_of: int | None = None  # a footnote: the seq of the paragraph citing it
    count_against: str | None = None  # "(Against All Defendants)" under the COUNT

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
            "list": self.list_no,
            "footnote_of": self.footnote_of,
            "count_against": self.count_against,
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
