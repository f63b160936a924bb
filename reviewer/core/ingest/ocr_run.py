"""Running OCR over a matter's documents: which pages need it, reading them in worker
processes, and storing each document's OCR in one transaction (pages marked ``ocr`` with
their word boxes, paragraphs re-segmented, document quality updated), then the search index.

``ocr_documents`` is a generator of Progress ("OCR page x of y"); closing it (cancel) stops
between pages and leaves every document either fully OCR'd or untouched.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from reviewer.core import exhibits
from reviewer.core.errors import OcrUnavailableError, ReviewerError
from reviewer.core.ingest import image_text, layout, ocr
from reviewer.core.ingest.pipeline import CAPTION_COLUMNS, Rows, import_files, parse_text, rows
from reviewer.core.jobs.processes import worker_pool
from reviewer.core.matter.audit import Recorder, operation
from reviewer.core.matter.recut import recut
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import Line, PageText, PdfText, read_pdf
from reviewer.core.records import Progress
from reviewer.core.search import IndexUpdater
from reviewer.core.wording import plural


@dataclass(frozen=True, slots=True)
class Plan:
    """One document's OCR work: its id, name, stored file and 0-based pages to read whole;
    ``images``: 0-based text pages whose pictures are to be read (``image_text``)."""

    doc_id: int
    name: str
    path: str
    pages: tuple[int, ...]
    images: tuple[int, ...] = ()


def plan(matter: Matter, doc_ids: Sequence[int] | None = None, force: bool = False) -> list[Plan]:
    """The pages each document needs read by OCR: pages without usable text (and pages OCR'd
    before, so the document is segmented from one reading); with ``force``, every page."""
    where, args = "", []
    if doc_ids is not None:
        where = f"WHERE id IN ({','.join('?' * len(doc_ids))})"
        args = list(doc_ids)
    docs = matter.db.execute(
        f"SELECT id, file_name, stored_path FROM documents {where} ORDER BY id", args
    ).fetchall()
    out = []
    for doc_id, name, stored in docs:
        rows_ = matter.db.execute(
            "SELECT pno, quality, ocr, images_read FROM pages WHERE doc_id = ? ORDER BY pno",
            [doc_id],
        ).fetchall()
        need = [q not in layout.USABLE and not o for _, q, o, _ in rows_]
        pages: list[int] = []
        if force or any(need):
            pages = [p - 1 for p, q, o, _ in rows_ if force or o or q not in layout.USABLE]
        images = [
            p - 1
            for p, q, o, seen in rows_
            if q in layout.USABLE and not o and seen is None and p - 1 not in pages
        ]
        if pages or images:
            path = str(matter.path / stored)
            out.append(Plan(doc_id, name, path, tuple(pages), tuple(images)))
    return out


def _read(path: str, index: int, exe: str) -> ocr.OcrPage | str:
    """``ocr.ocr_page`` for a worker process: the page, or a user error's message."""
    try:
        return ocr.ocr_page(path, index, exe)
    except ReviewerError as exc:
        return str(exc)


def ocr_documents(
    matter: Matter, doc_ids: Sequence[int] | None = None, force: bool = False, workers: int = 2
) -> Iterator[Progress]:
    """OCR the pages that need it (``plan``), yielding one Progress per page read and one
    per document stored. Raises OcrUnavailableError when Tesseract is not installed."""
    matter.require_writable()
    exe = ocr.require_tesseract()
    plans = plan(matter, doc_ids, force)
    total = sum(len(p.pages) for p in plans)
    pool = worker_pool(workers) if workers > 1 and total > 1 else None
    updater = IndexUpdater(matter)
    try:
        done = 0
        for job, pages in _pages([p for p in plans if p.pages], exe, pool, workers):
            got: list[ocr.OcrPage] = []
            error = None
            for i, outcome in enumerate(pages, start=1):
                done += 1
                if isinstance(outcome, str):
                    error = error or outcome
                else:
                    got.append(outcome)
                msg = f"OCR page {i} of {len(job.pages)}: {job.name}"
                yield Progress(done, total, msg, step="ocr", unit="pages")
            message = error or _store(matter, job, got)
            if error is None:
                updater.remove(job.doc_id)
                updater.add(job.doc_id)
            yield Progress(done, total, message, step="ocr-done", unit="pages")
        for job in (p for p in plans if p.images):
            yield from image_text.read_pictures(matter, job.doc_id, job.name, job.path, job.images,
                                              exe, updater)  # fmt: skip
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        updater.close()


def import_and_ocr(
    matter: Matter,
    paths: Iterable[str | Path],
    kind: str | None = None,
    workers: int = 2,
    accept_damaged: bool = False,
) -> Iterator[Progress]:
    """``import_files``, then OCR of the imported pages that need it, in the same worker
    processes' way ("OCR page x of y"). Without Tesseract the documents stay ``needs_ocr``
    and one last Progress says how to install it."""
    needing: list[int] = []
    pictured: list[int] = []  # good text layers: their pictures are read (``image_text``)
    for progress in import_files(matter, paths, kind, workers, accept_damaged):
        r = progress.result
        if r is not None and r.status == "imported" and r.doc_id and r.text_quality != "good":
            needing.append(r.doc_id)
        elif r is not None and r.status == "imported" and r.doc_id:
            pictured.append(r.doc_id)
        elif r is not None and r.status == "duplicate" and r.doc_id and _waiting(matter, r.doc_id):
            needing.append(r.doc_id)  # imported by a run cut short before its OCR: finish it
        yield progress
    if ocr.tesseract() is None:
        if needing:
            yield Progress(0, 0, str(OcrUnavailableError()), step="notice")
        return
    if needing or pictured:
        yield from ocr_documents(matter, sorted([*needing, *pictured]), workers=workers)


def _waiting(matter: Matter, doc_id: int) -> bool:
    row = matter.db.execute("SELECT needs_ocr FROM documents WHERE id = ?", [doc_id]).fetchone()
    return bool(row and row[0])


def missing_tesseract_notice(matter: Matter) -> str | None:
    """What to tell the user when documents need OCR and Tesseract is not installed."""
    waiting = matter.db.execute("SELECT count(*) FROM documents WHERE needs_ocr").fetchone()[0]
    if not waiting or ocr.tesseract() is not None:
        return None
    return f"{plural(waiting, 'document needs', 'documents need')} OCR. {OcrUnavailableError()}"


def _pages(
    plans: list[Plan], exe: str, pool: ProcessPoolExecutor | None, workers: int
) -> Iterator[tuple[Plan, Iterator[ocr.OcrPage | str]]]:
    """Each plan with an iterator of its pages' outcomes, in order; with a pool, a few
    pages ahead are already being read in the workers."""
    if pool is None:
        for job in plans:
            yield job, (_read(job.path, i, exe) for i in job.pages)
        return
    work = iter([(job, i) for job in plans for i in job.pages])
    queue: deque[Future[ocr.OcrPage | str]] = deque()

    def top_up() -> None:
        while len(queue) < workers * 2:
            nxt = next(work, None)
            if nxt is None:
                return
            queue.append(pool.submit(_read, nxt[0].path, nxt[1], exe))

    def outcomes(job: Plan) -> Iterator[ocr.OcrPage | str]:
        for _ in job.pages:
            top_up()
            yield queue.popleft().result()

    for job in plans:
        yield job, outcomes(job)


def merge(pdf: PdfText, pages: Sequence[ocr.OcrPage]) -> PdfText:
    """The document's text with OCR'd pages in place of their text layer. A court's ECF
    stamp in the text layer is kept (it is exact; OCR of it is not) and OCR lines on it
    are dropped."""
    by_index = {p.index: p for p in ocr.even_sizes(list(pages))}
    merged = tuple(
        _merge_page(p, by_index[p.index].lines) if p.index in by_index else p for p in pdf.pages
    )
    return PdfText(pdf.page_count, merged, pdf.metadata)


def _merge_page(page: PageText, lines: Sequence[Line]) -> PageText:
    stamps = [ln for ln in page.lines if layout.parse_ecf(ln.text)]
    kept = [
        ln for ln in lines
        if not any(min(ln.y1, s.y1) - max(ln.y0, s.y0) > 0.5 * min(ln.y1 - ln.y0, s.y1 - s.y0)
               for s in stamps)
    ]  # fmt: skip
    return PageText(page.index, page.width, page.height, (*stamps, *kept), 0.0)


def _store(matter: Matter, job: Plan, pages: list[ocr.OcrPage]) -> str:
    """Re-cut the document with its OCR'd pages: one operation, one transaction (work on
    its paragraphs moves with them or is kept as orphaned, see ``recut``). A kind read from
    the file name only is read again from the OCR'd title; a damaged file in the matter was
    accepted at import: read what it has again."""
    kind, set_by = matter.db.execute(
        "SELECT kind, kind_set_by FROM documents WHERE id = ?", [job.doc_id]
    ).fetchone()
    parsed = parse_text(
        merge(read_pdf(job.path, accept_damaged=True), pages), job.name, kind if set_by else None
    )
    new = rows(parsed)
    new.paras = image_text.carry_over(matter, job.doc_id, new.paras, [p.index + 1 for p in pages])
    words = {p.index + 1: json.dumps([[*(round(v, 1) for v in w[:4]), w[4]] for w in p.words])
             for p in pages}  # fmt: skip
    with operation(matter, f"Re-cut {job.name} (OCR of {len(pages)} page(s))") as op:
        result = recut(op, job.doc_id, new.paras)
        for pno, page in enumerate(new.pages, start=1):  # rows in page order
            values = {**page, "ocr": int(pno in words), "words": words.get(pno)}
            op.update("pages", (job.doc_id, pno), values, f"p. {pno}")
        _update_document(op, job.doc_id, new)
        stamps = cast("list[Sequence[object]]", new.meta.get("exhibit_stamps", []))
        exhibits.scan_document(matter, job.doc_id, stamps)
        matter.touch_content()
    ocrd = sum(1 for p in parsed.pages if p.index + 1 in words and p.quality == "good")
    work = f"; {result.sentence}" if result.sentence else ""
    return (
        f"OCR done: {job.name} ({ocrd} of {len(pages)} pages readable, {new.numbered} numbered "
        f"¶{work})"
    )


def _update_document(op: Recorder, doc_id: int, new: Rows) -> None:
    m = new.meta
    current = op.db.table("documents").get(doc_id)
    values: dict[str, object] = {
        "text_quality": new.quality,
        "needs_ocr": int(new.needs_ocr),
        "quality_note": new.note,
    }
    reason = str(m.get("kind_reason") or "")
    # the caption was in the scan: what the text layer's later pages gave ("I. Background")
    # was no title, and the OCR'd first page's reading replaces it
    recaptioned = (
        not current.get("kind_set_by")
        and reason.startswith("title:")
        and not str(current.get("kind_reason") or "").startswith("title:")
    )
    for key in ("court", "case_no", "docket_no", "filed", "title", *CAPTION_COLUMNS):
        if m.get(key) and (not current.get(key) or (recaptioned and key != "kind_set_by")):
            values[key] = m[key]  # fill what the scan hid
    if recaptioned or (not current.get("kind_set_by") and reason.startswith("title:")):
        values.update(kind=new.kind, kind_reason=reason, abbrev=m["abbrev"])
    op.update("documents", doc_id, values, "text quality after OCR")
