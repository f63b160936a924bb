"""The offline workflow in the app (issue 19): File ▸ Check out for a reviewer… writes a
package; the reviewer works in it; File ▸ Check in a package… brings the work back, the
batch list says so, and the Conflicts view shows the matter's value and the package's side
by side until Take theirs settles it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import list_claims
from reviewer.core.matter.store import Matter
from reviewer.qt.main_window import MainWindow


def _element_and_paras(m: Matter) -> tuple[str, list[int]]:
    claim = list_claims(m)[0]
    rows = m.db.execute(
        "SELECT id FROM paragraphs WHERE doc_id = 1 AND number IS NOT NULL ORDER BY seq"
    )
    return claim.elements[0].full_id, [r[0] for r in rows]


def test_check_out_check_in_and_take_theirs(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_matter(demo)
    matter = window.matter
    assert matter is not None
    element, paras = _element_and_paras(matter)
    target = paras[-1]  # a paragraph the demo left untagged
    assert not [t for t in tagging.list_tags(matter) if t.para_id == target]

    window.actions_by_name["checkout"].trigger()
    dialog = window.review.dialogs["checkout"]
    assert dialog.isVisible()
    first = dialog.docs.item(0)
    assert first.text().startswith("complaint.pdf")
    first.setCheckState(Qt.CheckState.Checked)
    dialog.to.setText("Pat Lee")
    dialog.folder.setText(str(tmp_path / "pat"))
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)  # written in the background
    qtbot.waitUntil(lambda: "Checked out 1 document to Pat Lee" in dialog.message.text(),
                    timeout=30_000)  # fmt: skip
    assert "(out to Pat Lee)" in dialog.docs.item(0).text()

    window.actions_by_name["batches"].trigger()
    batches = window.review.dialogs["batches"]
    assert batches.table.rowCount() == 1
    assert [batches.table.item(0, c).text() for c in (0, 1, 2)] == ["Pat Lee", "out",
                                                                    "complaint.pdf"]  # fmt: skip

    with Matter.open(tmp_path / "pat") as pkg:  # on the reviewer's laptop
        tagging.tag(pkg, [target], element, "conclusory", note="a bare label")
        tagging.tag(pkg, [paras[-2]], element, "factual")
    tagging.tag(matter, [target], element, "factual")  # at the office, meanwhile
    window.announce(None)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "pat"))
    window.actions_by_name["checkin"].trigger()  # merged in the background
    qtbot.waitUntil(lambda: not window.jobs.busy and "1 change applied" in batches.message.text(),
                    timeout=30_000)  # fmt: skip

    assert batches.table.item(0, 1).text() == "checked in"
    assert "1 change applied" in batches.message.text()
    assert "1 conflict to settle" in batches.message.text()
    conflicts = window.review.dialogs["conflicts"]
    assert conflicts.isVisible()
    assert conflicts.table.rowCount() == 1
    assert conflicts.table.item(0, 1).text() == "factual"
    assert conflicts.table.item(0, 2).text() == "conclusory — note: a bare label"
    assert "factual" in conflicts.ours.text()
    assert "conclusory" in conflicts.theirs.text()
    assert "the matter" in conflicts.ours.text()

    qtbot.mouseClick(conflicts.show_button, Qt.MouseButton.LeftButton)  # read it first
    assert window.doc_id == 1
    assert window.current_pid() == target

    qtbot.mouseClick(conflicts.take_theirs, Qt.MouseButton.LeftButton)
    assert conflicts.table.rowCount() == 0
    assert "took theirs" in conflicts.message.text()
    assert conflicts.windowTitle() == "Conflicts — 0 open conflicts"
    [tag] = [t for t in tagging.list_tags(matter) if t.para_id == target]
    assert (tag.assessment, tag.note) == ("conclusory", "a bare label")
    conflicts.settled.setChecked(True)
    assert "[took theirs]" in conflicts.table.item(0, 0).text()
    assert offline.list_conflicts(matter) == []


def test_checking_in_a_hand_edited_package_says_why(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_matter(demo)
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "package.json").write_text("{}")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(package))
    window.actions_by_name["checkin"].trigger()
    qtbot.waitUntil(lambda: "batches" in window.review.dialogs and not window.jobs.busy)
    batches = window.review.dialogs["batches"]
    assert "manifest was altered by hand" in batches.message.text()
    assert window.matter is not None
    assert offline.batches(window.matter) == []


def test_check_out_says_what_is_missing(qtbot: QtBot, window: MainWindow, demo: Path) -> None:
    assert window.open_matter(demo)
    window.actions_by_name["checkout"].trigger()
    dialog = window.review.dialogs["checkout"]
    dialog.to.setText("Pat Lee")
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "Choose the package folder."
    assert dialog.checked_ids() == [1]  # the document open in the window is ticked
    dialog.docs.item(0).setCheckState(Qt.CheckState.Unchecked)
    dialog.folder.setText(str(demo.parent / "pat"))
    qtbot.mouseClick(dialog.go, Qt.MouseButton.LeftButton)  # no document ticked
    qtbot.waitUntil(lambda: "Choose at least one document" in dialog.message.text(),
                    timeout=30_000)  # fmt: skip
    assert window.matter is not None
    assert offline.batches(window.matter) == []
    assert not (demo.parent / "pat").exists()


def test_an_empty_conflicts_view_says_so_beside_the_list(
    qtbot: QtBot, window: MainWindow, demo: Path
) -> None:
    """The empty state read "No conflicts to settle." inside the matter's ("Ours") pane."""
    assert window.open_matter(demo)
    window.actions_by_name["conflicts"].trigger()
    dialog = window.review.dialogs["conflicts"]
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 0
    assert dialog.ours.text() == ""
    assert dialog.message.text().startswith("No conflicts to settle")
    assert not dialog.take_theirs.isEnabled()
