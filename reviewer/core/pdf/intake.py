"""Reading a PDF for import: its positioned text and its bad-redaction findings from one
opening of the file, the check told by the text which pages hold nothing it could report
(``hints``), so that it traces only the pages where a cover meets text."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.pdf.covers import Hidden, bad_redactions_in
from reviewer.core.pdf.hints import TextHints
from reviewer.core.pdf.read import PdfText, _open, read_open


def read_for_import(path: str | Path, accept_damaged: bool = False) -> tuple[PdfText, list[Hidden]]:
    """``read_pdf(path, accept_damaged)`` and ``bad_redactions(path)`` together. Raises what
    ``read_pdf`` raises; the check never fails an import: a page MuPDF cannot analyse leaves
    the findings empty (the file itself was read by then)."""
    p = Path(path)
    doc = _open(p)
    try:
        hints: list[TextHints] = []
        pdf = read_open(doc, p, accept_damaged, hints)
        try:
            found = bad_redactions_in(doc, hints)  # one a page, read whole or marked not
        except (RuntimeError, ValueError):
            found = []
        return pdf, found
    finally:
        doc.close()
