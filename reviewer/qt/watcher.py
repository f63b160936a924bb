"""Seeing what other processes commit: a CLI command, a second window, the app's own worker.

SQLite's ``PRAGMA data_version`` changes when another connection commits; a QTimer polls it
(a few microseconds a poll) and ``changed_elsewhere`` tells the window, which tells every dock
through its one ``operation_executed`` signal. The search index's state file is watched the
same way (``index_changed``): another process that added to the index or rebuilt it."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.core.matter.store import Matter

POLL_MS = 250  # a change shows within a second, and a poll costs next to nothing
INDEX_STATE = "reviewer-index.json"


class MatterWatcher(QObject):
    """Polls the matter the window holds; quiet while ``paused`` (a job of ours runs and
    refreshes everything when it ends)."""

    changed_elsewhere = Signal()
    index_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.matter: Matter | None = None
        self.paused = False
        self._version = 0
        self._index_stamp: tuple[int, int] | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)

    def watch(self, matter: Matter | None) -> None:
        """Follow ``matter`` (None: stop)."""
        self.matter = matter
        if matter is None:
            self.timer.stop()
            return
        self.settle()
        self.timer.start()

    def settle(self) -> None:
        """Take what is there now as seen (after the window refreshed itself)."""
        if self.matter is not None:
            self._version = self.matter.data_version()
            self._index_stamp = self._stamp()

    def _stamp(self) -> tuple[int, int] | None:
        assert self.matter is not None
        with contextlib.suppress(OSError):
            st = (self.matter.index_dir / INDEX_STATE).stat()
            return (st.st_mtime_ns, st.st_ino)
        return None

    def poll(self) -> None:
        if self.matter is None or self.paused:
            return
        try:
            version = self.matter.data_version()
        except Exception:  # the matter is closing under us: the next watch() sets things right
            return
        stamp = self._stamp()
        if stamp != self._index_stamp:
            self._index_stamp = stamp
            self.index_changed.emit()
        if version != self._version:
            self._version = version
            self.changed_elsewhere.emit()
