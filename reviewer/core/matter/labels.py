"""What a person may correct about a document and a matter: a document's kind (a label: its
paragraphs, tags, privilege coding and redactions stay as they are) and the matter's caption
(court, case number, case name), which every export heading uses. The matter's caption comes
from its first complaint unless set by hand."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core.errors import ReviewerError
from reviewer.core.ingest import classify
from reviewer.core.matter import audit
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

CAPTION_KEYS = ("court", "case_no", "case_name")


class LabelError(ReviewerError):
    """A kind or caption value the app cannot take."""


@dataclass(frozen=True, slots=True)
class MatterCaption:
    court: str | None  # the court's printed name, else its abbreviation
    court_short: str | None  # Bluebook: ``N.D. Cal.``
    case_no: str | None
    case_name: str | None
    source: str  # "set by hand", "from <document>", or "none"

    def as_json(self) -> dict[str, object]:
        return {
            "court": self.court,
            "court_short": self.court_short,
            "case_no": self.case_no,
            "case_name": self.case_name,
            "source": self.source,
        }


def set_kind(matter: Matter, doc_ref: str | int, kind: str) -> Changes:
    """Change a document's kind (and the short form of its pin cites); one audited, undoable
    operation. Paragraphs keep their ids, numbers and text, so every tag, privilege coding
    and redaction stays."""
    kind = kind.strip().lower()
    if kind not in classify.KINDS:
        raise LabelError(f"{kind!r} is not a kind; use one of: {', '.join(classify.KINDS)}.")
    doc = find_document(matter, doc_ref)
    abbrev = classify.cite_abbrev(kind, doc.title)
    old = doc.abbrev or ""
    rec = audit.Recorder(matter, f"Kind of {doc.file_name}: {doc.kind} → {kind}")
    with matter.db.atomic():
        values = {"kind": kind, "kind_reason": f"set by {rec.who}", "kind_set_by": "user",
                  "abbrev": abbrev}  # fmt: skip
        rec.update("documents", doc.id, values, f"{doc.file_name}: kind {kind}")
        rows = matter.db.execute(
            "SELECT id, cite FROM paragraphs WHERE doc_id = ?", [doc.id]
        ).fetchall()
        for pid, cite in rows:
            if old and cite and cite.startswith(old) and old != abbrev:
                rec.update("paragraphs", pid, {"cite": abbrev + cite[len(old) :]})
        matter.touch_content()  # the index's kind: filter follows the kind
    return rec.changes()


def _first_complaint(matter: Matter) -> tuple[str | None, ...] | None:
    return matter.db.execute(
        """SELECT court_name, court, case_no, case_name, file_name FROM documents
        WHERE kind = 'complaint' AND (case_no IS NOT NULL OR case_name IS NOT NULL)
        ORDER BY (SELECT count(*) FROM count_claims m WHERE m.doc_id = documents.id) DESC, id
        LIMIT 1"""
    ).fetchone()


def matter_caption(matter: Matter) -> MatterCaption:
    """The matter's caption: each part set by hand wins; the rest comes from the first
    complaint (the one whose counts are mapped first) that has a caption."""
    hand = {k: matter.get_meta(f"caption.{k}") or None for k in CAPTION_KEYS}
    row = _first_complaint(matter)
    court_name, court, case_no, case_name, source = row if row else (None,) * 5
    court_text = hand["court"] or court_name or court
    return MatterCaption(
        court_text,
        court if not hand["court"] else None,
        hand["case_no"] or case_no,
        hand["case_name"] or case_name,
        "set by hand" if any(hand.values()) else (f"from {source}" if source else "none"),
    )


def set_matter_caption(matter: Matter, **values: str | None) -> MatterCaption:
    """Set (or with an empty string, clear) parts of the matter's caption by hand."""
    matter.require_writable()
    with matter.db.atomic():
        for key, value in values.items():
            if key not in CAPTION_KEYS:
                raise LabelError(f"Unknown caption part {key!r}.")
            if value is not None:
                matter.set_meta(f"caption.{key}", " ".join(value.split()))
    return matter_caption(matter)
