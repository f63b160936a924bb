"""The caption of a filing as a record: court, case number, parties, case name and the
document's own title, read by structure from the first page's positioned rows.

A pleading caption has a court line (``UNITED STATES DISTRICT COURT`` and its district), a
parties column (plaintiffs, ``v.`` / ``vs.`` / ``-against-``, defendants, each closed by its
label ``Plaintiff,`` / ``Defendants.``), and a second column (beyond a ``)`` column, a box or
a gap) holding the case number and the title. Filings without a caption (exhibits, bare
declarations) are read from their first heading. Nothing here knows a file, firm or court.
Pure functions over ``layout.CleanPage``; no I/O.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from reviewer.core.ingest import courts
from reviewer.core.ingest.layout import CleanPage, EcfStamp, Row
from reviewer.core.ingest.parties import ROLE, ROLE_LABEL, case_name, clean, names, upper_share

_COURT_HEAD = re.compile(
    r"\b(?:UNITED\s+STATE\w*\s+(?:DISTRICT|BANKRUPTCY)\s+COURT|SUPERIOR\s+COURT|"
    r"COURT\s+OF\s+[A-Z' ]+|DISTRICT\s+COURT|CIRCUIT\s+COURT|SUPREME\s+COURT)\b",
    re.I,
)
_CASE_LABEL = re.compile(
    r"(?:Case|Civil\s+Action|Docket|Adv\.\s*Pro\.?|Misc\.?|Civil)?\s*(?:No|Number|#)\s*[.:]*\s*:?",
    re.I,
)
_CASE_NO = re.compile(
    r"(?P<num>(?:\d{1,2}\s*[:-]\s*)?\d{2}\s*-\s*[a-z]{2,3}\s*-\s*[\d_]{1,6}|"
    r"(?:[A-Z]{0,2}(?:CV|CR|MC|MJ))\s*-?\s*\d{2}\s*-\s*\d{1,5}|"
    r"\d{2,4}-\d{2,5}(?:-\d{1,8})?(?:-[A-Z]{2,4})*)",
    re.I,
)
_CASE_LINE = re.compile(r"\b(?:Case|Civil\s+Action|Docket)\s+No\b", re.I)
_STATE_WORD = re.compile(r"\b(?:STATE|COMMONWEALTH|" + "|".join(courts.STATES).upper() + r")\b")
_VERSUS = re.compile(r"^\s*(?:v\.?|vs\.?|versus|-?\s*against\s*-?)\s*$", re.I)
_VERSUS_TAIL = re.compile(r"\s(?:v\.|vs\.?)\s*$", re.I)
_DEFENSE_ROLE = re.compile(
    r"^\s*(?:Third[- ]Party\s+)?(?:Defendants?|Respondents?|Appellees?|Employer|Debtors?)"
    r"(?:[/ ,]+[\w -]*)?[.,;]?\s*$",
    re.I,
)
_NOT_TITLE = re.compile(
    r"^(?:Date|Time|Dept|Ctrm|Courtroom|Judge|Hearing|Location|Place|Trial\b|Action Filed|"
    r"Filed|Complaint Filed|Place|Hon\.?|Honorable|Before|Assigned|Chapter|Re:|\[Hon|"
    r"(?:Final )?Pretrial Conference:|Fact Discovery|Magistrate)|"
    r"REDACTED|SEALED|UNDER SEAL|JURY|DEMAND|Case No|^NO\.|Docket No|State File|Adv\. Pro|"
    r"District Judge|Judge:",
    re.I,
)


@dataclass(slots=True)
class Caption:
    """What a filing's first page says about itself (None where it does not say)."""

    court: str | None = None  # Bluebook abbreviation: ``N.D. Cal.``
    court_name: str | None = None  # as printed, in title case
    case_no: str | None = None  # normalised: ``3:22-cv-00990``
    case_no_printed: str | None = None
    case_name: str | None = None
    plaintiffs: list[str] = field(default_factory=list)
    defendants: list[str] = field(default_factory=list)
    title: str | None = None
    filed: str | None = None
    docket: str | None = None
    has_caption: bool = False
    cover: str | None = None  # the words of a cover sheet before the caption (``EXHIBIT A``)
    headings: list[str] = field(default_factory=list)  # a form's short capitalised labels

    def parties(self) -> dict[str, list[str]]:
        return {"plaintiffs": self.plaintiffs, "defendants": self.defendants}


@dataclass(slots=True)
class _Cell:
    text: str
    x0: float
    x1: float
    y0: float
    bold: bool


@dataclass(slots=True)
class _Row:
    cells: list[_Cell]
    x0: float
    x1: float
    bold: bool

    @property
    def text(self) -> str:
        return " ".join(c.text for c in self.cells)


def _cell_rows(rows: Sequence[Row]) -> list[_Row]:
    """The page's text regrouped by baseline without furniture a caption never holds:
    sideways text (tall boxes, letters spaced out) and pleading-paper margin numbers."""
    cells = []
    for r in rows:
        for p in r.parts:
            t = clean(p.text)
            tall = (p.y1 - p.y0) > max(3 * (p.x1 - p.x0), 30)
            if not t or tall or re.fullmatch(r"(?:\S ){5,}\S.*", t):
                continue
            if re.fullmatch(r"\d{1,2}", t) and p.x1 < 100:
                continue
            cells.append((p.y0, p.y1, _Cell(t, p.x0, p.x1, p.y0, p.bold)))
    cells.sort(key=lambda c: ((c[0] + c[1]) / 2, c[2].x0))
    out: list[_Row] = []
    last = -1e9
    for y0, y1, cell in cells:
        cy = (y0 + y1) / 2
        if out and abs(cy - last) < 0.35 * max(y1 - y0, 6):
            out[-1].cells.append(cell)
        else:
            out.append(_Row([cell], 0, 0, False))
            last = cy
    for row in out:
        row.cells.sort(key=lambda c: c.x0)
        row.x0, row.x1 = row.cells[0].x0, max(c.x1 for c in row.cells)
        row.bold = all(c.bold for c in row.cells)
    return out


def _court_rows(rows: Sequence[_Row], width: float) -> tuple[int, int] | None:
    """The index range of the court lines (the court and its district/county/division)."""
    for i, r in enumerate(rows):
        for p in r.cells:
            t = p.text
            # the court line stands alone (centred or at the left margin), in capitals or bold
            if _COURT_HEAD.search(t) and len(t) < 80 and not t.endswith((".", ",")):
                if not (upper_share(t) > 0.8 or p.bold) or re.match(r"CLERK", t, re.I):
                    continue
                if p.x0 < width * 0.08 or p.x0 > width * 0.5:  # margin banner, filing stamp
                    continue
                start = i
                if (
                    i
                    and upper_share(rows[i - 1].text) > 0.9
                    and _STATE_WORD.search(rows[i - 1].text)
                ):
                    start = i - 1  # "TENNESSEE BUREAU OF …" above "IN THE COURT OF …"
                j = i + 1
                while j < len(rows) and j <= i + 3 and _is_court_line(rows[j].text):
                    j += 1
                return start, j
    return None


def _is_court_line(text: str) -> bool:
    t = clean(text)
    return bool(
        re.match(
            r"^(?:FOR\s+THE\s+|IN\s+AND\s+FOR\s+(?:THE\s+)?)?(?:\w+\s+)?DISTRICT\s+OF\b", t, re.I
        )
        or re.match(r"^(?:FOR\s+THE\s+|IN\s+AND\s+FOR\s+THE\s+)?COUNTY\s+OF\b", t, re.I)
        or re.match(r"^[A-Z ]+\s+DIVISION$", t)
        or re.match(r"^(?:AT|SITTING AT)\s+[A-Z]+$", t)
        or re.match(r"^(?:IN\s+THE\s+)?COURT\s+OF\b", t, re.I)
    )


def read_caption(pages: Sequence[CleanPage]) -> Caption:
    """The caption of a document from its first pages (a cover sheet is skipped)."""
    cap = Caption()
    stamp = next((p.ecf for p in pages if p.ecf), None)
    usable = [(p, _cell_rows(p.rows)) for p in pages[:3] if p.rows]
    for n, (page, rows) in enumerate(usable[:2]):
        span = _court_rows(rows, page.width)
        if span is not None:
            if n:
                cap.cover = clean(" ".join(r.text for r in usable[0][1][:4]))
            more = usable[n + 1][1] if n + 1 < len(usable) else []
            _read_captioned(cap, page.width, rows, span, more)
            cap.headings = [
                c.text for r in rows[:60] for c in r.cells
                if len(c.text.split()) <= 4 and upper_share(c.text) > 0.9 and _wordy(c.text)
                and c.x0 < page.width * 0.12
            ]  # fmt: skip
            break
    else:
        if usable:
            first = usable[0][1]
            cap.headings = [
                c.text for r in first[:40] for c in r.cells
                if len(c.text.split()) <= 4 and upper_share(c.text) > 0.9 and _wordy(c.text)
            ]  # fmt: skip
            cap.title = _first_heading(first)
            if len(first) <= 6 and cap.title:  # a slip sheet: "EXHIBIT A", "TAB F"
                cap.cover = clean(" ".join(r.text for r in first[:4]))
    _finish(cap, stamp)
    return cap


def _finish(cap: Caption, stamp: EcfStamp | None) -> None:
    if stamp is not None:
        cap.filed = stamp.filed
        cap.docket = stamp.doc_no
        normal = normalise_case_no(stamp.case_no)
        cap.case_no = normal or cap.case_no
        cap.case_no_printed = cap.case_no_printed or stamp.case_no
    if cap.plaintiffs or cap.defendants:
        cap.case_name = case_name(cap.plaintiffs, cap.defendants)


def _split_x(rows: Sequence[_Row], width: float) -> float:
    """Where the caption's second column starts: the ``)`` column, else the left edge most
    cells right of centre share (the title's and the case number's)."""
    parens = [c.x0 for row in rows for c in row.cells if set(c.text) <= {")", ":", "|"}]
    if len(parens) >= 3:
        return sorted(parens)[len(parens) // 2] - 2
    rights = Counter(round(c.x0 / 6) for row in rows for c in row.cells if c.x0 > width * 0.45)
    shared = sorted(b for b, n in rights.items() if n >= 2)
    if shared:
        return shared[0] * 6 - 6.0
    return width * 0.55


def _read_captioned(
    cap: Caption, width: float, rows: list[_Row], span: tuple[int, int], more: list[_Row]
) -> None:
    cap.has_caption = True
    cap.court_name, cap.court = courts.from_lines([r.text for r in rows[span[0] : span[1]]])
    rows = [r for r in rows[span[1] :] if not re.match(r"^BEFORE\b", r.text)]
    end = _caption_end(rows, width)
    form = next((i for i, r in enumerate(rows[:10]) if r.cells[0].text == "Title"), None)
    if form is not None:  # a minutes form: "Case No. … Date …" and "Title  A v. B"
        end = max(end, form + 1)
    if end >= len(rows) - 1 and more:  # the caption runs on to the next page
        rows = [*rows, *more]
        end = _caption_end(rows, width)
    block = rows[:end]
    split = _split_x(block, width)
    left: list[str] = []
    right: list[str] = []
    for row in block:
        cells = [c for c in row.cells if not set(c.text) <= {")", "|"}]
        if form is not None and row is not block[form]:
            right.append(clean(" ".join(c.text for c in cells)))
            continue
        if cells and re.fullmatch(r"Title", cells[0].text) and " v. " in row.text:
            left.extend(clean(" ".join(c.text for c in cells[1:])).split(" v. ", 1)[:1])
            left.append("v.")
            left.append(clean(" ".join(c.text for c in cells[1:])).split(" v. ", 1)[1])
            continue
        lparts = [c.text.strip("_ )") for c in cells if c.x0 < split]
        rparts = [c.text.strip("_ )") for c in cells if c.x0 >= split]
        ltext = " ".join(lparts)
        m = re.search(r"\b(?:Case|Civil Action|Docket)\s+No\b.*$", ltext, re.I)
        if m and m.start() > 0:  # one text line spanning both columns
            rparts.insert(0, m.group(0))
            ltext = ltext[: m.start()]
        left.append(clean(ltext.rstrip(")")))
        right.append(clean(" ".join(rparts)))
    _case_number(cap, [*right, *left])
    _parties(cap, [t for t in left if not _CASE_LINE.search(t)])
    cap.title = _title(right) or _first_heading_rows(rows[end:], width)
    if (cap.title is None or form is not None) and block:  # a form: title under the court
        cap.title = _first_heading_rows(block[:2], width) or cap.title
    if cap.title is None:  # the title beside the caption but not split off (one column)
        cap.title = _title([r for r in left if upper_share(r) > 0.9 and len(r) > 12][-2:])


def _caption_end(rows: Sequence[_Row], width: float) -> int:
    if rows:  # the body's measure: a scaled page prints narrower than the paper
        width = max(r.x1 for r in rows) - min(r.x0 for r in rows)
    """The number of rows the caption block takes after the court lines: through the last
    role label (``Defendants.``) or ``)`` mark before the body's first full-width line."""
    last = 0
    for i, r in enumerate(rows[:45]):
        text = r.text
        parts = [p.text for p in r.cells]
        if any(ROLE_LABEL.match(p) or re.search(rf"\b{ROLE}[.,]?$", p, re.I) for p in parts) or any(
            set(p) <= {")"} and p for p in parts
        ):
            last = i + 1
        if (
            i >= last
            and len(r.cells) == 1
            and r.x1 - r.x0 > 0.6 * width
            and len(text) > 60
            and upper_share(text) < 0.5
            and re.search(r"[a-z]{3,} [a-z]{3,}", text)
            and not re.match(r"^(?:Date|Time|Hearing|Judge)", text)
        ):
            break
    else:
        if not last:  # no label and no body yet: the caption goes on past this page
            return len(rows)
    return max(last, 1)


def _case_number(cap: Caption, texts: Sequence[str]) -> None:
    # an adversary proceeding's own number wins over its bankruptcy case's
    adversary = [t for t in texts if re.match(r"^Adv(?:\.|ersary)\s*(?:Pro\w*\.?\s*)?No", t, re.I)]
    for i, t in enumerate([*adversary, *texts]):
        lab = re.search(
            r"\b(?:Case|Civil\s+Action|Docket|Bankruptcy\s+Case)?\s*No\.?\s*:?|CASE NO:?", t, re.I
        )
        scan = t[lab.end() :] if lab and re.search(r"\bNo\b|NO:", t, re.I) else t
        if lab and not _CASE_NO.search(scan) and i + 1 < len(texts):
            scan = texts[i + 1]
        m = _CASE_NO.search(scan)
        if m and (lab or re.search(r"\d{1,2}:\d{2}-[a-z]{2}-\d", m["num"], re.I)):
            cap.case_no_printed = clean(
                scan[m.start() :].split("  ")[0].split(" Judge")[0].split(" Hon")[0]
            )
            cap.case_no = normalise_case_no(m["num"]) or m["num"]
            return


def normalise_case_no(text: str) -> str | None:
    """``CV 16-02859 CAS`` -> ``16-cv-02859``; ``5:17-cv-4992-BLF`` -> ``5:17-cv-04992``;
    a number in another scheme (state, bankruptcy) as printed; None if blank (``1:21-cv-___``)."""
    t = text.strip()
    m = re.search(r"(?:(\d{1,2})\s*[:-]\s*)?(\d{2})\s*-\s*([a-z]{2,3})\s*-\s*(\d{1,6})", t, re.I)
    if m:
        office = f"{int(m[1])}:" if m[1] else ""
        return f"{office}{m[2]}-{m[3].lower()}-{int(m[4]):05d}"
    m = re.search(r"\b[A-Z]{0,2}(CV|CR|MC|MJ)\s*-?\s*(\d{2})\s*-\s*(\d{1,5})", t, re.I)
    if m:
        return f"{m[2]}-{m[1].lower()}-{int(m[3]):05d}"
    if "_" in t or not re.search(r"\d", t):
        return None
    m = _CASE_NO.search(t)
    return m["num"] if m else None


def _parties(cap: Caption, left: Sequence[str]) -> None:
    """Plaintiffs before ``v.``, defendants after it; ``In re`` captions name the matter."""
    before: list[str] = []
    after: list[str] = []
    side = before
    for text in left:
        if not text:
            continue
        if _VERSUS.match(text):
            side = after
            continue
        if _VERSUS_TAIL.search(text) and side is before:
            before.append(_VERSUS_TAIL.sub("", text))
            side = after
            continue
        if side is after and after and ROLE_LABEL.match(text) and _DEFENSE_ROLE.match(text):
            break
        side.append(text)
    plaintiffs = names(before)
    defendants = names(after)
    if not defendants and plaintiffs and re.match(r"^\s*In\s+re\b", " ".join(before), re.I):
        cap.plaintiffs = plaintiffs
        return
    if before and re.match(r"^\s*In\s+re\b", before[0], re.I) and after:
        # a bankruptcy adversary: "In re X, Debtor." then "X, Plaintiff, v. Y"
        idx = next((i for i, t in enumerate(before) if re.search(r"\bDebtors?\.$", t)), None)
        if idx is not None and idx + 1 < len(before):
            plaintiffs = names(before[idx + 1 :])
    cap.plaintiffs, cap.defendants = plaintiffs, defendants


def _title(lines: Sequence[str]) -> str | None:
    """The document's title from the caption's second column: its run of capitals."""
    picked: list[str] = []
    for t in lines:
        t = re.sub(
            r"^(?:PUBLICLY\s+FILED\s+)?REDACTED\s+(?=(?!VERSION|PUBLIC|-)\w)", "REDACTED ", t
        )
        if not t or (not picked and not _wordy(t)):
            continue
        if (_NOT_TITLE.search(t) and not t.startswith("REDACTED ")) or _is_number_line(t):
            if picked:
                break
            continue
        if upper_share(t) >= 0.75 and re.search(r"[A-Z]{2}", t):
            picked.append(t)
        elif picked:
            break
    return clean(" ".join(picked)) if picked else None


def _wordy(text: str) -> bool:
    """Words, not glyph garbage or a bare number: most of its characters are letters."""
    chars = text.replace(" ", "")
    return bool(re.search(r"[A-Za-z]{3,}", text)) and sum(c.isalpha() for c in chars) > 0.6 * len(
        chars
    )


def _is_number_line(text: str) -> bool:
    """A case number or date on its own line (``CV16-08033 AB (FFMx)``), not a title line."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    dated = re.search(r"\b(?:19|20)\d\d\b", text)
    return bool(_CASE_NO.search(text) or dated) and len(words) < 3 and len(text) < 32


def _first_heading_rows(rows: Sequence[_Row], width: float) -> str | None:
    """The title printed below the caption: the first centred or capitalised lines."""
    picked: list[str] = []
    for r in rows[:8]:
        t = clean(r.text)
        if not t:
            continue
        centred = abs((r.x0 + r.x1) / 2 - width / 2) < width * 0.12 and (r.x1 - r.x0) < width * 0.75
        if (centred or r.bold) and (upper_share(t) > 0.6 or r.bold) and not _NOT_TITLE.search(t):
            if not _wordy(t):
                continue
            picked.append(t)
            continue
        if picked or re.match(r"^\d+\.\s", t) or len(t) > 70:
            break
    return clean(" ".join(picked)) if picked else None


def _first_heading(rows: Sequence[_Row]) -> str | None:
    """A page without a caption: its first lines in capitals or bold (``EXHIBIT A``,
    ``DECLARATION OF …``, ``INTERROGATORIES``)."""
    picked: list[str] = []
    for r in rows[:10]:
        t = clean(r.text)
        if not t or re.fullmatch(r"[#:\d\s]+", t):
            continue
        if (upper_share(t) > 0.7 or r.bold) and len(t) < 90 and not re.match(r"^\d+\.\s", t):
            picked.append(t)
            if len(picked) == 3:
                break
            continue
        if picked:
            break
    return clean(" ".join(picked)) if picked else None
