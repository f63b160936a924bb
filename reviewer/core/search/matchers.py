"""Whoosh matchers and queries patched where Whoosh 2.7 is wrong or slow: size estimates for
spans under ``And``, an ``AndNot`` that kept a first paragraph holding the excluded words, a
``DisjunctionMax`` that scored a paragraph with another one's score, and the same-sentence
test read from a column of sentence breaks; ``AnyOf``, a wildcard's words as one union."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from typing import Any

from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher, binary
from whoosh.query import spans


class _Sized:
    """Whoosh's SpanNear, SpanNot and SpanOr cannot estimate their size, which ``And`` needs
    to order its parts (``NotImplementedError`` for ``a w/3 b & c``); their wrapped ``q``
    can (an overestimate is allowed)."""

    q: Any

    def estimate_size(self, reader: Any) -> int:
        return int(self.q.estimate_size(reader))


class _SpanNear(_Sized, spans.SpanNear):
    pass


class _AndNotMatcher(binary.AndNotMatcher):
    """Whoosh's skips its first step when the excluded side starts before the other, and so
    keeps a first paragraph that holds the excluded words."""

    def _find_first(self) -> None:
        if self.a.is_active() and self.b.is_active():
            self._find_next()


class _AndNot(wq.AndNot):
    def matcher(self, searcher: Any, context: Any = None) -> Any:
        excluded = self.b.matcher(searcher, searcher.boolean_context())
        return _AndNotMatcher(self.a.matcher(searcher, context), excluded)


class _SpanOr(_Sized, spans.SpanOr):
    pass


class _DisMaxMatcher(binary.DisjunctionMaxMatcher):
    """Whoosh's scores a document by the better of both sides even when one side sits on
    another document (the paragraph got that one's score), and after a quality replace it
    drops the union when either side ran out. Here only the sides on the current document
    count, and a side that ran out leaves the other."""

    def score(self) -> float:
        a, b = self.a, self.b
        if not a.is_active() or (b.is_active() and b.id() < a.id()):
            return float(b.score())
        if not b.is_active() or a.id() < b.id():
            return float(a.score())
        return max(float(a.score()), float(b.score()))

    def replace(self, minquality: float = 0) -> Any:
        # Each side drops itself when it cannot reach ``minquality`` (the union takes the
        # max, so a side below it can never lift a document above it).
        a, b = self.a.replace(minquality), self.b.replace(minquality)
        if not a.is_active():
            return b
        if not b.is_active():
            return a
        if a is self.a and b is self.b:
            return self
        return self.__class__(a, b, tiebreak=self.tiebreak)


class _DisjunctionMax(wq.DisjunctionMax):
    """One word in several forms, scored by its best form in the paragraph."""

    def _matcher(self, subs: Any, searcher: Any, context: Any) -> Any:
        reader = searcher.reader()
        return self._tree_matcher(
            subs, _DisMaxMatcher, searcher, context, lambda q: q.estimate_size(reader),
            tiebreak=self.tiebreak,
        )  # fmt: skip


class _SameSentence(_Sized, spans.WrappingSpan):
    """The spans of ``q`` that hold no sentence break, read from the ``breaks`` column (one
    small array per paragraph) instead of walking a break token's positions (a term in
    nearly every paragraph)."""

    def __init__(self, q: Any) -> None:
        self.q = q

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _SameSentence) and other.q == self.q

    def __hash__(self) -> int:
        return hash(self.q) ^ 0x5E17

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        breaks = reader.column_reader("breaks") if reader.has_column("breaks") else None
        return _SameSentence._Matcher(self._subm(searcher, context), breaks)

    class _Matcher(spans.SpanWrappingMatcher):
        def __init__(self, child: Any, breaks: Any) -> None:
            self.breaks = breaks
            super().__init__(child)

        def copy(self) -> Any:
            return self.__class__(self.child.copy(), self.breaks)

        def _replacement(self, newchild: Any) -> Any:
            return self.__class__(newchild, self.breaks)

        def _get_spans(self) -> list[Any]:
            found = self.child.spans()
            raw = self.breaks[self.child.id()] if self.breaks is not None and found else b""
            if not raw:
                return list(found)
            cuts = array("I", raw)
            return [s for s in found if not _crosses(cuts, s.start, s.end)]


def _crosses(cuts: array[int], start: int, end: int) -> bool:
    i = bisect_right(cuts, start)
    return i < len(cuts) and cuts[i] < end


class AnyOf(wq.Query):  # type: ignore[misc]
    """Paragraphs holding any of several words (a wildcard's expansion), every one scoring
    ``score``: as Whoosh's and Lucene's wildcard queries, which rank by the query's other
    words. The union is read block by block, not merged a posting at a time."""

    def __init__(self, fieldname: str, words: list[str], score: float = 1.0) -> None:
        self.fieldname, self.words, self.score, self.boost = fieldname, tuple(words), score, 1.0

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AnyOf) and (other.fieldname, other.words) == (
            self.fieldname,
            self.words,
        )

    def __hash__(self) -> int:
        return hash((self.fieldname, self.words))

    def __unicode__(self) -> str:
        return f"AnyOf({self.fieldname}: {len(self.words)} words)"

    __str__ = __unicode__

    def estimate_size(self, ixreader: Any) -> int:
        return sum(ixreader.doc_frequency(self.fieldname, w) for w in self.words)

    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        ids: set[int] = set()
        for w in self.words:
            if reader.doc_frequency(self.fieldname, w):
                ids.update(reader.postings(self.fieldname, w).all_ids())
        if not ids:
            return NullMatcher()
        return ListMatcher(sorted(ids), all_weights=self.score)
