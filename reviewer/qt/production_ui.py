"""Production in the window (issue 15): wires the production dock to the page view and the
production dialogs. Choosing a set's document opens it; choosing a redaction shows its page
with the box outlined; Redact mode turns drags on the page into boxes (the reason asked on
release, each box one undoable operation, drawn at once); find-and-redact lists every hit
before anything is recorded; the preview renders the open page as the export will produce
it. Every edit goes through one core operation and is announced to every dock."""

from __future__ import annotations

from functools import partial
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.jobs import child_jobs
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.production import edit as production_edit
from reviewer.core.production import sets as production
from reviewer.core.production.find import Hit, redact_drawn, redact_hits
from reviewer.core.production.preview import preview_page
from reviewer.core.records import Changes
from reviewer.core.search import locate
from reviewer.qt import background
from reviewer.qt.production_dialogs import FindRedactDialog, PreviewDialog, RedactReasonDialog
from reviewer.qt.redact_tool import RedactTool

MainWindow = Any  # reviewer.qt.main_window.MainWindow (not imported: no cycle)
STATUS_MS = 8000
IN_PLACE_HITS = 200  # recorded on the GUI thread up to this many (< 60 ms), else in the background


class ProductionController:
    """Owned by the main window (``window.production``); the menus call its methods."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = panel = window.production_panel
        self.tool = RedactTool(window.page_view)
        self.reason_dialog: RedactReasonDialog | None = None
        self.find_dialog: FindRedactDialog | None = None
        self.preview_dialog: PreviewDialog | None = None
        self.preview_page = 1
        panel.documentChosen.connect(self.window.open_document)
        panel.redactionChosen.connect(self.show_redaction)
        panel.redactModeToggled.connect(self.set_redact_mode)
        panel.findRequested.connect(self.open_find)
        panel.previewRequested.connect(self.open_preview)
        panel.exported.connect(lambda sentence: window.statusBar().showMessage(sentence))
        self.tool.toggled.connect(self._mode_changed)
        self.tool.drawn.connect(self.box_drawn)
        window.documentOpened.connect(self.document_opened)
        window.page_view.pageChanged.connect(self._page_changed)
        window.operation_executed.connect(self.refresh)
        action = window.actions_by_name.get("redact_mode")
        if action is not None:
            action.setCheckable(True)
            self.tool.toggled.connect(action.setChecked)

    # -- helpers ----------------------------------------------------------------------------
    def say(self, sentence: str, ms: int = STATUS_MS) -> None:
        self.window.statusBar().showMessage(sentence, ms)
        self.panel.message.setText(sentence)

    def _set_name(self) -> str | None:
        """The production the dock shows; None (and says why) when there is none."""
        matter = self.window.matter
        if matter is None:
            self.say("Open a matter first.")
            return None
        name = self.panel.sets.currentText()
        if not name:
            self.say("Create a production first (Production dock \u25b8 New\u2026).")
            self.show_dock()
            return None
        return name

    def show_dock(self) -> None:
        dock = self.window.docks["production"]
        dock.show()
        dock.raise_()

    def _announce(self, changes: Changes) -> None:
        self.window.announce(changes)  # the documents list's redaction dot follows too

    # -- following the window ---------------------------------------------------------------
    def document_opened(self, doc_id: int) -> None:
        self.panel.show_redactions(doc_id)
        self._load_boxes()
        if self.preview_dialog is not None and self.preview_dialog.isVisible():
            self.preview_page = 1
            self.render_preview()

    def refresh(self, _changes: object = None) -> None:
        self._load_boxes()
        if self.preview_dialog is not None and self.preview_dialog.isVisible():
            self.render_preview()

    def _load_boxes(self) -> None:
        matter, doc_id = self.window.matter, self.window.doc_id
        boxes = (
            []
            if matter is None or doc_id is None
            else production_edit.overlay_boxes(matter, doc_id)
        )
        self.tool.set_boxes(boxes)
        self.tool.chosen = [b for b in self.tool.chosen if b in boxes]

    def show_redaction(self, doc_id: int, row: production_edit.RedactionRow) -> None:
        """Open the redaction's document at its page with its box outlined."""
        self.window.open_document(doc_id)
        matter = self.window.matter
        if row.rect is not None and matter is not None:
            self.tool.choose([(row.page, *production_edit.to_view(matter, doc_id, row.page,
                                                                  row.rect))])  # fmt: skip
        else:
            self.tool.choose([])
            self.window.go_to_page(row.page)
        self.say(f"{row.entry_id}: p. {row.page}, {row.reason or row.info_type}")

    # -- Redact mode ------------------------------------------------------------------------
    def toggle_redact_mode(self) -> None:
        self.set_redact_mode(not self.tool.active)

    def set_redact_mode(self, on: bool) -> None:
        if on and self._set_name() is None:
            on = False
        self.tool.set_active(on)
        self.panel.set_redact_mode(self.tool.active)  # a refused click unchecks its button

    def _mode_changed(self, on: bool) -> None:
        """Redact mode began or ended (here, from the dock, the menu or Escape)."""
        self.panel.set_redact_mode(on)
        if on:
            self.say("Redact mode: drag a box over what to black out (Esc or Ctrl+Shift+R "
                     "ends it).", 0)  # fmt: skip
        else:
            self.say("Redact mode ended.", 3000)

    def box_drawn(self, page: int, shown: tuple[float, float, float, float]) -> None:
        matter, name, doc_id = self.window.matter, self._set_name(), self.window.doc_id
        if matter is None or name is None or doc_id is None:
            return
        rect = production_edit.to_page(matter, doc_id, page, shown)  # a turned page: unturned
        file_name = find_document(matter, doc_id).file_name
        if doc_id not in production.find_set(matter, name).doc_ids:
            self.say(f"{file_name} is not in production {name}: add it first (Add selected).")
            return
        where = f"{file_name}, p. {page}, production {name}"
        covered = production_edit.text_in_box(matter, doc_id, page, rect)
        reason, kind = production_edit.last_reason(matter)
        dialog = RedactReasonDialog(where, covered, reason, kind, self.window)
        dialog.accepted.connect(lambda: self._record_box(dialog, name, doc_id, page, rect))
        self.reason_dialog = dialog
        dialog.open()

    def _record_box(self, dialog: RedactReasonDialog, name: str, doc_id: int, page: int,
                    rect: tuple[float, float, float, float]) -> None:  # fmt: skip
        matter = self.window.matter
        if matter is None:
            return
        try:
            ids, changes = redact_drawn(matter, name, doc_id, page, rect, dialog.reason.text(),
                                        dialog.info_type())  # fmt: skip
        except ReviewerError as exc:
            self.say(f"Not redacted: {exc}")
            return
        self._announce(changes)
        self.say(f"Redacted a box on p. {page} ({ids[0]}); Edit \u25b8 Undo takes it back.")

    # -- find and redact --------------------------------------------------------------------
    def open_find(self) -> None:
        matter = self.window.matter
        if self._set_name() is None or matter is None:
            return
        if self.find_dialog is None:
            reason, kind = production_edit.last_reason(matter)
            self.find_dialog = FindRedactDialog(reason, kind, self.window)
            self.find_dialog.findRequested.connect(self.find)
            self.find_dialog.hitChosen.connect(self.show_hit)
            self.find_dialog.applyRequested.connect(self.apply_hits)
        self.find_dialog.show()
        self.find_dialog.raise_()
        self.find_dialog.text.setFocus()

    def find(self, text: str, pattern: str | None) -> None:
        name, dialog = self._set_name(), self.find_dialog
        if name is None or dialog is None:
            return
        found: list[Hit] = []
        make = background.find_hits(name, text, pattern, found)
        job = self.window.run_background("Finding", make, False)
        job.finished.connect(lambda _summary: dialog.show_hits(found))
        job.failed.connect(dialog.show_error)

    def show_hit(self, hit: Hit) -> None:
        self.window.open_document(hit.doc_id)
        matter = self.window.matter
        if matter is not None:
            shown = [production_edit.to_view(matter, hit.doc_id, hit.page, r) for r in hit.boxes]
            self.window.page_view.set_hits([(hit.page, *r) for r in shown])
        self.window.statusBar().showMessage(f"{hit.file_name} p. {hit.page}: {hit.context}")

    def apply_hits(self, hits: list[Hit], reason: str, kind: str) -> None:
        matter, name, dialog = self.window.matter, self._set_name(), self.find_dialog
        if matter is None or name is None or dialog is None:
            return
        left = len(dialog.hits()) - len(hits)
        sentence = f"Redacted {len(hits)} hit{'s' * (len(hits) != 1)} in {name}" + (
            f"; {left} left as they were." if left else ".")  # fmt: skip
        if len(hits) > IN_PLACE_HITS:  # ~0.26 ms a hit: in the helper process, the window free
            self._apply_later(name, hits, reason, kind, sentence)
            return
        try:
            _ids, changes = redact_hits(matter, name, hits, reason, kind)
        except ReviewerError as exc:
            dialog.show_error(str(exc))
            return
        self._announce(changes)
        self.say(sentence)
        self._applied(sentence)

    def _applied(self, sentence: str) -> None:
        """The chosen hits are redactions now: the preview list and the page's marks go."""
        self.window.page_view.set_hits([])
        if self.find_dialog is not None:
            self.find_dialog.show_hits([])
            self.find_dialog.status.setText(f"{sentence} Edit \u25b8 Undo takes them back.")

    def _apply_later(
        self, name: str, hits: list[Hit], reason: str, kind: str, sentence: str
    ) -> None:
        dialog = self.find_dialog
        assert dialog is not None
        call = partial(child_jobs.redact_hits_op, name=name, hits=list(hits), reason=reason,
                       kind=kind)  # fmt: skip

        def done(problem: str | None) -> None:
            if problem is not None:
                dialog.show_error(problem)
            else:
                self._applied(sentence)

        dialog.status.setText(f"Redacting {len(hits)} hits…")
        self.window.review.perform_later(f"Redacting {len(hits)} hits", call, sentence, done)

    # -- preview ----------------------------------------------------------------------------
    def open_preview(self) -> None:
        if self._set_name() is None:
            return
        if self.preview_dialog is None:
            self.preview_dialog = PreviewDialog(self.window)
            self.preview_dialog.pageRequested.connect(self.step_preview)
        self.preview_page = max(1, self.window.page_view.current_page())
        self.preview_dialog.show()
        self.preview_dialog.raise_()
        self.render_preview()

    def _page_changed(self, page: int) -> None:
        """The preview follows the page scrolled to."""
        visible = self.preview_dialog is not None and self.preview_dialog.isVisible()
        if visible and page and page != self.preview_page:
            self.preview_page = page
            self.render_preview()

    def step_preview(self, step: int) -> None:
        pages = len(self.window.page_view.page_sizes)
        self.preview_page = min(max(1, self.preview_page + step), max(pages, 1))
        self.render_preview()
        self.window.go_to_page(self.preview_page)

    def render_preview(self) -> None:
        matter, name, dialog = (
            self.window.matter,
            self.panel.sets.currentText(),
            self.preview_dialog,
        )
        doc_id = self.window.doc_id
        if dialog is None or matter is None or not name or doc_id is None:
            return
        title = f"{find_document(matter, doc_id).file_name}, p. {self.preview_page}"
        try:
            preview = _render(matter, name, doc_id, self.preview_page, dialog)
        except ReviewerError as exc:
            dialog.show_message(f"{title}\n{exc}")
            return
        dialog.show_preview(title, preview)


def _render(matter: Matter, name: str, doc_id: int, page: int, dialog: PreviewDialog) -> Any:
    """The page as produced, at a zoom at which it fits the dialog whole."""
    sizes = locate.page_sizes(matter, doc_id)
    width, height = sizes[page - 1] if 0 < page <= len(sizes) else (612.0, 792.0)
    return preview_page(matter, name, doc_id, page, dialog.fit_zoom(width, height))
