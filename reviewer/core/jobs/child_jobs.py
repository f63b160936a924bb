"""Work the app runs in a child process (``processes``): production export and verify,
find-and-redact hits, the privilege log's export, offline check-out and check-in, and
the operations that re-index a document (``run_operation``: a delete, a kind change,
their undo). Each opens its own handle on the matter
(the app's stays open: WAL lets them write side by side) and returns plain data. PyMuPDF and
the document writers hold the GIL for long stretches; in a process of their own they cannot
freeze the window."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path

from reviewer.core import exhibits, offline, search
from reviewer.core.exports import write
from reviewer.core.exports.privilege_log import gate, privilege_log_report
from reviewer.core.ingest.ocr_run import import_and_ocr, ocr_documents
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import labels
from reviewer.core.matter.store import Matter
from reviewer.core.production import export as production_export
from reviewer.core.production import find as production_find
from reviewer.core.production import verify as production_verify
from reviewer.core.production.find import Hit
from reviewer.core.records import Changes, Progress
from reviewer.core.search import IndexUpdater


def export_verify_steps(matter_path: Path, name: str, folder: Path) -> Iterator[Progress]:
    """``export_and_verify`` as a stream: a Progress per document produced, one while
    verifying, one ``verify-problem`` per problem found, and last ``export-done`` with the
    outcome in a sentence (pages, Bates range, verification)."""
    with Matter.open(matter_path) as m:
        manifest = yield from production_export.export_steps(m, name, folder)
        docs = len(manifest["documents"])  # type: ignore[arg-type]
        yield Progress(docs, docs, f"Verifying {folder.name}…", step="verify", unit="documents")
        problems = production_verify.verify(folder, m)
    for problem in problems:
        yield Progress(0, 0, problem, step="verify-problem")
    yield Progress(docs, docs, production_verify.outcome(manifest, problems),
                   step="export-done", unit="documents")  # fmt: skip


def find_hits(matter_path: Path, name: str, text: str, pattern: str | None) -> list[Hit]:
    """Every hit of ``text`` (or ``pattern``) in production ``name``, nothing recorded."""
    with Matter.open(matter_path, readonly=True) as m:
        return production_find.find_hits(m, name, text, pattern)


def privilege_log(matter_path: Path, preset: str, path: Path, force: bool) -> Path:
    """Check the privilege log (refused on errors unless ``force``) and write it to ``path``."""
    fmt = path.suffix.lower().lstrip(".")
    with Matter.open(matter_path, readonly=True) as m:
        gate(m, force)
        report = privilege_log_report(m, preset, compact=fmt in ("docx", "pdf"))
    return write([report], fmt, path)


def import_and_ocr_all(
    matter_path: Path, paths: Iterable[str | Path], ocr: bool = True, workers: int = 2
) -> Iterator[Progress]:
    """``import_and_ocr`` (``import_files`` without ``ocr``) on a handle of its own."""
    with Matter.open(matter_path) as m:
        yield from (import_and_ocr if ocr else import_files)(m, paths, None, workers)


def ocr_all(
    matter_path: Path, doc_ids: list[int] | None = None, workers: int = 2
) -> Iterator[Progress]:
    """``ocr_documents`` (every page that needs it) on a handle of this process's own."""
    with Matter.open(matter_path) as m:
        yield from ocr_documents(m, doc_ids, workers=workers)


def reindex(matter_path: Path) -> Iterator[Progress]:
    """``search.reindex`` on a handle of this process's own."""
    with Matter.open(matter_path) as m:
        yield from search.reindex(m)


def rescan_exhibits(matter_path: Path) -> Iterator[Progress]:
    """``exhibits.rescan`` (one transaction per document: a cancel leaves each document
    rescanned or as it was) on a handle of its own, its progress in typed fields."""
    with Matter.open(matter_path) as m:
        for p in exhibits.rescan(m):
            message = f"Finding exhibits: {p.done} of {p.total} documents"
            yield Progress(p.done, p.total, message, step="exhibits", unit="documents")


def checkin(matter_path: Path, folder: Path) -> Generator[Progress, None, offline.CheckinResult]:
    """``offline.checkin_steps`` on a handle of its own (one transaction: a cancel, or the
    process killed, rolls it back)."""
    with Matter.open(matter_path) as m:
        return (yield from offline.checkin_steps(m, folder))


def checkout(
    matter_path: Path, docs: list[int], to: str, out: Path
) -> Generator[Progress, None, offline.Batch]:
    """``offline.checkout_steps`` (the package written beside ``out``, renamed into place)."""
    with Matter.open(matter_path) as m:
        return (yield from offline.checkout_steps(m, docs, to, out))


def run_operation(matter_path: Path, call: Callable[[Matter], Changes]) -> Changes:
    """``call(matter)``: one core operation (a module-level function, or a ``partial`` of
    one, so that it reaches this process) on a handle of its own."""
    with Matter.open(matter_path) as m:
        return call(m)


def set_kind_indexed(m: Matter, doc_id: int, kind: str) -> Changes:
    """``labels.set_kind`` with the document's index entries brought in step (its kind is a
    search filter); the updater is made first, while the index still agrees."""
    updater = IndexUpdater(m)
    try:
        changes = labels.set_kind(m, doc_id, kind)
        updater.remove(doc_id)
        updater.add(doc_id)
    finally:
        updater.close()
    return changes


def redact_hits_op(m: Matter, name: str, hits: list[Hit], reason: str, kind: str) -> Changes:
    """Record the chosen find-and-redact hits (one operation) in the helper process: a few
    thousand take over a second, too long for the app's GUI thread."""
    return production_find.redact_hits(m, name, hits, reason, kind)[1]
