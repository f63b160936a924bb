"""File ▸ Check in a package… runs in the background (issue 14, item 4): the window keeps
answering while the package's operations are merged, the progress dialog says how far it
is, and Cancel rolls the one transaction back — the matter is exactly as before, and the
same package checks in afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import list_claims
from reviewer.core.matter.store import Matter
from reviewer.core.offline.checkin import PAUSE_ENV
from reviewer.qt.main_window import MainWindow

OPS = 24


def _package(matter: Matter, folder: Path) -> None:
    """Check document 1 out to Pat Lee, who tags OPS of its paragraphs (one operation each)."""
    offline.checkout(matter, [1], "Pat Lee", folder)
    element = list_claims(matter)[0].elements[0].full_id
    with Matter.open(folder) as pkg:
        paras = [r[0] for r in pkg.db.execute(
            "SELECT id FROM paragraphs WHERE doc_id = 1 AND number IS NOT NULL ORDER BY seq"
        )]  # fmt: skip
        assert len(paras) >= OPS
        for pid in paras[:OPS]:
            tagging.tag(pkg, [pid], element, "conclusory", note="offline")


def _state(matter: Matter) -> tuple[object, ...]:
    db = matter.db
    return (
        db.execute("SELECT COUNT(*) FROM tags").fetchone(),
        db.execute("SELECT COUNT(*) FROM operations").fetchone(),
        db.execute("SELECT COUNT(*) FROM checkin_ops").fetchone(),
        db.execute("SELECT status FROM batches").fetchall(),
    )


class Ticks:
    """Counts the turns of a 10 ms timer on the GUI thread."""

    def __init__(self) -> None:
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        self.count += 1


def test_check_in_runs_in_the_background_with_progress(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_matter(demo)
    matter = window.matter
    assert matter is not None
    _package(matter, tmp_path / "pat")
    monkeypatch.setenv(PAUSE_ENV, "0.05")  # each operation merged takes 50 ms: ~1.2 s in all

    ticks = Ticks()
    job = window.offline.check_in(tmp_path / "pat")
    assert job is not None
    assert ticks.count <= 1  # check_in returned at once: the merge had not run here
    dialog = window.progress_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and "of 24 operations" in dialog.labelText(),
                    timeout=30_000)  # fmt: skip
    assert dialog.labelText().startswith("Merging Pat Lee's work:")
    assert window.jobs.busy
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=30_000)
    assert ticks.count > 40  # the GUI thread kept turning while ~1.2 s of merging went on

    batches = window.review.dialogs["batches"]
    assert f"{OPS} changes applied" in batches.message.text()
    assert batches.table.item(0, 1).text() == "checked in"
    assert not dialog.isVisible()
    offline_tags = [t for t in tagging.list_tags(matter) if t.note == "offline"]
    assert len(offline_tags) == OPS


def test_cancelling_a_check_in_leaves_the_matter_unchanged(
    qtbot: QtBot, window: MainWindow, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_matter(demo)
    matter = window.matter
    assert matter is not None
    _package(matter, tmp_path / "pat")
    before = _state(matter)
    monkeypatch.setenv(PAUSE_ENV, "0.05")

    window.offline.check_in(tmp_path / "pat")
    dialog = window.progress_dialog
    # Cancel once some operations are merged (inside the transaction, not yet committed).
    qtbot.waitUntil(lambda: 3 <= dialog.bar.value() < OPS, timeout=30_000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    assert dialog.labelText().startswith("Cancelling")
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=30_000)

    batches = window.review.dialogs["batches"]
    assert "Check-in cancelled: nothing was merged" in batches.message.text()
    assert _state(matter) == before
    assert batches.table.item(0, 1).text() == "out"
    assert not [t for t in tagging.list_tags(matter) if t.note == "offline"]

    monkeypatch.delenv(PAUSE_ENV)
    window.offline.check_in(tmp_path / "pat")  # the package is intact: it checks in now
    qtbot.waitUntil(lambda: not window.jobs.busy, timeout=30_000)
    assert f"{OPS} changes applied" in batches.message.text()
    assert len([t for t in tagging.list_tags(matter) if t.note == "offline"]) == OPS
