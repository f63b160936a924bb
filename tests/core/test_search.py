"""The search index: kept in step with imports and deletes, rebuilt when it disagrees with
the matter, never used stale; results in rank and document order; clear errors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core import search
from reviewer.core.errors import IndexStaleError, NotFoundError, ReviewerError
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.delete import delete_documents
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.history import undo
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex, check
from reviewer.core.search import index as search_index
from reviewer.core.search import translate as search_translate
from reviewer.core.search.query import QuerySyntaxError
from reviewer.samples import write_demo_filings


@pytest.fixture(scope="module")
def demo_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return [f.path for f in write_demo_filings(tmp_path_factory.mktemp("demo"))]


@pytest.fixture
def demo(tmp_path: Path, demo_files: list[Path]) -> Iterator[Matter]:
    m = Matter.create(tmp_path / "Demo.matter")
    results = [p.result for p in import_files(m, demo_files, workers=1)]
    assert all(r is not None and r.status == "imported" for r in results)
    yield m
    m.close()


def word_ids(m: Matter, word: str) -> set[int]:
    """Paragraphs holding ``word`` as a whole word, by a plain scan."""
    rows = m.db.execute("SELECT id, text FROM paragraphs").fetchall()
    return {pid for pid, text in rows if re.search(rf"\b{word}\b", text, re.I)}


def hit_ids(m: Matter, query: str, syntax: str = "natural") -> set[int]:
    with SearchIndex.open(m) as ix:
        return {h.pid for h in ix.search(query, syntax, limit=None).hits}


def test_import_indexes_as_it_goes(demo: Matter) -> None:
    assert check(demo) is None
    expected = word_ids(demo, "Distributing")
    assert expected
    assert hit_ids(demo, '"distributing"') == expected


def test_delete_removes_entries(demo: Matter) -> None:
    answer = find_document(demo, "answer.pdf")
    before = hit_ids(demo, "venture")
    delete_documents(demo, [answer])
    assert check(demo) is None
    left = {r[0] for r in demo.db.execute("SELECT id FROM paragraphs")}
    assert hit_ids(demo, "venture") == before & left != before
    assert (demo.path / answer.stored_path).exists()  # kept, so the delete can be undone
    undo(demo)
    assert check(demo) is None
    assert hit_ids(demo, "venture") == before


def test_out_of_step_index_is_reported_then_rebuilt(demo: Matter) -> None:
    doc = find_document(demo, "complaint.pdf")
    with demo.db.atomic():  # a change the index never saw (e.g. a crash before its commit)
        demo.db["paragraphs"].insert(
            {"doc_id": doc.id, "seq": 9999, "kind": "text", "text": "Zanzibar clause.",
             "page_start": 1, "page_end": 1, "cite": "Compl. at 1"}
        )  # fmt: skip
        demo.touch_content()
    assert "added or deleted" in (check(demo) or "")
    readonly = Matter.open(demo.path, readonly=True)
    with pytest.raises(IndexStaleError, match="reviewer reindex"):
        SearchIndex.open(readonly)
    readonly.close()
    assert len(hit_ids(demo, "zanzibar")) == 1  # a writable open rebuilds first
    assert check(demo) is None


def test_version_and_damage_are_detected(demo: Matter) -> None:
    state = demo.index_dir / search.STATE_FILE
    state.write_text(json.dumps({**json.loads(state.read_text()), "version": 0}))
    assert "version 0" in (check(demo) or "")
    list(search.reindex(demo))
    for toc in demo.index_dir.glob("*.toc"):
        toc.write_bytes(b"garbage")
    assert "cannot be read" in (check(demo) or "")
    assert hit_ids(demo, "venture")
    assert not list(demo.path.glob("index.*")), "no temporary index folders left behind"


def test_a_failing_index_never_costs_the_import(
    tmp_path: Path, demo_files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    m = Matter.create(tmp_path / "M.matter")
    real = search_index.add_row

    def broken(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(search_index, "add_row", broken)
    results = [p.result for p in import_files(m, demo_files[:2], workers=1)]
    assert [r.status for r in results if r] == ["imported", "imported"]
    assert check(m) is not None
    monkeypatch.setattr(search_index, "add_row", real)
    assert hit_ids(m, "venture") == word_ids(m, "venture") | word_ids(m, "ventures")
    m.close()


def test_rank_and_document_order(demo: Matter) -> None:
    with SearchIndex.open(demo) as ix:
        ranked = ix.search("venture OR benefit", limit=None)
        in_order = ix.search("venture OR benefit", order="document", limit=None)
        top = ix.search("venture OR benefit", limit=3)
        counted = ix.search("venture OR benefit", limit=3, counts=True)
        total, per_doc = ix.count("venture OR benefit")
        in_complaint = ix.count("venture OR benefit", doc="complaint.pdf")
    scores = [h.score or 0 for h in ranked.hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] > scores[-1]
    keys = [(h.doc_id, h.seq) for h in in_order.hits]
    assert keys == sorted(keys)
    assert {h.pid for h in ranked.hits} == {h.pid for h in in_order.hits}
    assert [h.pid for h in top.hits] == [h.pid for h in ranked.hits[:3]]
    assert (top.total, top.per_doc) == (None, {}), "a limited search does not count"
    assert [h.pid for h in counted.hits] == [h.pid for h in top.hits]
    assert counted.total == ranked.total == total == len(ranked.hits)
    assert counted.per_doc == ranked.per_doc == per_doc
    assert sum(per_doc.values()) == total
    assert len(per_doc) > 1
    doc = find_document(demo, "complaint.pdf")
    assert in_complaint == (per_doc[doc.id], {doc.id: per_doc[doc.id]})


def test_search_within_one_document(demo: Matter) -> None:
    with SearchIndex.open(demo) as ix:
        result = ix.search("venture", doc="complaint.pdf", limit=None)
        everywhere = ix.search("venture", limit=None)
    doc = find_document(demo, "complaint.pdf")
    assert set(result.per_doc) == {doc.id}
    assert result.total == everywhere.per_doc[doc.id] < everywhere.total
    assert result.files == {doc.id: "complaint.pdf"}


def test_hits_carry_pin_cites_and_marked_snippets(demo: Matter) -> None:
    with SearchIndex.open(demo) as ix:
        hit = ix.search("benefit! /s venture", "tc", doc="complaint.pdf", limit=1).hits[0]
    assert re.fullmatch(r"Compl\. ¶ \d+ \(Dkt\. 1 at \d+\)", hit.cite)
    assert "**venture**" in hit.snippet
    assert [hit.text[s:e].lower()[:7] for s, e in hit.highlights] == ["benefit", "venture"]


@pytest.mark.parametrize(
    ("query", "error", "words"),
    [
        ("venture para:abc", ReviewerError, "para takes a number"),
        ("venture doc:nosuch", NotFoundError, "doc:nosuch"),
        ("venture AND (benefit", QuerySyntaxError, "Missing ')'"),
        ("e*", ReviewerError, "matches more than 3 different words"),
    ],
)
def test_bad_queries_get_clear_errors(
    demo: Matter, monkeypatch: pytest.MonkeyPatch, query: str, error: type, words: str
) -> None:
    monkeypatch.setattr(search_translate, "MAX_EXPANSION", 3)
    with SearchIndex.open(demo) as ix, pytest.raises(error, match=re.escape(words)):
        ix.search(query)


def _text_matter(m: Matter, texts: list[str]) -> Matter:
    """One document whose paragraphs are ``texts``, in order, indexed from scratch."""
    doc = {"id": 1, "sha256": "x", "file_name": "x.pdf", "stored_path": "x.pdf", "byte_size": 1}
    doc |= {"kind": "complaint", "page_count": 1, "text_quality": "good", "imported_at": "now"}
    with m.db.atomic():
        m.db["documents"].insert(doc)
        for seq, body in enumerate(texts, start=1):
            m.db["paragraphs"].insert(
                {"id": seq, "doc_id": 1, "seq": seq, "kind": "text", "text": body}
                | {"page_start": 1, "page_end": 1, "cite": "x"}
            )
        m.touch_content()
    list(search.reindex(m))
    return m


def test_not_excludes_a_word_whose_first_paragraph_comes_earlier(matter: Matter) -> None:
    # Whoosh's AndNot kept ¶ 2 here: "apple" occurs first (¶ 1) before "samsung" does.
    _text_matter(matter, ["apple pie", "samsung and apple", "samsung phone", "apple"])
    assert hit_ids(matter, "samsung NOT apple") == {3}
    assert hit_ids(matter, "samsung % apple", "tc") == {3}


def test_same_sentence_holds_after_the_index_skips_ahead(matter: Matter) -> None:
    # `&` makes the index skip from ¶ 1 to the first "gamma" (¶ 3, which has a sentence
    # break); Whoosh's SpanNot then compared ¶ 4's words with ¶ 3's breaks and matched ¶ 4.
    texts = ["alpha beta", "zeta", "Gamma. Gamma.", "Alpha here. Beta gamma.", "alpha beta gamma"]
    _text_matter(matter, texts)
    assert hit_ids(matter, "(alpha /s beta) & gamma", "tc") == {5}
    assert hit_ids(matter, "alpha /s beta", "tc") == {1, 5}
    assert hit_ids(matter, "(alpha w/3 beta) & gamma", "tc") == {4, 5}
