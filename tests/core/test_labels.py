"""A document's kind is a label a person may change (tags, privilege coding, redactions and
paragraphs stay), and the matter's caption (set by hand, else the first complaint's) heads
every export."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.claims import elements as claims
from reviewer.core.claims import tagging
from reviewer.core.errors import ReviewerError
from reviewer.core.exports.privilege_log import log_caption
from reviewer.core.exports.report import caption
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import audit, documents, labels
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import PdfWriter
from reviewer.core.privilege import coding as privilege
from reviewer.core.production import redactions


def _pleading(path: Path, title: str, district: str = "NORTHERN DISTRICT OF CALIFORNIA") -> Path:
    """A one-page captioned filing: court lines, parties column, case number and title."""
    w = PdfWriter()
    w.new_page()
    w.text(200, 100, "UNITED STATES DISTRICT COURT", 12)
    w.text(190, 116, district, 12)
    w.text(72, 150, "JANE WILLIAMS, an individual,", 12)
    w.text(340, 150, "Case No. 3:22-cv-990-ABC", 12)
    w.text(110, 170, "Plaintiff,", 12)
    w.text(340, 186, title, 12)
    w.text(90, 190, "v.", 12)
    w.text(72, 210, "WELLS FARGO BANK, N.A., a national", 12)
    w.text(72, 224, "banking association,", 12)
    w.text(110, 244, "Defendant.", 12)
    for i, y in enumerate(range(300, 420, 24), start=1):
        w.text(
            72, y, f"{i}. The defendant did a thing that is alleged in paragraph number {i}.", 12
        )
    w.save(path)
    return path


@pytest.fixture
def two(matter: Matter, tmp_path: Path) -> Matter:
    files = [
        _pleading(tmp_path / "decl.pdf", "DECLARATION OF SAM BERRY IN SUPPORT OF MOTION"),
        _pleading(tmp_path / "compl.pdf", "FIRST AMENDED COMPLAINT"),
    ]
    for _ in import_files(matter, files):
        pass
    return matter


def test_a_caption_is_read_by_structure(two: Matter) -> None:
    doc = documents.find_document(two, "compl.pdf")
    assert (doc.kind, doc.court, doc.case_no) == ("complaint", "N.D. Cal.", "3:22-cv-00990")
    assert doc.case_name == "Williams v. Wells Fargo Bank, N.A."
    assert doc.parties == {
        "plaintiffs": ["JANE WILLIAMS"],
        "defendants": ["WELLS FARGO BANK, N.A."],
    }
    assert doc.kind_reason == "title: FIRST AMENDED COMPLAINT"
    first = documents.find_paragraph(two, doc, "3")
    assert first.cite == "First Am. Compl. ¶ 3"
    decl = documents.find_document(two, "decl.pdf")
    assert (decl.kind, decl.short_cite) == ("declaration", "Berry Decl.")


def test_changing_the_kind_keeps_every_tag_coding_and_redaction(two: Matter) -> None:
    doc = documents.find_document(two, "decl.pdf")
    paras = documents.paragraphs(two, doc.id)
    claims.add_from_template(two, "tvpra-1595")
    element = claims.list_claims(two)[0].elements[0].full_id
    tagging.tag(two, [paras[-1].id], element, "factual")
    privilege.set_privilege(two, [doc.id], "withheld", "ac")
    redactions.add_redaction(two, doc.id, 1, next(iter(redactions.INFO_TYPES)), reason="why")
    before = {t: two.db.execute(f"SELECT * FROM {t}").fetchall()
              for t in ("tags", "privilege", "redactions")}  # fmt: skip
    texts = [(p.id, p.number, p.text) for p in paras]

    labels.set_kind(two, doc.id, "brief")

    after = documents.find_document(two, doc.id)
    assert (after.kind, after.kind_reason.startswith("set by")) == ("brief", True)
    assert (after.title, after.case_no) == (doc.title, doc.case_no)
    for t, rows in before.items():
        assert two.db.execute(f"SELECT * FROM {t}").fetchall() == rows
    now = documents.paragraphs(two, doc.id)
    assert [(p.id, p.number, p.text) for p in now] == texts
    assert now[-1].cite.startswith("Br.")  # the short form follows the kind
    audit.undo(two)
    assert documents.find_document(two, doc.id).kind == "declaration"
    assert documents.paragraphs(two, doc.id)[-1].cite.startswith("Berry Decl.")


def test_an_unknown_kind_is_refused_and_changes_nothing(two: Matter) -> None:
    with pytest.raises(ReviewerError, match="not a kind"):
        labels.set_kind(two, "decl.pdf", "memo")
    assert documents.find_document(two, "decl.pdf").kind == "declaration"


def test_export_headings_use_the_first_complaints_caption_unless_set_by_hand(two: Matter) -> None:
    heading = caption(two)
    assert heading[1:] == (
        "United States District Court, Northern District of California",
        "Case No. 3:22-cv-00990",
        "Williams v. Wells Fargo Bank, N.A.",
    )
    labels.set_matter_caption(two, court="N.D. Cal.", case_no="3:22-cv-00990-XYZ")
    assert caption(two)[1:3] == ("N.D. Cal.", "Case No. 3:22-cv-00990-XYZ")
    assert log_caption(two, "Privilege Log")[1:4] == (
        "N.D. Cal.", "Case No. 3:22-cv-00990-XYZ", "Williams v. Wells Fargo Bank, N.A.",
    )  # fmt: skip
    assert labels.matter_caption(two).source == "set by hand"
