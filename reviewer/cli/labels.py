"""``reviewer kind`` and ``reviewer caption``: correct a document's kind, and set the
matter's caption (court, case number, case name) that every export heading uses."""

from __future__ import annotations

from pathlib import Path

import click

from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.ingest.classify import KINDS
from reviewer.core.matter import documents, labels
from reviewer.core.matter.store import Matter


@click.command()
@MATTER
@click.argument("doc")
@click.argument("kind", type=click.Choice(KINDS))
@JSON
@user_errors
def kind(matter: Path, doc: str, kind: str, as_json: bool) -> None:
    """Change the KIND of DOC (a label: its paragraphs, tags, privilege coding and redactions
    stay; its pin cites take the kind's short form). Undo with ``reviewer undo``."""
    with Matter.open(matter) as m:
        labels.set_kind(m, doc, kind)
        d = documents.find_document(m, doc)
    if as_json:
        dump(d.as_json())
    else:
        click.echo(f"{d.id}  {d.file_name}: {d.kind} ({d.kind_reason}); cites: {d.short_cite}")


@click.command()
@MATTER
@click.option("--court", help="The court as the export headings should print it.")
@click.option("--case-no", help="The case number.")
@click.option("--case-name", help="The case name, e.g. 'Williams v. Wells Fargo Bank, N.A.'.")
@JSON
@user_errors
def caption(
    matter: Path, court: str | None, case_no: str | None, case_name: str | None, as_json: bool
) -> None:
    """Show the matter's caption, or set parts of it by hand (an empty value goes back to
    the first complaint's). Export headings use it."""
    changing = any(v is not None for v in (court, case_no, case_name))
    with Matter.open(matter, readonly=not changing) as m:
        if changing:
            cap = labels.set_matter_caption(m, court=court, case_no=case_no, case_name=case_name)
        else:
            cap = labels.matter_caption(m)
    if as_json:
        dump(cap.as_json())
        return
    click.echo(
        f"Court:     {cap.court or '-'}" + (f" ({cap.court_short})" if cap.court_short else "")
    )
    click.echo(f"Case No.:  {cap.case_no or '-'}")
    click.echo(f"Case name: {cap.case_name or '-'}")
    click.echo(f"Source:    {cap.source}")


COMMANDS = (kind, caption)
