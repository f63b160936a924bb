"""The fast index build writes what Whoosh's own ``add_document`` writes, posting by
posting: same terms, documents, weights, positions, term statistics, field lengths, stored
fields and columns — with one run in memory and with many runs merged at the commit; and the
one-pass word cut and ``text.words`` equal the first, gap-by-gap ``words``."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex

from reviewer.core.matter.store import Matter
from reviewer.core.search import build, cut, reindex
from reviewer.core.search import index as search_index
from reviewer.core.search.text import _STOPS, _WORD, Word, _ends_sentence, normalise, words
from reviewer.samples.synthetic import _sentence

TRICKY = [
    "",
    "one",
    "See 18 U.S.C. § 1595. Twitter, Inc. knew it. Did it? Yes! no. Then e.g. this.",
    "Doe v. Twitter, Inc., No. 3:21-cv-00485 (N.D. Cal.). Plaintiff's claim fails.",
    '"It ended." Then it began. (See Ex. A.) The U.S. Dept. of Justice. J. Smith said so.',
    "Ends with stop. ... Another one?! 12. 13. A. B. Mr. Jones and Ms. Roe.",
    "The word ventures and venture's venturing ventured Ventures. Children's child.",
    "Nothing... yet.Then more.   Spaced   out .  Right . Left",
]


def _texts(n: int) -> list[str]:
    rng = random.Random(7)
    return TRICKY + [
        " ".join(_sentence(rng, i) for _ in range(rng.randint(1, 6))) for i in range(n)
    ]


def _reference_words(text: str) -> list[Word]:
    """``text.words`` as it was first written: every gap between two words tested."""
    out: list[Word] = []
    matches = list(_WORD.finditer(text))
    sentence, last = 0, len(matches) - 1
    for i, m in enumerate(matches):
        out.append(Word(normalise(m.group()), m.start(), m.end(), sentence))
        if i < last:
            nxt = matches[i + 1]
            if _STOPS.search(text[m.end() : nxt.start()]) and _ends_sentence(text, m, nxt):
                sentence += 1
    return out


def test_the_cut_and_words_equal_the_reference() -> None:
    for text in _texts(300):
        ws = _reference_words(text)
        assert words(text) == ws, text
        texts, breaks = cut.cut(text)
        assert texts == [w.text for w in ws]
        expected = [i for i in range(len(ws) - 1) if ws[i + 1].sentence != ws[i].sentence]
        assert breaks == expected, text
        assert cut.breaks_column(breaks) == search_index.sentence_breaks(text)


@pytest.fixture
def matter(tmp_path: Path) -> Iterator[Matter]:
    m = Matter.create(tmp_path / "M.matter")
    rng = random.Random(3)
    texts = _texts(400)
    with m.db.conn:
        for doc_id in (1, 2, 3):
            m.db["documents"].insert({
                "id": doc_id, "sha256": f"{doc_id:064d}", "file_name": f"d{doc_id}.pdf",
                "stored_path": f"files/{doc_id}.pdf", "byte_size": 1, "kind": "complaint",
                "filed": f"2024-01-0{doc_id}", "page_count": 40, "text_quality": "good",
                "imported_at": "2024-01-01T00:00:00+00:00",
            })  # fmt: skip
        for seq, text in enumerate(texts):
            doc_id = 1 + seq % 3
            count = f"COUNT {seq % 4}: Negligence" if seq % 5 == 0 else None
            m.db.conn.execute(
                "INSERT INTO paragraphs (doc_id, seq, number, kind, count, text, page_start, "
                "page_end, cite) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [doc_id, seq, str(seq), rng.choice(["numbered", "heading"]), count, text,
                 1 + seq // 10, 1 + seq // 10, ""],
            )  # fmt: skip
    yield m
    m.close()


def _whoosh_build(matter: Matter, folder: Path, common: tuple[str, ...]) -> None:
    """The reference: Whoosh's ``add_document`` with the analysers of the schema."""
    folder.mkdir()
    ix = windex.create_in(str(folder), search_index.schema(common))
    writer = ix.writer()
    for row in matter.db.execute(search_index._ROWS):
        writer.add_document(**search_index._fields(tuple(row)))
    writer.commit()
    ix.close()


def _postings(reader: Any, field: str, term: bytes) -> list[tuple[Any, ...]]:
    m, out = reader.postings(field, term), []
    while m.is_active():
        out.append((m.id(), m.weight(), m.value()))
        m.next()
    return out


def _assert_same(a: Any, b: Any) -> None:
    assert a.doc_count_all() == b.doc_count_all()
    terms = list(a.all_terms())
    assert terms == list(b.all_terms())
    stats = ("_weight", "_df", "_minlength", "_maxlength", "_maxweight", "_minid", "_maxid")
    for field, term in terms:
        assert _postings(a, field, term) == _postings(b, field, term), (field, term)
        ia, ib = a.term_info(field, term), b.term_info(field, term)
        assert [getattr(ia, s) for s in stats] == [getattr(ib, s) for s in stats]
    for field in a.schema.scorable_names():
        assert a.field_length(field) == b.field_length(field)
        for d in range(a.doc_count_all()):
            assert a.doc_field_length(d, field) == b.doc_field_length(d, field)
    for d in range(a.doc_count_all()):
        assert a.stored_fields(d) == b.stored_fields(d)
    for column in ("doc", "ord", "breaks"):
        assert list(a.column_reader(column)) == list(b.column_reader(column))


@pytest.mark.parametrize("run_postings", [build.RUN_POSTINGS, 997])
def test_the_fast_build_writes_what_whoosh_writes(
    matter: Matter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, run_postings: int
) -> None:
    monkeypatch.setattr(build, "RUN_POSTINGS", run_postings)
    for _ in reindex(matter):
        pass
    ours = windex.open_dir(str(matter.index_dir))
    common = ours.schema["pairs"].analyzer.common
    assert common, "the matter has common words, so pairs are indexed"
    _whoosh_build(matter, tmp_path / "reference", common)
    theirs = windex.open_dir(str(tmp_path / "reference"))
    with ours.reader() as a, theirs.reader() as b:
        assert a.doc_count_all() == 408
        _assert_same(a, b)
    ours.close()
    theirs.close()
    assert not list(matter.index_dir.glob("*.run")), "run files are removed"
