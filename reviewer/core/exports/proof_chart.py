"""The proof chart: count → claim → element → supporting paragraphs and exhibit pages, with
each element's status, built once as rows that the app's panel and every export share; and
the "conclusory allegations" report derived from it.

Status of an element (its tags anywhere in the matter):

* ``supported`` — at least one ``factual`` tag;
* ``conclusory-only`` — no ``factual`` tag, at least one ``conclusory`` or
  ``information-and-belief`` tag;
* ``gap`` — neither (no tags, or only ``contradicted`` ones).

An element is a **gap in the app's sense** (``gap`` = True) whenever it has no ``factual``
support, i.e. its status is ``conclusory-only`` or ``gap``. Rows: one per element and tag, in
document order (contradicted tags included, so the chart shows what undercuts an element);
an element with status ``gap`` first gets one row with an empty cite. Claims are charted under
each count confirmed to plead them (counts in document order), then claims mapped to no count
under an empty count. Retired elements are left out.

A chart can be drawn for one complaint (``chart_rows(matter, complaint=doc_id)``): its counts
only, and only the tags that can support them (``chart_scope.scope_documents``). Each
supporting paragraph's row lists the exhibits that paragraph cites (``exhibits``, with
their pages, or "cited, not attached"), so exhibits show under the elements they support.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from reviewer.core.claims import tagging
from reviewer.core.claims.counts import mapped_counts
from reviewer.core.claims.elements import list_claims
from reviewer.core.exports.chart_scope import (
    ExhibitRef,
    cited_exhibits,
    complaint_labels,
    scope_documents,
)
from reviewer.core.exports.report import Column, Report, caption, today
from reviewer.core.matter.store import Matter
from reviewer.core.records import Claim, Element, Tag

SUPPORT = ("conclusory", "information-and-belief")
SHADE = {"gap": "F4CCCC", "conclusory-only": "FCE8B2"}


@dataclass(frozen=True, slots=True)
class ChartRow:
    count: str
    claim: str
    element: str
    status: str  # supported | conclusory-only | gap
    cite: str
    assessment: str
    note: str
    text: str
    element_id: str
    claim_id: str
    gap: bool
    doc_id: int | None
    para_id: int | None  # click-through target in the app (None: gap row or exhibit pages)
    page: int | None
    exhibits: str = ""  # the exhibits the paragraph cites: "Ex. A, pp. 12-15; Ex. B (cited…)"
    exhibit_refs: tuple[ExhibitRef, ...] = ()

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def element_status(tags: list[Tag]) -> str:
    kinds = {t.assessment for t in tags}
    if "factual" in kinds:
        return "supported"
    return "conclusory-only" if kinds & set(SUPPORT) else "gap"


def _page_text(matter: Matter, t: Tag) -> str:
    rows = matter.db.execute(
        "SELECT text FROM pages WHERE doc_id = ? AND pno BETWEEN ? AND ? ORDER BY pno",
        [t.doc_id, t.page_start, t.page_end],
    ).fetchall()
    text = " ".join(" ".join(r[0] for r in rows).split())
    return text if len(text) <= 600 else text[:600].rsplit(" ", 1)[0] + " …"


def _tag_text(matter: Matter, t: Tag, para_text: dict[int, str]) -> str:
    if t.para_id is None:
        return _page_text(matter, t)
    return " ".join(para_text.get(t.para_id, "").split())


@dataclass(frozen=True, slots=True)
class _Context:
    """What every element's rows read: the tagged ¶¶' text, the exhibits each ¶ cites, and
    the documents whose tags count (None: all)."""

    para_text: dict[int, str]
    exhibits: dict[int, list[ExhibitRef]]
    scope: set[int] | None


def _element_rows(
    matter: Matter, count: str, claim: Claim, e: Element, ctx: _Context
) -> list[ChartRow]:
    tags = [t for t in tagging.list_tags(matter, e) if ctx.scope is None or t.doc_id in ctx.scope]
    status = element_status(tags)
    base: dict[str, Any] = {
        "count": count, "claim": claim.name, "element": e.name, "status": status,
        "element_id": e.full_id, "claim_id": claim.key, "gap": status != "supported",
    }  # fmt: skip
    rows = []
    if status == "gap":
        rows.append(ChartRow(**base, cite="", assessment="", note="", text="", doc_id=None,
                             para_id=None, page=None))  # fmt: skip
    for t in tags:
        refs = tuple(ctx.exhibits.get(t.para_id, ())) if t.para_id is not None else ()
        rows.append(
            ChartRow(**base, cite=t.cite, assessment=t.assessment, note=t.note,
                     text=_tag_text(matter, t, ctx.para_text), doc_id=t.doc_id,
                     para_id=t.para_id,
                     page=t.page_start if t.para_id is None else _page_of(matter, t.para_id),
                     exhibits="; ".join(r.text() for r in refs), exhibit_refs=refs)
        )  # fmt: skip
    return rows


def _page_of(matter: Matter, para_id: int) -> int | None:
    row = matter.db.execute("SELECT page_start FROM paragraphs WHERE id = ?", [para_id]).fetchone()
    return row[0] if row else None


def _para_texts(matter: Matter) -> dict[int, str]:
    return dict(
        matter.db.execute(
            "SELECT p.id, p.text FROM paragraphs p JOIN tags t ON t.para_id = p.id"
        ).fetchall()
    )


@dataclass(frozen=True, slots=True)
class ChartSummary:
    """The chart's figures, the same on screen and in every export: elements are counted
    once each, however many counts plead their claim."""

    elements: int
    gaps: int

    @classmethod
    def of(cls, rows: list[ChartRow]) -> ChartSummary:
        return cls(len({r.element_id for r in rows}), len({r.element_id for r in rows if r.gap}))

    def sentence(self) -> str:
        return f"{self.elements} elements, {self.gaps} without factual support"


def chart_rows(matter: Matter, complaint: int | None = None) -> list[ChartRow]:
    """Every row of the proof chart, in chart order — of the whole matter, or of one
    ``complaint`` (a document id: its counts, and the tags that can support them)."""
    claims = {c.key: c for c in list_claims(matter)}
    sections: list[tuple[str, Claim]] = []
    counted = [
        (c, keys) for c, keys in mapped_counts(matter) if complaint is None or c.doc_id == complaint
    ]
    docs = {count.doc_id for count, _ in counted}
    labels = complaint_labels(matter, docs) if len(docs) > 1 else {}
    for count, keys in counted:
        heading = f"{labels[count.doc_id]} — {count.heading}" if labels else count.heading
        sections += [(heading, claims[k]) for k in keys if k in claims]
    charted = {c.key for _, c in sections}
    sections += [("", c) for c in claims.values() if c.key not in charted]
    scope = None if complaint is None else scope_documents(matter, complaint)
    ctx = _Context(_para_texts(matter), cited_exhibits(matter), scope)
    return [
        row
        for count, claim in sections
        for e in claim.active
        for row in _element_rows(matter, count, claim, e, ctx)
    ]


def conclusory_rows(rows: list[ChartRow]) -> list[ChartRow]:
    """The conclusory-allegations report: per count and element, the paragraphs of every
    element that rests only on ``conclusory`` / ``information-and-belief`` tags."""
    return [r for r in rows if r.status == "conclusory-only" and r.assessment in SUPPORT]


CHART_COLUMNS = (
    Column("count", "Count", 34),
    Column("claim", "Claim", 26),
    Column("element", "Element", 20),
    Column("status", "Status", 15),
    Column("cite", "Cite", 26),
    Column("assessment", "Assessment", 18),
    Column("note", "Note", 22),
    Column("text", "Text", 58),
    Column("element_id", "Element id", 26),
    Column("gap", "Gap", 8),
    Column("exhibits", "Exhibits cited", 26),
)


def _as_report(
    title: str, matter: Matter, rows: list[ChartRow], notes: tuple[str, ...], scope: str
) -> Report:
    dicts = [
        {**{c.key: str(getattr(r, c.key)) for c in CHART_COLUMNS}, "gap": "yes" if r.gap else ""}
        for r in rows
    ]
    for d, r in zip(dicts, rows, strict=True):
        d["group"] = f"{r.count or 'Not mapped to a count'} — {r.claim}"
    return Report(
        title, (*caption(matter), f"{title} — {scope or 'all complaints'} — {today()}"),
        CHART_COLUMNS, dicts,
        group="group", hidden_in_groups=("count", "claim", "element_id"), shade=SHADE,
        notes=notes,
    )  # fmt: skip


def proof_chart_report(
    matter: Matter, rows: list[ChartRow] | None = None, scope: str = ""
) -> Report:
    """``scope``: the complaint the rows are of (its label), for the heading; "" = all."""
    rows = chart_rows(matter) if rows is None else rows
    summary = ChartSummary.of(rows)
    gaps = summary.gaps
    notes = (
        f"{summary.sentence().capitalize()}.",
        "Status: supported = at least one factual allegation; conclusory-only = only "
        "conclusory or information-and-belief allegations; gap = no support (empty cite).",
        f"{gaps} element(s) without factual support." if gaps else "Every element has "
        "factual support.",
    )  # fmt: skip
    return _as_report("Proof chart", matter, rows, notes, scope)


def conclusory_report(
    matter: Matter, rows: list[ChartRow] | None = None, scope: str = ""
) -> Report:
    rows = conclusory_rows(chart_rows(matter) if rows is None else rows)
    notes = ("Elements supported only by conclusory or information-and-belief allegations.",)
    return _as_report("Conclusory allegations", matter, rows, notes, scope)
