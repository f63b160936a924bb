"""The app's long jobs that are not core generators already: each wraps core calls in a
generator of typed ``Progress`` for the worker thread (``JobRunner``), and hands its outcome
back in a list the caller reads when the job has finished. Every output is written beside its
destination and renamed into place by the core, so a cancel or a failure leaves nothing
half-written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from reviewer.core.ingest.pipeline import expand_paths
from reviewer.core.jobs import child_jobs
from reviewer.core.jobs.processes import HelperProcess, run_in_child, stream_in_child
from reviewer.core.matter.store import Matter
from reviewer.core.offline import CheckinResult
from reviewer.core.production.find import Hit
from reviewer.core.records import Changes, Progress
from reviewer.core.wording import plural
from reviewer.qt.worker import MakeJob


def export_and_verify(
    name: str, folder: Path, problems: list[str], outcome: list[str] | None = None
) -> MakeJob:
    """Export production ``name`` into ``folder`` and verify it, in a child process (PyMuPDF
    would hold the GIL for seconds) that reports each document produced; problems go to
    ``problems``, the outcome sentence to ``outcome``. A cancel stops the child after the
    document in hand; its half-written folder is removed."""

    def make(m: Matter) -> Iterator[Progress]:
        m.require_writable()
        yield Progress(0, 0, f"Exporting {name} to {folder.name}…", step="export")
        for p in stream_in_child(child_jobs.export_verify_steps, (m.path, name, folder)):
            if p.step == "verify-problem":
                problems.append(p.message)
                continue
            if p.step == "export-done" and outcome is not None:
                outcome.append(p.message)
            yield p

    return make


def find_hits(name: str, text: str, pattern: str | None, found: list[Hit]) -> MakeJob:
    """Every hit of ``text`` (or of a built-in ``pattern``) in production ``name``, for the
    find-and-redact preview (in a child process; nothing is recorded)."""

    def make(m: Matter) -> Iterator[Progress]:
        what = f"the {pattern} pattern" if pattern else f"\u201c{text}\u201d"
        waiting = Progress(0, 0, f"Finding {what} in {name}…", step="find", unit="sets")
        args = (m.path, name, text, pattern)
        found.extend((yield from run_in_child(child_jobs.find_hits, args, waiting)))
        yield Progress(1, 1, f"Found {plural(len(found), 'hit')}.", step="find-done")

    return make


def privilege_log(preset: str, path: Path, force: bool, written: list[Path]) -> MakeJob:
    """Write the privilege log (``preset``, format from ``path``'s extension), in a child
    process; refused when its checks find errors and ``force`` is off."""

    def make(m: Matter) -> Iterator[Progress]:
        waiting = Progress(0, 1, f"Writing {path.name}…", step="export", unit="logs")
        args = (m.path, preset, path, force)
        written.append((yield from run_in_child(child_jobs.privilege_log, args, waiting)))
        yield Progress(1, 1, f"Wrote {path}", step="export-done", unit="logs")

    return make


def import_files(paths: list[Path], ocr: bool = True) -> MakeJob:
    """Import (then OCR) ``paths`` in a child process, its progress and results streamed.
    The first step says how many files there are (the dialog read "Importing…" at 0 % until
    the first file was stored, seconds later)."""

    def make(m: Matter) -> Iterator[Progress]:
        n = len(expand_paths(paths))
        if n:
            files = "1 file" if n == 1 else f"{n} files"
            yield Progress(0, n, f"Importing {files}: reading the first…", step="import",
                           unit="files")  # fmt: skip
        yield from stream_in_child(child_jobs.import_and_ocr_all, (m.path, paths, ocr))

    return make


def ocr_all(doc_ids: list[int] | None = None) -> MakeJob:
    """OCR every page that needs it (of ``doc_ids``), in a child process."""
    return lambda m: stream_in_child(child_jobs.ocr_all, (m.path, doc_ids))


def rescan_exhibits() -> MakeJob:
    """Find the exhibits of every document again (PyMuPDF reads each stored file: seconds),
    in a child process."""
    return lambda m: stream_in_child(child_jobs.rescan_exhibits, (m.path,))


def populate_demo() -> MakeJob:
    """Build the demo matter (its filings written with PyMuPDF, imported) in a child process."""
    from reviewer.samples.demo_matter import populate_demo_at

    return lambda m: stream_in_child(populate_demo_at, (m.path,))


def reindex() -> MakeJob:
    """Rebuild the search index in a child process."""
    return lambda m: stream_in_child(child_jobs.reindex, (m.path,))


def operation(
    message: str, call: Callable[[Matter], Changes], box: list[Changes], helper: HelperProcess
) -> MakeJob:
    """One core operation in the app's helper process — a delete, an undo of one, a kind
    change: one transaction, then its documents re-indexed (Whoosh: seconds for a long
    document, and in a thread of the app it would hold the GIL). ``call`` is a module-level
    function or a ``partial`` of one (it is pickled). Its ``Changes`` go to ``box``. Cancel
    before it starts does nothing; once started it runs to its end (nothing is yielded)."""

    def make(m: Matter) -> Iterator[Progress]:
        yield Progress(0, 0, message, step="operation", unit="operations")
        waiting = Progress(0, 0, message, step="operation", unit="operations")
        steps = helper.run(child_jobs.run_operation, (m.path, call), waiting)
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                box.append(stop.value)
                return

    return make


def set_kind(doc_id: int, kind: str) -> Callable[[Matter], Changes]:
    """The kind change of Kind ▸ (``labels.set_kind``, its index entries following)."""
    return partial(child_jobs.set_kind_indexed, doc_id=doc_id, kind=kind)


def checkin(folder: Path, box: list[CheckinResult]) -> MakeJob:
    """Check the package at ``folder`` in, in a child process; its result goes to ``box``.
    Cancel rolls the one transaction back (unless it came after the commit)."""

    def make(m: Matter) -> Iterator[Progress]:
        box.append((yield from stream_in_child(child_jobs.checkin, (m.path, folder))))

    return make


def checkout(docs: list[int], to: str, out: Path) -> MakeJob:
    """Write a package in a child process (copying and indexing: seconds); Cancel leaves no
    package and no batch."""
    return lambda m: stream_in_child(child_jobs.checkout, (m.path, docs, to, out))
