"""``reviewer exhibits …``: the exhibit register (``reviewer exhibits MATTER`` lists it),
exhibits declared by hand, re-scans, numbers and the crosswalk. The exhibit list and the
binder are ``reviewer export exhibit-list`` / ``exhibit-binder`` (cli/export.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reviewer.cli.common import JSON, MATTER, dump, progress_bar, user_errors
from reviewer.core import exhibits as ex
from reviewer.core.exhibits import numbering
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter


class _ListByDefault(click.Group):
    """``reviewer exhibits MATTER …`` is ``reviewer exhibits list MATTER …``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["list", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_ListByDefault)
def exhibits() -> None:
    """The exhibit register: `reviewer exhibits MATTER [--doc DOC] [--json]` lists every
    exhibit with its pages, whether it is attached and the paragraphs citing it."""


def _line(e: dict[str, Any]) -> str:
    pages = f"pp. {e['first_page']}-{e['last_page']}" if e["first_page"] else "not attached"
    nums = f" [{', '.join(e['numbers'])}]" if e["numbers"] else ""
    cites = ", ".join(dict.fromkeys(c["cite"] for c in e["cited_by"])) or "not cited"
    return f"{e['exhibit_id']:5}  {e['label']}{nums}  {e['file_name']} {pages}  — {cites}"


@exhibits.command("list")
@MATTER
@click.option("--doc", help="Only exhibits in or of this document (id or file name).")
@JSON
@user_errors
def list_(matter: Path, doc: str | None, as_json: bool) -> None:
    """List the exhibits: {exhibit_id, doc_id, file_name, label, first_page, last_page,
    attached, description, cited_by: [{seq, number, kind, cite, …}], …}."""
    with Matter.open(matter, readonly=True) as m:
        rows = ex.list_exhibits(m, doc)
    if as_json:
        dump(rows)
        return
    for e in rows:
        click.echo(_line(e))
    missing = sum(not e["attached"] for e in rows)
    uncited = sum(e["attached"] and not e["cited"] for e in rows)
    click.echo(f"{len(rows)} exhibit(s); {missing} cited but not attached; {uncited} not cited")


@exhibits.command("add")
@MATTER
@click.argument("doc")
@click.option("--label", required=True, help='The exhibit\'s label, e.g. "Exhibit 3".')
@click.option("--of", "of", help="The filing it is an exhibit of (id or file name).")
@click.option("--pages", help="Only these pages of DOC, A-B (default: all of it).")
@click.option("--description", default="", help="What the exhibit is.")
@user_errors
def add(matter: Path, doc: str, label: str, of: str | None, pages: str | None,
        description: str) -> None:  # fmt: skip
    """Declare DOC (or its pages A-B) an exhibit, of the filing OF: that filing's citations
    of LABEL link to it. Undo with `reviewer undo`."""
    with Matter.open(matter) as m:
        row_id, _ = ex.add_exhibit(m, doc, label, of, pages, description)
    click.echo(f"Exhibit {row_id}: {label}")


@exhibits.command("scan")
@MATTER
@click.argument("docs", nargs=-1)
@user_errors
def scan(matter: Path, docs: tuple[str, ...]) -> None:
    """Find exhibits again in DOCS (default: every document), e.g. after OCR or in a matter
    imported before exhibits were found on import. Numbers and exhibits added by hand stay."""
    with Matter.open(matter) as m:
        ids = [find_document(m, d).id for d in docs]
        progress_bar(ex.rescan(m, ids or None), "Scanning")
        rows = ex.list_exhibits(m)
    found = sum(e["attached"] for e in rows)
    click.echo(f"{found} exhibit(s) attached, {len(rows) - found} cited but not attached")


@exhibits.command("set")
@MATTER
@click.argument("exhibit")
@click.option("--label", help="A new label.")
@click.option("--description", help="What the exhibit is (the exhibit list's description).")
@click.option("--offered", help="Date offered (AO 187).")
@click.option("--marked", help="Date marked (AO 187).")
@click.option("--admitted", help="Date admitted (AO 187).")
@user_errors
def set_(matter: Path, exhibit: str, **values: str | None) -> None:
    """Edit EXHIBIT (an id, or a number such as PX-012); options left out keep their value."""
    with Matter.open(matter) as m:
        ex.update_exhibit(m, exhibit, **values)
    click.echo(f"Updated {exhibit}")


@exhibits.command("number")
@MATTER
@click.argument("exhibit")
@click.argument("scheme", type=click.Choice(list(numbering.SCHEMES), case_sensitive=False))
@click.option("--number", type=int, help="This number (one never used), not the next.")
@user_errors
def number(matter: Path, exhibit: str, scheme: str, number: int | None) -> None:
    """Give EXHIBIT the next number of SCHEME: PX, DX, JX (PX-001…), LTR (A, B…) or DEP
    (deposition exhibits). Numbers are never reused."""
    with Matter.open(matter) as m:
        label, _ = numbering.assign(m, exhibit, scheme, number)
    click.echo(label)


@exhibits.command("number-all")
@MATTER
@click.argument("scheme", type=click.Choice(list(numbering.SCHEMES), case_sensitive=False))
@click.option("--doc", help="Only the exhibits in or of this document.")
@user_errors
def number_all(matter: Path, scheme: str, doc: str | None) -> None:
    """Number every attached exhibit without a SCHEME number, in register order."""
    with Matter.open(matter) as m:
        labels, _ = numbering.assign_all(m, scheme, doc)
    click.echo(f"{len(labels)} numbered" + (f": {labels[0]} … {labels[-1]}" if labels else ""))


@exhibits.command("withdraw")
@MATTER
@click.argument("label")
@user_errors
def withdraw(matter: Path, label: str) -> None:
    """Withdraw a number (PX-012): listed as withdrawn, never given again."""
    with Matter.open(matter) as m:
        numbering.withdraw(m, label)
    click.echo(f"Withdrew {label}")


@exhibits.command("numbers")
@MATTER
@JSON
@user_errors
def numbers(matter: Path, as_json: bool) -> None:
    """Every number given: {number, scheme, n, exhibit_id, label, doc_id, file_name,
    withdrawn}."""
    with Matter.open(matter, readonly=True) as m:
        rows = numbering.numbers(m)
    if as_json:
        dump(rows)
        return
    for r in rows:
        gone = "  (withdrawn)" if r["withdrawn"] else ""
        click.echo(f"{r['number']:12} {r['label'] or ''}  {r['file_name'] or ''}{gone}")


@exhibits.command("crosswalk")
@MATTER
@JSON
@user_errors
def crosswalk(matter: Path, as_json: bool) -> None:
    """Deposition exhibit numbers and the trial numbers of the same exhibits:
    {deposition, trial, exhibit_id, label, file_name}."""
    with Matter.open(matter, readonly=True) as m:
        rows = numbering.crosswalk(m)
    if as_json:
        dump(rows)
        return
    for r in rows:
        click.echo(f"{r['deposition']:14} {r['trial'] or '—':10} {r['label']}  {r['file_name']}")
