"""The command line: each command parses options, calls one core function, prints the result
(text for people, ``--json`` for scripts). User errors print one line, never a traceback."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import click

from reviewer.cli import batch as batch_cli
from reviewer.cli import check as check_cli
from reviewer.cli import claims as claims_cli
from reviewer.cli import exhibits as exhibits_cli
from reviewer.cli import export as export_cli
from reviewer.cli import labels as labels_cli
from reviewer.cli import ocr as ocr_cli
from reviewer.cli import orphans as orphans_cli
from reviewer.cli import privilege as privilege_cli
from reviewer.cli import production as production_cli
from reviewer.cli import redactions as redactions_cli
from reviewer.cli import tagging as tagging_cli
from reviewer.cli.common import JSON, MATTER, dump, output_options, progress_bar, user_errors
from reviewer.core import search
from reviewer.core.errors import IndexStaleError, MatterError
from reviewer.core.ingest.anomalies import document_anomalies
from reviewer.core.ingest.classify import KINDS
from reviewer.core.ingest.ocr_run import import_and_ocr
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents
from reviewer.core.matter.delete import delete_documents
from reviewer.core.matter.store import Matter
from reviewer.core.records import Document, Paragraph, SearchResult
from reviewer.core.wording import plural


@click.group()
@click.version_option(package_name="reviewer")
def main() -> None:
    """reviewer: offline review of a matter's court filings."""


@main.command()
@MATTER
@click.option("--name", help="The matter's display name (default: the folder name).")
@user_errors
def init(matter: Path, name: str | None) -> None:
    """Create a new, empty matter folder MATTER."""
    Matter.create(matter, name).close()
    click.echo(f"Created matter {matter}")


@main.command("import")
@MATTER
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--kind", type=click.Choice(KINDS), help="Kind of filing (default: guessed).")
@click.option(
    "--workers", default=2, show_default=True, type=click.IntRange(1, 16),
    help="Processes that read and segment PDFs (and run OCR) in parallel.",
)  # fmt: skip
@click.option("--no-ocr", is_flag=True, help="Do not OCR scanned pages now (see: reviewer ocr).")
@click.option(
    "--accept-damaged", is_flag=True,
    help="Import damaged PDFs (truncated, repaired) as 'damaged', listing the pages lost.",
)  # fmt: skip
@JSON
@user_errors
def import_(
    matter: Path, paths: tuple[Path, ...], kind: str | None, workers: int, no_ocr: bool,
    accept_damaged: bool, as_json: bool,
) -> None:  # fmt: skip
    """Import PDF files (folders recurse) into MATTER, then OCR the pages that have no usable
    text (needs Tesseract). Exit 1 if any file failed."""
    results = []
    with Matter.open(matter) as m:
        show_bar = not as_json and sys.stderr.isatty()
        bar = None
        jobs = (import_files if no_ocr else import_and_ocr)(m, paths, kind, workers, accept_damaged)
        for progress in jobs:
            if progress.result is None:  # the import is done: OCR follows
                if bar is not None:
                    bar.render_finish()
                bar = None
                ocr_cli.show_ocr_progress(itertools.chain([progress], jobs), quiet=as_json)
                results = ocr_cli.after_ocr(m, results)
                break
            results.append(progress.result)
            if show_bar:
                bar = bar or click.progressbar(
                    length=progress.total, label="Importing", file=sys.stderr
                )
                bar.update(1)
        if bar is not None:
            bar.render_finish()
    if as_json:
        dump([r.as_json() for r in results])
    else:
        for r in results:
            detail = (
                r.error or f"{r.pages} pages, {r.numbered} numbered ¶, {r.paragraphs} paragraphs"
            )
            note = f" [{r.text_quality}: {r.warnings[0]}]" if r.warnings else ""
            click.echo(f"{r.status:9} {r.path}: {detail}{note}")
    sys.exit(1 if any(r.status == "failed" for r in results) else 0)


@dataclass(frozen=True, slots=True)
class _Listed:
    """A document as ``docs`` lists it: its fields and its anomalies."""

    doc: Document
    anomalies: list[dict[str, object]]

    def as_json(self) -> dict[str, object]:
        return {**self.doc.as_json(), "anomalies": self.anomalies}


def _print_docs(rows: list[_Listed]) -> None:
    for d in (r.doc for r in rows):
        flag = "  NEEDS OCR" if d.needs_ocr else ""
        click.echo(
            f"{d.id:4}  {d.kind:11} {d.pages:4}p  Dkt. {d.docket_no or '-':6} "
            f"{d.filed or '':10}  {d.display_name[:70]}{flag}"
        )


@main.command()
@MATTER
@output_options(_print_docs)
@user_errors
def docs(matter: Path) -> list[_Listed]:
    """List the documents in MATTER (``--json`` adds where each needs a look: `check`)."""
    with Matter.open(matter, readonly=True) as m:
        return [
            _Listed(d, [a.as_json() for a in document_anomalies(m, d.id)])
            for d in documents.list_documents(m)
        ]


def _print_paragraphs(paras: list[Paragraph]) -> None:
    for p in paras:
        label = f"¶ {p.number}" if p.kind == "numbered" else p.kind
        click.echo(f"{p.seq:5}  {label:10} p.{p.page_start:<4} {p.text[:90]}")


@main.command()
@MATTER
@click.argument("doc")
@output_options(_print_paragraphs)
@user_errors
def paragraphs(matter: Path, doc: str) -> list[Paragraph]:
    """List the paragraphs of DOC (a doc id or a file name)."""
    with Matter.open(matter, readonly=True) as m:
        return documents.paragraphs(m, documents.find_document(m, doc).id)


@main.command()
@MATTER
@click.argument("doc")
@click.argument("para", required=False)
@click.option("--seq", type=int, help="Choose the paragraph by its sequence number instead.")
@output_options(lambda p: click.echo(f"{p.cite}\n{p.section or ''}\n\n{p.text}"))
@user_errors
def show(matter: Path, doc: str, para: str | None, seq: int | None) -> Paragraph:
    """Show one paragraph PARA (its printed ¶ number) of DOC, with its pin cite."""
    if para is None and seq is None:
        raise click.UsageError("give PARA (the ¶ number) or --seq N")
    with Matter.open(matter, readonly=True) as m:
        d = documents.find_document(m, doc)
        return documents.find_paragraph(m, d, number=para, seq=seq)


SCREENSHOT = click.option(
    "--screenshot", type=click.Path(path_type=Path), metavar="PNG",
    help="Render the window offscreen with the first document selected, save it, exit.",
)  # fmt: skip


@main.command()
@click.option("--matter", type=click.Path(path_type=Path), help="Where to build the demo matter.")
@click.option("--no-gui", is_flag=True, help="Only build the demo matter and list it.")
@SCREENSHOT
@user_errors
def demo(matter: Path | None, no_gui: bool, screenshot: Path | None) -> None:
    """Build the demo matter (if needed) from sample filings the project writes, and open it."""
    from reviewer.samples.demo_matter import build_demo, default_demo_path

    path = matter or default_demo_path()
    for progress in build_demo(path):
        assert progress.result is not None
        r = progress.result
        if r.status != "duplicate":
            click.echo(
                f"{r.status:9} {Path(r.path).name}: {r.pages} pages, {r.numbered} numbered ¶"
            )
    click.echo(f"Demo matter: {path}")
    if no_gui:
        click.echo(f"Try: reviewer search '{path}' 'benefit! /s venture' --syntax tc")
        return
    _gui(path, screenshot)


@main.command()
@click.argument("matter", required=False, type=click.Path(path_type=Path))
@SCREENSHOT
@user_errors
def gui(matter: Path | None, screenshot: Path | None) -> None:
    """Open the desktop app (on MATTER if given)."""
    _gui(matter, screenshot)


def _gui(matter: Path | None, screenshot: Path | None) -> None:
    from reviewer.qt.app import run

    if matter is not None:  # a matter the app cannot open is refused here, in a sentence
        Matter.open(matter, fallback=True).close()

    code = run(matter, screenshot)
    if screenshot is not None and code == 0:
        click.echo(f"Saved {screenshot}")
    sys.exit(code)


@main.command()
@MATTER
@click.argument("doc", nargs=-1, required=True)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@user_errors
def delete(matter: Path, doc: tuple[str, ...], yes: bool) -> None:
    """Delete documents DOC... (ids or file names) with their paragraphs, index entries and
    the work on them, as one operation that 'reviewer undo' brings back whole."""
    with Matter.open(matter) as m:
        docs = [documents.find_document(m, ref) for ref in doc]
        names = ", ".join(d.file_name for d in docs)
        if not yes:
            click.confirm(f"Delete {names} from {m.name}?", abort=True, err=True)
        delete_documents(m, docs)
    click.echo(f"Deleted {names} ('reviewer undo' brings it back)")


@main.command()
@MATTER
@user_errors
def reindex(matter: Path) -> None:
    """Rebuild MATTER's search index from its database."""
    with Matter.open(matter) as m:
        progress_bar(search.reindex(m), "Indexing")
        total = documents.paragraph_count(m)
    click.echo(f"Indexed {total:,} paragraphs of {matter}")


def _run_search(path: Path, run: Callable[[search.SearchIndex], SearchResult]) -> SearchResult:
    """Search read-only; an out-of-date index is rebuilt first when the matter is free."""
    with Matter.open(path, readonly=True) as m:
        try:
            with search.SearchIndex.open(m) as ix:
                return run(ix)
        except IndexStaleError as exc:
            stale = exc
    try:
        writable = Matter.open(path)
    except MatterError as exc:
        raise IndexStaleError(f"{stale} It cannot be rebuilt here: {exc}") from None
    click.echo(f"{stale} — rebuilding it now.", err=True)
    with writable as m:
        search.ensure_current(m)  # waits for another process's index writer, if any
        with search.SearchIndex.open(m) as ix:
            return run(ix)


@main.command("search")
@MATTER
@click.argument("query")
@click.option(
    "--syntax", type=click.Choice(["natural", "tc"]), default="natural", show_default=True,
    help="natural: words, \"phrases\", AND/OR/NOT, * ?, field:filters; tc: Westlaw "
    "terms and connectors (& % w/n pre/n /s /p ! *).",
)  # fmt: skip
@click.option("--doc", help="Search only this document (id or file name).")
@click.option("--order", type=click.Choice(["rank", "document"]), default="rank", show_default=True)
@click.option("--limit", default=50, show_default=True, type=click.IntRange(0), help="0: all.")
@click.option("--counts", is_flag=True, help="Print hit counts per document instead of hits.")
@JSON
@user_errors
def search_(
    matter: Path, query: str, syntax: str, doc: str | None, order: str, limit: int,
    counts: bool, as_json: bool,
) -> None:  # fmt: skip
    """Search MATTER's paragraphs for QUERY (README: "Searching" has the grammar)."""
    result = _run_search(
        matter,
        lambda ix: ix.search(
            query, syntax, doc, order, 0 if counts else limit or None, counts or not as_json
        ),
    )
    if counts:
        _print_counts(result, as_json)
    elif as_json:
        dump([h.as_json() for h in result.hits])
    else:
        _print_hits(result)


def _print_hits(result: SearchResult) -> None:
    bold = sys.stdout.isatty()
    shown = len(result.hits)
    total = shown if result.total is None else result.total
    click.echo(
        f"{plural(total, 'hit')} in {plural(len(result.per_doc), 'document')}; showing {shown}"
    )
    for h in result.hits:
        score = f"  score {h.score:.2f}" if h.score is not None else ""
        click.echo(f"\n{h.cite}  [{h.file_name}, p. {h.page_start}]{score}")
        parts = h.snippet.split("**")
        text = "".join(
            click.style(t, bold=True) if i % 2 and bold else t for i, t in enumerate(parts)
        )
        click.echo(f"    {text}" if bold else f"    {h.snippet}")


def _print_counts(result: SearchResult, as_json: bool) -> None:
    names = result.files
    rows = sorted(result.per_doc.items(), key=lambda kv: (-kv[1], kv[0]))
    if as_json:
        per_doc = [{"doc_id": d, "file_name": names.get(d), "hits": n} for d, n in rows]
        dump({"total": result.total, "per_doc": per_doc})
        return
    click.echo(f"{plural(result.total or 0, 'hit')} in {plural(len(rows), 'document')}")
    for d, n in rows:
        click.echo(f"{n:6}  {d:4}  {names.get(d, '')}")


# Issue 5: claims, counts, tagging and exports live in modules of their own.
for _command in (claims_cli.claims, claims_cli.counts, export_cli.export, *tagging_cli.COMMANDS,
                 ocr_cli.ocr):  # fmt: skip
    main.add_command(_command)
for _command in privilege_cli.COMMANDS:  # issue 6: privilege coding and logs
    main.add_command(_command)
main.add_command(production_cli.production_group)  # issue 7: productions
main.add_command(exhibits_cli.exhibits)  # issue 18: exhibits
main.add_command(orphans_cli.orphans_group)  # issue 14: work kept after a re-cut
for _command in labels_cli.COMMANDS:  # issue 13: kinds and the matter's caption
    main.add_command(_command)
main.add_command(check_cli.check)  # issue 13: where a document needs a look
main.add_command(redactions_cli.redactions_group)  # issue 17: bad-redaction check
main.add_command(batch_cli.batch)  # issue 19: offline work packages
main.add_command(batch_cli.conflicts)  # issue 19: conflicts from check-ins


if __name__ == "__main__":  # pragma: no cover
    main()
