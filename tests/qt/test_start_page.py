"""The start page as a first-time user meets it: shown while no matter is open, the demo
opened from it (built in the background the first time), recent matters listed with their
caption, and File ▸ Close matter going back to it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reviewer.qt.main_window import MainWindow
from reviewer.qt.models import DOCKET, DOCUMENT, KIND


def test_first_launch_shows_the_start_page_and_opens_the_demo(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    start = window.start
    assert start.showing
    assert start.page.isVisible()
    assert not window.page_view.isVisible()
    assert not any(d.isVisible() for d in window.docks.values())
    assert start.page.recent_label.text() == "No recent matters yet."
    assert start.page.new_button.hasFocus()
    with qtbot.waitSignal(window.jobs.drained, timeout=120_000):
        qtbot.mouseClick(start.page.demo_button, Qt.MouseButton.LeftButton)
    assert not start.showing
    assert window.page_view.isVisible()
    assert window.docks["documents"].isVisible()
    assert window.docs_model is not None
    assert window.docs_model.rowCount(QModelIndex()) == 3
    assert "Doe v Streamline Social (demo)" in window.windowTitle()
    assert "3 documents" in window.windowTitle()
    assert window.claims_panel.model.rowCount() > 0  # the demo's counts are charted
    # the summary counts the three filings (it said "1 file: 3 imported", progress "1 of 1")
    dialog = window.progress_dialog
    assert dialog is not None
    assert dialog.summary is not None
    assert dialog.summary[0] == "3 files: 3 imported, 0 duplicates, 0 failed."
    # the list was empty when the matter opened: its columns fit the documents that came
    # (they kept header widths: "comp…", and titles wrapped over two clipped lines)
    view, metrics = window.docs_view, window.docs_view.fontMetrics()
    assert view.columnWidth(KIND) >= metrics.horizontalAdvance("complaint")
    assert view.columnWidth(DOCKET) >= metrics.horizontalAdvance("1-2")
    assert not view.wordWrap()
    assert view.rowHeight(0) < 2 * metrics.height()
    visible = view.viewport().width()  # the title ends (elided) within the list, not cut off
    assert view.columnWidth(KIND) + view.columnWidth(DOCUMENT) <= max(visible, 60 + 100)


def test_recent_matters_with_caption_and_close_back_to_start(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    assert window.open_matter(demo)
    window.actions_by_name["close_matter"].trigger()
    assert window.matter is None
    assert window.start.showing
    recent = window.start.page.recent
    assert recent.count() == 1
    text = recent.item(0).text()
    assert text.startswith("Doe v Streamline Social (demo)\n")
    assert "3 documents · last change " in text
    with qtbot.waitSignal(window.start.page.recentChosen):
        recent.itemActivated.emit(recent.item(0))
    assert window.matter is not None
    assert not window.start.showing


def test_a_moved_matter_is_listed_as_such(window: MainWindow, tmp_path: Path) -> None:
    window.settings.setValue("recent", [str(tmp_path / "Gone.matter")])
    window.start.page.set_recent(window.recent_matters())
    assert "not found (moved or deleted?)" in window.start.page.recent.item(0).text()


def test_the_pages_get_half_the_width_and_focus_is_visible(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    window.resize(1280, 800)
    assert window.open_matter(demo)
    qtbot.waitUntil(lambda: window.page_view.width() >= 640)
    for view in (window.docs_view, window.outline_view, window.page_view):
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        image = view.grab().toImage()
        edge = image.pixelColor(0, image.height() // 2)
        assert edge == view.palette().highlight().color(), type(view).__name__


def test_a_matter_without_claims_still_gives_the_pages_half_the_width(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """The Proof chart dock's "No claims yet: add one from a template (…)" line did not
    wrap: the right docks could not be narrower than it, and the pages got 593 of 1280 px."""
    from reviewer.core.matter.store import Matter

    empty = tmp_path / "New.matter"
    Matter.create(empty, "New").close()
    window.resize(1280, 800)
    assert window.open_matter(empty)
    assert window.claims_panel.summary.text().startswith("No claims yet")
    qtbot.waitUntil(lambda: window.page_view.width() >= 640)
    assert window.docks["chart"].minimumSizeHint().width() < 320


def test_a_new_matter_says_how_to_import_until_it_has_documents(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path
) -> None:
    """A new matter showed a blank list and a grey page area with nothing to go on."""
    from reviewer.core.matter.store import Matter

    empty = tmp_path / "New.matter"
    Matter.create(empty, "New").close()
    assert window.open_matter(empty)
    for view in (window.docs_view, window.page_view):
        hint = view.findChild(QLabel, "empty-hint")
        assert hint is not None
        assert hint.isVisible(), view
        assert "no documents yet" in hint.text()
        assert "File ▸ Import filings… (Ctrl+I)" in hint.text()
        assert view.viewport().geometry().contains(hint.geometry())
        image = hint.grab().toImage()  # its words are drawn (dark pixels on the white card)
        dark = [
            image.pixelColor(x, y).lightness() < 100
            for x in range(10, image.width() - 10, 2)
            for y in range(10, image.height() - 10, 2)
        ]
        assert sum(dark) > 20, view
    # importing the first filings takes the hint away
    with qtbot.waitSignal(window.jobs.drained, timeout=120_000):
        window.import_paths([demo / "demo-sources"])
    assert window.docs_model is not None
    assert window.docs_model.rowCount(QModelIndex()) == 3
    assert not window.docs_view.findChild(QLabel, "empty-hint").isVisible()
    assert not window.page_view.findChild(QLabel, "empty-hint").isVisible()
    # a matter with documents never shows it
    assert window.open_matter(demo)
    assert not window.docs_view.findChild(QLabel, "empty-hint").isVisible()


def test_dock_tabs_keep_their_whole_names(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    """At 1280 x 800 the right docks' tabs read "Se…", "Proof…", "Pri…"."""
    from PySide6.QtWidgets import QTabBar

    window.resize(1280, 800)
    assert window.open_matter(demo)
    qtbot.wait(100)
    bars = [b for b in window.findChildren(QTabBar)
            if "Proof chart" in [b.tabText(i) for i in range(b.count())]]  # fmt: skip
    assert bars
    for bar in bars:
        assert bar.elideMode() == Qt.TextElideMode.ElideNone
        assert bar.usesScrollButtons()
        for i in range(bar.count()):
            width = bar.fontMetrics().horizontalAdvance(bar.tabText(i))
            assert bar.tabRect(i).width() > width, bar.tabText(i)


def test_a_new_matter_opens_without_an_indexing_job(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A new matter's (empty) search index was built in a child process: "Indexing… 0 %"
    for about 2 s, and "Rebuilding the search index: there is no search index yet…"."""
    from reviewer.core.matter.store import Matter

    empty = tmp_path / "New.matter"
    Matter.create(empty, "New").close()
    assert window.open_matter(empty)
    assert not window.jobs.busy
    assert window.index is not None
    assert "search index" not in window.statusBar().currentMessage()
