"""``reviewer claims …`` (templates, a matter's claims and their elements) and ``reviewer
counts …`` (a complaint's counts and their claims)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from reviewer.cli.common import JSON, MATTER, dump, output_options, user_errors
from reviewer.core.claims import counts as core_counts
from reviewer.core.claims import elements as core
from reviewer.core.claims.templates import load_templates
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Claim


class DefaultGroup(click.Group):
    """A group that runs ``default`` when its first argument names no subcommand, so that
    ``reviewer counts MATTER DOC`` lists while ``reviewer counts map …`` maps."""

    def __init__(self, *args: object, default: str, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.default = default

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [self.default, *args]
        return super().parse_args(ctx, args)


def _done(changes: Changes, message: str) -> None:
    click.echo(message if changes else "Nothing changed.")


@click.group()
def claims() -> None:
    """Claim templates, and the claims and elements of a matter."""


@claims.command()
@output_options(lambda found: [click.echo(f"{t.id:18} {t.name}") for t in found])
@user_errors
def templates() -> list[Any]:
    """List the shipped claim templates: {id, name, source}."""
    return load_templates()


@claims.command()
@MATTER
@click.argument("template_id")
@click.option("--as", "key", help="Id for the claim in this matter (default: the template id).")
@user_errors
def add(matter: Path, template_id: str, key: str | None) -> None:
    """Add the claim TEMPLATE_ID (see 'reviewer claims templates') to MATTER."""
    with Matter.open(matter) as m:
        changes = core.add_from_template(m, template_id, key)
        claim = core.get_claim(m, key or template_id)
    _done(changes, f"Added {claim.key}: {claim.name} ({len(claim.elements)} elements)")


@claims.command()
@MATTER
@click.argument("name")
@click.option("--element", "elements", multiple=True, required=True, help="An element's name "
              "(repeat, in order; hotkeys 1-9 follow this order).")  # fmt: skip
@click.option("--id", "key", help="Id for the claim (default: from NAME).")
@click.option("--source", default="", help="Where the elements come from.")
@user_errors
def custom(
    matter: Path, name: str, elements: tuple[str, ...], key: str | None, source: str
) -> None:
    """Define a custom claim NAME in MATTER with its elements."""
    with Matter.open(matter) as m:
        core.add_custom(m, name, list(elements), key, source)
        claim = core.get_claim(m, key or core.slug(name))
    click.echo(f"Added {claim.key}: {', '.join(e.full_id for e in claim.elements)}")


def _print_claim(claim: Claim) -> None:
    click.echo(f"{claim.key}: {claim.name}\n  {claim.source}")
    for e in claim.elements:
        key = f"[{e.hotkey}]" if e.hotkey else "   "
        retired = "  (retired)" if e.retired else ""
        click.echo(f"  {key} {e.full_id}: {e.name}{retired}")


def _print_claims(found: list[Claim]) -> None:
    for claim in found:
        _print_claim(claim)
    if not found:
        click.echo("No claims yet. Add one with 'reviewer claims add MATTER TEMPLATE_ID'.")


@claims.command("list")
@MATTER
@output_options(_print_claims)
@user_errors
def list_(matter: Path) -> list[Claim]:
    """List MATTER's claims with their elements."""
    with Matter.open(matter, readonly=True) as m:
        return core.list_claims(m)


@claims.command()
@MATTER
@click.argument("claim_id")
@output_options(lambda claim: _print_claim(claim))
@user_errors
def show(matter: Path, claim_id: str) -> Claim:
    """Show claim CLAIM_ID of MATTER: {id, name, elements: [{id, name, description}]}."""
    with Matter.open(matter, readonly=True) as m:
        return core.get_claim(m, claim_id)


@claims.group()
def element() -> None:
    """Edit a claim's elements; tags stay with the element whatever you change."""


@element.command("add")
@MATTER
@click.argument("claim_id")
@click.argument("name")
@click.option("--description", default="")
@click.option("--terms", default="", help="Suggested search terms (terms and connectors).")
@user_errors
def element_add(matter: Path, claim_id: str, name: str, description: str, terms: str) -> None:
    """Append an element NAME to claim CLAIM_ID."""
    with Matter.open(matter) as m:
        _done(core.add_element(m, claim_id, name, description, terms), f"Added {name}")


@element.command()
@MATTER
@click.argument("element_id")
@click.argument("name")
@click.option("--description", help="A new description too.")
@user_errors
def rename(matter: Path, element_id: str, name: str, description: str | None) -> None:
    """Rename ELEMENT_ID (its id and its tags stay)."""
    with Matter.open(matter) as m:
        _done(core.rename_element(m, element_id, name, description), f"Renamed {element_id}")


@element.command()
@MATTER
@click.argument("element_id")
@click.argument("position", type=click.IntRange(1))
@user_errors
def move(matter: Path, element_id: str, position: int) -> None:
    """Move ELEMENT_ID to POSITION (1 = first) in its claim."""
    with Matter.open(matter) as m:
        _done(core.move_element(m, element_id, position), f"Moved {element_id} to {position}")


@element.command()
@MATTER
@click.argument("element_id")
@click.option("--restore", is_flag=True, help="Bring a retired element back.")
@user_errors
def retire(matter: Path, element_id: str, restore: bool) -> None:
    """Retire ELEMENT_ID: off the chart and the hotkeys, its tags kept."""
    with Matter.open(matter) as m:
        changes = core.retire_element(m, element_id, not restore)
    _done(changes, f"{'Restored' if restore else 'Retired'} {element_id}")


@element.command()
@MATTER
@click.argument("element_id")
@click.argument("key", type=click.IntRange(0, 9))
@user_errors
def hotkey(matter: Path, element_id: str, key: int) -> None:
    """Bind ELEMENT_ID to hotkey KEY (1-9; 0 unbinds)."""
    with Matter.open(matter) as m:
        _done(core.set_hotkey(m, element_id, key or None), f"{element_id}: hotkey {key or 'none'}")


@click.group(cls=DefaultGroup, default="list", no_args_is_help=True)
def counts() -> None:
    """A complaint's counts and the claims they plead.

    \b
    reviewer counts MATTER DOC [--json]           the counts found, suggested and mapped claims
    reviewer counts map MATTER DOC COUNT CLAIM_ID confirm that count COUNT pleads CLAIM_ID
    reviewer counts unmap MATTER DOC COUNT CLAIM_ID
    """


@counts.command("list")
@MATTER
@click.argument("doc")
@JSON
@user_errors
def counts_list(matter: Path, doc: str, as_json: bool) -> None:
    """List the counts of DOC with their suggested and confirmed claims."""
    with Matter.open(matter, readonly=True) as m:
        found = core_counts.list_counts(m, doc)
    if as_json:
        dump([c.as_json() for c in found])
        return
    for c in found:
        span = f"¶¶ {c.first_para}-{c.last_para}" if c.first_para else "no ¶"
        click.echo(f"{c.number:3}  {c.heading}  [{span}]")
        if c.mapped:
            click.echo(f"       mapped to: {', '.join(c.mapped)}")
        for s in c.suggested[:3]:
            click.echo(f"       suggested: {s.claim} (score {s.score:g}: {s.reason})")
    if not found:
        click.echo("No COUNT / CAUSE OF ACTION headings found in this document.")


@counts.command("map")
@MATTER
@click.argument("doc")
@click.argument("count")
@click.argument("claim_id")
@user_errors
def counts_map(matter: Path, doc: str, count: str, claim_id: str) -> None:
    """Confirm that COUNT of DOC pleads CLAIM_ID.

    COUNT is its number (2, II, second) or the start of its heading; CLAIM_ID a claim of the
    matter, or a template id (the claim is then added)."""
    with Matter.open(matter) as m:
        core_counts.map_count(m, doc, count, claim_id)
    click.echo(f"Count {count} → {claim_id}")


@counts.command("unmap")
@MATTER
@click.argument("doc")
@click.argument("count")
@click.argument("claim_id")
@user_errors
def counts_unmap(matter: Path, doc: str, count: str, claim_id: str) -> None:
    """Remove the mapping of COUNT of DOC to CLAIM_ID."""
    with Matter.open(matter) as m:
        core_counts.unmap_count(m, doc, count, claim_id)
    click.echo(f"Count {count} no longer mapped to {claim_id}")
