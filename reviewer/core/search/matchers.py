"""Whoosh matchers and queries patched where Whoosh 2.7 is wrong or slow: size estimates for
spans under ``And``, ``AndNot`` and ``SpanNot`` that lose or add hits after a skip."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.matching import ReadTooFar, binary
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


class _InStepMatcher(binary.AndMaybeMatcher):
    """AndMaybe whose ``skip_to`` brings ``b`` to where ``a`` landed; Whoosh's brings it only
    to the id asked for, so after a skip SpanNot no longer sees the sentence breaks."""

    def skip_to(self, id: int) -> bool:
        if not self.a.is_active():
            raise ReadTooFar
        moved = bool(self.a.skip_to(id))
        if self.a.is_active() and self.b.is_active():
            moved = bool(self.b.skip_to(self.a.id())) or moved
        return moved


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


class _SpanNot(_Sized, spans.SpanNot):
    class _Matcher(spans.SpanNot._Matcher):
        def __init__(self, a: Any, b: Any) -> None:
            self.a, self.b = a, b
            spans.SpanBiMatcher.__init__(self, _InStepMatcher(a, b))

        def _get_spans(self) -> list[Any]:
            if self.b.is_active() and self.a.id() == self.b.id():
                return list(super()._get_spans())
            return list(self.a.spans())


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
