"""``reviewer redactions``: check any PDF — produced here or received — for bad redactions
(text that can still be copied from under a black box or other opaque cover)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reviewer.cli.common import JSON, dump, user_errors
from reviewer.core.production import redaction_check


@click.group("redactions")
def redactions_group() -> None:
    """Check PDFs for bad redactions."""


@redactions_group.command("check")
@click.argument("pdfs", nargs=-1, required=True, type=click.Path(path_type=Path))
@JSON
@user_errors
def check(pdfs: tuple[Path, ...], as_json: bool) -> None:
    """Find text that can still be copied from under an opaque cover (a filled box, a
    filled annotation, an image, an unapplied redaction) in PDF...; exit 1 when any is
    found. --json: a list of {file, page, rect, text, cover}, page 1-based, rect in points."""
    found = redaction_check.check_files(pdfs)
    if as_json:
        dump(found)
    else:
        for f in found:
            rect = ",".join(f"{v:g}" for v in f["rect"])  # type: ignore[attr-defined]
            click.echo(f"{f['file']} p. {f['page']} [{rect}] {f['cover']}: {f['text']}")
        files = len({f["file"] for f in found})
        click.echo(f"{len(found)} bad redaction(s) in {files} of {len(pdfs)} file(s)"
                   if found else f"No bad redactions in {len(pdfs)} file(s)")  # fmt: skip
    if found:
        sys.exit(1)
