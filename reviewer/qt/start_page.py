"""The start page, shown while no matter is open: what the app does in a line, New matter,
Open matter, Open the demo matter, and the recent matters with their caption, size and last
change. It only asks the window (signals); the window opens or creates the matter."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.matter.recent import MatterSummary, summarize
from reviewer.core.wording import plural
from reviewer.qt.window_api import ReviewWindow

ABOUT = (
    "Import a matter's court filings (PDF). Each is split into the paragraphs its author "
    "numbered, with pin cites; search them the way you learned on Westlaw, tag allegations "
    "with the elements of each claim and read the proof chart, code privilege and export the "
    "logs, and produce with Bates numbers and true redactions. Everything stays on this "
    "computer."
)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class StartPage(QWidget):
    """Emits what the user asked for; ``recentChosen`` carries the matter's folder."""

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        title = QLabel("reviewer")
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        about = QLabel(ABOUT)
        about.setWordWrap(True)
        self.new_button = QPushButton("New matter…")
        self.open_button = QPushButton("Open matter…")
        self.demo_button = QPushButton("Open the demo matter")
        self.demo_button.setToolTip("Jane Doe v. Streamline Social: generated filings, a few tags")
        for button, signal in (
            (self.new_button, self.newRequested),
            (self.open_button, self.openRequested),
            (self.demo_button, self.demoRequested),
        ):
            button.clicked.connect(signal)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.recent = QListWidget()
        self.recent.setAlternatingRowColors(True)
        self.recent.setWordWrap(True)
        self.recent.itemActivated.connect(self._chosen)
        self.recent_label = QLabel("Recent matters")
        self.recent_label.setBuddy(self.recent)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(about)
        column.addSpacing(12)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(820)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(holder, 6)
        outer.addStretch(1)

    def set_recent(self, paths: list[str]) -> None:
        """List the recent matters (read-only look-ups; a missing one says so)."""
        self.recent.clear()
        for path in paths:
            summary = summarize(path)
            item = QListWidgetItem(_describe(summary))  # the plain text: for tests and a11y
            item.setData(PATH_ROLE, str(summary.path))
            item.setToolTip(f"{summary.path}\nDouble-click or Enter to open")
            label = QLabel(_describe_html(summary))
            label.setContentsMargins(8, 6, 8, 6)
            item.setSizeHint(label.sizeHint())
            item.setForeground(Qt.GlobalColor.transparent)  # the label draws the text
            self.recent.addItem(item)
            self.recent.setItemWidget(item, label)
        self.recent_label.setText(
            "Recent matters (double-click or Enter to open)" if paths else "No recent matters yet."
        )
        self.recent.setVisible(bool(paths))
        height = sum(self.recent.sizeHintForRow(i) for i in range(self.recent.count()))
        self.recent.setMaximumHeight(height + 2 * self.recent.frameWidth() + 4)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.recentChosen.emit(str(item.data(PATH_ROLE)))


def _describe_html(s: MatterSummary) -> str:
    name = html.escape(s.name)
    if s.problem:
        return (
            f"<b style='color:#777'>{name}</b><br><span style='color:#777'>"
            + html.escape(f"{s.path} — {s.problem}")
            + "</span>"
        )
    caption = f"<br>{html.escape(s.caption)}" if s.caption else ""
    when = f" · last change {s.last_change}" if s.last_change else ""
    details = html.escape(f"{plural(s.documents, 'document')}{when} · {s.path}")
    return f"<b>{name}</b>{caption}<br><span style='color:#555'>{details}</span>"


def _describe(s: MatterSummary) -> str:
    if s.problem:
        return f"{s.name}\n{s.path} — {s.problem}"
    lines = [s.name]
    if s.caption:
        lines.append(s.caption)
    when = f" · last change {s.last_change}" if s.last_change else ""
    lines.append(f"{plural(s.documents, 'document')}{when} · {s.path}")
    return "\n".join(lines)


class StartController:
    """Owned by the main window: shows the start page in place of the pages (docks hidden,
    their visibility kept) while no matter is open, and opens the demo matter."""

    def __init__(self, window: ReviewWindow) -> None:
        from PySide6.QtWidgets import QStackedWidget

        self.window = window
        self.page = StartPage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.page)
        self.stack.addWidget(window.page_view)
        window.setCentralWidget(self.stack)
        self._docks_shown: dict[str, bool] | None = None  # None: the pages are shown
        self.stack.setCurrentWidget(window.page_view)
        self.page.newRequested.connect(window.new_matter)
        self.page.openRequested.connect(window.choose_matter)
        self.page.demoRequested.connect(self.open_demo)
        self.page.recentChosen.connect(window.open_matter)

    @property
    def showing(self) -> bool:
        return self._docks_shown is not None

    def show(self, on: bool) -> None:
        """The start page (True) or the pages and docks (False)."""
        docks = self.window.docks
        if on and not self.showing:
            self._docks_shown = {k: not d.isHidden() for k, d in docks.items()}
            for d in docks.values():
                d.hide()
            self.page.set_recent(self.window.recent_matters())
            self.stack.setCurrentWidget(self.page)
        elif not on and self._docks_shown is not None:
            for name, d in docks.items():
                d.setVisible(self._docks_shown.get(name, True))
            self._docks_shown = None
            self.stack.setCurrentWidget(self.window.page_view)
            self.window.page_view.setFocus()
            self.window.size_docks()
        if on:
            self.page.new_button.setFocus()

    def restore_docks(self) -> None:
        """Before the window saves its layout: the docks as the user left them."""
        if self.showing and self._docks_shown is not None:
            for name, d in self.window.docks.items():
                d.setVisible(self._docks_shown.get(name, True))

    def open_demo(self) -> None:
        """Open the demo matter, building it in the background the first time."""
        from reviewer.core.errors import ReviewerError
        from reviewer.core.matter.store import DB_NAME, Matter
        from reviewer.qt import background
        from reviewer.qt.dialogs import show_error
        from reviewer.samples.demo_matter import DEMO_NAME, default_demo_path

        path = default_demo_path()
        try:
            if not (path / DB_NAME).exists():
                Matter.create(path, DEMO_NAME).close()
        except ReviewerError as exc:
            show_error(self.window, "Cannot create the demo matter", str(exc))
            return
        w = self.window
        if not w.open_matter(path) or w.matter is None or w.matter.readonly:
            return
        if w.docs_model is None or not w.docs_model.rowCount(QModelIndex()):
            w.statusBar().showMessage("Building the demo matter…")
            w.run_background("Building the demo matter", background.populate_demo())
