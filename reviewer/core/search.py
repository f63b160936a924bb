"""The search index: the only module that imports Whoosh. SQLite stays the truth.

One Whoosh document per paragraph. The ``body`` field holds each word exact (``ventures``)
and, where its stem differs, stemmed (``~ventur``) at the same position, so phrases,
wildcards and stemmed terms combine freely in proximity queries; a stemmed term ``S`` is
``~S`` or the exact word ``S`` when ``S`` is its own stem. Words sit on even positions; a
sentence break is a ``~|`` token on the odd position between two sentences, so "same
sentence" is "a span that holds no break". Filters are fields of their own.
``INDEX_VERSION`` and the matter's content version are stored beside the index; an index
that disagrees with the matter is never used.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh import query as wq
from whoosh.analysis import Token, Tokenizer
from whoosh.columns import NumericColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.matching import ReadTooFar, binary
from whoosh.query import spans

from reviewer.core import classify, highlight, opening
from reviewer.core import query as q
from reviewer.core.documents import find_document
from reviewer.core.errors import IndexStaleError, NotFoundError, ReviewerError
from reviewer.core.matter import Matter
from reviewer.core.records import Hit, Progress, SearchResult
from reviewer.core.text import query_words, stem, words

INDEX_VERSION = 1
STATE_FILE = "reviewer-index.json"
STEM, BREAK = "~", "~|"
MAX_EXPANSION = 1000
_FAR = 1 << 24  # "anywhere in the paragraph" for same-sentence spans
_MULTI_PROCESS_FROM = 20_000  # paragraphs; below this a worker pool costs more than it saves
# A Whoosh writer keeps postings in memory until they pass ``limitmb`` and then sorts them in
# one call that holds the GIL. At the default (128 MB) the commit of an import of the corpus
# sorted everything at once and froze the window for ~0.4 s; runs of 4 MB sort in a few ms
# each and are merged from disk at the commit, step by step.
RUN_MB = 4
_ROWS = """SELECT p.id, p.doc_id, p.seq, p.number, p.kind, p.count, p.text, p.page_start,
    p.page_end, d.kind, d.filed FROM paragraphs p JOIN documents d ON d.id = p.doc_id"""


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


class ParagraphTokenizer(Tokenizer):
    """Exact and stemmed word at each even position; a break token between sentences."""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self))

    def __call__(  # type: ignore[override]
        self, value: str, positions: bool = False, chars: bool = False, **kw: Any
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=False, mode=kw.get("mode", ""))
        t.boost, t.stopped = 1.0, False
        base = kw.get("start_pos", 0)
        sentence = 0
        for i, w in enumerate(words(value)):
            if w.sentence != sentence:
                sentence = w.sentence
                t.text, t.pos = BREAK, base + 2 * i - 1
                yield t
            t.text, t.pos = w.text, base + 2 * i
            if chars:
                t.startchar, t.endchar = w.start, w.end
            yield t
            root = stem(w.text)
            if root != w.text:
                t.text = STEM + root
                yield t


def schema() -> Schema:
    """Fields for filters now; tags, elements and privilege join with a version bump."""
    small = {"numtype": int, "bits": 32, "shift_step": 16}  # 2 terms a value, not 8
    return Schema(
        pid=STORED,
        doc=ID(sortable=True),
        ord=COLUMN(NumericColumn("q")),
        kind=ID,
        pkind=ID,
        para=NUMERIC(**small),
        count_no=NUMERIC(**small),
        count_words=KEYWORD,
        page_start=NUMERIC(**small),
        page_end=NUMERIC(**small),
        filed=ID,
        body=TEXT(analyzer=ParagraphTokenizer(), phrase=True),
    )


def _fields(row: tuple[Any, ...]) -> dict[str, Any]:
    pid, doc_id, seq, number, pkind, count, text, p1, p2, kind, filed = row
    fields: dict[str, Any] = {
        "pid": pid,
        "doc": str(doc_id),
        "ord": doc_id * 10_000_000 + seq,
        "kind": kind,
        "pkind": pkind,
        "page_start": p1,
        "page_end": p2,
        "body": text,
    }
    if pkind == "numbered" and number and number.isdigit():
        fields["para"] = int(number)
    if count:
        fields["count_words"] = " ".join(sorted({stem(w.text) for w in words(count)}))
        if (n := classify.count_number(count)) is not None:
            fields["count_no"] = n
    if filed:
        fields["filed"] = filed
    return fields


# -- index state --------------------------------------------------------------------------------
def _content_version(matter: Matter) -> int:
    return int(matter.get_meta("content_version") or 0)


def _paragraph_count(matter: Matter) -> int:
    return int(matter.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0])


def _write_state(folder: Path, matter: Matter) -> None:
    state = {"version": INDEX_VERSION, "content_version": _content_version(matter)}
    tmp = folder / (STATE_FILE + ".part")
    tmp.write_text(json.dumps(state))
    tmp.replace(folder / STATE_FILE)


def check(matter: Matter) -> str | None:
    """Why the index cannot be used as it is, or None when it agrees with the matter."""
    folder = matter.index_dir
    try:
        state = json.loads((folder / STATE_FILE).read_text())
        ix = windex.open_dir(str(folder))
    except FileNotFoundError:
        return "there is no search index yet"
    except Exception as exc:
        return f"the search index cannot be read ({type(exc).__name__})"
    try:
        indexed, expected = ix.doc_count(), _paragraph_count(matter)
    finally:
        ix.close()
    if state.get("version") != INDEX_VERSION:
        return f"the index has version {state.get('version')}, this reviewer uses {INDEX_VERSION}"
    if state.get("content_version") != _content_version(matter):
        return "documents were added or deleted since the index was written"
    if indexed != expected:
        return f"the index holds {indexed} paragraphs, the matter {expected}"
    return None


def reindex(matter: Matter) -> Iterator[Progress]:
    """Rebuild the index from SQLite beside the old one, then swap it in. Holds the index
    lock throughout: another process's index writer waits, as this one waits for it."""
    matter.require_writable()
    with opening.index_lock(matter.path):
        yield from _rebuild(matter)


def ensure_current(matter: Matter) -> None:
    """Rebuild the index if it disagrees with the matter — checked again under the index
    lock, since another process may have brought it up to date while this one waited."""
    with opening.index_lock(matter.path):
        if check(matter) is not None:
            for _ in _rebuild(matter):
                pass


def _rebuild(matter: Matter) -> Iterator[Progress]:
    folder, total = matter.index_dir, _paragraph_count(matter)
    tmp, old = folder.with_name("index.new"), folder.with_name("index.old")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        ix = windex.create_in(str(tmp), schema())
        multi = total >= _MULTI_PROCESS_FROM
        writer = (
            ix.writer(procs=2, multisegment=True, limitmb=256)  # sorts in its own processes
            if multi
            else ix.writer(limitmb=RUN_MB)
        )
        try:
            for done, row in enumerate(matter.db.execute(_ROWS), start=1):
                writer.add_document(**_fields(tuple(row)))
                if done % 2000 == 0:
                    yield Progress(done, total, f"Indexed {done:,} of {total:,} paragraphs",
                                   step="index", unit="paragraphs")  # fmt: skip
            yield Progress(total, total, "Writing the index…", step="index", unit="paragraphs")
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        ix.close()
        _write_state(tmp, matter)
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        tmp.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    yield Progress(
        total, total, f"Indexed {total:,} paragraphs", step="index-done", unit="paragraphs"
    )


class IndexUpdater:
    """Keeps the index in step while documents are imported or deleted (one writer, one
    commit). Does nothing when the index was already out of step: search rebuilds it."""

    def __init__(self, matter: Matter) -> None:
        self.matter = matter
        self._writer: Any = None
        self._ix: Any = None
        self._lock: Any = None  # the index lock, held from the first change to the commit
        self.error: str | None = None
        problem = check(matter)
        if problem == "there is no search index yet" and _paragraph_count(matter) == 0:
            matter.index_dir.mkdir(exist_ok=True)
            windex.create_in(str(matter.index_dir), schema()).close()
            _write_state(matter.index_dir, matter)
            problem = None
        self.active = problem is None

    def _w(self) -> Any:
        if self._writer is None:
            self._lock = opening.index_lock(self.matter.path)
            self._lock.__enter__()  # released by close() or _drop()
            self._ix = windex.open_dir(str(self.matter.index_dir))
            self._writer = self._ix.writer(limitmb=RUN_MB, timeout=60.0, delay=0.1)
        return self._writer

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def add(self, doc_id: int) -> None:
        rows = self.matter.db.execute(_ROWS + " WHERE p.doc_id = ?", [doc_id]).fetchall()
        self._apply(lambda w: [w.add_document(**_fields(tuple(r))) for r in rows])

    def remove(self, doc_id: int) -> None:
        self._apply(lambda w: w.delete_by_term("doc", str(doc_id)))

    def _apply(self, change: Any) -> None:
        """Apply one change. If the index cannot take it, drop every change and leave the
        index stale (the next search rebuilds it): the matter's import goes on regardless."""
        if not self.active:
            return
        try:
            change(self._w())
        except Exception as exc:  # any index failure: rebuild later
            self.error = f"{type(exc).__name__}: {exc}"
            self.active = False
            self._drop()

    def _drop(self) -> None:
        if self._writer is not None:
            self._writer.cancel()
            self._ix.close()
        self._writer = self._ix = None
        self._unlock()

    def close(self) -> None:
        """Commit the changes and record the matter's content version beside them."""
        if not self.active:
            return
        self.active = False
        if self._writer is not None:
            try:
                self._writer.commit()
                _write_state(self.matter.index_dir, self.matter)
            finally:
                self._ix.close()
                self._writer = self._ix = None
                self._unlock()
            return
        _write_state(self.matter.index_dir, self.matter)


# -- query translation ----------------------------------------------------------------------------
class _Translator:
    """The query model → Whoosh queries over one reader."""

    def __init__(self, reader: Any, db: Matter) -> None:
        self.reader, self.matter = reader, db

    def expand(self, pattern: str, root: bool, query_text: str) -> list[str]:
        prefix = pattern.split("*")[0].split("?")[0]
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
        if isinstance(node, q.Term) and not node.root and not any(c in node.text for c in "*?"):
            root = stem(node.text)
            if stem(root) != root:
                return wq.Term("body", STEM + root)
            pair = [
                wq.Term("body", t)
                for t in (STEM + root, root)
                if self.reader.doc_frequency("body", t)
            ]
            if len(pair) < 2:  # one form (or none) in the index: no union to merge
                return pair[0] if pair else wq.NullQuery
            if span:
                return _SpanOr(pair)
            # One word in two forms: scored by the better one, not the sum, which lets Whoosh
            # skip blocks that cannot reach the top hits (OR p95 at 100k: 199 -> 61 ms).
            return wq.DisjunctionMax(pair)
        if isinstance(node, q.Term):
            return self.alternatives(node.text, node.root, span)
        if all(not any(c in w for c in "*?") for w in node.words):
            if len(node.words) == 1:
                return wq.Term("body", node.words[0])
            return wq.Phrase("body", list(node.words), slop=2)
        parts = [self.alternatives(w, False, True) for w in node.words]
        if any(p is wq.NullQuery for p in parts):
            return wq.NullQuery
        if len(parts) == 1:
            return parts[0]
        return spans.SpanNear2(parts, slop=2, ordered=True, mindist=2)

    def alternatives(self, text: str, root: bool, span: bool) -> Any:
        found = self.expand(text, root, text + ("!" if root else ""))
        if not found:
            return wq.NullQuery
        terms = [wq.Term("body", w) for w in found]
        if len(terms) == 1:
            return terms[0]
        return _SpanOr(terms) if span else wq.Or(terms)

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
        if isinstance(node, q.Same) and node.unit == "paragraph":
            return wq.And([self(node.left), self(node.right)])
        return self.proximity(node)

    def proximity(self, node: q.Node) -> Any:
        assert isinstance(node, q.Near | q.Same)
        a, b = self(node.left, True), self(node.right, True)
        if a is wq.NullQuery or b is wq.NullQuery:
            return wq.NullQuery
        if isinstance(node, q.Near):
            return _SpanNear(a, b, slop=2 * node.distance, ordered=node.ordered)
        near = _SpanNear(a, b, slop=_FAR, ordered=False)
        return _SpanNot(near, wq.Term("body", BREAK))

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


# -- searching ------------------------------------------------------------------------------------
class SearchIndex:
    """An open index with one searcher kept for the life of the object (refresh after writes)."""

    def __init__(self, matter: Matter) -> None:
        self.matter = matter
        self._ix = windex.open_dir(str(matter.index_dir))
        self._searcher = self._ix.searcher()

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
        return _Translator(self._searcher.reader(), self.matter)(node)

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
        terms = [(t, w) for t, w in terms if t != BREAK and not t.isdigit()][:numterms]
        if not terms:
            return []
        query = wq.Or([wq.Term("body", t, boost=w) for t, w in terms])
        return [(hit["pid"], hit.score) for hit in self._searcher.search(query, limit=limit)]


_HIT_ROWS = """SELECT p.id, p.doc_id, d.file_name, p.seq, p.number, p.kind, p.cite,
    p.page_start, p.page_end, p.text FROM paragraphs p JOIN documents d ON d.id = p.doc_id
    WHERE p.id IN ({})"""


def _hits(
    conn: sqlite3.Connection, node: q.Node, found: Iterable[tuple[int, float | None]]
) -> list[Hit]:
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
        hits.append(Hit(*row[:9], score, row[-1], snippet, ranges))
    return hits
