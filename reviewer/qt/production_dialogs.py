"""The production's dialogs: the reason for a box just drawn (its type and reason default to
the last redaction's), find-and-redact with a checkable list of every hit before anything
is recorded, and the preview of a produced page. None of them is modal to the window: the
page stays usable behind them. They emit what the user asked for; the production controller
(``production_ui``) calls the core."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reviewer.core.production.find import Hit
from reviewer.core.production.preview import Preview
from reviewer.core.production.redactions import INFO_TYPES

PATTERNS = (("Text", None), ("SSN pattern", "ssn"), ("Account-number pattern", "account"))
HIT = Qt.ItemDataRole.UserRole + 1


def _kinds(current: str) -> QComboBox:
    box = QComboBox()
    for key, label in INFO_TYPES.items():
        box.addItem(label, key)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class RedactReasonDialog(QDialog):
    """Asked on releasing a drawn box: the type of information and the reason."""

    def __init__(self, where: str, covered: str, reason: str, kind: str,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Redact this box")
        self.kind, self.reason = _kinds(kind), QLineEdit(reason)
        self.reason.setPlaceholderText("e.g. minor's name")
        form = QFormLayout(self)
        covered = f"\u201c{covered}\u201d" if covered else "no text (an image or blank area)"
        info = QLabel(f"{where}\nIt covers {covered}.")
        info.setWordWrap(True)
        form.addRow(info)
        form.addRow("Type", self.kind)
        form.addRow("Reason", self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Redact")
        ok.setEnabled(bool(reason.strip()))  # the redaction log needs a reason
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.reason.selectAll()
        self.reason.setFocus()

    def info_type(self) -> str:
        return str(self.kind.currentData())


class FindRedactDialog(QDialog):
    """Find a text (or a pattern) in the production, look at every hit, uncheck the ones to
    leave, then redact the checked ones in one operation."""

    findRequested = Signal(str, object)  # text, pattern key (None: the text)
    hitChosen = Signal(object)  # a Hit to show on its page
    applyRequested = Signal(list, str, str)  # the checked hits, reason, type

    def __init__(self, reason: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find and redact")
        self.setModal(False)
        self.resize(640, 460)
        self.text, self.pattern = QLineEdit(), QComboBox()
        self.text.setPlaceholderText("a name, a number, a phrase")
        for label, key in PATTERNS:
            self.pattern.addItem(label, key)
        self.find_button = QPushButton("Find")
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels(["Document", "Page", "Context"])
        self.hits_view = QTreeView()
        self.hits_view.setModel(self.model)
        self.hits_view.setRootIsDecorated(False)
        self.hits_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.hits_view.header()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):  # fmt: skip
            header.setSectionResizeMode(column, mode)
        self.status = QLabel("Type what to find, then Find: nothing is redacted until you "
                             "choose Redact.")  # fmt: skip
        self.status.setWordWrap(True)
        self.kind, self.reason = _kinds(kind), QLineEdit(reason)
        self.apply_button = QPushButton("Redact checked hits")
        self.apply_button.setEnabled(False)
        self._layout()
        self.find_button.clicked.connect(self._find)
        self.text.returnPressed.connect(self._find)
        self.apply_button.clicked.connect(self._apply)
        self.model.itemChanged.connect(lambda _item: self._count())
        self.reason.textChanged.connect(lambda _text: self._count())
        self.hits_view.selectionModel().currentRowChanged.connect(self._chosen)
        self.hits_view.clicked.connect(self._chosen)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Find"))
        top.addWidget(self.text, 1)
        top.addWidget(self.pattern)
        top.addWidget(self.find_button)
        marks = QHBoxLayout()
        for text, on in (("Check all", True), ("Uncheck all", False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, on=on: self.check_all(on))
            marks.addWidget(button)
        marks.addStretch(1)
        form = QFormLayout()
        form.addRow("Type", self.kind)
        form.addRow("Reason", self.reason)
        close = QPushButton("Close")
        close.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.apply_button)
        bottom.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.hits_view, 1)
        box.addLayout(marks)
        box.addWidget(self.status)
        box.addLayout(form)
        box.addLayout(bottom)

    def _find(self) -> None:
        self.find_button.setEnabled(False)
        self.status.setText("Finding\u2026")
        self.findRequested.emit(self.text.text(), self.pattern.currentData())

    def show_hits(self, hits: list[Hit]) -> None:
        """List the hits, all checked."""
        self.find_button.setEnabled(True)
        self.model.removeRows(0, self.model.rowCount())
        for hit in hits:
            name = QStandardItem(hit.file_name)
            name.setCheckable(True)
            name.setCheckState(Qt.CheckState.Checked)
            name.setData(hit, HIT)
            page = QStandardItem(str(hit.page))
            page.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            context = QStandardItem(hit.context)
            context.setToolTip(hit.context)
            self.model.appendRow([name, page, context])
        self._count()

    def show_error(self, message: str) -> None:
        self.find_button.setEnabled(True)
        self.status.setText(message)

    def hits(self) -> list[tuple[Hit, bool]]:
        out = []
        for r in range(self.model.rowCount()):
            item = self.model.item(r, 0)
            out.append((item.data(HIT), item.checkState() == Qt.CheckState.Checked))
        return out

    def check_all(self, on: bool) -> None:
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        for r in range(self.model.rowCount()):
            self.model.item(r, 0).setCheckState(state)

    def _count(self) -> None:
        hits = self.hits()
        checked = sum(on for _, on in hits)
        self.status.setText(f"{len(hits)} hit{'s' * (len(hits) != 1)}, {checked} checked. "
                            "Click a hit to see it on its page.")  # fmt: skip
        self.apply_button.setText(f"Redact {checked} checked")
        reason = bool(self.reason.text().strip())
        self.apply_button.setEnabled(checked > 0 and reason)
        if checked and not reason:
            self.status.setText(
                self.status.text() + " Give the reason (the redaction log shows it)."
            )

    def _chosen(self, index: QModelIndex, *_: object) -> None:
        if index.isValid():
            self.hitChosen.emit(self.model.item(index.row(), 0).data(HIT))

    def _apply(self) -> None:
        chosen = [hit for hit, on in self.hits() if on]
        self.applyRequested.emit(chosen, self.reason.text(), str(self.kind.currentData()))


class PreviewDialog(QDialog):
    """A produced page as an image, with its Bates number; follows the open page."""

    pageRequested = Signal(int)  # step: -1 previous page, +1 next

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Produced page preview")
        self.setModal(False)
        self.resize(560, 740)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pane = scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)
        steps = QHBoxLayout()
        for text, step in (("\u2190 Previous page", -1), ("Next page \u2192", +1)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, s=step: self.pageRequested.emit(s))
            steps.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.caption)
        box.addWidget(scroll, 1)
        box.addLayout(steps)

    def fit_zoom(self, width: float, height: float) -> float:
        """The zoom at which a page of ``width`` x ``height`` points fits the dialog whole,
        its Bates number and legend at the foot in sight."""
        room = self.pane.viewport().size()
        return max(0.4, min(2.0, (room.width() - 4) / width, (room.height() - 4) / height))

    def show_preview(self, title: str, preview: Preview) -> None:
        img = preview.image
        qimage = QImage(img.samples, img.width, img.height, img.stride,
                        QImage.Format.Format_RGB888).copy()  # fmt: skip
        self.image.setPixmap(QPixmap.fromImage(qimage))
        self.caption.setText(f"{title}\n{preview.caption}")

    def show_message(self, message: str) -> None:
        self.image.clear()
        self.caption.setText(message)

    def pixmap_image(self) -> QImage:
        """What the dialog shows, for a test to read its pixels."""
        return self.image.pixmap().toImage()
