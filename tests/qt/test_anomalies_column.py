"""Anomalies of a document (issue 9) in the app: the documents list's Anomalies column (a
count, a warning icon, the list in the tooltip) and Document ▸ Properties, for a generated
declaration whose ¶ 3 is missing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.qt.document_dialog import DocumentDialog
from reviewer.qt.main_window import MainWindow
from reviewer.qt.models import ANOMALIES
from tests.core.filing_fixture import Filing, prose

Role = Qt.ItemDataRole


def _declaration(path: Path, numbers: list[int]) -> Path:
    f = Filing().line("I, Jane Roe, declare as follows:")
    for n in numbers:
        f.para(n, prose(3, seed=n))
    return f.save(path)


def test_a_numbering_gap_shows_in_the_list_and_the_properties(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    gap = _declaration(tmp_path / "gap.pdf", [1, 2, 4, 5])
    with Matter.open(demo) as m:
        for _ in import_files(m, [gap]):
            pass
    assert window.open_matter(demo)
    model = window.docs_model
    assert model is not None
    assert model.headerData(ANOMALIES, Qt.Orientation.Horizontal) == "Anomalies"
    rows = {model.index(r, 1).data(Role.ToolTipRole).split("\n")[0]: r
            for r in range(model.rowCount(QModelIndex()))}  # fmt: skip
    cell = model.index(rows["gap.pdf"], ANOMALIES)
    assert cell.data() == "1"
    assert cell.data(Role.DecorationRole) is not None, "a warning icon: `check` would fail"
    assert "¶ 3 not found: ¶ 2 then ¶ 4" in cell.data(Role.ToolTipRole)
    clean = model.index(rows["complaint.pdf"], ANOMALIES)
    assert clean.data() == ""
    assert clean.data(Role.DecorationRole) is None
    assert not window.docs_view.isColumnHidden(ANOMALIES)

    window.docs_view.selectRow(rows["gap.pdf"])
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    dialog = window.review.dialogs["document"]
    assert isinstance(dialog, DocumentDialog)
    assert dialog.anomalies_box.title() == "Anomalies (1)"
    assert dialog.anomalies.item(0).text().startswith("Warning — p. 1 · ¶ 3 not found")
    window.docs_view.selectRow(rows["complaint.pdf"])
    assert dialog.anomalies_box.title() == "Anomalies: none", "it follows the open document"

    model.sort(ANOMALIES, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data(Role.ToolTipRole).startswith("gap.pdf")


def test_edit_menu_names_the_operation_to_undo(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """Tag ¶¶ 5-7 by key 1: Edit ▸ Undo reads "Undo Tag ¶¶ 5-7 with …", then Redo does; an
    ``&`` in an element's name is shown, not taken for a keyboard accelerator."""
    from PySide6.QtCore import QItemSelectionModel

    from reviewer.core.claims.elements import element_for_hotkey, list_claims, rename_element
    from reviewer.core.matter.documents import find_document, find_paragraph

    with Matter.open(demo) as m:
        claim = list_claims(m)[0].key
        element = element_for_hotkey(m, claim, 1)
        rename_element(m, element.full_id, "Victim & minor")
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    window.claims_panel.claim.setCurrentIndex(window.claims_panel.claim.findData(claim))
    doc = find_document(m, "complaint.pdf")
    window.open_document(doc.id)
    outline, sel = window.outline_model, window.outline_view.selectionModel()
    assert outline is not None
    for n in ("5", "6", "7"):
        index = outline.index_of(find_paragraph(m, doc, n).id)
        sel.select(index, QItemSelectionModel.SelectionFlag.Select)
    sel.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
    qtbot.keyClick(window, Qt.Key.Key_1)
    label = "Tag ¶¶ 5–7 with Victim & minor"
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.text() == f"&Undo {label.replace('&', '&&')}"
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert undo in edit.actions()
    undo.trigger()
    assert window.statusBar().currentMessage() == f"Undone: {label}"
    assert redo.text() == f"&Redo {label.replace('&', '&&')}"


def test_sizing_the_list_counts_no_anomalies(window: MainWindow, demo: Path) -> None:
    """Only rows painted are counted: sizing the columns (Qt reads up to 1,000 rows) is
    free, however many documents the matter holds."""
    assert window.open_matter(demo)
    model = window.docs_model
    assert model is not None
    model.anomalies.clear()
    window.docs_view.resizeColumnsToContents()
    assert window.docs_view.sizeHintForColumn(ANOMALIES) > 0
    assert model.anomalies.counted == 0
