"""Generated sample filings with their ground truth, so nothing real has to be copied.

Owns the California-federal pleading-paper layout (``_Pleading``), the demo matter of the
fictional *Jane Doe v. Streamline Social, Inc.* (``write_demo_filings``), seeded synthetic
complaints of any length (``write_synthetic_complaint``) and deliberately broken files
(``write_bad_files``). Every paragraph laid out is recorded as a ``TruthParagraph``. All prose is
invented. PyMuPDF is reached only through ``reviewer.core.pdf.PdfWriter``.

Geometry (PDF points, origin top-left, y = baseline): line numbers 1-28 right-aligned at x=68 on
baselines 84 + 24*(n-1); body text x=90..540; a paragraph number at x=126 with its first line at
x=162; block quotes x=126..504 single-spaced; ECF stamp baseline 38; footer rule y=754.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from reviewer.core.pdf import PdfWriter

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
class _Block:
    kind: str  # numbered | prayer | text | heading | subheading | count
    parts: list[tuple[str, str]]  # (body | quote | item | line, text)
    notes: list[str] = field(default_factory=list)


@dataclass
class _Page:
    texts: list[tuple[float, float, str, float, bool]] = field(default_factory=list)
    rules: list[tuple[float, float, float, float]] = field(default_factory=list)
    notes: list[tuple[int, list[tuple[float, list[tuple[str, int]]]]]] = field(default_factory=list)
    reserve: float = 0.0


_Token = tuple[str, int]  # (word, footnote number it carries or 0)


def _wrap(
    tokens: list[_Token], width: Callable[[_Token], float], space: float, xs: tuple[float, ...]
) -> list[tuple[float, list[_Token]]]:
    """Greedy line breaking by measured width; xs = (first_x, rest_x, right)."""
    first_x, rest_x, right = xs
    lines: list[tuple[float, list[_Token]]] = []
    cur: list[_Token] = []
    x, used = first_x, 0.0
    for tok in tokens:
        w = width(tok)
        if cur and used + space + w > right - x:
            lines.append((x, cur))
            cur, x, used = [], rest_x, 0.0
        used += w + (space if cur else 0.0)
        cur.append(tok)
    if cur:
        lines.append((x, cur))
    return lines


def _snap(y: float) -> float:
    """The first numbered-line baseline at or below y."""
    n = max(0, -int(-(y - TOP_Y) // PITCH))
    return TOP_Y + n * PITCH


def _smarten(s: str) -> str:
    """ASCII script text -> typeset text: curly quotes and em dashes."""
    s = re.sub(r'(^|[\s(\[])"', "\\1\u201c", s.replace("--", "\u2014"))
    s = re.sub(r"(^|[\s(\[])'", "\\1\u2018", s.replace('"', "\u201d"))
    return s.replace("'", "\u2019")


def _words(text: str) -> list[str]:
    """Split typeset text into words that may not break across lines ("§ 1595", "18 U.S.C.")."""
    out: list[str] = []
    for word in text.split():
        if out and (out[-1] in ("§", "§§") or (word == "U.S.C." and out[-1].isdigit())):
            out[-1] += " " + word
        else:
            out.append(word)
    return out


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


# --- Scripts: a filing's body as tagged lines (ASCII; typeset by _smarten) --------------------
# "= " heading, "== " subheading ("A. Title"), "# " count (" | " separates centered lines),
# "P " numbered paragraph, "* " prayer item, "- " unnumbered text, "> " block quote, "+ " text
# continuing after a quote, "(a) " sub-list item, "^ " footnote for the next [^] mark.
# An indented line continues the line above.

_TAGS = {"=": "heading", "==": "subheading", "#": "count", "P": "numbered", "*": "prayer"}
_TAGS["-"] = "text"
_PARTS = {">": "quote", "+": "body"}


def _logical_lines(script: str) -> list[str]:
    logical: list[str] = []
    for line in script.strip().splitlines():
        if line[:1].isspace() and logical:
            logical[-1] += " " + line.strip()
        elif line.strip():
            logical.append(line.strip())
    return logical


def _parse(script: str) -> list[_Block]:
    blocks: list[_Block] = []
    for line in _logical_lines(script):
        tag, _, text = line.partition(" ")
        if tag in _TAGS:
            kind = _TAGS[tag]
            parts = (
                [("line", t) for t in text.split(" | ")] if kind == "count" else [("body", text)]
            )
            blocks.append(_Block(kind, parts))
        elif tag in _PARTS:
            blocks[-1].parts.append((_PARTS[tag], text))
        elif tag == "^":
            blocks[-1].notes.append(text)
        elif re.fullmatch(r"\([a-z]\)", tag):
            blocks[-1].parts.append(("item", line))
        else:
            raise ValueError(f"unknown script tag {tag!r}")
    return blocks


# --- The demo matter: Jane Doe v. Streamline Social, Inc. (fictional) ------------------------

_COURT = (
    "UNITED STATES DISTRICT COURT",
    "NORTHERN DISTRICT OF CALIFORNIA",
    "SAN FRANCISCO DIVISION",
)
_PARTIES = (
    "JANE DOE, an individual,",
    "",
    "\tPlaintiff,",
    "",
    "\tv.",
    "",
    "STREAMLINE SOCIAL, INC., a Delaware corporation,",
    "",
    "\tDefendant.",
)

_COMPLAINT_CAPTION = _Caption(
    counsel=(
        "MARIA T. ALVAREZ (SBN 301122)",
        "malvarez@harborlaw.example",
        "KEVIN J. OSEI (SBN 314560)",
        "kosei@harborlaw.example",
        "HARBOR LAW GROUP LLP",
        "550 Montgomery Street, Suite 1200",
        "San Francisco, California 94111",
        "Telephone: (415) 555-0142",
        "",
        "Attorneys for Plaintiff JANE DOE",
    ),
    court=_COURT,
    left=_PARTIES,
    right=(
        f"Case No. {CASE_NO}-ABC",
        "",
        "*COMPLAINT FOR DAMAGES FOR:",
        "",
        "(1) Violation of the Trafficking Victims Protection Reauthorization Act, "
        "18 U.S.C. §§ 1591, 1595;",
        "(2) Receipt and Distribution of Child Pornography, 18 U.S.C. §§ 2252A, 2255; and",
        "(3) Negligence",
        "",
        "*DEMAND FOR JURY TRIAL",
    ),
)

_COMPLAINT = """
- Plaintiff Jane Doe ("Plaintiff"), by and through her undersigned counsel, brings this action
  against Defendant Streamline Social, Inc. ("Streamline" or "Defendant") and alleges as follows,
  on personal knowledge as to herself and on information and belief as to all other matters:
= INTRODUCTION
P This case is about a company that was told, in writing and more than once, that its platform
  was distributing sexually exploitative material depicting a child, and that chose to leave the
  material up, keep recommending it to new viewers, and keep selling advertising against it.
P Streamline operates a short-video and messaging platform (the "Platform") used by tens of
  millions of people in the United States, many of them teenagers. Streamline earns nearly all of
  its revenue by placing paid advertisements in the feeds its recommendation system builds for
  each user.
P When Plaintiff was fifteen years old, an adult posing as a fellow student used threats and false
  promises to pressure her into recording sexually explicit videos of herself. Those videos were
  later posted to the Platform by accounts that traded in such material.
P Plaintiff and her mother reported the videos to Streamline through the Platform's own reporting
  tools, identified Plaintiff as a minor, and offered proof of her age. Streamline answered that
  it had reviewed the material and found no violation of its policies. The videos stayed on the
  Platform for nine more days, during which they were viewed more than 140,000 times.
P Streamline removed the videos only after a law-enforcement officer contacted the company
  directly. By then, the harm to Plaintiff could not be undone.
P Federal law does not permit a company to profit from a venture it knows, or should know, is
  trafficking a child, nor to knowingly possess and distribute material depicting the sexual abuse
  of a child. Plaintiff brings this action to hold Streamline accountable under the Trafficking
  Victims Protection Reauthorization Act, 18 U.S.C. §§ 1591 and 1595, under 18 U.S.C. §§ 2252A
  and 2255, and under California law.
= PARTIES
P Plaintiff Jane Doe is a natural person who resides in Sacramento County, California. She was a
  minor at all times when the videos described in this Complaint were made and when they were
  distributed on the Platform.[^]
^ Plaintiff proceeds under a pseudonym to protect her privacy as a victim of child sexual
  exploitation. Her identity is known to Defendant, and she will disclose it to the Court under
  seal upon request.
P Defendant Streamline Social, Inc. is a Delaware corporation with its principal place of business
  at 1 Harbor View Plaza, San Francisco, California 94105. Streamline owns and operates the
  Platform and the mobile applications and websites through which it is used.
= JURISDICTION AND VENUE
P This Court has subject-matter jurisdiction under 28 U.S.C. § 1331 because Plaintiff's first
  and second claims arise under federal law, including 18 U.S.C. §§ 1595 and 2255.
P The Court has supplemental jurisdiction over Plaintiff's state-law claim under 28 U.S.C.
  § 1367(a) because it forms part of the same case or controversy as her federal claims.
P The Court has personal jurisdiction over Streamline because Streamline maintains its principal
  place of business in this District and because the conduct giving rise to this action was
  directed from its offices in San Francisco.
P Venue is proper in this District under 28 U.S.C. § 1391(b) because Streamline resides here and
  a substantial part of the events and omissions giving rise to the claims occurred here.
P Under Civil Local Rule 3-2(c), this action should be assigned to the San Francisco Division
  because the content-moderation decisions at issue were made and carried out in San Francisco
  County.
= FACTUAL ALLEGATIONS
== A. Streamline and Its Platform
P Streamline launched the Platform in 2016. Users create accounts, post short videos and images,
  follow other accounts, and exchange direct messages. Any user may view public posts without
  following the account that made them.
P The Platform's central feature is its "For You" feed, an endless stream of posts selected for
  each user by Streamline's recommendation system. The system ranks posts by predicted engagement
  and promotes posts that are being watched, shared, and searched for at a rising rate.
P Streamline earns money when users watch. It places paid advertisements between posts in the For
  You feed and beside search results, and it charges advertisers more for placements next to
  content that is attracting rapid engagement.
P In its public filings, Streamline reported that advertising accounted for more than 90 percent
  of its revenue in each of the last three fiscal years. Its executives have called "time spent"
  on the Platform the company's most important business metric.
P Streamline also operates a revenue-sharing program called "Streamline Boost," which pays account
  holders a share of advertising revenue based on the number of views their posts receive, and
  which Streamline reviews for eligibility before paying out.
== B. Streamline's Promises About Child Safety
P Every user must accept Streamline's Terms of Service to create an account. Section 4.2 of the
  Terms provides:
> "You may not use the Services to post, share, or promote any material that depicts or exploits a
  minor in a sexual manner. We have zero tolerance for child sexual exploitation. When we become
  aware of such material, we will remove it, suspend the accounts responsible, and report it to
  the National Center for Missing & Exploited Children."
+ Streamline has publicized this policy in its transparency reports, in testimony to Congress, and
  in advertising directed at parents.[^]
^ Streamline Social, Terms of Service § 4.2 (rev. Aug. 2022). The same language appears in the
  "Child Safety" section of Streamline's Help Center.
P Streamline provides an in-app form for users to report content. The form includes a category
  for "Child sexual exploitation," and its instructions tell users that reports in that category
  are "prioritized for urgent review."
P Streamline has long known that the Platform is used to trade exploitative material depicting
  minors. Its own transparency reports disclose that it removed hundreds of thousands of such
  posts in 2022 alone, most of them after they had already been viewed.
P Despite that knowledge, Streamline designed its moderation practices to minimize cost rather
  than to protect children. On information and belief, those practices included:
(a) routing reports of child sexual exploitation into the same general queue as reports of spam,
  impersonation, and copyright complaints;
(b) staffing that queue with contract reviewers who were expected to resolve each report in under
  a minute and who were not trained to assess the age of the people depicted;
(c) closing reports automatically when the reported post had not already been flagged by
  Streamline's detection software; and
(d) declining to check reported material against hash lists of known exploitative material unless
  a reviewer escalated the report.
P Streamline's own employees warned that these practices allowed reported material depicting
  minors to remain on the Platform for days or weeks. On information and belief, Streamline's
  leadership rejected proposals for a dedicated child-safety review team because the proposals
  would have increased moderation costs.
== C. The Exploitation of Jane Doe
P In the fall of 2022, when Plaintiff was fifteen, she began receiving direct messages on a
  different app from an account that claimed to belong to a sixteen-year-old student at a
  neighboring high school.
P Over several weeks the account holder gained Plaintiff's trust, then demanded that she send
  sexually explicit videos of herself. When Plaintiff hesitated, the account holder threatened to
  spread fabricated rumors about her to her family and classmates. Frightened, Plaintiff complied.
P On information and belief, the account holder was an adult who exploited several minors in the
  same way and who sold or traded the resulting videos to others.
P Plaintiff stopped responding to the account holder in December 2022. She told no one what had
  happened. She believed, and hoped, that it was over.
== D. The Videos Appear on Streamline
P On or about March 2, 2023, two accounts on the Platform (the "Distributing Accounts") posted a
  compilation of the videos of Plaintiff. One of the posts named Plaintiff's school.
P The Distributing Accounts were not obscure. On information and belief, each had been reported to
  Streamline before March 2023 for posting sexual material involving apparent minors, and each
  remained active.
P Within hours, Streamline's recommendation system began promoting the posts in the For You feeds
  of users who had engaged with similar content. Classmates of Plaintiff saw the posts and sent
  them to her.
P On March 3, 2023, Plaintiff, with her mother's help, submitted a report to Streamline through
  the in-app form, selecting the "Child sexual exploitation" category. The report stated that the
  person in the videos was fifteen years old when they were made and identified both posts by
  their links.
P Streamline sent an automated acknowledgment assigning the report number SR-0419-2281.
P On March 6, 2023, Streamline responded by email that it had "reviewed the reported content" and
  had "not found a violation of our policies at this time," and that "no action will be taken."
P The same day, Plaintiff's mother replied, explaining again that the videos depicted her minor
  daughter, that they had been made under threat, and that the school named in the post was her
  daughter's school. She attached a copy of Plaintiff's student identification card, as
  Streamline's form invited.
P On March 9, 2023, Streamline replied that it had reviewed the content again and would take no
  further action. A true and correct copy of the email exchange, with the names of the
  Distributing Accounts redacted, is attached as Exhibit B.
P In the nine days after Plaintiff's first report, the posts were viewed more than 140,000 times
  and shared more than 3,000 times, and they were displayed next to paid advertisements for
  consumer brands.
P On information and belief, one of the Distributing Accounts was enrolled in Streamline Boost
  during this period, and Streamline paid it a share of the advertising revenue generated by
  views of its posts.
P On March 11, 2023, a detective with the Sacramento County Sheriff's Office, acting on a
  complaint from Plaintiff's mother, submitted a preservation and removal request through
  Streamline's law-enforcement portal. Streamline removed the posts and suspended the Distributing
  Accounts within hours.
P Streamline has never explained to Plaintiff why its reviewers twice found that the videos did
  not violate its policies.
== E. Harm to Plaintiff
P The circulation of the videos on the Platform caused Plaintiff severe emotional distress. She
  withdrew from school for the rest of the semester and has received ongoing treatment for anxiety
  and depression.
P Plaintiff lives with the knowledge that copies made while the videos were on the Platform may
  still be circulating, and she fears being recognized by strangers.
P Plaintiff has incurred and will continue to incur expenses for medical and psychological care,
  and she has lost educational opportunities.
= CLAIMS FOR RELIEF
# COUNT I | Violation of the Trafficking Victims Protection Reauthorization Act, 18 U.S.C.
  §§ 1591(a)(2), 1595 (Beneficiary Liability) | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P Plaintiff is a victim of sex trafficking within the meaning of 18 U.S.C. §§ 1591(a) and 1595(a).
  She was a minor when she was caused to engage in commercial sex acts, namely the production of
  sexually explicit videos that were exchanged for things of value.
P Section 1595(a) provides a civil remedy against whoever knowingly benefits, financially or by
  receiving anything of value, from participation in a venture which that person knew or should
  have known has engaged in an act in violation of the chapter.
P Streamline knowingly benefited from its participation in a venture with the Distributing
  Accounts. Streamline provided the accounts with a platform, an audience, and recommendation
  services, and in return received advertising revenue and user engagement generated by the posts.
P Streamline knew or should have known that the venture was engaged in the sex trafficking of a
  minor. Plaintiff and her mother told Streamline so, in writing, on March 3 and March 6, 2023,
  and provided proof of Plaintiff's age.
P Streamline's continued distribution, promotion, and monetization of the videos after receiving
  that notice constituted participation in the venture.
P As a direct and proximate result of Streamline's conduct, Plaintiff suffered the injuries
  described above and is entitled to compensatory and punitive damages and reasonable attorneys'
  fees under 18 U.S.C. § 1595(a).
# COUNT II | Receipt and Distribution of Child Pornography, 18 U.S.C. §§ 2252A, 2255
  | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P The videos of Plaintiff are visual depictions of a minor engaging in sexually explicit conduct
  within the meaning of 18 U.S.C. § 2256(8).
P After receiving Plaintiff's reports, Streamline knowingly possessed the videos on its servers
  and knowingly distributed them to users through its feeds and search results, in violation of
  18 U.S.C. § 2252A(a)(2) and (a)(5)(B).
P Section 2255(a) provides that any person who, while a minor, was a victim of a violation of
  section 2252A and who suffers personal injury as a result may sue in any appropriate United
  States District Court.
P Plaintiff is entitled to liquidated damages of not less than $150,000, punitive damages, and
  reasonable attorneys' fees and costs under 18 U.S.C. § 2255(a).
# COUNT III | Negligence | (Against Defendant)
P Plaintiff incorporates by reference each of the preceding paragraphs as if fully set forth
  herein.
P Streamline owed Plaintiff a duty of reasonable care. Once Streamline received specific notice
  that identifiable material on its servers depicted the sexual exploitation of an identified
  minor, it assumed a duty to act reasonably in responding to that notice.
P Streamline breached that duty by failing to review Plaintiff's reports with reasonable care, by
  failing to escalate them to trained reviewers, by failing to check the videos against known
  hash lists, and by continuing to recommend the videos after notice.
P Streamline's breach was a substantial factor in causing Plaintiff's harm. Every day the videos
  remained on the Platform they reached new viewers, and each new viewing deepened her injury.
P As a direct and proximate result of Streamline's negligence, Plaintiff has suffered damages in
  an amount to be proven at trial.
= PRAYER FOR RELIEF
- WHEREFORE, Plaintiff respectfully requests that the Court enter judgment in her favor and
  against Defendant, and award the following relief:
* Compensatory damages in an amount to be determined at trial;
* Liquidated damages of not less than $150,000 under 18 U.S.C. § 2255(a);
* Punitive damages;
* Reasonable attorneys' fees and costs under 18 U.S.C. §§ 1595(a) and 2255(a);
* Pre-judgment and post-judgment interest as permitted by law; and
* Such other and further relief as the Court deems just and proper.
= DEMAND FOR JURY TRIAL
- Plaintiff demands a trial by jury on all claims and issues so triable.
"""

_PLAINTIFF_SIGNATURE = (
    "HARBOR LAW GROUP LLP",
    "",
    "By: /s/ Maria T. Alvarez",
    "Maria T. Alvarez",
    "Kevin J. Osei",
    "Attorneys for Plaintiff JANE DOE",
)

_ANSWER_CAPTION = _Caption(
    counsel=(
        "DANIEL R. OKAFOR (SBN 287431)",
        "dokafor@whitfieldcrane.example",
        "PRIYA NATARAJAN (SBN 322908)",
        "pnatarajan@whitfieldcrane.example",
        "WHITFIELD & CRANE LLP",
        "101 California Street, 38th Floor",
        "San Francisco, California 94111",
        "Telephone: (415) 555-0187",
        "",
        "Attorneys for Defendant STREAMLINE SOCIAL, INC.",
    ),
    court=_COURT,
    left=_PARTIES,
    right=(
        f"Case No. {CASE_NO}-ABC",
        "",
        "*DEFENDANT STREAMLINE SOCIAL, INC.'S ANSWER TO COMPLAINT",
        "",
        "*DEMAND FOR JURY TRIAL",
        "",
        "Judge: Hon. Anne B. Castillo",
    ),
)

_ANSWER = """
- Defendant Streamline Social, Inc. ("Streamline") answers the Complaint of Plaintiff Jane Doe as
  follows. Except as expressly admitted below, Streamline denies each and every allegation of the
  Complaint, including any allegations in its headings, footnotes, and prayer for relief.
= RESPONSES TO THE NUMBERED ALLEGATIONS
P Answering Paragraph 1, Streamline denies the allegations.
P Answering Paragraph 2, Streamline admits that it operates the Platform and that advertising is
  a source of its revenue. Streamline denies the remaining allegations.
P Answering Paragraphs 3 through 5, Streamline lacks knowledge or information sufficient to form
  a belief about the truth of the allegations concerning Plaintiff's dealings with third parties,
  and on that basis denies them. Streamline denies the remaining allegations.
P Answering Paragraph 6, Streamline states that the paragraph contains legal conclusions to which
  no response is required. To the extent a response is required, Streamline denies them.
P Answering Paragraph 7, Streamline lacks knowledge or information sufficient to form a belief
  about the truth of the allegations, and on that basis denies them.
P Answering Paragraph 8, Streamline admits the allegations.
P Answering Paragraphs 9 through 13, Streamline states that these paragraphs contain legal
  conclusions to which no response is required. For purposes of this action only, Streamline does
  not contest personal jurisdiction or venue in this District.
P Answering Paragraphs 14 through 16, Streamline admits that it launched the Platform in 2016,
  that the Platform offers a personalized "For You" feed, and that Streamline displays advertising
  on the Platform. Streamline denies Plaintiff's characterization of its recommendation system and
  denies the remaining allegations.
P Answering Paragraph 17, Streamline states that its public filings speak for themselves and
  denies any allegation inconsistent with them.
P Answering Paragraph 18, Streamline admits that it operates a program called Streamline Boost and
  denies the remaining allegations.
P Answering Paragraph 19, Streamline admits that Paragraph 19 quotes a prior version of Section
  4.2 of its Terms of Service and states that the Terms speak for themselves.
P Answering Paragraphs 20 through 23, Streamline denies the allegations, and specifically denies
  that it designed its moderation practices to minimize cost rather than to protect children.
P Answering Paragraphs 24 through 30, Streamline lacks knowledge or information sufficient to form
  a belief about the truth of the allegations concerning third parties, and on that basis denies
  them. Streamline denies that it knew of the posts before March 3, 2023.
P Answering Paragraphs 31 and 32, Streamline admits that on or about March 3, 2023, it received a
  user report concerning two posts and assigned it the report number SR-0419-2281.
P Answering Paragraphs 33 through 35, Streamline admits that it sent the emails attached to the
  Complaint as Exhibit B and states that those emails speak for themselves. Streamline denies the
  remaining allegations.
P Answering Paragraphs 36 and 37, Streamline denies the allegations.
P Answering Paragraph 38, Streamline admits that on March 11, 2023, it received a request from a
  law-enforcement agency and removed the posts and suspended the associated accounts the same day.
P Answering Paragraphs 39 through 42, Streamline denies the allegations directed at it and
  otherwise lacks knowledge or information sufficient to form a belief about their truth.
P Answering Paragraphs 43 through 59, Streamline incorporates its responses above, states that
  these paragraphs contain legal conclusions to which no response is required, and, to the extent
  a response is required, denies the allegations.
P Streamline denies that Plaintiff is entitled to any of the relief requested in the Prayer for
  Relief, or to any relief at all.
= AFFIRMATIVE DEFENSES
- Without assuming any burden of proof that it would not otherwise bear, Streamline asserts the
  following defenses.
# FIRST AFFIRMATIVE DEFENSE | (Communications Decency Act, 47 U.S.C. § 230)
P Plaintiff's claims are barred, in whole or in part, by 47 U.S.C. § 230(c)(1), because they seek
  to treat Streamline as the publisher of information provided by another information content
  provider.
# SECOND AFFIRMATIVE DEFENSE | (Failure to State a Claim)
P The Complaint fails to state a claim upon which relief can be granted, including because it
  does not plausibly allege that Streamline participated in a venture or knowingly benefited from
  one.
# THIRD AFFIRMATIVE DEFENSE | (Superseding Cause)
P Any injury to Plaintiff was caused by the criminal acts of third parties over whom Streamline
  had no control, and those acts were a superseding cause of Plaintiff's alleged injuries.
# FOURTH AFFIRMATIVE DEFENSE | (Reservation of Rights)
P Streamline reserves the right to assert additional defenses as discovery proceeds.
= PRAYER FOR RELIEF
- WHEREFORE, Streamline prays for judgment as follows:
* That Plaintiff take nothing by the Complaint;
* That the Complaint be dismissed with prejudice;
* For costs of suit incurred herein; and
* For such other relief as the Court deems just and proper.
= DEMAND FOR JURY TRIAL
- Streamline demands a trial by jury on all issues so triable.
"""

_DEFENSE_SIGNATURE = (
    "WHITFIELD & CRANE LLP",
    "",
    "By: /s/ Daniel R. Okafor",
    "Daniel R. Okafor",
    "Priya Natarajan",
    "Attorneys for Defendant",
    "STREAMLINE SOCIAL, INC.",
)

# The exhibit, an e-mail chain printed to PDF, newest first. "! " print header, "@ " From | Sent |
# To | Subject, "- " a paragraph of the message body.
_HEADERS = ("From:", "Sent:", "To:", "Subject:")
_SAFETY = "Streamline Safety <safety-noreply@streamline.example>"
_MOTHER = "M. Doe <mdoe.family@mail.example>"
_FOOTER = (
    "- Streamline Social, Inc., 1 Harbor View Plaza, San Francisco, CA 94105. This mailbox is not "
    "monitored. Please do not reply with personal information unless asked."
)
_EXHIBIT = f"""
! RE: Your report SR-0419-2281
! 4 messages
@ {_SAFETY} | Thursday, March 9, 2023 4:12 PM | {_MOTHER} | RE: Your report SR-0419-2281
- Hello,
- Thank you for following up. We have reviewed the reported content again and have determined
  that it does not violate our Community Guidelines. No further action will be taken on this
  report.
- We understand this may be disappointing. If you continue to see content that concerns you, you
  can block the account or adjust your feed preferences in Settings.
- Streamline Trust & Safety
{_FOOTER}
@ {_MOTHER} | Monday, March 6, 2023 7:48 PM | {_SAFETY} | RE: Your report SR-0419-2281
- I am writing again about report SR-0419-2281. The girl in these videos is my daughter. She was
  fifteen when they were made, and she made them because someone online threatened her. One of
  the posts names her school.
- I have attached a photo of her student ID card, as your form asked. Please take these posts
  down. Every day they stay up, more kids at her school see them.
- M. Doe
@ {_SAFETY} | Monday, March 6, 2023 11:03 AM | {_MOTHER} | RE: Your report SR-0419-2281
- Hello,
- Thanks for reaching out. We've reviewed the reported content and have not found a violation of
  our policies at this time, so no action will be taken.
- If you believe we made a mistake, you can reply to this message with more information.
- Streamline Trust & Safety
{_FOOTER}
@ {_SAFETY} | Friday, March 3, 2023 9:27 PM | {_MOTHER} | Your report SR-0419-2281
- Thank you for your report. We have received it and will review it as soon as possible.
- Report number: SR-0419-2281
- Category: Child sexual exploitation
- Reported posts: [REDACTED]
- Description you provided: The person in these videos is 15. She was threatened into making
  them. One of the posts says the name of her school. Please remove them.
- Reports in this category are prioritized for urgent review. You will receive an e-mail when we
  have made a decision.
{_FOOTER}
"""


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


class _Sheet:
    """Plain pages (exhibits): Helvetica lines flowing down from the top margin."""

    def __init__(self, writer: PdfWriter) -> None:
        self.w = writer
        self.pages: list[_Page] = [_Page()]
        self.y: float | None = None

    def line(self, x: float, s: str, size: float = 10.5, bold: bool = False, gap: float = 0) -> int:
        y = 72.0 if self.y is None else self.y + size * 4 / 3 + gap
        if y > 720:
            self.pages.append(_Page())
            y = 72.0
        self.y = y
        self.pages[-1].texts.append((x, y, s, size, bold))
        return len(self.pages)

    def paragraph(self, text: str, gap: float = 6) -> tuple[int, int]:
        toks = [(t, 0) for t in text.split()]
        rows = _wrap(
            toks,
            lambda t: self.w.text_width(t[0], 10.5, font="Helvetica"),
            self.w.text_width(" ", 10.5, font="Helvetica"),
            (72, 72, 540),
        )
        pages = [
            self.line(x, " ".join(t[0] for t in row), gap=gap * (i == 0))
            for i, (x, row) in enumerate(rows)
        ]
        return pages[0], pages[-1]

    def headers(self, values: list[str]) -> tuple[int, int]:
        first = self.line(72, "From:", bold=True, gap=18)
        self.pages[-1].rules.append((72, (self.y or 0) - 16, 540, (self.y or 0) - 16))
        for label, value in zip(_HEADERS, values, strict=True):
            if label != "From:":
                self.line(72, label, bold=True)
            self.pages[-1].texts.append((130, self.y or 0, value, 10.5, False))
        return first, len(self.pages)


def _helvetica(w: PdfWriter, x: float, y: float, s: str, size: float, align: str = "") -> None:
    """Helvetica text at x, or centered on the page (align="c"), or ending at x (align="r")."""
    width = w.text_width(s, size, font="Helvetica") if align else 0
    x = (612 - width) / 2 if align == "c" else x - width
    w.text(x, y, s, size, font="Helvetica")


def _exhibit_layout(sheet: _Sheet, title: str) -> list[TruthParagraph]:
    """Flow the e-mail chain onto the sheet; truth pages count the cover page as page 1."""
    truth = [TruthParagraph(None, "heading", title, None, None, 1, 1)]
    for line in _logical_lines(_EXHIBIT):
        tag, _, text = line.partition(" ")
        if tag == "!":
            first = sheet.y is None
            pages = (sheet.line(72, text, 14 if first else 10, bold=first),) * 2
        elif tag == "@":
            values = text.split(" | ")
            pages = sheet.headers(values)
            text = " ".join(f"{k} {v}" for k, v in zip(_HEADERS, values, strict=True))
        else:
            text = _smarten(text.replace(" [REDACTED]", ""))
            pages = sheet.paragraph(text)
            if text == "Reported posts:":
                sheet.pages[-1].rules.append((-1, sheet.y or 0, 0, 0))  # a redaction box
        truth.append(TruthParagraph(None, "text", text, None, None, pages[0] + 1, pages[1] + 1))
    return truth


def _write_exhibit(path: Path, filing: _Filing, bates: int) -> SampleFile:
    """A cover page, then the e-mail chain: ECF stamp on every page, a Bates number below."""
    w = PdfWriter()
    sheet = _Sheet(w)
    truth = _exhibit_layout(sheet, filing.title)
    total = len(sheet.pages) + 1
    for n, page in enumerate([None, *sheet.pages], 1):
        w.new_page()
        _helvetica(w, 0, STAMP_Y, filing.stamp(n, total), 10, align="c")
        if page is None:
            w.text((612 - w.text_width(filing.title, 28, True)) / 2, 396, filing.title, 28, True)
            continue
        for x, y, s, size, bold in page.texts:
            w.text(x, y, s, size, bold, font="Helvetica")
        for x0, y0, x1, y1 in page.rules:
            if x0 < 0:
                w.rect(150, y0 - 9, 290, y0 + 3, fill=True)
            else:
                w.line(x0, y0, x1, y1, 0.5)
        _helvetica(w, 540, 770, f"STREAMLINE-{bates + n - 2:06d}", 10, align="r")
    w.set_metadata({"title": "Exhibit B", "creator": "reviewer sample generator"})
    w.save(path)
    return SampleFile(path, "exhibit", filing.title, total, tuple(truth))


def write_demo_filings(dest_dir: Path) -> list[SampleFile]:
    """Write the demo matter (complaint, exhibit B, answer) into dest_dir; -> files and truth."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    complaint = _Filing(CASE_NO, "ABC", "1", "01/21/25", "COMPLAINT")
    answer = _Filing(CASE_NO, "ABC", "18", "03/24/25", "ANSWER TO COMPLAINT")
    exhibit = _Filing(CASE_NO, "ABC", "1-2", "01/21/25", "EXHIBIT B")
    return [
        _write_pleading(
            dest_dir / "complaint.pdf",
            complaint,
            _COMPLAINT_CAPTION,
            _parse(_COMPLAINT),
            _PLAINTIFF_SIGNATURE,
        ),
        _write_exhibit(dest_dir / "complaint-exhibit-b.pdf", exhibit, 123),
        _write_pleading(
            dest_dir / "answer.pdf", answer, _ANSWER_CAPTION, _parse(_ANSWER), _DEFENSE_SIGNATURE
        ),
    ]


# --- Synthetic complaints: seeded, any length ----------------------------------------------


def _pipe(s: str) -> tuple[str, ...]:
    """A vocabulary written compactly as "a|b|c"."""
    return tuple(s.split("|"))


_SUBJECTS = _pipe(
    "Defendant|Plaintiff|Defendant's employees|The Platform|Defendant's moderators|Defendant's "
    "executives|The reporting system|Defendant's agents|The recommendation system|Third parties"
)
_VERBS = _pipe(
    "knew of|failed to remove|received notice of|continued to promote|reviewed|profited from|"
    "ignored|recommended|disregarded|documented|concealed|had been warned about"
)
_OBJECTS = _pipe(
    "the reported material|the accounts at issue|repeated user reports|the risks to minors|its own "
    "written policies|the advertising revenue|the notices described above|the complaints of users|"
    "the 'safety' features|the internal audit findings|the escalation queue|the retention rules"
)
_TAILS = _pipe(
    "||| on or about {date}| despite repeated warnings| for at least {n} days| in violation of its "
    "stated policies| as alleged in Paragraph {p} above| without explanation| on information and "
    "belief| -- and did nothing| (see 18 U.S.C. § {sec})| at its headquarters in {city}"
)
_CITIES = _pipe("San Francisco|Oakland|San Jose|Sacramento|Palo Alto|Los Angeles")
_TITLES = _pipe(
    "NATURE OF THE ACTION|PARTIES|JURISDICTION AND VENUE|FACTUAL ALLEGATIONS|DEFENDANT'S BUSINESS "
    "MODEL|THE REPORTING SYSTEM|NOTICE TO DEFENDANT|DAMAGES|TOLLING AND CONCEALMENT"
)
_SUBTITLES = _pipe(
    "The Platform|Defendant's Policies|The Reports|Defendant's Response|The Advertising Program|"
    "Internal Warnings|Plaintiff's Injuries|The Recommendation System"
)
_CLAIMS = _pipe(
    "Negligence|Unjust Enrichment|Breach of Contract|Fraudulent Concealment|Violation of Cal. Bus. "
    "& Prof. Code § 17200|Intentional Infliction of Emotional Distress|Violation of 18 U.S.C. "
    "§§ 1591, 1595|Negligent Misrepresentation|Declaratory Relief, 28 U.S.C. § 2201"
)
_ORDINALS = "FIRST SECOND THIRD FOURTH FIFTH SIXTH SEVENTH EIGHTH NINTH TENTH ELEVENTH TWELFTH"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"))
_ROMAN += ((40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    out = ""
    for value, digits in _ROMAN:
        while n >= value:
            out, n = out + digits, n - value
    return out


def _sentence(rng: random.Random, para: int) -> str:
    tail = rng.choice(_TAILS).format(
        date=f"{rng.choice(_MONTHS.split())} {rng.randint(1, 28)}, {rng.randint(2015, 2024)}",
        n=rng.randint(2, 90),
        p=rng.randint(1, max(1, para - 1)),
        sec=rng.choice(("1591", "1595(a)", "2255", "2252A(a)(2)")),
        city=rng.choice(_CITIES),
    )
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}{tail}."


def _synthetic_paragraph(rng: random.Random, para: int) -> _Block:
    n = rng.randint(8, 16) if rng.random() < 0.08 else rng.randint(1, 5)
    b = _Block("numbered", [("body", " ".join(_sentence(rng, para) for _ in range(n)))])
    roll = rng.random()
    if roll < 0.04:
        b.parts[0] = ("body", b.parts[0][1] + " The policy provides:")
        b.parts.append(("quote", '"' + " ".join(_sentence(rng, para) for _ in range(3)) + '"'))
        if rng.random() < 0.5:
            b.parts.append(("body", _sentence(rng, para)))
    elif roll < 0.07:
        b.parts[0] = ("body", b.parts[0][1] + " Among other things:")
        for letter in "abcd"[: rng.randint(2, 4)]:
            b.parts.append(("item", f"({letter}) {_sentence(rng, para)[:-1].lower()};"))
    if rng.random() < 0.05:
        body = b.parts[0][1]
        b.parts[0] = ("body", body + _MARK)
        b.notes.append(f"See {_sentence(rng, para)} Id. at {rng.randint(2, 99)}.")
    return b


def _synthetic_blocks(rng: random.Random, paragraphs: int) -> list[_Block]:
    counts = 0 if paragraphs < 4 else rng.randint(1, min(12, paragraphs // 4))
    sizes = [1] * counts
    for _ in range(max(0, paragraphs * 3 // 10 - counts)):
        sizes[rng.randrange(counts)] += 1
    facts = paragraphs - sum(sizes)
    roman = rng.random() < 0.5
    blocks = [_Block("text", [("body", "Plaintiff alleges as follows:")])]
    para, next_heading, sub = 0, 0, 0
    while para < facts:
        if para == next_heading:
            title = _TITLES[len(blocks) % len(_TITLES)]
            blocks.append(_Block("heading", [("line", title)]))
            next_heading, sub = para + rng.randint(6, 30), 0
        elif rng.random() < 0.06:
            sub += 1
            blocks.append(
                _Block(
                    "subheading", [("line", f"{chr(64 + min(sub, 26))}. {rng.choice(_SUBTITLES)}")]
                )
            )
        para += 1
        blocks.append(_synthetic_paragraph(rng, para))
    blocks.append(_Block("heading", [("line", "CLAIMS FOR RELIEF")]))
    for i, size in enumerate(sizes, 1):
        name = f"COUNT {_roman(i)}" if roman else f"{_ORDINALS.split()[i - 1]} CAUSE OF ACTION"
        lines = [name, rng.choice(_CLAIMS), "(Against All Defendants)"]
        blocks.append(_Block("count", [("line", s) for s in lines]))
        for _ in range(size):
            para += 1
            blocks.append(_synthetic_paragraph(rng, para))
    blocks += _parse("= PRAYER FOR RELIEF\n- WHEREFORE, Plaintiff prays for relief as follows:")
    blocks += [_Block("prayer", [("body", _sentence(rng, para))]) for _ in range(rng.randint(3, 7))]
    blocks += _parse("= DEMAND FOR JURY TRIAL\n- Plaintiff demands a trial by jury.")
    return blocks


def write_synthetic_complaint(path: Path, paragraphs: int, seed: int = 0) -> SampleFile:
    """A deterministic complaint with exactly ``paragraphs`` numbered paragraphs."""
    rng = random.Random(seed)
    case = f"{rng.randint(1, 5)}:{rng.randint(18, 25)}-cv-{rng.randint(0, 9999):05d}"
    filed = f"{rng.randint(1, 12):02d}/{rng.randint(1, 28):02d}/{case[2:4]}"
    filing = _Filing(case, rng.choice(("JST", "EMC", "WHA", "LB")), "1", filed, "COMPLAINT")
    caption = _Caption(
        counsel=(
            "A. SAMPLE ATTORNEY (SBN 100001)",
            "SAMPLE LAW LLP",
            "1 Example Street",
            "Example City, California 90000",
            "",
            "Attorneys for Plaintiff",
        ),
        court=_COURT[:2],
        left=(
            "JOHN ROE,",
            "",
            "\tPlaintiff,",
            "",
            "\tv.",
            "",
            "EXAMPLE PLATFORM, INC.,",
            "",
            "\tDefendant.",
        ),
        right=(f"Case No. {case}", "", "*COMPLAINT", "", "*DEMAND FOR JURY TRIAL"),
    )
    blocks = _synthetic_blocks(rng, paragraphs)
    return _write_pleading(
        Path(path),
        filing,
        caption,
        blocks,
        ("SAMPLE LAW LLP", "", "By: /s/ A. Sample Attorney", "Attorneys for Plaintiff"),
    )


# --- Broken and awkward files ---------------------------------------------------------------


def _zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (PyMuPDF refuses to save one)."""
    objs = (b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>")
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _text_page(w: PdfWriter, lines: Iterable[str], size: float = 12) -> None:
    w.new_page()
    for i, s in enumerate(lines):
        w.text(LEFT_X, 96 + i * 18, s, size)


def _save_broken(w: PdfWriter, path: Path, how: str) -> None:
    order = ("ORDER GRANTING MOTION TO DISMISS", "", "The motion is GRANTED with leave to amend.")
    if how == "truncated":
        for _ in range(3):
            _text_page(w, order * 10)
        # Object streams keep the page tree at the end of the file: the cut half has no pages.
        w.save(path, compact=True)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "encrypted":
        _text_page(w, order)
        w.save(path, password="reviewer-sample")
    elif how == "image_only":
        scan = PdfWriter()
        _text_page(scan, (*order, "Dated: March 24, 2025"), size=16)
        png = scan.page_png(0, dpi=100)
        scan.close()
        w.insert_image_page(png)
        w.save(path)
    else:  # garbage_text
        rng = random.Random(7)
        chars = [
            rng.choice((rng.randrange(0xE000, 0xF8FF), rng.randrange(1, 31))) for _ in range(1800)
        ]
        _text_page(w, ["".join(map(chr, chars[i : i + 60])) for i in range(0, 1800, 60)])
        w.save(path)


def write_bad_files(dest_dir: Path) -> dict[str, Path]:
    """Files an import must survive. ``read_pdf`` raises BadFileError for not_pdf, empty,
    truncated, encrypted and zero_pages; image_only has no text layer; garbage_text has one made of
    control and private-use characters."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    names = _pipe("not_pdf|empty|truncated|encrypted|image_only|garbage_text|zero_pages")
    paths = {k: dest / f"{k}.pdf" for k in names}
    paths["not_pdf"].write_text("Meeting notes, saved with the wrong extension.\n" * 20)
    paths["empty"].write_bytes(b"")
    paths["zero_pages"].write_bytes(_zero_page_pdf())
    for how in ("truncated", "encrypted", "image_only", "garbage_text"):
        _save_broken(PdfWriter(), paths[how], how)
    return paths
