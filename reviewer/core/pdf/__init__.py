"""The only place that imports PyMuPDF (a package, split by what it is used for: ``read``,
``view``, ``write``, ``produce``, ``binder``). Everything above it sees plain records and
calls the names re-exported here."""

from reviewer.core.pdf.binder import (
    BinderEntry,
    assemble_binder,
    goto_links,
    outline,
    stamp_exhibit,
)
from reviewer.core.pdf.compare import collateral, leaks
from reviewer.core.pdf.images import ImageBox, render_region_gray_png, text_page_images
from reviewer.core.pdf.produce import (
    Rect,
    bare_word,
    find_text,
    leftover_words,
    page_count,
    produce,
    secrets_for,
    slip_sheet,
    stamp_rects,
    text_outside,
    text_under,
    tight_boxes,
)
from reviewer.core.pdf.read import (
    Line,
    PageText,
    PdfText,
    WordBox,
    read_pdf,
    render_gray_png,
    render_png,
    searchable_copy,
)
from reviewer.core.pdf.scrub import secrets_of, secrets_pattern
from reviewer.core.pdf.view import (
    PageImage,
    close_cached,
    page_image,
    page_words,
    reading_order,
    text_in_rect,
)
from reviewer.core.pdf.write import PdfWriter, html_to_pdf, pdf_text

__all__ = [
    "BinderEntry",
    "ImageBox",
    "Line",
    "PageImage",
    "PageText",
    "PdfText",
    "PdfWriter",
    "Rect",
    "WordBox",
    "assemble_binder",
    "bare_word",
    "close_cached",
    "collateral",
    "find_text",
    "goto_links",
    "html_to_pdf",
    "leaks",
    "leftover_words",
    "outline",
    "page_count",
    "page_image",
    "page_words",
    "pdf_text",
    "produce",
    "read_pdf",
    "reading_order",
    "render_gray_png",
    "render_png",
    "render_region_gray_png",
    "searchable_copy",
    "secrets_for",
    "secrets_of",
    "secrets_pattern",
    "slip_sheet",
    "stamp_exhibit",
    "stamp_rects",
    "text_in_rect",
    "text_outside",
    "text_page_images",
    "text_under",
    "tight_boxes",
]
