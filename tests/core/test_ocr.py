"""OCR: margin numbers as OCR reads them, Tesseract's TSV, and OCR of generated scans in a
matter (stored in one transaction, searchable, cancellable, Tesseract absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.core.errors import OcrUnavailableError
from reviewer.core.ingest import ocr
from reviewer.core.ingest.layout import clean_pages, margin_number_columns, ocr_number
from reviewer.core.ingest.ocr_run import ocr_documents, plan
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.ingest.segment import segment
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import Line, PageText, PdfWriter
from reviewer.core.search import SearchIndex
from reviewer.core.search.locate import hit_boxes

needs_tesseract = pytest.mark.usefixtures("tesseract")


def _line(text: str, x0: float, y0: float, x1: float | None = None) -> Line:
    return Line(text, x0, y0, x1 if x1 is not None else x0 + 6 * len(text), y0 + 12, 12, False)


@pytest.mark.parametrize(
    ("text", "value"),
    [("I", 1), ("2", 2), ("a", 3), ("t2", 12), ("t4", 14), ("r6", 16), ("l7", 17), ("28", 28),
     ("the", None), ("Al.", None), ("", None), ("x", None)],
)  # fmt: skip
def test_ocr_number_reads_misread_margin_digits(text: str, value: int | None) -> None:
    assert ocr_number(text) == value


# The margin column of an OCR'd pleading page, as the corpus's declaration of service has it.
_OCR_MARGIN = [
    *[
        "I",
        "2",
        "a",
        "J",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "t2",
        "13",
        "t4",
        "15",
        "r6",
        "l7",
        "18",
        "19",
        "20",
    ]
]


def _ocr_pleading_page(margin: list[str]) -> PageText:
    lines = [_line(t, 60 - 6 * len(t), 80 + 24 * i, 60) for i, t in enumerate(margin)]
    body = [
        "1. Plaintiff brings this action and alleges as",
        "follows against the defendant.",
        "2. Defendant is a corporation doing business in",
        "the district and elsewhere.",
    ]
    lines += [_line(t, 90, 80 + 24 * i) for i, t in enumerate(body)]
    return PageText(0, 612, 792, tuple(lines))


def test_ocr_misread_margin_numbers_are_stripped_and_paragraphs_come_out() -> None:
    page = _ocr_pleading_page(_OCR_MARGIN)
    (ids,) = margin_number_columns([page])
    assert {ln.text for ln in page.lines if id(ln) in ids} == set(_OCR_MARGIN)
    pages = clean_pages([page])
    assert not any(r.text in _OCR_MARGIN for r in pages[0].rows)
    numbered = [p.number for p in segment(pages, min_numbered=1) if p.kind == "numbered"]
    assert numbered == ["1", "2"]


def test_a_column_of_letters_is_not_margin_numbers() -> None:
    # Mostly letters that could be misread digits, not mostly digits: keep them as text.
    page = _ocr_pleading_page(["I", "a", "l", "i", "t", "r", "a", "I", "2", "a", "J"])
    assert margin_number_columns([page]) == [set()]


_TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "5\t1\t1\t1\t1\t1\t100\t200\t20\t40\t95\t1\n"
    "5\t1\t1\t1\t1\t2\t300\t200\t200\t40\t95\tPlaintiff\n"
    "5\t1\t1\t1\t1\t3\t520\t200\t100\t40\t95\tsues.\n"
    "5\t1\t1\t1\t1\t4\t700\t200\t10\t40\t95\t||\n"
    "4\t1\t1\t1\t2\t0\t300\t260\t200\t40\t-1\t\n"
)


def test_parse_tsv_scales_to_points_splits_far_words_and_drops_rules() -> None:
    page = ocr.parse_tsv(3, _TSV, 72 / 300)
    assert page.index == 3
    assert [ln.text for ln in page.lines] == ["1", "Plaintiff sues."]
    assert [w[4] for w in page.words] == ["1", "Plaintiff", "sues."]
    x0, y0, x1, y1, _ = page.words[1]
    assert (x0, y0, x1, y1) == pytest.approx((72.0, 48.0, 120.0, 57.6))


# --- In a matter: generated scans ------------------------------------------------------------

_SCAN_TEXT = [
    ["1. The defendant shipped forty crates of pineapples", "to the warehouse in Tacoma."],
    ["2. The plaintiff refused delivery because the", "pineapples had spoiled in transit."],
]


def _write_scan(path: Path, pages: list[list[str]], text_first: bool = False) -> Path:
    """A PDF whose pages are images of typed text (no text layer); with ``text_first`` a
    real text page comes first, so the document is mixed."""
    src = PdfWriter()
    for lines in pages:
        src.new_page()
        for i, t in enumerate(lines):
            src.text(90, 120 + 30 * i, t, size=16)
    images = [src.page_png(i, dpi=200) for i in range(len(pages))]
    src.close()
    out = PdfWriter()
    if text_first:
        out.new_page()
        for i in range(30):
            out.text(72, 80 + 20 * i, f"Introductory line {i} of the declaration text page.")
    for png in images:
        out.insert_image_page(png)
    out.save(path)
    return path


def _import(m: Matter, path: Path) -> int:
    (p,) = list(import_files(m, [path]))
    assert p.result is not None
    assert p.result.doc_id
    return p.result.doc_id


@needs_tesseract
def test_ocr_makes_a_scanned_document_searchable_on_the_right_page(
    matter: Matter, tmp_path: Path
) -> None:
    doc = _import(matter, _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT, text_first=True))
    before = matter.db.execute("SELECT needs_ocr, text_quality FROM documents").fetchone()
    assert before == (1, "partial")
    assert [p.pages for p in plan(matter)] == [(1, 2)]  # the text page is left alone
    messages = [p.message for p in ocr_documents(matter, [doc], workers=1)]
    assert messages[:2] == ["OCR page 1 of 2: scan.pdf", "OCR page 2 of 2: scan.pdf"]
    assert messages[-1].startswith("OCR done: scan.pdf")
    rows = matter.db.execute("SELECT pno, ocr, quality, words FROM pages ORDER BY pno").fetchall()
    assert [(r[0], r[1], r[2]) for r in rows] == [(1, 0, "good"), (2, 1, "good"), (3, 1, "good")]
    words = [w[4] for w in json.loads(rows[1][3])]
    assert "Tacoma." in words
    assert matter.db.execute("SELECT needs_ocr FROM documents").fetchone() == (0,)
    with SearchIndex.open(matter) as ix:
        assert {h.page_start for h in ix.search("spoiled").hits} == {3}
        (hit,) = ix.search("Tacoma").hits
        assert hit.page_start == 2
    # The page view can place the hit on the scan: from the stored OCR word boxes.
    (box,) = hit_boxes(matter, hit.pid, hit.highlights)
    page, x0, y0, x1, y1 = box
    assert page == 2
    assert 90 < x0 < x1 < 400  # "Tacoma." sits on the second typed line, right of x = 90
    assert 125 < y0 < y1 < 160
    assert plan(matter) == []  # nothing left to read


@needs_tesseract
def test_cancelling_ocr_leaves_the_document_untouched(matter: Matter, tmp_path: Path) -> None:
    doc = _import(matter, _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT))
    before = matter.db.execute("SELECT * FROM pages").fetchall()
    paras = matter.db.execute("SELECT * FROM paragraphs").fetchall()
    job = ocr_documents(matter, [doc], workers=1)
    assert next(job).message == "OCR page 1 of 2: scan.pdf"
    job.close()  # cancel between pages
    assert matter.db.execute("SELECT * FROM pages").fetchall() == before
    assert matter.db.execute("SELECT * FROM paragraphs").fetchall() == paras
    assert matter.db.execute("SELECT needs_ocr FROM documents").fetchone() == (1,)


def test_without_tesseract_import_works_and_ocr_says_how_to_install(
    matter: Matter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))
    assert ocr.tesseract() is None
    doc = _import(matter, _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT))
    assert matter.db.execute("SELECT needs_ocr FROM documents").fetchone() == (1,)
    with pytest.raises(OcrUnavailableError, match="apt-get install tesseract-ocr"):
        next(ocr_documents(matter, [doc]))
    assert matter.db.execute("SELECT sum(ocr) FROM pages").fetchone() == (0,)


def test_merge_keeps_the_text_layer_ecf_stamp_over_its_ocr_reading() -> None:
    from reviewer.core.ingest.ocr_run import merge
    from reviewer.core.pdf import PdfText

    stamp = _line("Case 8:20-mj-00487-GLF Document 1 Filed 10/02/20 Page 1 of 8", 110, 13)
    layer = PageText(0, 612, 792, (stamp, _line("\x01\x02\x03 garbage", 90, 300)), 1.0)
    misread = Line(
        "Case 8:20-mj-00487-GLF Document1 Filed 10/02/20 Pager ar", 111, 9, 573, 37, 27, False
    )
    body = _line("I am a Special Agent with the FBI.", 90, 300)
    page = ocr.OcrPage(0, (misread, body), ())
    (merged,) = merge(PdfText(1, (layer,), {}), [page]).pages
    assert [ln.text for ln in merged.lines] == [stamp.text, body.text]
    assert merged.image_cover == 0.0


@needs_tesseract
def test_tags_on_text_pages_survive_ocr_of_the_scanned_pages(
    matter: Matter, tmp_path: Path
) -> None:
    from reviewer.core.claims import elements as claims
    from reviewer.core.claims import tagging

    doc = _import(matter, _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT, text_first=True))
    claims.add_from_template(matter, "tvpra-1595")
    element = claims.list_claims(matter)[0].elements[0].full_id
    (pid,) = [r[0] for r in matter.db.execute("SELECT id FROM paragraphs WHERE page_start = 1")]
    tagging.tag(matter, [pid], element, "factual")
    *_, done = ocr_documents(matter, [doc], workers=1)
    assert done.message.startswith("OCR done")
    assert matter.db.execute("SELECT para_id FROM tags").fetchall() == [(pid,)]
    assert matter.db.execute(
        "SELECT page_start FROM paragraphs WHERE id = ?", [pid]
    ).fetchone() == (1,)
    assert matter.db.execute("SELECT count(*) FROM paragraphs WHERE page_start > 1").fetchone()[0]
