"""Every report export by name, as ``reviewer export …`` writes it: the proof chart, the
conclusory allegations, the privilege and redaction logs, a searchable PDF, the exhibit list
and binder. One ``Request`` says what to write; ``write_export`` writes it and returns the
sentence the CLI prints. The app runs ``write_export`` in a child process (the writers and
PyMuPDF hold the GIL) after ``findings`` has shown the checks in its dialog.

Formats per export are those of the CLI (``FORMATS_OF``); the logs are refused when their
checks find errors unless ``force`` (the CLI's ``--force``, the app's "Export anyway").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits.binder import write_binder
from reviewer.core.exhibits.exhibit_list import exhibit_list_report
from reviewer.core.exports import FORMATS, write
from reviewer.core.exports.chart_scope import find_complaint
from reviewer.core.exports.privilege_log import gate, privilege_log_report, redaction_log_report
from reviewer.core.exports.proof_chart import (
    ChartSummary,
    chart_rows,
    conclusory_report,
    proof_chart_report,
)
from reviewer.core.exports.searchable_pdf import write_searchable_pdf
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.wording import plural

FORMATS_OF: dict[str, tuple[str, ...]] = {
    "proof-chart": FORMATS,
    "conclusory": FORMATS,
    "privilege-log": FORMATS,
    "redaction-log": FORMATS,
    "searchable-pdf": ("pdf",),
    "exhibit-list": FORMATS,
    "exhibit-binder": ("pdf",),
}
CHECKED = ("privilege-log", "redaction-log")  # refused on check errors unless forced


@dataclass(frozen=True, slots=True)
class Request:
    """``option``: the complaint (proof chart, conclusory; None: all), the preset (privilege
    log) or the document (searchable PDF)."""

    kind: str
    path: Path
    option: str | None = None
    force: bool = False

    @property
    def fmt(self) -> str:
        fmt = self.path.suffix.lower().lstrip(".")
        if fmt not in FORMATS_OF[self.kind]:
            allowed = ", ".join(f".{f}" for f in FORMATS_OF[self.kind])
            raise ReviewerError(f"{self.path.name}: name the file {allowed}.")
        return fmt


def findings(matter: Matter, kind: str) -> list[privcheck.Finding]:
    """What the checks say before export ``kind`` (errors first); [] for unchecked kinds."""
    return privcheck.check(matter) if kind in CHECKED else []


def _chart(m: Matter, req: Request, fmt: str) -> str:
    doc_id, scope = None, ""
    if req.option:
        found = find_complaint(m, req.option)
        doc_id, scope = found.doc_id, found.label
    rows = chart_rows(m, doc_id)
    if req.kind == "conclusory":
        report = conclusory_report(m, rows, scope)
        write([report], fmt, req.path)
        return f"Wrote {req.path} ({plural(len(report.rows), 'row')})"
    write([proof_chart_report(m, rows, scope), conclusory_report(m, rows, scope)], fmt, req.path)
    return f"Wrote {req.path} ({plural(len(rows), 'row')}; {ChartSummary.of(rows).sentence()})"


def _log(m: Matter, req: Request, fmt: str) -> str:
    found = gate(m, req.force)
    compact = fmt in ("docx", "pdf")
    if req.kind == "privilege-log":
        report = privilege_log_report(m, req.option or "frcp", compact=compact)
    else:
        report = redaction_log_report(m, compact=compact)
    write([report], fmt, req.path)
    errors = len(privcheck.errors(found))
    return (f"Wrote {req.path} ({plural(len(report.rows), 'row')}; {plural(errors, 'error')}, "
            f"{plural(len(found) - errors, 'warning')} from the checks)")  # fmt: skip


def write_export(matter_path: Path, req: Request) -> str:
    """Write ``req`` from the matter at ``matter_path`` (opened read-only); what was written."""
    fmt = req.fmt
    with Matter.open(matter_path, readonly=True) as m:
        if req.kind in ("proof-chart", "conclusory"):
            return _chart(m, req, fmt)
        if req.kind in CHECKED:
            return _log(m, req, fmt)
        if req.kind == "searchable-pdf":
            if not req.option:
                raise ReviewerError("Choose the document to write as a searchable PDF.")
            pages, words = write_searchable_pdf(m, req.option, req.path)
            return f"Wrote {req.path} ({pages} OCR'd pages, {words} words)"
        if req.kind == "exhibit-list":
            report = exhibit_list_report(m, compact=fmt in ("docx", "pdf"))
            write([report], fmt, req.path)
            return f"Wrote {req.path} ({len(report.rows)} exhibits)"
        if req.kind == "exhibit-binder":
            count, pages = write_binder(m, req.path)
            return f"Wrote {req.path} ({count} exhibits, {pages} pages)"
    raise ReviewerError(f"{req.kind}: not an export (one of {', '.join(FORMATS_OF)}).")
