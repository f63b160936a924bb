"""The command line: each command parses options, calls one core function, prints the result
(text for people, ``--json`` for scripts). User errors print one line, never a traceback."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from reviewer.core import documents
from reviewer.core.classify import KINDS
from reviewer.core.errors import ReviewerError
from reviewer.core.ingest import import_files
from reviewer.core.matter import Matter

F = TypeVar("F", bound=Callable[..., Any])
MATTER = click.argument("matter", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def user_errors(fn: F) -> F:
    """Turn the core's user errors into a one-line message and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReviewerError as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _dump(obj: object) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False))


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
    help="Processes that read and segment PDFs in parallel.",
)  # fmt: skip
@JSON
@user_errors
def import_(
    matter: Path, paths: tuple[Path, ...], kind: str | None, workers: int, as_json: bool
) -> None:
    """Import PDF files (folders recurse) into MATTER. Exit 1 if any file failed."""
    results = []
    with Matter.open(matter) as m:
        show_bar = not as_json and sys.stderr.isatty()
        bar = None
        for progress in import_files(m, paths, kind, workers):
            assert progress.result is not None
            results.append(progress.result)
            if show_bar:
                bar = bar or click.progressbar(
                    length=progress.total, label="Importing", file=sys.stderr
                )
                bar.update(1)
        if bar is not None:
            bar.render_finish()
    if as_json:
        _dump([r.as_json() for r in results])
    else:
        for r in results:
            detail = (
                r.error or f"{r.pages} pages, {r.numbered} numbered ¶, {r.paragraphs} paragraphs"
            )
            note = f" [{r.text_quality}: {r.warnings[0]}]" if r.warnings else ""
            click.echo(f"{r.status:9} {r.path}: {detail}{note}")
    sys.exit(1 if any(r.status == "failed" for r in results) else 0)


@main.command()
@MATTER
@JSON
@user_errors
def docs(matter: Path, as_json: bool) -> None:
    """List the documents in MATTER."""
    with Matter.open(matter, readonly=True) as m:
        rows = documents.list_documents(m)
    if as_json:
        _dump([d.as_json() for d in rows])
        return
    for d in rows:
        flag = "  NEEDS OCR" if d.needs_ocr else ""
        click.echo(
            f"{d.id:4}  {d.kind:11} {d.pages:4}p  Dkt. {d.docket_no or '-':6} "
            f"{d.filed or '':10}  {d.file_name}{flag}"
        )


@main.command()
@MATTER
@click.argument("doc")
@JSON
@user_errors
def paragraphs(matter: Path, doc: str, as_json: bool) -> None:
    """List the paragraphs of DOC (a doc id or a file name)."""
    with Matter.open(matter, readonly=True) as m:
        paras = documents.paragraphs(m, documents.find_document(m, doc).id)
    if as_json:
        _dump([p.as_json() for p in paras])
        return
    for p in paras:
        label = f"¶ {p.number}" if p.kind == "numbered" else p.kind
        click.echo(f"{p.seq:5}  {label:10} p.{p.page_start:<4} {p.text[:90]}")


@main.command()
@MATTER
@click.argument("doc")
@click.argument("para", required=False)
@click.option("--seq", type=int, help="Choose the paragraph by its sequence number instead.")
@JSON
@user_errors
def show(matter: Path, doc: str, para: str | None, seq: int | None, as_json: bool) -> None:
    """Show one paragraph PARA (its printed ¶ number) of DOC, with its pin cite."""
    if para is None and seq is None:
        raise click.UsageError("give PARA (the ¶ number) or --seq N")
    with Matter.open(matter, readonly=True) as m:
        d = documents.find_document(m, doc)
        p = documents.find_paragraph(m, d, number=para, seq=seq)
    if as_json:
        _dump(p.as_json())
    else:
        click.echo(f"{p.cite}\n{p.section or ''}\n\n{p.text}")


@main.command()
@click.option("--matter", type=click.Path(path_type=Path), help="Where to build the demo matter.")
@user_errors
def demo(matter: Path | None) -> None:
    """Build the demo matter from the sample filings the project writes, and list it."""
    from reviewer.core.demo import build_demo, default_demo_path

    path = matter or default_demo_path()
    for progress in build_demo(path):
        assert progress.result is not None
        r = progress.result
        click.echo(f"{r.status:9} {Path(r.path).name}: {r.pages} pages, {r.numbered} numbered ¶")
    click.echo(f"\nDemo matter: {path}\nTry: reviewer paragraphs '{path}' complaint.pdf")


if __name__ == "__main__":  # pragma: no cover
    main()
