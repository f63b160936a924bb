"""Suggestions: untagged paragraphs ranked for one element, by the element's search terms and
by similarity to the paragraphs already tagged with it — both through the search index, so
nothing leaves the machine. Accepting one is ``tagging.tag``; rejecting one is
``tagging.reject_suggestion`` (it is not suggested for that element again).

Score: each signal is scaled to 0-1 by its best hit and the two are averaged when both
exist (a paragraph found by one signal only gets half of that signal's scaled score).
Candidates are body paragraphs (numbered ¶ and unnumbered text) of complaints and exhibits.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.claims.elements import find_element
from reviewer.core.claims.tagging import list_tags
from reviewer.core.matter.store import Matter
from reviewer.core.records import Element
from reviewer.core.search import SearchIndex

CANDIDATE_DOCS = ("complaint", "exhibit")
CANDIDATE_PARAS = ("numbered", "text")
POOL = 200


@dataclass(frozen=True, slots=True)
class Suggestion:
    pid: int
    doc_id: int
    file_name: str
    seq: int
    number: str | None
    cite: str
    score: float
    by_terms: float
    by_similarity: float
    text: str

    def as_json(self) -> dict[str, object]:
        return {
            "doc_id": self.doc_id,
            "file_name": self.file_name,
            "seq": self.seq,
            "number": self.number,
            "cite": self.cite,
            "score": round(self.score, 4),
            "by_terms": round(self.by_terms, 4),
            "by_similarity": round(self.by_similarity, 4),
            "text": self.text,
        }


def _scaled(pairs: list[tuple[int, float]]) -> dict[int, float]:
    best = max((s for _, s in pairs), default=0.0)
    return {pid: s / best for pid, s in pairs} if best > 0 else {}


def _excluded(matter: Matter, e: Element) -> set[int]:
    tagged = {t.para_id for t in list_tags(matter, e) if t.para_id is not None}
    rejected = matter.db.execute(
        "SELECT para_id FROM suggestion_rejects WHERE element_id = ?", [e.id]
    ).fetchall()
    return tagged | {r[0] for r in rejected}


def suggest(
    matter: Matter, ix: SearchIndex, element: Element | str, limit: int = 20
) -> list[Suggestion]:
    """The best ``limit`` untagged, unrejected candidate paragraphs for an element."""
    e = element if isinstance(element, Element) else find_element(matter, element)
    tagged = [t.para_id for t in list_tags(matter, e) if t.para_id is not None]
    by_terms = _scaled(
        [(h.pid, h.score or 0.0) for h in ix.search(e.terms, "tc", limit=POOL).hits]
        if e.terms
        else []
    )
    by_like = _scaled(ix.similar(tagged, limit=POOL) if tagged else [])
    signals = (1 if by_terms else 0) + (1 if by_like else 0)
    skip = _excluded(matter, e)
    scores = {
        pid: (by_terms.get(pid, 0.0) + by_like.get(pid, 0.0)) / max(signals, 1)
        for pid in by_terms.keys() | by_like.keys()
        if pid not in skip
    }
    return _rows(matter, scores, by_terms, by_like, limit)


def _rows(
    matter: Matter,
    scores: dict[int, float],
    by_terms: dict[int, float],
    by_like: dict[int, float],
    limit: int,
) -> list[Suggestion]:
    if not scores:
        return []
    marks = ",".join("?" * len(scores))
    rows = matter.db.execute(
        f"""SELECT p.id, p.doc_id, d.file_name, p.seq, p.number, p.cite, p.text
        FROM paragraphs p JOIN documents d ON d.id = p.doc_id
        WHERE p.id IN ({marks}) AND p.kind IN ({",".join("?" * len(CANDIDATE_PARAS))})
        AND d.kind IN ({",".join("?" * len(CANDIDATE_DOCS))})""",
        [*scores, *CANDIDATE_PARAS, *CANDIDATE_DOCS],
    ).fetchall()
    found = [
        Suggestion(pid, doc, name, seq, number, cite, scores[pid], by_terms.get(pid, 0.0),
                   by_like.get(pid, 0.0), text)
        for pid, doc, name, seq, number, cite, text in rows
    ]  # fmt: skip
    found.sort(key=lambda s: (-s.score, s.doc_id, s.seq))
    return found[:limit]
