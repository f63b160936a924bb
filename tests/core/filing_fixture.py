"""Generated filings for segmentation tests: a small builder that sets lines on Letter pages
with PyMuPDF (double-spaced body, paragraph numbers at a first-line indent, centred or bold
headings, sideways margin text, stamps), so each failure class has a PDF of its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

LEFT, RIGHT, TOP, BOTTOM, PITCH = 72.0, 540.0, 72.0, 700.0, 24.0


@dataclass
class Filing:
    pages: list[list[tuple]] = field(default_factory=lambda: [[]])  # type: ignore[type-arg]
    y: float = TOP

    def _put(self, text: str, x: float, *, bold: bool = False, size: float = 12) -> None:
        if self.y > BOTTOM:
            self.new_page()
        self.pages[-1].append(("text", text, x, self.y, bold, size))

    def new_page(self) -> Filing:
        self.pages.append([])
        self.y = TOP
        return self

    def line(self, text: str, x: float = LEFT, *, bold: bool = False, size: float = 12,
             pitch: float = PITCH) -> Filing:  # fmt: skip
        self._put(text, x, bold=bold, size=size)
        self.y += pitch
        return self

    def centred(self, text: str, *, bold: bool = True) -> Filing:
        width = pymupdf.get_text_length(text, "hebo" if bold else "helv", 12)
        return self.line(text, (LEFT + RIGHT - width) / 2, bold=bold)

    def para(self, number: int | None, lines: list[str]) -> Filing:
        """A paragraph: its number at the first-line indent, text after a tab, the rest of
        its lines at the left margin."""
        if number is not None:
            self._put(f"{number}.", LEFT + 36)
            self._put(lines[0], LEFT + 72)
            self.y += PITCH
            lines = lines[1:]
        for t in lines:
            self.line(t)
        return self

    def at(self, text: str, x: float, y: float, *, rotate: int = 0, size: float = 10) -> Filing:
        """Text at a fixed place on the current page (stamps, footers, margin text)."""
        self.pages[-1].append(("at", text, x, y, rotate, size))
        return self

    def every_page(self, text: str, x: float, y: float, *, rotate: int = 0) -> Filing:
        for items in self.pages:
            items.append(("at", text, x, y, rotate, 9))
        return self

    def save(self, path: Path) -> Path:
        doc = pymupdf.open()
        for items in self.pages:
            page = doc.new_page(width=612, height=792)
            for kind, text, x, y, a, size in items:
                if kind == "text":
                    font = "hebo" if a else "helv"
                    page.insert_text((x, y + size), text, fontname=font, fontsize=size)
                else:
                    page.insert_text((x, y), text, fontsize=size, rotate=a)
        doc.save(path)
        doc.close()
        return path


_TEXT = (
    "Plaintiff alleges that the defendant knew of the defect and concealed it from the "
    "buyers of its products for many years before the recall was announced to the public "
    "and the regulators who oversee the industry in this district and elsewhere"
)
WORDS = tuple(_TEXT.split(" "))


def _fill(words: list[str], width: float) -> str:
    out: list[str] = []
    for w in words:
        if pymupdf.get_text_length(" ".join([*out, w]), "helv", 12) > width:
            break
        out.append(w)
    return " ".join(out)


def prose(n_lines: int, end: str = ".", seed: int = 0) -> list[str]:
    """``n_lines`` lines of plain prose filling the measure (the first leaves room for a
    paragraph number); the last is short and ends with ``end``."""
    out = []
    for i in range(n_lines):
        words = [WORDS[(seed + i * 7 + k) % len(WORDS)] for k in range(30)]
        out.append(_fill(words, (RIGHT - LEFT - 72) if i == 0 else (RIGHT - LEFT - 4)))
    out[0] = out[0][:1].upper() + out[0][1:]
    out[-1] = " ".join(out[-1].split()[:8]) + end
    return out
