"""The proof chart per complaint, end to end in the real window (offscreen, nothing mocked):
claims from a template → map a count → tag by hotkey → accept a suggestion → choose the
complaint in the Proof chart dock → Export ▸ Proof chart… → the workbook read back holds
the figures and the supporting cites the dock shows. The matter holds the demo complaint
and a generated First Amended Complaint of another case, a count of each mapped."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reviewer.core.claims import counts
from reviewer.core.claims.elements import add_from_template, element_for_hotkey
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.qt.claims_dialog import ClaimsDialog
from reviewer.qt.counts_dialog import CountsDialog
from reviewer.qt.main_window import MainWindow
from reviewer.qt.panels.claims_panel import ROW_ROLE
from reviewer.qt.suggestions_panel import SuggestionsDialog
from tests.core.test_chart_scope import add_amended_complaint
from tests.qt.conftest import chart_texts

TEMPLATE = "tvpra-1591a2"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _with_amended_complaint(demo: Path, tmp_path: Path) -> None:
    """The FAC imported, its fraudulent-concealment count mapped to the same claim."""
    with Matter.open(demo) as m:
        fac = add_amended_complaint(m, tmp_path)
        add_from_template(m, TEMPLATE)
        count = next(c for c in counts.list_counts(m, fac) if "Concealment" in c.heading)
        counts.map_count(m, fac, str(count.number), TEMPLATE)


def _support_cites(w: MainWindow) -> set[str]:
    """The cites of the supporting rows the chart shows (paragraphs and exhibit pages)."""
    model, out = w.claims_panel.model, set()

    def walk(parent: QModelIndex, depth: int) -> None:
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            if depth == 3 and index.data(ROW_ROLE) is not None:
                out.add(index.data())
            walk(index, depth + 1)

    walk(QModelIndex(), 0)
    return out


def _review(qtbot: QtBot, w: MainWindow) -> None:
    """Claims from a template, COUNT I mapped, ¶ 45 tagged by key 1, a suggestion accepted."""
    qtbot.keyClick(w, Qt.Key.Key_L, CTRL_SHIFT)
    claims = w.review.dialogs["claims"]
    assert isinstance(claims, ClaimsDialog)
    assert w.claims_panel.claim.findData(TEMPLATE) >= 0, "added before the window opened"
    claims.close()
    count_dialog = w.review.open_counts()
    assert isinstance(count_dialog, CountsDialog)
    count_one = count_dialog.tree.topLevelItem(0)
    rows = {count_one.child(i).data(0, Qt.ItemDataRole.UserRole + 1)[1]: count_one.child(i)
            for i in range(count_one.childCount())}  # fmt: skip
    count_dialog.tree.setCurrentItem(rows[TEMPLATE])
    count_dialog.confirm.click()
    count_dialog.close()
    m = w.matter
    assert m is not None
    complaint = find_document(m, "complaint.pdf")
    w.open_document(complaint.id)
    w.claims_panel.claim.setCurrentIndex(w.claims_panel.claim.findData(TEMPLATE))
    w.select_paragraph(find_paragraph(m, complaint, "45").id)
    qtbot.keyClick(w, Qt.Key.Key_1)
    assert w.statusBar().currentMessage().startswith("Tagged ¶ 45 with ")
    sugg = w.review.open_suggestions()
    assert isinstance(sugg, SuggestionsDialog)
    sugg.element.setCurrentIndex(sugg.element.findData(element_for_hotkey(m, TEMPLATE, 1).id))
    qtbot.waitUntil(lambda: not sugg.busy and bool(sugg.rows))  # found on the worker thread
    sugg.accept_button.click()
    sugg.close()


def test_chart_of_one_complaint_on_screen_equals_its_export(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    _with_amended_complaint(demo, tmp_path)
    assert window.open_matter(demo)
    _review(qtbot, window)
    panel = window.claims_panel
    chooser = [panel.complaint.itemText(i) for i in range(panel.complaint.count())]
    assert chooser == ["All complaints", "Compl.", "First Am. Compl."]
    every = chart_texts(window)
    assert any(t.startswith("Compl. (Dkt. 1) — COUNT I ") for t in every)
    assert any(t.startswith("First Am. Compl. (Dkt. 37) — COUNT IV ") for t in every)

    panel.complaint.setCurrentIndex(panel.complaint.findText("Compl."))
    shown = chart_texts(window)
    assert not any("First Am. Compl." in t or t.startswith("COUNT IV") for t in shown)
    assert any(t.startswith("COUNT I ") for t in shown)
    summary = panel.summary.text()
    assert summary.startswith("Compl.: ")
    figures = summary.removeprefix("Compl.: ")
    cites = _support_cites(window)
    assert len(cites) >= 2, "¶ 45 and the accepted suggestion at least"

    window.actions_by_name["export_proof-chart"].trigger()
    dialog = window.exports.dialogs["proof-chart"]
    assert dialog.option.currentText() == "Compl.", "the dock's complaint is preselected"
    out = tmp_path / "chart.xlsx"
    dialog.path.setText(str(out))
    dialog.export_button.click()
    qtbot.waitUntil(lambda: dialog.export_button.isEnabled(), timeout=60_000)
    assert dialog.message.text().endswith(f"; {figures})")
    assert window.statusBar().currentMessage() == dialog.message.text()
    sheet = openpyxl.load_workbook(out)["Proof chart"]
    values = list(sheet.iter_rows(values_only=True))
    assert any(v[0] and "Proof chart — Compl. — " in v[0] for v in values[:8])
    assert (f"{figures[0].upper()}{figures[1:]}.",) == next(
        (v[0],) for v in values if v[0] and str(v[0]).endswith("without factual support.")
    )
    header = next(i for i, v in enumerate(values) if v[:2] == ("Count", "Claim"))
    exported = {v[4] for v in values[header + 1 :] if v[4] and v[3]}
    assert exported == cites


def _item_text_starting(w: MainWindow, prefix: str) -> QModelIndex:
    model = w.claims_panel.model
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, prefix, -1,
                        Qt.MatchFlag.MatchStartsWith | Qt.MatchFlag.MatchRecursive)  # fmt: skip
    assert found, f"no chart row starts with {prefix!r}"
    return found[0]


def test_exhibits_under_the_elements_they_support(window: MainWindow, demo: Path) -> None:
    """Compl. ¶ 35 cites Exhibit B (attached, Dkt. 1-2); Answer ¶ 15 cites an Exhibit B that
    the answer does not attach. Tagged, each shows its exhibit beneath it; the attached one
    opens Exhibit B's first page."""
    from reviewer.core.claims import tagging
    from reviewer.core.claims.elements import list_claims

    with Matter.open(demo) as m:
        element = element_for_hotkey(m, list_claims(m)[0].key, 4)
        for doc, number in (("complaint.pdf", "35"), ("answer.pdf", "15")):
            p = find_paragraph(m, find_document(m, doc), number)
            tagging.tag(m, [p.id], element, "factual")
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    attached = _item_text_starting(window, "\u21b3 Exhibit B, pp. 1\u20133")
    parent = attached.parent().data()
    assert parent.startswith("Compl. ¶ 35"), "under the ¶ that cites it"
    missing = _item_text_starting(window, "\u21b3 Exhibit B (cited, not attached)")
    assert missing.parent().data().startswith("Answer ¶ 15")
    colour = missing.data(Qt.ItemDataRole.ForegroundRole).color()
    assert colour.red() > 150 > colour.green(), "not attached: in red"
    window.claims_panel.tree.clicked.emit(attached)
    exhibit = find_document(m, "complaint-exhibit-b.pdf")
    assert window.doc_id == exhibit.id
    assert window.page_view.current_page() == 1
    panel = window.claims_panel
    panel.complaint.setCurrentIndex(panel.complaint.findText("Compl."))
    assert not any(t.startswith("Answer ¶ 15") for t in chart_texts(window)), "not Compl.'s"
