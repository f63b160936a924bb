"""Import pipeline: hash, skip duplicates, extract, segment, store — one transaction per
document, so a failure leaves nothing half-written — then add to the search index.
``import_files`` yields Progress."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import shutil
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from reviewer.core import classify, exhibits, layout, segment
from reviewer.core.errors import BadFileError, ReviewerError
from reviewer.core.matter import Matter
from reviewer.core.pdf import PdfText, read_pdf
from reviewer.core.records import ImportResult, Progress
from reviewer.core.search import IndexUpdater

_NO_NUMBERED = ("motion", "transcript")


@dataclass(slots=True)
class Parsed:
    """Everything stored for one document, computed before any write."""

    kind: str
    pages: list[layout.CleanPage]
    paras: list[segment.Para]
    meta: dict[str, object]
    quality: str
    needs_ocr: bool
    note: str | None


@dataclass(slots=True)
class Rows:
    """A parsed document as the rows ``_store`` writes: strings and numbers only.

    Worker processes send these back rather than a ``Parsed``: unpickling a Parsed (every
    text row of every page, as objects) is one call that holds the importing process's GIL,
    ~0.1 s for a 400-page exhibit, and the window froze for that long."""

    kind: str
    meta: dict[str, object]
    quality: str
    needs_ocr: bool
    note: str | None
    pages: list[dict[str, object]]  # ``pages`` rows without doc_id
    paras: list[dict[str, object]]  # ``paragraphs`` rows without doc_id
    numbered: int


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and every file below folders named (sorted), in order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file()))
        else:
            out.append(p)
    return out


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as exc:
        raise BadFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    return h.hexdigest()


def _quality(pages: list[layout.CleanPage]) -> tuple[str, bool, str | None]:
    bad = [p.index + 1 for p in pages if p.quality not in layout.USABLE]
    if not bad:
        return "good", False, None
    if len(bad) == len(pages):
        kinds = sorted({p.quality for p in pages})
        what = "garbage glyphs" if kinds == ["garbage"] else "no usable text (scanned?)"
        return "needs_ocr", True, f"The text layer has {what}; run OCR to make it searchable."
    listed = ", ".join(map(str, bad[:20])) + (" …" if len(bad) > 20 else "")
    return "partial", True, f"Pages without usable text (need OCR): {listed}."


def parse(path: Path, kind: str | None = None) -> Parsed:
    """Read and segment one PDF without touching the matter."""
    return parse_text(read_pdf(path), path.name, kind)


def parse_text(pdf: PdfText, name: str, kind: str | None = None) -> Parsed:
    """Segment a PDF's positioned text (from its text layer, OCR, or both)."""
    pages = layout.clean_pages(pdf.pages)
    first = next((p.text for p in pages if p.quality == "good"), pages[0].text)
    kind = kind or classify.guess_kind(first, name)
    quality, needs_ocr, note = _quality(pages)
    paras = segment.segment(
        pages,
        numbered=kind not in _NO_NUMBERED,
        min_numbered=1 if kind in ("complaint", "answer") else 3,
    )
    stamp = next((p.ecf for p in pages if p.ecf), None)
    meta: dict[str, object] = {
        "court": classify.court(first),
        "case_no": stamp.case_no if stamp else None,
        "docket_no": stamp.doc_no if stamp else None,
        "filed": stamp.filed if stamp else None,
        # A PDF's Title is often blank or a single space: that is no title.
        "title": " ".join(str(pdf.metadata.get("title") or "").split()) or None,
        "abbrev": classify.cite_abbrev(kind, first),
        "pdf_meta": pdf.metadata,
        "page_count": pdf.page_count,
        "exhibit_stamps": exhibits.detect.page_stamps(pdf.pages),  # issue 18
    }
    return Parsed(kind, pages, paras, meta, quality, needs_ocr, note)


def cite(abbrev: str, para: segment.Para, pages: list[layout.CleanPage]) -> str:
    page = pages[para.page_start - 1]
    label = page.label or str(para.page_start)
    base = f"{abbrev} ¶ {para.number}" if para.kind == "numbered" else f"{abbrev} at {label}"
    if page.ecf is not None:
        return f"{base} (Dkt. {page.ecf.doc_no} at {page.ecf.page})"
    return base


def rows(parsed: Parsed) -> Rows:
    """The rows of a parsed document (see ``Rows``)."""
    abbrev = str(parsed.meta["abbrev"])
    pages: list[dict[str, object]] = [
        {
            "pno": p.index + 1,
            "width": p.width,
            "height": p.height,
            "label": p.label,
            "text": p.text if p.quality in layout.USABLE else "",
            "quality": p.quality,
            "ecf_stamp": p.ecf.raw if p.ecf else None,
            "ecf_doc": p.ecf.doc_no if p.ecf else None,
            "ecf_page": p.ecf.page if p.ecf else None,
            "ecf_page_of": p.ecf.page_of if p.ecf else None,
        }
        for p in parsed.pages
    ]
    paras: list[dict[str, object]] = [
        {
            "seq": seq,
            "number": p.number,
            "kind": p.kind,
            "section": p.section,
            "count": p.count,
            "text": p.text,
            "page_start": p.page_start,
            "page_end": p.page_end,
            "cite": cite(abbrev, p, parsed.pages),
            "boxes": json.dumps([[round(v, 1) for v in b] for b in p.boxes()]),
        }
        for seq, p in enumerate(parsed.paras, start=1)
    ]
    numbered = sum(p.kind == "numbered" for p in parsed.paras)
    return Rows(parsed.kind, parsed.meta, parsed.quality, parsed.needs_ocr, parsed.note,
                pages, paras, numbered)  # fmt: skip


def _store(matter: Matter, src: Path, sha: str, parsed: Rows) -> int:
    """Write one parsed document in one transaction; returns its id."""
    dest = matter.files_dir / sha[:2] / f"{sha}.pdf"
    dest.parent.mkdir(parents=True, exist_ok=True)
    if not dest.exists():
        tmp = dest.with_suffix(".part")
        shutil.copyfile(src, tmp)
        tmp.replace(dest)
    m = parsed.meta
    with matter.db.atomic():
        doc_id = (
            matter.db["documents"]
            .insert(
                {
                    "sha256": sha,
                    "file_name": src.name,
                    "source_path": str(src.resolve()),
                    "stored_path": str(dest.relative_to(matter.path)),
                    "byte_size": src.stat().st_size,
                    "kind": parsed.kind,
                    "title": m["title"],
                    "court": m["court"],
                    "case_no": m["case_no"],
                    "docket_no": m["docket_no"],
                    "filed": m["filed"],
                    "page_count": m["page_count"],
                    "text_quality": parsed.quality,
                    "needs_ocr": int(parsed.needs_ocr),
                    "quality_note": parsed.note,
                    "pdf_meta": json.dumps(m["pdf_meta"]),
                    "imported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                }
            )
            .last_pk
        )
        matter.db["pages"].insert_all({"doc_id": doc_id, **r} for r in parsed.pages)
        matter.db["paragraphs"].insert_all({"doc_id": doc_id, **r} for r in parsed.paras)
        exhibits.scan_document(matter, int(doc_id), m.get("exhibit_stamps", []))  # issue 18
        matter.touch_content()
    return int(doc_id)


def _parse_safely(path: Path, kind: str | None) -> Rows | str:
    """``parse`` for a worker process: the rows to store, or a user error's message."""
    try:
        return rows(parse(path, kind))
    except ReviewerError as exc:
        return str(exc)


def _known(matter: Matter, sha: str) -> tuple[int, int] | None:
    row = matter.db.execute("SELECT id, page_count FROM documents WHERE sha256 = ?", [sha])
    return row.fetchone()


def _finish(matter: Matter, path: Path, sha: str, outcome: Rows | str) -> ImportResult:
    """Store a parsed file (unless an identical one landed meanwhile) and report on it."""
    if isinstance(outcome, str):
        return ImportResult(str(path), "failed", error=outcome)
    found = _known(matter, sha)
    if found:
        return ImportResult(str(path), "duplicate", found[0], pages=found[1])
    try:
        doc_id = _store(matter, path, sha, outcome)
    except ReviewerError as exc:
        return ImportResult(str(path), "failed", error=str(exc))
    return ImportResult(
        str(path),
        "imported",
        doc_id,
        None,
        len(outcome.pages),
        len(outcome.paras),
        outcome.quality,
        (outcome.note,) if outcome.note else (),
        outcome.numbered,
    )


def _precheck(matter: Matter, path: Path) -> tuple[str | None, ImportResult | None]:
    """Hash a file and settle it early when it is unreadable or already in the matter."""
    try:
        sha = sha256_of(path)
    except ReviewerError as exc:
        return None, ImportResult(str(path), "failed", error=str(exc))
    found = _known(matter, sha)
    if found:
        return sha, ImportResult(str(path), "duplicate", found[0], pages=found[1])
    return sha, None


def import_one(matter: Matter, path: Path, kind: str | None = None) -> ImportResult:
    """Import one file; never raises for bad input — the result says what happened."""
    sha, settled = _precheck(matter, path)
    if settled is not None:
        return settled
    assert sha is not None  # _precheck settles every file it could not hash
    return _finish(matter, path, sha, _parse_safely(path, kind))


def import_files(
    matter: Matter, paths: Iterable[str | Path], kind: str | None = None, workers: int = 2
) -> Iterator[Progress]:
    """Import files and folders; yields one Progress per file, carrying its ImportResult.

    With ``workers`` > 1 and several files, PDFs are read and segmented in a pool of worker
    processes while this process stores them in order, one transaction per document.
    Closing the generator (cancel) stops the pool; documents stored so far stay whole."""
    matter.require_writable()
    files = expand_paths(paths)
    updater = IndexUpdater(matter)
    try:
        for progress in _import(matter, files, kind, workers):
            result = progress.result
            if result is not None and result.status == "imported" and result.doc_id:
                updater.add(result.doc_id)
            yield progress
    finally:
        updater.close()


def _import(
    matter: Matter, files: list[Path], kind: str | None, workers: int
) -> Iterator[Progress]:
    if workers < 2 or len(files) < 3:
        for i, path in enumerate(files, start=1):
            result = import_one(matter, path, kind)
            yield Progress(i, len(files), f"{result.status}: {path.name}", str(path), result)
        return
    yield from _import_pooled(matter, files, kind, workers)


def _import_pooled(
    matter: Matter, files: list[Path], kind: str | None, workers: int
) -> Iterator[Progress]:
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    queue: deque[tuple[Path, str | None, ImportResult | Future[Rows | str]]] = deque()
    pending = iter(files)

    def submit_next() -> None:
        path = next(pending, None)
        if path is not None:
            sha, settled = _precheck(matter, path)
            queue.append((path, sha, settled or pool.submit(_parse_safely, path, kind)))

    try:
        for _ in range(workers * 2):
            submit_next()
        done = 0
        while queue:
            path, sha, job = queue.popleft()
            submit_next()
            if isinstance(job, ImportResult):
                result = job
            else:
                assert sha is not None
                result = _finish(matter, path, sha, job.result())
            done += 1
            yield Progress(done, len(files), f"{result.status}: {path.name}", str(path), result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
