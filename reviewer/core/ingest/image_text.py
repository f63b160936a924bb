"""The words inside pictures on text pages (a screenshot of a post in a complaint), read by
OCR into units of their own: kind ``image_text``, linked to the page and the picture's box,
never numbered, never merged into a ¶, searchable like any unit.

Owns which pictures are read (``pdf.text_page_images``: large enough to hold words, not a
scan covering the page), reading one picture (rendered at a capped resolution), turning what
was read into paragraph rows placed in reading order among a document's units, and carrying
those rows over a re-cut of the document's other pages: one operation per document, its
paragraphs re-cut so every ¶ keeps its id and its work (``recut``). ``ocr_run`` calls it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.ingest import ocr
from reviewer.core.matter.audit import operation
from reviewer.core.matter.recut import recut
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import ImageBox, render_region_gray_png, text_page_images
from reviewer.core.records import Progress
from reviewer.core.search import IndexUpdater

KIND = "image_text"
DPI = 300
_WORD = re.compile(r"[A-Za-z]{2,}")
MIN_WORDS = 2  # fewer real words than this is a photo's noise, not text


@dataclass(frozen=True, slots=True)
class ImageText:
    """What OCR read in one picture: its box (PDF points) and its lines, top to bottom."""

    box: ImageBox
    text: str


def read_image(path: str | Path, box: ImageBox, exe: str, dpi: int = DPI) -> ImageText | None:
    """OCR one picture; None when it holds no words (a photo, a chart without labels)."""
    png, scale = render_region_gray_png(path, box, dpi)
    tsv = ocr.run_tesseract(png, exe, path, f"page {box.page + 1} picture")
    page = ocr.parse_tsv(box.page, tsv, scale)
    lines = sorted(page.lines, key=lambda ln: (round((ln.y0 + ln.y1) / 2 / 4), ln.x0))
    text = "\n".join(" ".join(ln.text.split()) for ln in lines if ln.text.strip())
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    return ImageText(box, text)


def _position(row: dict[str, Any]) -> tuple[int, float]:
    """Where a unit starts: its first page and the top of its first box there."""
    boxes = json.loads(row.get("boxes") or "[]")
    top = boxes[0][2] if boxes else 0.0
    return int(row["page_start"]), float(top)


def unit_row(found: ImageText, cite: str) -> dict[str, Any]:
    """A ``paragraphs`` row (without doc_id and seq) for a picture's text."""
    b = found.box
    return {
        "number": None, "kind": KIND, "section": None, "count": None, "text": found.text,
        "page_start": b.page + 1, "page_end": b.page + 1, "cite": cite,
        "boxes": json.dumps([[b.page + 1, *(round(v, 1) for v in (b.x0, b.y0, b.x1, b.y1))]]),
        "list": None, "footnote_of": None, "count_against": None,
    }  # fmt: skip


def place(rows: Sequence[dict[str, Any]], units: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` (a document's units in order, with ``seq``) with ``units`` each put after the
    last unit that starts above it, numbered again from 1 (``footnote_of`` follows its ¶).
    A picture's text takes the section of the unit before it."""
    out: list[dict[str, Any]] = [dict(r) for r in rows if r["kind"] != KIND]
    for unit in sorted(units, key=_position):
        pos = _position(unit)
        at = max((i + 1 for i, r in enumerate(out) if _position(r) <= pos), default=0)
        placed = dict(unit)
        placed["section"] = out[at - 1]["section"] if at else None
        out.insert(at, placed)
    renumber = {r["seq"]: i for i, r in enumerate(out, start=1) if r.get("seq") is not None}
    for i, r in enumerate(out, start=1):
        r["seq"] = i
        if r.get("footnote_of") is not None:
            r["footnote_of"] = renumber.get(r["footnote_of"])
    return out


def carried(old: Sequence[dict[str, Any]], read_whole: Sequence[int]) -> list[dict[str, Any]]:
    """The picture texts of ``old`` rows to keep over a re-cut: all but those on pages now
    read whole by OCR (``read_whole``: 1-based), whose page text holds them."""
    whole = set(read_whole)
    keep = ("number", "kind", "section", "count", "text", "page_start", "page_end", "cite",
            "boxes", "list", "footnote_of", "count_against")  # fmt: skip
    return [
        {k: r[k] for k in keep}
        for r in old
        if r["kind"] == KIND and int(r["page_start"]) not in whole
    ]


def _paragraphs(matter: Matter, doc_id: int) -> list[dict[str, Any]]:
    cur = matter.db.execute("SELECT * FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id])
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def carry_over(
    matter: Matter, doc_id: int, new: list[dict[str, Any]], read_whole: Sequence[int]
) -> list[dict[str, Any]]:
    """A re-cut's new rows with the document's picture texts kept (see ``carried``)."""
    units = carried(_paragraphs(matter, doc_id), read_whole)
    return place(new, units) if units else new


def _cite(matter: Matter, doc_id: int, pno: int) -> str:
    """A picture's pin cite, as a text unit's on that page: ``Compl. at 7 (Dkt. 1 at 7)``."""
    abbrev = matter.db.execute("SELECT abbrev FROM documents WHERE id = ?", [doc_id]).fetchone()
    label, ecf_doc, ecf_page = matter.db.execute(
        "SELECT label, ecf_doc, ecf_page FROM pages WHERE doc_id = ? AND pno = ?", [doc_id, pno]
    ).fetchone()
    base = f"{(abbrev and abbrev[0]) or 'Doc.'} at {label or pno}"
    return f"{base} (Dkt. {ecf_doc} at {ecf_page})" if ecf_doc else base


def read_pictures(
    matter: Matter,
    doc_id: int,
    name: str,
    path: str,
    pages: Sequence[int],
    exe: str,
    updater: IndexUpdater,
) -> Iterator[Progress]:
    """Read the pictures on ``pages`` (0-based text pages) of one document and store their
    text as ``image_text`` units (one operation); yields one Progress per picture and one
    outcome when any was read. A picture OCR cannot read leaves the document unchanged."""
    try:
        boxes = text_page_images(path, pages)
        found: list[ImageText] = []
        for i, box in enumerate(boxes, start=1):
            yield Progress(i, len(boxes), f"OCR picture {i} of {len(boxes)}: {name}",
                           step="ocr", unit="pictures")  # fmt: skip
            got = read_image(path, box, exe)
            found.extend([got] if got else [])
    except ReviewerError as exc:
        yield Progress(0, 0, f"{exc}; {name} not changed", step="ocr-done", unit="pictures")
        return
    _store(matter, doc_id, name, pages, found)
    if found:
        updater.remove(doc_id)
        updater.add(doc_id)
        words = sum(len(f.text.split()) for f in found)
        message = f"Picture text read: {name} ({len(found)} picture(s), {words} words)"
        yield Progress(len(boxes), len(boxes), message, step="ocr-done", unit="pictures")


def _store(
    matter: Matter, doc_id: int, name: str, pages: Sequence[int], found: list[ImageText]
) -> None:
    """One operation: the pictures' units placed among the document's units, the pages
    marked as looked at (``images_read``). Pages without a picture to read are only marked
    (no operation: nothing a person would undo)."""
    looked = sorted({p + 1 for p in pages})
    if not found:
        with matter.db.atomic():
            matter.db.conn.executemany(
                "UPDATE pages SET images_read = 0 WHERE doc_id = ? AND pno = ?",
                [(doc_id, pno) for pno in looked],
            )
        return
    with operation(matter, f"Read the text of {len(found)} picture(s) in {name}") as op:
        old = _paragraphs(matter, doc_id)
        units = [r for r in carried(old, ()) if int(r["page_start"]) not in looked]
        units += [unit_row(f, _cite(matter, doc_id, f.box.page + 1)) for f in found]
        base = [{k: v for k, v in r.items() if k not in ("id", "doc_id")} for r in old]
        recut(op, doc_id, place(base, units))
        matter.touch_content()
        for pno in looked:
            count = sum(1 for f in found if f.box.page + 1 == pno)
            op.update("pages", (doc_id, pno), {"images_read": count}, f"p. {pno}: pictures read")
