"""Re-cutting a document (OCR of its pages, ``reviewer ocr --force``) without losing work.

A re-cut replaces a document's paragraphs. Each old paragraph is matched to a new one — the
same kind, number and text first; then the closest text (RapidFuzz) on the same or the next
page, with a matching ¶ number counting for a lot — and a matched paragraph keeps its id, so
the tags, privilege coding, redactions and rejected suggestions on it move with it. Work on an
old paragraph nothing matches is never dropped: it is kept in ``orphans`` with a snapshot of
that paragraph (its number, text, pages, cite) until someone re-attaches it (``orphans``).
Everything is written through the caller's operation, so the re-cut is one undoable step.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, utils

from reviewer.core.matter.audit import Recorder

# Tables of work that hangs on a paragraph (``para_id``).
WORK = ("tags", "privilege", "redactions", "suggestion_rejects")
SNAPSHOT = ("id", "seq", "number", "kind", "section", "count", "text", "page_start",
            "page_end", "cite")  # fmt: skip
SAME_TEXT = 85.0  # similarity (0-100) at which two paragraphs are the same one re-read
NEAR_IDENTICAL = 95.0  # ... at which they are even a few pages apart
SAME_NUMBER = 60.0  # ... at which they are when they carry the same ¶ number
CONTAINED = 95.0  # partial similarity at which one paragraph's text holds another's
MIN_CONTAINED = 40  # characters: shorter texts are contained anywhere


@dataclass(frozen=True, slots=True)
class RecutResult:
    """What a re-cut did: paragraphs kept as they were, matched to changed text, new, gone;
    work rows that stayed on their paragraph and work rows kept as orphans."""

    kept: int
    matched: int
    fresh: int
    gone: int
    work_kept: int
    orphaned: int

    def as_json(self) -> dict[str, int]:
        return {
            "kept": self.kept, "matched": self.matched, "new": self.fresh, "gone": self.gone,
            "work_kept": self.work_kept, "orphaned": self.orphaned,
        }  # fmt: skip

    @property
    def sentence(self) -> str:
        """What happened to the work on the document, for the user ("" when there was none)."""
        parts = []
        if self.work_kept:
            parts.append(f"{self.work_kept} tag(s)/coding(s)/redaction(s) kept")
        if self.orphaned:
            parts.append(f"{self.orphaned} kept as orphaned (see 'reviewer orphans')")
        return ", ".join(parts)


def _gap(a: dict[str, Any], b: dict[str, Any]) -> int:
    return abs(int(a["page_start"]) - int(b["page_start"]))


def _contains(a: dict[str, Any], b: dict[str, Any]) -> float:
    """How fully ``b``'s text contains ``a``'s (0-100; 0 for texts too short to tell)."""
    if len(a["text"]) < MIN_CONTAINED or len(b["text"]) < 0.9 * len(a["text"]):
        return 0.0
    return fuzz.partial_ratio(a["text"], b["text"], processor=utils.default_process)


def _score(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    """How sure we are that old ``a`` and new ``b`` are one paragraph (None: not at all).
    The same text (on the same or the next page; up to three pages away when it is nearly
    identical) ranks above the same ¶ number with close or containing text."""
    gap = _gap(a, b)
    if a["kind"] != b["kind"] or gap > 3:
        return None
    sim = fuzz.ratio(a["text"], b["text"], processor=utils.default_process)
    same = a["kind"] == "numbered" and a["number"] is not None and a["number"] == b["number"]
    if sim >= SAME_TEXT and (gap <= 1 or sim >= NEAR_IDENTICAL):
        return 200 + sim + (5 if same else 0) - gap
    if same and gap <= 1:
        best = max(sim, _contains(a, b))
        if sim >= SAME_NUMBER or best >= CONTAINED:
            return 100 + best - gap
    return None


def match(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[dict[int, int], int]:
    """Old paragraph id → index of the new paragraph it became; and how many of those were
    exact (same kind, number and text)."""
    by_key: dict[tuple[Any, ...], list[int]] = {}
    for i, r in enumerate(new):
        by_key.setdefault((r["kind"], r["number"], r["text"]), []).append(i)
    found: dict[int, int] = {}
    for o in old:
        ids = by_key.get((o["kind"], o["number"], o["text"]))
        if ids:
            found[o["id"]] = ids.pop(0)
    exact = len(found)
    taken = set(found.values())
    pairs = []
    for o in (o for o in old if o["id"] not in found):
        for i, n in enumerate(new):
            if i not in taken and (score := _score(o, n)) is not None:
                pairs.append((score, o["id"], i))
    for _, pid, i in sorted(pairs, key=lambda p: -p[0]):  # best first, each used once
        if pid not in found and i not in taken:
            found[pid] = i
            taken.add(i)
    return found, exact


def merged_into(old: dict[str, Any], new: list[dict[str, Any]]) -> int | None:
    """The new paragraph whose text now holds all of ``old``'s (two ¶¶ read as one)."""
    scores = [(_contains(old, n), i) for i, n in enumerate(new) if _gap(old, n) <= 1]
    best = max(scores, default=(0.0, -1))
    return best[1] if best[0] >= CONTAINED else None


def recut(rec: Recorder, doc_id: int, new: list[dict[str, Any]]) -> RecutResult:
    """Replace document ``doc_id``'s paragraphs with ``new`` (rows without doc_id), moving
    work with matched paragraphs and orphaning work on the rest."""
    db = rec.db
    cur = db.execute("SELECT * FROM paragraphs WHERE doc_id = ? ORDER BY seq", [doc_id])
    cols = [d[0] for d in cur.description]
    old = [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]
    found, exact = match(old, new)
    # seq is unique per document: park every row before any takes its new number
    db.execute("UPDATE paragraphs SET seq = -seq - 1 WHERE doc_id = ?", [doc_id])
    ids: dict[int, int] = {}
    for o in old:
        if o["id"] in found:
            i = found[o["id"]]
            rec.update("paragraphs", o["id"], new[i], f"¶ re-cut: {new[i]['cite']}", before=o)
            ids[i] = o["id"]
    for i, r in enumerate(new):
        if i not in ids:
            ids[i] = rec.insert("paragraphs", {"doc_id": doc_id, **r}, f"¶ new: {r['cite']}")
    gone = [o for o in old if o["id"] not in found]
    moved = orphaned = 0
    for o in gone:
        into = merged_into(o, new)
        target = None if into is None else (ids[into], new[into]["cite"])
        m, n = _rehome_work(rec, doc_id, o, target)
        moved, orphaned = moved + m, orphaned + n
        rec.delete("paragraphs", o["id"], f"¶ gone: {o['cite']}", before=o)
    kept = moved + sum(_work_count(rec, pid) for pid in found)
    return RecutResult(exact, len(found) - exact, len(new) - len(found), len(gone), kept,
                       orphaned)  # fmt: skip


def _work_count(rec: Recorder, para_id: int) -> int:
    return sum(
        rec.db.execute(f"SELECT count(*) FROM {t} WHERE para_id = ?", [para_id]).fetchone()[0]
        for t in WORK
    )


def _rehome_work(
    rec: Recorder, doc_id: int, para: dict[str, Any], target: tuple[int, str] | None
) -> tuple[int, int]:
    """Keep the work on a paragraph that is going away: (rows kept on the document, rows
    orphaned). Tags move to ``target`` (the new ¶ that holds its text) when it has no such
    tag yet; a redaction drawn as a box keeps its box and only loses the link to the ¶; the
    rest is orphaned — coding or redacting a ¶ that now holds more text is a reviewer's call."""
    snapshot = json.dumps({k: para[k] for k in SNAPSHOT})
    reason = f"{para['cite']} is no longer in the document after a re-cut"
    if target is not None:
        reason += f"; its text is now part of {target[1]}"
    kept = orphaned = 0
    for tbl in WORK:
        cur = rec.db.execute(f"SELECT * FROM {tbl} WHERE para_id = ?", [para["id"]])
        cols = [d[0] for d in cur.description]
        for values in (dict(zip(cols, r, strict=True)) for r in cur.fetchall()):
            if tbl == "redactions" and values["rect"] is not None:
                rec.update(tbl, values["id"], {"para_id": None}, f"{values['entry_id']}: box kept")
                kept += 1
            elif tbl == "tags" and target is not None and not _tagged(rec, values, target[0]):
                rec.update(tbl, values["id"], {"para_id": target[0]}, f"tag → {target[1]}")
                kept += 1
            else:
                rec.insert("orphans", {
                    "tbl": tbl, "doc_id": doc_id, "row": json.dumps(values), "para": snapshot,
                    "reason": reason, "who": rec.who, "at": rec.at,
                }, f"orphaned {tbl} on {para['cite']}")  # fmt: skip
                rec.delete(tbl, values["id"], f"moved to orphans: {para['cite']}")
                orphaned += 1
    return kept, orphaned


def _tagged(rec: Recorder, tag: dict[str, Any], para_id: int) -> bool:
    row = rec.db.execute(
        "SELECT 1 FROM tags WHERE element_id = ? AND para_id = ?", [tag["element_id"], para_id]
    ).fetchone()
    return row is not None
