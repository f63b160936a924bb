"""Whole-document blocks found before paragraphs are: the caption on the first page
(counsel, court, parties, title, case number: one ``caption`` unit) and whether the
document is a transcript (numbered 1-25 lines and speaker labels: cited page:line, never ¶).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reviewer.core.ingest.layout import CleanPage, Row
from reviewer.core.ingest.segment.headings import NUM_RE
from reviewer.core.ingest.segment.units import Geometry

_SPEAKER_RE = re.compile(
    r"^(?:THE\s+(?:COURT|WITNESS|CLERK|DEPUTY|REPORTER)|(?:MR|MS|MRS|DR)\.\s+[A-Z'-]{2,}|"
    r"[QA]\.)\s*:?\s",
)
_CAPTION_EVIDENCE = re.compile(
    r"\b(?:case\s+no|civil\s+action|docket|v\.|vs\.?|plaintiffs?|defendants?|petitioners?|"
    r"respondents?|debtors?|court|in\s+re)\b|^\s*\)\s*$",
    re.I,
)
_COURT = re.compile(r"\b(?:COURT|Court)\b")
# a party's role on a line of its own, as the caption's left column ends: "Defendants."
_ROLE = re.compile(
    r"(?:[A-Za-z-]+\s+)?(?:plaintiffs?|defendants?|petitioners?|respondents?|appellants?|"
    r"appellees?|debtors?|claimants?)\s*[.,;]?",
    re.I,
)
_CARRY_ROWS = 15  # rows at the top of the next page where a caption's end is looked for
_LOWER = re.compile(r"[a-z]")


def is_transcript(pages: Sequence[CleanPage]) -> bool:
    """Lines numbered 1-25 down most pages, and speakers named at the start of lines."""
    text_pages = [p for p in pages if p.rows]
    if len(text_pages) < 2:
        return False
    lined = sum(1 for p in text_pages if 23 <= p.margin_max <= 26)
    speakers = sum(1 for p in text_pages for r in p.rows if _SPEAKER_RE.match(r.text))
    return lined >= 0.5 * len(text_pages) and speakers >= 5


def _prose(row: Row, g: Geometry) -> bool:
    """A line of running text: most of the body's width, one piece, mostly lower case."""
    t = row.text.strip()
    words = t.split()
    if len(words) < 7 or len(row.parts) > 2 or row.x1 - row.x0 < 0.6 * g.width:
        return False
    if any(p.text.strip() in (")", "§") for p in row.parts):
        return False
    if any(b.x0 - a.x1 > 10 for a, b in zip(row.parts, row.parts[1:], strict=False)):
        return False  # two columns side by side: parties and case number
    letters = sum(c.isalpha() for c in t)
    return len(_LOWER.findall(t)) > 0.5 * max(letters, 1) and row.x0 < g.left + 0.25 * g.width


def caption_rows(pages: Sequence[CleanPage], g: Geometry) -> list[Row]:
    """The first page's rows above the body (its first line of prose or first numbered
    paragraph), when they read as a caption."""
    # a cover sheet ("EXHIBIT A", "TAB F") before the filing: its caption is on the next page
    with_text = [p for p in pages if p.rows][:2]
    if not with_text:
        return []
    first = with_text[0]
    if len(first.rows) <= 3 and len(with_text) > 1:
        first = with_text[1]
    head: list[Row] = []
    evidence = 0  # counsel's lines read like prose: the body starts after the court's name
    court = False
    columns: Counter[int] = Counter()  # where the caption's right-hand column starts
    for row in first.rows:
        m = NUM_RE.match(row.text.strip())
        if m and row.first_x < g.left + 0.25 * g.width and m.group(2):
            break
        starts = [round(p.x0 / 4) for p in row.parts[1:]]
        in_columns = any(columns[k] + columns[k - 1] + columns[k + 1] >= 2 for k in starts)
        columns.update(starts)
        if evidence >= 2 and court and not in_columns and _prose(row, g):
            break
        evidence += bool(_CAPTION_EVIDENCE.search(row.text))
        court = court or bool(_COURT.search(row.text))
        head.append(row)
    if len(head) == len(first.rows) and len(pages) == 1:
        return []  # a one-page document that is all caption-like is not one
    if len(head) < 3 or evidence < 2:
        return []
    if len(head) == len(first.rows):  # the whole page: the parties may go on over the page
        later = [p for p in pages if p.rows and p.index > first.index]
        head += _carried_over(later[0], g) if later else []
    return head


def _carried_over(page: CleanPage, g: Geometry) -> list[Row]:
    """The top rows of the page after a caption that filled its page, down to the last line
    naming a party's role ("Defendant.") before the body begins; none without one."""
    last = None
    for i, row in enumerate(page.rows[:_CARRY_ROWS]):
        t = row.text.strip()
        m = NUM_RE.match(t)
        if (m and m.group(2)) or _prose(row, g):
            break
        if _ROLE.fullmatch(t):
            last = i
    return list(page.rows[: last + 1]) if last is not None else []
