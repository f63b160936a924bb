"""The review in the app, end to end in the real window (offscreen, nothing mocked): claims
from a template → map a count by confirming its suggestion → tag by hotkey (a coloured bar
appears beside the paragraph on the page, a chip in the outline, a sentence in the status
bar) → accept a suggestion → the proof chart shows both; change a document's kind and undo
it; delete a document; add and edit a person. Assertions read what the user sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reviewer.core.claims.elements import element_for_hotkey
from reviewer.core.exports.proof_chart import chart_rows
from reviewer.core.matter import documents, history
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import coding as privilege
from reviewer.qt.claims_dialog import ClaimsDialog
from reviewer.qt.counts_dialog import CountsDialog
from reviewer.qt.document_dialog import DeleteDialog, DocumentDialog
from reviewer.qt.main_window import MainWindow
from reviewer.qt.models import KIND, PRIVILEGE
from reviewer.qt.people_dialog import PeopleDialog
from reviewer.qt.suggestions_panel import SuggestionsDialog
from reviewer.qt.tag_marks import PALETTE, _colour, element_colours, para_span, tag_sentence
from tests.qt.conftest import chart_texts as _chart_texts

TEMPLATE = "tvpra-1591a2"


def _chart_icons(w: MainWindow) -> dict[str, int]:
    """Element full id → the colour of the chip before its row in the chart."""
    model, out = w.claims_panel.model, {}
    pending = [model.invisibleRootItem()]
    while pending:
        item = pending.pop()
        for r in range(item.rowCount()):
            child = item.child(r, 0)
            if not child.icon().isNull():
                image = child.icon().pixmap(10, 10).toImage()
                out[child.toolTip()] = image.pixelColor(5, 5).rgb()
            pending.append(child)
    return out


def _column(w: MainWindow, column: int) -> list[str]:
    model = w.docs_model
    assert model is not None
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _mark_pixel(w: MainWindow, pid: int, slot: int = 0) -> QColor:
    """The colour drawn at the middle of a paragraph's tag-mark bar, read off the screen."""
    view = w.page_view
    box = view.boxes[pid][0]
    view.ensure_visible(box)
    view.viewport().repaint()
    centre = view.mark_rect(box, slot).center().toPoint()
    return view.viewport().grab().toImage().pixelColor(QPoint(centre.x(), centre.y()))


def _message(w: MainWindow) -> str:
    return w.statusBar().currentMessage()


def test_claim_from_template_map_count_tag_by_hotkey_accept_suggestion(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    # Claims ▸ Claims and elements (Ctrl+Shift+L): add a claim from a template
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    claims = window.review.dialogs["claims"]
    assert isinstance(claims, ClaimsDialog)
    assert claims.isVisible()
    before = claims.claim_list.count()
    claims.template.setCurrentIndex(claims.template.findData(TEMPLATE))
    claims.add_template.click()
    assert claims.claim_list.count() == before + 1
    assert "Benefiting from a sex-trafficking venture" in claims.claim_list.currentItem().text()
    assert claims.elements.rowCount() == 4
    assert _message(window).startswith("Added the claim Benefiting from a sex-trafficking")
    assert window.claims_panel.claim.findData(TEMPLATE) >= 0, "the chart dock lists it"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo, redo
    assert claims.claim_list.count() == before, "the open dialog follows an undo"
    assert window.claims_panel.claim.findData(TEMPLATE) == -1
    assert _message(window).startswith("Undone")
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert claims.claim_list.count() == before + 1

    # Claims ▸ Map counts: COUNT I's suggestion shows its reason; confirm it
    counts = window.review.open_counts()
    assert isinstance(counts, CountsDialog)
    count_one = counts.tree.topLevelItem(0)
    assert count_one.text(0).startswith("COUNT I")
    rows = {count_one.child(i).data(0, Qt.ItemDataRole.UserRole + 1)[1]: count_one.child(i)
            for i in range(count_one.childCount())}  # fmt: skip
    suggestion = rows[TEMPLATE]
    assert suggestion.text(1) == "suggested"
    assert "cites 18 U.S.C. § 1591(a)" in suggestion.text(2)
    counts.tree.setCurrentItem(suggestion)
    counts.confirm.click()
    count_one = counts.tree.topLevelItem(0)  # the tree is rebuilt after each change
    mapped = [count_one.child(i) for i in range(count_one.childCount())]
    assert any(c.text(1) == "mapped" and "sex-trafficking venture" in c.text(0) for c in mapped)
    assert _message(window) == f"Count 1 is mapped to {TEMPLATE}"
    chart = _chart_texts(window)
    count_row = next(i for i, t in enumerate(chart) if t.startswith("COUNT I "))
    assert any("sex-trafficking venture" in t for t in chart[count_row:]), "chart shows it"

    # Tag ¶ 45 by hotkey 1 of the new claim: a bar in the element's colour on the page
    complaint = find_document(m, "complaint.pdf")
    window.open_document(complaint.id)
    p45 = find_paragraph(m, complaint, "45")
    element = element_for_hotkey(m, TEMPLATE, 1)
    colour = element_colours(m)[element.id][2]
    window.claims_panel.claim.setCurrentIndex(window.claims_panel.claim.findData(TEMPLATE))
    window.select_paragraph(p45.id)
    assert _mark_pixel(window, p45.id) != colour, "untagged: no bar yet"
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert _message(window) == f"Tagged ¶ 45 with {element.name} (factual)"
    assert _mark_pixel(window, p45.id) == colour
    outline = window.outline_model
    assert outline is not None
    index = outline.index_of(p45.id)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None, "a chip in the outline"
    assert f"{element.name} (factual)" in index.data(Qt.ItemDataRole.ToolTipRole)
    qtbot.keyClick(window, Qt.Key.Key_K)  # away and back: the selected ¶'s tags are said
    qtbot.keyClick(window, Qt.Key.Key_J)
    assert _message(window).endswith(f"Tagged: {element.name} (factual)")
    selected = window.claims_panel.selected.text()  # and in the Proof chart dock
    assert selected.startswith(f"Selected: {p45.cite} — Tagged: {element.name} (factual)")
    assert p45.cite in _chart_texts(window)
    chips = _chart_icons(window)
    assert chips[element.full_id] == colour.rgb(), "the chart's legend shows the bar's colour"

    # Claims ▸ Suggestions: accept the best one for that element
    sugg = window.review.open_suggestions()
    assert isinstance(sugg, SuggestionsDialog)
    sugg.element.setCurrentIndex(sugg.element.findData(element.id))
    qtbot.waitUntil(lambda: not sugg.busy)  # found on the worker thread
    assert sugg.rows, "the element's terms and ¶ 45 find candidates"
    assert sugg.table.item(0, 2).text()[:40] == " ".join(sugg.rows[0].text.split())[:40]
    best = sugg.rows[0]
    sugg.accept_button.click()
    assert best.cite in _chart_texts(window)
    qtbot.waitUntil(lambda: not sugg.busy)
    assert best.pid not in {s.pid for s in sugg.rows}, "an accepted one leaves the list"
    assert _message(window).startswith("Tagged ")
    # reject the next: gone from the list, and not a tag
    second = sugg.rows[0]
    sugg.reject_button.click()
    qtbot.waitUntil(lambda: not sugg.busy and bool(sugg.rows))
    assert second.pid not in {s.pid for s in sugg.rows}
    support = {r.cite for r in chart_rows(m) if r.element_id == element.full_id}
    assert best.cite in support
    assert second.cite not in support, "rejected, not tagged"
    assert _message(window) == f"{second.cite} will not be suggested for {element.name} again"


def test_conclusory_tags_are_drawn_lighter_and_exhibit_pages_marked(
    window: MainWindow, demo: Path
) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    complaint = find_document(m, "complaint.pdf")
    p48 = find_paragraph(m, complaint, "48")  # the demo tags it conclusory
    window.open_document(complaint.id)
    element = element_for_hotkey(m, "tvpra-1595", 3)
    solid = element_colours(m)[element.id][2]
    rect = window.page_view.mark_rect(window.page_view.boxes[p48.id][0], 0)
    window.page_view.ensure_visible(window.page_view.boxes[p48.id][0])
    window.page_view.viewport().repaint()
    image = window.page_view.viewport().grab().toImage()
    rect = window.page_view.mark_rect(window.page_view.boxes[p48.id][0], 0).toRect()
    inside = [image.pixelColor(x, y) for x in range(rect.left() + 1, rect.right())
              for y in range(rect.top() + 1, rect.bottom())]  # fmt: skip
    assert solid not in inside, "hatched, not solid"
    assert any(c.lightness() > solid.lightness() for c in inside)
    assert any(c.hue() == solid.hue() for c in inside if c.saturation() > 60)
    # Exhibit B pages 1-2 are tagged: a bar along the page's left edge
    exhibit = find_document(m, "complaint-exhibit-b.pdf")
    window.open_document(exhibit.id)
    window.page_view.go_to_page(1)
    window.page_view.viewport().repaint()
    page = window.page_view.page_rect(0)
    image = window.page_view.viewport().grab().toImage()
    pixel = image.pixelColor(page.left() + 4, page.top() + 40)
    knew = element_for_hotkey(m, "tvpra-1595", 4)  # the demo tags Exhibit B at 1-2 with it
    assert pixel == element_colours(m)[knew.id][2]


def _undo_key(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+Z in the window, once no job is running. A progress dialog that came and went (or
    a dialog closed) leaves no active window on the offscreen platform, where a desktop's
    window manager would give the activation back to the main window: do that here."""
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=30_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def test_change_kind_keeps_tags_and_undoes(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    complaint = find_document(m, "complaint.pdf")
    window.open_document(complaint.id)
    chart = _chart_texts(window)
    row = window.docs_model.row_of(complaint.id)  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.review.dialogs["document"]
    assert isinstance(dialog, DocumentDialog)
    assert dialog.isVisible()
    assert dialog.kind.currentData() == "complaint"
    dialog.kind.setCurrentIndex(dialog.kind.findData("exhibit"))
    dialog.change_kind.click()  # in the background: the document is re-indexed
    qtbot.waitUntil(lambda: _column(window, KIND)[row] == "exhibit" and not window.jobs.busy,
                    timeout=30_000)  # fmt: skip
    assert "exhibit" in window.status_doc.text()
    assert _message(window).startswith("complaint.pdf is now a exhibit (was complaint)")
    assert _chart_texts(window) == chart, "tags stay with the paragraphs"
    assert window.docs_view.currentIndex().row() == row, "the selection stays"
    assert window.index is not None
    found = window.index.search("kind:exhibit", "natural", limit=1000).hits
    assert complaint.id in {h.doc_id for h in found}, "the window's search sees the new kind"
    # caption fields: a bad date is refused in the dialog, a good one saved
    dialog.fields["filed"].setText("21 Jan 2025")
    dialog.save.click()
    qtbot.waitUntil(lambda: "YYYY-MM-DD" in dialog.message.text(), timeout=30_000)
    dialog.fields["filed"].setText("2025-01-22")
    dialog.fields["court"].setText("C.D. Cal.")
    dialog.save.click()
    qtbot.waitUntil(lambda: _message(window) == "Saved court, filed of complaint.pdf",
                    timeout=30_000)  # fmt: skip
    assert window.docs_model.index(row, 3).data() == "2025-01-22"  # type: ignore[union-attr]
    _undo_key(qtbot, window)
    qtbot.waitUntil(lambda: window.docs_model.index(row, 3).data() == "2025-01-21", timeout=30_000)  # type: ignore[union-attr]
    _undo_key(qtbot, window)
    qtbot.waitUntil(lambda: _column(window, KIND)[row] == "complaint", timeout=30_000)
    assert find_document(m, complaint.id).kind == "complaint"
    window.open_document(find_document(m, "answer.pdf").id)  # the dialog follows
    assert "answer.pdf" in dialog.heading.text()
    assert dialog.kind.currentData() == "answer"


def test_delete_a_document_from_the_menu(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    exhibit = find_document(m, "complaint-exhibit-b.pdf")
    window.open_document(exhibit.id)
    row = window.docs_model.row_of(exhibit.id)  # type: ignore[union-attr]
    window.docs_view.clearSelection()  # only the exhibit is selected, as after a plain click
    window.docs_view.selectRow(row)
    assert any(t.startswith("Ex. B at") for t in _chart_texts(window))
    window.actions_by_name["delete"].trigger()
    dialog = window.review.dialogs["delete"]
    assert isinstance(dialog, DeleteDialog)
    assert dialog.isVisible()
    text = dialog.summary.text()
    paras = len(documents.paragraphs(m, exhibit.id))
    assert f"complaint-exhibit-b.pdf (3 pages, {paras} paragraphs, 1 tag)" in text
    assert "Edit ▸ Undo (Ctrl+Z) brings them back" in text
    dialog.delete.click()  # in the background: its index entries go too
    qtbot.waitUntil(lambda: not dialog.isVisible() and not window.jobs.busy, timeout=30_000)
    assert window.docs_model is not None
    assert window.docs_model.rowCount() == 2
    assert "EXHIBIT B" not in _column(window, 1)
    assert not any(t.startswith("Ex. B at") for t in _chart_texts(window))
    assert _message(window) == "Deleted complaint-exhibit-b.pdf"
    assert window.doc_id is not None, "another document is open"
    assert window.doc_id != exhibit.id
    assert "2 documents" in window.windowTitle()
    # Edit ▸ Undo names the delete (it kept the label of the operation before it)
    undo = window.actions_by_name["undo"]
    assert undo.text().replace("&", "") == f"Undo {history.next_labels(m)[0]}"
    assert "complaint-exhibit-b.pdf" in undo.text()
    _undo_key(qtbot, window)
    qtbot.waitUntil(lambda: window.docs_model.rowCount() == 3 and not window.jobs.busy,
                    timeout=30_000)  # fmt: skip
    assert "EXHIBIT B" in _column(window, 1)
    assert any(t.startswith("Ex. B at") for t in _chart_texts(window)), "its tag is back"
    assert "3 documents" in window.windowTitle()


def test_privilege_state_shows_in_the_documents_list(window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    answer = find_document(m, "answer.pdf")
    row = window.docs_model.row_of(answer.id)  # type: ignore[union-attr]
    assert _column(window, PRIVILEGE)[row] == ""
    privilege.set_privilege(m, [answer.id], "withheld", "attorney-client", description="x")
    window.privilege_panel.coded.emit(None)  # as the Privilege dock does after coding
    assert _column(window, PRIVILEGE)[row] == "withheld"
    name = window.docs_model.index(row, 1)  # type: ignore[union-attr]
    assert name.data(Qt.ItemDataRole.DecorationRole) is not None, "a dot before the name"
    assert name.data(Qt.ItemDataRole.ToolTipRole).endswith("Privilege: withheld")
    assert window.docs_model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is None  # type: ignore[union-attr]


def test_people_add_and_edit(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # fmt: skip
    dialog = window.review.dialogs["people"]
    assert isinstance(dialog, PeopleDialog)
    assert dialog.isVisible()
    start = dialog.table.rowCount()
    assert dialog.empty_hint.showing == (start == 0), "an empty list says how to add one"
    if start == 0:
        assert dialog.empty_hint.label.text().startswith("No people yet.")
    dialog.name.setText("Okafor, Daniel")
    dialog.attorney.setChecked(True)
    dialog.aliases.setText("dokafor@okaforlaw.com; DRO")
    dialog.save.click()
    assert dialog.table.rowCount() == start + 1
    assert not dialog.empty_hint.showing
    row = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())].index(
        "Daniel Okafor"
    )
    assert dialog.table.item(row, 1).text() == "yes"
    assert dialog.table.item(row, 3).text() == "dokafor@okaforlaw.com; DRO"
    assert _message(window) == "Added Daniel Okafor (attorney)"
    dialog.table.selectRow(row)
    assert dialog.name.text() == "Daniel Okafor"
    dialog.aliases.setText("dokafor@okaforlaw.com; DRO; D.R.O.")
    dialog.attorney.setChecked(False)
    dialog.save.click()
    assert dialog.table.rowCount() == start + 1, "edited, not added"
    assert dialog.table.item(row, 1).text() == ""
    assert dialog.table.item(row, 3).text().endswith("D.R.O.")
    assert _message(window) == "Updated Daniel Okafor"
    dialog._new()
    dialog.name.setText("Someone Else")
    dialog.aliases.setText("DRO")  # already Okafor's alias
    dialog.save.click()
    assert "already a name or alias of Daniel Okafor" in dialog.message.text()
    assert dialog.table.rowCount() == start + 1


def test_every_review_action_is_in_a_menu_with_a_key(window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    for name in ("claims", "counts", "suggestions", "properties", "kind", "delete", "people"):
        action = window.actions_by_name[name]
        assert action.shortcuts(), name
        action.trigger()
        key = {"properties": "document", "kind": "document"}.get(name, name)
        assert window.review.dialogs[key].isVisible(), name
    window.close_to_start()
    assert not any(d.isVisible() for d in window.review.dialogs.values())


def test_status_sentences_name_the_paragraphs() -> None:
    assert para_span(["5", "6", "7"]) == "¶¶ 5–7"
    assert para_span(["7", "5", "8"]) == "¶¶ 5, 7–8"
    assert para_span(["9", None]) == "¶ 9 and 1 unnumbered paragraph"
    assert tag_sentence("Tagged", ["5", "6", "7"], "Knowingly benefited", "conclusory") == (
        "Tagged ¶¶ 5–7 with Knowingly benefited (conclusory)"
    )
    assert tag_sentence("Removed", ["5"], "Duty", "factual") == "Removed Duty from ¶ 5"


def test_bulk_tag_sentence_and_confirm_a_count_by_keyboard(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    panel = window.claims_panel
    panel.claim.setCurrentIndex(panel.claim.findData("negligence"))
    panel.assessment.setCurrentIndex(panel.assessment.findData("conclusory"))
    complaint = find_document(m, "complaint.pdf")
    pids = [find_paragraph(m, complaint, n).id for n in ("21", "22", "23")]
    outline, model = window.outline_view, window.outline_model
    assert model is not None
    outline.selectionModel().clearSelection()
    for pid in pids:
        outline.selectionModel().select(
            model.index_of(pid), QItemSelectionModel.SelectionFlag.Select
        )
    qtbot.keyClick(window, Qt.Key.Key_1)
    name = element_for_hotkey(m, "negligence", 1).name
    assert _message(window) == f"Tagged ¶¶ 21–23 with {name} (conclusory)"
    # Map counts by keyboard: unmap COUNT III, then Enter on its suggestion confirms it again
    counts = window.review.open_counts()
    assert isinstance(counts, CountsDialog)
    third = counts.tree.topLevelItem(2)
    counts.tree.setCurrentItem(third.child(0))
    assert third.child(0).text(1) == "mapped"
    counts.unmap.click()
    third = counts.tree.topLevelItem(2)
    assert third.text(1) == "suggested", "no mapping now, only the suggestion"
    assert third.child(0).text(1) == "suggested"
    counts.tree.setCurrentItem(third.child(0))
    counts.tree.setFocus()
    qtbot.keyClick(counts.tree, Qt.Key.Key_Return)
    assert counts.tree.topLevelItem(2).text(1) == "confirmed"
    assert _message(window) == "Count 3 is mapped to negligence"


def test_element_colours_stay_distinct_past_the_palette() -> None:
    colours = [_colour(n).name() for n in range(4 * len(PALETTE))]
    assert len(set(colours)) == len(colours)


def test_a_read_only_matter_cannot_be_changed_from_the_dialogs(
    window: MainWindow, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window opens a matter it cannot write (a read-only folder, say) read-only.
    opened = Matter.open
    monkeypatch.setattr(
        Matter, "open", classmethod(lambda _cls, path, **_kw: opened(path, readonly=True))
    )
    if True:
        assert window.open_matter(demo)
        assert window.matter is not None
        assert window.matter.readonly
        claims = window.review.open_claims()
        assert isinstance(claims, ClaimsDialog)
        before = claims.claim_list.count()
        claims.template.setCurrentIndex(claims.template.findData(TEMPLATE))
        claims.add_template.click()
        assert "cannot be changed here" in claims.message.text()
        assert claims.claim_list.count() == before
        assert "read-only" in _message(window)
