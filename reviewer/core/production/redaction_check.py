"""The bad-redaction check (issue 17) above the PDF layer: check any PDF files and report
``{file, page, rect, text, cover}`` findings, and keep the findings of a matter's documents
(table ``bad_redactions``, written on import) so that the app and ``docs --json`` can warn.
How a finding is decided is in ``reviewer.core.pdf.covers``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from reviewer.core.matter.store import Matter
from reviewer.core.pdf.covers import Hidden, bad_redactions

__all__ = ["Hidden", "bad_redactions", "check_files", "findings_of", "store_findings"]


def check_files(paths: Iterable[str | Path]) -> list[dict[str, object]]:
    """Every finding of every file, in file then page order (``file`` as given)."""
    out: list[dict[str, object]] = []
    for path in paths:
        out += [h.as_json(str(path)) for h in bad_redactions(path)]
    return out


def as_rows(found: list[Hidden]) -> list[dict[str, object]]:
    """Findings as ``bad_redactions`` rows without ``doc_id`` (plain data for a worker)."""
    return [{"page": h.page, "rect": json.dumps([round(v, 2) for v in h.rect]),
             "text": h.text, "cover": h.cover} for h in found]  # fmt: skip


def store_findings(matter: Matter, doc_id: int, rows: list[dict[str, object]]) -> None:
    """Replace a document's stored findings (inside the caller's transaction, if any)."""
    matter.db.execute("DELETE FROM bad_redactions WHERE doc_id = ?", [doc_id])
    matter.db.table("bad_redactions").insert_all({"doc_id": doc_id, **r} for r in rows)


def findings_of(matter: Matter, doc_id: int) -> list[dict[str, object]]:
    """A document's stored findings: ``{page, rect, text, cover}``."""
    rows = matter.db.execute(
        "SELECT page, rect, text, cover FROM bad_redactions WHERE doc_id = ? ORDER BY page, id",
        [doc_id],
    ).fetchall()
    return [{"page": p, "rect": json.loads(r), "text": t, "cover": c} for p, r, t, c in rows]
