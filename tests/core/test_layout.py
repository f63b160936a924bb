"""Unit tests of the pure page-furniture and segmentation functions."""

from __future__ import annotations

import pytest

from reviewer.core.ingest.layout import CleanPage, Row, clean_page, parse_ecf, text_quality
from reviewer.core.ingest.segment import join_rows, segment
from reviewer.core.pdf import Line, PageText


@pytest.mark.parametrize(
    ("raw", "case", "doc", "filed", "page", "of"),
    [
        ("Case 3:21-cv-00485-JCS Document 1 Filed 01/20/21 Page 12 of 49",
         "3:21-cv-00485-JCS", "1", "2021-01-20", 12, 49),
        ("Case 1:24-cv-00524-JPH-KMB   Document 1   Filed 03/21/24   Page 2 of 12 PageID #: 2",
         "1:24-cv-00524-JPH-KMB", "1", "2024-03-21", 2, 12),
        ("Case 1:21-cv-01061-KLM Document 1 Filed 04/16/21 USDC Colorado Page 2 of 16",
         "1:21-cv-01061-KLM", "1", "2021-04-16", 2, 16),
        ("Case 2:20-cv-09582-JFW-E Document 49-4 Filed 02/24/21 Page 21 of 47 Page ID #:816",
         "2:20-cv-09582-JFW-E", "49-4", "2021-02-24", 21, 47),
    ],
)  # fmt: skip
def test_ecf_stamps_parse(raw: str, case: str, doc: str, filed: str, page: int, of: int) -> None:
    s = parse_ecf(raw)
    assert s is not None
    assert (s.case_no, s.doc_no, s.filed, s.page, s.page_of) == (case, doc, filed, page, of)


def test_text_that_is_not_a_stamp_is_not_parsed() -> None:
    assert parse_ecf("See Case No. 3:21-cv-00485, Document 1 at 12.") is None


def test_text_quality_tells_text_from_glyph_garbage_and_scans() -> None:
    prose = "Plaintiff alleges that the Defendant knowingly benefited from the venture. " * 3
    assert text_quality(prose, 0.0) == "good"
    assert text_quality("\x01\x02!;3,\x01(396\x01(336=9\x01" * 10, 0.0) == "garbage"
    assert text_quality("Xq zvb kkr tpl wnm rrs qzx vbn " * 5, 0.0) == "garbage"
    assert text_quality("Case 1:20 Doc 1", 1.0) == "empty"
    assert text_quality("c. d.", 0.0) == "blank"


def _line(text: str, x0: float, y0: float, size: float = 12, bold: bool = False) -> Line:
    return Line(text, x0, y0, x0 + 6 * len(text), y0 + size, size, bold)


def _pleading_page(index: int, body: list[tuple[str, float]]) -> PageText:
    lines = [_line(str(n), 60, 60 + 24 * n) for n in range(1, 29)]
    lines += [_line(t, x, 60 + 24 * (i + 1)) for i, (t, x) in enumerate(body)]
    lines.append(
        _line(f"Case 3:25-cv-01234 Document 1 Filed 01/21/25 Page {index + 1} of 2", 100, 20)
    )
    return PageText(index, 612, 792, tuple(lines))


def test_margin_numbers_and_stamp_are_stripped_and_paragraph_joins_across_pages() -> None:
    from reviewer.core.ingest.layout import clean_pages

    p1 = _pleading_page(
        0,
        [
            ("1. Plaintiff brings this action under the statute and", 126),
            ("seeks relief for the harm done to her by the platform", 90),
        ],
    )
    p2 = _pleading_page(1, [("and its owners.", 90), ("2. Defendant is a corporation.", 126)])
    pages = clean_pages([p1, p2])
    assert all(p.ecf is not None and p.ecf.doc_no == "1" for p in pages)
    assert not any(r.text.isdigit() for p in pages for r in p.rows)
    paras = [p for p in segment(pages, min_numbered=1) if p.kind == "numbered"]
    assert [p.number for p in paras] == ["1", "2"]
    assert paras[0].text.endswith("by the platform and its owners.")
    assert (paras[0].page_start, paras[0].page_end) == (1, 2)


def test_numbers_out_of_sequence_do_not_open_paragraphs() -> None:
    rows = ["1. First allegation ends here.", "2. Second allegation quotes a list:",
            "1. an item of the quoted list.", "3. Third allegation."]  # fmt: skip
    page = CleanPage(0, 612, 792, [
        Row(0, 126 if t[0] in "123" else 90, 100 + 24 * i, 540, 112 + 24 * i, 12, False, t,
            [_line(t, 126, 100 + 24 * i)])
        for i, t in enumerate(rows)
    ], "", "good")  # fmt: skip
    paras = [p for p in segment([page]) if p.kind == "numbered"]
    assert [p.number for p in paras] == ["1", "2", "3"]
    assert "an item of the quoted list" in paras[1].text


def test_join_rows_keeps_hyphenated_compounds() -> None:
    assert join_rows(["a limited-", "liability company"]) == "a limited-liability company"
    assert join_rows(["ends here.", "Next"]) == "ends here. Next"


def test_clean_page_reads_a_printed_page_label() -> None:
    body = _line("Body text of the page that is long enough to count.", 90, 100)
    page = PageText(0, 612, 792, (body, _line("- 7 -", 295, 750)))
    assert clean_page(page, set(), set()).label == "7"
