"""``reviewer ocr``: read scanned pages (and pages whose text layer is garbage) by OCR so
they become searchable; ``import`` runs the same OCR for what it imports."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import click

from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.ingest.ocr_run import ocr_documents
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.records import ImportResult, Progress


def show_ocr_progress(jobs: Iterable[Progress], quiet: bool = False) -> list[str]:
    """Drain OCR Progress: a bar on a terminal (unless ``quiet``, e.g. with --json), and each
    document's outcome (or why OCR could not run) on stderr. Returns the outcome lines."""
    bar = None
    outcomes: list[str] = []
    for p in jobs:
        if p.step != "ocr":  # a document's outcome, or a notice
            outcomes.append(p.message)
            if bar is not None:
                bar.render_finish()
                bar = None
            click.echo(p.message, err=True)
        elif sys.stderr.isatty() and p.total and not quiet:
            bar = bar or click.progressbar(length=p.total, label="OCR", file=sys.stderr)
            bar.update(p.done - bar.pos)
    if bar is not None:
        bar.render_finish()
    return outcomes


def after_ocr(matter: Matter, results: list[ImportResult]) -> list[ImportResult]:
    """Import results with the text quality their documents have after OCR."""
    ids = [r.doc_id for r in results if r.status == "imported" and r.doc_id is not None]
    state = {s["doc_id"]: s for s in documents.ocr_status(matter, ids)} if ids else {}
    out = []
    for r in results:
        s = state.get(r.doc_id) if r.status == "imported" else None
        if s is not None:
            warnings = (s["quality_note"],) if s["quality_note"] else ()
            r = replace(r, text_quality=s["text_quality"], warnings=warnings,
                        paragraphs=s["paragraphs"], numbered=s["numbered"])  # fmt: skip
        out.append(r)
    return out


@click.command()
@MATTER
@click.argument("docs", nargs=-1)
@click.option(
    "--force",
    is_flag=True,
    help="OCR every page of the named documents, even pages with a usable text layer.",
)
@click.option(
    "--workers",
    default=2,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Processes that run OCR in parallel.",
)
@JSON
@user_errors
def ocr(matter: Path, docs: tuple[str, ...], force: bool, workers: int, as_json: bool) -> None:
    """OCR the pages of DOCS (ids or file names; default: every document) whose text layer is
    missing or garbage, so they become searchable. Needs Tesseract."""  # fmt: skip
    with Matter.open(matter) as m:
        ids = [documents.find_document(m, d).id for d in docs] or None
        if force and ids is None:
            raise click.UsageError("--force needs the documents to OCR (ids or file names).")
        outcomes = show_ocr_progress(ocr_documents(m, ids, force, workers), quiet=as_json)
        rows = documents.ocr_status(m, ids)
    if as_json:
        keys = ("doc_id", "file_name", "needs_ocr", "text_quality", "ocr_pages")
        dump([{k: r[k] for k in keys} for r in rows])
    elif not outcomes:
        click.echo("Nothing to OCR: every page has a usable text layer.")
    sys.exit(1 if any(" not changed" in o or ": page " in o for o in outcomes) else 0)
