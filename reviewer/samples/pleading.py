"""California-federal pleading paper: the layout engine and the pieces every sample shares.

Owns the page geometry constants, the ``TruthParagraph`` and ``SampleFile`` dataclasses, the
private ``_Filing``/``_Caption``/``_Page`` records, line wrapping and typesetting
helpers (in ``typeset``), the ``_Pleading`` engine that lays blocks out on numbered pleading paper
and renders them through ``reviewer.core.pdf.PdfWriter``, and ``_write_pleading``, which turns a
caption, blocks and a signature into a finished ``SampleFile``.

Geometry (PDF points, origin top-left, y = baseline): line numbers 1-28 right-aligned at x=68 on
baselines 84 + 24*(n-1); body text x=90..540; a paragraph number at x=126 with its first line at
x=162; block quotes x=126..504 single-spaced; ECF stamp baseline 38; footer rule y=754.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reviewer.core.pdf import PdfWriter
from reviewer.samples.script import _Block
from reviewer.samples.typeset import _smarten, _Token, _words, _wrap

LINE_NO_RIGHT, LEFT_X, NUMBER_X, INDENT_X, RIGHT_X = 68.0, 90.0, 126.0, 162.0, 540.0
QUOTE_RIGHT, TOP_Y, PITCH, LINES = 504.0, 84.0, 24.0, 28
BOTTOM_Y = TOP_Y + (LINES - 1) * PITCH  # baseline of line 28
STAMP_Y, FOOTER_RULE_Y, PAGE_NO_Y, FOOTER_Y = 38.0, 754.0, 748.0, 767.0
NOTE_SIZE, NOTE_PITCH = 10.0, 12.0

CASE_NO = "3:25-cv-01234"
_MARK = "[^]"  # footnote reference in a script; the note text follows on a "^ " line


@dataclass(frozen=True, slots=True)
class TruthParagraph:
    """One paragraph as written: exactly its words, single-spaced; pages are 1-based."""

    number: str | None
    kind: str  # numbered | heading | text | footnote | prayer
    text: str
    count: str | None
    section: str | None
    page_start: int
    page_end: int


@dataclass(frozen=True, slots=True)
class SampleFile:
    path: Path
    kind: str  # complaint | answer | exhibit
    title: str
    pages: int
    paragraphs: tuple[TruthParagraph, ...]


@dataclass(frozen=True, slots=True)
class _Filing:
    case_no: str  # as in the footer, e.g. 3:25-cv-01234
    judge: str  # initials appended in the ECF stamp
    docket: str
    filed: str  # mm/dd/yy
    title: str  # footer title, e.g. COMPLAINT

    def stamp(self, page: int, total: int) -> str:
        return (
            f"Case {self.case_no}-{self.judge}   Document {self.docket}   "
            f"Filed {self.filed}   Page {page} of {total}"
        )


@dataclass(frozen=True, slots=True)
class _Caption:
    counsel: tuple[str, ...]
    court: tuple[str, ...]
    left: tuple[str, ...]  # party box; a leading tab indents, "" is an empty row
    right: tuple[str, ...]  # case number, title, claims; a leading "*" means bold


@dataclass
class _Page:
    texts: list[tuple[float, float, str, float, bool]] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    notes: list[tuple[int, list[tuple[float, list[tuple[str, int]]]]]] = field(default_factory=list)
    reserve: float = 0.0


def _snap(y: float) -> float:
    """The first numbered-line baseline at or below y."""
    n = max(0, -int(-(y - TOP_Y) // PITCH))
    return TOP_Y + n * PITCH


class _Pleading:
    """Lays blocks out on pleading paper, page by page, then renders with a PdfWriter."""

    def __init__(self, writer: PdfWriter, filing: _Filing) -> None:
        self.w, self.filing = writer, filing
        self.pages: list[_Page] = []
        self.truth: list[TruthParagraph] = []
        self.last: float | None = None
        self.count: str | None = None
        self.section: str | None = None
        self.numbers = {"numbered": 0, "prayer": 0, "note": 0}
        self._widths: dict[tuple[str, float, bool], float] = {}
        self.space = writer.text_width(" ")
        self.new_page()

    def width(self, word: str, size: float = 12, bold: bool = False) -> float:
        key = (word, size, bold)
        w = self._widths.get(key)
        if w is None:
            w = self._widths[key] = self.w.text_width(word, size, bold)
        return w

    def tok_width(self, tok: _Token, size: float = 12, bold: bool = False) -> float:
        w = self.width(tok[0], size, bold)
        return w + self.width(str(tok[1]), size * 0.6) if tok[1] else w

    def new_page(self) -> None:
        self.pages.append(_Page())
        self.last = None

    def place(self, pitch: float, extra: float = 0.0) -> float:
        """Baseline for the next line; single-spaced lines use pitch 12, others the grid."""
        if self.last is None:
            y = TOP_Y
        else:
            y = _snap(self.last + 16) if pitch >= PITCH else self.last + pitch
            if y > BOTTOM_Y - self.pages[-1].reserve - extra:
                self.new_page()
                y = TOP_Y
        self.last = y
        return y

    def room(self) -> int:
        """How many numbered lines are still free on this page."""
        nxt = TOP_Y if self.last is None else _snap(self.last + 16)
        return max(0, int((BOTTOM_Y - self.pages[-1].reserve - nxt) // PITCH) + 1)

    def put(self, x: float, y: float, s: str, size: float = 12, bold: bool = False) -> None:
        self.pages[-1].texts.append((x, y, s, size, bold))

    def centered(self, y: float, s: str, size: float = 12, bold: bool = False) -> None:
        self.put((LEFT_X + RIGHT_X - self.width(s, size, bold)) / 2, y, s, size, bold)

    def draw(self, x: float, y: float, toks: list[_Token], size: float, bold: bool) -> None:
        run: list[str] = []
        for word, note in toks:
            run.append(word)
            if note:
                s = " ".join(run)
                self.put(x, y, s, size, bold)
                x += self.width(s, size, bold)
                self.put(x, y - size * 0.35, str(note), size * 0.6)
                x += self.width(str(note), size * 0.6) + self.space
                run = []
        if run:
            self.put(x, y, " ".join(run), size, bold)

    def tokens(self, text: str, notes: list[str], pending: dict[int, str]) -> list[_Token]:
        out: list[_Token] = []
        for word in _words(_smarten(text)):
            if word.endswith(_MARK):
                self.numbers["note"] += 1
                pending[self.numbers["note"]] = notes[len(pending)]
                out.append((word[: -len(_MARK)], self.numbers["note"]))
            else:
                out.append((word, 0))
        return out

    def note_lines(self, n: int, text: str) -> list[tuple[float, list[_Token]]]:
        toks = [(w, 0) for w in _words(_smarten(text))]
        indent = LEFT_X + 36 + self.width(str(n), NOTE_SIZE * 0.6) + 2
        return _wrap(toks, lambda t: self.width(t[0], NOTE_SIZE), 2.5, (indent, LEFT_X, RIGHT_X))

    def emit(
        self,
        lines: list[tuple[float, list[_Token]]],
        pitches: tuple[float, float] = (PITCH, PITCH),
        *,
        bold: bool = False,
        label: tuple[float, str] | None = None,
        pending: dict[int, str] | None = None,
    ) -> tuple[int, int]:
        """Place wrapped lines (first pitch, then the rest) with their footnotes; -> pages."""
        start = 0
        for i, (x, toks) in enumerate(lines):
            notes = [(t[1], self.note_lines(t[1], (pending or {})[t[1]])) for t in toks if t[1]]
            height = sum(len(lns) * NOTE_PITCH for _, lns in notes)
            y = self.place(pitches[0] if i == 0 else pitches[1], height + 14 * bool(notes))
            start = start or len(self.pages)
            page = self.pages[-1]
            page.reserve += height + (14 if notes and not page.notes else 0)  # 14: the rule
            page.notes.extend(notes)
            if i == 0 and label:
                self.put(label[0], y, label[1], 12, bold)
            self.draw(x, y, toks, 12, bold)
        return start or len(self.pages), len(self.pages)

    def record(self, number: str | None, kind: str, text: str, pages: tuple[int, int]) -> None:
        self.truth.append(
            TruthParagraph(number, kind, text, self.count, self.section, pages[0], pages[1])
        )

    def paragraph(self, b: _Block) -> None:
        number = None
        if b.kind in ("numbered", "prayer"):
            self.numbers[b.kind] += 1
            number = str(self.numbers[b.kind])
        pending: dict[int, str] = {}
        words: list[str] = []
        first = last = 0
        for i, (style, text) in enumerate(b.parts):
            toks = self.tokens(text, b.notes, pending)
            words += [t[0] for t in toks]
            if style == "quote":
                lines = _wrap(toks, self.tok_width, self.space, (NUMBER_X, NUMBER_X, QUOTE_RIGHT))
                pages = self.emit(lines, (PITCH, NOTE_PITCH), pending=pending)
            elif style == "item":
                label, toks = toks[0][0], toks[1:]
                lines = _wrap(toks, self.tok_width, self.space, (INDENT_X, INDENT_X, RIGHT_X))
                pages = self.emit(lines, label=(NUMBER_X, label), pending=pending)
            else:
                x = (INDENT_X if number else NUMBER_X) if i == 0 else LEFT_X
                lines = _wrap(toks, self.tok_width, self.space, (x, LEFT_X, RIGHT_X))
                mark = (NUMBER_X, f"{number}.") if number and i == 0 else None
                pages = self.emit(lines, label=mark, pending=pending)
            first, last = first or pages[0], pages[1]
        kind = "text" if b.kind == "text" else b.kind
        self.record(number, kind, " ".join(words), (first, last))
        for n, text in pending.items():
            page = next(i for i, p in enumerate(self.pages, 1) if any(m == n for m, _ in p.notes))
            self.record(str(n), "footnote", _smarten(" ".join(text.split())), (page, page))

    def heading(self, b: _Block) -> None:
        lines: list[tuple[float, list[_Token]]] = []
        label = None
        bold_width = partial(self.tok_width, bold=True)
        for _, text in b.parts:
            toks = [(w, 0) for w in _words(_smarten(text))]
            if b.kind == "subheading":
                label, toks = toks[0][0], toks[1:]
                lines += _wrap(toks, bold_width, self.space, (NUMBER_X, NUMBER_X, RIGHT_X - 36))
                continue
            for _, row in _wrap(toks, bold_width, self.space, (130.0, 130.0, 500.0)):
                s = " ".join(t[0] for t in row)
                lines.append(((LEFT_X + RIGHT_X - self.width(s, 12, True)) / 2, row))
        if self.room() < len(lines) + 3:
            self.new_page()
        elif self.last is not None:
            self.last = _snap(self.last + 16)  # a blank numbered line before the heading
        pages = self.emit(lines, bold=True, label=(LEFT_X, label) if label else None)
        text = " ".join(t[0] for _, row in lines for t in row)
        text = f"{label} {text}" if label else text
        if b.kind == "count":
            self.count = " ".join(t[0] for t in lines[0][1])
        else:
            self.count = None if b.kind == "heading" else self.count
            self.section = text
        self.record(None, "heading", text, pages)

    def blocks(self, blocks: Iterable[_Block]) -> None:
        for b in blocks:
            if b.kind in ("heading", "subheading", "count"):
                self.heading(b)
            else:
                self.paragraph(b)

    def caption(self, cap: _Caption) -> None:
        for i, s in enumerate(cap.counsel):
            self.put(LEFT_X, TOP_Y + i * NOTE_PITCH, _smarten(s))
        for i, s in enumerate(cap.court):
            self.centered(TOP_Y + (7 + i) * PITCH, s, bold=True)
        top = TOP_Y + (7 + len(cap.court)) * PITCH
        left = self._column(cap.left, LEFT_X, 300.0)
        right = self._column(cap.right, 324.0, RIGHT_X)
        for col in (left, right):
            for r, (x, s, bold) in enumerate(col):
                if s:
                    self.put(x, top + r * NOTE_PITCH, s, bold=bold)
        rows = max(len(left), len(right))
        for r in range(rows):
            self.put(306.0, top + r * NOTE_PITCH, ")")
        bottom = top + (rows - 1) * NOTE_PITCH
        self.pages[-1].rules.append((LEFT_X, bottom + 6, 306.0, bottom + 6))
        self.last = bottom + 12

    def _column(self, rows: tuple[str, ...], x0: float, x1: float) -> list[tuple[float, str, bool]]:
        out: list[tuple[float, str, bool]] = []
        for raw in rows:
            bold, indent = raw.startswith("*"), raw.lstrip("*").startswith("\t")
            s = _smarten(raw.lstrip("*").strip())
            x = x0 + 72 if indent else x0
            if not s:
                out.append((x, "", bold))
                continue
            toks = [(w, 0) for w in _words(s)]
            xs = (x, x + 18 if s.startswith("(") else x, x1)
            for lx, row in _wrap(toks, lambda t, b=bold: self.width(t[0], 12, b), self.space, xs):
                out.append((lx, " ".join(t[0] for t in row), bold))
        return out

    def signature(self, date: str, lines: tuple[str, ...]) -> None:
        if self.room() < 2 + len(lines) // 2 + 1:
            self.new_page()
        y = self.place(PITCH)
        y = self.place(PITCH)
        self.put(LEFT_X, y, date)
        self.put(324.0, y, "Respectfully submitted,")
        for i, s in enumerate(lines, 2):
            self.put(324.0, y + i * NOTE_PITCH, _smarten(s))
        self.last = y + (len(lines) + 1) * NOTE_PITCH

    def render(self, path: Path, meta: dict[str, str]) -> int:
        total = len(self.pages)
        for n, page in enumerate(self.pages, 1):
            self.w.new_page()
            self._paper(n, total)
            for x, y, s, size, bold in page.texts:
                self.w.text(x, y, s, size, bold)
            for rule in page.rules:
                self.w.line(*rule)
            self._notes(page)
        self.w.set_metadata(meta)
        self.w.save(path)
        return total

    def _paper(self, n: int, total: int) -> None:
        w = self.w
        for i in range(1, LINES + 1):
            w.text(LINE_NO_RIGHT - self.width(str(i)), TOP_Y + (i - 1) * PITCH, str(i))
        w.line(72, 0, 72, 792, 0.75)
        w.line(75, 0, 75, 792, 0.75)
        w.line(547, 0, 547, 792, 0.5)
        stamp = self.filing.stamp(n, total)
        w.text(
            (612 - w.text_width(stamp, 10, font="Helvetica")) / 2,
            STAMP_Y,
            stamp,
            10,
            font="Helvetica",
        )
        w.text((LEFT_X + RIGHT_X - self.width(f"- {n} -")) / 2, PAGE_NO_Y, f"- {n} -")
        w.line(72, FOOTER_RULE_Y, 547, FOOTER_RULE_Y, 0.75)
        w.text(LEFT_X, FOOTER_Y, self.filing.title, 9)
        case = f"Case No. {self.filing.case_no}"
        w.text(RIGHT_X - self.width(case, 9), FOOTER_Y, case, 9)

    def _notes(self, page: _Page) -> None:
        if not page.notes:
            return
        n_lines = sum(len(lns) for _, lns in page.notes)
        y = BOTTOM_Y - (n_lines - 1) * NOTE_PITCH
        self.w.line(LEFT_X, y - 11, LEFT_X + 144, y - 11, 0.5)
        for n, lns in page.notes:
            self.w.text(LEFT_X + 36, y - 3.5, str(n), NOTE_SIZE * 0.6)
            for x, row in lns:
                self.w.text(x, y, " ".join(t[0] for t in row), NOTE_SIZE)
                y += NOTE_PITCH


# --- Writers --------------------------------------------------------------------------------

_MONTHS = "January February March April May June July August September October November December"


def _long_date(mmddyy: str) -> str:
    m, d, y = (int(p) for p in mmddyy.split("/"))
    return f"{_MONTHS.split()[m - 1]} {d}, {2000 + y}"


def _write_pleading(
    path: Path,
    filing: _Filing,
    caption: _Caption,
    blocks: Iterable[_Block],
    signature: tuple[str, ...],
) -> SampleFile:
    eng = _Pleading(PdfWriter(), filing)
    eng.caption(caption)
    eng.blocks(blocks)
    eng.signature(f"Dated: {_long_date(filing.filed)}", signature)
    meta = {"title": filing.title.title(), "creator": "reviewer sample generator"}
    pages = eng.render(path, meta)
    kind = "answer" if "ANSWER" in filing.title else "complaint"
    return SampleFile(path, kind, filing.title, pages, tuple(eng.truth))


def _pipe(s: str) -> tuple[str, ...]:
    """A vocabulary written compactly as "a|b|c"."""
    return tuple(s.split("|"))
