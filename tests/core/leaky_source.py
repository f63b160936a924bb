"""A generated source filing that carries a name everywhere a PDF can: page text (in lines
set solid), a bookmark, a text annotation, a link, the document information and XMP
metadata, an embedded file, a form field, a page label and marked-content ActualText."""

from __future__ import annotations

from pathlib import Path

import pymupdf

NAME = "Jonathan Quincey"
LINES = [
    "alpha bravo charlie delta echo foxtrot golf hotel",
    f"The witness {NAME} testified on the third day.",
    "india juliet kilo lima mike november oscar papa",
    f"Counsel for {NAME} objected twice.",
    "quebec romeo sierra tango uniform victor whiskey",
]


def write_leaky(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    for i, line in enumerate(LINES):  # 12 pt type on 12 pt leading: set solid
        page.insert_text((72, 120 + 12 * i), line, fontsize=12)
    page.insert_text((72, 300), "Title line one of a tight heading", fontsize=20)
    page.insert_text((72, 318), f"Re {NAME} and the tight heading", fontsize=20)
    page.insert_text((72, 336), "Title line three of the heading", fontsize=20)
    # marked content whose ActualText names the person, around unrelated visible text
    xref = page.get_contents()[-1]
    text = f"/Span <</ActualText ({NAME})>> BDC BT /F0 1 Tf ET EMC\n".encode()
    doc.update_stream(xref, doc.xref_stream(xref) + b"\n" + text)
    annot = page.add_text_annot((500, 100), f"Call {NAME} back")
    annot.set_info(title=NAME, subject="note")
    annot.update()
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 400, 200, 412),
                      "uri": f"https://example.com/{NAME.replace(' ', '_')}"})  # fmt: skip
    page.insert_text((72, 410), "see the website", fontsize=10)
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "witness"
    widget.field_value = NAME
    widget.rect = pymupdf.Rect(72, 450, 300, 470)
    page.add_widget(widget)
    page2 = doc.new_page(width=612, height=792)
    page2.insert_text((72, 100), "Second page with nothing secret at all.", fontsize=12)
    doc.set_toc([[1, f"Testimony of {NAME}", 1], [1, "Second page", 2]])
    doc.set_metadata({"title": f"Deposition of {NAME}", "author": NAME, "subject": "s",
                      "keywords": NAME})  # fmt: skip
    doc.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc>{NAME}</dc></x:xmpmeta>")
    doc.embfile_add("notes.txt", f"Private notes about {NAME}.".encode(), filename="notes.txt")
    doc.set_page_labels([{"startpage": 0, "prefix": f"{NAME}-", "style": "D", "firstpagenum": 1}])
    doc.save(path)
    return path
