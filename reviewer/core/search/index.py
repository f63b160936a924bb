"""The index on disk: its schema and tokenizer, the rows it is built from, its state file
(version and the matter's content version), the full rebuild and the incremental updater."""

from __future__ import annotations

import json
import shutil
from array import array
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.analysis import Token, Tokenizer
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from reviewer.core.ingest import classify
from reviewer.core.matter import opening
from reviewer.core.matter.store import Matter
from reviewer.core.records import Progress
from reviewer.core.search import cut
from reviewer.core.search.build import FastWriter
from reviewer.core.search.text import Word, stem, words

INDEX_VERSION = 4  # 2: ``pairs``; 3: sentence breaks in a column; 4: pairs of common words
STATE_FILE = "reviewer-index.json"
COMMON_WORDS = 64  # words whose bigrams are indexed
_SAMPLE = 5000  # paragraphs read to find them
STEM = "~"
_ROWS = """SELECT p.id, p.doc_id, p.seq, p.number, p.kind, p.count, p.text, p.page_start,
    p.page_end, d.kind, d.filed FROM paragraphs p JOIN documents d ON d.id = p.doc_id"""


_last: tuple[str, list[Word]] = ("", [])


def _words(text: str) -> list[Word]:
    """``words(text)``, cut once for the two fields that read each paragraph."""
    global _last
    last = _last  # one read: another thread may replace it
    if last[0] == text:
        return last[1]
    cut = words(text)
    _last = (text, cut)
    return cut


class ParagraphTokenizer(Tokenizer):
    """Exact and stemmed word at each even position (the odd ones are where sentence breaks
    fall: ``sentence_breaks``)."""

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
        for i, w in enumerate(_words(value)):
            t.text, t.pos = w.text, base + 2 * i
            if chars:
                t.startchar, t.endchar = w.start, w.end
            yield t
            root = stem(w.text)
            if root != w.text:
                t.text = STEM + root
                yield t


class PairTokenizer(Tokenizer):
    """The two-word sequences of a paragraph made of two ``common`` words, as ``"a b"``: a
    phrase of two common words is one term, not two long position lists walked side by
    side (a pair with a rarer word is cheap by positions, and indexing those too made the
    index 3x bigger and the build 4x slower). The list is kept in the index's own schema,
    so updates and searches use the one the index was built with."""

    def __init__(self, common: tuple[str, ...] = ()) -> None:
        self.common = tuple(common)
        self._set = frozenset(common)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PairTokenizer) and other.common == self.common

    def __hash__(self) -> int:
        return hash(self.common)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._set = frozenset(self.common)

    def __call__(  # type: ignore[override]
        self, value: str, positions: bool = False, chars: bool = False, **kw: Any
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=False, mode=kw.get("mode", ""))
        t.boost, t.stopped = 1.0, False
        common, ws = self._set, _words(value)
        for a, b in pairwise(ws):
            if a.text in common and b.text in common:
                t.text = f"{a.text} {b.text}"
                yield t


def sentence_breaks(text: str) -> bytes:
    """The body positions between two sentences (odd: between two words), packed for the
    ``breaks`` column that the same-sentence test reads instead of position lists."""
    ws = _words(text)
    cut = [2 * i - 1 for i in range(1, len(ws)) if ws[i].sentence != ws[i - 1].sentence]
    return array("I", cut).tobytes()


def common_words(matter: Matter, n: int = COMMON_WORDS) -> tuple[str, ...]:
    """The ``n`` most frequent words of (a spread sample of) the matter's paragraphs."""
    total = _paragraph_count(matter)
    step = max(1, total // _SAMPLE)
    rows = matter.db.execute("SELECT text FROM paragraphs WHERE id % ? = 0", [step])
    counts: Counter[str] = Counter()
    for (text,) in rows:
        counts.update(cut.cut(text)[0])
    return tuple(w for w, _ in counts.most_common(n))


def schema(common: tuple[str, ...] = ()) -> Schema:
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
        pairs=TEXT(analyzer=PairTokenizer(common), phrase=False),
        breaks=COLUMN(VarBytesColumn()),
    )


def _fields(row: tuple[Any, ...]) -> dict[str, Any]:
    """The fields of one paragraph for ``add_document`` (Whoosh analyses the text)."""
    text = row[6]
    return _filters(row) | {"body": text, "pairs": text, "breaks": sentence_breaks(text)}


_count_words: dict[str, str] = {}


def _filters(row: tuple[Any, ...]) -> dict[str, Any]:
    """Every field of one paragraph but the text's."""
    pid, doc_id, seq, number, pkind, count, _text, p1, p2, kind, filed = row
    fields: dict[str, Any] = {
        "pid": pid,
        "doc": str(doc_id),
        "ord": doc_id * 10_000_000 + seq,
        "kind": kind,
        "pkind": pkind,
        "page_start": p1,
        "page_end": p2,
    }
    if pkind == "numbered" and number and number.isdigit():
        fields["para"] = int(number)
    if count:
        found = _count_words.get(count)
        if found is None:
            found = " ".join(sorted({stem(w.text) for w in words(count)}))
            _count_words[count] = found
        fields["count_words"] = found
        if (n := classify.count_number(count)) is not None:
            fields["count_no"] = n
    if filed:
        fields["filed"] = filed
    return fields


def add_row(writer: FastWriter, row: tuple[Any, ...], common: frozenset[str]) -> None:
    """One paragraph, its text cut once for ``body``, ``pairs`` and ``breaks``."""
    ws, breaks = cut.cut(row[6])
    stored = _filters(row)
    stored["breaks"] = cut.breaks_column(breaks)
    prepared = {"body": cut.body_items(ws), "pairs": cut.pair_items(ws, common)}
    writer.add_items(stored, prepared)


def common_of(ix: Any) -> frozenset[str]:
    return frozenset(getattr(ix.schema["pairs"].analyzer, "common", ()))


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
        ix = windex.create_in(str(tmp), schema(common_words(matter)))
        yield from _write_all(matter, ix, total)
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


def _write_all(matter: Matter, ix: Any, total: int) -> Iterator[Progress]:
    """Every paragraph into the new index, in one segment (one process: a second one's
    segment made every query ~14 % slower at 20,000 paragraphs; one process already
    builds faster than Whoosh's own two)."""
    writer, common = FastWriter(ix), common_of(ix)
    try:
        for done, row in enumerate(matter.db.execute(_ROWS), start=1):
            add_row(writer, tuple(row), common)
            if done % 2000 == 0:
                yield Progress(done, total, f"Indexed {done:,} of {total:,} paragraphs",
                               step="index", unit="paragraphs")  # fmt: skip
        yield Progress(total, total, "Writing the index…", step="index", unit="paragraphs")
        writer.commit()
    except BaseException:
        writer.cancel()
        raise


class IndexUpdater:
    """Keeps the index in step while documents are imported or deleted (one writer, one
    commit). Does nothing when the index was already out of step: search rebuilds it."""

    def __init__(self, matter: Matter) -> None:
        self.matter = matter
        self._writer: Any = None
        self._ix: Any = None
        self._common: frozenset[str] = frozenset()
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
            self._writer = FastWriter(self._ix, timeout=60.0, delay=0.1)
            self._common = common_of(self._ix)
        return self._writer

    def _unlock(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def add(self, doc_id: int) -> None:
        rows = self.matter.db.execute(_ROWS + " WHERE p.doc_id = ?", [doc_id]).fetchall()

        def add_rows(writer: FastWriter) -> None:
            for r in rows:
                add_row(writer, tuple(r), self._common)

        self._apply(add_rows)

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
