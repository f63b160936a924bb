"""Segmentation of generated filings: one PDF per failure class of issue 13 (glued and
split headings, run-in sub-headings, prayer items, jury demand, run-in count numbers,
body-size footnotes across a page break, sideways margin text, PageID stamps, COUNT titles
however set, several lists, numbered headings, transcripts, the caption block)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.ingest import pipeline as ingest
from reviewer.core.ingest.segment import Para
from tests.core.filing_fixture import LEFT, Filing, prose


def _units(f: Filing, tmp_path: Path) -> list[Para]:
    return ingest.parse(f.save(tmp_path / "f.pdf")).paras


def _numbered(paras: list[Para]) -> list[Para]:
    return [p for p in paras if p.kind == "numbered"]


def _body(n: int = 3, start: int = 1, f: Filing | None = None) -> Filing:
    f = f or Filing()
    for k in range(start, start + n):
        f.para(k, prose(3, seed=k))
    return f


def test_a_heading_after_an_unfinished_paragraph_is_not_glued_to_it(tmp_path: Path) -> None:
    f = _body(2)
    f.para(3, [*prose(2, seed=3)[:-1], "and the damages exceed the sum of $75,000"])
    f.centred("FACTUAL ALLEGATIONS")
    _body(2, 4, f)
    paras = _units(f, tmp_path)
    three = _numbered(paras)[2]
    assert three.text.endswith("$75,000")
    assert [p.text for p in paras if p.kind == "heading"] == ["FACTUAL ALLEGATIONS"]
    assert [p.number for p in _numbered(paras)] == ["1", "2", "3", "4", "5"]


def test_a_wrapped_heading_is_one_unit(tmp_path: Path) -> None:
    f = Filing().centred("DEFENDANTS' UNLAWFUL PRACTICES IN THE SALE")
    f.centred("OF CONSUMER PRODUCTS TO RESIDENTS")
    _body(3, 1, f)
    heads = [p.text for p in _units(f, tmp_path) if p.kind == "heading"]
    assert heads == ["DEFENDANTS' UNLAWFUL PRACTICES IN THE SALE OF CONSUMER PRODUCTS TO RESIDENTS"]


def test_a_bold_run_in_subheading_is_a_heading(tmp_path: Path) -> None:
    f = _body(2)
    f.line("A. The Platform's Design.", LEFT, bold=True)
    _body(2, 3, f)
    paras = _units(f, tmp_path)
    assert "A. The Platform's Design." in [p.text for p in paras if p.kind == "heading"]
    assert not any("Platform's Design" in p.text for p in _numbered(paras))


def test_prayer_items_are_one_unit_each_and_the_jury_demand_is_no_paragraph(
    tmp_path: Path,
) -> None:
    f = _body(3).centred("PRAYER FOR RELIEF")
    f.line("WHEREFORE, Plaintiff prays for judgment against Defendants as follows:")
    letters = "abcdefghijk"
    for c in letters:
        f.line(f"({c}) an award of relief of the kind numbered {c} in this prayer;", LEFT + 36)
    f.centred("DEMAND FOR JURY TRIAL")
    f.line("Plaintiff demands a trial by jury on all issues so triable.", LEFT + 36)
    f.line("Dated: May 1, 2024", LEFT).line("/s/ Jane Roe", LEFT + 250)
    paras = _units(f, tmp_path)
    prayer = [p for p in paras if p.kind == "prayer"]
    assert [p.number for p in prayer] == list(letters)
    assert all(p.text.startswith("an award of relief") for p in prayer)
    assert [p.number for p in _numbered(paras)] == ["1", "2", "3"]
    assert not any("jury" in p.text for p in _numbered(paras) + prayer)


def test_count_paragraph_numbers_running_in_after_the_title_are_found(tmp_path: Path) -> None:
    f = _body(3)
    f.line("COUNT I - NEGLIGENCE 4. Plaintiff realleges paragraphs 1 through 3.", LEFT)
    _body(2, 5, f)
    paras = _units(f, tmp_path)
    nums = _numbered(paras)
    assert [p.number for p in nums] == ["1", "2", "3", "4", "5", "6"]
    assert nums[3].text == "Plaintiff realleges paragraphs 1 through 3."
    assert nums[3].count == "COUNT I - NEGLIGENCE"


@pytest.mark.parametrize(
    ("heading", "count", "against"),
    [
        (["COUNT II", "RACE DISCRIMINATION IN VIOLATION OF 42 U.S.C. § 1981",
          "(Against All Defendants)"],
         "COUNT II – RACE DISCRIMINATION IN VIOLATION OF 42 U.S.C. § 1981",
         "(Against All Defendants)"),
        (["CLAIMS FOR RELIEF", "FIRST CLAIM FOR RELIEF", "Negligence"],
         "FIRST CLAIM FOR RELIEF – Negligence", None),
        (["CAUSES OF ACTION", "I.", "BREACH OF CONTRACT"], "I. BREACH OF CONTRACT", None),
        (["SECOND CAUSE OF ACTION", "Unjust Enrichment", "(Against Defendant Acme Corp.)"],
         "SECOND CAUSE OF ACTION – Unjust Enrichment", "(Against Defendant Acme Corp.)"),
    ],
)  # fmt: skip
def test_count_is_the_whole_heading_with_its_title(
    tmp_path: Path, heading: list[str], count: str, against: str | None
) -> None:
    f = _body(3)
    for t in heading:
        f.centred(t, bold=not t.startswith("("))
    _body(2, 4, f)
    nums = _numbered(_units(f, tmp_path))
    assert [(p.count, p.count_against) for p in nums[3:]] == [(count, against)] * 2
    assert nums[2].count is None


def test_a_count_title_split_over_a_page_break_is_kept_whole(tmp_path: Path) -> None:
    f = _body(3)
    while f.y < 680:
        f.line("")
    f.centred("COUNT III")
    f.new_page().centred("FRAUDULENT CONCEALMENT")
    _body(2, 4, f)
    nums = _numbered(_units(f, tmp_path))
    assert nums[3].count == "COUNT III – FRAUDULENT CONCEALMENT"


def test_body_size_footnote_is_its_own_unit_and_the_paragraph_crosses_it(tmp_path: Path) -> None:
    f = _body(2)
    while f.y < 600:
        f.line("")
    f.para(
        3,
        [
            "The defendant knew of the defect.1 It said nothing to the buyers of its",
            "products for many years before the recall was announced to the public",
        ],
    )
    f.at("1 Recall notice of March 3, 2020, attached as Exhibit B.", LEFT, 745, size=12)
    f.new_page().line("and the regulators who oversee the industry.")
    _body(1, 4, f)
    paras = _units(f, tmp_path)
    three = _numbered(paras)[2]
    assert three.text.endswith("who oversee the industry.")
    assert "Recall notice" not in three.text
    (note,) = [p for p in paras if p.kind == "footnote"]
    assert note.number == "1"
    assert note.text.startswith("Recall notice")
    assert note.note_of is three


def test_sideways_margin_text_stamps_and_bates_numbers_never_reach_a_paragraph(
    tmp_path: Path,
) -> None:
    f = _body(12)
    f.every_page("SMITH & JONES LLP ATTORNEYS AT LAW", 40, 600, rotate=90)
    f.every_page("Case 1:24-cv-00524-JPH Document 1 Filed 03/21/24 Page 2 of 3", 100, 30)
    f.every_page("PageID #: 145", 280, 42)
    f.every_page("ACME 000123", 480, 770)
    paras = _units(f, tmp_path)
    text = " ".join(p.text for p in paras)
    for junk in ("SMITH", "PageID", "Filed 03/21/24", "ACME 000123"):
        assert junk not in text, junk
    assert [p.number for p in _numbered(paras)] == [str(n) for n in range(1, 13)]


def test_each_list_keeps_its_own_numbers(tmp_path: Path) -> None:
    f = Filing().line("I, Jane Roe, declare as follows:")
    _body(3, 1, f)
    f.line("I declare under penalty of perjury that the foregoing is true and correct.")
    f.line("/s/ Jane Roe", LEFT + 250)
    f.new_page().centred("EXHIBIT A").centred("SETTLEMENT AGREEMENT")
    _body(2, 1, f)
    nums = _numbered(_units(f, tmp_path))
    assert [(p.list_no, p.number) for p in nums] == [
        (1, "1"), (1, "2"), (1, "3"), (2, "1"), (2, "2"),
    ]  # fmt: skip


def test_numbered_headings_of_a_brief_are_headings(tmp_path: Path) -> None:
    f = Filing().centred("ARGUMENT")
    for n, title in enumerate(("The Fund's Fees", "The Fund's Performance"), start=1):
        f.line(f"{n}. {title}", LEFT + 36, bold=True)
        f.para(None, prose(4, seed=n))
        f.para(None, prose(3, seed=n + 5))
    paras = _units(f, tmp_path)
    assert _numbered(paras) == []
    assert "1. The Fund's Fees" in [p.text for p in paras if p.kind == "heading"]


def test_a_transcript_has_no_numbered_paragraphs(tmp_path: Path) -> None:
    f = Filing()
    speakers = ("THE COURT:", "MR. SMITH:", "MS. JONES:")
    for page in range(3):
        if page:
            f.new_page()
        for n in range(1, 26):
            f.at(str(n), 50, 90 + 24 * n, size=12)
            who = speakers[n % 3] if n % 4 == 1 else ""
            text = f"{who} {n}. That is what the record shows, Your Honor." if who else (
                f"{n}. and the witness said so on the record that day")  # fmt: skip
            f.at(text, LEFT + 20, 90 + 24 * n, size=12)
    paras = _units(f, tmp_path)
    assert _numbered(paras) == []


def test_the_caption_block_is_one_unit(tmp_path: Path) -> None:
    f = Filing()
    for t in ("JANE ROE (SBN 123456)", "jroe@example.com", "ROE LAW LLP",
              "1 Main Street, Suite 200", "Attorneys for Plaintiff"):  # fmt: skip
        f.line(t, LEFT, pitch=14)
    f.line("")
    f.centred("UNITED STATES DISTRICT COURT").centred("NORTHERN DISTRICT OF CALIFORNIA")
    for left, right in (("ACME CORP.,", ") Case No. 3:24-cv-01234"), ("Plaintiff,", ")"),
                        ("v.", ") COMPLAINT FOR DAMAGES"), ("WIDGET INC.,", ")"),
                        ("Defendant.", ")")):  # fmt: skip
        f._put(left, LEFT)
        f.line(right, 300)
    f.para(None, prose(2, seed=2))
    _body(2, 1, f)
    paras = _units(f, tmp_path)
    assert paras[0].kind == "caption"
    assert "Case No. 3:24-cv-01234" in paras[0].text
    assert "JANE ROE" in paras[0].text
    assert sum(p.kind == "caption" for p in paras) == 1
    assert [p.number for p in _numbered(paras)] == ["1", "2"]


def test_a_roman_numeral_on_a_line_of_its_own_heads_the_title_below_it(tmp_path: Path) -> None:
    f = Filing()
    for numeral, title, first in (("I.", "INTRODUCTION", 1), ("II.", "THE PARTIES", 3)):
        f.line(numeral, 300, bold=True, pitch=34)  # a line and a half above its title
        f.centred(title)
        _body(2, first, f)
    paras = _units(f, tmp_path)
    heads = ["I. INTRODUCTION", "II. THE PARTIES"]
    assert [p.text for p in paras if p.kind == "heading"] == heads
    assert [p.section for p in _numbered(paras)] == [heads[0]] * 2 + [heads[1]] * 2


def test_a_signature_block_line_that_happens_to_sit_near_the_centre_is_no_heading(
    tmp_path: Path,
) -> None:
    f = _body(3)
    block = (
        "Respectfully submitted,",
        "ROE LAW LLP",
        "By: /s/ Jane Roe",
        "Attorneys for Defendant",
        "NORTHWESTERN INTEGRATED",
        "CIRCUIT CO., LTD.",
    )
    for t in block:
        f.line(t, 302, pitch=14)
    paras = _units(f, tmp_path)
    assert not [p.text for p in paras if p.kind == "heading"]
    assert any(p.text.endswith(" ".join(block[-2:])) for p in paras)


def test_a_caption_whose_parties_run_over_the_page_is_one_unit(tmp_path: Path) -> None:
    f = Filing()
    for t in (
        "JANE ROE (SBN 123456)",
        "jroe@example.com",
        "ROE LAW LLP",
        "1 Main Street, Suite 200",
        "Oakland, California 94612",
        "Attorneys for Plaintiffs",
    ):
        f.line(t, LEFT, pitch=24)  # fmt: skip
    f.line("")
    f.centred("UNITED STATES DISTRICT COURT").centred("NORTHERN DISTRICT OF CALIFORNIA")
    for left, right in (
        ("JOHN DOE, a minor, by his guardian", ") Case No. 4:24-cv-01234"),
        ("JANE DOE; RICHARD DOE, a minor;", ") DECLARATION OF JANE ROE"),
        ("MARY DOE, a minor; and", ")"),
        ("PETER DOE, a minor,", ")"),
        ("SUSAN DOE, a minor, and", ")"),
        ("ALAN DOE, a minor,", ")"),
    ):
        f._put(left, LEFT)  # fmt: skip
        f.line(right, 300)
    f.new_page()
    for t in ("Plaintiffs,", "v.", "KENNETH WIDGETSON,", "Defendant."):
        f.line(t, LEFT + (110 if t.endswith(("s,", "t.")) else 0))
    f.line("I, Jane Roe, hereby declare as follows:", LEFT + 36)
    _body(2, 1, f)
    paras = _units(f, tmp_path)
    assert paras[0].kind == "caption"
    assert "KENNETH WIDGETSON" in paras[0].text
    assert (paras[0].page_start, paras[0].page_end) == (1, 2)
    assert not [p.text for p in paras if p.kind == "heading"]
    assert [p.number for p in _numbered(paras)] == ["1", "2"]


def test_a_bold_heading_that_runs_to_the_margin_and_wraps_is_one_unit(tmp_path: Path) -> None:
    f = _body(2)
    f.line("A. Defendants Knowingly Benefited From Participation In A Venture That Traded", LEFT,
           bold=True, pitch=14)  # fmt: skip
    f.line("In Children And Profited From The Material It Hosted", LEFT, bold=True)
    _body(2, 3, f)
    paras = _units(f, tmp_path)
    assert [p.text for p in paras if p.kind == "heading"] == [
        "A. Defendants Knowingly Benefited From Participation In A Venture That Traded "
        "In Children And Profited From The Material It Hosted"
    ]
    assert [p.number for p in _numbered(paras)] == ["1", "2", "3", "4"]
    assert not [p for p in paras if p.kind == "text"]


def test_a_transcripts_appearances_give_no_headings_but_its_proceedings_do(
    tmp_path: Path,
) -> None:
    f = Filing()
    f.centred("UNITED STATES DISTRICT COURT").centred("NORTHERN DISTRICT OF CALIFORNIA")
    for t in ("JANE ROE, Plaintiff,", "v.", "WIDGET INC., Defendant.", "Case No. 3:24-cv-01234"):
        f.line(t, LEFT + 20)
    f.centred("REPORTER'S TRANSCRIPT OF PROCEEDINGS")
    f.new_page().centred("APPEARANCES:")
    for t in ("For Plaintiff:", "ROE & PARTNERS LLP", "1 Main Street, Oakland, California",
              "BY: JANE ROE, ESQ.", "For Defendant:", "WIDGET COUNSEL LLP",
              "BY: JOHN POE, ESQ."):  # fmt: skip
        f.line(t, LEFT + 20)
    f.new_page().centred("P R O C E E D I N G S")
    speakers = ("THE COURT:", "MR. ROE:", "MR. POE:")
    for n in range(2, 26):
        who = speakers[n % 3] if n % 2 else ""
        said = "that is what the record of this hearing shows on this very day, Your Honor."
        f.line(f"{who} {said}" if who else said.capitalize(), LEFT + 20)
    for page in f.pages:
        for n in range(1, 26):
            page.append(("at", str(n), 50.0, 72.0 + 24 * (n - 1), 0, 12))
    paras = _units(f, tmp_path)
    heads = [p.text for p in paras if p.kind == "heading"]
    assert "P R O C E E D I N G S" in heads
    assert not {"ROE & PARTNERS LLP", "WIDGET COUNSEL LLP", "BY: JANE ROE, ESQ."} & set(heads)
    assert any("WIDGET COUNSEL LLP" in p.text for p in paras if p.kind == "text")
    assert _numbered(paras) == []


def test_a_dated_line_in_capitals_opens_the_signature_not_a_section(tmp_path: Path) -> None:
    f = _body(3)
    f.line("")
    f._put("DATED: July 9, 2019", LEFT)
    f.line("ROE & PARTNERS LLP", 300, pitch=14)
    f.line("WIDGET COUNSEL", 300, pitch=14)
    f.line("By: /s/ Jane Roe", 300)
    paras = _units(f, tmp_path)
    assert not [p.text for p in paras if p.kind == "heading"]
    assert [p.number for p in _numbered(paras)] == ["1", "2", "3"]
