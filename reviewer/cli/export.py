"""``reviewer export …``: the proof chart, the conclusory-allegations report, the privilege
log (four presets), the redaction log, the exhibit list and binder."""

from __future__ import annotations

from pathlib import Path

import click

from reviewer.cli.common import MATTER, user_errors
from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits.binder import write_binder, write_stamped_exhibit
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
from reviewer.core.privilege.checks import Finding
from reviewer.core.privilege.log import PRESETS

FORMAT = click.option("--format", "fmt", type=click.Choice(FORMATS),
                      help="File format (default: from the -o file's extension).")  # fmt: skip
COMPLAINT = click.option("--complaint", metavar="CITE",
                         help="Chart one complaint only: its short cite (e.g. 'First Am. "
                              "Compl.'), document id or file name (default: all).")  # fmt: skip
OUT = click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
                   help="The file to write.")  # fmt: skip


def _format(fmt: str | None, output: Path) -> str:
    fmt = fmt or output.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ReviewerError(f"{output.name}: say --format {'|'.join(FORMATS)}.")
    return fmt


@click.group()
def export() -> None:
    """Write reports of a matter to XLSX, DOCX, CSV or PDF."""


@export.command("proof-chart")
@MATTER
@FORMAT
@OUT
@COMPLAINT
@user_errors
def proof_chart(matter: Path, fmt: str | None, output: Path, complaint: str | None) -> None:
    """The proof chart: count, claim, element, status, cite, assessment, note, text, the
    exhibits each paragraph cites — a row per supporting paragraph or exhibit page, a 'gap'
    row for every element without support. XLSX, DOCX and PDF add the
    conclusory-allegations report."""
    fmt = _format(fmt, output)
    with Matter.open(matter, readonly=True) as m:
        doc_id, scope = _complaint(m, complaint)
        rows = chart_rows(m, doc_id)
        reports = [proof_chart_report(m, rows, scope), conclusory_report(m, rows, scope)]
    write(reports, fmt, output)
    click.echo(f"Wrote {output} ({len(rows)} rows; {ChartSummary.of(rows).sentence()})")


def _complaint(m: Matter, ref: str | None) -> tuple[int | None, str]:
    if ref is None:
        return None, ""
    found = find_complaint(m, ref)
    return found.doc_id, found.label


@export.command("conclusory")
@MATTER
@FORMAT
@OUT
@COMPLAINT
@user_errors
def conclusory(matter: Path, fmt: str | None, output: Path, complaint: str | None) -> None:
    """Per count, the elements resting only on conclusory or information-and-belief
    allegations, with those paragraphs."""
    fmt = _format(fmt, output)
    with Matter.open(matter, readonly=True) as m:
        doc_id, scope = _complaint(m, complaint)
        report = conclusory_report(m, chart_rows(m, doc_id), scope)
    write([report], fmt, output)
    click.echo(f"Wrote {output} ({len(report.rows)} rows)")


@export.command("privilege-log")
@MATTER
@click.option("--preset", type=click.Choice(PRESETS), default="frcp", show_default=True,
              help="The log's layout.")  # fmt: skip
@FORMAT
@OUT
@click.option("--force", is_flag=True, help="Export even when the checks find errors.")
@user_errors
def privilege_log(matter: Path, preset: str, fmt: str | None, output: Path, force: bool) -> None:
    """The privilege log: checked first ('reviewer privlog check'); refuses on errors unless
    --force. Entry ids (PRIV-0001) never change when entries are added."""
    fmt = _format(fmt, output)
    with Matter.open(matter, readonly=True) as m:
        findings = gate(m, force)
        report = privilege_log_report(m, preset, compact=fmt in ("docx", "pdf"))
    write([report], fmt, output)
    _summary(output, len(report.rows), findings)


@export.command("redaction-log")
@MATTER
@FORMAT
@OUT
@click.option("--force", is_flag=True, help="Export even when the checks find errors.")
@user_errors
def redaction_log(matter: Path, fmt: str | None, output: Path, force: bool) -> None:
    """The redaction log: one row per recorded redaction (checked first, like the
    privilege log)."""
    fmt = _format(fmt, output)
    with Matter.open(matter, readonly=True) as m:
        findings = gate(m, force)
        report = redaction_log_report(m, compact=fmt in ("docx", "pdf"))
    write([report], fmt, output)
    _summary(output, len(report.rows), findings)


def _summary(output: Path, rows: int, findings: list[Finding]) -> None:
    errors = sum(f.level == "error" for f in findings)
    click.echo(f"Wrote {output} ({rows} rows; {errors} error(s), "
               f"{len(findings) - errors} warning(s) from the checks)")  # fmt: skip
    for f in findings:
        click.echo(f"{f.level}: {f}", err=True)


@export.command("searchable-pdf")
@MATTER
@click.argument("doc")
@OUT
@user_errors
def searchable_pdf(matter: Path, doc: str, output: Path) -> None:
    """A copy of DOC (id or file name) with its OCR'd text as an invisible layer under each
    scanned page, so any PDF reader can search and copy it. Run `reviewer ocr` first."""
    with Matter.open(matter, readonly=True) as m:
        pages, words = write_searchable_pdf(m, doc, output)
    click.echo(f"Wrote {output} ({pages} OCR'd pages, {words} words)")


@export.command("exhibit-list")
@MATTER
@FORMAT
@OUT
@user_errors
def exhibit_list(matter: Path, fmt: str | None, output: Path) -> None:
    """The exhibit list in the AO 187 layout: Plf. No., Def. No., Date Offered, Marked,
    Admitted, Description of Exhibits (CSV and XLSX add the label, document, pages and
    citing paragraphs)."""
    fmt = _format(fmt, output)
    with Matter.open(matter, readonly=True) as m:
        report = exhibit_list_report(m, compact=fmt in ("docx", "pdf"))
    write([report], fmt, output)
    click.echo(f"Wrote {output} ({len(report.rows)} exhibits)")


@export.command("exhibit-binder")
@MATTER
@OUT
@user_errors
def exhibit_binder(matter: Path, output: Path) -> None:
    """The exhibit binder (PDF): a linked index, then each attached exhibit behind a slip
    sheet, stickered and footed with its number (PX-012 — page 3 of 9), one bookmark each."""
    if output.suffix.lower() != ".pdf":
        raise ReviewerError(f"{output.name}: the binder is a PDF; name it ….pdf.")
    with Matter.open(matter, readonly=True) as m:
        count, pages = write_binder(m, output)
    click.echo(f"Wrote {output} ({count} exhibits, {pages} pages)")


@export.command("exhibit")
@MATTER
@click.argument("exhibit")
@OUT
@user_errors
def exhibit_copy(matter: Path, exhibit: str, output: Path) -> None:
    """One exhibit (id or number, e.g. PX-012) as a PDF, stickered on its first page and
    footed on every page (PX-012 — page 3 of 9); export again after renumbering to
    re-stamp it."""
    with Matter.open(matter, readonly=True) as m:
        number, pages = write_stamped_exhibit(m, exhibit, output)
    click.echo(f"Wrote {output} ({number}, {pages} pages)")
