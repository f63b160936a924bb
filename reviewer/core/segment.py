"""Body rows -> paragraphs: headings, numbered paragraphs (¶ 1 … ¶ N) under their COUNT /
CAUSE OF ACTION, prayer items, natural paragraphs, footnotes.

Pure functions over ``layout.CleanPage``; heavily unit-tested. The numbered sequence is
driven by expectation: a row opens ¶ n only when n follows the last accepted number and the
number sits where the document's other paragraph numbers sit, so numbers quoted inside block
quotes, sub-lists and prayer items that restart at 1 never break the body's sequence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.layout import CleanPage, Row, body_metrics

NUM_RE = re.compile(r"^(\d{1,4})\.(?:\s+|$)(.*)$", re.S)
ENUM_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}|[a-z])[.)]\s")
_ORD = (
    "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|ELEVENTH|TWELFTH|"
    "THIRTEENTH|FOURTEENTH|FIFTEENTH|SIXTEENTH|SEVENTEENTH|EIGHTEENTH|NINETEENTH|TWENTIETH"
)
COUNT_RE = re.compile(
    rf"^\(?\s*(?:(?:COUNT|CLAIM)\s+(?:[IVXLC]+|\d+|ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN)\b"
    rf"|(?:{_ORD})\s+(?:CAUSE\s+OF\s+ACTION|CLAIM(?:\s+FOR\s+RELIEF)?|COUNT)\b)",
    re.I,
)
PRAYER_RE = re.compile(
    r"^(?:PRAYER(?:\s+FOR\s+RELIEF)?|RELIEF\s+REQUESTED|REQUEST(?:S)?\s+FOR\s+RELIEF|"
    r"DEMAND\s+FOR\s+RELIEF)\b",
    re.I,
)
JURY_RE = re.compile(r"^(?:DEMAND\s+FOR\s+(?:A\s+)?JURY|JURY\s+(?:TRIAL\s+)?DEMAND)", re.I)
CLOSE_RE = re.compile(
    r"^(?:WHEREFORE|DATED|Dated|Respectfully\s+submitted|/s/|s/\s|I\s+declare\s+under\s+penalty)"
)
_SENT_END = (".", ":", ";", "?", "!", '"', "”", ")")


@dataclass(slots=True)
class Para:
    kind: str  # numbered | heading | text | footnote | prayer
    number: str | None
    rows: list[Row] = field(default_factory=list)
    section: str | None = None
    count: str | None = None
    lead: str | None = None  # the first row's text without its number

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
class _Geometry:
    left: float
    right: float
    size: float

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2

    @property
    def width(self) -> float:
        return self.right - self.left


def _ends_sentence(row: Row, g: _Geometry | None = None) -> bool:
    """The row finishes a sentence (and, given the geometry, stops short of the margin)."""
    done = row.text.rstrip().endswith(_SENT_END)
    return done and (g is None or row.x1 < g.right - 40)


def _at_number_x(row: Row, num_x: Counter[int]) -> bool:
    """The row starts where this document's ¶ numbers start."""
    return any(abs(row.first_x - x) <= 4 for x in num_x)


_UPPER = re.compile(r"[^\W\d_a-z]")  # letters that are not lower-case ASCII
_LOWER = re.compile(r"[a-zà-ÿ]")


def _caps(text: str) -> bool:
    up, low = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return up + low >= 4 and up >= 0.85 * (up + low)


def is_heading(row: Row, g: _Geometry, after_heading: bool = False) -> bool:
    """A heading: a COUNT, or a centred bold/capitals line, or a short bold or capitals
    line that opens with an enumerator (``A.``, ``IV.``). Sentence-like lines never are."""
    t = row.text.strip()
    if not t or len(t) > 200:
        return False
    if COUNT_RE.match(t) or (PRAYER_RE.match(t) and len(t) < 40):
        return True
    if re.fullmatch(r"(?:[IVXLC]{1,6}|[A-Z])\.", t):  # a lone enumerator: "II." over "PARTIES"
        return True
    caps = _caps(t)
    sentence = t.endswith((".", ",", ";", "”", '"', "]", ":")) and not caps
    inset = 0.1 * g.width
    centred = (
        row.x0 > g.left + inset
        and row.x1 < g.right - inset
        and abs((row.x0 + row.x1) / 2 - g.centre) < 0.06 * g.width
    )
    if centred and (row.bold or caps or (after_heading and t.startswith("("))) and not sentence:
        return True
    if NUM_RE.match(t) and not row.bold:
        return False
    short = row.x1 < g.right - 25
    if row.bold and ENUM_RE.match(t) and not sentence:
        return True
    lone_word = len(t.split()) == 1 and t.endswith(".")
    return caps and short and len(t) < 90 and row.x0 < g.left + 0.3 * g.width and not lone_word


_NOTE_RE = re.compile(r"^\s*(\d{1,3}|[*†‡§]+)\s*(?=\S)")


def split_footnotes(page: CleanPage, g: _Geometry) -> tuple[list[Row], list[Row]]:
    """Split a page's rows into body rows and the footnote block at its foot."""
    rows = page.rows
    i = len(rows)
    while i > 0 and rows[i - 1].size < g.size * 0.9 and rows[i - 1].y0 > page.height * 0.3:
        i -= 1
    foot = rows[i:]
    if foot and any(_NOTE_RE.match(r.text) for r in foot):
        return rows[:i], foot
    # Same-size footnotes: a low row "1 Text" whose number is referenced as "word1" above.
    body_text = " ".join(r.text for r in rows)
    for j in range(len(rows) - 1, 0, -1):
        r = rows[j]
        if r.y0 < page.height * 0.75:
            break
        m = re.match(r"^(\d{1,3})\s+[A-Z]", r.text)
        gap = r.y0 - rows[j - 1].y1 > 0.8 * (r.y1 - r.y0)
        if (
            m
            and gap
            and abs(r.x0 - g.left) < 12
            and re.search(rf"[A-Za-z.,;:)”\"]{m.group(1)}(?:\s|$)", body_text)
        ):
            return rows[:j], rows[j:]
    return rows, []


def footnote_paras(foot: list[Row], carry: Para | None) -> list[Para]:
    out: list[Para] = []
    for row in foot:
        m = _NOTE_RE.match(row.text)
        if m and (not out or row.x0 <= out[-1].rows[0].x0 + 8):
            out.append(Para("footnote", m.group(1), [row], lead=row.text[m.end() :]))
        elif out:
            out[-1].rows.append(row)
        elif carry is not None:
            carry.rows.append(row)
    return out


class _Walker:
    """Walks body rows in reading order and builds the paragraph list."""

    def __init__(self, g: _Geometry, numbered: bool) -> None:
        self.g = g
        self.numbered = numbered
        self.out: list[Para] = []
        self.cur: Para | None = None
        self.expected = 1
        self.num_x: Counter[int] = Counter()
        self.mode = "pre"  # pre | body | prayer | after
        self.prayer_expected = 1
        self.section: str | None = None
        self.count: str | None = None
        self.prev: Row | None = None

    def feed(self, row: Row) -> None:
        t = row.text.strip()
        m = NUM_RE.match(t) or self._bare_number(row)
        after = self.cur is not None and self.cur.kind == "heading" and self.cur is self.out[-1]
        midsentence = (
            self.prev is not None
            and not after
            and not _ends_sentence(self.prev)
            and not COUNT_RE.match(t)
        )
        if (
            not midsentence
            and is_heading(row, self.g, after)
            and not (m and self._accepts(int(m.group(1)), row))
        ):
            self._heading(row)
        elif m and self._accepts(int(m.group(1)), row):
            self._numbered(int(m.group(1)), row, m.group(2))
        elif m and self.mode == "prayer" and int(m.group(1)) == self.prayer_expected:
            self._open(Para("prayer", m.group(1), [row], lead=m.group(2)))
            self.prayer_expected += 1
        else:
            self._line(row, t)
        self.prev = row

    def _bare_number(self, row: Row) -> re.Match[str] | None:
        """A number printed without its period ("57") standing alone where ¶ numbers sit."""
        first = row.parts[0].text.strip() if row.parts else ""
        if not first.isdigit() or not _at_number_x(row, self.num_x):
            return None
        rest = " ".join(p.text.strip() for p in row.parts[1:])
        return NUM_RE.match(f"{first}. {rest}")

    def _accepts(self, n: int, row: Row) -> bool:
        if not self.numbered:
            return False
        x = round(row.first_x)
        known = any(abs(x - k) <= 10 for k in self.num_x) if self.num_x else None
        if n == self.expected:
            if known is None:  # ¶ 1 (or the first number seen): near the body's left edge
                return row.first_x < self.g.left + 0.25 * self.g.width
            return known or (self.mode != "prayer" and abs(x - self.g.left) <= 10)
        gap_ok = self.expected < n <= self.expected + 3 and self.mode in ("body", "after")
        return bool(gap_ok and known)

    def _numbered(self, n: int, row: Row, lead: str) -> None:
        self.num_x[round(row.first_x)] += 1
        self.expected = n + 1
        self.mode = "body"
        self._open(Para("numbered", str(n), [row], lead=lead))

    def _open(self, para: Para) -> None:
        para.section, para.count = self.section, self.count
        self.out.append(para)
        self.cur = para

    def _heading(self, row: Row) -> None:
        t = row.text.strip()
        last = self.out[-1] if self.out else None
        if (
            last is not None
            and last is self.cur
            and last.kind == "heading"
            and self.prev is not None
            and self.prev.page == row.page
            and row.y0 - self.prev.y1 < 1.6 * (row.y1 - row.y0)
        ):
            last.rows.append(row)
        else:
            self._open(Para("heading", None, [row]))
            last = self.cur
        assert last is not None
        text = last.text
        if COUNT_RE.match(text):
            self.count, self.mode = text, "body" if self.mode != "pre" else self.mode
        elif PRAYER_RE.match(t):
            self.mode, self.prayer_expected, self.count = "prayer", 1, None
        elif JURY_RE.match(t):
            self.mode, self.count = "after", None
        self.section = text
        last.section, last.count = text, self.count

    def _line(self, row: Row, t: str) -> None:
        cur = self.cur
        if CLOSE_RE.match(t) and (cur is None or cur.kind != "text" or self._new_block(row)):
            if self.mode == "body":
                self.mode = "after"
            self._open(Para("text", None, [row]))
            return
        if (cur is not None and cur.kind in ("numbered", "prayer")) or (
            cur is not None and cur.kind == "text" and not self._new_block(row)
        ):
            cur.rows.append(row)
        else:
            self._open(Para("text", None, [row]))

    def _new_block(self, row: Row) -> bool:
        prev = self.prev
        if prev is None:
            return True
        g = self.g
        if prev.page == row.page and row.y0 - prev.y1 > 1.5 * max(row.y1 - row.y0, 8):
            return True
        if row.x0 > g.left + 15 and row.x0 > prev.x0 + 15:
            return True
        ended = _ends_sentence(prev, g)
        return ended and row.text[:1].isupper()


def segment(
    pages: Sequence[CleanPage], *, numbered: bool = True, min_numbered: int = 3
) -> list[Para]:
    """All paragraphs of a document, in reading order (footnotes after their page's body)."""
    left, right, size = body_metrics(pages)
    g = _Geometry(left, right, size)
    walker = _Walker(g, numbered)
    notes: list[Para] = []
    for page in pages:
        body, foot = split_footnotes(page, g)
        for row in body:
            walker.feed(row)
        notes.extend(footnote_paras(foot, notes[-1] if notes else None))
    paras = _detach_closing_text(walker.out, walker.num_x, g)
    if numbered and sum(p.kind == "numbered" for p in paras) < min_numbered:
        for p in paras:
            if p.kind == "numbered":
                p.kind, p.number, p.lead = "text", None, None
    return _interleave(paras, notes)


def _detach_closing_text(paras: list[Para], num_x: Counter[int], g: _Geometry) -> list[Para]:
    """Split an unnumbered closing paragraph off the last ¶: it starts where ¶ numbers sit,
    after a finished sentence (e.g. "Plaintiff reserves the right to amend …")."""
    last = next((p for p in reversed(paras) if p.kind == "numbered"), None)
    if last is None:
        return paras
    for i in range(1, len(last.rows)):
        prev, row = last.rows[i - 1], last.rows[i]
        t = row.text.strip()
        at_number = _at_number_x(row, num_x) or (
            row.first_x > g.left + 15 and row.x1 > g.right - 20  # a first-line indent
        )
        ended = _ends_sentence(prev, g)
        if at_number and ended and not ENUM_RE.match(t) and not re.match(r"^[(“\"'‘\[]", t):
            tail = Para("text", None, last.rows[i:], last.section, last.count)
            last.rows = last.rows[:i]
            at = paras.index(last) + 1
            return [*paras[:at], tail, *paras[at:]]
    return paras


def _interleave(paras: list[Para], notes: list[Para]) -> list[Para]:
    """Place each footnote after the last paragraph that starts on or before its page."""
    out: list[Para] = []
    pending = list(notes)
    for p in paras:
        while pending and pending[0].page_start < p.page_start:
            out.append(pending.pop(0))
        out.append(p)
    out.extend(pending)
    return out
