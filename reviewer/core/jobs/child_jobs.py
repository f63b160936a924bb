"""Work the app runs in a child process (``processes``): production export and verify,
find-and-redact hits, the privilege log's export. Each opens its own handle on the matter
(the app's stays open: WAL lets them write side by side) and returns plain data. PyMuPDF and
the document writers hold the GIL for long stretches; in a process of their own they cannot
freeze the window."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from reviewer.core import search
from reviewer.core.exports import write
from reviewer.core.exports.privilege_log import gate, privilege_log_report
from reviewer.core.ingest.ocr_run import import_and_ocr, ocr_documents
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.production import export as production_export
from reviewer.core.production import find as production_find
from reviewer.core.production import verify as production_verify
from reviewer.core.production.find import Hit
from reviewer.core.records import Progress


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
