"""The bad-redaction check as import runs it: told by the text it has just read which pages
hold nothing it could report (``pdf.hints``), it finds exactly what the full check finds,
and reads far fewer text traces."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from reviewer.core.pdf import covers
from reviewer.core.pdf.covers import bad_redactions
from reviewer.core.pdf.intake import read_for_import
from reviewer.core.pdf.read import read_pdf
from tests.core.redaction_samples import BAD, CLEAN, bad, clean

# corpus filings with true findings, with remnant glyphs at box edges, white text on coloured
# headings, an OCR layer on a scan, a redline, pleading paper's white margin boxes
REAL = (
    "cand-288207-order-pleading-paper.pdf",
    "cod-berkshire-v-schubert-complaint.pdf",
    "dev2-cacd-2-18-cv-09321-55-3.pdf",
    "cand-316263-second-amended-complaint.pdf",
    "cacd-646349-opposition-clawback-privilege.pdf",
    "cacd-667461-exhibit-survey-report.pdf",
    "ared-declaration-ocr-scan.pdf",
    "cacd-798862-redline-first-amended-complaint.pdf",
    "akd-thomas-complaint-page1-hidden-text.pdf",
    "caed-373457-complaint.pdf",
    "dev2-cacd.719911.55.44.pdf",
)


@pytest.mark.parametrize("kind", BAD + CLEAN)
def test_generated_pages_give_what_the_full_check_gives(tmp_path: Path, kind: str) -> None:
    make = bad if kind in BAD else clean
    path = make(kind, tmp_path / f"{kind}.pdf")
    pdf, found = read_for_import(path)
    assert found == bad_redactions(path)
    assert bool(found) == (kind in BAD)
    assert pdf == read_pdf(path)  # the text read is the one read_pdf gives


@pytest.mark.parametrize("name", REAL)
def test_real_filings_give_what_the_full_check_gives(corpus: Path, name: str) -> None:
    assert read_for_import(corpus / name)[1] == bad_redactions(corpus / name)


def _traced(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = covers._chars

    def counting(m: object, page: pymupdf.Page, rects: object) -> object:
        calls.append(page.number)
        return real(m, page, rects)

    monkeypatch.setattr(covers, "_chars", counting)
    return calls


def test_pages_whose_covers_hide_no_text_are_not_traced(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pleading paper: a white box behind the line numbers on every page, drawn before them
    path = corpus / "caed-373457-complaint.pdf"
    calls = _traced(monkeypatch)
    bad_redactions(path)
    full = len(calls)
    calls.clear()
    read_for_import(path)
    assert full >= 20
    assert len(calls) <= full // 2, (len(calls), full)


def test_a_white_background_drawn_first_needs_no_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(page.rect, color=None, fill=(1, 1, 1))  # the page's background, first
    page.insert_text((72, 100), "Text drawn on top of a white background.", fontsize=12)
    page = doc.new_page()
    page.insert_text((72, 100), "Text drawn under a white box.", fontsize=12)
    page.draw_rect(pymupdf.Rect(70, 85, 300, 105), color=None, fill=(1, 1, 1))
    doc.save(tmp_path / "white.pdf")
    calls = _traced(monkeypatch)
    _, found = read_for_import(tmp_path / "white.pdf")
    assert calls == [1]  # only the page whose box came after its text
    assert [(h.page, h.cover) for h in found] == [(2, "white filled box")]


def _glyphs(page: pymupdf.Page, words: str) -> pymupdf.Rect:
    """Where ``words`` are drawn (from the glyphs, whatever the text page makes of them)."""
    for span in page.get_texttrace():
        text = "".join(chr(c[0]) for c in span["chars"])
        at = text.find(words)
        if at >= 0:
            boxes = [pymupdf.Rect(c[3]) for c in span["chars"][at : at + len(words)]]
            return boxes[0] | boxes[-1]
    raise AssertionError(f"{words!r} is not drawn")


def _text_object_page(tmp_path: Path, marked: str = "", name: str = "object.pdf") -> Path:
    """A paragraph drawn as one text object (two lines), a box drawn after it over two words
    of its first line; ``marked``: marked-content properties round the text (ActualText)."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Caption line that is not covered at all.", fontsize=12)
    begin, end = (f"/Span <<{marked}>> BDC ", " EMC") if marked else ("", "")
    ops = (f"{begin}BT /helv 12 Tf 72 200 Td (The first line names Secret Agent Smith here.) Tj "
           f"0 -14 Td (The second line of the same paragraph.) Tj ET{end}")  # fmt: skip
    xref = page.get_contents()[-1]
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + ops.encode())
    box = _glyphs(page, "Secret Agent")
    page.draw_rect(pymupdf.Rect(box.x0 - 1, box.y0 - 1, box.x1 + 1, box.y1 + 1), color=None,
                   fill=(0, 0, 0))  # fmt: skip
    doc.save(tmp_path / name)
    return tmp_path / name


def test_a_box_over_part_of_a_paragraph_drawn_as_one_text_object(tmp_path: Path) -> None:
    path = _text_object_page(tmp_path)
    found = read_for_import(path)[1]
    assert found == bad_redactions(path)
    assert [("Secret Agent" in h.text, h.cover) for h in found] == [(True, "black filled box")]


def test_text_the_text_page_replaces_by_actual_text_is_still_checked(tmp_path: Path) -> None:
    path = _text_object_page(tmp_path, "/ActualText ()", "actual.pdf")
    pdf, found = read_for_import(path)
    assert not any("Secret" in ln.text for p in pdf.pages for ln in p.lines)  # not in the text
    assert found == bad_redactions(path)
    assert len(found) == 1
    assert "Secret Agent" in found[0].text


def test_a_page_not_read_whole_is_always_traced() -> None:
    from reviewer.core.pdf.covers import _Cover
    from reviewer.core.pdf.drawlog import DrawLog
    from reviewer.core.pdf.hints import TextHints, may_hide

    cover = _Cover(pymupdf.Rect(100, 100, 200, 120), 3, "black filled box", 0.0)
    ink = DrawLog([("fill-text", (90.0, 100.0, 210.0, 118.0))])  # drawn before the box, under it
    assert not may_hide(TextHints(), [cover], ink)  # the text page shows no span there
    assert may_hide(TextHints(complete=False), [cover], ink)  # it could not read the page
