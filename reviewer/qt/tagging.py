"""Tagging from the window: keys 1-9 tag the selected paragraphs with the active claim's
elements (pressing a key again on paragraphs that all carry that element removes it), and
keeping the proof-chart dock in step. Each action is one core call; what it changed goes to
every dock through the window's one ``operation_executed`` signal (undo and redo: history)."""

from __future__ import annotations

from reviewer.core.claims import tagging
from reviewer.core.claims.elements import element_for_hotkey, list_claims
from reviewer.core.errors import ReviewerError
from reviewer.core.exports.chart_scope import complaints
from reviewer.core.exports.proof_chart import ChartRow, chart_rows
from reviewer.core.matter.documents import paragraph_by_id
from reviewer.core.records import Changes
from reviewer.qt.tag_marks import tag_sentence
from reviewer.qt.window_api import ReviewWindow


class TaggingController:
    """Owned by the main window; reads its matter and selection, drives its claims panel."""

    def __init__(self, window: ReviewWindow) -> None:
        self.window = window
        self.panel = window.claims_panel
        self.panel.supportChosen.connect(self.show_support)
        self.panel.complaintChosen.connect(self.refresh)

    def refresh(self, _changes: Changes | None = None) -> None:
        """Reload claims and chart (a chart is built in milliseconds: no partial update)."""
        matter = self.window.matter
        self.window.marks.refresh()
        if matter is None:
            self.panel.set_claims([])
            self.panel.set_complaints([])
            self.panel.set_rows([])
            return
        self.panel.set_claims(list_claims(matter))
        self.panel.set_complaints(complaints(matter))
        self.panel.set_rows(chart_rows(matter, self.panel.chosen_complaint()))
        self.window.marks.colour_chart()

    def _writable(self) -> bool:
        matter = self.window.matter
        if matter is None or matter.readonly:
            reason = matter.readonly_reason if matter is not None else "no matter is open"
            self.window.statusBar().showMessage(f"Tags cannot change here: {reason}.", 5000)
            return False
        return True

    def tag_element(self, hotkey: int) -> None:
        """Tag (or untag) the selected paragraphs with the active claim's element ``hotkey``."""
        pids, claim = self.window.selected_pids(), self.panel.active_claim()
        if not self._writable() or not pids or claim is None:
            if not pids or claim is None:
                self.window.statusBar().showMessage(
                    "Select a paragraph and a claim first (Proof chart dock).", 4000
                )
            return
        matter = self.window.matter
        assert matter is not None
        assessment = self.panel.new_assessment()
        try:
            element = element_for_hotkey(matter, claim, hotkey)
            tagged = {t.para_id for t in tagging.list_tags(matter, element, para_ids=pids)}
            if tagged >= set(pids):
                changes = tagging.untag(matter, pids, element)
                verb = "Removed"
            else:
                changes = tagging.tag(matter, pids, element, assessment)
                verb = "Tagged"
        except ReviewerError as exc:
            self.window.statusBar().showMessage(str(exc), 5000)
            return
        self.window.announce(changes)  # the chart (refresh) and every other dock hear of it
        numbers = [paragraph_by_id(matter, pid).number for pid in pids]
        self.window.statusBar().showMessage(
            tag_sentence(verb, numbers, element.name, assessment), 8000
        )

    def show_support(self, row: ChartRow) -> None:
        """Open the paragraph or exhibit page a chart row cites."""
        if row.doc_id is None:
            return
        self.window.open_document(row.doc_id)
        if row.para_id is not None:
            self.window.select_paragraph(row.para_id)
        elif row.page is not None:
            self.window.page_view.go_to_page(row.page)
