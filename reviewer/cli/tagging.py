"""``reviewer tag / untag / tags / undo / redo / history / suggest``: tagging paragraphs and
exhibit pages with claim elements, from the command line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from reviewer.cli.common import JSON, MATTER, dump, output_options, user_errors
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import find_element
from reviewer.core.claims.suggest import Suggestion, suggest
from reviewer.core.errors import ClaimError, IndexStaleError, MatterError
from reviewer.core.matter import documents, history
from reviewer.core.matter.store import Matter
from reviewer.core.records import ASSESSMENTS, Tag
from reviewer.core.search import SearchIndex

TARGET = click.argument("refs", nargs=-1, required=True, metavar="DOC [PARA]... ELEMENT_ID")
SEQ = click.option(
    "--seq", "seqs", multiple=True, type=int,
    help="Choose paragraphs by sequence number instead of PARA (repeatable).",
)  # fmt: skip
PAGES = click.option("--pages", help="Tag pages of DOC instead of paragraphs (exhibits): 3 or 3-5.")


def _pages(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", text)
    if m is None:
        raise ClaimError(f"{text!r}: give pages as 3 or 3-5.")
    first = int(m.group(1))
    return first, int(m.group(2) or first)


def _targets(
    m: Matter, refs: tuple[str, ...], seqs: tuple[int, ...], pages: str | None
) -> tuple[documents.Document, list[int], tuple[int, int] | None, str]:
    """Resolve DOC [PARA]... ELEMENT_ID before anything is written."""
    if len(refs) < 2:
        raise click.UsageError("give DOC, then PARA numbers (or --seq/--pages), then ELEMENT_ID")
    doc, paras, element = refs[0], refs[1:-1], refs[-1]
    d = documents.find_document(m, doc)
    find_element(m, element)
    if pages is not None:
        if paras or seqs:
            raise click.UsageError("--pages tags pages; do not also give PARA or --seq")
        return d, [], _pages(pages), element
    if not paras and not seqs:
        raise click.UsageError("give at least one PARA (¶ number) or --seq N")
    found = [documents.find_paragraph(m, d, number=p).id for p in paras]
    found += [documents.find_paragraph(m, d, seq=s).id for s in seqs]
    return d, found, None, element


@click.command()
@MATTER
@TARGET
@click.option("--assessment", type=click.Choice(ASSESSMENTS), default="factual",
              show_default=True, help="How well the paragraph alleges the element.")  # fmt: skip
@click.option("--note", default="", help="A note shown in the proof chart.")
@SEQ
@PAGES
@user_errors
def tag(
    matter: Path, refs: tuple[str, ...], assessment: str, note: str, seqs: tuple[int, ...],
    pages: str | None,
) -> None:  # fmt: skip
    """Tag paragraphs PARA... (printed ¶ numbers) of DOC with ELEMENT_ID
    (e.g. tvpra-1595.knowingly-benefited). One step for 'reviewer undo'."""
    with Matter.open(matter) as m:
        d, paras, span, element = _targets(m, refs, seqs, pages)
        if span is not None:
            changes = tagging.tag_pages(m, d.id, *span, element, assessment, note)
        else:
            changes = tagging.tag(m, paras, element, assessment, note)
    what = f"pages {span[0]}-{span[1]}" if span else f"{len(changes.paragraphs)} ¶"
    click.echo(f"Tagged {what} of {d.file_name} with {element} ({assessment})")


@click.command()
@MATTER
@TARGET
@SEQ
@PAGES
@user_errors
def untag(matter: Path, refs: tuple[str, ...], seqs: tuple[int, ...], pages: str | None) -> None:
    """Remove ELEMENT_ID's tag from paragraphs PARA... (or --pages) of DOC."""
    with Matter.open(matter) as m:
        d, paras, span, element = _targets(m, refs, seqs, pages)
        if span is not None:
            tagging.untag_pages(m, d.id, *span, element)
        else:
            tagging.untag(m, paras, element)
    click.echo(f"Untagged {element} from {d.file_name}")


def _print_tags(found: list[Tag]) -> None:
    for t in found:
        note = f"  — {t.note}" if t.note else ""
        click.echo(f"{t.cite:34} {t.element:42} {t.assessment}{note}")


@click.command()
@MATTER
@click.option("--element", help="Only this element's tags.")
@click.option("--doc", help="Only tags on this document.")
@output_options(_print_tags)
@user_errors
def tags(matter: Path, element: str | None, doc: str | None) -> list[Tag]:
    """List MATTER's tags in document order."""
    with Matter.open(matter, readonly=True) as m:
        e = find_element(m, element) if element else None
        d = documents.find_document(m, doc).id if doc else None
        return tagging.list_tags(m, e, d)


@click.command()
@MATTER
@JSON
@user_errors
def undo(matter: Path, as_json: bool) -> None:
    """Undo the latest operation in MATTER, whatever it was (a tag, a claim or count edit,
    privilege, a redaction, a kind change, a delete, a re-cut)."""
    with Matter.open(matter) as m:
        changes = history.undo(m)
        op = history.operations(m, 1)[0]
    if as_json:
        dump(op.as_json())
    else:
        click.echo(f"Undid: {changes.label.removeprefix('Undo: ')}")


@click.command()
@MATTER
@JSON
@user_errors
def redo(matter: Path, as_json: bool) -> None:
    """Redo the latest undone operation in MATTER."""
    with Matter.open(matter) as m:
        changes = history.redo(m)
        op = history.operations(m, 1)[0]
    if as_json:
        dump(op.as_json())
    else:
        click.echo(f"Redid: {changes.label.removeprefix('Redo: ')}")


def _print_operations(ops: list[Any]) -> None:
    for op in ops:
        n = len(op.changes)
        click.echo(f"{op.op_id:5}  {op.at}  {op.user:10} {op.machine or '':12} {op.label}"
                   f"  ({n} change{'' if n == 1 else 's'})")  # fmt: skip


@click.command("history")
@MATTER
@click.option("--limit", default=30, show_default=True, type=click.IntRange(0), help="0: all.")
@output_options(_print_operations)
@user_errors
def history_(matter: Path, limit: int) -> list[Any]:
    """MATTER's operations, newest first: label, who, which machine, when, and (--json) the
    typed changes of each ({op_id, label, user, machine, at, kind, undoes, changes})."""
    with Matter.open(matter, readonly=True) as m:
        return history.operations(m, limit or None)


def _suggestions(path: Path, element: str, limit: int) -> list[Suggestion]:
    """Read-only; an out-of-date index is rebuilt first when the matter is free."""
    with Matter.open(path, readonly=True) as m:
        try:
            with SearchIndex.open(m) as ix:
                return suggest(m, ix, element, limit)
        except IndexStaleError as exc:
            stale = exc
    try:
        writable = Matter.open(path)
    except MatterError:
        raise stale from None
    with writable as m, SearchIndex.open(m) as ix:
        return suggest(m, ix, element, limit)


@click.command("suggest")
@MATTER
@click.argument("element_id")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1))
@JSON
@user_errors
def suggest_(matter: Path, element_id: str, limit: int, as_json: bool) -> None:
    """Untagged paragraphs that may allege ELEMENT_ID, best first (by its search terms and by
    similarity to paragraphs already tagged with it)."""
    found = _suggestions(matter, element_id, limit)
    if as_json:
        dump([s.as_json() for s in found])
        return
    for s in found:
        click.echo(f"{s.score:5.2f}  {s.cite:30} {' '.join(s.text.split())[:100]}")
    if not found:
        click.echo("No suggestions.")


COMMANDS = (tag, untag, tags, undo, redo, history_, suggest_)
