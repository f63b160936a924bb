"""The main window: documents, outline and search docks around the page view; menus,
shortcuts, drag-and-drop import, and the matter the window holds (one handle, writable when
no other window has it). Thin: every action calls one core function."""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QTableView,
    QTreeView,
    QWidget,
)

from reviewer.core import documents, locate, search
from reviewer.core.errors import MatterLockedError, ReviewerError
from reviewer.core.matter import Matter
from reviewer.core.ocr_run import import_and_ocr, missing_tesseract_notice, ocr_documents
from reviewer.qt.dialogs import ImportProgressDialog, ShortcutsDialog, show_error
from reviewer.qt.menus import SHORTCUTS, build_menus
from reviewer.qt.models import DocumentsModel, OutlineModel
from reviewer.qt.page_view import PageView
from reviewer.qt.panels.claims_panel import ClaimsPanel
from reviewer.qt.panels.privilege_panel import PrivilegePanel
from reviewer.qt.panels.production_panel import ProductionPanel
from reviewer.qt.panels.search_panel import SearchPanel
from reviewer.qt.review_actions import ReviewActions
from reviewer.qt.searching import SearchController
from reviewer.qt.start_page import StartController
from reviewer.qt.style import FOCUS_QSS
from reviewer.qt.tag_marks import TagMarksController
from reviewer.qt.tagging import TaggingController
from reviewer.qt.worker import JobRunner

MAX_RECENT = 8


def _order(index: QModelIndex) -> tuple[int, ...]:
    """An outline index's place in the tree, for sorting a selection into reading order."""
    path = []
    while index.isValid():
        path.append(index.row())
        index = index.parent()
    return tuple(reversed(path))


class MainWindow(QMainWindow):
    """One window, one matter."""

    documentOpened = Signal(int)  # the document now shown (its id)

    def __init__(self) -> None:
        super().__init__()
        self.matter: Matter | None = None
        self.doc_id: int | None = None
        self.settings = QSettings()
        self.jobs = JobRunner(self)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.setStyleSheet(FOCUS_QSS)
        self._build_views()
        self.marks = TagMarksController(self)  # tag marks on the pages and in the outline
        self.review = ReviewActions(self)  # the Claims, Document and People dialogs
        self.tagging = TaggingController(self)
        self.searching = SearchController(self)
        self.recent_menu: QMenu | None = None  # File ▸ Open recent (menus.build_menus)
        self.actions_by_name: dict[str, QAction] = build_menus(self)
        self._connect()
        self._restore_layout()
        self.start = StartController(self)
        self.start.show(True)
        self._update_title()

    # -- construction ---------------------------------------------------------------------
    @property
    def index(self) -> search.SearchIndex | None:
        """The open search index (None while a job may rewrite it or it is out of date)."""
        return self.searching.index

    def _build_views(self) -> None:
        self.page_view = PageView(self)  # the central widget, with the start page (start_page)
        self.docs_model: DocumentsModel | None = None  # one per open matter
        self.docs_view = QTableView()
        self.docs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.docs_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.docs_view.setSortingEnabled(True)
        self.docs_view.verticalHeader().hide()
        self.docs_view.horizontalHeader().setStretchLastSection(True)
        self.outline_model: OutlineModel | None = None  # one per open matter
        self.outline_view = QTreeView()
        self.outline_view.setHeaderHidden(True)
        self.outline_view.setUniformRowHeights(True)
        self.outline_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.search_panel = SearchPanel(self)
        self.claims_panel = ClaimsPanel(self)
        self.privilege_panel = PrivilegePanel(self)
        self.production_panel = ProductionPanel(self)
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.docks = {
            "documents": self._dock("Documents", self.docs_view, left),
            "outline": self._dock("Outline", self.outline_view, left),
            "search": self._dock("Search", self.search_panel, right),
            "chart": self._dock("Proof chart", self.claims_panel, right),
            "privilege": self._dock("Privilege", self.privilege_panel, right),
            "production": self._dock("Production", self.production_panel, right),
        }
        self.tabifyDockWidget(self.docks["search"], self.docks["chart"])
        self.tabifyDockWidget(self.docks["chart"], self.docks["privilege"])
        self.tabifyDockWidget(self.docks["privilege"], self.docks["production"])
        self.docks["search"].raise_()
        self._docks_sized = False  # set by a restored layout or the first show
        self.splitDockWidget(
            self.docks["documents"], self.docks["outline"], Qt.Orientation.Vertical
        )
        self.status_doc = QLabel()
        self.status_page = QLabel()
        # No stretch: the status bar's messages (what an action did) need the room.
        self.statusBar().addPermanentWidget(self.status_doc)
        self.statusBar().addPermanentWidget(self.status_page)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{title.lower()}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        self.page_view.paragraphClicked.connect(self.select_paragraph)
        self.page_view.pageChanged.connect(self._page_changed)

    # -- matters --------------------------------------------------------------------------
    def open_matter(self, path: Path | str) -> bool:
        """Open a matter (writable unless another window holds it); False if it failed."""
        path = Path(path)
        if self.matter is not None and self.matter.path.resolve() == path.resolve():
            self.close_matter()  # our own lock would make the re-opened matter read-only
        try:
            try:
                matter = Matter.open(path)
            except MatterLockedError:
                matter = Matter.open(path, readonly=True)
        except ReviewerError as exc:
            show_error(self, "Cannot open the matter", str(exc))
            return False
        self.close_matter()
        self.matter = matter
        self._remember(path)
        self.start.show(False)
        self.docs_model = DocumentsModel(matter, self)
        self.docs_view.setModel(self.docs_model)
        self.docs_view.selectionModel().currentRowChanged.connect(self._doc_row_changed)
        self.docs_view.resizeColumnsToContents()
        self.privilege_panel.track(self.docs_view, matter)
        self.production_panel.track(self.docs_view, matter)
        self.outline_model = OutlineModel(matter, self)
        self.outline_view.setModel(self.outline_model)
        self.outline_view.selectionModel().currentChanged.connect(self._outline_moved)
        self._open_index()
        self._update_title()
        self.tagging.refresh()
        if self.docs_model.rowCount(QModelIndex()):
            self.docs_view.selectRow(0)
        return True

    def close_to_start(self) -> None:
        """File ▸ Close matter: back to the start page."""
        self.close_matter()
        self._update_title()
        self.start.show(True)

    def close_matter(self) -> None:
        self.review.close_all()
        self.jobs.cancel_all()
        self.searching.close()
        self.page_view.clear()
        self.outline_view.setModel(None)
        self.privilege_panel.track(None, None)
        self.production_panel.track(None, None)
        self.docs_view.setModel(None)
        self.outline_model = self.docs_model = None
        self.search_panel.show_result(None)
        if self.matter is not None:
            self.matter.close()
            self.matter = None
        self.doc_id = None
        self.status_doc.clear()
        self.status_page.clear()
        self.tagging.refresh()

    def _open_index(self) -> None:
        """Open the search index; one out of step with the matter is rebuilt in the background."""
        assert self.matter is not None
        problem = self.searching.reopen()
        if problem is None:
            return
        if self.matter.readonly:
            self.statusBar().showMessage(f"Search unavailable: {problem} (read-only)")
        else:
            self.statusBar().showMessage(f"Rebuilding the search index: {problem}…")
            self._start_job("Indexing", lambda m: search.reindex(m), self._after_job)

    def _remember(self, path: Path) -> None:
        here = str(path.resolve())
        recent = [here] + [p for p in self.recent_matters() if p != here]
        self.settings.setValue("recent", recent[:MAX_RECENT])

    def recent_matters(self) -> list[str]:
        value = self.settings.value("recent", [])
        return [str(v) for v in (value if isinstance(value, list) else [value]) if v]

    def choose_matter(self) -> None:
        path = QFileDialog.getExistingDirectory(self, "Open a matter folder")
        if path:
            self.open_matter(path)

    def new_matter(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "New matter", "", "Matter folders (*.matter)")
        if not path:
            return
        target = Path(path if path.endswith(".matter") else path + ".matter")
        try:
            Matter.create(target).close()
        except ReviewerError as exc:
            show_error(self, "Cannot create the matter", str(exc))
            return
        self.open_matter(target)

    # -- import and background jobs ----------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        if self.matter is None or self.matter.readonly:
            show_error(self, "Cannot import", "Open a matter for writing first (File ▸ Open).")
            return
        self._start_job("Importing", lambda m: import_and_ocr(m, paths), self._after_job)

    def run_ocr(self) -> None:
        """OCR every page that needs it (File ▸ OCR scanned pages)."""
        if self.matter is None or self.matter.readonly:
            show_error(self, "Cannot run OCR", "Open a matter for writing first (File ▸ Open).")
        elif (notice := missing_tesseract_notice(self.matter)) is not None:
            show_error(self, "Cannot run OCR", notice)
        else:
            self._start_job("OCR", lambda m: ocr_documents(m), self._after_job)

    def choose_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Import filings", "", "PDF files (*.pdf)")
        if files:
            self.import_paths([Path(f) for f in files])

    def _start_job(self, label: str, make: object, done: object) -> None:
        assert self.matter is not None
        self.searching.close()  # the job may swap the index folder: reopened afterwards
        job = self.jobs.submit(self.matter, make)
        self.progress_dialog = ImportProgressDialog(job, label, self)
        job.finished.connect(done)
        job.failed.connect(lambda msg: show_error(self, f"{label} stopped", msg))
        job.failed.connect(lambda _msg: self._after_job(None))

    def _after_job(self, _summary: object) -> None:
        if self.matter is None:
            return
        # Reopen whatever the job did: an index opened after an earlier job in the queue
        # would not see what this one added.
        self.searching.reopen()
        current = self.doc_id
        assert self.docs_model is not None
        self.docs_model.refresh()
        self._update_title()
        self.tagging.refresh()
        if current is not None and self.docs_model.row_of(current) is not None:
            self.docs_view.selectRow(self.docs_model.row_of(current))
        elif self.docs_model.rowCount(QModelIndex()):
            self.docs_view.selectRow(0)
        notice = missing_tesseract_notice(self.matter)  # stays until the next job
        self.statusBar().showMessage(notice or "Ready", 0 if notice else 3000)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.import_paths([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()

    # -- documents, paragraphs, pages -----------------------------------------------------------
    def _doc_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.docs_model is not None:
            self.open_document(self.docs_model.doc_id(current.row()))

    def open_document(self, doc_id: int) -> None:
        if self.matter is None or doc_id == self.doc_id:
            return
        doc = documents.find_document(self.matter, doc_id)
        self.doc_id = doc_id
        sizes = locate.page_sizes(self.matter, doc_id)
        self.page_view.set_document(self.matter.path / doc.stored_path, sizes)
        self.page_view.set_paragraph_boxes(locate.paragraph_boxes(self.matter, doc_id))
        assert self.outline_model is not None
        self.outline_model.set_document(doc_id)
        self.marks.refresh()
        self.outline_view.expandToDepth(0)
        row = self.docs_model.row_of(doc_id) if self.docs_model else None
        if row is not None and self.docs_view.currentIndex().row() != row:
            self.docs_view.selectRow(row)
        flag = "  — OCR needed" if doc.needs_ocr else ""
        self.status_doc.setText(f"{doc.file_name} · {doc.kind} · {doc.pages} pages{flag}")
        self.documentOpened.emit(doc_id)

    def _outline_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.outline_model
        pid = model.pid(current) if model is not None and current.isValid() else None
        if pid is not None:
            self.page_view.select_paragraph(pid, scroll=True)
            self._show_paragraph_status(pid)

    def select_paragraph(self, pid: int) -> None:
        """Select a paragraph of the open document in the outline (and so on the page)."""
        index = self.outline_model.index_of(pid) if self.outline_model else QModelIndex()
        if index.isValid():
            self.outline_view.scrollTo(index)
            self.outline_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    def current_pid(self) -> int | None:
        index = self.outline_view.currentIndex()
        return self.outline_model.pid(index) if self.outline_model and index.isValid() else None

    def selected_pids(self) -> list[int]:
        """The paragraphs selected in the outline (in outline order), else the current one."""
        model, chosen = self.outline_model, self.outline_view.selectionModel()
        rows = chosen.selectedRows() if model is not None and chosen is not None else []
        pids = [pid for i in sorted(rows, key=_order) if (pid := model.pid(i)) is not None]
        current = self.current_pid()
        return pids or ([current] if current is not None else [])

    def step_paragraph(self, delta: int) -> None:
        model, pid = self.outline_model, self.current_pid()
        if model is None:
            return
        target = model.first_pid() if pid is None else model.next_pid(pid, delta)
        if target is not None:
            self.select_paragraph(target)

    def copy_paragraph(self) -> None:
        pid = self.current_pid()
        if pid is None or self.matter is None:
            self.statusBar().showMessage("Select a paragraph first (J / K move).", 4000)
            return
        text = documents.quotation(documents.paragraph_by_id(self.matter, pid))
        QApplication.clipboard().setText(text)
        self.statusBar().showMessage(f"Copied: {text[-60:]}", 4000)

    def _show_paragraph_status(self, pid: int) -> None:
        if self.matter is not None:
            self.statusBar().showMessage(self.marks.paragraph_selected(pid))

    def _page_changed(self, page: int) -> None:
        total = len(self.page_view.page_sizes) if hasattr(self.page_view, "page_sizes") else 0
        self.status_page.setText(f"p. {page} / {total}" if total else f"p. {page}")

    # -- misc ---------------------------------------------------------------------------------
    def step_page(self, delta: int) -> None:
        self.page_view.go_to_page(self.page_view.current_page() + delta)

    def zoom(self, direction: int) -> None:
        """+1 zoom in, -1 zoom out, 0 fit the page width."""
        view = self.page_view
        (view.zoom_in if direction > 0 else view.zoom_out if direction < 0 else view.fit_width)()

    def focus_search(self) -> None:
        self.docks["search"].show()
        self.docks["search"].raise_()
        self.search_panel.focus_query()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(SHORTCUTS, self).exec()

    def _update_title(self) -> None:
        if self.matter is None:
            self.setWindowTitle("reviewer")
            return
        ro = " (read-only: open in another window)" if self.matter.readonly else ""
        count = self.docs_model.rowCount(QModelIndex()) if self.docs_model else 0
        self.setWindowTitle(f"{self.matter.name} — {count} documents{ro} — reviewer")

    def _layout_version(self) -> int:
        """Saved dock layouts carry this; one saved with other docks (an older version of the
        app) is not restored, or Qt would stack the docks it does not know."""
        return zlib.crc32(",".join(sorted(self.docks)).encode()) & 0x7FFFFFFF

    def _restore_layout(self) -> None:
        geometry, state = self.settings.value("geometry"), self.settings.value("state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self._docks_sized = self.restoreState(state, self._layout_version())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.size_docks()

    def size_docks(self) -> None:
        """Without a saved layout, the pages get over half of the window's width (at
        1280 x 800 too) the first time the docks are shown; their tables scroll sideways.
        Deferred one turn of the event loop: docks just shown have no place in it yet."""
        if not self._docks_sized and self.isVisible() and self.docks["search"].isVisible():
            self._docks_sized = True
            QTimer.singleShot(0, self._size_docks_now)

    def _size_docks_now(self) -> None:
        width = self.width()
        self.resizeDocks([self.docks["documents"], self.docks["search"]],
                         [int(width * 0.2), int(width * 0.23)],
                         Qt.Orientation.Horizontal)  # fmt: skip

    def closeEvent(self, event: QCloseEvent) -> None:
        self.start.restore_docks()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState(self._layout_version()))
        self.close_matter()
        self.jobs.shutdown()  # waits for a cancelled job to finish its document in hand
        super().closeEvent(event)

    def save_screenshot(self, path: Path) -> bool:
        """Render the window (first document selected) to a PNG; used by ``--screenshot``."""
        QApplication.processEvents()
        if self.docs_model is not None and self.docs_model.rowCount(QModelIndex()):
            self.docs_view.selectRow(0)
            self.step_paragraph(+1)
        for _ in range(3):
            QApplication.processEvents()
        return self.grab().save(str(path), "PNG")
