"""Which words of a hit to mark, and the snippet shown for it.

The index says *that* a paragraph matches; this module finds *where*, by evaluating the query
model over the paragraph's words (``text.words``) with the index's semantics, and keeps only
the occurrences that take part in a match: the words of a phrase, the pair of a ``w/5`` that
is within 5 words, not every stray ``or``. Filters and ``NOT`` sides mark nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from reviewer.core.search import query as q
from reviewer.core.search.text import Word, plural_forms, stem, words

SNIPPET_WORDS = 40
MARK = "**"


@dataclass(frozen=True, slots=True)
class Occ:
    """One occurrence: word span ``start``..``end`` and the word indices it marks."""

    start: int
    end: int
    marks: frozenset[int]


@lru_cache(maxsize=4096)
def _pattern(text: str) -> re.Pattern[str]:
    pattern = re.escape(text).replace(r"\*", ".*").replace(r"\?", ".")
    return re.compile(pattern.replace("_", ".?"))  # words never hold "_": a wildcard


def word_matches(term: q.Term, word: str) -> bool:
    return _word_test(term)(word)


@lru_cache(maxsize=1024)
def _word_test(term: q.Term) -> Callable[[str], bool]:
    """The test a paragraph's words go through for ``term``, worked out once per term."""
    if term.root:
        return lambda word: word.startswith(term.text)
    if term.forms:
        return frozenset(plural_forms(term.text)).__contains__
    if any(c in term.text for c in "*?_"):
        match = _pattern(term.text).fullmatch
        return lambda word: match(word) is not None
    root = stem(term.text)
    return lambda word: stem(word) == root


@lru_cache(maxsize=1024)
def _exact_test(pattern: str) -> Callable[[str], bool]:
    if any(c in pattern for c in "*?_"):
        match = _pattern(pattern).fullmatch
        return lambda word: match(word) is not None
    return pattern.__eq__


def _exact(pattern: str, word: str) -> bool:
    return _exact_test(pattern)(word)


class _Evaluator:
    """Evaluates a node over one paragraph's words; None means "does not match"."""

    def __init__(self, ws: list[Word]) -> None:
        self.ws = ws

    def occ(self, node: q.Node, positive: bool = True) -> list[Occ] | None:
        if isinstance(node, q.Term):
            test = _word_test(node)
            found = [Occ(i, i, frozenset((i,))) for i, w in enumerate(self.ws) if test(w.text)]
            return found or None
        if isinstance(node, q.Phrase):
            return self.phrase(node) or None
        if isinstance(node, q.Or):
            parts = [self.occ(n, positive) for n in node.items]
            if all(p is None for p in parts):
                return None
            return _sorted(o for p in parts for o in p or ())
        if isinstance(node, q.And) or (
            isinstance(node, q.Same) and node.unit == "paragraph" and not node.ordered
        ):
            items = node.items if isinstance(node, q.And) else (node.left, node.right)
            parts = [self.occ(n, positive) for n in items]
            return None if any(p is None for p in parts) else [o for p in parts for o in p or ()]
        if isinstance(node, q.Not):
            left = self.occ(node.left, positive) if node.left is not None else []
            return None if left is None or self.occ(node.right, not positive) is not None else left
        if isinstance(node, q.Filter):
            return [] if positive else None  # already applied by the index
        return self.pairs(node) or None

    def phrase(self, node: q.Phrase) -> list[Occ]:
        n, ws = len(node.words), self.ws
        return [
            Occ(i, i + n - 1, frozenset(range(i, i + n)))
            for i in range(len(ws) - n + 1)
            if all(_exact(p, ws[i + k].text) for k, p in enumerate(node.words))
        ]

    def pairs(self, node: q.Node) -> list[Occ]:
        assert isinstance(node, q.Near | q.Same)
        out: set[Occ] = set()
        for a in self.occ(node.left) or ():
            for b in self.occ(node.right) or ():
                if a.end >= b.start and b.end >= a.start:
                    continue  # overlapping: the two sides must be different words
                span = Occ(min(a.start, b.start), max(a.end, b.end), a.marks | b.marks)
                if node.ordered and a.start > b.start:
                    continue
                if isinstance(node, q.Same):
                    if node.unit == "paragraph" or (
                        self.ws[span.start].sentence == self.ws[span.end].sentence
                    ):
                        out.add(span)
                    continue
                gap = b.start - a.end if a.end < b.start else a.start - b.end
                if gap <= node.distance:
                    out.add(span)
        return _sorted(out)


def _sorted(occs: Iterable[Occ]) -> list[Occ]:
    return sorted(occs, key=lambda o: (o.start, o.end))


def marked_words(node: q.Node, text: str) -> tuple[list[Word], set[int]]:
    """The paragraph's words and the indices of those to mark for ``node``."""
    ws = words(text)
    occs = _Evaluator(ws).occ(node) or []
    return ws, {i for o in occs for i in o.marks}


def highlights(node: q.Node, text: str) -> list[tuple[int, int]]:
    """Character ranges of the marked words, in text order."""
    return marked(node, text)[0]


def marked(node: q.Node, text: str) -> tuple[list[tuple[int, int]], str]:
    """The character ranges of the marked words and the snippet, cutting the text once."""
    ws, marks = marked_words(node, text)
    ranges = [(ws[i].start, ws[i].end) for i in sorted(marks)]
    return ranges, snippet(text, ranges, ws=ws)


def snippet(
    text: str,
    ranges: list[tuple[int, int]],
    width: int = SNIPPET_WORDS,
    ws: list[Word] | None = None,
) -> str:
    """About ``width`` words of ``text`` around the densest run of marks, marks in ``**``
    (``ws``: the text's words, when the caller has them already)."""
    ws = words(text) if ws is None else ws
    if len(ws) <= width:
        lo, hi = 0, len(text)
    else:
        starts = [w.start for w in ws]
        first = _densest(starts, ranges, width)
        last = min(first + width, len(ws)) - 1
        lo, hi = ws[first].start, ws[last].end
    out, pos = [], lo
    for s, e in ranges:
        if s >= lo and e <= hi:
            out += [text[pos:s], MARK, text[s:e], MARK]
            pos = e
    out.append(text[pos:hi])
    body = " ".join("".join(out).split())
    return ("… " if lo > 0 else "") + body + (" …" if hi < len(text.rstrip()) else "")


def _densest(starts: list[int], ranges: list[tuple[int, int]], width: int) -> int:
    """The first word of the ``width``-word window holding the most marks (earliest wins)."""
    if not ranges:
        return 0
    import bisect

    idx = [bisect.bisect_right(starts, s) - 1 for s, _ in ranges]
    best, best_count = max(0, idx[0] - width // 4), 0
    for i in idx:
        first = max(0, i - width // 4)
        count = sum(1 for j in idx if first <= j < first + width)
        if count > best_count:
            best, best_count = first, count
    return min(best, max(0, len(starts) - width))
