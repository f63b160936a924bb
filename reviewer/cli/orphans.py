"""``reviewer orphans``: work (tags, privilege coding, redactions, rejected suggestions) kept
after a re-cut took its paragraph away — listing it, and putting it back on a paragraph."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reviewer.cli.claims import DefaultGroup
from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.matter import documents, orphans
from reviewer.core.matter.store import Matter


@click.group("orphans", cls=DefaultGroup, default="list")
def orphans_group() -> None:
    """Orphaned work: what a re-cut (OCR, 'reviewer ocr --force') could not match to a new
    paragraph. 'reviewer orphans MATTER' lists it; 'reviewer orphans attach' puts it back."""


@orphans_group.command("list")
@MATTER
@click.option("--doc", help="Only this document's orphans (id or file name).")
@JSON
@user_errors
def list_(matter: Path, doc: str | None, as_json: bool) -> None:
    """List MATTER's orphaned work with the paragraph it was on. --json:
    [{orphan_id, table, doc_id, file_name, what, old_para, reason, who, at, row}]."""
    with Matter.open(matter, readonly=True) as m:
        doc_id = documents.find_document(m, doc).id if doc else None
        found = orphans.list_orphans(m, doc_id)
    if as_json:
        dump([o.as_json() for o in found])
        return
    if not found:
        click.echo("No orphaned work.")
    for o in found:
        para: dict[str, Any] = o.old_para
        text = " ".join(str(para.get("text") or "").split())[:70]
        click.echo(f"{o.id:4}  {o.file_name}  {o.what}  was on {para.get('cite')} "
                   f"(seq {para.get('seq')}): {text}")  # fmt: skip


@orphans_group.command("attach")
@MATTER
@click.argument("orphan_id", type=int)
@click.option("--para", "seq", type=int, help="The paragraph's sequence number (see "
              "'reviewer paragraphs').")  # fmt: skip
@click.option("--number", help="Or the paragraph's printed ¶ number.")
@user_errors
def attach(matter: Path, orphan_id: int, seq: int | None, number: str | None) -> None:
    """Put orphaned work ORPHAN_ID back on a paragraph of its document (one undoable step)."""
    if (seq is None) == (number is None):
        raise click.UsageError("give the paragraph: --para SEQ or --number N")
    with Matter.open(matter) as m:
        orphan = orphans.find_orphan(m, orphan_id)
        doc = documents.find_document(m, orphan.doc_id)
        para = documents.find_paragraph(m, doc, number=number, seq=seq)
        changes = orphans.attach(m, orphan_id, para.id)
    click.echo(changes.label)
