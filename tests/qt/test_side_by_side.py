"""The app and the CLI side by side, offscreen: with the window open on a matter, a
``reviewer tag`` run from a shell succeeds and the window shows it within a second; Edit ▸
Undo names the latest operation whoever made it, and an undo of any kind refreshes the docks."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QModelIndex
from pytestqt.qtbot import QtBot

from reviewer.core.claims import tagging
from reviewer.core.claims.elements import find_element
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.records import Paragraph
from reviewer.qt.main_window import MainWindow
from tests.qt.conftest import chart_texts as _chart_texts

ELEMENT = "tvpra-1595.knowingly-benefited"


@pytest.fixture
def window(window: MainWindow, demo: Path) -> MainWindow:
    assert window.open_matter(demo)
    assert window.matter is not None
    assert not window.matter.readonly
    return window


def _untagged(m: Matter) -> Paragraph:
    doc = documents.find_document(m, "complaint.pdf")
    tagged = {t.para_id for t in tagging.list_tags(m, find_element(m, ELEMENT))}
    return next(
        p
        for p in documents.paragraphs(m, doc.id)
        if p.kind == "numbered" and p.id not in tagged and len(p.text) > 80
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REVIEWER_USER": "shell-user"}
    return subprocess.run(
        [sys.executable, "-m", "reviewer", *args],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def test_a_tag_from_the_cli_shows_in_the_open_app(qtbot: QtBot, window: MainWindow) -> None:
    m = window.matter
    assert m is not None
    p = _untagged(m)
    assert p.cite not in _chart_texts(window)
    res = _cli("tag", str(m.path), "complaint.pdf", str(p.number), ELEMENT)
    assert res.returncode == 0, res.stderr  # not refused: the app holds no write lock
    committed = time.monotonic()
    qtbot.waitUntil(lambda: p.cite in _chart_texts(window), timeout=1000)
    shown_after = time.monotonic() - committed
    assert shown_after < 1.0
    undo = window.actions_by_name["undo"]
    assert undo.isEnabled()
    label = f"Tag ¶ {p.number} with Knowingly benefited"  # the CLI's operation, by its label
    assert undo.text() == f"&Undo {label}"
    undo.trigger()
    assert p.cite not in _chart_texts(window)
    assert window.actions_by_name["redo"].text() == f"&Redo {label}"


def test_a_document_imported_by_the_cli_appears_in_the_documents_list(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from reviewer.samples import write_demo_filings

    assert window.docs_model is not None
    before = window.docs_model.rowCount(QModelIndex())
    extra = write_demo_filings(tmp_path / "more")[0].path
    renamed = extra.with_name("second-copy.pdf")
    renamed.write_bytes(extra.read_bytes() + b"\n% another revision\n")
    res = _cli("import", str(window.matter.path), str(renamed), "--no-ocr")  # type: ignore[union-attr]
    assert res.returncode == 0, res.stderr
    qtbot.waitUntil(lambda: window.docs_model.rowCount(QModelIndex()) == before + 1, timeout=1000)
    assert str(before + 1) in window.windowTitle()
    window.searching.reopen()
    assert window.index is not None  # the index the CLI added to is in step, not stale


def test_undo_of_a_privilege_coding_refreshes_the_privilege_dock(window: MainWindow) -> None:
    panel = window.privilege_panel
    sel = window.docs_view.selectionModel()
    sel.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    sel.select(window.docs_model.index(0, 0), flags)  # type: ignore[union-attr]
    assert panel.target.text() == "Not coded yet."
    panel.status.setCurrentText("withheld")
    panel.bases.setText("attorney-client")
    panel.description.setPlainText("Advice")
    panel.apply_button.click()
    assert panel.target.text().startswith("PRIV-0001")
    undo = window.actions_by_name["undo"]
    assert undo.text() == "&Undo Code complaint.pdf as withheld"
    undo.trigger()  # Edit ▸ Undo: not a tagging undo, the latest operation of any kind
    assert panel.target.text() == "Not coded yet."
    window.actions_by_name["redo"].trigger()
    assert panel.target.text().startswith("PRIV-0001")


def test_a_missing_stored_file_is_named_in_the_status_bar(window: MainWindow) -> None:
    m = window.matter
    assert m is not None
    doc = documents.find_document(m, "complaint.pdf")
    window.close_matter()
    (m.path / doc.stored_path).unlink()
    assert window.open_matter(m.path)
    window.open_document(doc.id)
    text = window.status_doc.text()
    assert "stored PDF" in text
    assert "is missing" in text
    assert doc.stored_path in text
