"""``reviewer batch`` (check a package out to a reviewer, check it back in, list batches)
and ``reviewer conflicts`` (list and settle what a package and the matter set differently).
"""

from __future__ import annotations

from pathlib import Path

import click

from reviewer.cli.claims import DefaultGroup
from reviewer.cli.common import MATTER, output_options, user_errors
from reviewer.core import offline
from reviewer.core.matter.store import Matter
from reviewer.core.offline import Batch, CheckinResult, Conflict


@click.group("batch")
def batch() -> None:
    """Offline work packages: check documents out to a reviewer's laptop as a package that
    opens like a matter, then check the package's work back in."""


def _print_batch(b: Batch) -> None:
    when = f"in {b.in_at}" if b.in_at else "still out"
    click.echo(f"Batch {b.batch_id[:8]} for {b.to}: {len(b.docs)} document(s), out "
               f"{b.out_at}, {when}; package {b.path}")  # fmt: skip


@batch.command("checkout")
@MATTER
@click.option("--doc", "docs", multiple=True, required=True,
              help="A document to check out (id or file name); repeat for more.")  # fmt: skip
@click.option("--to", "to", required=True, help="The reviewer the package is for.")
@click.option("-o", "--out", "out", required=True, type=click.Path(path_type=Path),
              help="The package folder to write (must not exist yet).")  # fmt: skip
@output_options(_print_batch)
@user_errors
def checkout(matter: Path, docs: tuple[str, ...], to: str, out: Path) -> Batch:
    """Write a package of MATTER's documents for a reviewer and record the batch as out.
    --json: {batch_id, to, docs, status, out_at, in_at, path, who}."""
    with Matter.open(matter) as m:
        return offline.checkout(m, docs, to, out)


def _print_checkin(r: CheckinResult) -> None:
    click.echo(f"Checked in batch {r.batch_id[:8]} ({r.to}): {r.applied} applied, "
               f"{r.unchanged} unchanged, {r.conflicts} conflict(s).")  # fmt: skip
    for s in r.skipped:
        click.echo(f"  skipped: {s['what'] or s['table']} — {s['reason']}")
    if r.conflicts:
        click.echo("  See them with: reviewer conflicts MATTER")


@batch.command("checkin")
@MATTER
@click.argument("path", type=click.Path(path_type=Path))
@output_options(_print_checkin)
@user_errors
def checkin(matter: Path, path: Path) -> CheckinResult:
    """Merge the package at PATH into MATTER (all or nothing; again: nothing more).
    --json: {batch_id, to, applied, unchanged, conflicts, operations, already, skipped}."""
    with Matter.open(matter) as m:
        return offline.checkin(m, path)


def _print_batches(found: list[Batch]) -> None:
    if not found:
        click.echo("No batches checked out.")
    for b in found:
        _print_batch(b)


@batch.command("list")
@MATTER
@output_options(_print_batches)
@user_errors
def list_(matter: Path) -> list[Batch]:
    """List MATTER's batches. --json: [{batch_id, to, docs, status, out_at, in_at, path,
    who}]."""
    with Matter.open(matter, readonly=True) as m:
        return offline.batches(m)


@click.group("conflicts", cls=DefaultGroup, default="list")
def conflicts() -> None:
    """Conflicts from check-ins: 'reviewer conflicts MATTER' lists them; 'reviewer conflicts
    resolve MATTER ID --take ours|theirs' settles one."""


def _print_conflicts(found: list[Conflict]) -> None:
    if not found:
        click.echo("No open conflicts.")
    for c in found:
        flag = "" if c.status == "open" else f" [took {c.status}]"
        click.echo(f"{c.conflict_id:4}  {c.what}{flag}\n      ours:   {c.ours!r} ({c.ours_from})"
                   f"\n      theirs: {c.theirs!r} ({c.theirs_from})")  # fmt: skip


@conflicts.command("list")
@MATTER
@click.option("--all", "include_resolved", is_flag=True, help="Include settled conflicts.")
@output_options(_print_conflicts)
@user_errors
def list_conflicts(matter: Path, include_resolved: bool) -> list[Conflict]:
    """List MATTER's open conflicts. --json: [{conflict_id, batch_id, to, table, what, field,
    ours, theirs, ours_from, theirs_from, status, at, resolved_by}]."""
    with Matter.open(matter, readonly=True) as m:
        return offline.list_conflicts(m, include_resolved)


@conflicts.command("resolve")
@MATTER
@click.argument("conflict_id", type=int)
@click.option("--take", type=click.Choice(["ours", "theirs"]), required=True,
              help="ours: keep the matter's value; theirs: write the package's.")  # fmt: skip
@user_errors
def resolve(matter: Path, conflict_id: int, take: str) -> None:
    """Settle conflict CONFLICT_ID of MATTER (one undoable step)."""
    with Matter.open(matter) as m:
        offline.resolve(m, conflict_id, take)
    click.echo(f"Conflict {conflict_id}: took {take}.")
