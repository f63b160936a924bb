"""Frozen records of review work on claims: elements, claims, tags, counts and the
claims a count appears to plead."""

from __future__ import annotations

from dataclasses import dataclass

# -- claims, elements, tags (issue 5) -----------------------------------------------------------
ASSESSMENTS = ("factual", "conclusory", "information-and-belief", "contradicted")


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a claim in a matter; ``id`` is the row id tags point at, ``full_id``
    the stable name users type (``tvpra-1595.knowingly-benefited``)."""

    id: int
    claim_id: int
    claim_key: str
    key: str
    name: str
    description: str
    terms: str
    hotkey: int | None
    position: int
    retired: bool

    @property
    def full_id(self) -> str:
        return f"{self.claim_key}.{self.key}"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.full_id,
            "name": self.name,
            "description": self.description,
            "hotkey": self.hotkey,
            "terms": self.terms,
            "retired": self.retired,
        }


@dataclass(frozen=True, slots=True)
class Claim:
    """A claim in a matter (from a template or custom) with its elements in order, retired
    ones included (``active`` leaves them out)."""

    id: int
    key: str
    name: str
    source: str
    template: str | None
    position: int
    elements: tuple[Element, ...] = ()

    @property
    def active(self) -> tuple[Element, ...]:
        return tuple(e for e in self.elements if not e.retired)

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.key,
            "name": self.name,
            "source": self.source,
            "template": self.template,
            "elements": [e.as_json() for e in self.elements],
        }


@dataclass(frozen=True, slots=True)
class Tag:
    """A paragraph (``para_id``) or an exhibit page range (``page_start``..``page_end``,
    1-based) tagged with an element."""

    id: int
    element_id: int
    element: str  # full id
    doc_id: int
    para_id: int | None
    page_start: int | None
    page_end: int | None
    assessment: str
    note: str
    who: str
    at: str
    cite: str

    def as_json(self) -> dict[str, object]:
        return {
            "tag_id": self.id,
            "element": self.element,
            "doc_id": self.doc_id,
            "para_id": self.para_id,
            "page_start": self.page_start,
            "page_end": self.page_end,
            "assessment": self.assessment,
            "note": self.note,
            "who": self.who,
            "at": self.at,
            "cite": self.cite,
        }


@dataclass(frozen=True, slots=True)
class CountSuggestion:
    """A claim template (or a matter's claim) a count appears to plead, and why."""

    claim: str
    name: str
    score: float
    reason: str

    def as_json(self) -> dict[str, object]:
        return {"claim": self.claim, "name": self.name, "score": self.score, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Count:
    """One COUNT / CAUSE OF ACTION of a complaint. ``key`` is the paragraphs' ``count`` value
    (what mappings are stored under); ``heading`` is the whole heading block."""

    doc_id: int
    number: int
    key: str
    heading: str
    first_para: str | None
    last_para: str | None
    paragraphs: int
    cites: tuple[str, ...]
    suggested: tuple[CountSuggestion, ...]
    mapped: tuple[str, ...]  # confirmed claim keys
    pending: tuple[str, ...] = ()  # stored but unconfirmed claim keys

    @property
    def status(self) -> str:
        if self.mapped:
            return "confirmed"
        return "suggested" if self.suggested or self.pending else "unmapped"

    def as_json(self) -> dict[str, object]:
        return {
            "doc_id": self.doc_id,
            "count": self.number,
            "key": self.key,
            "heading": self.heading,
            "first_para": self.first_para,
            "last_para": self.last_para,
            "paragraphs": self.paragraphs,
            "cites": list(self.cites),
            "status": self.status,
            "mapped": list(self.mapped),
            "suggested": [s.as_json() for s in self.suggested],
        }
