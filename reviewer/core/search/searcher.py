"""Searching an open index: ranked or document-order hits with snippets, exact counts per
document, and more-like-this."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from whoosh import index as windex
from whoosh import query as wq

from reviewer.core.errors import IndexStaleError, ReviewerError
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Connection, Matter
from reviewer.core.records import Hit, SearchResult
from reviewer.core.search import highlight
from reviewer.core.search import query as q
from reviewer.core.search.index import check, ensure_current
from reviewer.core.search.translate import _Translator


class SearchIndex:
    """An open index with one searcher kept for the life of the object (refresh after writes)."""

    def __init__(self, matter: Matter) -> None:
        self.matter = matter
        self._ix = windex.open_dir(str(matter.index_dir))
        self._searcher = self._ix.searcher()
        pairs = self._ix.schema["pairs"].analyzer
        self._common = frozenset(getattr(pairs, "common", ()))

    @classmethod
    def open(cls, matter: Matter, *, rebuild: bool = True) -> SearchIndex:
        """Open the index; one that disagrees with the matter is rebuilt first when the matter
        is open for writing and ``rebuild`` is set, else IndexStaleError says why."""
        problem = check(matter)
        if problem is not None:
            if matter.readonly or not rebuild:
                raise IndexStaleError(
                    f"{matter.path}: the search index is out of date ({problem}); "
                    f"run: reviewer reindex {matter.path}"
                )
            ensure_current(matter)
        return cls(matter)

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._searcher.close()
        self._ix.close()

    def refresh(self) -> None:
        """See documents committed since the searcher was opened."""
        self._searcher = self._searcher.refresh()

    def whoosh_query(self, node: q.Node) -> Any:
        """The Whoosh query for a parsed query (benchmarks compare it with raw Whoosh)."""
        return _Translator(self._searcher.reader(), self.matter, self._common)(node)

    def _query(self, query: str, syntax: str, doc: str | int | None) -> tuple[q.Node, Any]:
        node = q.parse(query, syntax)
        wquery = self.whoosh_query(node)
        if doc is not None:
            wquery = wq.And([wquery, wq.Term("doc", str(find_document(self.matter, doc).id))])
        return node, wquery

    def search(
        self,
        query: str,
        syntax: str = "natural",
        doc: str | int | None = None,
        order: str = "rank",
        limit: int | None = 50,
        counts: bool = False,
    ) -> SearchResult:
        """Run ``query``; hits ranked by BM25 (``rank``) or in ``document`` order, at most
        ``limit`` of them (None: all) with snippets. ``total`` and ``per_doc`` count every
        match when ``limit`` is None or ``counts`` is set; otherwise they are None and {}:
        counting is a second pass over all matches, which ``count`` makes on its own."""
        if order not in ("rank", "document"):
            raise ReviewerError(f"order must be rank or document, not {order!r}")
        node, wquery = self._query(query, syntax, doc)
        results = self._searcher.search(
            wquery,
            limit=None if limit is None else max(limit, 1),
            sortedby="ord" if order == "document" else None,
        )
        scored = order == "rank"
        found = [(hit["pid"], hit.score if scored else None) for hit in results][:limit]
        hits = _hits(self.matter.db.conn, node, found)
        total: int | None = None
        per_doc: dict[int, int] = {}
        if limit is None:
            total, per_doc = self._per_doc(results.docs())
        elif counts:
            total, per_doc = self._per_doc(self._searcher.docs_for_query(wquery))
        names = dict(self.matter.db.execute("SELECT id, file_name FROM documents").fetchall())
        files = {d: names.get(d, "?") for d in {*per_doc, *(h.doc_id for h in hits)}}
        return SearchResult(query, syntax, order, total, per_doc, hits, files)

    def count(
        self, query: str, syntax: str = "natural", doc: str | int | None = None
    ) -> tuple[int, dict[int, int]]:
        """Every match of ``query``: how many in all, and how many in each document."""
        _, wquery = self._query(query, syntax, doc)
        return self._per_doc(self._searcher.docs_for_query(wquery))

    def _per_doc(self, docnums: Iterable[int]) -> tuple[int, dict[int, int]]:
        column = self._searcher.reader().column_reader("doc")
        per_doc = Counter(int(column[n]) for n in docnums)
        return sum(per_doc.values()), dict(per_doc)

    def similar(
        self, pids: list[int], limit: int = 50, numterms: int = 15
    ) -> list[tuple[int, float]]:
        """Paragraph ids most like the paragraphs ``pids`` (more-like-this: their key terms,
        weighted by how rare they are in the matter), best first, with scores."""
        marks = ",".join("?" * len(pids))
        rows = self.matter.db.execute(f"SELECT text FROM paragraphs WHERE id IN ({marks})", pids)
        text = "\n".join(r[0] for r in rows)
        if not text.strip():
            return []
        terms = self._searcher.key_terms_from_text("body", text, numterms=numterms + 1)
        terms = [(t, w) for t, w in terms if not t.isdigit()][:numterms]
        if not terms:
            return []
        query = wq.Or([wq.Term("body", t, boost=w) for t, w in terms])
        return [(hit["pid"], hit.score) for hit in self._searcher.search(query, limit=limit)]


_HIT_ROWS = """SELECT p.id, p.doc_id, d.file_name, p.seq, p.number, p.kind, p.cite,
    p.page_start, p.page_end, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id
    WHERE p.id IN ({})"""


def _hits(conn: Connection, node: q.Node, found: Iterable[tuple[int, float | None]]) -> list[Hit]:
    found = list(found)
    rows: dict[int, tuple[Any, ...]] = {}
    for start in range(0, len(found), 500):
        chunk = [pid for pid, _ in found[start : start + 500]]
        sql = _HIT_ROWS.format(",".join("?" * len(chunk)))
        rows.update({r[0]: tuple(r) for r in conn.execute(sql, chunk)})
    hits = []
    for pid, score in found:
        row = rows.get(pid)
        if row is None:  # deleted since the searcher opened
            continue
        ranges, snippet = highlight.marked(node, row[-1])
        pid_, doc, name, seq, number, kind, cite, first, last = row[:9]
        hits.append(
            Hit(
                pid_,
                doc,
                name,
                seq,
                number,
                kind,
                cite,
                first,
                last,
                score,
                row[-1],
                snippet,
                ranges,
            )
        )
    return hits
