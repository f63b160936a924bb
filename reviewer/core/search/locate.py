"""Where things are on the page: the rectangles of a hit's highlighted words, the paragraph
under a point, and the page sizes and paragraph boxes a page view needs.

A hit's highlights are character ranges into the paragraph's stored text, which is cleaned
(margin numbers, headers and hidden duplicates gone; rows joined). To find them on the page we
take the PDF's own words inside the paragraph's boxes, cut both sides into the same tokens
(``text.words``) and align the two token sequences; a highlighted paragraph token takes the
rectangle of the PDF token it aligns with.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from reviewer.core import pdf
from reviewer.core.matter.store import Matter
from reviewer.core.search import text

Box = tuple[int, float, float, float, float]  # page (1-based), x0, y0, x1, y1 in PDF points
_GROW = 2.0  # points: a word whose centre sits on the paragraph box's edge still belongs


@dataclass(frozen=True, slots=True)
class _Token:
    text: str  # normalised, as text.words cuts it
    page: int
    x0: float
    y0: float
    x1: float
    y1: float


def document_path(matter: Matter, doc_id: int) -> Path | None:
    """The stored copy of a document's PDF, or None if there is no such document."""
    row = matter.db.execute("SELECT stored_path FROM documents WHERE id = ?", [doc_id]).fetchone()
    return None if row is None else matter.path / row[0]


def page_sizes(matter: Matter, doc_id: int) -> list[tuple[float, float]]:
    """Width and height in points of every page of a document, in page order."""
    rows = matter.db.execute(
        "SELECT width, height FROM pages WHERE doc_id = ? ORDER BY pno", [doc_id]
    ).fetchall()
    return [(float(w), float(h)) for w, h in rows]


def paragraph_boxes(matter: Matter, doc_id: int) -> list[tuple[int, list[Box]]]:
    """Every paragraph of a document as (paragraph id, boxes), in reading order."""
    rows = matter.db.execute(
        "SELECT id, boxes FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id]
    ).fetchall()
    return [(pid, _boxes(raw)) for pid, raw in rows]


def _boxes(raw: str) -> list[Box]:
    return [(int(b[0]), b[1], b[2], b[3], b[4]) for b in json.loads(raw)]


def paragraph_at(matter: Matter, doc_id: int, page: int, x: float, y: float) -> int | None:
    """The paragraph whose box on ``page`` (1-based) contains the point (x, y) in PDF points;
    where boxes overlap the smallest wins. None when the point is in no paragraph."""
    rows = matter.db.execute(
        "SELECT id, boxes FROM paragraphs WHERE doc_id = ? AND page_start <= ? AND page_end >= ?",
        [doc_id, page, page],
    ).fetchall()
    best: tuple[float, int] | None = None
    for pid, raw in rows:
        for p, x0, y0, x1, y1 in _boxes(raw):
            if p == page and x0 <= x <= x1 and y0 <= y <= y1:
                area = (x1 - x0) * (y1 - y0)
                if best is None or area < best[0]:
                    best = (area, pid)
    return None if best is None else best[1]


def hit_boxes(matter: Matter, pid: int, ranges: list[tuple[int, int]]) -> list[Box]:
    """The on-page rectangles of the words of paragraph ``pid`` that ``ranges`` (character
    ranges into its text, as ``Hit.highlights``) cover; adjacent highlighted words on one line
    become one rectangle. [] if the paragraph is gone or no word could be placed."""
    row = matter.db.execute(
        "SELECT p.text, p.boxes, d.stored_path, d.id FROM paragraphs p "
        "JOIN documents d ON d.id = p.doc_id WHERE p.id = ?",
        [pid],
    ).fetchone()
    if row is None or not ranges:
        return []
    para_text, raw_boxes, stored, doc_id = row
    ours = text.words(para_text)
    theirs = _pdf_tokens(matter.path / stored, _boxes(raw_boxes), ocr_words(matter, doc_id))
    mapping = _align([w.text for w in ours], [t.text for t in theirs])
    marked = [
        (i, theirs[mapping[i]])
        for i, w in enumerate(ours)
        if i in mapping and any(w.start < end and w.end > start for start, end in ranges)
    ]
    return _merge(marked)


def ocr_words(matter: Matter, doc_id: int) -> dict[int, list[pdf.WordBox]]:
    """The words OCR read on a document's OCR'd pages (1-based page -> words in reading
    order): a scan has no text layer to take them from."""
    rows = matter.db.execute(
        "SELECT pno, words FROM pages WHERE doc_id = ? AND ocr AND words IS NOT NULL", [doc_id]
    ).fetchall()
    return {
        pno: pdf.reading_order([(w[0], w[1], w[2], w[3], w[4]) for w in json.loads(js)])
        for pno, js in rows
    }


def _pdf_tokens(
    path: Path, boxes: list[Box], ocr_words: dict[int, list[pdf.WordBox]] | None = None
) -> list[_Token]:
    """The PDF's words inside each paragraph box, in reading order, cut into tokens. Words
    out of order (a superscript) only cost the alignment that word. OCR'd pages take their
    words from ``ocr_words``."""
    out: list[_Token] = []
    for page, bx0, by0, bx1, by1 in boxes:
        words = (ocr_words or {}).get(page)
        for x0, y0, x1, y1, word in words or pdf.page_words(path, page - 1):
            if (
                bx0 - _GROW <= (x0 + x1) / 2 <= bx1 + _GROW
                and by0 - _GROW <= (y0 + y1) / 2 <= by1 + _GROW
            ):
                out.extend(_cut(page, x0, y0, x1, y1, word))
    return out


def _cut(page: int, x0: float, y0: float, x1: float, y1: float, word: str) -> list[_Token]:
    """One PDF word as tokens; a word of several tokens (``1595(a)``) shares its width among
    them by character count."""
    tokens = text.words(word)
    if len(tokens) == 1:
        return [_Token(tokens[0].text, page, x0, y0, x1, y1)]
    per_char = (x1 - x0) / max(len(word), 1)
    return [
        _Token(t.text, page, x0 + t.start * per_char, y0, x0 + t.end * per_char, y1) for t in tokens
    ]


def _align(ours: list[str], theirs: list[str]) -> dict[int, int]:
    """Paragraph token index -> PDF token index. Equal runs map one to one, and so do
    replaced runs of equal length (a ligature or an OCR slip changes a word, not its place)."""
    mapping: dict[int, int] = {}
    matcher = SequenceMatcher(None, ours, theirs, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            mapping.update(zip(range(i1, i2), range(j1, j2), strict=True))
    return mapping


def _merge(marked: list[tuple[int, _Token]]) -> list[Box]:
    """Rectangles of highlighted tokens; neighbours in the text on the same line join."""
    out: list[list[float]] = []
    prev = -2
    for i, t in marked:
        last = out[-1] if out else None
        if last is not None and i == prev + 1 and last[0] == t.page and _same_line(last, t):
            last[1], last[2] = min(last[1], t.x0), min(last[2], t.y0)
            last[3], last[4] = max(last[3], t.x1), max(last[4], t.y1)
        else:
            out.append([t.page, t.x0, t.y0, t.x1, t.y1])
        prev = i
    return [(int(b[0]), b[1], b[2], b[3], b[4]) for b in out]


def _same_line(box: list[float], t: _Token) -> bool:
    overlap = min(box[4], t.y1) - max(box[2], t.y0)
    return overlap > 0.5 * min(box[4] - box[2], t.y1 - t.y0) and t.x0 >= box[1]
