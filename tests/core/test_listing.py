"""The app's lists read from the core: document ids in each sort order, rows by id (in
chunks, skipping deleted ones), and a document's outline."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.matter import listing
from reviewer.core.matter.store import Matter


@pytest.fixture
def many(matter: Matter) -> Matter:
    """1,200 documents with distinct kinds, dockets and dates (more than one chunk)."""
    with matter.db.atomic():
        for i in range(1, 1201):
            matter.db["documents"].insert(
                {"id": i, "sha256": f"s{i}", "file_name": f"f{i:04}.pdf", "stored_path": "x"}
                | {"byte_size": 1, "kind": ("complaint", "order", "exhibit")[i % 3]}
                | {"docket_no": str(1201 - i), "filed": f"2020-01-{i % 28 + 1:02}"}
                | {"page_count": i % 7 + 1, "text_quality": "good", "imported_at": "now"}
            )
    return matter


def test_document_orders(many: Matter) -> None:
    assert listing.document_ids(many) == list(range(1, 1201))
    by_docket = listing.document_ids(many, "docket")
    assert by_docket[:3] == [1200, 1199, 1198], "docket numbers sort as numbers"
    pages = listing.document_ids(many, "pages", descending=True)
    counts = [i % 7 + 1 for i in pages]
    assert counts == sorted(counts, reverse=True)
    for order in listing.DOCUMENT_ORDERS:
        assert sorted(listing.document_ids(many, order)) == list(range(1, 1201))


def test_document_rows_by_id_in_chunks(many: Matter) -> None:
    rows = listing.document_rows(many, [*range(1, 1201), 9999])
    assert len(rows) == 1200, "an id no longer in the matter is skipped"
    row = next(r for r in rows if r.id == 700)
    assert (row.file_name, row.docket_no, row.pages, row.numbered) == ("f0700.pdf", "501", 1, 0)


def test_outline_rows_follow_reading_order(tmp_path: Path) -> None:
    from reviewer.samples.demo_matter import build_demo

    path = tmp_path / "Demo.matter"
    list(build_demo(path))
    m = Matter.open(path, readonly=True)
    try:
        doc = m.db.execute("SELECT id FROM documents WHERE file_name = 'complaint.pdf'").fetchone()
        rows = listing.outline_rows(m, doc[0])
        total = m.db.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", doc).fetchone()
        assert len(rows) == total[0]
        assert [r.seq for r in rows] == sorted(r.seq for r in rows)
        assert max(len(r.head) for r in rows) <= 160
        assert [r.number for r in rows if r.kind == "numbered"][:3] == ["1", "2", "3"]
    finally:
        m.close()
