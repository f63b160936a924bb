"""What the Export dialog runs and offers: the background job of an export (the core's
``write_export`` in a child process; a production through ``background.export_and_verify``)
with the sentence it ends on, and the choices of its option (complaints by short cite, the
log presets, documents, production sets) with the one to preselect."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.exports.by_name import Request, write_export
from reviewer.core.exports.chart_scope import complaints
from reviewer.core.jobs.processes import run_in_child
from reviewer.core.matter.listing import ocr_page_counts
from reviewer.core.matter.store import Matter
from reviewer.core.privilege.log import PRESETS, TITLES
from reviewer.core.production import sets as production
from reviewer.core.records import Progress
from reviewer.qt import background
from reviewer.qt.worker import MakeJob

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)
CANCELLED = "Cancelled; nothing was written."


def export_job(window: MainWindow, req: Request) -> tuple[MakeJob, Callable[[], str]]:
    """The job writing ``req``, and a function giving the sentence it ended on (once the
    job has ended): what was written, or that nothing was."""
    if req.kind == "production":
        return _production_job(req)
    req.fmt  # noqa: B018  (refuses a wrong extension before the job starts)
    said: list[str] = []

    def make(m: Matter) -> Iterator[Progress]:
        waiting = Progress(0, 1, f"Writing {req.path.name}…", step="export", unit="files")
        said.append((yield from run_in_child(write_export, (m.path, req), waiting, m.path)))
        yield Progress(1, 1, said[-1], step="export-done", unit="files")

    return make, lambda: said[-1] if said else CANCELLED


def _production_job(req: Request) -> tuple[MakeJob, Callable[[], str]]:
    if not req.option:
        raise ReviewerError("Create a production set first (Production dock).")
    if req.path.exists():
        raise ReviewerError(f"{req.path}: already exists; name a new folder.")
    problems: list[str] = []
    done: list[bool] = []
    inner = background.export_and_verify(req.option, req.path, problems)

    def make(m: Matter) -> Iterator[Progress]:
        yield from inner(m)
        done.append(True)

    def outcome() -> str:
        if not done:
            return "Cancelled; nothing was exported." if not req.path.exists() else (
                f"Exported to {req.path}; not verified (cancelled).")  # fmt: skip
        verdict = f"{len(problems)} problem(s): {problems[0]}" if problems else (
            "verified, no problems")  # fmt: skip
        return f"Exported {req.option} to {req.path}: {verdict}."

    return make, outcome


def option_choices(window: MainWindow, option: str) -> tuple[list[tuple[str, object]], object]:
    """(label, value) choices for the dialog's option, and the value to preselect."""
    matter: Matter = window.matter
    if option == "complaint":
        found = [(c.label, c.doc_id) for c in complaints(matter)]
        return [("All complaints", None), *found], window.claims_panel.chosen_complaint()
    if option == "preset":
        return [(f"{TITLES[p]} ({p})", p) for p in PRESETS], "frcp"
    if option == "document":
        rows = ocr_page_counts(matter)
        choices = [(f"{name} — {n} OCR'd page(s)", doc_id) for doc_id, name, n in rows]
        return choices, window.doc_id
    sets = production.list_sets(matter)
    return [(f"{s.name} ({len(s.doc_ids)} documents)", s.name) for s in sets], None
