"""A filing's title as printed: a complaint's title runs on into the claims it lists
(``COMPLAINT FOR DAMAGES FOR: (1) …; (2) …``), a title longer than the parties' column is
read whole, and banners (``REDACTED VERSION``, ``FILED UNDER SEAL``, ``[Re: ECF 318]``) are
not part of it. Generated pleadings; the corpus titles are checked in test_captions_corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.ingest import titles
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import PdfWriter
from reviewer.samples import write_demo_filings

LISTED = [
    "COMPLAINT FOR DAMAGES FOR:",
    "(1) Violation of the Trafficking Victims",
    "Protection Act, 18 U.S.C. § 1595;",
    "(2) Negligence; and",
    "(3) Unjust Enrichment",
    "DEMAND FOR JURY TRIAL",
]


def _complaint(path: Path, right: list[str]) -> Path:
    """A one-page complaint whose caption's second column prints ``right`` line by line."""
    w = PdfWriter()
    w.new_page()
    w.text(200, 100, "UNITED STATES DISTRICT COURT", 12)
    w.text(190, 116, "NORTHERN DISTRICT OF CALIFORNIA", 12)
    w.text(72, 150, "JANE WILLIAMS, an individual,", 12)
    w.text(110, 176, "Plaintiff,", 12)
    w.text(90, 200, "v.", 12)
    w.text(72, 224, "ACME WIDGETS, INC., a Delaware", 12)
    w.text(72, 238, "corporation,", 12)
    w.text(110, 262, "Defendant.", 12)
    w.text(340, 150, "Case No. 3:22-cv-990-ABC", 12)
    for i, text in enumerate(right):
        w.text(340, 176 + 16 * i, text, 12, bold=text.isupper())
    for i, y in enumerate(range(330, 450, 24), start=1):
        w.text(72, y, f"{i}. The defendant did a thing that is alleged in paragraph {i} here.", 12)
    w.save(path)
    return path


def _import(matter: Matter, path: Path) -> documents.Document:
    (p,) = list(import_files(matter, [path]))
    assert p.result is not None, p.message
    assert p.result.doc_id is not None, p.message
    return documents.find_document(matter, p.result.doc_id)


def test_a_title_ending_with_for_keeps_the_claims_it_lists(matter: Matter, tmp_path: Path) -> None:
    doc = _import(matter, _complaint(tmp_path / "c.pdf", LISTED))
    want = (
        "COMPLAINT FOR DAMAGES FOR: (1) Violation of the Trafficking Victims Protection Act, "
        "18 U.S.C. § 1595; (2) Negligence; and (3) Unjust Enrichment"
    )
    assert doc.title == want  # the jury demand after the list is not the title's
    assert doc.display_name == want
    assert (doc.kind, doc.short_cite) == ("complaint", "Compl.")
    assert documents.find_paragraph(matter, doc, "2").cite == "Compl. ¶ 2"


def test_an_amended_complaint_in_capitals_lists_its_claims_too(
    matter: Matter, tmp_path: Path
) -> None:
    right = ["FIRST AMENDED COMPLAINT FOR", "1. BREACH OF CONTRACT", "2. FRAUD AND", "DECEIT"]
    doc = _import(matter, _complaint(tmp_path / "fac.pdf", right))
    assert doc.title == "FIRST AMENDED COMPLAINT FOR 1. BREACH OF CONTRACT 2. FRAUD AND DECEIT"
    assert doc.short_cite == "First Am. Compl."


def test_a_title_longer_than_the_parties_column_is_read_whole(
    matter: Matter, tmp_path: Path
) -> None:
    right = [f"LINE {w} OF A LONG DECLARATION TITLE" for w in ("ONE", "TWO", "THREE")]
    right = ["DECLARATION OF SAM BERRY IN SUPPORT", *right, "ABOUT THINGS", "ANOTHER", "AND MORE"]
    doc = _import(matter, _complaint(tmp_path / "d.pdf", right))
    assert doc.title is not None
    assert doc.title.endswith("ABOUT THINGS ANOTHER AND MORE")
    assert doc.short_cite == "Berry Decl."


def test_the_demo_complaint_title_is_whole(matter: Matter, tmp_path: Path) -> None:
    complaint = write_demo_filings(tmp_path / "demo")[0]
    doc = _import(matter, complaint.path)
    assert doc.title is not None
    assert doc.title.startswith("COMPLAINT FOR DAMAGES FOR: (1) Violation of the Trafficking")
    assert doc.title.endswith("2252A, 2255; and (3) Negligence")
    assert doc.short_cite == "Compl. (Dkt. 1)"


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["ORDER GRANTING MOTION", "[Re: ECF 318, 378]"], "ORDER GRANTING MOTION"),
        (["PUBLICLY FILED REDACTED", "[PROPOSED] ORDER"], "[PROPOSED] ORDER"),
        (["MOTION TO FILE PARTIALLY", "REDACTED BRIEF"], "MOTION TO FILE PARTIALLY REDACTED BRIEF"),
        (
            ["MOTION TO FILE EXHIBIT A", "UNDER SEAL", "FILED UNDER SEAL"],
            "MOTION TO FILE EXHIBIT A",
        ),
        (
            ["NOTICE OF MOTION AND MOTION TO", "FILE EXHIBIT A UNDER SEAL"],
            "NOTICE OF MOTION AND MOTION TO FILE EXHIBIT A UNDER SEAL",
        ),
        (["COMPLAINT FOR:", "", "(a) Fraud", "Date: May 1, 2024"], "COMPLAINT FOR: (a) Fraud"),
        (["COMPLAINT FOR:", "Judge: Hon. A. B. Cee"], "COMPLAINT FOR:"),
    ],
)
def test_where_a_title_starts_and_stops(lines: list[str], title: str) -> None:
    assert titles.from_column(lines) == title


def test_the_head_of_a_title_is_before_its_list() -> None:
    assert titles.head("FIRST AMENDED COMPLAINT FOR: (1) FRAUD") == "FIRST AMENDED COMPLAINT FOR:"
    assert titles.head("COMPLAINT FOR 1. FRAUD; 2. AMENDED RULES") == "COMPLAINT FOR"
    assert titles.head("ORDER (1) GRANTING MOTION") == "ORDER (1) GRANTING MOTION"
