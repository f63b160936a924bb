"""Find-and-redact with a preview (issue 15): every occurrence of a text (or of a built-in
pattern) in a production set's documents as a hit with its document, page, box and the line
it sits in, so that the user can look at each one and choose; then the chosen hits are
recorded as redactions in one undoable operation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from reviewer.core import pdf
from reviewer.core.errors import ProductionError
from reviewer.core.matter.store import Matter
from reviewer.core.production.sets import checked_box, find_set, matches, record_boxes
from reviewer.core.records import Changes
from reviewer.core.search import locate

Rect = tuple[float, float, float, float]
_SIDE = 40  # characters of context shown on each side of a hit


@dataclass(frozen=True, slots=True)
class Hit:
    """One box a find-and-redact would black out."""

    doc_id: int
    file_name: str
    page: int  # 1-based
    rect: Rect
    text: str  # the words under the box
    context: str  # the line around it, the hit in «guillemets»
    more: tuple[Rect, ...] = ()  # the rest of an occurrence that runs onto the next line

    @property
    def boxes(self) -> tuple[Rect, ...]:
        return (self.rect, *self.more)


def find_hits(matter: Matter, name: str, text: str | None, pattern: str | None = None) -> list[Hit]:
    """Every occurrence in production ``name``, in production order, page by page, top to
    bottom. Finding nothing is an error that says so."""
    pset = find_set(matter, name)
    out: list[Hit] = []
    needle = [] if pattern else [pdf.bare_word(t) for t in (text or "").split()]
    for d, boxes in matches(matter, pset, text, pattern):
        path = matter.path / d.stored_path
        ocr = locate.ocr_words(matter, d.id)
        words: dict[int, list[pdf.WordBox]] = {}
        hits: list[Hit] = []
        for page, rect in sorted(boxes, key=lambda b: (b[0], b[1][1], b[1][0])):
            if page not in words:
                words[page] = ocr.get(page) or pdf.page_words(path, page - 1)
            under, context = _context(words[page], rect)
            hits.append(Hit(d.id, d.file_name, page, tuple(rect), under, context))  # type: ignore[arg-type]
        out += _joined(hits, needle)
    return out


def _joined(hits: list[Hit], needle: list[str]) -> list[Hit]:
    """An occurrence of several words broken over two lines is one hit (its two boxes), so
    that it is checked or left whole."""
    out: list[Hit] = []
    for hit in hits:
        last = out[-1] if out else None
        if (last is not None and len(needle) > 1 and not last.more and last.page == hit.page
                and _bare(last.text) + _bare(hit.text) == needle
                and 0 < len(_bare(last.text)) < len(needle)):  # fmt: skip
            out[-1] = replace(last, text=f"{last.text} {hit.text}", more=(hit.rect,),
                              context=f"{last.context} / {hit.context}")  # fmt: skip
        else:
            out.append(hit)
    return out


def _bare(text: str) -> list[str]:
    return [pdf.bare_word(t) for t in text.split()]


def _context(words: list[pdf.WordBox], rect: Rect) -> tuple[str, str]:
    """The words under ``rect`` and its line with them marked, cut to ``_SIDE`` characters
    each side."""
    mid = (rect[1] + rect[3]) / 2
    line = [w for w in words if w[1] <= mid <= w[3]]
    inside = [w for w in line if rect[0] <= (w[0] + w[2]) / 2 <= rect[2]]
    if not inside:
        return "", " ".join(w[4] for w in line)[: 2 * _SIDE]
    before = " ".join(w[4] for w in line if (w[0] + w[2]) / 2 < rect[0])
    after = " ".join(w[4] for w in line if (w[0] + w[2]) / 2 > rect[2])
    under = " ".join(w[4] for w in inside)
    if len(before) > _SIDE:
        before = "\u2026" + before[-_SIDE:]
    if len(after) > _SIDE:
        after = after[:_SIDE] + "\u2026"
    return under, f"{before} \u00ab{under}\u00bb {after}".strip()


def redact_hits(
    matter: Matter, name: str, hits: Iterable[Hit], reason: str, info_type: str = "personal",
    basis: str = "",
) -> tuple[list[str], Changes]:  # fmt: skip
    """Record the chosen hits as redactions in one undoable operation: the new ``RED-`` ids
    and what changed.
    Every hit must be of a document of the set and within its pages."""
    pset = find_set(matter, name)
    chosen = list(hits)
    if not chosen:
        raise ProductionError("Check at least one hit to redact.")
    for h in chosen:
        if h.doc_id not in pset.doc_ids:
            raise ProductionError(f"{h.file_name}: is not in production {pset.name}; add it first.")
        if not 1 <= h.page <= len(locate.page_sizes(matter, h.doc_id)):
            raise ProductionError(f"{h.file_name}: has no page {h.page}.")
    boxes = [(h.doc_id, h.page, rect) for h in chosen for rect in h.boxes]
    n = len(boxes)
    return record_boxes(matter, boxes, info_type, basis, reason,
                        f"find and redact {n} hit{'s' * (n != 1)} in {pset.name}")  # fmt: skip


def redact_drawn(
    matter: Matter, name: str, doc_id: int, page: int, rect: Rect, reason: str,
    info_type: str = "personal", basis: str = "",
) -> tuple[list[str], Changes]:  # fmt: skip
    """Record a box drawn on ``page`` (1-based) of a set's document: one undoable
    operation."""
    pset = find_set(matter, name)
    d = checked_box(matter, pset, str(doc_id), page, rect)
    return record_boxes(matter, [(d.id, page, rect)], info_type, basis, reason,
                        f"redact a box on {d.file_name} p. {page}")  # fmt: skip
