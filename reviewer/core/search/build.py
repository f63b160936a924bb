"""Writing an index segment fast: postings gathered per term, written in whole blocks.

Whoosh's ``add_document`` sends every posting through a pool that pickles it to run files,
sorts and merges them one posting at a time, and reads each posting's field length back
from disk. ``FastWriter`` is Whoosh's own ``SegmentWriter`` (same per-document data, same
segment files, locking and merges) with a ``TermPool`` instead: postings are appended to
their term's list as they come (documents arrive in order, so each term's list is sorted
already), field lengths are kept as they are written, and a term's postings are cut into
blocks of Whoosh's size and handed to Whoosh's block writer a block at a time. When a batch
of postings grows past ``RUN_POSTINGS`` its terms are written as blocks to a run file; at
the commit the runs of each term are copied one after another (only the block headers
change), so an index of any size is one segment built in bounded memory.
"""

from __future__ import annotations

import heapq
import os
import tempfile
from array import array
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from whoosh.codec import whoosh3
from whoosh.filedb.structfile import StructFile
from whoosh.system import _INT_SIZE, pack_int, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from reviewer.core.search.cut import Item

RUN_POSTINGS = 3_000_000  # postings held in memory before they go to a run file (~120 MB)
_MAGIC = len(whoosh3.WHOOSH3_HEADER_MAGIC)


class TermPool:
    """Whoosh's posting pool, grouped by term instead of sorted posting by posting: each
    term's postings are one flat list ``[docnum, weight, value, docnum, …]``."""

    def __init__(self) -> None:
        self.fields: dict[str, defaultdict[bytes, list[Any]]] = {}
        self.count = 0

    def add(self, posting: tuple[str, bytes, int, float, bytes]) -> None:
        """One posting, as Whoosh's writer and merges give them."""
        fieldname, tbytes, docnum, weight, vbytes = posting
        self.add_items(fieldname, docnum, [(tbytes, 0, weight, vbytes or b"")])

    def add_items(self, fieldname: str, docnum: int, items: list[Item]) -> None:
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = defaultdict(list)
        for tbytes, _, weight, vbytes in items:
            terms[tbytes] += (docnum, weight, vbytes)
        self.count += len(items)

    def sorted_terms(self) -> Iterator[tuple[str, bytes, list[Any]]]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for tbytes in sorted(terms):
                yield fieldname, tbytes, terms[tbytes]

    def cleanup(self) -> None:
        self.fields.clear()
        self.count = 0


class _Run:
    """A batch of postings written as blocks, term by term, to a temporary file."""

    def __init__(self, folder: str | None) -> None:
        fd, self.path = tempfile.mkstemp(suffix=".run", dir=folder)
        self.file = StructFile(os.fdopen(fd, "w+b"))
        # (fieldname, term, offset of the last block, ``_stats``) per term, in order
        self.terms: list[tuple[str, bytes, int, tuple[Any, ...]]] = []

    def close(self) -> None:
        self.file.close()
        if os.path.exists(self.path):
            os.remove(self.path)


def _write_run(pool: TermPool, codec: Any, schema: Any, lengths: Any, run: _Run) -> None:
    """Every term of ``pool`` as Whoosh blocks (none marked last: the merge marks it)."""
    pw = codec.postings_writer(run.file)
    limit = pw._blocklimit
    for fieldname, tbytes, t in pool.sorted_terms():
        field = schema[fieldname]
        pw.start_postings(field.format, whoosh3.W3TermInfo())
        lens = lengths(fieldname)
        ids, weights, values = array("I", t[0::3]), array("f", t[1::3]), t[2::3]
        total, last_block, valued = len(ids), 0, any(values)
        for start in range(0, total, limit):
            stop = min(start + limit, total)
            last_block = run.file.tell() + (0 if start else _MAGIC)  # the header comes first
            pw._ids, pw._weights = ids[start:stop], weights[start:stop]
            pw._maxweight = max(pw._weights)
            pw._values = values[start:stop] if valued else []
            if lens is not None:
                block = [lens[d] for d in pw._ids]
                nonzero = [n for n in block if n]
                pw._minlength = min(nonzero) if nonzero else None
                pw._maxlength = max(block)
            pw._write_block()
        run.terms.append((fieldname, tbytes, last_block, _stats(pw.finish_postings())))
    pool.cleanup()


def _merge_runs(runs: list[_Run], fieldwriter: Any, schema: Any) -> None:
    """Each term's blocks from every run, copied in run order into the segment's postings
    file under one header, the last block marked last; the term statistics combined."""
    post = fieldwriter._postfile
    merged = heapq.merge(*[_keyed(i, run) for i, run in enumerate(runs)])
    current: tuple[str, bytes] | None = None
    parts: list[tuple[int, int, tuple[Any, ...]]] = []
    fieldname = None
    for key, i, last_block, stats in merged:
        if key != current:
            if parts:
                _copy_term(runs, parts, post, fieldwriter, current)  # type: ignore[arg-type]
            current, parts = key, []
            if key[0] != fieldname:
                fieldname = key[0]
                fieldwriter.start_field(fieldname, schema[fieldname])
        parts.append((i, last_block, stats))
    if parts:
        _copy_term(runs, parts, post, fieldwriter, current)  # type: ignore[arg-type]


def _keyed(i: int, run: _Run) -> Iterator[tuple[tuple[str, bytes], int, int, tuple[Any, ...]]]:
    for fieldname, tbytes, last_block, stats in run.terms:
        yield (fieldname, tbytes), i, last_block, stats


def _stats(info: Any) -> tuple[Any, ...]:
    """A run's term statistics as a tuple (a Whoosh TermInfo is ~5x larger, and a large
    build keeps one per term and run until the commit)."""
    offset, length = info.extent()
    return (offset, length, info._weight, info._df, info._minlength, info._maxlength,
            info._maxweight, info._minid, info._maxid)  # fmt: skip


def _copy_term(
    runs: list[_Run], parts: list[tuple[int, int, tuple[Any, ...]]], post: Any, fw: Any,
    key: tuple[str, bytes],
) -> None:  # fmt: skip
    start = post.tell()
    post.write(whoosh3.WHOOSH3_HEADER_MAGIC)
    total = whoosh3.W3TermInfo()
    for n, (i, last_block, stats) in enumerate(parts):
        offset, length = stats[0], stats[1]
        data = bytearray(runs[i].file.get(offset + _MAGIC, length - _MAGIC))
        if n == len(parts) - 1:
            at = last_block - offset - _MAGIC
            size = int.from_bytes(data[at : at + _INT_SIZE], "big", signed=True)
            data[at : at + _INT_SIZE] = pack_int(-size)
        post.write(bytes(data))
        _combine(total, stats)
    total.set_extent(start, post.tell() - start)
    fw._tindex.add(pack_ushort(fw._fieldid) + key[1], total.to_bytes())


def _combine(total: Any, stats: tuple[Any, ...]) -> None:
    _, _, weight, df, minlength, maxlength, maxweight, minid, maxid = stats
    total._weight += weight
    total._df += df
    if minlength is not None:
        ml = total._minlength
        total._minlength = minlength if ml is None else min(ml, minlength)
    total._maxlength = max(total._maxlength, maxlength)
    total._maxweight = max(total._maxweight, maxweight)
    if total._minid is None:
        total._minid = minid
    total._maxid = maxid


class FastWriter(SegmentWriter):  # type: ignore[misc]
    """Whoosh's segment writer with the term pool above; ``add_items`` adds a document
    whose postings were made already (see ``cut``)."""

    def __init__(self, ix: Any, **kwargs: Any) -> None:
        kwargs.pop("limitmb", None)
        super().__init__(ix, **kwargs)
        assert self.docbase == 0, "a segment of its own, not one part of a multi-process writer"
        self.pool = TermPool()
        self._lengths: dict[str, array[int]] = {}
        self._runs: list[_Run] = []
        self._index_cache: dict[tuple[str, Any], list[Item]] = {}
        self._folder: str | None = getattr(ix.storage, "folder", None)
        pdw = self.perdocwriter
        add_field = pdw.add_field

        def add_field_kept(fieldname: str, fieldobj: Any, value: Any, length: int) -> None:
            if length:
                self._keep_length(fieldname, length)
            add_field(fieldname, fieldobj, value, length)

        pdw.add_field = add_field_kept

    def _keep_length(self, fieldname: str, length: int) -> None:
        arr = self._lengths.get(fieldname)
        if arr is None:
            arr = self._lengths[fieldname] = array("I")
        at = self.docnum
        if len(arr) <= at:
            arr.extend([0] * (at + 1 - len(arr)))
        arr[at] = byte_to_length(length_to_byte(length))  # what Whoosh reads back

    def _lens(self, fieldname: str) -> array[int] | None:
        """The field's lengths by document number (0: none), up to the last document."""
        arr = self._lengths.get(fieldname)
        if arr is None or not self.schema[fieldname].scorable:
            return None
        if len(arr) < self.docnum:
            arr.extend([0] * (self.docnum - len(arr)))
        return arr

    def add_items(
        self, stored: dict[str, Any], prepared: dict[str, tuple[list[Item], int]]
    ) -> None:
        """One document: ``stored`` fields go through Whoosh's fields (ids, numbers,
        columns, stored values); ``prepared`` fields come as (postings, length)."""
        self._check_state()
        schema, docnum, pdw = self.schema, self.docnum, self.perdocwriter
        pdw.start_doc(docnum)
        for fieldname in sorted(stored.keys() | prepared.keys()):
            field = schema[fieldname]
            length = 0
            if fieldname in prepared:
                items, length = prepared[fieldname]
                self.pool.add_items(fieldname, docnum, items)
                value = None
            else:
                value = stored[fieldname]
                if value is None:
                    continue
                if field.indexed:
                    items = self._indexed(fieldname, field, value)
                    self.pool.add_items(fieldname, docnum, items)
                    if field.scorable:
                        length = sum(item[1] for item in items)
            pdw.add_field(fieldname, field, value if field.stored else None, length)
            if field.column_type and value is not None:
                pdw.add_column_value(fieldname, field.column_type, field.to_column_value(value))
        pdw.finish_doc()
        self._added = True
        self.docnum += 1
        if self.pool.count >= RUN_POSTINGS:
            self._spill()

    def _indexed(self, fieldname: str, field: Any, value: Any) -> list[Item]:
        """``field.index(value)``, kept per value: ids, kinds, pages and dates repeat."""
        key = (fieldname, value)
        found = self._index_cache.get(key)
        if found is None:
            found = self._index_cache[key] = list(field.index(value))
            if len(self._index_cache) > 100_000:
                self._index_cache.clear()
        return found

    def _spill(self) -> None:
        run = _Run(self._folder)
        self._runs.append(run)
        _write_run(self.pool, self.codec, self.schema, self._lens, run)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        if self.pool.count or not self._runs:
            self._spill()
        try:
            _merge_runs(self._runs, self.fieldwriter, self.schema)
        finally:
            for run in self._runs:
                run.close()
            self._runs = []
        self.fieldwriter.close()

    def _close_segment(self) -> None:
        for run in self._runs:
            run.close()
        self._runs = []
        super()._close_segment()
