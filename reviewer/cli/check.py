"""``reviewer check``: where each document needs a look (numbering gaps, duplicates,
restarts, numbers out of order, furniture left in the text, pages without text, units not
placed). Exit status 1 when anything of severity warning or error is found."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reviewer.cli.common import JSON, MATTER, dump, user_errors
from reviewer.core.ingest.anomalies import document_anomalies
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter


@click.command()
@MATTER
@click.argument("doc", required=False)
@JSON
@user_errors
def check(matter: Path, doc: str | None, as_json: bool) -> None:
    """Check DOC (a doc id or file name; default: every document in MATTER) for places that
    need a look: numbering gaps, duplicate, restarted or out-of-order ¶ numbers, page
    furniture left in paragraph text, pages without usable text, units not placed.

    Exit status: 1 when any finding is a warning or an error, 0 otherwise (info only, such
    as a second numbered list starting again at ¶ 1)."""
    with Matter.open(matter, readonly=True) as m:
        docs = [documents.find_document(m, doc)] if doc else documents.list_documents(m)
        found = [(d, document_anomalies(m, d.id)) for d in docs]
    if as_json:
        dump([{"doc_id": d.id, "file_name": d.file_name,
               "anomalies": [a.as_json() for a in found_]} for d, found_ in found])  # fmt: skip
    else:
        for d, items in found:
            click.echo(f"{d.id:4}  {d.file_name}: {len(items) or 'no'} finding(s)")
            for a in items:
                click.echo(f"      {a.severity:7} {a.kind:12} {a.message}")
    sys.exit(1 if any(a.failing for _, items in found for a in items) else 0)
