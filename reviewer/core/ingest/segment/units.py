"""The units a filing is split into (``Para``), the page geometry they are judged against,
and the small text tests every step shares (capitals, sentence ends, row joins)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.ingest.layout import Row

# numbered | heading | text | footnote | prayer | caption
KINDS = ("numbered", "heading", "text", "footnote", "prayer", "caption")
_SENT_END = (".", ":", ";", "?", "!", '"', "”", ")", "]")
_UPPER = re.compile(r"[^\W\d_a-z]")  # letters that are not lower-case ASCII
_LOWER = re.compile(r"[a-zà-ÿ]")


@dataclass(slots=True, eq=False)
class Para:
    kind: str
    number: str | None
    rows: list[Row] = field(default_factory=list)
    section: str | None = None
    count: str | None = None
    lead: str | None = None  # the first row's text without its number
    list_no: int | None = None  # which numbered list of the document (1, 2, …)
    count_against: str | None = None  # "(Against All Defendants)" under the count heading
    note_of: Para | None = None  # for a footnote: the paragraph that references it

    @property
    def text(self) -> str:
        texts = [r.text for r in self.rows]
        if self.lead is not None and texts:
            texts[0] = self.lead
        return join_rows(texts)

    @property
    def page_start(self) -> int:
        return self.rows[0].page + 1

    @property
    def page_end(self) -> int:
        return self.rows[-1].page + 1

    def boxes(self) -> list[tuple[int, float, float, float, float]]:
        out: list[list[float]] = []
        for r in self.rows:
            if out and out[-1][0] == r.page + 1:
                b = out[-1]
                b[1], b[2], b[3], b[4] = min(b[1], r.x0), min(b[2], r.y0), max(b[3], r.x1), r.y1
            else:
                out.append([r.page + 1, r.x0, r.y0, r.x1, r.y1])
        return [(int(b[0]), b[1], b[2], b[3], b[4]) for b in out]


def join_rows(texts: Sequence[str]) -> str:
    out = ""
    for t in texts:
        t = t.strip()
        if not t:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and t[:1].islower():
            out += t
        else:
            out = f"{out} {t}" if out else t
    return out


@dataclass(slots=True)
class Geometry:
    """The body's left and right edges and main font size."""

    left: float
    right: float
    size: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def width(self) -> float:
        return self.right - self.left

    def centred(self, row: Row) -> bool:
        inset = 0.1 * self.width
        return (
            row.x0 > self.left + inset
            and row.x1 < self.right - inset
            and abs((row.x0 + row.x1) / 2 - self.centre) < 0.06 * self.width
        )


def ends_sentence(row: Row, g: Geometry | None = None) -> bool:
    """The row finishes a sentence (and, given the geometry, stops short of the margin)."""
    done = row.text.rstrip().endswith(_SENT_END)
    return done and (g is None or row.x1 < g.right - 40)


def caps(text: str) -> bool:
    up, low = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return up + low >= 4 and up >= 0.85 * (up + low)


def line_gap(prev: Row, row: Row) -> float:
    """Space between two rows on one page, in row heights (infinite across pages)."""
    if prev.page != row.page:
        return float("inf")
    return (row.y0 - prev.y1) / max(row.y1 - row.y0, 8.0)
