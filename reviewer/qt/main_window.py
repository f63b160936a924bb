"""The main window: docks around the page view, menus, drag-and-drop import, and the matter
it holds (one handle; other windows and CLI commands write beside it). Thin: every action
calls one core function. Every change reaches the docks through one signal,
``operation_executed(changes)``: an edit made here (``announce``), an undo or redo, a job's
end, or a commit by another process (``MatterWatcher``; None: anything may have changed).
Docks never call each other."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMenu,
)

from reviewer.core import search
from reviewer.core.errors import ReviewerError
from reviewer.core.ingest.ocr_run import missing_tesseract_notice
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes
from reviewer.core.search import locate
from reviewer.qt import background, kind_menu
from reviewer.qt.dialogs import ImportProgressDialog, ShortcutsDialog, show_error
from reviewer.qt.docs_columns import fit_columns, keep_fitted, whole_tab_names
from reviewer.qt.empty_hint import EmptyHint
from reviewer.qt.export_actions import ExportActions
from reviewer.qt.file_actions import FileActions
from reviewer.qt.history import HistoryController
from reviewer.qt.menus import SHORTCUTS, build_menus
from reviewer.qt.models import DocumentsModel
from reviewer.qt.offline_actions import OfflineActions
from reviewer.qt.outline_model import OutlineModel
from reviewer.qt.paragraph_nav import ParagraphNavigation
from reviewer.qt.production_ui import ProductionController
from reviewer.qt.review_actions import ReviewActions
from reviewer.qt.searching import SearchController
from reviewer.qt.start_page import StartController
from reviewer.qt.style import FOCUS_QSS
from reviewer.qt.tag_marks import TagMarksController
from reviewer.qt.tagging import TaggingController
from reviewer.qt.watcher import MatterWatcher
from reviewer.qt.window_views import (
    build_views,
    layout_version,
    recent_matters,
    remember_matter,
    restore_layout,
    size_docks,
)
from reviewer.qt.worker import Job, JobRunner, MakeJob


class MainWindow(QMainWindow, ParagraphNavigation):
    """One window, one matter."""

    # What an operation changed (a Changes), or None: anything may have changed.
    operation_executed = Signal(object)
    documentOpened = Signal(int)  # the document now shown (its id)

    def __init__(self) -> None:
        super().__init__()
        self.matter: Matter | None = None
        self.doc_id: int | None = None
        self._content_seen: str | None = None  # the matter's content_version on screen
        self.settings = QSettings()
        self.jobs = JobRunner(self)
        self.watcher = MatterWatcher(self)
        self.setAcceptDrops(True)
        self.resize(1400, 900)
        self.setStyleSheet(FOCUS_QSS)
        self._build_views()
        kind_menu.install(self)  # Kind ▸ … on a document's row (issue 13)
        self.marks = TagMarksController(self)  # tag marks on the pages and in the outline
        self.review = ReviewActions(self)  # the Claims, Document and People dialogs
        self.exports = ExportActions(self)  # the Export menu's dialogs
        self.tagging = TaggingController(self)
        self.files = FileActions(self)
        self.offline = OfflineActions(self)  # issue 19: check out, check in, conflicts
        self.searching = SearchController(self)
        self.recent_menu: QMenu | None = None  # File ▸ Open recent (menus.build_menus)
        self.actions_by_name: dict[str, QAction] = build_menus(self)
        acts = self.actions_by_name
        self.history = HistoryController(self, acts["undo"], acts["redo"])
        self.production = ProductionController(self)  # the production dock, boxes, previews
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
        views = build_views(self)  # the page view is the central widget's, with the start page
        self.page_view, self.docs_view, self.outline_view = views.page, views.docs, views.outline
        self.search_panel, self.claims_panel = views.search, views.claims
        self.privilege_panel, self.production_panel = views.privilege, views.production
        self.exhibits_panel = views.exhibits
        # while the matter has no documents, the list and the page area say how to import
        self.empty_hints = (EmptyHint(self.docs_view), EmptyHint(self.page_view))
        self.docks, self.status_doc, self.status_page = views.docks, views.status_doc, views.page_no
        self._docks_sized = False  # set by a restored layout or the first show
        self.docs_model: DocumentsModel | None = None  # one per open matter
        self.outline_model: OutlineModel | None = None  # one per open matter

    def _connect(self) -> None:
        self.page_view.paragraphClicked.connect(self.select_paragraph)
        self.page_view.pageChanged.connect(self._page_changed)
        quiet = lambda title, make: self.run_background(title, make, False)  # noqa: E731
        self.production_panel.runner = self.privilege_panel.runner = quiet
        for panel in (self.privilege_panel, self.production_panel):
            self.operation_executed.connect(panel.on_operation)
        self.privilege_panel.coded.connect(self.announce)
        self.production_panel.changed.connect(self.announce)
        self.operation_executed.connect(self.tagging.refresh)
        self.operation_executed.connect(self.review.refresh)
        self.operation_executed.connect(lambda _changes: self.exhibits_panel.refresh())
        self.operation_executed.connect(self.history.update)
        self.operation_executed.connect(self._refresh_documents)
        self.watcher.changed_elsewhere.connect(lambda: self.operation_executed.emit(None))
        self.watcher.index_changed.connect(self.searching.reopen)

    def announce(self, changes: Changes | None) -> None:
        """Tell every dock what an operation changed (None: anything may have)."""
        self.operation_executed.emit(changes)
        self.watcher.settle()

    # -- matters --------------------------------------------------------------------------
    def open_matter(self, path: Path | str) -> bool:
        """Open a matter (read-only only if its folder is); False if it failed."""
        path = Path(path)
        if self.matter is not None and self.matter.path.resolve() == path.resolve():
            self.close_matter()  # our own lock would make the re-opened matter read-only
        try:
            matter = Matter.open(path, fallback=True)  # a read-only folder opens read-only
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
        keep_fitted(self.docs_view)  # again whenever documents come or go
        for hint in self.empty_hints:
            hint.follow(self.docs_model)
        self.privilege_panel.track(self.docs_view, matter)
        self.production_panel.track(self.docs_view, matter)
        self.exhibits_panel.track(matter)
        self.outline_model = OutlineModel(matter, self)
        self.outline_view.setModel(self.outline_model)
        self.outline_view.selectionModel().currentChanged.connect(self._outline_moved)
        self._open_index()
        self._update_title()
        self.tagging.refresh()
        self.history.update()
        self.watcher.watch(matter)
        self._content_seen = matter.get_meta("content_version")
        if self.docs_model.rowCount(QModelIndex()):
            self.docs_view.selectRow(0)
        return True

    def close_to_start(self) -> None:
        """File ▸ Close matter: back to the start page."""
        self.close_matter()
        self._update_title()
        self.start.show(True)

    def close_matter(self) -> None:
        self.watcher.watch(None)
        self.review.close_all()
        self.exports.close_all()
        self.jobs.cancel_all()
        self.searching.close()
        self.page_view.clear()
        self.outline_view.setModel(None)
        self.privilege_panel.track(None, None)
        self.production_panel.track(None, None)
        self.exhibits_panel.track(None)
        self.docs_view.setModel(None)
        for hint in self.empty_hints:
            hint.follow(None)
        self.outline_model = self.docs_model = None
        self.search_panel.show_result(None)
        if self.matter is not None:
            self.matter.close()
            self.matter = None
        self.doc_id = None
        self.status_doc.clear()
        self.status_page.clear()
        self.tagging.refresh()
        self.history.update()

    def _open_index(self) -> None:
        """Open the search index; one out of step with the matter is rebuilt in the background."""
        assert self.matter is not None
        problem = self.searching.reopen()
        if problem is None:
            return
        if self.matter.readonly:
            self.statusBar().showMessage(f"Search unavailable: {problem} (read-only)")
        elif not documents.paragraph_count(self.matter):
            # a new matter's empty index, at once (in a child process: 2 s behind a dialog)
            search.ensure_current(self.matter)
            self.searching.reopen()
        else:
            self.statusBar().showMessage(f"Rebuilding the search index: {problem}…")
            self.run_background("Indexing", background.reindex())

    def _remember(self, path: Path) -> None:
        remember_matter(self.settings, path)

    def recent_matters(self) -> list[str]:
        return recent_matters(self.settings)

    def choose_matter(self) -> None:
        self.files.choose_matter()

    def new_matter(self) -> None:
        self.files.new_matter()

    # -- import and background jobs ----------------------------------------------------------
    def import_paths(self, paths: list[Path]) -> None:
        self.files.import_paths(paths)

    def run_background(self, label: str, make: MakeJob, report: bool = True) -> Job:
        """Run a long job (a core Progress generator) on the worker thread, with a progress
        dialog after 0.5 s and Cancel; when it ends, every dock hears of it. ``report``: a
        failure is shown in a message box (else the caller shows it)."""
        assert self.matter is not None
        self.watcher.paused = True  # the job commits as it goes; one refresh when it ends
        job = self.jobs.submit(self.matter, make, label.lower())
        self.progress_dialog = ImportProgressDialog(job, label, self, title=label)
        if report:  # a bound method of a GUI-thread object: a lambda ran in the worker
            job.failed.connect(self.progress_dialog.report_failure)  # thread and crashed
        job.ended.connect(self._after_job)
        return job

    def _after_job(self) -> None:
        if self.matter is None:
            return
        self.watcher.paused = self.jobs.busy and len(self.jobs.jobs) > 1
        # Reopen whatever the job did: an index opened after an earlier job in the queue
        # would not see what this one added.
        self.searching.reopen()
        self.announce(None)
        notice = missing_tesseract_notice(self.matter)  # stays until the next job
        self.statusBar().showMessage(notice or "Ready", 0 if notice else 3000)

    def _refresh_documents(self, changes: Changes | None) -> None:
        """Documents (and the open one, if documents were added, re-cut or deleted) after a
        job or a change made elsewhere."""
        if self.matter is None or self.docs_model is None or changes is not None:
            return
        current, content = self.doc_id, self.matter.get_meta("content_version")
        if content != self._content_seen:
            self.doc_id, self._content_seen = None, content  # re-read its pages and outline
        self.docs_model.refresh()
        self._update_title()
        row = None if current is None else self.docs_model.row_of(current)
        if row is None and self.docs_model.rowCount(QModelIndex()):
            row = 0
        if row is not None:
            self.docs_view.selectRow(row)
            self.open_document(self.docs_model.doc_id(row))

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
        if not (self.matter.path / doc.stored_path).is_file():  # the pages cannot be drawn
            flag = f"  — its stored PDF ({doc.stored_path}) is missing: import the original again"
        self.status_doc.setText(f"{doc.file_name} · {doc.kind} · {doc.pages} pages{flag}")
        self.documentOpened.emit(doc_id)

    def _outline_moved(self, current: QModelIndex, _previous: QModelIndex) -> None:
        model = self.outline_model
        pid = model.pid(current) if model is not None and current.isValid() else None
        if pid is not None:
            self.page_view.select_paragraph(pid, scroll=True)
            self._show_paragraph_status(pid)

    def _show_paragraph_status(self, pid: int) -> None:
        if self.matter is not None:
            self.statusBar().showMessage(self.marks.paragraph_selected(pid))

    def _page_changed(self, page: int) -> None:
        total = len(self.page_view.page_sizes) if hasattr(self.page_view, "page_sizes") else 0
        self.status_page.setText(f"p. {page} / {total}" if total else f"p. {page}")

    # -- misc ---------------------------------------------------------------------------------
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
        ro = f" (read-only: {self.matter.readonly_reason})" if self.matter.readonly else ""
        count = self.docs_model.rowCount(QModelIndex()) if self.docs_model else 0
        self.setWindowTitle(f"{self.matter.name} — {count} documents{ro} — reviewer")

    def _layout_version(self) -> int:
        return layout_version(self.docks)

    def _restore_layout(self) -> None:
        self._docks_sized = restore_layout(self, self.settings, self._layout_version())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.size_docks()
        QTimer.singleShot(0, lambda: whole_tab_names(self))  # the tab bars exist by then

    def size_docks(self) -> None:
        """Without a saved layout, the pages get over half of the window's width (at
        1280 x 800 too) the first time the docks are shown; their tables scroll sideways.
        Deferred one turn of the event loop: docks just shown have no place in it yet."""
        if not self._docks_sized and self.isVisible() and self.docks["search"].isVisible():
            self._docks_sized = True
            QTimer.singleShot(0, self._size_docks_now)

    def _size_docks_now(self) -> None:
        size_docks(self, self.docks)
        if self.docs_view.model() is not None:
            QTimer.singleShot(0, lambda: fit_columns(self.docs_view))  # once the dock has its width

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
