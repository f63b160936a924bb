"""Searching from the window: the open search index (closed while a job may rewrite it,
reopened after), running a query from the search dock, counting its matches once the hits
are on screen, and showing a hit on its page."""

from __future__ import annotations

from PySide6.QtCore import QTimer

from reviewer.core import search
from reviewer.core.errors import ReviewerError
from reviewer.core.search import locate
from reviewer.qt.panels.search_panel import LIMIT
from reviewer.qt.window_api import ReviewWindow


class SearchController:
    """Owned by the main window; holds its one ``SearchIndex``."""

    def __init__(self, window: ReviewWindow) -> None:
        self.window = window
        self.panel = window.search_panel
        self.index: search.SearchIndex | None = None
        self.panel.searchRequested.connect(self.run)
        self.panel.hitChosen.connect(self.show_hit)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
            self.index = None

    def reopen(self) -> str | None:
        """Open the index afresh (a job may have added to it or swapped it); returns why it
        cannot be used, or None."""
        self.close()
        matter = self.window.matter
        if matter is None:
            return "no matter is open"
        problem = search.check(matter)
        if problem is None:
            self.index = search.SearchIndex(matter)
        return problem

    def run(self, query: str, syntax: str, order: str) -> None:
        if self.index is None:
            self.panel.show_error("The search index is not ready yet.")
            return
        try:
            result = self.index.search(query, syntax, order=order, limit=LIMIT)
        except ReviewerError as exc:
            self.panel.show_error(str(exc))
            self.window.page_view.set_hits([])
            return
        self.panel.show_result(result)
        if result.hits:
            self.show_hit(0)
        # Count every match after the hits are on screen: a second pass over all matches.
        QTimer.singleShot(0, lambda: self._count(result.query, syntax))

    def _count(self, query: str, syntax: str) -> None:
        current = self.panel.model.result
        if self.index is None or current is None or current.query != query:
            return  # another search (or matter) came first
        try:
            total, per_doc = self.index.count(query, syntax)
        except ReviewerError:
            return
        self.panel.show_counts(total, per_doc)

    def show_hit(self, row: int) -> None:
        hit, w = self.panel.model.hit(row), self.window
        if w.matter is None or hit is None:
            return
        w.open_document(hit.doc_id)
        w.select_paragraph(hit.pid)
        w.page_view.set_hits(locate.hit_boxes(w.matter, hit.pid, hit.highlights))

    def step_hit(self, delta: int) -> None:
        row = self.panel.step(delta)
        if row is not None:
            self.show_hit(row)
