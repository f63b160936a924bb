"""The real main window, offscreen: open the demo matter, search and choose a hit (the page
view shows that page with the hit drawn), move by keyboard, import and cancel through the
worker. Nothing is mocked: the window calls the core as a user's clicks would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from reviewer.core.claims import tagging
from reviewer.core.claims.elements import element_for_hotkey
from reviewer.core.exports.proof_chart import chart_rows
from reviewer.core.matter.documents import paragraph_by_id, quotation
from reviewer.core.matter.store import Matter
from reviewer.core.records import Progress
from reviewer.qt.main_window import MainWindow
from tests.qt.conftest import chart_texts as _chart_texts


def _search(qtbot: QtBot, w: MainWindow, query: str, syntax: str = "natural") -> None:
    panel = w.search_panel
    panel.syntax.setCurrentIndex(panel.syntax.findData(syntax))
    panel.query.clear()
    qtbot.keyClicks(panel.query, query)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)


def _watch_jobs(monkeypatch: pytest.MonkeyPatch, w: MainWindow, slot: object) -> None:
    """Connect ``slot`` to the progress of every job the window submits, before it starts."""
    submit = w.jobs.submit

    def watched(*args: object, **kwargs: object) -> object:
        job = submit(*args, **kwargs)
        job.progressed.connect(slot)
        return job

    monkeypatch.setattr(w.jobs, "submit", watched)


class _Recorder(QObject):
    """Keeps every Progress a job reports, received in the GUI thread."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.seen: list[Progress] = []

    @Slot(object)
    def on_progressed(self, progress: Progress) -> None:
        self.seen.append(progress)


class _CancelClicker(QObject):
    """Clicks the progress dialog's Cancel button (in the GUI thread) once a file is done."""

    def __init__(self, w: MainWindow) -> None:
        super().__init__(w)
        self.window, self.clicked = w, False

    @Slot(object)
    def on_progressed(self, progress: Progress) -> None:
        if progress.result is not None and not self.clicked:
            self.clicked = True
            button = self.window.progress_dialog.findChild(QPushButton)
            assert button is not None
            button.click()


def _pixel(w: MainWindow, x: float, y: float) -> QColor:
    return w.page_view.viewport().grab().toImage().pixelColor(round(x), round(y))


def test_choosing_a_hit_shows_its_page_with_the_hit_drawn(qtbot: QtBot, window: MainWindow,
                                                          demo: Path) -> None:  # fmt: skip
    assert window.open_matter(demo)
    _search(qtbot, window, "venture /s benefit!", "tc")
    model = window.search_panel.model
    assert model.rowCount() >= 2, window.search_panel.status.text()
    row = max(range(model.rowCount()), key=lambda r: model.hit(r).page_start)
    hit = model.hit(row)
    assert hit.page_start > 1
    view = window.search_panel.list
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(model.index(row, 0)).center())  # fmt: skip
    page = window.page_view
    assert window.doc_id == hit.doc_id
    assert window.current_pid() == hit.pid
    assert page.hits, "the hit's words were placed on the page"
    assert {b[0] for b in page.hits} <= set(range(hit.page_start, hit.page_end + 1))
    first = page.hits[0]
    assert first[0] - 1 in page.visible_pages()
    rect = page.box_rect(first)
    assert page.viewport().rect().contains(rect.toAlignedRect())
    colour = _pixel(window, rect.center().x(), rect.bottom() - 1)
    assert colour.red() > 200, colour.name()
    assert colour.green() > 150, colour.name()
    assert colour.blue() < 170, colour.name()
    assert f"p. {page.current_page()}" in window.status_page.text()
    assert window.index is not None
    total, per_doc = window.index.count("venture /s benefit!", "tc")
    want = f"{total:,} hits in {len(per_doc):,} documents"
    qtbot.waitUntil(lambda: window.search_panel.status.text().startswith(want))
    # F3 / Shift+F3 move through the hits
    view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(window, Qt.Key.Key_F3)
    assert window.current_pid() == model.hit(1).pid
    qtbot.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert window.current_pid() == model.hit(0).pid


def test_paragraphs_by_keyboard_and_copy_with_cite(qtbot: QtBot, window: MainWindow,
                                                   demo: Path) -> None:  # fmt: skip
    assert window.open_matter(demo)
    window.page_view.setFocus()
    seen = []
    for _ in range(4):
        qtbot.keyClick(window, Qt.Key.Key_J)
        seen.append(window.current_pid())
    assert None not in seen
    assert len(set(seen)) == 4
    assert window.page_view.selected == seen[-1]
    qtbot.keyClick(window, Qt.Key.Key_K)
    assert window.current_pid() == seen[-2]
    # ¶ 30 is on a later page: the view scrolls to it
    m = window.matter
    assert m is not None
    pid = m.db.execute(
        "SELECT id FROM paragraphs WHERE doc_id = ? AND number = '30'", [window.doc_id]
    ).fetchone()[0]
    window.select_paragraph(pid)
    p = paragraph_by_id(m, pid)
    assert window.page_view.current_page() >= p.page_start - 1
    assert p.page_start - 1 in window.page_view.visible_pages()
    qtbot.keyClick(window, Qt.Key.Key_Y)
    assert QApplication.clipboard().text() == quotation(p)
    assert QApplication.clipboard().text().endswith(f"{p.cite}.")


def test_pages_zoom_and_shortcuts_overview(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    page = window.page_view
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert page.current_page() == 3
    width = page.page_rect(2).width()
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert page.page_rect(2).width() > width
    assert page.current_page() == 3, "zoom keeps the page in view"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert page.page_rect(2).width() == width
    shown = []
    qtbot.wait(1)
    from reviewer.qt import main_window

    def fake_exec(dialog: object) -> int:
        shown.append(dialog)
        return 0

    original = main_window.ShortcutsDialog.exec
    main_window.ShortcutsDialog.exec = fake_exec  # type: ignore[method-assign]
    try:
        qtbot.keyClick(window, Qt.Key.Key_F1)
    finally:
        main_window.ShortcutsDialog.exec = original  # type: ignore[method-assign]
    assert shown, "F1 opens the shortcuts overview"
    table = shown[0].table  # type: ignore[attr-defined]
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    assert all(keys for keys, _ in rows), "only actions with keys (blank rows filled it)"
    assert ("Ctrl+N", "New matter…  (File)") in rows
    assert shown[0].height() >= 0.8 * window.height()  # type: ignore[attr-defined]


def test_clicking_a_paragraph_on_the_page_selects_it(qtbot: QtBot, window: MainWindow,
                                                     demo: Path) -> None:  # fmt: skip
    assert window.open_matter(demo)
    page = window.page_view
    _, boxes = next((p, b) for p, b in page.boxes.items() if b and b[0][0] == 1 and p != 0)
    target = page.box_rect(boxes[0]).center().toPoint()
    qtbot.mouseClick(page.viewport(), Qt.MouseButton.LeftButton, pos=target)
    assert window.current_pid() == page.paragraph_at(target)
    assert window.current_pid() is not None


def test_import_through_the_window_reports_progress(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matter = tmp_path / "New.matter"
    Matter.create(matter).close()
    assert window.open_matter(matter)
    pdfs = sorted(corpus.glob("*complaint*.pdf"))[:2]
    recorder = _Recorder(window)
    seen = recorder.seen
    _watch_jobs(monkeypatch, window, recorder.on_progressed)
    window.import_paths(pdfs)
    with qtbot.waitSignal(window.jobs.drained, timeout=60_000):
        pass
    assert [p.result.status for p in seen if p.result] == ["imported", "imported"]
    assert seen[-1].done == seen[-1].total == 2
    # the first step says how many (the dialog said "Importing…" at 0 % for seconds)
    assert seen[0].message == "Importing 2 files: reading the first…"
    assert (seen[0].done, seen[0].total) == (0, 2)
    qtbot.waitUntil(lambda: window.docs_model is not None and window.docs_model.rowCount() == 2)
    assert window.index is not None, "the index is open again after the import"
    _search(qtbot, window, "plaintiff")
    assert window.search_panel.model.rowCount() > 0, window.search_panel.status.text()


def test_cancel_leaves_nothing_half_written(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    matter = tmp_path / "New.matter"
    Matter.create(matter).close()
    assert window.open_matter(matter)
    pdfs = sorted(corpus.glob("*.pdf"))
    clicker = _CancelClicker(window)
    _watch_jobs(monkeypatch, window, clicker.on_progressed)
    window.import_paths(pdfs)
    with qtbot.waitSignal(window.jobs.drained, timeout=60_000):
        pass
    m = window.matter
    assert m is not None
    docs = m.db.execute("SELECT id, stored_path, page_count FROM documents").fetchall()
    assert 1 <= len(docs) < len(pdfs)
    for doc_id, stored, pages in docs:
        assert (m.path / stored).is_file()
        n = m.db.execute("SELECT count(*) FROM pages WHERE doc_id = ?", [doc_id]).fetchone()[0]
        assert n == pages
    stored = {p.name for p in (m.path / "files").rglob("*") if p.is_file()}
    assert stored == {Path(s).name for _, s, _ in docs}, "no stray or partial copies"
    orphans = m.db.execute(
        "SELECT count(*) FROM paragraphs WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchone()[0]
    assert orphans == 0
    assert clicker.clicked
    qtbot.waitUntil(lambda: window.docs_model is not None)
    qtbot.waitUntil(lambda: window.docs_model.rowCount() == len(docs))


def test_hotkeys_tag_and_the_proof_chart_follows(qtbot: QtBot, window: MainWindow,
                                                  demo: Path) -> None:  # fmt: skip
    assert window.open_matter(demo)
    panel = window.claims_panel
    panel.claim.setCurrentIndex(panel.claim.findData("tvpra-1595"))
    m = window.matter
    assert m is not None
    element = element_for_hotkey(m, "tvpra-1595", 2)
    before = [r for r in chart_rows(m) if r.element_id == element.full_id]
    p = paragraph_by_id(m, m.db.execute(
        "SELECT id FROM paragraphs WHERE doc_id = ? AND number = '20'", [window.doc_id]
    ).fetchone()[0])  # fmt: skip
    assert p.cite not in {r.cite for r in before}
    window.select_paragraph(p.id)
    panel.assessment.setCurrentIndex(panel.assessment.findData("factual"))
    qtbot.keyClick(window, Qt.Key.Key_2)
    after = [r for r in chart_rows(m) if r.element_id == element.full_id]
    assert p.cite in {r.cite for r in after}
    assert {r.status for r in after} == {"supported"}
    assert p.cite in _chart_texts(window), "the chart dock shows the new support"
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert p.cite not in _chart_texts(window)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert p.cite in _chart_texts(window)
    qtbot.keyClick(window, Qt.Key.Key_2)  # again on a tagged paragraph: removes the tag
    assert p.cite not in _chart_texts(window)
    assert [r.cite for r in chart_rows(m) if r.element_id == element.full_id] == [
        r.cite for r in before
    ]


def test_bulk_tagging_and_chart_click_through(qtbot: QtBot, window: MainWindow,
                                              demo: Path) -> None:  # fmt: skip
    assert window.open_matter(demo)
    m = window.matter
    assert m is not None
    panel = window.claims_panel
    panel.claim.setCurrentIndex(panel.claim.findData("negligence"))
    panel.assessment.setCurrentIndex(panel.assessment.findData("conclusory"))
    outline = window.outline_view
    model = window.outline_model
    assert model is not None
    numbers = ("21", "22", "23")
    pids = [m.db.execute("SELECT id FROM paragraphs WHERE doc_id = ? AND number = ?",
                         [window.doc_id, n]).fetchone()[0] for n in numbers]  # fmt: skip
    outline.selectionModel().clearSelection()
    for pid in pids:
        outline.selectionModel().select(
            model.index_of(pid), QItemSelectionModel.SelectionFlag.Select
        )
    assert window.selected_pids() == pids
    qtbot.keyClick(window, Qt.Key.Key_1)
    tagged = tagging.list_tags(m, element_for_hotkey(m, "negligence", 1), para_ids=pids)
    assert sorted(t.para_id for t in tagged) == sorted(pids)
    assert {t.assessment for t in tagged} == {"conclusory"}
    # choosing a support row in the chart opens its paragraph
    window.select_paragraph(pids[0])
    target = next(r for r in chart_rows(m) if r.para_id is not None and r.para_id not in pids)
    window.tagging.show_support(target)
    assert window.current_pid() == target.para_id
    assert window.doc_id == target.doc_id


def test_reopening_the_same_matter_keeps_it_writable(window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    assert window.open_matter(demo)
    assert window.matter is not None
    assert not window.matter.readonly


def test_recent_matters_are_listed_and_open(window: MainWindow, demo: Path, tmp_path: Path) -> None:
    other = tmp_path / "Other.matter"
    Matter.create(other).close()
    assert window.open_matter(demo)
    assert window.open_matter(other)
    menu = window.recent_menu
    assert menu is not None
    from reviewer.qt.menus import fill_recent

    fill_recent(window, menu)
    labels = [a.text() for a in menu.actions()]
    assert labels[:2] == [f"&1  {other.resolve()}", f"&2  {demo.resolve()}"]
    menu.actions()[1].trigger()
    assert window.matter is not None
    assert window.matter.path.resolve() == demo.resolve()


def test_a_layout_saved_with_other_docks_is_not_restored(qtbot: QtBot, window: MainWindow) -> None:
    # A layout saved by an older app (fewer docks) stacked the new docks in one column.
    for dock in window.docks.values():
        window.removeDockWidget(dock)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.docks["search"])
    window.settings.setValue("state", window.saveState())  # as the app saved it before
    again = MainWindow()
    qtbot.addWidget(again)
    again.start.show(False)  # the docks as they are once a matter is open
    tabbed = again.tabifiedDockWidgets(again.docks["search"])
    assert again.docks["production"] in tabbed
    assert again.docks["chart"] in tabbed
    # one saved by this version is restored: the Production dock moved to the left stays there
    left = Qt.DockWidgetArea.LeftDockWidgetArea
    again.addDockWidget(left, again.docks["production"])
    again.close()
    third = MainWindow()
    qtbot.addWidget(third)
    third.start.show(False)
    assert third.dockWidgetArea(third.docks["production"]) == left


def test_one_hit_reads_singular_and_a_bad_query_clears_old_hits(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    assert window.open_matter(demo)
    panel = window.search_panel
    _search(qtbot, window, '"pseudonym"')
    qtbot.waitUntil(lambda: panel.status.text().startswith("1 hit in 1 document"))
    assert panel.model.rowCount(QModelIndex()) == 1
    assert window.page_view.hits
    _search(qtbot, window, "knew w/x venture", syntax="tc")
    assert "w/x" in panel.status.text() or "column" in panel.status.text()
    assert panel.model.rowCount(QModelIndex()) == 0
    assert window.page_view.hits == []


def test_a_documents_kind_is_changed_from_its_row(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """Kind ▸ on a document's row: the table shows the new kind at once; the row stays."""
    from reviewer.core.matter import documents
    from reviewer.qt import kind_menu

    assert window.open_matter(demo)
    model = window.docs_model
    doc_id = model.doc_id(0)
    menu = kind_menu.kind_menu(window, doc_id)
    checked = [a.text() for a in menu.actions() if a.isChecked()]
    assert checked == [documents.find_document(window.matter, doc_id).kind]
    target = next(a for a in menu.actions() if a.text() == "brief")
    row_of = lambda: model.row_of(doc_id)  # noqa: E731
    target.trigger()  # in the background: the document is re-indexed too
    qtbot.waitUntil(lambda: not window.jobs.busy and model.index(row_of(), 0).data() == "brief",
                    timeout=30_000)  # fmt: skip
    row = model.row_of(doc_id)
    assert row is not None
    assert model.index(row, 0).data() == "brief"
    assert window.docs_view.currentIndex().row() == row
    assert documents.find_document(window.matter, doc_id).kind == "brief"
    assert window.statusBar().currentMessage() == "Kind set to brief; its pin cites follow."
    assert window.index is not None  # the index followed: search is not left out of step
    found = window.index.search("kind:brief", "natural", limit=1000).hits
    assert doc_id in {h.doc_id for h in found}


def test_a_refused_query_does_not_widen_the_search_dock(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """The error's caret line is unwrapped text: at 1280 x 800 it pushed the dock 60 px into
    the page view."""
    window.resize(1280, 800)
    assert window.open_matter(demo)
    qtbot.wait(200)  # the docks are sized a turn of the event loop after they show
    dock, pages = window.docks["search"].width(), window.page_view.width()
    _search(qtbot, window, "(((" + "plaintiff alleged " * 6)
    qtbot.waitUntil(lambda: "column" in window.search_panel.status.text())
    qtbot.wait(200)
    assert window.docks["search"].width() == dock
    assert window.page_view.width() == pages


def test_the_search_example_works_in_its_syntax_and_errors_name_the_app_choice(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """The placeholder's "venture w/5 benefit!" was refused under Natural, the default, and
    the refusal named a CLI option ("--syntax tc")."""
    assert window.open_matter(demo)
    panel = window.search_panel
    for syntax in ("natural", "tc"):
        panel.syntax.setCurrentIndex(panel.syntax.findData(syntax))
        example = panel.query.placeholderText().removeprefix("Search: ").split("   (")[0]
        _search(qtbot, window, example, syntax=syntax)
        qtbot.waitUntil(lambda: "hit" in panel.status.text() or "column" in panel.status.text())
        assert "column" not in panel.status.text(), (syntax, example, panel.status.text())
        assert panel.model.rowCount(QModelIndex()) > 0, (syntax, example)
    _search(qtbot, window, "venture w/5 benefit", syntax="natural")
    qtbot.waitUntil(lambda: "column" in panel.status.text())
    assert "(choose Terms &amp; connectors)" in panel.status.text()
    assert "--syntax" not in panel.status.text()


def test_a_failed_background_job_is_reported_from_the_gui_thread(
    qtbot: QtBot, window: MainWindow, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The failure's message box was opened by a lambda run in the worker thread: the app
    crashed (a segmentation fault) when a background job failed."""
    import threading

    from reviewer.core.errors import ReviewerError
    from reviewer.qt import dialogs

    shown: list[tuple[str, str, bool]] = []

    def record(_parent: object, title: str, message: str) -> None:
        shown.append((title, message, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(dialogs, "show_error", record)
    assert window.open_matter(demo)

    def failing(_m: Matter) -> Iterator[Progress]:
        raise ReviewerError("The index folder cannot be written.")
        yield  # a generator

    window.run_background("Indexing", failing)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert shown == [("Indexing stopped", "The index folder cannot be written.", True)]
