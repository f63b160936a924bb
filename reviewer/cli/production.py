"""``reviewer production``: production sets, redaction by box / paragraph / search, the
stamped and redacted export with its load files, and the verification of an export."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.errors import ProductionError
from reviewer.core.matter.store import Matter
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production
from reviewer.core.production import verify as production_verify
from reviewer.core.production.redactions import INFO_TYPES


def _rect(text: str) -> tuple[float, float, float, float]:
    try:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
    except ValueError:
        raise ProductionError(f"{text!r}: give the box as x0,y0,x1,y1 (four numbers).") from None
    return x0, y0, x1, y1


@click.group("production")
def production_group() -> None:
    """Bates-numbered, redacted productions with DAT/OPT load files."""


@production_group.command("create")
@MATTER
@click.argument("name")
@click.option("--prefix", required=True, help="Bates prefix, e.g. ABC.")
@click.option("--start", required=True, type=int, help="First Bates number.")
@click.option("--digits", default=6, show_default=True, type=int, help="Zero padding.")
@click.option("--legend", default="", help="Legend stamped lower left on every page.")
@user_errors
def create(matter: Path, name: str, prefix: str, start: int, digits: int, legend: str) -> None:
    """Create the production NAME (Bates numbers PREFIX + zero-padded number)."""
    with Matter.open(matter) as m:
        production.create_set(m, name, prefix, start, digits, legend)
    click.echo(f"Created production {name}: {prefix}{start:0{digits}d}…")


@production_group.command("add")
@MATTER
@click.argument("name")
@click.argument("docs", nargs=-1, required=True)
@user_errors
def add(matter: Path, name: str, docs: tuple[str, ...]) -> None:
    """Append DOC... (ids or file names) to production NAME, in the order given."""
    with Matter.open(matter) as m:
        production.add_documents(m, name, list(docs))
        count = len(production.find_set(m, name).doc_ids)
    click.echo(f"Added {len(docs)} document(s) to {name} ({count} in all)")


@production_group.command("redact")
@MATTER
@click.argument("name")
@click.option("--search", "text", help="Redact every occurrence of TEXT in the set.")
@click.option("--pattern", type=click.Choice(list(production.PATTERNS)),
              help="Redact every SSN or account number in the set.")  # fmt: skip
@click.option("--doc", help="The document of a --page/--rect or --para redaction.")
@click.option("--page", type=int, help="Page (1-based) of a --rect redaction.")
@click.option("--rect", help="Box in PDF points from the top left: x0,y0,x1,y1.")
@click.option("--para", help="Redact the numbered paragraph ¶ N of --doc.")
@click.option("--bad-redactions", "covers", is_flag=True,
              help="Redact for real the text found on import under black boxes.")  # fmt: skip
@click.option("--reason", required=True, help="Why (goes into the redaction log).")
@click.option("--type", "info_type", default="personal", show_default=True,
              type=click.Choice(list(INFO_TYPES)), help="Type of information.")  # fmt: skip
@click.option("--basis", default="", help="ac, wp, 'FRCP 5.2' or 'custom: TEXT'.")
@JSON
@user_errors
def redact(
    matter: Path, name: str, text: str | None, pattern: str | None, doc: str | None,
    page: int | None, rect: str | None, para: str | None, covers: bool, reason: str,
    info_type: str, basis: str, as_json: bool,
) -> None:  # fmt: skip
    """Redact by --search TEXT (or --pattern), by --doc --page --rect, by --doc --para, or
    under the source's own bad redactions (--bad-redactions)."""
    modes = [text is not None or pattern is not None, rect is not None, para is not None, covers]
    if sum(modes) != 1:
        raise click.UsageError("Give one of --search/--pattern, --doc --page --rect, --doc --para, "
                               "--bad-redactions.")  # fmt: skip
    with Matter.open(matter) as m:
        kw = {"info_type": info_type, "basis": basis}
        if covers:
            ids = production.redact_bad_covers(m, name, reason, **kw)
        elif modes[0]:
            ids = production.redact_search(m, name, text, reason, pattern, **kw)
        elif doc is None or (modes[1] and page is None):
            raise ProductionError("Give --doc (and --page with --rect).")
        elif modes[1]:
            ids = production.redact_box(m, name, doc, page or 0, _rect(rect or ""), reason, **kw)
        else:
            ids = production.redact_paragraph(m, name, doc, para or "", reason, **kw)
    if as_json:
        dump({"redactions": ids})
        return
    click.echo(f"Recorded {len(ids)} redaction(s): {ids[0]}…{ids[-1]}")


@production_group.command("export")
@MATTER
@click.argument("name")
@click.option("-o", "--out", required=True, type=click.Path(path_type=Path),
              help="New folder to write the production into.")  # fmt: skip
@click.option("--no-labels", is_flag=True, help="Plain black boxes, no REDACTED labels.")
@JSON
@user_errors
def export(matter: Path, name: str, out: Path, no_labels: bool, as_json: bool) -> None:
    """Stamped, redacted PDFs + DAT + OPT + redaction log of production NAME into -o DIR."""
    with Matter.open(matter) as m:
        manifest = production_export.export(m, name, out, labels=not no_labels)
    if as_json:
        dump(manifest)
        return
    bates: list[str] = manifest["bates"]  # type: ignore[assignment]
    docs: list[object] = manifest["documents"]  # type: ignore[assignment]
    click.echo(f"Exported {len(docs)} document(s), {len(bates)} page(s) "
               f"{bates[0]}-{bates[-1]} to {out}")  # fmt: skip


@production_group.command("verify")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--matter", "matter_path", type=click.Path(path_type=Path),
              help="The matter it was exported from: also compare each redacted document "
              "with its source (text outside the boxes, redacted strings anywhere).")  # fmt: skip
@JSON
@user_errors
def verify(folder: Path, matter_path: Path | None, as_json: bool) -> None:
    """Check an exported production; exit 1 and list the problems if anything fails."""
    if matter_path is None:
        problems = production_verify.verify(folder)
    else:
        with Matter.open(matter_path, readonly=True) as m:
            problems = production_verify.verify(folder, m)
    if as_json:
        dump({"ok": not problems, "problems": problems})
    else:
        for p in problems:
            click.echo(p)
        click.echo("Production verified: no problems" if not problems
                   else f"{len(problems)} problem(s)")  # fmt: skip
    if problems:
        sys.exit(1)


@production_group.command("list")
@MATTER
@JSON
@user_errors
def list_(matter: Path, as_json: bool) -> None:
    """Every production set with its Bates format and document count."""
    with Matter.open(matter, readonly=True) as m:
        found = production.list_sets(m)
    if as_json:
        dump([{"name": s.name, "prefix": s.prefix, "start": s.start, "digits": s.digits,
               "legend": s.legend, "doc_ids": list(s.doc_ids)} for s in found])  # fmt: skip
        return
    for s in found:
        click.echo(f"{s.name:20} {s.bates(s.start)}…  {len(s.doc_ids)} document(s)  {s.legend}")
