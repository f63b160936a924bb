"""Page furniture and rows: turns a page's positioned lines into body rows.

Owns: ECF header stamps (parsed into metadata), margin line numbers (pleading paper 1-28,
transcripts 1-25), running headers and footers (titles, page numbers, document-management
ids), tables of contents with dot leaders, hidden duplicate text, and per-page text quality.
Pure functions over ``pdf.PageText``; no I/O.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.ingest.furniture import (
    PAGEID_RE,
    is_furniture_line,
    split_columns,
    strip_inline_margin_numbers,
)
from reviewer.core.pdf import Line, PageText

ECF_RE = re.compile(
    r"Case\s*(?P<case>\d{1,2}:\d{2}-[a-z]{2,4}-\d{3,6}(?:-[A-Z0-9]+)*)\s+"
    r"(?:Document|Doc\.?|Dkt\.?)\s*(?P<doc>\d+(?:[-‐]\d+)?)\s+"
    r"Filed\s*(?P<filed>\d{1,2}/\d{1,2}/\d{2,4})\s+"
    r"(?:.*?\s)?Page\s*(?P<page>\d+)\s*of\s*(?P<of>\d+)"
    r"(?:\s+Page\s*ID\s*#?:?\s*\d+)?",
    re.IGNORECASE,
)
_COURT_BANNER = re.compile(r"^\s*(?:IN\s+THE\s+)?[A-Z .]*\bCOURT\b[A-Z .]*$")
_NUM_ONLY = re.compile(r"^\s*\d{1,2}\s*$")
_DOT_LEADER = re.compile(r"(?:\.\s?){6,}\s*\d*\s*$|…{3,}|_{6,}\s*\d+\s*$")
_PAGE_LABEL = re.compile(
    r"^\s*(?:[-–—−\[(]\s*)?(?:page\s+)?(?P<n>\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of\s+\d+))?"
    r"(?:\s*[-–—−\])])?\s*$",
    re.IGNORECASE,
)
USABLE = ("good", "blank")  # page qualities whose text is kept; the others need OCR
_BALLOON_RE = re.compile(r"^(?:Deleted|Formatted|Inserted|Moved \w+|Comment(?:ed)? \[)[: \[]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ue000-\uf8ff\ufffd]")
_WORD = re.compile(r"[A-Za-z]{2,}")
_LEADERS = re.compile(r"(?:[.·•_\-–—…]\s?){4,}")
_VOWELS = set("aeiouyAEIOUY")


@dataclass(frozen=True, slots=True)
class EcfStamp:
    raw: str
    case_no: str
    doc_no: str
    filed: str  # ISO date
    page: int
    page_of: int


@dataclass(slots=True)
class Row:
    """One visual line of body text: lines on the same baseline joined left to right."""

    page: int  # 0-based
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool
    text: str
    parts: list[Line] = field(default_factory=list)

    @property
    def first_x(self) -> float:
        return self.parts[0].x0 if self.parts else self.x0


@dataclass(slots=True)
class CleanPage:
    index: int
    width: float
    height: float
    rows: list[Row]
    text: str  # cleaned page text, rows joined by newlines
    quality: str  # good | empty | garbage
    ecf: EcfStamp | None = None
    label: str | None = None
    toc: bool = False
    margin_max: int = 0  # the highest margin line number (28 pleading paper, 25 transcript)
    margin_lines: list[tuple[float, int]] = field(default_factory=list)  # (y centre, number)

    def line_at(self, y0: float, y1: float) -> int | None:
        """The margin line number printed beside a row spanning ``y0``..``y1`` (a transcript's
        page:line cite), or None when no number sits within half a line of its middle."""
        middle = (y0 + y1) / 2
        near = min(self.margin_lines, key=lambda m: abs(m[0] - middle), default=None)
        return near[1] if near is not None and abs(near[0] - middle) <= (y1 - y0) else None


def parse_ecf(text: str) -> EcfStamp | None:
    m = ECF_RE.search(text)
    if not m:
        return None
    mm, dd, yy = m["filed"].split("/")
    year = int(yy) + (2000 if len(yy) == 2 and int(yy) < 70 else 1900 if len(yy) == 2 else 0)
    return EcfStamp(
        raw=" ".join(m.group(0).split()),
        case_no=m["case"],
        doc_no=m["doc"].replace("‐", "-"),
        filed=f"{year:04d}-{int(mm):02d}-{int(dd):02d}",
        page=int(m["page"]),
        page_of=int(m["of"]),
    )


def text_quality(text: str, image_cover: float = 1.0) -> str:
    """``good``; ``empty`` (a scan: images and nothing but furniture or an overlay);
    ``blank`` (no image, next to no text); or ``garbage`` (unmapped glyph codes).

    Leader dots, rules and underscores (a table of contents, a signature line) are layout,
    not text: they are left out before letters are counted, so a contents page full of
    ``Introduction ........ 1`` is judged on its words."""
    text = _LEADERS.sub(" ", text)
    chars = "".join(text.split())
    if image_cover >= 0.5 and len(chars) < 200:
        return "empty"
    if len(chars) < 25:
        return "blank" if image_cover < 0.3 else "empty"
    control = len(_CONTROL.findall(text))
    if control / len(chars) > 0.05:
        return "garbage"
    words = _WORD.findall(text)
    letters = sum(len(w) for w in words)
    if letters < 0.4 * len(chars):
        return "garbage"
    voweled = sum(len(w) for w in words if _VOWELS.intersection(w))
    return "good" if voweled >= 0.75 * letters else "garbage"


def _overlap(a: Line, b: Line) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    area = max((a.x1 - a.x0) * (a.y1 - a.y0), 1e-6)
    return w * h / area


def drop_hidden_duplicates(lines: Sequence[Line]) -> list[Line]:
    """Drop a line lying mostly on top of a longer line (hidden OCR or duplicated text)."""
    keep: list[Line] = []
    buckets: dict[int, list[Line]] = {}  # kept lines by 10-pt band, so only neighbours compare
    for ln in sorted(lines, key=lambda ln: -len(ln.text.strip())):
        bands = range(int(ln.y0 // 10), int(ln.y1 // 10) + 1)
        if any(_overlap(ln, k) > 0.6 for b in bands for k in buckets.get(b, ())):
            continue
        keep.append(ln)
        for b in bands:
            buckets.setdefault(b, []).append(ln)
    order = {id(ln): i for i, ln in enumerate(lines)}
    return sorted(keep, key=lambda ln: order[id(ln)])


# How OCR misreads the digits of margin line numbers ("I 2 a J 4 ... t2 13 t4 15 r6 l7").
_OCR_DIGITS = str.maketrans(
    {**dict.fromkeys("IlLi|!tr", "1"), **dict.fromkeys("JaE", "3"), **dict.fromkeys("OoQD", "0"),
     **dict.fromkeys("Ss", "5"), **dict.fromkeys("Zz", "2"), "B": "8", "b": "6", "G": "6",
     **dict.fromkeys("gq", "9"), "A": "4", "T": "7"}
)  # fmt: skip
_OCR_NUM = re.compile(r"^\s*[0-9IlLi|!trJaEOoQDSsZzBbGgqAT]{1,2}\s*$")


def ocr_number(text: str) -> int | None:
    """A margin line number as OCR may have read it (``t2`` -> 12, ``a`` -> 3), else None."""
    if not _OCR_NUM.match(text):
        return None
    digits = text.strip().translate(_OCR_DIGITS)
    return int(digits) if digits.isdigit() else None


def margin_number_columns(pages: Sequence[PageText]) -> list[set[int]]:
    """Per page, the ids of lines that are margin line numbers (a column of small integers).

    A column of tokens OCR may have misread as letters counts too, when at least half of it
    is real digits and its values mostly rise by one."""
    result: list[set[int]] = []
    for page in pages:
        nums = [ln for ln in page.lines if ocr_number(ln.text) is not None]
        ids: set[int] = set()
        if len(nums) >= 8:
            cols = Counter(round(ln.x1 / 4) for ln in nums)
            for col, n in cols.items():
                if n < 8:
                    continue
                members = [ln for ln in nums if abs(ln.x1 / 4 - col) <= 1.5]
                if _is_number_column(members):
                    ids.update(id(ln) for ln in members)
        result.append(ids)
    return result


def _is_number_column(members: list[Line]) -> bool:
    real = sum(1 for ln in members if _NUM_ONLY.match(ln.text))
    if real < 8 or real < 0.5 * len(members):
        return False
    # one value per position: a page with two text layers prints every number twice
    at = {round((ln.y0 + ln.y1) / 12): ocr_number(ln.text) or 0 for ln in members}
    values = [at[k] for k in sorted(at)]
    rising = sum(1 for a, b in itertools.pairwise(values) if b == a + 1)
    return rising >= 0.6 * (len(values) - 1)


def _norm_furniture(text: str) -> str:
    return re.sub(r"[\d\W_]+", "", text.lower())


def repeated_band_texts(pages: Sequence[PageText]) -> set[str]:
    """Normalised texts of lines in the top/bottom bands that repeat on many pages."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for page in pages:
        keys = {
            _norm_furniture(ln.text)
            for ln in page.lines
            if ln.y1 < page.height * 0.1 or ln.y0 > page.height * 0.88
        }
        seen.update(k for k in keys if k)
    need = max(2 if len(pages) <= 5 else 3, int(len(pages) * 0.4))
    # OCR misreads a footer differently on each page ("ARDESTANI", "ARDFSTANI"): a long
    # line's first 14 letters count too
    prefixes = Counter(k[:14] for k in seen.elements() if len(k) >= 18)
    return {k for k, n in seen.items() if n >= need} | {
        f"{p}…" for p, n in prefixes.items() if n >= need
    }


def _is_repeated(text: str, furniture: set[str]) -> bool:
    key = _norm_furniture(text)
    return key in furniture or (len(key) >= 18 and f"{key[:14]}…" in furniture)


def _first_court_line(page: PageText, ln: Line) -> bool:
    """The court's name at the top of a form's first page (``UNITED STATES DISTRICT COURT``
    over every page of a minutes order) is its caption, not a running header there."""
    return page.index == 0 and ln.y1 < page.height * 0.1 and bool(_COURT_BANNER.search(ln.text))


def _is_label(ln: Line, width: float) -> str | None:
    m = _PAGE_LABEL.match(ln.text)
    if not m:
        return None
    centre = (ln.x0 + ln.x1) / 2
    if abs(centre - width / 2) < 0.2 * width or ln.x0 > 0.75 * width:
        return m["n"]
    return None


def _rows(index: int, lines: Sequence[Line]) -> list[Row]:
    """Group lines sharing a baseline into rows, top to bottom, each left to right."""
    rows: list[Row] = []
    for ln in sorted(lines, key=lambda ln: ((ln.y0 + ln.y1) / 2, ln.x0)):
        cy, h = (ln.y0 + ln.y1) / 2, ln.y1 - ln.y0
        row = rows[-1] if rows else None
        if row is not None and abs((row.y0 + row.y1) / 2 - cy) < 0.35 * max(h, row.y1 - row.y0):
            row.parts.append(ln)
            row.x0, row.x1 = min(row.x0, ln.x0), max(row.x1, ln.x1)
            row.y0, row.y1 = min(row.y0, ln.y0), max(row.y1, ln.y1)
            continue
        rows.append(Row(index, ln.x0, ln.y0, ln.x1, ln.y1, ln.size, ln.bold, "", [ln]))
    for row in rows:
        row.parts.sort(key=lambda ln: ln.x0)
        row.text = " ".join(" ".join(p.text.split()) for p in row.parts if p.text.strip())
        main = max(row.parts, key=lambda ln: len(ln.text.strip()))
        row.size = main.size
        row.bold = all(p.bold for p in row.parts if p.text.strip())
    return rows


def _strip_toc(lines: list[Line]) -> tuple[list[Line], bool]:
    leaders = [ln for ln in lines if _DOT_LEADER.search(ln.text)]
    if len(leaders) < 3:
        return lines, False
    last = max(ln.y1 for ln in leaders)
    return [ln for ln in lines if ln.y0 > last + 2], True


def clean_page(page: PageText, margin_ids: set[int], furniture: set[str]) -> CleanPage:
    """Strip one page's furniture; return its body rows, stamp, label and text quality."""
    ecf: EcfStamp | None = None
    label: str | None = None
    body: list[Line] = []
    lines = drop_hidden_duplicates(strip_inline_margin_numbers(page.lines, page.width))
    balloons = [ln.x0 for ln in lines if _BALLOON_RE.match(ln.text) and ln.x0 > page.width / 2]
    if balloons:  # a Word track-changes print: drop the margin balloons of deleted text
        edge = min(balloons) - 3
        lines = [ln for ln in lines if ln.x0 < edge]
    for ln in lines:
        if id(ln) in margin_ids or is_furniture_line(ln, page.width, page.height):
            continue
        stamp = parse_ecf(ln.text)
        if stamp is not None:
            ecf = ecf or stamp
            continue
        in_band = ln.y1 < page.height * 0.085 or ln.y0 > page.height * 0.9
        if in_band:
            lab = _is_label(ln, page.width)
            if lab is not None:
                label = label or lab
                continue
            if _is_repeated(ln.text, furniture) and not _first_court_line(page, ln):
                continue
        body.append(ln)
    stripped, toc = _strip_toc(body)
    # a table of contents is real text: judge the page's quality before dropping it
    toc_text = " ".join(ln.text for ln in body) if toc else ""
    rows = [r for part in split_columns(stripped, page.width) for r in _rows(page.index, part)]
    kept: list[Row] = []
    for row in rows:  # a stamp split over several spans only shows as a whole row
        stamp = parse_ecf(row.text)
        if stamp is not None:
            ecf = ecf or stamp
        elif not PAGEID_RE.match(row.text):
            kept.append(row)
    # A page number printed below the text block of a scaled page, outside the bands.
    if kept and len(kept[-1].parts) == 1 and _is_label(kept[-1].parts[0], page.width):
        label = label or _is_label(kept.pop().parts[0], page.width)
    text = "\n".join(r.text for r in kept)
    # 4,000 characters tell a text layer from glyph garbage as well as a whole page does
    quality = text_quality((toc_text if toc else text)[:4000], page.image_cover)
    if quality not in USABLE:
        kept = []
    return CleanPage(page.index, page.width, page.height, kept, text, quality, ecf, label, toc)


def clean_pages(pages: Sequence[PageText]) -> list[CleanPage]:
    margins = margin_number_columns(pages)
    furniture = repeated_band_texts(pages)
    out = []
    for p, m in zip(pages, margins, strict=True):
        page = clean_page(p, m, furniture)
        page.margin_lines = sorted(
            ((ln.y0 + ln.y1) / 2, n) for ln in p.lines if id(ln) in m if (n := ocr_number(ln.text))
        )
        page.margin_max = max((n for _, n in page.margin_lines), default=0)
        out.append(page)
    return out


def body_metrics(pages: Sequence[CleanPage]) -> tuple[float, float, float]:
    """The body's left edge, right edge and main font size (modes over all rows)."""
    rows = [r for p in pages for r in p.rows]
    if not rows:
        return 72.0, 540.0, 12.0
    rights = sorted(r.x1 for r in rows)
    right = rights[int(len(rights) * 0.9)]
    full = [r for r in rows if r.x1 > right - 40] or rows
    left = Counter(round(r.x0) for r in full).most_common(1)[0][0]
    size = statistics.mode(round(r.size) for r in rows)
    return float(left), right, float(size)
