"""Court names to Bluebook abbreviations, case numbers normalised, case names as citations
give them — unit cases for what real captions print."""

from __future__ import annotations

import pytest

from reviewer.core.ingest import captions, courts
from reviewer.core.ingest.layout import text_quality


@pytest.mark.parametrize(
    ("lines", "name", "short"),
    [
        (["UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF CALIFORNIA"],
         "United States District Court, Northern District of California", "N.D. Cal."),
        (["IN THE UNITED STATES DISTRICT COURT", "FOR THE DISTRICT OF MARYLAND"],
         "United States District Court for the District of Maryland", "D. Md."),
        (["UNITED STATES DISTRICT COURT", "SOUTHERN DISTRICT OF NEW YORK"],
         "United States District Court, Southern District of New York", "S.D.N.Y."),
        (["UNITED STATES BANKRUPTCY COURT", "NORTHERN DISTRICT OF CALIFORNIA, SAN JOSE DIVISION"],
         "United States Bankruptcy Court, Northern District of California", "Bankr. N.D. Cal."),
        (["UNITED STATED DISTRICT COURT", "CENTRAL DISTRICT OF CALIFORNIA"],
         "United States District Court, Central District of California", "C.D. Cal."),
        (["SUPERIOR COURT OF THE STATE OF CALIFORNIA", "FOR THE COUNTY OF SAN DIEGO"],
         "Superior Court of the State of California for the County of San Diego",
         "Cal. Super. Ct."),
        (["UNITED STATES DISTRICT COURT", "EASTERN DISTRICT OF PENNSYLVANIA"],
         "United States District Court, Eastern District of Pennsylvania", "E.D. Pa."),
        (["UNITED STATES DISTRICT COURT", "DISTRICT OF NEW JERSEY"],
         "United States District Court, District of New Jersey", "D.N.J."),
    ],
)  # fmt: skip
def test_court_lines_give_the_name_and_the_bluebook_abbreviation(
    lines: list[str], name: str, short: str
) -> None:
    assert courts.from_lines(lines) == (name, short)


@pytest.mark.parametrize(
    ("printed", "normal"),
    [
        ("5:17-cv-04992-BLF", "5:17-cv-04992"),
        ("3:17-cv-6932-MMC", "3:17-cv-06932"),
        ("CV 16-02859 CAS (GJSx)", "16-cv-02859"),
        ("SACV 14-341 JVS(DFMx)", "14-cv-00341"),
        ("NO. 2-18-cv-09321-MWF-JDE", "2:18-cv-09321"),
        ("1:21-cv-______________", None),
        ("20-50682 (MEH)", "20-50682"),
        ("37-2022-00044671-CU-OE-CTL", "37-2022-00044671-CU-OE-CTL"),
    ],
)
def test_case_numbers_are_normalised(printed: str, normal: str | None) -> None:
    assert captions.normalise_case_no(printed) == normal


@pytest.mark.parametrize(
    ("plaintiffs", "defendants", "name"),
    [
        (["MELANIE G. SAN PEDRO-SALCEDO"], ["THE HÄAGEN-DAZS SHOPPE COMPANY, INC."],
         "San Pedro-Salcedo v. The Häagen-Dazs Shoppe Company, Inc."),
        (["UNITED STATES OF AMERICA"], ["GRAIGORY BROWN"], "United States v. Brown"),
        (["D George Sweigert"], ["Jason Goodman"], "Sweigert v. Goodman"),
        (["In re WAVE COMPUTING, INC."], [], "In re Wave Computing, Inc."),
        (["NIBI, INC."], ["JOHN DOE"], "Nibi, Inc. v. Doe"),
    ],
)  # fmt: skip
def test_case_names_put_a_persons_surname_and_an_entitys_name(
    plaintiffs: list[str], defendants: list[str], name: str
) -> None:
    assert captions.case_name(plaintiffs, defendants) == name


def test_a_contents_page_of_leader_dots_is_text_not_garbage() -> None:
    toc = "\n".join(
        f"{i}. Section heading number {i} " + "." * 80 + f" {i * 7}" for i in range(1, 30)
    )
    assert text_quality(toc, 0.0) == "good"
    assert text_quality("." * 3000, 0.0) == "blank"
