"""Where a document needs a look: numbering gaps, duplicates, restarts and numbers out of
order in each numbered list, page furniture left inside paragraph text, pages without
usable text, and units not placed (a footnote tied to no paragraph, a page whose text is in
no unit).

``find_anomalies`` is a pure function of a document's stored paragraphs and pages. Each
check is a function in ``CHECKS``; other sources (damaged pages, bad redactions) add theirs
by passing ``extra`` checks, or appending to ``CHECKS``, without touching these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reviewer.core.matter.store import Matter
from reviewer.core.records import Paragraph

SEVERITIES = ("info", "warning", "error")  # warning and error make `reviewer check` fail


@dataclass(frozen=True, slots=True)
class PageInfo:
    """What the checks need of a stored page."""

    pno: int
    quality: str
    text: str
    ocr: bool = False


@dataclass(frozen=True, slots=True)
class Anomaly:
    kind: str  # gap | duplicate | restart | out_of_order | furniture | no_text | unplaced | …
    severity: str  # info | warning | error
    message: str
    page: int | None = None
    seq: int | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": self.kind, "severity": self.severity}
        out["message"] = self.message
        if self.page is not None:
            out["page"] = self.page
        if self.seq is not None:
            out["seq"] = self.seq
        return out

    @property
    def failing(self) -> bool:
        return self.severity in ("warning", "error")


Check = Callable[[Sequence[Paragraph], Sequence[PageInfo]], Iterable[Anomaly]]


def _lists(paras: Sequence[Paragraph]) -> dict[int, list[Paragraph]]:
    out: dict[int, list[Paragraph]] = {}
    for p in paras:
        if p.kind == "numbered" and p.number and p.number.isdigit():
            out.setdefault(p.list_no or 1, []).append(p)
    return out


def numbering(paras: Sequence[Paragraph], pages: Sequence[PageInfo]) -> Iterable[Anomaly]:
    """Gaps, duplicates and numbers out of order within each list; where a list restarts."""
    for no, members in sorted(_lists(paras).items()):
        first = members[0]
        if no > 1:
            yield Anomaly("restart", "info", f"Numbering starts again at ¶ {first.number} "
                          f"(list {no}).", first.page_start, first.seq)  # fmt: skip
        seen: set[int] = set()
        prev: int | None = None
        for p in members:
            n = int(p.number or 0)
            where = f"¶ {n} (p. {p.page_start})"
            if n in seen:
                yield Anomaly("duplicate", "warning", f"{where} appears twice in list {no}.",
                              p.page_start, p.seq)  # fmt: skip
            elif prev is not None and n < prev:
                yield Anomaly("out_of_order", "warning", f"{where} comes after ¶ {prev}.",
                              p.page_start, p.seq)  # fmt: skip
            elif prev is not None and n > prev + 1:
                missing = f"¶ {prev + 1}" if n == prev + 2 else f"¶¶ {prev + 1}-{n - 1}"
                yield Anomaly("gap", "warning", f"{missing} not found: ¶ {prev} then {where}.",
                              p.page_start, p.seq)  # fmt: skip
            seen.add(n)
            prev = n if prev is None else max(prev, n)


_FURNITURE = (
    (
        "an ECF stamp",
        re.compile(r"\bCase\s*\d{1,2}:\d{2}-[a-z]{2,4}-\S+\s+Doc\S*\s+\S+\s+Filed", re.I),
    ),
    ("a PageID", re.compile(r"\bPage\s*ID\s*#?\s*:?\s*\d+", re.I)),
    ("margin line numbers", re.compile(r"(?:^|\s)1 2 3 4 5 6(?:\s|$)")),
    # Bates numbers are not checked here: inside ¶ text they are nearly always cites.
)


def furniture(paras: Sequence[Paragraph], pages: Sequence[PageInfo]) -> Iterable[Anomaly]:
    """Page furniture left inside the text of a paragraph."""
    for p in paras:
        if p.kind not in ("numbered", "text", "prayer", "footnote"):
            continue
        for what, rx in _FURNITURE:
            if rx.search(p.text):
                label = f"¶ {p.number}" if p.kind == "numbered" else f"{p.kind} (seq {p.seq})"
                yield Anomaly("furniture", "warning", f"{label} contains {what}.",
                              p.page_start, p.seq)  # fmt: skip


def empty_pages(paras: Sequence[Paragraph], pages: Sequence[PageInfo]) -> Iterable[Anomaly]:
    """Pages without usable text (a scan, glyph garbage) that OCR has not filled."""
    for pg in pages:
        if pg.quality not in ("good", "blank") and not pg.text.strip():
            yield Anomaly("no_text", "warning", f"Page {pg.pno} has no usable text "
                          f"({pg.quality}); run OCR.", pg.pno)  # fmt: skip


def unplaced(paras: Sequence[Paragraph], pages: Sequence[PageInfo]) -> Iterable[Anomaly]:
    """Footnotes tied to no paragraph; pages whose text went into no unit."""
    for p in paras:
        if p.kind == "footnote" and p.footnote_of is None:
            yield Anomaly("unplaced", "warning", f"Footnote {p.number} (p. {p.page_start}) "
                          "is tied to no paragraph.", p.page_start, p.seq)  # fmt: skip
    covered = {n for p in paras for n in range(p.page_start, p.page_end + 1)}
    for pg in pages:
        if pg.text.strip() and pg.pno not in covered:
            yield Anomaly("unplaced", "warning", f"The text of page {pg.pno} is in no "
                          "paragraph.", pg.pno)  # fmt: skip


CHECKS: list[Check] = [numbering, furniture, empty_pages, unplaced]


def find_anomalies(
    paras: Sequence[Paragraph], pages: Sequence[PageInfo], extra: Sequence[Check] = ()
) -> list[Anomaly]:
    """Every anomaly of one document, check by check, in page order within each check."""
    return [a for check in (*CHECKS, *extra) for a in check(paras, pages)]


def document_anomalies(matter: Matter, doc_id: int, extra: Sequence[Check] = ()) -> list[Anomaly]:
    """``find_anomalies`` over what the matter stores for one document."""
    from reviewer.core.matter import documents  # documents imports records only; no cycle

    paras = documents.paragraphs(matter, doc_id)
    rows = matter.db.execute(
        "SELECT pno, quality, text, ocr FROM pages WHERE doc_id = ? ORDER BY pno", [doc_id]
    ).fetchall()
    pages = [PageInfo(r[0], r[1], r[2] or "", bool(r[3])) for r in rows]
    return [*find_anomalies(paras, pages, extra), *stored_findings(matter, doc_id)]


def _covers_message(page: int, hits: list[dict[str, object]]) -> str:
    """``p. 3: text that can still be copied under 2 covers (black filled box, image), e.g.
    “Jane Roe”``: what covers them, as the check names them."""
    kinds = ", ".join(dict.fromkeys(str(h["cover"]) for h in hits))
    covers = "1 cover" if len(hits) == 1 else f"{len(hits)} covers"
    return (f"p. {page}: text that can still be copied under {covers} ({kinds}), e.g. "
            f"\u201c{str(hits[0]['text'])[:40]}\u201d")  # fmt: skip


def stored_findings(matter: Matter, doc_id: int) -> list[Anomaly]:
    """What other steps stored about a document: text that can still be copied from under
    an opaque cover in the source (``reviewer redactions check``, run on import), and work a
    re-cut could not place on a new paragraph (``reviewer orphans``)."""
    from reviewer.core.matter.orphans import list_orphans
    from reviewer.core.production.redaction_check import findings_of

    found: dict[int, list[dict[str, object]]] = {}
    for f in findings_of(matter, doc_id):
        found.setdefault(int(str(f["page"])), []).append(f)
    out = [Anomaly("bad_redaction", "warning", _covers_message(page, hits), page=page)
           for page, hits in sorted(found.items())]  # fmt: skip
    orphans = list_orphans(matter, doc_id)
    if orphans:
        out.append(Anomaly("orphaned", "warning", f"{len(orphans)} piece(s) of work kept after "
                           "a re-cut with no paragraph to sit on (reviewer orphans)"))  # fmt: skip
    return out
