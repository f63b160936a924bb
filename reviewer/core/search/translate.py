"""The query model (``reviewer.core.search.query``) translated to Whoosh queries over one reader."""

from __future__ import annotations

from typing import Any

from whoosh import query as wq
from whoosh.query import spans

from reviewer.core.errors import NotFoundError, ReviewerError
from reviewer.core.ingest import classify
from reviewer.core.matter.store import Matter
from reviewer.core.search import exhibit_filter, highlight
from reviewer.core.search import query as q
from reviewer.core.search.index import STEM
from reviewer.core.search.matchers import (
    AnyOf,
    _AndNot,
    _DisjunctionMax,
    _SameSentence,
    _SpanNear,
    _SpanOr,
)
from reviewer.core.search.text import plural_forms, query_words, stem

MAX_EXPANSION = 1000
_FAR = 1 << 24  # "anywhere in the paragraph" for same-sentence spans


class _Translator:
    """The query model → Whoosh queries over one reader."""

    def __init__(self, reader: Any, db: Matter, common: frozenset[str] = frozenset()) -> None:
        self.reader, self.matter, self.common = reader, db, common

    def expand(self, pattern: str, root: bool, query_text: str) -> list[str]:
        prefix = pattern.split("*")[0].split("?")[0].split("_")[0]
        test = (lambda w: True) if root else highlight._pattern(pattern).fullmatch
        found = []
        for term in self.reader.expand_prefix("body", prefix):
            word = term.decode("utf-8") if isinstance(term, bytes) else term
            if test(word):
                found.append(word)
                if len(found) > MAX_EXPANSION:
                    raise ReviewerError(
                        f"{query_text!r} matches more than {MAX_EXPANSION:,} different words; "
                        "add letters before the wildcard."
                    )
        return found

    def leaf(self, node: q.Term | q.Phrase, span: bool) -> Any:
        wild = isinstance(node, q.Term) and (node.root or any(c in node.text for c in "*?_"))
        if isinstance(node, q.Term) and not wild:
            if node.forms:
                return self.forms(plural_forms(node.text), span)
            root = stem(node.text)
            if stem(root) != root:
                return wq.Term("body", STEM + root)
            return self.forms((STEM + root, root), span)
        if isinstance(node, q.Term):
            return self.alternatives(node.text, node.root, span)
        if all(not any(c in w for c in "*?_") for w in node.words):
            if len(node.words) == 1:
                return wq.Term("body", node.words[0])
            if len(node.words) == 2 and not span and self.common.issuperset(node.words):
                return wq.Term("pairs", " ".join(node.words))  # exact: the pair is indexed
            return wq.Phrase("body", list(node.words), slop=2)
        parts = [self.alternatives(w, False, True) for w in node.words]
        if any(p is wq.NullQuery for p in parts):
            return wq.NullQuery
        if len(parts) == 1:
            return parts[0]
        return spans.SpanNear2(parts, slop=2, ordered=True, mindist=2)

    def forms(self, forms: tuple[str, ...], span: bool) -> Any:
        """One word in the ``forms`` the index holds; scored by the best form."""
        terms = [wq.Term("body", t) for t in forms if self.reader.doc_frequency("body", t)]
        if len(terms) < 2:  # one form (or none) in the index: no union to merge
            return terms[0] if terms else wq.NullQuery
        if span:
            return _SpanOr(terms)
        # Scored by the better form, not the sum, which lets Whoosh skip blocks that cannot
        # reach the top hits (OR p95 at 100k: 199 -> 61 ms).
        return _DisjunctionMax(terms)

    def alternatives(self, text: str, root: bool, span: bool) -> Any:
        found = self.expand(text, root, text + ("!" if root else ""))
        if not found:
            return wq.NullQuery
        if len(found) == 1:
            return wq.Term("body", found[0])
        if span:
            return _SpanOr([wq.Term("body", w) for w in found])
        return AnyOf("body", found)  # not ranked by which word matched: Whoosh's Prefix

    def __call__(self, node: q.Node, span: bool = False) -> Any:
        if isinstance(node, q.Term | q.Phrase):
            return self.leaf(node, span)
        if isinstance(node, q.Or):
            items = [self(n, span) for n in node.items]
            items = [i for i in items if i is not wq.NullQuery] or [wq.NullQuery]
            if len(items) == 1:
                return items[0]
            return _SpanOr(items) if span else wq.Or(items)
        if isinstance(node, q.And):
            return wq.And([self(n) for n in node.items])
        if isinstance(node, q.Not):
            left = wq.Every() if node.left is None else self(node.left)
            return _AndNot(left, self(node.right))
        if isinstance(node, q.Filter):
            return wq.ConstantScoreQuery(self.filter(node), 0.0)
        if isinstance(node, q.Same) and node.unit == "paragraph" and not node.ordered:
            return wq.And([self(node.left), self(node.right)])
        return self.proximity(node)

    def proximity(self, node: q.Node) -> Any:
        assert isinstance(node, q.Near | q.Same)
        a, b = self(node.left, True), self(node.right, True)
        if a is wq.NullQuery or b is wq.NullQuery:
            return wq.NullQuery
        if isinstance(node, q.Near):
            return _SpanNear(a, b, slop=2 * node.distance, ordered=node.ordered)
        near = _SpanNear(a, b, slop=_FAR, ordered=node.ordered)
        if node.unit == "paragraph":
            return near
        return _SameSentence(near)

    def filter(self, node: q.Filter) -> Any:
        low, high = node.low, node.high
        if node.field == "kind":
            return wq.Term("kind", low)
        if node.field == "doc":
            return self.doc_filter(node)
        if node.field == "filed":
            if high is None:
                return wq.Prefix("filed", low)
            return wq.TermRange("filed", low or None, (high + "\uffff") if high else None)
        if node.field == "count":
            return self.count_filter(node)
        if node.field == "exhibit":
            return exhibit_filter.exhibit_query(self.matter, node.low)
        if node.field == "page":
            p1, p2 = _int(node, low), _int(node, high if high is not None else low)
            return wq.And(
                [wq.NumericRange("page_start", None, p2), wq.NumericRange("page_end", p1, None)]
            )
        return wq.NumericRange(
            "para", _int(node, low), _int(node, high if high is not None else low)
        )

    def doc_filter(self, node: q.Filter) -> Any:
        if node.high is not None:
            ids = self.matter.db.execute(
                "SELECT id FROM documents WHERE id BETWEEN ? AND ?",
                [_int(node, node.low) or 0, _int(node, node.high) or 1 << 62],
            )
        elif node.low.isdigit():
            ids = self.matter.db.execute("SELECT id FROM documents WHERE id = ?", [int(node.low)])
        else:
            ids = self.matter.db.execute(
                "SELECT id FROM documents WHERE lower(file_name) LIKE ? || '%' ESCAPE '\\'",
                [node.low.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")],
            )
        terms = [wq.Term("doc", str(r[0])) for r in ids]
        if not terms:
            raise NotFoundError(f"doc:{node.low}: no document of {self.matter.name} matches.")
        return wq.Or(terms)

    def count_filter(self, node: q.Filter) -> Any:
        if node.high is not None or classify.ordinal(node.low) is not None:
            low = classify.ordinal(node.low) if node.low else None
            high = classify.ordinal(node.high) if node.high else None
            return wq.NumericRange("count_no", low, low if node.high is None else high)
        return wq.And([wq.Term("count_words", stem(w)) for w in query_words(node.low)])


def _int(node: q.Filter, value: str | None) -> int | None:
    if not value:
        return None
    if not value.isdigit():
        raise ReviewerError(f"{node.field}:{value}: {node.field} takes a number or a range a..b.")
    return int(value)
