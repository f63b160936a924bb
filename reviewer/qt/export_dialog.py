"""The Export dialog: one for every export of the Export menu (proof chart, conclusory
allegations, privilege and redaction logs, production, searchable PDF, exhibit list and
binder). It offers what the CLI's ``reviewer export …`` offers — the format, the complaint,
preset, document or production set — and a file (or, for a production, a new folder); it
shows the checks of a log first and refuses one with errors unless "Export anyway" is
ticked. The export runs in the background (a child process, progress after 0.5 s, Cancel);
the window's status bar says what was written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.exports.by_name import FORMATS_OF, Request, findings
from reviewer.core.wording import plural
from reviewer.qt.export_jobs import export_job, option_choices

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)


@dataclass(frozen=True, slots=True)
class Spec:
    title: str  # "Proof chart"
    what: str  # one line on what the export holds
    option: str | None = None  # complaint | preset | document | set


SPECS: dict[str, Spec] = {
    "proof-chart": Spec("Proof chart", "Count → claim → element, with the paragraphs, exhibit "
                        "pages and cited exhibits that support each element; gaps marked. "
                        "XLSX, DOCX and PDF add the conclusory allegations.", "complaint"),
    "conclusory": Spec("Conclusory allegations", "Per count, the elements resting only on "
                       "conclusory or information-and-belief allegations.", "complaint"),
    "privilege-log": Spec("Privilege log", "The log of withheld and redacted documents "
                          "(FRCP 26(b)(5)(A)), checked first.", "preset"),
    "redaction-log": Spec("Redaction log", "One row per recorded redaction, checked first."),
    "production": Spec("Production", "The production set's documents, Bates-numbered and "
                       "redacted, in a new folder; verified after export.", "set"),
    "searchable-pdf": Spec("Searchable PDF", "A copy of the document with its OCR'd text "
                           "under each scanned page.", "document"),
    "exhibit-list": Spec("Exhibit list", "The exhibit list in the AO 187 layout."),
    "exhibit-binder": Spec("Exhibit binder", "A linked index, then each exhibit behind a "
                           "slip sheet, stickered and footed with its number."),
}  # fmt: skip
FORMAT_NAMES = {"xlsx": "Excel workbook (.xlsx)", "docx": "Word document (.docx)",
                "pdf": "PDF (.pdf)", "csv": "CSV, comma-separated (.csv)"}  # fmt: skip
ERROR, WARNING = QColor(179, 38, 30), QColor(150, 100, 0)
OPTION_LABELS = {"complaint": "&Complaint", "preset": "&Layout", "document": "&Document",
                 "set": "Production &set"}  # fmt: skip


def _safe(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "-", name).strip() or "export"


class ExportDialog(QDialog):
    """Emits ``exported(sentence)`` when the file (or folder) has been written."""

    exported = Signal(str)

    def __init__(self, window: MainWindow, kind: str) -> None:
        super().__init__(window)
        self.main, self.kind, self.spec = window, kind, SPECS[kind]
        self.setWindowTitle(f"Export — {self.spec.title}")
        self.formats = FORMATS_OF.get(kind, ())
        self._build()
        self.reload()
        box = self.layout()
        assert box is not None
        box.activate()  # the hidden checks take no room; wrapped text at 660 px
        self.resize(660, max(box.totalHeightForWidth(660), 200))

    # -- widgets ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.what = QLabel(self.spec.what)
        self.what.setWordWrap(True)
        self.option = QComboBox()
        self.format = QComboBox()
        for fmt in self.formats:
            self.format.addItem(FORMAT_NAMES[fmt], fmt)
        self.path = QLineEdit()
        self.browse = QPushButton("&Browse…")
        self.checks = QListWidget()
        self.checks.setMaximumHeight(160)
        self.anyway = QCheckBox("Export an&yway, with the errors listed above")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            "&Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self._lay_out()
        self.format.currentIndexChanged.connect(self._format_changed)
        self.browse.clicked.connect(self.choose_path)
        self.buttons.rejected.connect(self.close)
        self.export_button.clicked.connect(self.export)

    def _lay_out(self) -> None:
        form = QFormLayout()
        if self.spec.option:
            form.addRow(OPTION_LABELS[self.spec.option], self.option)
        if len(self.formats) > 1:
            form.addRow("&Format", self.format)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(self.browse)
        label = QLabel("New &folder" if self.kind == "production" else "Save &as")
        label.setBuddy(self.path)  # a layout gets no buddy of its own: Alt+A would not work
        form.addRow(label, where)
        box = QVBoxLayout(self)
        box.addWidget(self.what)
        box.addLayout(form)
        self.checks_label = QLabel()
        box.addWidget(self.checks_label)
        box.addWidget(self.checks)
        box.addWidget(self.anyway)
        box.addWidget(self.message)
        box.addStretch(1)
        box.addWidget(self.buttons)

    # -- state ------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the choices and the checks (each time the dialog opens, after any edit)."""
        matter = self.main.matter
        if matter is None:
            return
        if self.spec.option:
            current = self.option.currentData()
            choices, default = option_choices(self.main, self.spec.option)
            self.option.clear()
            for label, value in choices:
                self.option.addItem(label, value)
            wanted = current if current is not None else default
            self.option.setCurrentIndex(max(self.option.findData(wanted), 0))
        if not self.path.text():
            self.path.setText(str(self._default_path()))
        self._show_checks()

    def _show_checks(self) -> None:
        found = findings(self.main.matter, self.kind)
        errors = [f for f in found if f.level == "error"]
        checked = self.kind in ("privilege-log", "redaction-log")
        self.checks_label.setVisible(checked)
        self.checks.setVisible(checked)
        self.checks_label.setText(
            f"Checks: {plural(len(errors), 'error')}, {plural(len(found) - len(errors), 'warning')}"
            + (" — fix them (Privilege dock) or export anyway." if errors else ".")
        )
        self.checks.clear()
        for f in found:
            item = QListWidgetItem(f"{f.level.capitalize()} — {f}")
            item.setForeground(QBrush(ERROR if f.level == "error" else WARNING))
            item.setToolTip(f"{f.rule}: {f.message}")
            self.checks.addItem(item)
        self.anyway.setVisible(bool(errors))
        if not errors:
            self.anyway.setChecked(False)
        self.errors = len(errors)

    def _default_path(self) -> Path:
        folder = QSettings().value("export/folder", "") or str(Path.home())
        name = _safe(f"{self.main.matter.name} - {self.spec.title}")
        if self.kind == "production":
            return Path(str(folder)) / _safe(f"{self.option.currentData() or 'Production'}")
        return Path(str(folder)) / f"{name}.{self.format.currentData()}"

    def _format_changed(self) -> None:
        text = self.path.text().strip()
        if text:
            self.path.setText(str(Path(text).with_suffix(f".{self.format.currentData()}")))

    def choose_path(self) -> None:
        if self.kind == "production":
            chosen = QFileDialog.getSaveFileName(self, "Export the production to a new folder",
                                                 self.path.text())[0]  # fmt: skip
        else:
            fmt = self.format.currentData()
            chosen = QFileDialog.getSaveFileName(
                self, f"Export the {self.spec.title.lower()}", self.path.text(),
                f"{FORMAT_NAMES[fmt]} (*.{fmt})")[0]  # fmt: skip
        if chosen:
            self.path.setText(chosen)

    # -- export -----------------------------------------------------------------------------
    def request(self) -> Request:
        path = Path(self.path.text().strip()).expanduser()
        typed = path.suffix.lower().lstrip(".")
        if self.kind != "production" and typed in self.formats:  # as the CLI: by extension
            self.format.setCurrentIndex(self.format.findData(typed))
        elif self.kind != "production":
            path = path.with_name(f"{path.name}.{self.format.currentData()}")
        value = self.option.currentData() if self.spec.option else None
        return Request(self.kind, path, None if value is None else str(value),
                       self.anyway.isChecked())  # fmt: skip

    def say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b3261e;" if error else "color: #1e6b32;")
        self.message.setText(text)

    def export(self) -> bool:
        """Start the export in the background; False (and why, in the dialog) if refused."""
        if not self.path.text().strip():
            self.say("Choose where to save it first.", error=True)
            return False
        self._show_checks()
        if self.errors and not self.anyway.isChecked():
            self.say(f"Not exported: the checks found {plural(self.errors, 'error')}. Fix them, or "
                     "tick 'Export anyway'.", error=True)  # fmt: skip
            return False
        try:
            req = self.request()
            make, outcome = export_job(self.main, req)
        except ReviewerError as exc:
            self.say(str(exc), error=True)
            return False
        QSettings().setValue("export/folder", str(req.path.parent))
        self.export_button.setEnabled(False)
        self.say(f"Writing {req.path.name}…")
        self._failure: str | None = None
        job = self.main.run_background(f"Exporting the {self.spec.title.lower()}", make, False)
        job.failed.connect(self._remember_failure)
        self._outcome = outcome
        # A slot of ours (queued, in order) runs after the window's own end-of-job handling,
        # which resets the status bar.
        job.ended.connect(self._job_ended)
        return True

    @Slot()
    def _job_ended(self) -> None:
        self._ended(self._outcome())

    def _remember_failure(self, message: str) -> None:
        self._failure = message

    def _ended(self, sentence: str) -> None:
        """Say what was written (or why not) here and in the window's status bar."""
        self.export_button.setEnabled(True)
        error = self._failure is not None
        sentence = f"Not exported: {self._failure}" if error else sentence
        self.say(sentence, error)
        self.main.statusBar().showMessage(sentence, 0 if error else 15000)
        if not error:
            self.exported.emit(sentence)
