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
