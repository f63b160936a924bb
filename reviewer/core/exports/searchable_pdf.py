"""The searchable-PDF export: a copy of a document's stored PDF with its OCR'd words as an
invisible text layer under each scanned page's image (the stored original is not changed)."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer.core import pdf
from reviewer.core.errors import ReviewerError
from reviewer.core.exports import atomic_output
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter


def write_searchable_pdf(matter: Matter, doc: str | int, path: str | Path) -> tuple[int, int]:
    """Write DOC with its OCR text layer to ``path`` (atomically); returns (pages with a new
    text layer, words). Raises ReviewerError when DOC has no OCR'd pages."""
    d = find_document(matter, doc)
    rows = matter.db.execute(
        "SELECT pno, words FROM pages WHERE doc_id = ? AND ocr AND words IS NOT NULL", [d.id]
    ).fetchall()
    if not rows:
        raise ReviewerError(
            f"{d.file_name}: has no OCR'd pages; run: reviewer ocr {matter.path} {d.id}"
        )
    words: dict[int, list[pdf.WordBox]] = {
        pno - 1: [(w[0], w[1], w[2], w[3], w[4]) for w in json.loads(js)] for pno, js in rows
    }
    with atomic_output(path) as tmp:
        n = pdf.searchable_copy(matter.path / d.stored_path, words, tmp)
    return len(words), n
