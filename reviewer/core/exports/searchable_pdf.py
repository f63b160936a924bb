"""The searchable-PDF export: a copy of a document's stored PDF with its OCR'd words as an
invisible text layer under each scanned page's image (the stored original is not changed)."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from reviewer.core import pdf
from reviewer.core.documents import find_document
from reviewer.core.errors import ReviewerError
from reviewer.core.matter import Matter


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
    dest = Path(path)
    if not dest.parent.is_dir():
        raise ReviewerError(f"{dest.parent}: no such folder to write {dest.name} into.")
    stored = matter.path / d.stored_path
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        n = pdf.searchable_copy(stored, words, tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        raise ReviewerError(f"{dest}: cannot be written ({exc.strerror or exc}).") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return len(words), n
