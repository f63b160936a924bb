"""A filing's own title, read from the lines a caption or first page prints it on.

Owns what counts as a title line (capitals, not a hearing date, a judge, a clerk's stamp or a
``REDACTED VERSION`` banner), where a title stops, and the listed claims a complaint's title
runs on into (``COMPLAINT FOR: (1) … (2) …``): a title ending with ``FOR`` or ``:`` continues
with its numbered list, printed in capitals or not. Pure functions over text; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from reviewer.core.ingest.case_numbers import CASE_NO
from reviewer.core.ingest.parties import clean, upper_share

# a banner, not words of the title: "REDACTED VERSION", "[REDACTED] …" ("PARTIALLY REDACTED
# MOTION" inside a title is the title's); "FILED UNDER SEAL" ("… TO FILE EXHIBIT A UNDER SEAL"
# ends a title); a clerk's filing stamp boxed beside the caption ("USDC SDNY / DOCUMENT /
# ELECTRONICALLY FILED / DOC #: / DATE FILED:")
BANNER = re.compile(
    r"^\W*(?:PUBLICLY\s+FILED\s+|PUBLIC\s+)?REDACTED|REDACTED\s+(?:VERSION|PUBLIC)|"
    r"^\W*(?:(?:CONDITIONALLY\s+|(?:PROPOSED\s+)?TO\s+BE\s+)?FILED\s+)?(?:UNDER\s+SEAL|SEALED)|"
    r"\bUSDC\b|ELECTRONICALLY\s+FILED|^\W*DOC(?:UMENT)?\s*(?:#|$)|DATE\s+FILED",
    re.I,
)
NOT_TITLE = re.compile(
    r"^(?:Date|Time|Dept|Ctrm|Courtroom|Judge|Hearing|Location|Place|Trial\b|Action Filed|"
    r"Filed|Complaint Filed|Place|Hon\.?|Honorable|Before|Assigned|Chapter|\[?Re:|\[Hon|"
    r"(?:Final )?Pretrial Conference:|Fact Discovery|Magistrate)|"
    rf"{BANNER.pattern}|"
    r"JURY|DEMAND|Case No|^NO\.|Docket No|State File|Adv\. Pro|District Judge|Judge:",
    re.I,
)
# a title that introduces a list: "COMPLAINT FOR DAMAGES FOR:", "COMPLAINT FOR"
_OPENS_LIST = re.compile(r"(?::|\bFOR)\s*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\)|\d{1,2}\s*[.)])\s*\S", re.I)
_MAX_LIST_LINES = 30


class TitleRow(Protocol):
    """A printed line with its extent (``captions`` rows and ``layout`` rows both are)."""

    @property
    def text(self) -> str: ...

    x0: float
    x1: float
    bold: bool


def wordy(text: str) -> bool:
    """Words, not glyph garbage or a bare number: most of its characters are letters."""
    chars = text.replace(" ", "")
    letters = sum(c.isalpha() for c in chars)
    return bool(re.search(r"[A-Za-z]{3,}", text)) and letters > 0.6 * len(chars)


def is_number_line(text: str) -> bool:
    """A case number or date on its own line (``CV16-08033 AB (FFMx)``), not a title line."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    dated = re.search(r"\b(?:19|20)\d\d\b", text)
    return bool(CASE_NO.search(text) or dated) and len(words) < 3 and len(text) < 32


def from_column(lines: Sequence[str]) -> str | None:
    """The title from the caption's second column: its run of capitals, and the list of
    claims it introduces."""
    picked: list[str] = []
    for i, t in enumerate(lines):
        t = re.sub(
            r"^(?:PUBLICLY\s+FILED\s+)?REDACTED\s+(?=(?!VERSION|PUBLIC|-)\w)", "REDACTED ", t
        )
        if not t or (not picked and not wordy(t)):
            continue
        if (NOT_TITLE.search(t) and not t.startswith("REDACTED ")) or is_number_line(t):
            if picked:
                break
            continue
        if upper_share(t) >= 0.75 and re.search(r"[A-Z]{2}", t):
            picked.append(t)
        elif picked and _OPENS_LIST.search(picked[-1]) and _LIST_ITEM.match(t):
            picked.extend(listed(lines[i:]))
            break
        elif picked:
            break
    return clean(" ".join(picked)) if picked else None


def listed(lines: Sequence[str]) -> list[str]:
    """The lines of a title's list (``(1) Violation of …;`` and the lines each item wraps
    onto), up to what follows it (a jury demand, a hearing date, a blank)."""
    out: list[str] = []
    for t in lines[:_MAX_LIST_LINES]:
        if not t:  # a row with words in the parties' column only
            continue
        if NOT_TITLE.search(t):
            break
        if not out and not _LIST_ITEM.match(t):
            break
        out.append(t)
    return out


def below_caption(rows: Sequence[TitleRow], width: float) -> str | None:
    """The title printed below the caption: the first centred or capitalised lines. A row of
    three or more separate cells is a form's column labels (``MONTH DAY YEAR``)."""
    picked: list[str] = []
    for r in rows[:8]:
        t = clean(r.text)
        if not t:
            continue
        centred = abs((r.x0 + r.x1) / 2 - width / 2) < width * 0.12 and (r.x1 - r.x0) < width * 0.75
        if (centred or r.bold) and (upper_share(t) > 0.6 or r.bold) and not NOT_TITLE.search(t):
            if not wordy(t) or len(getattr(r, "cells", ())) >= 3:
                continue
            picked.append(t)
            continue
        if picked or re.match(r"^\d+\.\s", t) or len(t) > 70:
            break
    return clean(" ".join(picked)) if picked else None


def first_heading(rows: Sequence[TitleRow]) -> str | None:
    """A page without a caption: its first lines in capitals or bold (``EXHIBIT A``,
    ``DECLARATION OF …``, ``INTERROGATORIES``)."""
    picked: list[str] = []
    for r in rows[:10]:
        t = clean(r.text)
        if not t or re.fullmatch(r"[#:\d\s]+", t) or BANNER.search(t):
            continue
        if (upper_share(t) > 0.7 or r.bold) and len(t) < 90 and not re.match(r"^\d+\.\s", t):
            picked.append(t)
            if len(picked) == 3:
                break
            continue
        if picked:
            break
    return clean(" ".join(picked)) if picked else None


def head(title: str) -> str:
    """A title without the list it introduces: ``FIRST AMENDED COMPLAINT FOR:`` of
    ``FIRST AMENDED COMPLAINT FOR: (1) …; (2) …`` (what its short form is read from)."""
    m = re.search(r"(?::|\bFOR)\s+(?=\(\s*(?:1|a|i)\s*\)|1\s*[.)])", title, re.I)
    return title[: m.end()].rstrip() if m else title
