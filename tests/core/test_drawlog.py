"""The bad-redaction check's drawing log lists what PyMuPDF's ``get_bboxlog`` lists."""

from __future__ import annotations

import pymupdf
import pytest

from reviewer.core.pdf.drawlog import draw_log


def _page_with_everything(doc: pymupdf.Document) -> pymupdf.Page:
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
    pix.clear_with(0)
    page.insert_image(pymupdf.Rect(100, 100, 200, 150), pixmap=pix)
    page.draw_rect(pymupdf.Rect(50, 50, 300, 80), fill=(0, 0, 0))
    page.insert_text((60, 70), "under the box", render_mode=3)  # invisible (OCR-like)
    page.insert_text((60, 200), "visible text")
    return page


@pytest.mark.parametrize("rotation", [0, 90, 270])
def test_same_entries_in_the_same_order_and_the_same_image_boxes(rotation: int) -> None:
    doc = pymupdf.open()
    page = _page_with_everything(doc)
    page.set_rotation(rotation)
    expected = page.get_bboxlog()
    got = draw_log(page)
    assert [k for k, _ in got] == [k for k, _ in expected]
    placed = ("fill-image", "fill-path")
    assert [b for k, b in got if k in placed] == [b for k, b in expected if k in placed]
    assert {"fill-image", "fill-path", "ignore-text", "fill-text"} <= {k for k, _ in got}
    assert page.rotation == rotation  # put back as it was


def test_text_entries_carry_their_glyphs_box_and_actual_text_is_noted() -> None:
    doc = pymupdf.open()
    page = _page_with_everything(doc)
    got = draw_log(page)
    expected = page.get_bboxlog()
    texts = [(b, e) for (k, b), (_, e) in zip(got, expected, strict=True) if k.endswith("-text")]
    assert len(texts) == 2
    for box, bbox in texts:  # the glyphs' ink lies inside the bbox log's text box
        assert pymupdf.Rect(bbox).contains(pymupdf.Rect(box))
        assert pymupdf.Rect(box).width > 20
    assert not got.actual_text
    xref = page.get_contents()[-1]
    ops = b"\n/Span <</ActualText (x)>> BDC BT /helv 9 Tf 50 50 Td (y) Tj ET EMC"
    doc.update_stream(xref, doc.xref_stream(xref) + ops)
    assert draw_log(doc[0]).actual_text
