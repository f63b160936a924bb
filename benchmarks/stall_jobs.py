"""The rest of the app's long jobs for ``ui_stall.py --jobs`` (issue 14, item 4): offline
check-out and check-in, every Export-menu export, the operations that re-index a document —
delete, its undo, a kind change and its undo — and building the demo matter.

Each is an ``Extra``: ``prepare()`` (untimed: coding, a package with its work, a twin of the
matter), ``background(m, ctx)`` — the app's own code path as ``run_background`` hands it
to the JobRunner (``export_jobs.export_job``, ``offline.checkin_steps``,
``background.operation`` …) — and ``raw(ctx)``, the same work on the GUI thread, the
baseline: what the window would freeze for if it ran there. A raw run that changes the
matter runs on a twin (a copy made in ``prepare``), so both runs do the same work.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import add_from_template, list_claims
from reviewer.core.exports.by_name import Request, write_export
from reviewer.core.jobs.processes import HelperProcess
from reviewer.core.matter import history
from reviewer.core.matter.delete import delete_documents
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import DB_NAME, Matter
from reviewer.core.records import Changes, Progress
from reviewer.qt import background
from reviewer.qt.export_jobs import export_job

CHECKIN_OPS = 1500
HELPER = HelperProcess()  # the app's JobRunner owns one


@dataclass
class Extra:
    name: str
    prepare: Callable[[], Any]
    background: Callable[[Matter, Any], Iterator[Progress]] | None  # None: GUI thread only
    raw: Callable[[Any], Any]


def _twin(matter: Matter, dest: Path) -> Matter:
    """A copy of ``matter`` (database, index, files) for a raw run that writes. The database
    goes through SQLite's backup API: copying its files with ``shutil`` here, where a
    connection is open, would close file descriptors SQLite holds POSIX locks through — the
    locks go, and a child process writing the matter next corrupted it (seen)."""
    shutil.rmtree(dest, ignore_errors=True)
    skip = shutil.ignore_patterns("matter.lock", f"{DB_NAME}*")
    shutil.copytree(matter.path, dest, ignore=skip)
    copy = sqlite3.connect(dest / DB_NAME)
    try:
        matter.db.conn.backup(copy)
    finally:
        copy.close()
    return Matter.open(dest)


def _largest(matter: Matter) -> int:
    row = matter.db.execute(
        "SELECT doc_id FROM paragraphs GROUP BY doc_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()
    return int(row[0])


def code_for_charts(matter: Matter) -> None:
    """A claim with 300 tagged paragraphs (the proof chart and conclusory list have rows)."""
    if not list_claims(matter):
        add_from_template(matter, "negligence")
    elements = [e.full_id for e in list_claims(matter)[0].elements]
    paras = [r[0] for r in matter.db.execute(
        "SELECT id FROM paragraphs WHERE number IS NOT NULL ORDER BY id LIMIT 300")]  # fmt: skip
    for i, element in enumerate(elements):
        tagging.tag(matter, paras[i :: len(elements)], element, "factual")


def _exports(matter: Matter, tmp: Path) -> list[Extra]:
    scan = matter.db.execute("SELECT id FROM documents WHERE file_name = 'scan.pdf'").fetchone()
    kinds = [("proof-chart", "xlsx", None), ("conclusory", "docx", None),
             ("privilege-log", "xlsx", "frcp"), ("redaction-log", "xlsx", None),
             ("searchable-pdf", "pdf", str(scan[0]) if scan else None),
             ("exhibit-list", "xlsx", None), ("exhibit-binder", "pdf", None)]  # fmt: skip
    extras = []
    for kind, fmt, option in kinds:
        if kind == "searchable-pdf" and option is None:
            continue

        def req(n: int, kind: str = kind, fmt: str = fmt, option: Any = option) -> Request:
            return Request(kind, tmp / f"{kind}-{n}.{fmt}", option, force=True)

        extras.append(Extra(
            f"export {kind}", lambda: None,
            lambda m, _c, req=req: export_job(None, req(0))[0](m),
            lambda _c, req=req: write_export(matter.path, req(1)),
        ))  # fmt: skip
    return extras


def _checkout(matter: Matter, tmp: Path) -> Extra:
    docs = [r[0] for r in matter.db.execute("SELECT id FROM documents ORDER BY id")]
    return Extra(
        f"check-out ({len(docs)} docs)", lambda: None,
        lambda m, _c: offline.checkout_steps(m, docs, "Bench Reviewer", tmp / "pkg-bg"),
        lambda _c: offline.checkout(matter, docs, "Raw Reviewer", tmp / "pkg-raw"),
    )  # fmt: skip


def _package_work(folder: Path, ops: int) -> None:
    """The reviewer's work in the package: ``ops`` tagging operations of one ¶ each."""
    with Matter.open(folder) as pkg:
        element = list_claims(pkg)[0].elements[0].full_id
        paras = [r[0] for r in pkg.db.execute(
            "SELECT id FROM paragraphs WHERE number IS NOT NULL ORDER BY id")]  # fmt: skip
        cycle = ("factual", "conclusory", "information-and-belief")
        for i in range(ops):
            tagging.tag(pkg, [paras[i % len(paras)]], element, cycle[(i // len(paras)) % 3])


def _checkin(matter: Matter, tmp: Path) -> Extra:
    def prepare() -> Matter:
        _package_work(tmp / "pkg-bg", CHECKIN_OPS)
        return _twin(matter, tmp / "twin-checkin.matter")

    return Extra(
        f"check-in ({CHECKIN_OPS} ops)", prepare,
        lambda m, _twin: _boxed(offline.checkin_steps(m, tmp / "pkg-bg")),
        lambda twin: offline.checkin(twin, tmp / "pkg-bg"),
    )  # fmt: skip


def _boxed(steps: Any) -> Iterator[Progress]:
    yield from steps  # drops the generator's return value, as the app's box keeps it


def _operation(name: str, matter: Matter, tmp: Path, call: Callable[[Matter], Changes]) -> Extra:
    """The app's path (``background.operation`` in the helper process, as
    ``ReviewActions.perform_later``) beside the same call on the GUI thread, on a twin. The
    helper is spawned by the first such job (as in the app) and counted in its time."""
    return Extra(
        name, lambda: _twin(matter, tmp / "twin-op.matter"),
        lambda m, _twin: background.operation(name, call, [], HELPER)(m),
        lambda twin: call(twin),
    )  # fmt: skip


def _delete(m: Matter) -> Changes:
    return delete_documents(m, [find_document(m, _largest(m))])


def _demo(tmp: Path) -> Extra:
    """File ▸ Open the demo matter the first time: its filings written and imported."""
    from reviewer.samples.demo_matter import populate_demo

    def fresh(name: str) -> Matter:
        return Matter.create(tmp / name)

    def bg(_m: Matter, _c: Any) -> Iterator[Progress]:
        demo = fresh("demo-bg.matter")
        try:
            yield from background.populate_demo()(demo)
        finally:
            demo.close()

    return Extra("demo matter (first open)", lambda: fresh("demo-raw.matter"), bg,
                 lambda raw: list(populate_demo(raw)))  # fmt: skip


def _record_hits(matter: Matter, hits: list[Any]) -> Extra:
    """Production ▸ Find and redact, the chosen hits recorded (``find.redact_hits``): the app
    does this on the GUI thread."""
    from reviewer.core.production.find import redact_hits

    return Extra(f"record {len(hits)} redactions", lambda: None, None,
                 lambda _c: redact_hits(matter, "V", hits, "bench"))  # fmt: skip


def _suggestions(matter: Matter) -> Extra:
    """Claims ▸ Suggestions for the first element (on the worker thread in the app)."""
    from reviewer.core import search
    from reviewer.core.claims import suggest
    from reviewer.qt.suggestions_panel import LIMIT, find_suggestions

    element = list_claims(matter)[0].elements[0]

    def raw(_c: Any) -> Any:
        ix = search.SearchIndex(matter)
        try:
            return suggest.suggest(matter, ix, element, limit=LIMIT)
        finally:
            ix.close()

    return Extra("suggestions (1 element)", lambda: None,
                 lambda m, _c: find_suggestions(element, [])(m), raw)  # fmt: skip


def extras(matter: Matter, tmp: Path, hits: list[Any]) -> list[Extra]:
    """Every job of this module, in the order they run (each leaves what the next needs)."""
    big = find_document(matter, _largest(matter))
    size = f"{big.pages} pp."
    kind = "order" if big.kind != "order" else "brief"
    return [
        *([_record_hits(matter, hits)] if hits else []),
        _suggestions(matter),
        *_exports(matter, tmp),
        _checkout(matter, tmp),
        _checkin(matter, tmp),
        _operation(f"kind change ({size})", matter, tmp, background.set_kind(big.id, kind)),
        _operation(f"undo kind ({size})", matter, tmp, history.undo),
        _operation(f"delete ({size})", matter, tmp, _delete),
        _operation(f"undo delete ({size})", matter, tmp, history.undo),
        _demo(tmp),
    ]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
