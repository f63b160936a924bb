"""The search dock: query box, syntax and order toggles, the hit list and its counts.

The panel only asks; the main window runs the search on its open index and hands back a
SearchResult (or an error message) to show."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.records import Hit, SearchResult
from reviewer.core.wording import plural
from reviewer.qt.hits import HitDelegate, HitsModel

SYNTAXES = (("Natural", "natural"), ("Terms && connectors", "tc"))
ORDERS = (("Best match", "rank"), ("Document order", "document"))
# An example in the syntax chosen: "venture w/5 benefit!" under Natural (the default) was
# refused as a terms-and-connectors query.
PLACEHOLDERS = {
    "natural": 'Search: "knowingly benefited" venture   (F1: help)',
    "tc": "Search: venture w/5 benefit!   (F1: help)",
}
# The core names the CLI option; the app names the choice beside the query.
_CLI_WORDS = (("(--syntax tc)", "(choose Terms & connectors)"),
              ("(--syntax natural)", "(choose Natural)"))  # fmt: skip
LIMIT = 500


class SearchPanel(QWidget):
    """Emits ``searchRequested(query, syntax, order)``; shows results; ``hitChosen(row)``."""

    searchRequested = Signal(str, str, str)
    hitChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.query = QLineEdit(placeholderText=PLACEHOLDERS["natural"])
        self.query.setClearButtonEnabled(True)
        self.syntax = QComboBox()
        self.order = QComboBox()
        for box, items in ((self.syntax, SYNTAXES), (self.order, ORDERS)):
            for label, value in items:
                box.addItem(label.replace("&&", "&"), value)
        self.syntax.setToolTip("Natural: words, \"phrases\", AND OR NOT, * ?, field:filters\n"
                               "Terms & connectors: & % w/n pre/n /s /p ! * (Westlaw)")  # fmt: skip
        self.status = QLabel("Type a query and press Enter.")
        self.status.setWordWrap(True)
        # a refused query's message keeps its caret line unwrapped: it must not widen the dock
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.model = HitsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(HitDelegate(self.list))
        self.list.setUniformItemSizes(False)
        self.list.setWordWrap(True)
        self._layout()
        self.query.returnPressed.connect(self.submit)
        self.syntax.currentIndexChanged.connect(self._resubmit)
        self.syntax.currentIndexChanged.connect(
            lambda _i: self.query.setPlaceholderText(PLACEHOLDERS[self.syntax.currentData()])
        )
        self.order.currentIndexChanged.connect(self._resubmit)
        self.list.activated.connect(lambda i: self.hitChosen.emit(i.row()))
        self.list.clicked.connect(lambda i: self.hitChosen.emit(i.row()))

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(self.syntax)
        row.addWidget(self.order)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.query)
        box.addLayout(row)
        box.addWidget(self.status)
        box.addWidget(self.list, 1)

    def submit(self) -> None:
        text = self.query.text().strip()
        if text:
            self.searchRequested.emit(text, self.syntax.currentData(), self.order.currentData())

    def _resubmit(self) -> None:
        if self.model.result is not None:
            self.submit()

    def show_result(self, result: SearchResult | None) -> None:
        self.model.set_result(result)
        if result is None:
            self.status.setText("Type a query and press Enter.")
            return
        if result.total is not None:
            self.show_counts(result.total, result.per_doc)
        elif not result.hits:
            self.status.setText("No hits.")
        else:
            self.status.setText(f"Showing the best {plural(len(result.hits), 'hit')}; counting…")
        if result.hits:
            self.list.setCurrentIndex(self.model.index(0, 0))

    def show_counts(self, total: int, per_doc: dict[int, int]) -> None:
        """Every match counted (a second pass the window makes once the hits are shown)."""
        shown = len(self.model.result.hits) if self.model.result else 0
        more = f" (showing the first {shown:,})" if shown < total else ""
        self.status.setText(
            f"{plural(total, 'hit')} in {plural(len(per_doc), 'document')}{more}"
            if total
            else "No hits."
        )

    def show_error(self, message: str) -> None:
        """A query the core refused: its message (with the caret line) in the status line;
        the previous query's hits go, so none of them is taken for this query's."""
        self.model.set_result(None)
        for cli, app in _CLI_WORDS:
            message = message.replace(cli, app)
        self.status.setText(f"<span style='color:#b00020'>{_html(message)}</span>")

    def current_hit(self) -> Hit | None:
        row = self.list.currentIndex().row()
        return self.model.hit(row) if row >= 0 else None

    def step(self, delta: int) -> int | None:
        """Select the next (+1) or previous (-1) hit; returns its row."""
        count = self.model.rowCount(QModelIndex())
        if not count:
            return None
        row = max(0, min(count - 1, self.list.currentIndex().row() + delta))
        self.list.setCurrentIndex(self.model.index(row, 0))
        self.list.scrollTo(self.model.index(row, 0))
        return row

    def focus_query(self) -> None:
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()


def _html(text: str) -> str:
    import html

    return "<pre style='margin:0'>" + html.escape(text) + "</pre>"
