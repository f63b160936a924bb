"""Finding the exhibits attached to a filing, by the structure of its pages: a cover or slip
sheet (a page whose only substantial text is an exhibit label: ``EXHIBIT A``, ``Exhibit 1``,
``Ex. 12``, ``TAB F``), a stamp repeated in the page's top or bottom band (``Exh. B - 3``)
or a sticker, and an ECF attachment number (``Document 55-3``). Each becomes an exhibit from
its first page to the page before the next exhibit of the same series (or the end of the
exhibit it sits in, or of the document); another series inside one (``Exhibit 1`` within
``Exhibit A``) is nested in it. Pure functions; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reviewer.core.exhibits.labels import cover_label, label_of, series, stamp_label
from reviewer.core.pdf import PageText

BAND = 0.12  # share of the page height at the top and at the bottom where stamps sit
COVER_MAX_WORDS = 40  # words besides the label on a cover page (a title, "REDACTED …")
_LETTERS = re.compile(r"[A-Za-z]")


@dataclass(slots=True)
class Mark:
    """Where an exhibit starts: 1-based page, key, label, how it was found, description."""

    page: int
    key: str
    label: str
    source: str  # cover | stamp | ecf
    description: str = ""
    last: int | None = None  # a stamp run's last stamped page


@dataclass(slots=True)
class Found:
    """An exhibit found in a document: pages, and the index of the exhibit it sits in."""

    key: str
    label: str
    first_page: int
    last_page: int
    source: str  # cover | stamp | ecf
    description: str
    parent: int | None = None
    ecf_ref: str | None = None


def page_stamps(pages: Sequence[PageText]) -> list[tuple[int, str, int | None]]:
    """(1-based page, key, stamped page number or None) for each exhibit stamp or sticker
    in a page's top or bottom band. Runs on the PDF's own lines, before page furniture
    (where a repeated stamp ends up) is stripped."""
    out: list[tuple[int, str, int | None]] = []
    for page in pages:
        top, bottom = page.height * BAND, page.height * (1 - BAND)
        for ln in page.lines:
            if ln.y1 > top and ln.y0 < bottom:
                continue
            found = stamp_label(ln.text)
            if found is not None:
                out.append((page.index + 1, found[0], found[1]))
                break
    return out


def _display(printed: str, key: str) -> str:
    """``Group Exhibit A`` keeps its qualifier; ``EXHIBIT A`` / ``Ex. A`` read ``Exhibit A``."""
    words = printed.split()
    lead = []
    for w in words:
        if w.lower().rstrip(".") in ("exhibit", "exh", "ex", "tab", "attachment"):
            break
        lead.append(w.capitalize())
    if len(lead) == len(words):  # a trial number (PX-012)
        return label_of(key)
    return " ".join([*lead, label_of(key)])


def cover(text: str) -> Mark | None:
    """The exhibit a page is the cover of, from its cleaned text (no stamps, no margin
    numbers): exactly one line that is only a label, and little else on the page."""
    lines = [ln.strip() for ln in text.splitlines() if _LETTERS.search(ln)]
    labels = [(i, found) for i, ln in enumerate(lines) if (found := cover_label(ln))]
    if len(labels) != 1:
        return None
    i, (key, printed) = labels[0]
    rest = lines[:i] + lines[i + 1 :]
    if sum(len(ln.split()) for ln in rest) > COVER_MAX_WORDS:
        return None
    description = " ".join(" ".join(rest).split())[:300]
    return Mark(0, key, _display(printed, key), "cover", description)


def _ecf_marks(ecf_docs: Sequence[str | None], found: dict[int, Mark]) -> None:
    """Where the ECF header's docket number turns into an attachment number part-way
    through a file (``Document 12`` on pages 1-9, ``Document 12-1`` from page 10), that page
    starts the attachment (``Dkt. 12-1``) unless a cover already starts an exhibit there."""
    for pno in range(2, len(ecf_docs) + 1):
        doc, before = ecf_docs[pno - 1], ecf_docs[pno - 2]
        if doc and "-" in doc and before and doc != before and pno not in found:
            found[pno] = Mark(pno, f"ECF:{doc}", f"Dkt. {doc}", "ecf")


def marks(
    texts: Sequence[str], stamps: Sequence[Sequence[object]],
    ecf_docs: Sequence[str | None] = (),
) -> list[Mark]:  # fmt: skip
    """Covers (from each page's cleaned text), stamp runs and ECF attachment numbers that
    change part-way, in page order; a stamp on a cover page adds nothing."""
    found: dict[int, Mark] = {}
    _ecf_marks(ecf_docs, found)
    covers: dict[int, Mark] = {}
    for pno, text in enumerate(texts, start=1):
        mark = cover(text)
        if mark is not None:
            mark.page = pno
            covers[pno] = mark
    found.update(covers)
    run: Mark | None = None
    for pno, key, stamped in sorted((int(p), str(k), s) for p, k, s in stamps):  # type: ignore[call-overload]
        if run is not None and run.key == key and stamped is not None and run.last == pno - 1:
            run.last = pno
            continue
        run = Mark(pno, key, label_of(key), "stamp", "", pno if stamped is not None else None)
        if pno not in found and not any(m.key == key and m.page < pno for m in found.values()):
            found[pno] = run
    return [found[p] for p in sorted(found)]


def _close(out: list[Found], stack: list[int], until: int) -> None:
    index = stack.pop()
    out[index].last_page = max(out[index].first_page, until)


def layout(
    marks_: Sequence[Mark], page_count: int, ecf_ref: str | None = None, title: str = ""
) -> list[Found]:
    """Exhibits with their page ranges and nesting. A cover or stamp run on page 1 (or an
    ECF attachment number) makes the whole document an exhibit."""
    out: list[Found] = []
    stack: list[int] = []
    doc_level = bool(marks_) and marks_[0].page == 1
    if ecf_ref and "-" in ecf_ref and not doc_level:
        out.append(Found(f"ECF:{ecf_ref}", f"Dkt. {ecf_ref}", 1, page_count, "ecf", title))
        stack.append(0)
    for n, m in enumerate(marks_):
        s = series(m.key)
        if (n or not doc_level) and any(series(out[i].key) == s for i in stack):
            while stack:
                same = series(out[stack[-1]].key) == s
                _close(out, stack, m.page - 1)
                if same:
                    break
        parent = stack[-1] if stack else None
        ref = ecf_ref if m.page == 1 and ecf_ref and "-" in ecf_ref else None
        ref = m.key[4:] if m.source == "ecf" else ref
        out.append(Found(m.key, m.label, m.page, page_count, m.source, m.description,
                         parent, ref))  # fmt: skip
        stack.append(len(out) - 1)
        if m.last is not None and m.last < page_count and m.page > 1:
            # A run of per-page stamps ends where the stamps do.
            _close(out, stack, m.last)
    while stack:
        _close(out, stack, page_count)
    return out
