"""Captions in the shapes the corpus showed only once, each on a generated page: SDNY's
``-v-`` and its clerk's stamp box beside the title, a bankruptcy appeal (``In re`` its
debtor), an AO form's ``for the`` court line, a minutes form's court banner repeated on every
page, a plaintiff's line that cannot be read (the counsel block names the client)."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.ingest import captions, layout
from reviewer.core.pdf import PdfWriter, read_pdf

Line = tuple[float, float, str]


def _caption(tmp_path: Path, first: list[Line], pages: int = 1) -> captions.Caption:
    """Read the caption of a PDF whose first page prints ``first`` (x, y, text) and whose
    every page carries a body and the same court banner on top."""
    w = PdfWriter()
    for n in range(pages):
        w.new_page()
        for x, y, text in first if n == 0 else [(200, 40, "UNITED STATES DISTRICT COURT")]:
            w.text(x, y, text, 12)
        for i, y in enumerate(range(480 if n == 0 else 120, 700, 24), start=1):
            w.text(72, y, f"The court has considered the papers, line {i}, and rules as follows.")
    path = tmp_path / "f.pdf"
    w.save(path)
    return captions.read_caption(layout.clean_pages(read_pdf(path).pages[:4]))


def test_sdny_dash_v_dash_and_the_clerks_stamp_box(tmp_path: Path) -> None:
    cap = _caption(tmp_path, [
        (72, 72, "UNITED STATES DISTRICT COURT"), (72, 86, "SOUTHERN DISTRICT OF NEW YORK"),
        (380, 100, "USDC SDNY"), (380, 112, "DOCUMENT"), (380, 124, "ELECTRONICALLY FILED"),
        (380, 136, "DOC #:"), (380, 148, "DATE FILED: 6/1/2020"),
        (78, 130, "OTIS A. DANIEL,"), (259, 154, "Plaintiff,"), (187, 178, "-v-"),
        (444, 190, "ORDER"), (330, 160, "13 Civ. 4384 (PAE)"),
        (79, 202, "T&M PROTECTION RESOURCES LLC, et al.,"), (259, 226, "Defendants."),
    ])  # fmt: skip
    assert (cap.court, cap.case_name, cap.title) == (
        "S.D.N.Y.",
        "Daniel v. T&M Protection Resources LLC",
        "ORDER",
    )
    assert cap.case_no == "13-cv-04384"


def test_a_bankruptcy_appeal_is_known_by_its_debtor(tmp_path: Path) -> None:
    cap = _caption(tmp_path, [
        (72, 72, "UNITED STATES DISTRICT COURT"), (72, 86, "SOUTHERN DISTRICT OF NEW YORK"),
        (72, 116, "In re:"), (323, 116, ":"), (72, 140, "ACME BAKERIES, INC., et al.,"),
        (323, 140, ":"), (215, 164, "Debtors."), (323, 164, ":"),
        (72, 200, "BAKERS UNION,"), (323, 200, ":"), (400, 200, "OPINION AND ORDER"),
        (215, 224, "Appellant,"), (323, 224, ":"), (142, 248, "-against-"), (323, 248, ":"),
        (72, 272, "ACME BAKERIES, INC., et al.,"), (323, 272, ":"),
        (215, 296, "Appellees."), (323, 296, ":"), (400, 230, "12 Civ. 5708 (ER)"),
    ])  # fmt: skip
    assert cap.case_name == "In re Acme Bakeries, Inc."
    assert cap.title == "OPINION AND ORDER"
    assert cap.plaintiffs == ["BAKERS UNION"]  # the parties stay the parties


def test_an_ao_form_court_line_for_the_district(tmp_path: Path) -> None:
    cap = _caption(tmp_path, [
        (64, 60, "AO 91 (Rev. 11/11) Criminal Complaint"),
        (188, 80, "UNITED STATES DISTRICT COURT"), (299, 96, "for the"),
        (460, 96, "Clerk, Plattsburgh"), (244, 110, "Northern District of New York"),
        (65, 130, "UNITED STATES OF AMERICA"), (281, 130, ")"), (162, 144, "v."),
        (281, 144, ")"), (64, 158, "GREGORY BROWN,"), (281, 158, ")"),
        (314, 158, "Case No. 8:20-MJ-487 (GLF)"), (281, 172, ")"), (142, 186, "Defendant"),
        (281, 186, ")"), (243, 220, "CRIMINAL COMPLAINT"),
    ])  # fmt: skip
    assert (cap.court, cap.case_name, cap.case_no) == (
        "N.D.N.Y.",
        "United States v. Brown",
        "8:20-mj-00487",
    )


def test_a_minutes_forms_court_banner_on_every_page_is_its_court(tmp_path: Path) -> None:
    cap = _caption(tmp_path, [
        (200, 40, "UNITED STATES DISTRICT COURT"), (186, 54, "CENTRAL DISTRICT OF CALIFORNIA"),
        (209, 85, "CIVIL MINUTES - GENERAL"), (66, 116, "Case No. 2:20-CV-02299-CAS (SKx)"),
        (400, 116, "Date July 9, 2021"), (66, 149, "Title"),
        (136, 149, "JBF INTERLUDE 2009 LTD, ET AL. v. QUIBI HOLDINGS LLC, ET AL."),
    ], pages=3)  # fmt: skip
    assert (cap.court, cap.case_no) == ("C.D. Cal.", "2:20-cv-02299")
    assert cap.case_name == "JBF Interlude 2009 Ltd. v. Quibi Holdings LLC"


def test_an_unreadable_plaintiff_line_is_named_by_the_counsel_block(tmp_path: Path) -> None:
    cap = _caption(tmp_path, [
        (90, 70, "LUIS LI (State Bar No. 156081)"),
        (90, 84, "Attorneys for Plaintiff Vanessa Bryant"),
        (140, 110, "UNITED STATES DISTRICT COURT"), (140, 124, "CENTRAL DISTRICT OF CALIFORNIA"),
        (334, 150, "Case No. 2:20-cv-09582"), (160, 170, "Plaintiff,"),
        (334, 170, "FIRST AMENDED COMPLAINT"), (127, 194, "vs."),
        (91, 218, "COUNTY OF LOS ANGELES, a public entity;"),
    ])  # fmt: skip
    assert cap.case_name == "Bryant v. County of Los Angeles"
