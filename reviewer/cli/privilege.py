"""``reviewer privilege / privlog / people / redact``: privilege coding (bulk), the log's
checks and settings, the people list and redactions, from the command line."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.errors import PrivilegeError
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import coding as privilege
from reviewer.core.privilege import people
from reviewer.core.privilege.coding import Scope
from reviewer.core.production import redactions


def _scope(m: Matter, docs: tuple[str, ...], pages: str | None, para: str | None) -> Scope:
    if pages and para:
        raise PrivilegeError("Give --pages or --para, not both.")
    if pages:
        hit = re.fullmatch(r"\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*", pages)
        if hit is None:
            raise PrivilegeError(f"{pages!r}: give pages as 3 or 3-5.")
        return Scope(int(hit.group(1)), int(hit.group(2) or hit.group(1)))
    if para:
        if len(docs) != 1:
            raise PrivilegeError("--para codes one paragraph of one document: give one DOC.")
        return Scope(para_id=documents.find_paragraph(m, documents.find_document(m, docs[0]),
                                                      number=para).id)  # fmt: skip
    return Scope()


def _rect(text: str) -> tuple[float, float, float, float]:
    try:
        x0, y0, x1, y1 = (float(v) for v in text.split(","))
    except ValueError:
        raise PrivilegeError(f"{text!r}: give the box as x0,y0,x1,y1 (four numbers).") from None
    if x1 <= x0 or y1 <= y0:
        raise PrivilegeError(f"{text!r}: x1 and y1 must be greater than x0 and y0.")
    return x0, y0, x1, y1


@click.group("privilege")
def privilege_group() -> None:
    """Code documents (or pages, or a paragraph) as withheld, redacted or not privileged."""


@privilege_group.command("set")
@MATTER
@click.argument("docs", nargs=-1, required=True)
@click.option("--status", required=True, type=click.Choice(privilege.STATUSES))
@click.option("--basis", help="attorney-client,work-product,common-interest or 'custom: TEXT'.")
@click.option("--date", help="YYYY-MM-DD (default on new coding: from the PDF's metadata).")
@click.option("--author", help="Author (default on new coding: from the PDF's metadata).")
@click.option("--recipients", help='Recipients (To), separated by ";": "A; B".')
@click.option("--cc", help="CC, separated by ';'.")
@click.option("--bcc", help="BCC, separated by ';'.")
@click.option("--custodian", help="Custodian.")
@click.option("--doc-type", help="Document type (e-mail, memo, letter…).")
@click.option("--description", help="Subject matter, enough to assess the claim.")
@click.option("--narrative", help="The basis narrative: why the privilege applies.")
@click.option("--control", help="Control or Bates range (default: the file name).")
@click.option("--category", help="Category for the categorical (S.D.N.Y.) log.")
@click.option("--pages", help="Code pages of DOC only: 3 or 3-5.")
@click.option("--para", help="Code one numbered paragraph of DOC only.")
@click.option("--no-suggest", is_flag=True, help="Do not fill date/author from PDF metadata.")
@user_errors
def set_(
    matter: Path, docs: tuple[str, ...], status: str, basis: str | None, pages: str | None,
    para: str | None, no_suggest: bool, **fields: str | None,
) -> None:  # fmt: skip
    """Code DOC... (ids or file names) in one undoable step."""
    with Matter.open(matter) as m:
        scope = _scope(m, docs, pages, para)
        changes = privilege.set_privilege(
            m, docs, status, basis, scope, suggest=not no_suggest, **fields
        )
    click.echo(f"Coded {len(changes.documents)} document(s) {status}")


@privilege_group.command("clear")
@MATTER
@click.argument("docs", nargs=-1, required=True)
@click.option("--pages", help="Clear the designation of these pages: 3 or 3-5.")
@click.option("--para", help="Clear the designation of this paragraph.")
@user_errors
def clear(matter: Path, docs: tuple[str, ...], pages: str | None, para: str | None) -> None:
    """Remove designations of DOC... (their log ids are never reused)."""
    with Matter.open(matter) as m:
        privilege.clear_privilege(m, docs, _scope(m, docs, pages, para))
    click.echo(f"Cleared {len(docs)} designation(s)")


@privilege_group.command("list")
@MATTER
@JSON
@user_errors
def list_(matter: Path, as_json: bool) -> None:
    """Every designation in document order."""
    with Matter.open(matter, readonly=True) as m:
        found = privilege.designations(m)
    if as_json:
        dump([d.as_json() for d in found])
        return
    for d in found:
        bases = ",".join(d.bases)
        click.echo(f"{d.entry_id or '-':10} {d.status:15} {bases:28} {d.file_name} [{d.scope}]")


@privilege_group.command("suggest")
@MATTER
@click.argument("doc")
@JSON
@user_errors
def suggest(matter: Path, doc: str, as_json: bool) -> None:
    """Date and author of DOC suggested by its PDF metadata."""
    with Matter.open(matter, readonly=True) as m:
        found = privilege.suggest_fields(m, documents.find_document(m, doc).id)
    if as_json:
        dump(found)
        return
    for key, value in found.items():
        click.echo(f"{key}: {value}")


@click.group()
def privlog() -> None:
    """Check the privilege log and set its caption details."""


@privlog.command("check")
@MATTER
@JSON
@user_errors
def check(matter: Path, as_json: bool) -> None:
    """Quality checks of the privilege log; exit 1 when any error is found."""
    with Matter.open(matter, readonly=True) as m:
        findings = privcheck.check(m)
    errors = privcheck.errors(findings)
    if as_json:
        dump({"errors": len(errors), "warnings": len(findings) - len(errors),
              "findings": [f.as_json() for f in findings]})  # fmt: skip
    else:
        for f in findings:
            click.echo(f"{f.level.upper():7} {f.rule:15} {f}")
        click.echo(f"{len(errors)} error(s), {len(findings) - len(errors)} warning(s)")
    sys.exit(1 if errors else 0)


@privlog.command("settings")
@MATTER
@click.option("--party", help="The producing party named on the log.")
@click.option("--client-org", help="The client's organisation (not a third party).")
@click.option("--era-start", help="YYYY-MM-DD: dates before it are flagged.")
@click.option("--case-no", help="Case number on the log (default: the complaint's).")
@click.option("--court", help="Court named on the log (default: the complaint's).")
@JSON
@user_errors
def settings_(matter: Path, as_json: bool, **values: str | None) -> None:
    """Show or change the log's settings."""
    if any(v is not None for v in values.values()):
        with Matter.open(matter) as m:
            conf = privilege.set_settings(m, **values)
    else:
        with Matter.open(matter, readonly=True) as m:
            conf = privilege.settings(m)
    if as_json:
        dump(conf)
        return
    for key, value in conf.items():
        click.echo(f"{key}: {value}")


@click.group("people")
def people_group() -> None:
    """The people list: normalised names, attorneys, organisations."""


@people_group.command("add")
@MATTER
@click.argument("name")
@click.option("--attorney", is_flag=True, help="An attorney (marked * or Esq. on the log).")
@click.option("--org", "organisation", default="", help="Organisation.")
@click.option("--alias", "aliases", multiple=True, help="Another spelling or e-mail (repeat).")
@user_errors
def add(matter: Path, name: str, attorney: bool, organisation: str, aliases: tuple[str]) -> None:
    """Add NAME (or update the person with the same normalised name)."""
    with Matter.open(matter) as m:
        people.add_person(m, name, attorney, organisation, aliases)
    click.echo(f"Added {people.clean_name(name)}")


@people_group.command("remove")
@MATTER
@click.argument("name")
@user_errors
def remove(matter: Path, name: str) -> None:
    """Remove NAME from the people list."""
    with Matter.open(matter) as m:
        people.remove_person(m, name)
    click.echo(f"Removed {name}")


@people_group.command("list")
@MATTER
@JSON
@user_errors
def list_people(matter: Path, as_json: bool) -> None:
    """The people list."""
    with Matter.open(matter, readonly=True) as m:
        found = people.list_people(m)
    if as_json:
        dump([p.as_json() for p in found])
        return
    for p in found:
        click.echo(f"{p.name}{' (attorney)' if p.attorney else ''}  {p.organisation}")


@click.group("redact")
def redact_group() -> None:
    """Record redactions for the redaction log."""


@redact_group.command("add")
@MATTER
@click.argument("doc")
@click.option("--page", required=True, type=click.IntRange(1), help="Page (1-based).")
@click.option("--type", "info_type", required=True, type=click.Choice(list(redactions.INFO_TYPES)))
@click.option("--basis", default="", help="Privilege basis, or FRCP 5.2 (default for privacy).")
@click.option("--reason", default="", help="Why, in a few words.")
@click.option("--para", help="The numbered paragraph redacted.")
@click.option("--rect", help="The redacted box on the page, in points: x0,y0,x1,y1.")
@user_errors
def add_redaction(
    matter: Path, doc: str, page: int, info_type: str, basis: str, reason: str,
    para: str | None, rect: str | None,
) -> None:  # fmt: skip
    """Record one redaction on a page of DOC."""
    box = _rect(rect) if rect else None
    with Matter.open(matter) as m:
        d = documents.find_document(m, doc)
        pid = documents.find_paragraph(m, d, number=para).id if para else None
        redactions.add_redaction(m, d.id, page, info_type, basis, reason, pid, box)
        last = redactions.list_redactions(m)
    click.echo(f"Recorded {max(r.entry_id for r in last)}")


@redact_group.command("remove")
@MATTER
@click.argument("entry_id")
@user_errors
def remove_redaction(matter: Path, entry_id: str) -> None:
    """Remove redaction ENTRY_ID (RED-0001)."""
    with Matter.open(matter) as m:
        redactions.remove_redaction(m, entry_id)
    click.echo(f"Removed {entry_id}")


@redact_group.command("list")
@MATTER
@JSON
@user_errors
def list_redactions(matter: Path, as_json: bool) -> None:
    """Every recorded redaction."""
    with Matter.open(matter, readonly=True) as m:
        found = redactions.list_redactions(m)
    if as_json:
        dump([r.as_json() for r in found])
        return
    for r in found:
        click.echo(f"{r.entry_id} {r.file_name} p. {r.page}: {r.info_type} ({r.basis})")


COMMANDS = (privilege_group, privlog, people_group, redact_group)
