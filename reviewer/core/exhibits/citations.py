"""Linking the paragraphs of a filing (numbered ¶¶, footnotes, headings) to the exhibits they
cite: an exhibit attached at the filing's end, a separately imported exhibit declared of it,
or an ECF attachment of the same case (``Dkt. 55-3``). An exhibit cited that nothing
provides becomes a record of its own, ``attached`` = 0, until one is attached or declared.
Links are derived data: ``link_filing`` rebuilds a filing's links from its paragraphs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.core.exhibits.labels import Cite, citations
from reviewer.core.matter.store import Matter

_LINKED = ("EX", "TAB", "ATT")  # what a cite without a match is listed as (not attached)


@dataclass(slots=True)
class _Candidate:
    id: int
    key: str
    first: int | None
    parent: int | None
    cover: int | None  # the cover page in the filing itself, whose own label is no citation


def _candidates(matter: Matter, filing_id: int) -> dict[str, list[_Candidate]]:
    rows = matter.db.execute(
        """SELECT id, key, first_page, last_page, parent_id, source, doc_id FROM exhibits
        WHERE (filing_id = ? OR doc_id = ?) AND source != 'cited' ORDER BY id""",
        [filing_id, filing_id],
    ).fetchall()
    out: dict[str, list[_Candidate]] = {}
    for id_, key, first, _last, parent, source, doc_id in rows:
        cover = first if source == "cover" and doc_id == filing_id else None
        out.setdefault(key, []).append(_Candidate(id_, key, first, parent, cover))
    return out


def _ranges(matter: Matter, filing_id: int) -> dict[int, tuple[int, int]]:
    rows = matter.db.execute(
        "SELECT id, first_page, last_page FROM exhibits WHERE doc_id = ? AND first_page "
        "IS NOT NULL",
        [filing_id],
    ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def _ecf_exhibit(matter: Matter, filing_id: int, ref: str) -> int | None:
    row = matter.db.execute(
        """SELECT e.id FROM exhibits e JOIN documents d ON d.id = e.doc_id
        WHERE e.ecf_ref = ? AND d.case_no IS (SELECT case_no FROM documents WHERE id = ?)
        ORDER BY e.id LIMIT 1""",
        [ref, filing_id],
    ).fetchone()
    return row[0] if row else None


def _on_cover(c: _Candidate, first: int, last: int, text: str) -> bool:
    """The label printed on the exhibit's own cover page is no citation of it."""
    if c.cover is None or not first <= c.cover <= last:
        return False
    return first in (last, c.cover) or text.isupper()


def _pick(cands: list[_Candidate], page: int, ranges: dict[int, tuple[int, int]]) -> int | None:
    """The exhibit a cite on ``page`` means: one nested in the exhibit the page is in, else
    a top-level one, else the first."""
    if not cands:
        return None
    for c in cands:
        if c.parent is not None and c.parent in ranges:
            lo, hi = ranges[c.parent]
            if lo <= page <= hi:
                return c.id
    top = [c for c in cands if c.parent is None]
    return (top or cands)[0].id


def _target(
    matter: Matter, filing_id: int, cite: Cite, para: tuple[int, int],
    cands: dict[str, list[_Candidate]], ranges: dict[int, tuple[int, int]],
) -> int | bool | None:  # fmt: skip
    """The exhibit a cite in a paragraph on pages ``para`` links to; None when nothing
    provides it; False when it is the label on the exhibit's own cover (no citation)."""
    if cite.key.startswith("ECF:"):
        return _ecf_exhibit(matter, filing_id, cite.key[4:])
    every = cands.get(cite.key, [])
    usable = [c for c in every if not _on_cover(c, para[0], para[1], cite.text)]
    if every and not usable:
        return False
    return _pick(usable, para[0], ranges)


def link_filing(matter: Matter, filing_id: int) -> int:
    """Rebuild the citation links of one filing; returns how many links it has."""
    db = matter.db
    cands, ranges = _candidates(matter, filing_id), _ranges(matter, filing_id)
    cited_rows = dict(db.execute(
        "SELECT key, id FROM exhibits WHERE filing_id = ? AND source = 'cited'", [filing_id]
    ).fetchall())  # fmt: skip
    db.execute(
        "DELETE FROM exhibit_cites WHERE para_id IN (SELECT id FROM paragraphs WHERE doc_id = ?) "
        "OR para_id NOT IN (SELECT id FROM paragraphs)",  # links to paragraphs re-cut away
        [filing_id],
    )
    links: set[tuple[int, int, str]] = set()
    used_cited: set[int] = set()
    paras = db.execute(
        "SELECT id, text, page_start, page_end FROM paragraphs WHERE doc_id = ? ORDER BY seq",
        [filing_id],
    ).fetchall()
    for pid, text, page, page_end in paras:
        for cite in citations(text):
            target = _target(matter, filing_id, cite, (page, page_end), cands, ranges)
            if target is None and cite.key.split(":")[0] in _LINKED:
                target = cited_rows.get(cite.key) or _new_cited(matter, filing_id, cite.key)
                cited_rows[cite.key] = target
                used_cited.add(target)
            if target:
                links.add((int(target), pid, cite.text))
    db.table("exhibit_cites").insert_all(
        ({"exhibit_id": e, "para_id": p, "text": t} for e, p, t in sorted(links)), ignore=True
    )
    for row_id in cited_rows.values():
        if row_id not in used_cited and not user_work(matter, row_id):
            db.execute("DELETE FROM exhibits WHERE id = ?", [row_id])
    return len(links)


def user_work(matter: Matter, exhibit_id: int) -> bool:
    """An exhibit with a number or trial dates is user work: a re-scan never deletes it."""
    return (
        matter.db.execute(
            """SELECT 1 FROM exhibits e WHERE e.id = ? AND (e.offered != '' OR e.marked != ''
            OR e.admitted != ''
            OR EXISTS (SELECT 1 FROM exhibit_numbers n WHERE n.exhibit_id = e.id))""",
            [exhibit_id],
        ).fetchone()
        is not None
    )


def _new_cited(matter: Matter, filing_id: int, key: str) -> int:
    from reviewer.core.exhibits.register import new_row  # one place builds rows

    return new_row(matter, filing_id, filing_id, key, source="cited", attached=False)


def relink_touched(matter: Matter, rows: Sequence[Sequence[Any]]) -> None:
    """After an undo or redo (audit rows ``(tbl, row_id, before, after, …)``): find again
    the exhibits of documents whose pages it changed (a re-cut undone, a deleted document
    restored), and rebuild the links of every filing whose exhibits or paragraphs it
    changed."""
    from reviewer.core.exhibits.register import scan_document  # register imports this

    rescan: set[int] = set()
    relink: set[int] = set()
    for tbl, _row_id, before, after, *_ in rows:
        for state in (before, after):
            row = json.loads(state) if state is not None else {}
            if tbl in ("pages", "documents"):
                rescan.add(row.get("doc_id") or row.get("id") or 0)
            elif tbl in ("exhibits", "paragraphs"):
                relink.add(row.get("filing_id" if tbl == "exhibits" else "doc_id") or 0)
    exists = {r[0] for r in matter.db.execute("SELECT id FROM documents")}
    for doc_id in sorted(d for d in rescan if d in exists):
        scan_document(matter, doc_id)
    for filing in sorted(f for f in relink - rescan if f in exists):
        link_filing(matter, filing)
