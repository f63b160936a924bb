"""Typesetting helpers of the sample filings: line wrapping with footnote marks, snapping to
pleading lines, typographic quotes and dashes."""

from __future__ import annotations

import re
from collections.abc import Callable

_Token = tuple[str, int]  # (word, footnote number it carries or 0)


def _wrap(
    tokens: list[_Token], width: Callable[[_Token], float], space: float, xs: tuple[float, ...]
) -> list[tuple[float, list[_Token]]]:
    """Greedy line breaking by measured width; xs = (first_x, rest_x, right)."""
    first_x, rest_x, right = xs
    lines: list[tuple[float, list[_Token]]] = []
    cur: list[_Token] = []
    x, used = first_x, 0.0
    for tok in tokens:
        w = width(tok)
        if cur and used + space + w > right - x:
            lines.append((x, cur))
            cur, x, used = [], rest_x, 0.0
        used += w + (space if cur else 0.0)
        cur.append(tok)
    if cur:
        lines.append((x, cur))
    return lines


def _smarten(s: str) -> str:
    """ASCII script text -> typeset text: curly quotes and em dashes."""
    s = re.sub(r'(^|[\s(\[])"', "\\1\u201c", s.replace("--", "\u2014"))
    s = re.sub(r"(^|[\s(\[])'", "\\1\u2018", s.replace('"', "\u201d"))
    return s.replace("'", "\u2019")


def _words(text: str) -> list[str]:
    """Split typeset text into words that may not break across lines ("§ 1595", "18 U.S.C.")."""
    out: list[str] = []
    for word in text.split():
        if out and (out[-1] in ("§", "§§") or (word == "U.S.C." and out[-1].isdigit())):
            out[-1] += " " + word
        else:
            out.append(word)
    return out
