"""The ``exhibit:`` search filter: paragraphs that cite an exhibit, and the paragraphs on the
exhibit's own pages.

A label is read as the exhibit register reads one (``exhibits.labels``): ``exhibit:A``,
``exhibit:3``, ``exhibit:"Exhibit A"``, ``exhibit:"Ex. 3"``, ``exhibit:PX-12`` (= ``PX-012``),
``exhibit:"Dkt. 55-3"``; a bare id is an exhibit's (``A`` = ``Exhibit A``). Exhibits match by
their key and by the numbers given to them (``PX-012``, ``DX-3``, ``Dep. Ex. 14``, a letter).
The paragraphs are found in SQLite and matched in the index by the ``ord`` column (document
and sequence), document by document, so no index field is added for it.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from reviewer.core.errors import NotFoundError, ReviewerError
from reviewer.core.exhibits.labels import _ID, citations, cover_label, norm_id
from reviewer.core.matter.store import Matter

_BARE = re.compile(rf"(?:no\.?\s*)?({_ID})", re.IGNORECASE)
_ECF = re.compile(r"(?:dkt\.?|ecf(?:\s+no\.?)?|doc\.?|docket\s+no\.?)\s*(\d{1,5}-\d{1,3})", re.I)
_DEP = re.compile(r"dep(?:o|osition)?\.?\s*ex(?:h|hibit)?\.?\s*(\d{1,4})", re.IGNORECASE)
_TRIAL = re.compile(r"([PDJ])T?X[-\s]?(\d{1,4})", re.IGNORECASE)


def label_keys(label: str) -> set[str]:
    """The register keys a typed label stands for (empty when it is no exhibit label)."""
    v = " ".join(label.strip().strip('"').split())
    if m := _TRIAL.fullmatch(v):
        return {f"{m[1].upper()}X:{int(m[2])}"}
    if m := _ECF.fullmatch(v):
        return {f"ECF:{m[1]}"}
    if m := _BARE.fullmatch(v):
        return {f"EX:{norm_id(m[1])}"}
    for text in (v, v.upper()):
        found = cover_label(text)
        if found is not None:
            return {found[0]}
        cites = citations(text)
        if cites:
            return {c.key for c in cites}
    return set()


def _numbered(matter: Matter, label: str, keys: set[str]) -> set[int]:
    """Exhibits given a number the label names (withdrawn numbers name nothing)."""
    wanted: list[tuple[str, int | str]] = []
    for key in keys:
        cls, ident = key.split(":", 1)
        if cls in ("PX", "DX", "JX"):
            wanted.append((cls, int(ident)))
        elif cls == "EX" and ident.isalpha():
            wanted.append(("LTR", ident))
    if m := _DEP.fullmatch(" ".join(label.strip().strip('"').split())):
        wanted.append(("DEP", int(m[1])))
    out: set[int] = set()
    for scheme, value in wanted:
        column = "label" if scheme == "LTR" else "number"
        rows = matter.db.execute(
            f"SELECT exhibit_id FROM exhibit_numbers WHERE scheme = ? AND {column} = ? "
            "AND withdrawn = 0 AND exhibit_id IS NOT NULL",
            [scheme, value],
        )
        out.update(r[0] for r in rows)
    return out


def exhibit_ids(matter: Matter, label: str) -> set[int]:
    """The exhibits ``label`` names; an error when it is no label, or names none."""
    dep = _DEP.fullmatch(" ".join(label.strip().strip('"').split()))
    keys = set() if dep else label_keys(label)
    if not keys and not dep:
        raise ReviewerError(
            f"exhibit:{label}: not an exhibit label (try exhibit:A, exhibit:3, "
            'exhibit:"Exhibit A", exhibit:PX-12 or exhibit:"Dkt. 55-3").'
        )
    ids = _numbered(matter, label, keys)
    if keys:
        marks = ",".join("?" * len(keys))
        rows = matter.db.execute(f"SELECT id FROM exhibits WHERE key IN ({marks})", sorted(keys))
        ids.update(r[0] for r in rows)
    if not ids:
        raise NotFoundError(f"exhibit:{label}: no exhibit of {matter.name} has this label.")
    return ids


_OWN_PAGES = """SELECT p.doc_id, p.seq FROM paragraphs p JOIN exhibits e ON e.doc_id = p.doc_id
    WHERE e.id IN ({}) AND e.attached = 1 AND (e.first_page IS NULL
        OR (p.page_start <= e.last_page AND p.page_end >= e.first_page))"""
_CITING = """SELECT p.doc_id, p.seq FROM paragraphs p JOIN exhibit_cites c ON c.para_id = p.id
    WHERE c.exhibit_id IN ({})"""


def paragraphs(matter: Matter, ids: set[int]) -> set[tuple[int, int]]:
    """(doc_id, seq) of the paragraphs citing the exhibits ``ids`` or on their pages."""
    marks, args = ",".join("?" * len(ids)), sorted(ids)
    out: set[tuple[int, int]] = set()
    for sql in (_OWN_PAGES, _CITING):
        out.update((d, s) for d, s in matter.db.execute(sql.format(marks), args))
    return out


def exhibit_query(matter: Matter, label: str) -> Any:
    """The Whoosh query of ``exhibit:label``."""
    found = paragraphs(matter, exhibit_ids(matter, label))
    return ParagraphsIn(frozenset(d * 10_000_000 + s for d, s in found))


class ParagraphsIn(wq.Query):  # type: ignore[misc]
    """The paragraphs whose ``ord`` (document * 10,000,000 + sequence) is one of ``ords``,
    read per document from the ``doc`` terms and the ``ord`` column."""

    def __init__(self, ords: frozenset[int]) -> None:
        self.ords = ords
        self.docs = tuple(sorted({str(o // 10_000_000) for o in ords}))
        self.boost = 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ParagraphsIn) and other.ords == self.ords

    def __hash__(self) -> int:
        return hash(self.ords)

    def __unicode__(self) -> str:
        return f"ParagraphsIn({len(self.ords)} paragraphs)"

    __str__ = __unicode__

    def estimate_size(self, ixreader: Any) -> int:
        return len(self.ords)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.ords or not reader.has_column("ord"):
            return NullMatcher()
        column = reader.column_reader("ord")
        ids: set[int] = set()
        for doc in self.docs:
            if reader.doc_frequency("doc", doc):
                postings = reader.postings("doc", doc)
                ids.update(n for n in postings.all_ids() if column[n] in self.ords)
        return ListMatcher(sorted(ids), all_weights=0.0) if ids else NullMatcher()
