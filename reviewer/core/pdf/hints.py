"""What a page's text extraction already tells the bad-redaction check, so that it reads a
page's text trace (its costliest step) only where a finding is possible.

While ``read`` walks a page's ``get_text("dict")`` spans, ``TextHints`` keeps each span's box,
gray level and letters-and-digits count, and the distinct letters of invisible text. The
check's drawing log gives the ink box of every text drawn, in drawing order, and says
whether the page uses ActualText (the text page then holds other text than the glyphs).
``may_hide`` answers from these whether any cover could have a letter or digit under it
that was drawn before it (or in its own colour): a span that reaches under the cover far
enough for a glyph's core band to be 60 % inside, across whose middle lies ink on the cover
of text drawn before it. It errs on the side of "yes": a page it clears is one the full
check clears too. The margins below allow for the small differences between a span's box in
the text page and a glyph's box in the text trace, for ink that sits off a line's middle,
and between a colour converted to RGB and the gray the check computes from the colour as
drawn."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reviewer.core.pdf.drawlog import DrawLog

_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum

_MARGIN = 3.0  # points round a cover within which a turned span is taken to meet it
_SLACK = 1.0  # points a span's box may differ from its glyphs' boxes in the text trace (height)
_SLACK_X = 0.25  # the same across: both are made of the glyphs' advances
_NARROW = 0.06  # 60 % of a glyph 0.1 of the line height wide ('i' is ~0.2)
_INK = 0.5  # points round a cover within which a glyph's ink is taken to meet it
_MID = 0.2  # share of a line's height by which ink may miss the line's middle (a low x-height)
_GRAY_SLACK = 0.5  # |text gray - cover gray| below which text drawn on top may be hidden
_FAINT = 26  # alpha (0-255) below which a span may be invisible (the check: opacity < 0.05)
_TEXT = frozenset(("fill-text", "stroke-text", "ignore-text"))


@dataclass(slots=True)
class TextHints:
    """One page's spans as the check needs them."""

    # x0, y0, x1, y1, gray, letters and digits (1, or 2 for two and more), straight
    spans: list[tuple[float, float, float, float, float, int, bool]] = field(default_factory=list)
    invisible: set[str] = field(default_factory=set)  # casefolded letters and digits
    complete: bool = True  # False: the page could not be read whole (nothing may be cleared)

    def add(self, span: dict[str, Any], straight: bool = True) -> None:
        """Keep what the check may need of one ``dict`` span (``straight``: its line runs
        left to right; a turned span is kept as meeting every cover it comes near)."""
        text = span["text"]
        first = _ALNUM.search(text)
        if first is None:
            return
        alnum = 2 if _ALNUM.search(text, first.end()) else 1  # one, or two and more
        c = span["color"]
        gray = (0.3 * (c >> 16 & 255) + 0.59 * (c >> 8 & 255) + 0.11 * (c & 255)) / 255
        x0, y0, x1, y1 = span["bbox"]
        self.spans.append((x0, y0, x1, y1, gray, alnum, straight))
        if span.get("alpha", 255) < _FAINT or not span.get("char_flags", 16) & 48:
            self.invisible.update(ch.casefold() for ch in text if ch.isalnum())


def may_hide(hints: TextHints, covers: list[Any], log: DrawLog) -> bool:
    """Whether the full check could report anything on this page (see the module text).
    ``covers``: the check's covers (``rect``, ``seqno``, ``gray``, ``forced``); ``log``: the
    page's drawing log, whose text entries carry their glyphs' (ink) boxes."""
    if not hints.complete or len(hints.invisible) >= 4:
        return True  # unread text, or invisible text with letters enough for a dark area
    if covers and log.actual_text:
        return True  # the text page holds ActualText in place of some glyphs: trace them
    inked = [(i, box) for i, (kind, box) in enumerate(log) if kind in _TEXT and box]
    return any(cover.forced or _may_hide_under(hints, cover, inked) for cover in covers)


def _may_hide_under(hints: TextHints, cover: Any, inked: list[tuple[int, Any]]) -> bool:
    """Whether two letters or digits may be hidden under ``cover``. A glyph with 60 % of its
    core band under the cover has ink on the cover, inside the ink box of the text drawn
    with it; so a span counts when it reaches under the cover and ink of text drawn before
    the cover (or of any text, for a span in the cover's own colour) lies on the cover
    across the span's middle."""
    r, gray = cover.rect, cover.gray
    ink = [(i, b) for i, b in inked if _meets(b, r, _INK)]
    if not ink:
        return False  # no glyph has ink on the cover
    alnum = 0
    for span in hints.spans:
        if not span[5] or not _under(span, r):
            continue
        h = span[3] - span[1]
        mid, reach = (span[1] + span[3]) / 2, _MID * h
        inks = [(i, b) for i, b in ink if b[1] - reach <= mid <= b[3] + reach]
        if not inks:
            continue
        same = gray is not None and abs(span[4] - gray) < _GRAY_SLACK
        if same or any(i < cover.seqno for i, _ in inks):
            alnum += span[5]
            if alnum >= 2:
                return True
    return False


def _meets(box: Any, r: Any, margin: float) -> bool:
    """Whether ``box`` (a 4-tuple) meets ``r`` (a Rect or a tuple) grown by ``margin``."""
    x0, y0, x1, y1 = r[0] - margin, r[1] - margin, r[2] + margin, r[3] + margin
    return box is not None and box[0] < x1 and box[2] > x0 and box[1] < y1 and box[3] > y0


def _under(span: tuple[float, float, float, float, float, int, bool], r: Any) -> bool:
    """Whether a glyph of ``span`` could have 60 % of its core band (the middle half of its
    height) inside ``r``: the span must reach into ``r`` across at least 60 % of a narrow
    glyph's width and down 60 % of the core band, less the slack."""
    x0, y0, x1, y1, _, _, straight = span
    if not straight:
        m = _MARGIN
        return not (x0 > r.x1 + m or x1 < r.x0 - m or y0 > r.y1 + m or y1 < r.y0 - m)
    h = y1 - y0
    across = min(x1, r.x1) - max(x0, r.x0)
    band0, band1 = y0 + h / 4, y1 - h / 4
    down = min(band1, r.y1) - max(band0, r.y0)
    return across >= _NARROW * h - _SLACK_X and down >= 0.3 * h - _SLACK
