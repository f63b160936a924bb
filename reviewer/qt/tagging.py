"""Tagging from the window: keys 1-9 tag the selected paragraphs with the active claim's
elements (pressing a key again on paragraphs that all carry that element removes it), undo and
redo, and keeping the proof-chart dock in step. Each action is one core call; what it changed
refreshes the chart."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from reviewer.core import tagging
from reviewer.core.claims import element_for_hotkey, list_claims
from reviewer.core.documents import paragraph_by_id
from reviewer.core.errors import ReviewerError
from reviewer.core.exports.proof_chart import ChartRow, chart_rows
from reviewer.core.matter import Matter
from reviewer.core.records import Changes
from reviewer.qt.tag_marks import tag_sentence

if TYPE_CHECKING:
    from reviewer.qt.main_window import MainWindow


class TaggingController:
    """Owned by the main window; reads its matter and selection, drives its claims panel."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel = window.claims_panel
        self.panel.supportChosen.connect(self.show_support)

    def refresh(self, _changes: Changes | None = None) -> None:
        """Reload claims and chart (a chart is built in milliseconds: no partial update)."""
        matter = self.window.matter
        self.window.marks.refresh()
        if matter is None:
            self.panel.set_claims([])
            self.panel.set_rows([])
            return
        self.panel.set_claims(list_claims(matter))
        self.panel.set_rows(chart_rows(matter))
        self.window.marks.colour_chart()

    def _writable(self) -> bool:
        matter = self.window.matter
        if matter is None or matter.readonly:
            self.window.statusBar().showMessage(
                "This matter is read-only here (open in another window): tags cannot change.",
                5000,
            )
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
        self.refresh(changes)
        numbers = [paragraph_by_id(matter, pid).number for pid in pids]
        self.window.statusBar().showMessage(
            tag_sentence(verb, numbers, element.name, assessment), 8000
        )

    def undo(self) -> None:
        self._replay(tagging.undo, "Undone")

    def redo(self) -> None:
        self._replay(tagging.redo, "Redone")

    def _replay(self, step: Callable[[Matter], Changes], verb: str) -> None:
        if not self._writable():
            return
        try:
            assert self.window.matter is not None
            changes = step(self.window.matter)
        except ReviewerError as exc:
            self.window.statusBar().showMessage(str(exc), 4000)
            return
        # Any operation can be undone here: the documents list, the docks and any open
        # review dialog show the result.
        self.window.review.refresh(None)
        label = f": {changes.label}" if changes.label else ""
        self.window.statusBar().showMessage(f"{verb}{label}", 8000)

    def show_support(self, row: ChartRow) -> None:
        """Open the paragraph or exhibit page a chart row cites."""
        if row.doc_id is None:
            return
        self.window.open_document(row.doc_id)
        if row.para_id is not None:
            self.window.select_paragraph(row.para_id)
        elif row.page is not None:
            self.window.page_view.go_to_page(row.page)
