"""What the window shows of tagging: one colour per claim element, the coloured marks beside
each tagged paragraph on the page and in the outline, a one-line summary of the selected
paragraph's tags, and the sentence the status bar says after a tag or untag
("Tagged ¶¶ 5-7 with Knowingly benefited (factual)"). Reads the core's tags; writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QColor, QIcon, QPixmap

from reviewer.core.claims.elements import list_claims
from reviewer.core.claims.tagging import list_tags
from reviewer.core.errors import NotFoundError
from reviewer.core.matter.documents import paragraph_by_id
from reviewer.core.matter.store import Matter

MainWindow = Any  # reviewer.qt.main_window.MainWindow, not imported (no import cycle)

# Okabe-Ito's colour-blind-safe set first, then darker tones; the page's selection is blue.
# Past the 12th element the palette repeats darker, then lighter.
PALETTE = (
    "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#8E6C00", "#6A3D9A", "#1B7837",
    "#B2182B", "#0072B2", "#7F3B08", "#4D4D4D",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mark:
    """One tag as the window draws it."""

    element_id: int
    element: str  # the element's name
    claim: str  # the claim's name
    assessment: str
    colour: QColor

    @property
    def conclusory(self) -> bool:
        return self.assessment == "conclusory"

    def label(self) -> str:
        return f"{self.element} ({self.assessment.replace('-', ' ')})"


def element_colours(matter: Matter) -> dict[int, tuple[str, str, QColor]]:
    """Every element id → (its name, its claim's name, its colour), in claim order."""
    out: dict[int, tuple[str, str, QColor]] = {}
    for claim in list_claims(matter):
        for e in claim.elements:
            out[e.id] = (e.name, claim.name, _colour(len(out)))
    return out


def _colour(n: int) -> QColor:
    """The n-th element's colour: the palette, then the palette darker, then lighter…"""
    base = QColor(PALETTE[n % len(PALETTE)])
    turn = n // len(PALETTE)
    if turn == 0:
        return base
    shade = base.darker(100 + 45 * ((turn + 1) // 2)) if turn % 2 else base.lighter(130 + 20 * turn)
    return QColor(shade.name())  # 8 bits a channel, as painted


def document_marks(
    matter: Matter, doc_id: int
) -> tuple[dict[int, list[Mark]], dict[int, list[Mark]]]:
    """A document's marks: by paragraph id, and by 1-based page for exhibit page tags."""
    colours = element_colours(matter)
    by_para: dict[int, list[Mark]] = {}
    by_page: dict[int, list[Mark]] = {}
    for t in list_tags(matter, doc_id=doc_id):
        name, claim, colour = colours.get(t.element_id, (t.element, "", QColor(PALETTE[-1])))
        mark = Mark(t.element_id, name, claim, t.assessment, colour)
        if t.para_id is not None:
            by_para.setdefault(t.para_id, []).append(mark)
        elif t.page_start is not None and t.page_end is not None:
            for page in range(t.page_start, t.page_end + 1):
                by_page.setdefault(page, []).append(mark)
    return by_para, by_page


def summary(marks: Sequence[Mark]) -> str:
    """``Tagged: Knowingly benefited (factual); Duty (conclusory)`` or ``Not tagged``."""
    return "Tagged: " + "; ".join(m.label() for m in marks) if marks else "Not tagged"


def para_span(numbers: Sequence[str | None]) -> str:
    """``¶ 5``, ``¶¶ 5-7``, ``¶¶ 5, 7-8``; unnumbered paragraphs are counted."""
    nums = sorted({int(n) for n in numbers if n and n.isdigit()})
    runs: list[str] = []
    for n in nums:
        if runs and runs[-1].split("–")[-1] == str(n - 1):
            runs[-1] = f"{runs[-1].split('–')[0]}–{n}"
        else:
            runs.append(str(n))
    parts = [("¶¶ " if len(nums) > 1 else "¶ ") + ", ".join(runs)] if nums else []
    others = len(numbers) - len(nums)
    if others:
        parts.append(f"{others} unnumbered paragraph{'s' if others != 1 else ''}")
    return " and ".join(parts)


def tag_sentence(verb: str, numbers: Sequence[str | None], element: str, assessment: str) -> str:
    """The status bar after tagging: ``Tagged ¶¶ 5-7 with Knowingly benefited (factual)``."""
    if verb == "Removed":
        return f"Removed {element} from {para_span(numbers)}"
    return f"{verb} {para_span(numbers)} with {element} ({assessment.replace('-', ' ')})"


class TagMarksController:
    """Keeps the page view's and the outline's marks in step with the open document."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.by_para: dict[int, list[Mark]] = {}

    def refresh(self) -> None:
        """Re-read the open document's tags (after any tagging, claim edit, undo or redo)."""
        w = self.window
        by_page: dict[int, list[Mark]] = {}
        if w.matter is None or w.doc_id is None:
            self.by_para = {}
        else:
            self.by_para, by_page = document_marks(w.matter, w.doc_id)
        w.page_view.set_tag_marks(
            {pid: [(m.colour, m.conclusory) for m in ms] for pid, ms in self.by_para.items()},
            {page: [(m.colour, m.conclusory) for m in ms] for page, ms in by_page.items()},
        )
        if w.outline_model is not None:
            w.outline_model.set_marks(self.by_para)
        pid = w.current_pid() if w.outline_model is not None else None
        self.show_selected(pid)

    def colour_chart(self) -> None:
        """A chip in each element's colour before its row in the proof chart: the legend of
        the bars on the page."""
        matter, model = self.window.matter, self.window.claims_panel.model
        if matter is None:
            return
        chips = {
            f"{c.key}.{e.key}": _chip(colours[e.id][2])
            for colours in [element_colours(matter)]
            for c in list_claims(matter)
            for e in c.elements
        }
        pending = [model.invisibleRootItem()]
        while pending:
            item = pending.pop()
            for row in range(item.rowCount()):
                child = item.child(row, 0)
                if child is None:
                    continue
                if child.toolTip() in chips:
                    child.setIcon(chips[child.toolTip()])
                pending.append(child)

    def show_selected(self, pid: int | None) -> None:
        """The Proof chart dock's line on the selected paragraph and its tags."""
        try:
            text = self.paragraph_status(pid) if pid is not None else ""
        except NotFoundError:  # deleted since it was selected
            text = ""
        self.window.claims_panel.selected.setText(f"Selected: {text}" if text else "")

    def summary_of(self, pid: int) -> str:
        return summary(self.by_para.get(pid, []))

    def paragraph_status(self, pid: int) -> str:
        """The status bar for a selected paragraph: its pin cite and its tags."""
        matter = self.window.matter
        if matter is None:
            return ""
        return f"{paragraph_by_id(matter, pid).cite} — {self.summary_of(pid)}"

    def paragraph_selected(self, pid: int) -> str:
        """A paragraph was selected: the dock's line follows; returns the status bar's."""
        self.show_selected(pid)
        return self.paragraph_status(pid)


def _chip(colour: QColor) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(colour)
    return QIcon(pixmap)
