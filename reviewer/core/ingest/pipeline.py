"""Import pipeline: hash, skip duplicates, extract, segment, store — one transaction per
document, so a failure leaves nothing half-written — then add to the search index.
``import_files`` yields Progress."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from reviewer.core import exhibits
from reviewer.core.errors import BadFileError, ReviewerError
from reviewer.core.ingest import captions, classify, layout, segment
from reviewer.core.ingest.cites import cite
from reviewer.core.ingest.segment.blocks import is_transcript
from reviewer.core.jobs.processes import worker_pool
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import PdfText, read_pdf
from reviewer.core.pdf.intake import read_for_import
from reviewer.core.pdf.read import check_regular_file, lost_text
from reviewer.core.production import redaction_check
from reviewer.core.records import ImportResult, Progress
from reviewer.core.search import IndexUpdater

KIND_GIVEN = "set when imported"
# documents columns added by migration m007_captions
CAPTION_COLUMNS = ("court_name", "case_no_printed", "case_name", "parties", "pdf_title",
                   "kind_reason", "abbrev", "kind_set_by")  # fmt: skip


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
    lined: bool = False  # a transcript (lines numbered 1-25): cited page:line, never ¶


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
    # issue 17: text under an opaque cover (``bad_redactions`` rows without doc_id)
    bad_redactions: tuple[dict[str, object], ...] = ()


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


def parse(path: Path, kind: str | None = None, accept_damaged: bool = False) -> Parsed:
    """Read and segment one PDF without touching the matter."""
    return parse_text(read_pdf(path, accept_damaged), path.name, kind)


def parse_text(pdf: PdfText, name: str, kind: str | None = None) -> Parsed:
    """Segment a PDF's positioned text (from its text layer, OCR, or both)."""
    pages = layout.clean_pages(pdf.pages)
    cap = captions.read_caption(pages)
    if kind:
        reason = KIND_GIVEN
    else:
        kind, reason = classify.kind_with_reason(cap.title, cap.cover, name, headings=cap.headings)
    quality, needs_ocr, note = _quality(pages)
    if pdf.damage:  # imported with --accept-damaged: say so, and which pages were lost
        quality = "damaged"
        note = f"Damaged PDF: {pdf.damage}{lost_text(pdf.lost_pages)}." + (
            f" {note}" if note else ""
        )
    lined = is_transcript(pages)
    paras = segment.segment(pages, numbered=not lined)  # by layout, whatever the kind
    return Parsed(kind, pages, paras, caption_meta(cap, kind, reason, pdf), quality, needs_ocr,
                  note, lined)  # fmt: skip


def caption_meta(cap: captions.Caption, kind: str, reason: str, pdf: PdfText) -> dict[str, object]:
    """The document row's caption fields (see ``captions.Caption``)."""
    pdf_title = " ".join(str(pdf.metadata.get("title") or "").split()) or None
    return {
        "court": cap.court,
        "court_name": cap.court_name,
        "case_no": cap.case_no,
        "case_no_printed": cap.case_no_printed,
        "case_name": cap.case_name,
        "parties": json.dumps(cap.parties()),
        "docket_no": cap.docket,
        "filed": cap.filed,
        # the document's own title; a PDF's Title property is often "NONE" or a file path
        "title": cap.title or cap.cover,
        "pdf_title": pdf_title,
        "kind_reason": reason,
        "kind_set_by": "user" if reason == KIND_GIVEN else None,
        "abbrev": classify.cite_abbrev(kind, cap.title, cap.cover),
        "pdf_meta": pdf.metadata,
        "page_count": pdf.page_count,
        "exhibit_stamps": exhibits.detect.page_stamps(pdf.pages),  # issue 18
    }


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
    seq_of = {id(p): seq for seq, p in enumerate(parsed.paras, start=1)}
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
            "cite": cite(abbrev, p, parsed.pages, parsed.lined),
            "boxes": json.dumps([[round(v, 1) for v in b] for b in p.boxes()]),
            "list": p.list_no,
            "footnote_of": seq_of.get(id(p.note_of)) if p.note_of is not None else None,
            "count_against": p.count_against,
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
        try:
            shutil.copyfile(src, tmp)
            tmp.replace(dest)
        except BaseException:  # a full disk, a cancel: no half copy stays behind
            tmp.unlink(missing_ok=True)
            raise
    m = parsed.meta
    with matter.db.atomic():
        doc_id = (
            matter.db.table("documents")
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
                    **{k: m[k] for k in CAPTION_COLUMNS},
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
        matter.db.table("pages").insert_all({"doc_id": doc_id, **r} for r in parsed.pages)
        matter.db.table("paragraphs").insert_all({"doc_id": doc_id, **r} for r in parsed.paras)
        matter.db.table("bad_redactions").insert_all(
            {"doc_id": doc_id, **r} for r in parsed.bad_redactions
        )
        stamps = cast("list[Sequence[object]]", m.get("exhibit_stamps", []))
        exhibits.scan_document(matter, int(doc_id or 0), stamps)  # issue 18
        matter.touch_content()
    return int(doc_id or 0)


def _parse_safely(path: Path, kind: str | None, accept_damaged: bool = False) -> Rows | str:
    """``parse`` for a worker process: the rows to store, or a user error's message."""
    try:
        pdf, found = read_for_import(path, accept_damaged)  # one opening for text and check
        parsed = rows(parse_text(pdf, path.name, kind))
    except ReviewerError as exc:
        return str(exc)
    return replace(parsed, bad_redactions=tuple(redaction_check.as_rows(found)))


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
        check_regular_file(path)  # a FIFO or device would block the read below
        sha = sha256_of(path)
    except ReviewerError as exc:
        return None, ImportResult(str(path), "failed", error=str(exc))
    found = _known(matter, sha)
    if found:
        return sha, ImportResult(str(path), "duplicate", found[0], pages=found[1])
    return sha, None


def import_one(
    matter: Matter, path: Path, kind: str | None = None, accept_damaged: bool = False
) -> ImportResult:
    """Import one file; never raises for bad input — the result says what happened."""
    sha, settled = _precheck(matter, path)
    if settled is not None:
        return settled
    assert sha is not None  # _precheck settles every file it could not hash
    return _finish(matter, path, sha, _parse_safely(path, kind, accept_damaged))


def import_files(
    matter: Matter,
    paths: Iterable[str | Path],
    kind: str | None = None,
    workers: int = 2,
    accept_damaged: bool = False,
) -> Iterator[Progress]:
    """Import files and folders; yields one Progress per file, carrying its ImportResult.

    With ``workers`` > 1 and several files, PDFs are read and segmented in a pool of worker
    processes while this process stores them in order, one transaction per document.
    Closing the generator (cancel) stops the pool; documents stored so far stay whole."""
    matter.require_writable()
    files = expand_paths(paths)
    updater = IndexUpdater(matter)
    try:
        for progress in _import(matter, files, kind, workers, accept_damaged):
            result = progress.result
            if result is not None and result.status == "imported" and result.doc_id:
                updater.add(result.doc_id)
            yield progress
    finally:
        updater.close()


def _import(
    matter: Matter, files: list[Path], kind: str | None, workers: int, accept: bool = False
) -> Iterator[Progress]:
    if workers < 2 or len(files) < 3:
        for i, path in enumerate(files, start=1):
            result = import_one(matter, path, kind, accept)
            yield Progress(i, len(files), f"{result.status}: {path.name}", str(path), result,
                           step="import", unit="files")  # fmt: skip
        return
    yield from _import_pooled(matter, files, kind, workers, accept)


def _import_pooled(
    matter: Matter, files: list[Path], kind: str | None, workers: int, accept: bool = False
) -> Iterator[Progress]:
    pool = worker_pool(workers)
    queue: deque[tuple[Path, str | None, ImportResult | Future[Rows | str]]] = deque()
    pending = iter(files)

    def submit_next() -> None:
        path = next(pending, None)
        if path is not None:
            sha, settled = _precheck(matter, path)
            queue.append((path, sha, settled or pool.submit(_parse_safely, path, kind, accept)))

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
            yield Progress(done, len(files), f"{result.status}: {path.name}", str(path),
                           result, step="import", unit="files")  # fmt: skip
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
