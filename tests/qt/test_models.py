"""The Qt item models: documents (ids, rows read in blocks, SQL sorting), one document's
outline tree, search hits with their snippet HTML and delegate; and that the documents model
stays bounded on a 10,000-document matter."""

from __future__ import annotations

import random
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QImage, QPainter
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex
from reviewer.qt.hits import HitDelegate, HitsModel, snippet_html
from reviewer.qt.models import (
    DOCUMENT,
    FILED,
    PAGES,
    PARAGRAPHS,
    STATUS,
    DocumentsModel,
    OutlineModel,
)
from reviewer.samples import write_demo_filings

USER = Qt.ItemDataRole.UserRole
TIP = Qt.ItemDataRole.ToolTipRole


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matter]:
    files = write_demo_filings(tmp_path_factory.mktemp("demo"))
    m = Matter.create(tmp_path_factory.mktemp("matter") / "M.matter")
    list(import_files(m, [f.path for f in files], workers=1))
    yield m
    m.close()


def column(model: DocumentsModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def descendants(model: OutlineModel, parent: QModelIndex) -> Iterator[QModelIndex]:
    for r in range(model.rowCount(parent)):
        child = model.index(r, 0, parent)
        yield child
        yield from descendants(model, child)


# -- documents ------------------------------------------------------------------------------------
def test_documents_rows_and_data(qtmodeltester, demo: Matter) -> None:
    model = DocumentsModel(demo)
    qtmodeltester.check(model)
    docs = demo.db.execute("SELECT id, file_name, title FROM documents ORDER BY id").fetchall()
    assert model.rowCount() == len(docs) == 3
    assert model.columnCount() == 9
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert headers == [
        "Kind", "Document", "Dkt.", "Filed", "Pages", "Paragraphs", "Status", "Privilege",
        "Anomalies",
    ]  # fmt: skip
    assert column(model, 0, USER) == [d[0] for d in docs]
    # each document by its own title, as its caption prints it (never PDF metadata)
    answer = "DEFENDANT STREAMLINE SOCIAL, INC.’S ANSWER TO COMPLAINT"
    assert column(model, DOCUMENT) == ["COMPLAINT FOR DAMAGES FOR:", "EXHIBIT B", answer]
    assert column(model, DOCUMENT, TIP)[0] == "complaint.pdf\nCOMPLAINT FOR DAMAGES FOR:"
    assert column(model, 0) == ["complaint", "exhibit", "answer"]  # read from its cover
    assert column(model, 2) == ["1", "1-2", "18"]
    assert column(model, PAGES) == [10, 3, 5]
    numbered = dict(
        demo.db.execute(
            "SELECT doc_id, COUNT(*) FROM paragraphs WHERE kind = 'numbered' GROUP BY doc_id"
        ).fetchall()
    )
    assert column(model, PARAGRAPHS) == [numbered.get(d[0], 0) for d in docs] == [59, 0, 24]
    assert column(model, STATUS) == ["", "", ""]
    assert [model.row_of(d[0]) for d in docs] == [0, 1, 2]
    assert model.doc_id(2) == docs[2][0]
    assert model.row_of(999) is None


def test_documents_sort_by_filed_follows_selection(qtmodeltester, demo: Matter) -> None:
    model = DocumentsModel(demo)
    qtmodeltester.check(model)
    answer = demo.db.execute("SELECT id FROM documents WHERE kind = 'answer'").fetchone()[0]
    kept = QPersistentModelIndex(model.index(model.row_of(answer), DOCUMENT))
    model.sort(FILED, Qt.SortOrder.DescendingOrder)
    assert column(model, FILED) == ["2025-03-24", "2025-01-21", "2025-01-21"]
    assert column(model, 0, USER)[0] == answer
    assert kept.row() == 0
    assert kept.data() == "DEFENDANT STREAMLINE SOCIAL, INC.’S ANSWER TO COMPLAINT"
    model.sort(FILED, Qt.SortOrder.AscendingOrder)
    assert column(model, FILED) == ["2025-01-21", "2025-01-21", "2025-03-24"]
    assert kept.row() == model.row_of(answer) == 2
    model.sort(-1)
    assert column(model, 0, USER) == sorted(column(model, 0, USER))


def test_documents_refresh_sees_deletes(qtbot, qtmodeltester, tmp_path: Path) -> None:
    m = Matter.create(tmp_path / "R.matter")
    add_documents(m, 5, 0)
    model = DocumentsModel(m)
    assert model.rowCount() == 5
    with m.db.atomic():
        m.db.execute("DELETE FROM documents WHERE id IN (2, 4)")
    assert model.index(1, DOCUMENT).data() is None  # stale id: no row, no error
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.modelReset):
        model.refresh()
    assert column(model, 0, USER) == [1, 3, 5]
    with m.db.atomic():
        m.db.execute("DELETE FROM documents WHERE id = 3")
    with qtbot.waitSignal(model.modelReset):  # rows changed under a sort: a reset, not a layout
        model.sort(FILED)
    assert sorted(column(model, 0, USER)) == [1, 5]
    m.close()


# -- outline --------------------------------------------------------------------------------------
def test_outline_tree_groups_counts(qtmodeltester, demo: Matter) -> None:
    model = OutlineModel(demo)
    qtmodeltester.check(model)
    complaint = demo.db.execute(
        "SELECT id FROM documents WHERE file_name = 'complaint.pdf'"
    ).fetchone()[0]
    model.set_document(complaint)
    top = [model.index(r, 0) for r in range(model.rowCount())]
    counts = [i for i in top if re.match(r"COUNT [IV]+\b", i.data())]
    # each COUNT heading is one unit with its title lines (issue 13)
    wanted = ("COUNT I Violation of the Trafficking", "COUNT II Receipt and Distribution of",
              "COUNT III Negligence (Against Defendant)")  # fmt: skip
    assert len(counts) == len(wanted)
    assert all(i.data().startswith(w) for i, w in zip(counts, wanted, strict=True))
    for group in counts:
        under = [i.data() for i in descendants(model, group) if i.data().startswith("¶")]
        label = " ".join(group.data().split()[:2])  # "COUNT II"; count = label, a dash, title
        numbers = demo.db.execute(
            "SELECT number FROM paragraphs WHERE doc_id = ? AND count LIKE ? AND kind = "
            "'numbered' ORDER BY seq",
            [complaint, f"{label} –%"],
        ).fetchall()
        assert [re.match(r"¶ (\S+)", u)[1] for u in under] == [n[0] for n in numbers]
        assert numbers
    top_text = [i.data() for i in top]
    assert "PRAYER FOR RELIEF" in top_text  # after the counts, not inside COUNT III
    prayer = next(i for i in top if i.data() == "PRAYER FOR RELIEF")
    assert prayer.data(Qt.ItemDataRole.FontRole).bold()  # headings are bold


def test_outline_labels_roles_and_navigation(qtmodeltester, demo: Matter) -> None:
    model = OutlineModel(demo)
    model.set_document(1)
    qtmodeltester.check(model)
    rows = demo.db.execute(
        "SELECT id, number, kind, page_start, text FROM paragraphs WHERE doc_id = 1 ORDER BY seq"
    ).fetchall()
    pids = [r[0] for r in rows]
    assert model.first_pid() == pids[0]
    walked, pid = [], model.first_pid()
    while pid is not None:
        walked.append(pid)
        pid = model.next_pid(pid)
    assert walked == pids
    assert model.next_pid(pids[-1], -1) == pids[-2]
    assert model.next_pid(pids[0], -1) is None
    for pid, number, kind, page, text in rows:
        index = model.index_of(pid)
        assert model.pid(index) == index.data(USER) == pid
        assert index.data(USER + 1) == page
        label = index.data()
        assert len(label) <= 100
        if kind == "numbered":
            assert label.startswith(f"¶ {number}  {text[:10]}")
        elif kind == "prayer":
            assert label.startswith(f"Prayer ({number}) ")
        elif kind == "footnote":
            assert label.startswith("fn. ")
            assert index.data(Qt.ItemDataRole.ForegroundRole) is not None
    model.set_document(None)
    assert model.rowCount() == 0
    assert model.first_pid() is None


# -- hits -----------------------------------------------------------------------------------------
def test_hits_model_and_snippet_html(qtmodeltester, demo: Matter) -> None:
    with SearchIndex.open(demo) as index:
        result = index.search("venture", limit=None)
    assert result.hits
    model = HitsModel()
    qtmodeltester.check(model)
    model.set_result(result)
    assert model.result is result
    assert model.rowCount() == len(result.hits)
    for row, hit in enumerate(result.hits):
        index = model.index(row)
        assert index.data() == f"{hit.cite} — {hit.file_name}"
        assert index.data(USER) == row
        assert model.hit(row) is hit
        snippet = index.data(HitsModel.SnippetRole)
        assert snippet.count('<b style="background:#ffe566">') == hit.snippet.count("**") // 2
        assert "**" not in snippet
    model.set_result(None)
    assert model.rowCount() == 0


def test_snippet_html_escapes() -> None:
    html = snippet_html("a < b & **c** > d **e**")
    assert html == (
        'a &lt; b &amp; <b style="background:#ffe566">c</b> &gt; d '
        '<b style="background:#ffe566">e</b>'
    )


def test_hit_delegate_paints_within_size_hint(qtbot, demo: Matter) -> None:
    with SearchIndex.open(demo) as index:
        result = index.search("venture", limit=None)
    model = HitsModel()
    model.set_result(result)
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HitDelegate(view)
    view.setItemDelegate(delegate)
    option = QStyleOptionViewItem()
    option.font = QFont(view.font())
    option.rect = QRect(0, 0, 400, 0)
    line = option.fontMetrics.height()
    sizes = [delegate.sizeHint(option, model.index(r)) for r in range(model.rowCount())]
    assert all(s.height() >= 2 * line for s in sizes)
    assert all(s.height() <= 2 * delegate.PAD + 2 + 4.5 * line for s in sizes)  # ≤ 1 + 3 lines
    image = QImage(QSize(400, sizes[0].height()), QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    option.rect = QRect(0, 0, 400, sizes[0].height())
    delegate.paint(painter, option, model.index(0))
    painter.end()
    view.selectionModel().select(model.index(0), view.selectionModel().SelectionFlag.Select)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    assert (
        view.visualRect(model.index(0)).height()
        == delegate.sizeHint(option, model.index(0)).height()
    )


# -- scale ----------------------------------------------------------------------------------------
def add_documents(m: Matter, docs: int, paras: int, big: int = 0) -> None:
    """Insert ``docs`` documents and ``paras`` paragraphs (``big`` of them in document 1, with
    COUNT groups) straight into SQLite, in one transaction."""
    rng = random.Random(7)
    doc_rows = [_synthetic_doc(i, rng) for i in range(1, docs + 1)]
    rest = max(docs - 1, 1)
    para_rows = [(1, seq, *_synthetic_para(seq)) for seq in range(1, big + 1)]
    para_rows += [
        (2 + n % rest, 10_000 + n, str(n), "numbered", None, "Words.") for n in range(paras - big)
    ]
    with m.db.atomic():
        m.db.conn.executemany(
            "INSERT INTO documents (id, sha256, file_name, stored_path, byte_size, kind, title,"
            " docket_no, filed, page_count, text_quality, needs_ocr, quality_note, imported_at)"
            " VALUES (?, ?, ?, ?, 1000, 'complaint', ?, ?, ?, ?, ?, ?, ?, '2025-01-01')",
            doc_rows,
        )
        m.db.conn.executemany(
            "INSERT INTO paragraphs (doc_id, seq, number, kind, count, text, page_start,"
            " page_end, cite) VALUES (?, ?, ?, ?, ?, ?, 1, 1, 'cite')",
            para_rows,
        )


def _synthetic_doc(i: int, rng: random.Random) -> tuple[object, ...]:
    """Document ``i``: one in ten needs OCR, one in ten has partial text; random dates."""
    quality = rng.choice(["good"] * 8 + ["partial", "needs_ocr"])
    filed = f"20{rng.randint(10, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    note = None if quality == "good" else f"note {i}"
    docket, pages = str(rng.randint(1, 300)), rng.randint(1, 90)
    name, title = f"doc-{i}.pdf", f"Doc {i}"
    flag = int(quality != "good")
    return (
        i,
        f"{i:064x}",
        name,
        f"files/{i}.pdf",
        title,
        docket,
        filed,
        pages,
        quality,
        flag,
        note,
    )


def _synthetic_para(seq: int) -> tuple[str | None, str, str | None, str]:
    """A long complaint: a COUNT every 500 paragraphs, a sub-heading every 100."""
    count = f"COUNT {seq // 500 + 1}" if seq >= 500 else None
    if seq % 500 == 0:
        return None, "heading", count, count or ""
    if seq % 100 == 0:
        return None, "heading", count, f"Heading {seq}"
    return str(seq), "numbered", count, f"Paragraph {seq} alleges that " + "words " * 40


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matter]:
    m = Matter.create(tmp_path_factory.mktemp("big") / "Big.matter")
    add_documents(m, 10_000, 100_000, big=5_000)
    yield m
    m.close()


def test_documents_model_stays_bounded_at_10k(big: Matter) -> None:
    start = time.perf_counter()
    model = DocumentsModel(big)
    built = time.perf_counter() - start
    assert model.rowCount() == 10_000
    assert model.cached_rows == 0
    start = time.perf_counter()
    first, last = model.index(0, DOCUMENT).data(), model.index(9_999, DOCUMENT).data()
    read = time.perf_counter() - start
    assert (first, last) == ("Doc 1", "Doc 10000")
    assert model.cached_rows <= 2 * model.BLOCK
    numbered = "SELECT COUNT(*) FROM paragraphs WHERE doc_id = 5001 AND kind = 'numbered'"
    assert model.index(5_000, PARAGRAPHS).data() == big.db.execute(numbered).fetchone()[0] > 0
    for row in range(0, 10_000, 97):  # a scroll through everything
        model.index(row, STATUS).data()
    assert model.cached_rows <= model.CACHE_ROWS
    start = time.perf_counter()
    model.sort(FILED)
    sorted_in = time.perf_counter() - start
    filed = [model.index(r, FILED).data() for r in range(0, 10_000, 50)]
    assert filed == sorted(filed)
    assert model.cached_rows <= model.CACHE_ROWS
    print(
        f"\n10,000 documents: DocumentsModel built in {built * 1000:.1f} ms, rows 0 and 9,999"
        f" read in {read * 1000:.1f} ms, sorted by Filed in {sorted_in * 1000:.1f} ms"
    )


def test_documents_status_and_docket_sort(big: Matter) -> None:
    model = DocumentsModel(big)
    model.sort(2)
    dockets = [int(model.index(r, 2).data()) for r in range(0, 10_000, 37)]
    assert dockets == sorted(dockets)  # numeric: "2" before "18"
    model.sort(STATUS, Qt.SortOrder.DescendingOrder)
    top = model.index(0, STATUS)
    assert top.data() == "OCR needed"
    assert top.data(TIP).startswith("note ")
    assert top.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(9_999, STATUS).data() == ""
    assert model.index(9_999, STATUS).data(Qt.ItemDataRole.ForegroundRole) is None


def test_outline_of_5000_paragraphs(qtmodeltester, big: Matter) -> None:
    model = OutlineModel(big)
    start = time.perf_counter()
    model.set_document(1)
    built = time.perf_counter() - start
    qtmodeltester.check(model)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top[0].startswith("¶ 1  Paragraph 1 alleges that words")
    assert top[0].endswith("words…")
    assert len(top[0]) <= 90
    assert [t for t in top if t.startswith("COUNT")] == [f"COUNT {n}" for n in range(2, 12)]
    first = model.index(top.index("COUNT 2"), 0)
    inside = [i.data() for i in descendants(model, first)]
    assert len(inside) == 499
    assert sum(t.startswith("Heading") for t in inside) == 4
    print(f"\n5,000-paragraph outline built in {built * 1000:.1f} ms")
