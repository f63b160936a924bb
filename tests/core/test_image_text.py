"""Pictures inside text pages (a screenshot in a complaint) are read by OCR into units of
their own: kind ``image_text``, on their page at the picture's place, searchable, never
numbered, never merged into a ¶; every ¶ and the work on it stays as it was, also when the
document is re-cut later. Generated PDFs (PyMuPDF): a pleading page with a picture of words."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.claims import elements as claims
from reviewer.core.claims import tagging
from reviewer.core.ingest import image_text
from reviewer.core.ingest.ocr_run import ocr_documents, plan
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents, history
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import render_region_gray_png, text_page_images
from reviewer.core.pdf.images import MAX_REGION_PIXELS
from reviewer.core.search import IndexUpdater, SearchIndex
from reviewer.core.search.locate import hit_boxes

needs_tesseract = pytest.mark.usefixtures("tesseract")
PICTURE = (72.0, 330.0, 540.0, 470.0)  # where the screenshot sits on page 1
WORDS = ["Flamingo dispatch posted", "tomorrow at noon sharp"]


def _picture(lines: list[str], width: int = 900, height: int = 270) -> bytes:
    """A screenshot: black words on white, as a PNG (no text layer)."""
    src = pymupdf.open()
    page = src.new_page(width=width, height=height)
    for i, text in enumerate(lines):
        page.insert_text((30, 70 + 80 * i), text, fontsize=44)
    png = page.get_pixmap(dpi=72).tobytes("png")
    src.close()
    return bytes(png)


def _complaint(path: Path, scanned_page: bool = False, logo: bool = False) -> Path:
    """¶¶ 1-2 above the picture and ¶ 3 below it on page 1, ¶¶ 4-5 on page 2; with
    ``scanned_page`` a third page is an image of typed text; with ``logo`` a small picture
    of words sits in the margin."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((250, 80), "COMPLAINT", fontsize=12)
    body = {1: 120, 2: 200, 3: 500}
    for n, y in body.items():
        page.insert_text((108, y), f"{n}. Plaintiff alleges fact number {n} about the post.")
        page.insert_text((72, y + 24), f"The fact numbered {n} continues on this second line.")
    page.insert_image(pymupdf.Rect(*PICTURE), stream=_picture(WORDS))
    if logo:
        page.insert_image(pymupdf.Rect(500, 40, 560, 70), stream=_picture(["Tiny logo words"]))
    page = doc.new_page(width=612, height=792)
    for n, y in {4: 100, 5: 180}.items():
        page.insert_text((108, y), f"{n}. Plaintiff alleges fact number {n} about the post.")
        page.insert_text((72, y + 24), f"The fact numbered {n} continues on this second line.")
    if scanned_page:
        page = doc.new_page(width=612, height=792)
        page.insert_image(page.rect, stream=_picture(["Scanned exhibit page"] * 6, 612, 792))
    doc.save(path)
    doc.close()
    return path


def _numbered(matter: Matter, doc: int) -> list[tuple[int, str | None, str]]:
    return [(p.id, p.number, p.text) for p in documents.paragraphs(matter, doc)
            if p.kind == "numbered"]  # fmt: skip


@needs_tesseract
def test_reviewer_ocr_reads_a_picture_into_its_own_searchable_unit(tmp_path: Path) -> None:
    path = tmp_path / "M.matter"
    assert CliRunner().invoke(main, ["init", str(path)]).exit_code == 0
    pdf = _complaint(tmp_path / "screens.pdf", logo=True)
    assert CliRunner().invoke(main, ["import", str(path), str(pdf), "--no-ocr"]).exit_code == 0
    with Matter.open(path) as m:
        before = _numbered(m, 1)
        claims.add_from_template(m, "tvpra-1595")
        element = claims.list_claims(m)[0].elements[0].full_id
        tagging.tag(m, [before[1][0]], element, "factual")  # work on ¶ 2
    run = CliRunner().invoke(main, ["ocr", str(path), "--json", "--workers", "1"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)[0]["image_texts"] == 1  # the logo is too small to read
    with Matter.open(path) as m:
        assert _numbered(m, 1) == before  # every ¶: same id, number and text
        units = documents.paragraphs(m, 1)
        (pic,) = [p for p in units if p.kind == "image_text"]
        assert pic.number is None
        assert (pic.page_start, pic.page_end) == (1, 1)
        assert "Flamingo" in pic.text
        assert "tomorrow" in pic.text
        assert not any("Flamingo" in p.text for p in units if p.kind != "image_text")
        box = json.loads(m.db.execute("SELECT boxes FROM paragraphs WHERE id = ?",
                                      [pic.id]).fetchone()[0])  # fmt: skip
        assert box[0][0] == 1
        assert box[0][1:] == pytest.approx(PICTURE, abs=1.5)  # the picture's place
        kinds = [(p.kind, p.number) for p in units]  # read in place: after ¶ 2, before ¶ 3
        assert kinds.index(("image_text", None)) == kinds.index(("numbered", "2")) + 1
        assert pic.cite == "Compl. at 1"
        tags = m.db.execute("SELECT para_id FROM tags").fetchall()
        assert tags == [(before[1][0],)]  # the tag on ¶ 2 stayed
        with SearchIndex.open(m) as ix:
            (hit,) = ix.search("flamingo").hits
        assert (hit.pid, hit.page_start) == (pic.id, 1)
        (shown_at,) = hit_boxes(m, hit.pid, hit.highlights)  # the page view marks the picture
        assert shown_at[0] == 1
        assert shown_at[1:] == pytest.approx(PICTURE, abs=1.5)
        assert plan(m) == []  # read once
    again = CliRunner().invoke(main, ["ocr", str(path)])
    assert "Nothing to OCR" in again.stdout
    shown = CliRunner().invoke(main, ["paragraphs", str(path), "1", "--json"])
    assert "image_text" in {p["kind"] for p in json.loads(shown.stdout)}


@needs_tesseract
def test_picture_text_survives_a_later_recut_of_the_document(
    matter: Matter, tmp_path: Path, tesseract: str
) -> None:
    (p,) = list(import_files(matter, [_complaint(tmp_path / "mixed.pdf", scanned_page=True)]))
    assert p.result is not None
    doc = p.result.doc_id
    assert doc is not None
    updater = IndexUpdater(matter)  # the pictures first, by themselves
    stored = str(matter.path / documents.find_document(matter, doc).stored_path)
    list(image_text.read_pictures(matter, doc, "mixed.pdf", stored, [0], tesseract, updater))
    updater.close()
    (pic,) = [u for u in documents.paragraphs(matter, doc) if u.kind == "image_text"]
    numbered = _numbered(matter, doc)
    messages = [x.message for x in ocr_documents(matter, [doc], workers=1)]  # re-cut: page 3
    assert any(msg.startswith("OCR done: mixed.pdf") for msg in messages), messages
    after = documents.paragraphs(matter, doc)
    assert [(u.id, u.text) for u in after if u.kind == "image_text"] == [(pic.id, pic.text)]
    now = _numbered(matter, doc)
    assert [(i, n) for i, n, _ in now] == [(i, n) for i, n, _ in numbered]  # ids and numbers
    assert now[:4] == numbered[:4]  # (¶ 5 runs on into the scanned page's words)
    assert any("exhibit page" in u.text.lower() for u in after)  # page 3 was OCR'd
    with SearchIndex.open(matter) as ix:
        assert {h.pid for h in ix.search("flamingo").hits} == {pic.id}


@needs_tesseract
def test_reading_pictures_is_one_undoable_step(matter: Matter, tmp_path: Path) -> None:
    (p,) = list(import_files(matter, [_complaint(tmp_path / "undo.pdf")]))
    assert p.result is not None
    doc = p.result.doc_id
    assert doc is not None
    before = _numbered(matter, doc)
    list(ocr_documents(matter, [doc], workers=1))
    assert history.next_labels(matter)[0] == "Read the text of 1 picture(s) in undo.pdf"
    history.undo(matter)
    assert [u.kind for u in documents.paragraphs(matter, doc)].count("image_text") == 0
    assert _numbered(matter, doc) == before
    with SearchIndex.open(matter) as ix:
        assert ix.search("flamingo").hits == []
    assert [x.images for x in plan(matter)] == [(0, 1)]  # to be read again
    history.redo(matter)
    with SearchIndex.open(matter) as ix:
        assert len(ix.search("flamingo").hits) == 1


def test_a_huge_picture_is_rendered_for_ocr_at_a_capped_resolution(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=3000, height=3000)  # a poster-sized page
    page.insert_image(pymupdf.Rect(100, 100, 2300, 2300), stream=_picture(WORDS))
    page.insert_text((100, 2600), "Words of the page's own text layer below the picture.")
    doc.save(tmp_path / "poster.pdf")
    doc.close()
    (box,) = text_page_images(tmp_path / "poster.pdf", [0])
    png, scale = render_region_gray_png(tmp_path / "poster.pdf", box, 300)
    pix = pymupdf.Pixmap(png)
    assert pix.width * pix.height <= MAX_REGION_PIXELS * 1.01
    assert scale == pytest.approx((box.x1 - box.x0) / pix.width, rel=0.01)
    assert scale > 72 / 300  # fewer dots per inch than asked for


def test_which_pictures_are_read(tmp_path: Path) -> None:
    """A screenshot is; a logo, a scan covering the page and a picture already under a text
    layer (a scan's hidden OCR words) are not."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_image(pymupdf.Rect(*PICTURE), stream=_picture(WORDS))
    page.insert_image(pymupdf.Rect(500, 40, 560, 70), stream=_picture(["logo"]))
    covered = doc.new_page(width=612, height=792)
    covered.insert_image(pymupdf.Rect(72, 100, 540, 300), stream=_picture(WORDS))
    for i, y in enumerate((150, 200, 250)):
        covered.insert_text((80, y), f"hidden ocr words line {i}", render_mode=3)
    scan = doc.new_page(width=612, height=792)
    scan.insert_image(scan.rect, stream=_picture(WORDS, 612, 792))
    doc.save(tmp_path / "p.pdf")
    doc.close()
    boxes = text_page_images(tmp_path / "p.pdf", [0, 1, 2])
    assert [(b.page, round(b.y0), round(b.y1)) for b in boxes] == [(0, 330, 470)]
