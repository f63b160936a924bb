"""Walks a document's body rows in reading order and builds its units.

The numbered sequence is driven by expectation: a row opens ¶ n only when n follows the last
accepted number of the current list and the number sits where that list's numbers sit, so
numbers quoted in block quotes, sub-lists and prayer items never break the sequence. A
``1.`` that opens a block (after a heading, a finished paragraph or a new document inside
the file) starts a new list, which keeps its own numbers.
"""

from __future__ import annotations

import re
from collections import Counter

from reviewer.core.ingest.layout import Row
from reviewer.core.ingest.segment.headings import (
    COUNT_RE,
    ENUM_RE,
    JURY_RE,
    NUM_RE,
    PRAYER_RE,
    ROMAN_HEAD_RE,
    UMBRELLA_RE,
    count_parts,
    is_heading,
    numbered_heading,
    strong_heading,
)
from reviewer.core.ingest.segment.units import Geometry, Para, caps, ends_sentence, line_gap

CLOSE_RE = re.compile(
    r"^(?:WHEREFORE|DATED|Dated|Respectfully\s+submitted|/s/|s/\s|I\s+declare\s+under\s+penalty)"
)
_PRAYER_ITEM = re.compile(r"^\(?([a-z]{1,2}|[ivx]{1,5})[.)]\s+(.*)$", re.S)

# A transcript's front matter: the appearances of counsel, until the proceedings (or the
# index of witnesses) begin; letters may be spaced out ("P R O C E E D I N G S").
_APPEARANCES_RE = re.compile(r"A\s*P\s*P\s*E\s*A\s*R\s*A\s*N\s*C\s*E\s*S\b", re.I)
_PROCEEDINGS_RE = re.compile(
    r"(?:P\s*R\s*O\s*C\s*E\s*E\s*D\s*I\s*N\s*G\s*S|I\s*N\s*D\s*E\s*X|E\s*X\s*H\s*I\s*B\s*I\s*T\s*S"
    r"|E\s*X\s*A\s*M\s*I\s*N\s*A\s*T\s*I\s*O\s*N)\b",
    re.I,
)


class Walker:
    """Feeds rows one at a time (with the next row to look ahead) into ``out``."""

    def __init__(self, g: Geometry, numbered: bool) -> None:
        self.g = g
        self.numbered = numbered
        self.out: list[Para] = []
        self.cur: Para | None = None
        self.expected = 1
        self.list_no = 0
        self.num_x: Counter[int] = Counter()
        self.mode = "pre"  # pre | body | prayer | after
        self.prayer_expected = 1
        self.claims = False  # under an umbrella heading: "I." headings are counts
        self.section: str | None = None
        self.count: str | None = None
        self.against: str | None = None
        self.prev: Row | None = None
        self.closed = False  # a prayer or signature ended the list; no heading since
        self.appearances = False  # a transcript's list of counsel: names, not headings

    def feed(self, row: Row) -> None:
        t = row.text.strip()
        m = NUM_RE.match(t) or self._bare_number(row)
        n = int(m.group(1)) if m else 0
        after = self.cur is not None and self.cur.kind == "heading" and self.cur is self.out[-1]
        open_sentence = self.prev is not None and not after and not ends_sentence(self.prev)
        midsentence = open_sentence and (not strong_heading(row, self.g) or self._same_block(row))
        if self.appearances and not _PROCEEDINGS_RE.match(t):
            self._appearance(row, t)
        elif (m and numbered_heading(row, self.g, m.group(2)) and not midsentence) or (
            not midsentence and self._title_line(row, after) and not (m and self._accepts(n, row))
        ):
            self._heading(row)
        elif m and self._accepts(n, row):
            self._numbered(n, row, m.group(2))
        elif m and n == 1 and self._restarts(row):
            self.list_no += 1
            self.num_x = Counter()
            self._numbered(1, row, m.group(2))
        elif self.mode == "prayer" and self._prayer_item(row, m):
            pass
        else:
            self._line(row, t)
        self.prev = row

    def _appearance(self, row: Row, t: str) -> None:
        """A line of a transcript's appearances: counsel's and firms' names in capitals are
        text, not outline headings; a new page starts a new block."""
        if self.prev is not None and self.prev.page != row.page:
            self._open(Para("text", None, [row]))
        else:
            self._line(row, t)

    def _same_block(self, row: Row) -> bool:
        """The next line of a block set flush left away from the margin (a signature block's
        "Attorneys for Defendant / ACME HOLDINGS / CO., LTD."): it may happen to sit near
        the centre, yet starts where the line above (or a column of it) started, right
        below it."""
        prev = self.prev
        if prev is None or prev.page != row.page or COUNT_RE.match(row.text.strip()):
            return False
        starts = [(part.x0, part.x1) for part in prev.parts] or [(prev.x0, prev.x1)]
        flush = any(abs(row.x0 - a) < 2 and abs(row.x1 - b) > 10 for a, b in starts)
        return flush and not self.g.centred(prev) and line_gap(prev, row) < 1.5

    def _wraps_heading(self, row: Row) -> bool:
        """The second line of a heading that wrapped: the line above ran to the margin
        without finishing, and this one is set in the same weight and case right below it."""
        prev = self.prev
        if prev is None or NUM_RE.match(row.text.strip()) or ENUM_RE.match(row.text.strip()):
            return False
        wrapped = prev.x1 > self.g.right - 0.2 * self.g.width and not ends_sentence(prev)
        same = prev.bold == row.bold and caps(prev.text) == caps(row.text)
        return wrapped and same and line_gap(prev, row) < 1.6

    def _title_line(self, row: Row, after: bool) -> bool:
        if CLOSE_RE.match(row.text.strip()):
            return False  # "DATED: … FIRM LLP" in capitals opens the signature, not a section
        if is_heading(row, self.g, after):
            return True
        return after and (self._count_title(row) or self._wraps_heading(row))

    def _count_title(self, row: Row) -> bool:
        """A line of a COUNT heading's title or its "(Against …)" line, however set."""
        cur = self.cur
        if cur is None or cur.kind != "heading" or not COUNT_RE.match(cur.text):
            return False
        if len(cur.rows) > 4:
            return False
        t = row.text.strip()
        gap = line_gap(cur.rows[-1], row)
        bold = row.bold and cur.rows[-1].bold  # set like the heading: may sit further below
        close = gap < 3.5 or (bold and gap < 5) or cur.rows[-1].page != row.page
        short = (row.x1 < self.g.right - 25 or caps(t) or t.startswith("(")) and len(t) < 150
        return close and short and not NUM_RE.match(t) and not t.endswith((".", ";"))

    def _bare_number(self, row: Row) -> re.Match[str] | None:
        """A number printed without its period ("57") standing alone where ¶ numbers sit."""
        first = row.parts[0].text.strip() if row.parts else ""
        if not first.isdigit() or not any(abs(row.first_x - x) <= 4 for x in self.num_x):
            return None
        rest = " ".join(p.text.strip() for p in row.parts[1:])
        return NUM_RE.match(f"{first}. {rest}")

    def _accepts(self, n: int, row: Row) -> bool:
        if not self.numbered or n == 0:
            return False
        x = round(row.first_x)
        known = any(abs(x - k) <= 10 for k in self.num_x) if self.num_x else None
        prev = self.prev
        if n == self.expected and prev is not None and (prev.page, prev.y0) == (row.page, row.y0):
            return True  # run in after a COUNT heading on the same line
        next_column = prev is not None and prev.page == row.page and row.y0 < prev.y0 - 20
        if n == self.expected and next_column and self.num_x:
            return True  # the top of the next column: numbers sit at its own edge
        if n == self.expected:
            if known is None:  # ¶ 1 (or the first number seen): near the body's left edge
                return row.first_x < self.g.left + 0.25 * self.g.width
            return known or (self.mode != "prayer" and abs(x - self.g.left) <= 10)
        gap_ok = self.expected < n <= self.expected + 3 and self.mode in ("body", "after")
        return bool(gap_ok and known)

    def _restarts(self, row: Row) -> bool:
        """A ``1.`` that opens a new list: not in a prayer, near the body's left edge, and
        not a sub-list introduced by the paragraph before it (which ends with a colon)."""
        if not self.numbered or self.list_no == 0 or self.mode == "prayer" or self.closed:
            return False
        if row.first_x > self.g.left + 0.25 * self.g.width:
            return False
        prev = self.prev
        if self.cur is not None and self.cur.kind == "numbered" and prev is not None:
            if prev.text.rstrip().endswith((":", ";", ",")) or not ends_sentence(prev):
                return False
            x = round(row.first_x)
            if self.num_x and all(x > k + 10 for k in self.num_x):
                return False  # indented under the current list's numbers: a sub-list
        return True

    def _numbered(self, n: int, row: Row, lead: str) -> None:
        if self.list_no == 0:
            self.list_no = 1
        self.num_x[round(row.first_x)] += 1
        self.expected = n + 1
        self.mode = "body"
        self._open(Para("numbered", str(n), [row], lead=lead, list_no=self.list_no))

    def _open(self, para: Para) -> None:
        para.section, para.count, para.count_against = self.section, self.count, self.against
        self.out.append(para)
        self.cur = para

    def _prayer_item(self, row: Row, m: re.Match[str] | None) -> bool:
        if m and int(m.group(1)) == self.prayer_expected:
            self._open(Para("prayer", m.group(1), [row], lead=m.group(2)))
            self.prayer_expected += 1
            return True
        pm = _PRAYER_ITEM.match(row.text.strip())
        prev = self.prev
        fresh = prev is None or ends_sentence(prev) or prev.text.rstrip().endswith(("and", "or"))
        if pm and fresh and row.first_x < self.g.left + 0.3 * self.g.width:
            self._open(Para("prayer", pm.group(1), [row], lead=pm.group(2)))
            return True
        return False

    def _merges(self, row: Row) -> Para | None:
        """The heading this row continues (a wrapped heading is one unit), if any."""
        last = self.out[-1] if self.out else None
        prev = self.prev
        if last is None or last is not self.cur or last.kind != "heading" or prev is None:
            return None
        t = row.text.strip()
        if COUNT_RE.match(t) or PRAYER_RE.match(t) or JURY_RE.match(t) or len(last.rows) >= 5:
            return None
        if COUNT_RE.match(last.text):
            near = line_gap(prev, row) < (5 if prev.bold and row.bold else 3.5)
            return last if near or prev.page + 1 == row.page else None
        if ENUM_RE.match(t) or re.fullmatch(r"(?:[IVXLC]{1,6}|[A-Z])\.", t):
            return None  # "A. …" under "I. …": a heading of its own
        if len(last.rows) == 1 and re.fullmatch(r"(?:[IVXLC]{1,6}|[A-Z])\.", last.text.strip()):
            near = line_gap(prev, row) < 3 or prev.page + 1 == row.page
            return last if near else None  # "I." on a line of its own, its title below
        same_style = prev.bold == row.bold and caps(prev.text) == caps(t)
        wrapped = not ends_sentence(prev) and prev.text.rstrip()[-1:] not in ".:"
        if line_gap(prev, row) < 0.6 or (line_gap(prev, row) < 1.6 and (same_style or wrapped)):
            return last
        return None

    def _heading(self, row: Row) -> None:
        last = self._merges(row)
        if last is not None:
            last.rows.append(row)
        else:
            self._open(Para("heading", None, [row]))
            last = self.cur
        assert last is not None
        texts = [r.text for r in last.rows]
        text = " ".join(" ".join(texts).split())
        t = row.text.strip()
        if COUNT_RE.match(text) or (self.claims and ROMAN_HEAD_RE.match(text)):
            self.count, self.against = count_parts(texts)
            self.mode = "body" if self.mode != "pre" else self.mode
        elif UMBRELLA_RE.match(text):
            self.claims = True
        elif PRAYER_RE.match(t):
            self.mode, self.prayer_expected, self.count, self.against = "prayer", 1, None, None
            self.claims = False
        elif JURY_RE.match(t):
            self.mode, self.count, self.against, self.claims = "after", None, None, False
        self.appearances = not self.numbered and bool(_APPEARANCES_RE.match(text))
        self.section, self.closed = text, False
        last.section, last.count, last.count_against = text, self.count, self.against

    def _line(self, row: Row, t: str) -> None:
        cur = self.cur
        if CLOSE_RE.match(t) and (cur is None or cur.kind != "text" or self._new_block(row)):
            if t.upper().startswith("WHEREFORE") and self.mode != "after":
                self.mode, self.prayer_expected = "prayer", 1  # the prayer, without a heading
            elif self.mode in ("body", "prayer"):
                self.mode = "after"
            self.closed = True
            self._open(Para("text", None, [row]))
            return
        centred_after_end = (
            self.g.centred(row)
            and row.x1 - row.x0 < 0.5 * self.g.width
            and not re.search(r"[\d§¶*]|\.$", t)  # not a quotation's cite or "* * *"
            and self.prev is not None
            and ends_sentence(self.prev, self.g)
        )  # "[Signature Page Follows]" under the last ¶: not part of it
        if cur is not None and cur.kind in ("numbered", "prayer") and centred_after_end:
            self._open(Para("text", None, [row]))
        elif (cur is not None and cur.kind in ("numbered", "prayer")) or (
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
        return ends_sentence(prev, g) and row.text[:1].isupper()
