"""Body rows -> the units of a filing: its caption, headings, the paragraphs its author
numbered (¶ 1 … ¶ N, in one or several lists, under their COUNT headings), prayer items,
natural paragraphs and footnotes.

Pure functions over ``layout.CleanPage``; no I/O. Numbering is found from layout evidence
in every kind of filing (numbers in sequence at a consistent indent, the block they open),
never switched on by the document's kind; only a transcript (lines numbered 1-25, speaker
labels) has no numbered paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from reviewer.core.ingest.layout import CleanPage, Row, body_metrics
from reviewer.core.ingest.segment.blocks import caption_rows, is_transcript
from reviewer.core.ingest.segment.headings import (
    COUNT_RE,
    ENUM_RE,
    JURY_RE,
    NUM_RE,
    PRAYER_RE,
    count_parts,
    is_heading,
)
from reviewer.core.ingest.segment.notes import (
    footnote_paras,
    interleave,
    link_notes,
    split_footnotes,
)
from reviewer.core.ingest.segment.units import Geometry, Para, ends_sentence, join_rows
from reviewer.core.ingest.segment.walker import CLOSE_RE, Walker

__all__ = [
    "CLOSE_RE",
    "COUNT_RE",
    "ENUM_RE",
    "JURY_RE",
    "NUM_RE",
    "PRAYER_RE",
    "Para",
    "count_parts",
    "is_heading",
    "join_rows",
    "segment",
]

_RUN_IN = re.compile(r"\s(\d{1,4})\.\s+(?=[A-Z“\"])")


def segment(
    pages: Sequence[CleanPage], *, numbered: bool | None = None, min_numbered: int = 2
) -> list[Para]:
    """All units of a document, in reading order (footnotes after their page's body).

    ``numbered`` None: decide from the layout (a transcript has no numbered paragraphs).
    A list of fewer than ``min_numbered`` paragraphs is not a list, unless it is the
    document's only one and its paragraph runs over more than one line."""
    left, right, size = body_metrics(pages)
    g = Geometry(left, right, size)
    if numbered is None:
        numbered = not is_transcript(pages)
    walker = Walker(g, numbered)
    caption = caption_rows(pages, g)
    skip = {id(r) for r in caption}
    notes: list[Para] = []
    for page in pages:
        body, foot = split_footnotes(page, g)
        for row in body:
            if id(row) in skip:
                continue
            for part in _split_run_in(row, walker.expected):
                walker.feed(part)
        notes.extend(footnote_paras(foot, notes[-1] if notes else None))
    paras = walker.out
    for no in sorted({p.list_no for p in paras if p.list_no}):
        paras = _detach_closing_text(paras, no, g)
    _keep_real_lists(paras, min_numbered)
    if caption:
        top = (caption[0].page, caption[0].y0)
        at = next((i for i, p in enumerate(paras) if (p.rows[0].page, p.rows[0].y0) > top), None)
        paras.insert(len(paras) if at is None else at, Para("caption", None, list(caption)))
    link_notes(paras, notes)
    return interleave(paras, notes)


def _split_run_in(row: Row, expected: int) -> list[Row]:
    """A COUNT heading whose first paragraph runs in on the same line ("COUNT I … 45.
    Plaintiff …") -> the heading row and the paragraph row."""
    t = row.text.strip()
    if not COUNT_RE.match(t):
        return [row]
    m = next((m for m in _RUN_IN.finditer(t) if int(m.group(1)) == expected), None)
    if m is None:
        return [row]
    for i, part in enumerate(row.parts):
        if i and NUM_RE.match(part.text.strip()) and part.text.strip().startswith(m.group(1)):
            return [_sub_row(row, row.parts[:i]), _sub_row(row, row.parts[i:])]
    head, body = t[: m.start()].strip(), t[m.start() :].strip()
    share = len(head) / max(len(t), 1)
    cut = row.x0 + (row.x1 - row.x0) * share
    return [
        Row(row.page, row.x0, row.y0, cut, row.y1, row.size, row.bold, head, []),
        Row(row.page, cut, row.y0, row.x1, row.y1, row.size, row.bold, body, []),
    ]


def _sub_row(row: Row, parts: list) -> Row:  # type: ignore[type-arg]
    text = " ".join(" ".join(p.text.split()) for p in parts if p.text.strip())
    x0, x1 = min(p.x0 for p in parts), max(p.x1 for p in parts)
    return Row(row.page, x0, row.y0, x1, row.y1, row.size, row.bold, text, list(parts))


def _keep_real_lists(paras: list[Para], min_numbered: int) -> None:
    """Demote lists too short to be an author's numbering; number the rest 1, 2, …"""
    sizes = Counter(p.list_no or 0 for p in paras if p.kind == "numbered")
    only = len(sizes) == 1
    keep: list[int] = []
    for no, n in sorted(sizes.items()):
        first = next(p for p in paras if p.kind == "numbered" and p.list_no == no)
        if n >= min_numbered or (only and (len(first.rows) > 1 or min_numbered <= 1)):
            keep.append(no)
    renumber = {no: i for i, no in enumerate(keep, start=1)}
    for p in paras:
        if p.kind != "numbered":
            continue
        if p.list_no in renumber:
            p.list_no = renumber[p.list_no]
        else:
            p.kind, p.number, p.lead, p.list_no = "text", None, None, None


def _detach_closing_text(paras: list[Para], list_no: int, g: Geometry) -> list[Para]:
    """Split an unnumbered closing paragraph off a list's last ¶: it starts where ¶ numbers
    sit, after a finished sentence (e.g. "Plaintiff reserves the right to amend …")."""
    members = [p for p in paras if p.kind == "numbered" and p.list_no == list_no]
    if not members:
        return paras
    num_x = Counter(round(p.rows[0].first_x) for p in members)
    last = members[-1]
    for i in range(1, len(last.rows)):
        prev, row = last.rows[i - 1], last.rows[i]
        t = row.text.strip()
        at_number = any(abs(row.first_x - x) <= 4 for x in num_x) or (
            row.first_x > g.left + 15 and row.x1 > g.right - 20  # a first-line indent
        )
        if (
            at_number
            and ends_sentence(prev, g)
            and not ENUM_RE.match(t)
            and not re.match(r"^[(“\"'‘\[]", t)
        ):
            tail = Para("text", None, last.rows[i:], last.section, last.count)
            last.rows = last.rows[:i]
            at = paras.index(last) + 1
            return [*paras[:at], tail, *paras[at:]]
    return paras
