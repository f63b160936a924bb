"""A produced page before the export (issue 15): one page of a set's document made exactly as
the export makes it (``pdf.produced_page_image``: the text under each box removed, black
boxes with their labels, the Bates number and legend) and rendered to an image; a withheld
document shows its slip sheet. Nothing is written."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.core import pdf
from reviewer.core.errors import ProductionError
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.production.edit import set_documents
from reviewer.core.production.export import SLIP, _boxes
from reviewer.core.production.sets import find_set


@dataclass(frozen=True, slots=True)
class Preview:
    """A produced page as an image, with what it shows."""

    image: pdf.PageImage
    bates: str
    boxes: int  # redaction boxes on the page
    withheld: str | None

    @property
    def caption(self) -> str:
        if self.withheld:
            return f"{self.bates} \u2014 slip sheet: withheld ({self.withheld})"
        boxes = f"{self.boxes} redaction{'s' * (self.boxes != 1)}"
        return f"{self.bates} \u2014 {boxes}, as the export will produce it"


def preview_page(
    matter: Matter, name: str, doc_id: int, page: int, zoom: float = 1.5, labels: bool = True
) -> Preview:
    """Page ``page`` (1-based) of ``doc_id`` as production ``name`` will produce it."""
    pset = find_set(matter, name)
    rows = {r.doc_id: r for r in set_documents(matter, pset)}
    row = rows.get(doc_id)
    if row is None:
        d = documents.find_document(matter, doc_id)
        raise ProductionError(f"{d.file_name}: is not in production {pset.name}; add it first.")
    if row.withheld:
        image = pdf.slip_sheet_image(SLIP.format(entry=row.withheld), row.first, pset.legend,
                                     zoom)  # fmt: skip
        return Preview(image, row.first, 0, row.withheld)
    if not 1 <= page <= row.pages:
        raise ProductionError(f"{row.file_name}: page {page} is not within 1-{row.pages}.")
    boxes = _boxes(matter, doc_id, labels).get(page, [])
    bates = pset.bates(int(row.first[len(pset.prefix) :]) + page - 1)
    src = matter.path / documents.find_document(matter, doc_id).stored_path
    image = pdf.produced_page_image(src, page, boxes, bates, pset.legend, zoom)
    return Preview(image, bates, len(boxes), None)
