"""Issue 15's production workflow in the real window, offscreen, without mocks: create a set
and add documents (Bates ranges shown, remove and reorder undoable) -> draw a redaction box
with the mouse in Redact mode -> find-and-redact with the preview of every hit (one left
unchecked) -> delete a redaction and undo -> the produced-page preview, black where the box
is -> export and verify in the background; the exported PDFs hold no redacted text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from reviewer.core import pdf
from reviewer.qt.main_window import MainWindow


@pytest.fixture
def window(window: MainWindow, demo: Path) -> MainWindow:
    assert window.open_matter(demo)
    window.resize(1280, 800)
    window.docks["production"].show()
    window.docks["production"].raise_()
    return window


def _dark(image: QImage, x0: int, y0: int, x1: int, y1: int) -> float:
    """The share of dark pixels in a rectangle of an image."""
    dark = sum(QColor(image.pixel(x, y)).lightness() < 90
               for y in range(y0, y1) for x in range(x0, x1))  # fmt: skip
    return dark / max(1, (x1 - x0) * (y1 - y0))


def _lightness(w: MainWindow, box: tuple[float, ...]) -> float:
    """The mean lightness of a box (page, PDF points) as the page view shows it."""
    image = w.page_view.viewport().grab().toImage()
    r = w.page_view.box_rect(box).toAlignedRect()  # type: ignore[arg-type]
    xs, ys = range(r.left() + 1, r.right()), range(r.top() + 1, r.bottom())
    values = [QColor(image.pixel(x, y)).lightness() for y in ys for x in xs]
    return sum(values) / len(values)


def _cell(model: object, row: int, column: int) -> str:
    return str(model.index(row, column).data())  # type: ignore[attr-defined]


def _create_and_add(qtbot: QtBot, w: MainWindow) -> None:
    panel = w.production_panel
    qtbot.mouseClick(panel.buttons["new"], Qt.MouseButton.LeftButton)
    assert panel.form.isVisible()
    qtbot.keyClicks(panel.name, "Vol1")
    qtbot.keyClicks(panel.prefix, "DEMO")
    qtbot.keyClicks(panel.legend, "CONFIDENTIAL")
    qtbot.mouseClick(panel.buttons["create"], Qt.MouseButton.LeftButton)
    assert panel.sets.currentText() == "Vol1"
    w.docs_view.selectAll()
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Added 3 documents."


def _order(w: MainWindow) -> list[str]:
    docs = w.production_panel.docs
    return [_cell(docs, r, 1).split("\n")[0] for r in range(docs.rowCount())]


def test_bates_ranges_remove_and_reorder_undoable(qtbot: QtBot, window: MainWindow) -> None:
    w, panel = window, window.production_panel
    _create_and_add(qtbot, w)
    docs = panel.docs
    assert _order(w) == ["complaint.pdf", "complaint-exhibit-b.pdf", "answer.pdf"]
    assert "DEMO000001\u2013DEMO000010 \u00b7 10 pages" in _cell(docs, 0, 1)
    assert "DEMO000014\u2013DEMO000018" in _cell(docs, 2, 1)
    assert panel.range.text() == "Bates DEMO000001\u2013DEMO000018 (18 pages)"
    panel.docs_view.selectRow(2)
    qtbot.mouseClick(panel.buttons["up"], Qt.MouseButton.LeftButton)
    assert _order(w) == ["complaint.pdf", "answer.pdf", "complaint-exhibit-b.pdf"]
    assert "DEMO000011\u2013DEMO000015" in _cell(docs, 1, 1)  # the numbers follow the order
    panel.docs_view.selectRow(2)
    qtbot.mouseClick(panel.buttons["remove"], Qt.MouseButton.LeftButton)
    assert _order(w) == ["complaint.pdf", "answer.pdf"]
    assert panel.range.text() == "Bates DEMO000001\u2013DEMO000015 (15 pages)"
    undo = w.actions_by_name["undo"]
    assert "remove complaint-exhibit-b.pdf" in undo.text()
    undo.trigger()
    undo.trigger()
    assert _order(w) == ["complaint.pdf", "complaint-exhibit-b.pdf", "answer.pdf"]


def _draw(qtbot: QtBot, w: MainWindow, page: int, rect: tuple[float, ...]) -> None:
    """Drag a box over ``rect`` (PDF points, grown by 2) with the mouse in Redact mode."""
    view = w.page_view
    view.ensure_visible((page, *rect))
    box = view.box_rect((page, rect[0] - 2, rect[1] - 2, rect[2] + 2, rect[3] + 2))
    a, b = box.topLeft().toPoint(), box.bottomRight().toPoint()
    port = view.viewport()
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(port, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    assert w.production.tool.band() is not None  # the rubber band follows the mouse
    QTest.mouseMove(port, b)
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_draw_find_redact_preview_export_verify(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    w, panel = window, window.production_panel
    _create_and_add(qtbot, w)
    panel.docs_view.selectRow(0)  # the complaint opens
    assert w.status_doc.text().startswith("complaint.pdf")
    matter = w.matter
    assert matter is not None
    src = w.page_view.path
    assert src is not None
    phone = next(wd for wd in pdf.page_words(src, 0) if wd[4] == "555-0142")

    # -- draw a box in Redact mode (the menu's action, Ctrl+Shift+R) ----------------------
    w.actions_by_name["redact_mode"].trigger()
    assert panel.redact.isChecked()
    assert "Redact mode" in w.statusBar().currentMessage()
    w.page_view.ensure_visible((1, *phone[:4]))
    bare = _lightness(w, (1, *phone[:4]))
    _draw(qtbot, w, 1, phone[:4])
    dialog = w.production.reason_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert "555-0142" in dialog.findChild(type(panel.range)).text()  # it says what it covers
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.reason.setText(" ")
    assert not ok.isEnabled()  # no redaction without its reason
    dialog.reason.setText("personal telephone")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert _cell(panel.reds, 0, 0) == "1"
    assert _cell(panel.reds, 0, 1) == "personal telephone"
    assert "555-0142" in _cell(panel.reds, 0, 2)
    assert "1 redaction" in _cell(panel.docs, 0, 1)
    assert "Redacted a box on p. 1" in w.statusBar().currentMessage()
    assert _lightness(w, (1, *phone[:4])) < 0.6 * bare  # drawn at once, dark on the page
    QTest.keyClick(w.page_view, Qt.Key.Key_Escape)  # Escape ends Redact mode
    assert not panel.redact.isChecked()
    assert not w.actions_by_name["redact_mode"].isChecked()
    assert w.statusBar().currentMessage() == "Redact mode ended."

    # -- find and redact with a preview: one hit left unchecked --------------------------
    qtbot.mouseClick(panel.buttons["find"], Qt.MouseButton.LeftButton)
    find = w.production.find_dialog
    assert find is not None
    assert find.isVisible()
    qtbot.keyClicks(find.text, "Jane Doe")
    qtbot.mouseClick(find.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find.model.rowCount() > 0, timeout=60_000)
    hits = [h for h, _ in find.hits()]
    assert len(hits) >= 4
    assert all("\u00ab" in _cell(find.model, r, 2) for r in range(len(hits)))
    assert find.apply_button.text() == f"Redact {len(hits)} checked"
    find.hits_view.setCurrentIndex(find.model.index(1, 0))  # shown on its page
    assert w.doc_id == hits[1].doc_id
    assert w.page_view.hits == [(hits[1].page, *hits[1].rect)]
    find.model.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert find.apply_button.text() == f"Redact {len(hits) - 1} checked"
    find.reason.clear()
    assert not find.apply_button.isEnabled()
    assert "Give the reason" in find.status.text()
    find.reason.setText("minor's name")
    find.kind.setCurrentIndex(find.kind.findData("minor-name"))
    qtbot.mouseClick(find.apply_button, Qt.MouseButton.LeftButton)
    assert (f"Redacted {len(hits) - 1} hits in Vol1; 1 left as they were."
            in w.statusBar().currentMessage())  # fmt: skip
    assert "Undo find and redact" in w.actions_by_name["undo"].text()
    find.close()

    # -- delete a redaction, and undo it ------------------------------------------------
    w.open_document(hits[0].doc_id)
    before = panel.reds.rowCount()
    drawn = next(r for r in range(before) if _cell(panel.reds, r, 1) == "personal telephone")
    panel.reds_view.selectRow(drawn)
    assert w.production.tool.chosen == [(1, *panel.reds.rows[drawn].rect)]  # outlined
    qtbot.mouseClick(panel.buttons["delete"], Qt.MouseButton.LeftButton)
    assert panel.reds.rowCount() == before - 1
    w.actions_by_name["undo"].trigger()
    assert panel.reds.rowCount() == before

    # -- the produced page: black where the box is, Bates number on it -------------------
    w.open_document(hits[0].doc_id)
    w.go_to_page(1)
    qtbot.mouseClick(panel.buttons["preview"], Qt.MouseButton.LeftButton)
    preview = w.production.preview_dialog
    assert preview is not None
    assert preview.isVisible()
    assert "DEMO000001" in preview.caption.text()
    image = preview.pixmap_image()
    zoom = image.width() / w.page_view.page_sizes[0][0]
    x0, y0, x1, y1 = (round(v * zoom) for v in phone[:4])
    assert _dark(image, x0 + 1, y0 + 1, x1 - 1, y1 - 1) > 0.6
    right = round(300 * zoom), round(340 * zoom)  # the rest of the line: white paper
    assert _dark(image, right[0], y0 + 1, right[1], y1 - 1) < 0.05
    w.go_to_page(2)  # the preview follows the page shown
    assert preview.caption.text().startswith("complaint.pdf, p. 2\nDEMO000002")
    preview.close()

    # -- export and verify in the background -------------------------------------------
    out = tmp_path / "out"
    panel.export_to(out)
    assert w.jobs.busy
    assert panel.progress.isVisible()
    steps: list[str] = []
    w.jobs.jobs[-1].progressed.connect(lambda p: steps.append(p.message))
    qtbot.waitUntil(lambda: not w.jobs.busy, timeout=120_000)
    sentence = "Produced 3 documents, 18 pages, DEMO000001\u2013DEMO000018: verified, no problems."
    assert panel.message.text().startswith(sentence)
    assert w.statusBar().currentMessage() == sentence
    assert not panel.progress.isVisible()
    assert [m for m in steps if m.startswith("Producing")] == [
        "Producing 1 of 3: DEMO000001", "Producing 2 of 3: DEMO000011",
        "Producing 3 of 3: DEMO000014"]  # fmt: skip
    _no_redacted_text(out, hits, phone)


def _no_redacted_text(out: Path, hits: list, phone: tuple) -> None:  # type: ignore[type-arg]
    """Read the produced PDFs back: nothing under a checked hit or the drawn box; the
    unchecked hit is still there."""
    manifest = json.loads((out / "production.json").read_text(encoding="utf-8"))
    files = {d["source"]: out / d["file"] for d in manifest["documents"]}
    complaint = files["complaint.pdf"]
    assert "555-0142" not in " ".join(pdf.pdf_text(complaint))
    for i, hit in enumerate(hits):
        under = pdf.text_under(files[hit.file_name], {hit.page: [hit.rect]})[hit.page][0]
        if i == 0:
            assert "doe" in under.lower()  # unchecked: produced as it was
        else:
            assert "doe" not in under.lower(), under


def test_what_cannot_be_redacted_says_why_and_records_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    w, panel = window, window.production_panel
    w.actions_by_name["redact_mode"].trigger()  # no production yet: Redact mode stays off
    assert not panel.redact.isChecked()
    assert "Create a production first" in w.statusBar().currentMessage()
    qtbot.mouseClick(panel.buttons["new"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.name, "Vol2")
    qtbot.keyClicks(panel.prefix, "A B")  # a space: refused, in plain words
    qtbot.mouseClick(panel.buttons["create"], Qt.MouseButton.LeftButton)
    assert panel.message.text().startswith("Error: 'A B': a Bates prefix is")
    panel.prefix.setText("X")
    qtbot.mouseClick(panel.buttons["create"], Qt.MouseButton.LeftButton)
    w.docs_view.selectRow(1)
    qtbot.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    w.docs_view.selectRow(0)  # the complaint is not in Vol2
    w.actions_by_name["redact_mode"].trigger()
    _draw(qtbot, w, 1, (100.0, 100.0, 200.0, 120.0))
    assert "complaint.pdf is not in production Vol2" in w.statusBar().currentMessage()
    assert w.production.reason_dialog is None
    w.actions_by_name["find_redact"].trigger()
    find = w.production.find_dialog
    assert find is not None
    qtbot.keyClicks(find.text, "zzqqxx")
    qtbot.mouseClick(find.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "not found" in find.status.text(), timeout=60_000)
    assert "'zzqqxx': not found in production Vol2" in find.status.text()
    assert not find.apply_button.isEnabled()
    assert w.production.tool.boxes == []
    assert panel.reds.rowCount() == 0


def test_many_hits_are_recorded_in_the_background(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Thousands of chosen hits took over a second on the GUI thread: past a few hundred they
    are recorded in the helper process, the window answering, then every dock follows."""
    from reviewer.core.production import redactions
    from reviewer.qt import production_ui

    monkeypatch.setattr(production_ui, "IN_PLACE_HITS", 0)  # the demo has a handful
    w, panel = window, window.production_panel
    _create_and_add(qtbot, w)
    qtbot.mouseClick(panel.buttons["find"], Qt.MouseButton.LeftButton)
    find = w.production.find_dialog
    assert find is not None
    qtbot.keyClicks(find.text, "Jane Doe")
    qtbot.mouseClick(find.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: find.model.rowCount() > 0, timeout=60_000)
    n = find.model.rowCount()
    find.reason.setText("minor's name")
    assert w.matter is not None
    before = len(redactions.list_redactions(w.matter))
    qtbot.mouseClick(find.apply_button, Qt.MouseButton.LeftButton)
    assert find.status.text() == f"Redacting {n} hits…"  # not done yet: in the background
    qtbot.waitUntil(lambda: "Edit \u25b8 Undo takes them back" in find.status.text(),
                    timeout=60_000)  # fmt: skip
    assert f"Redacted {n} hits in Vol1." in find.status.text()
    assert find.model.rowCount() == 0
    assert len(redactions.list_redactions(w.matter)) == before + n
    qtbot.waitUntil(lambda: "Undo find and redact" in w.actions_by_name["undo"].text(),
                    timeout=10_000)  # fmt: skip
