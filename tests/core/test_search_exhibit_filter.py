"""The ``exhibit:`` search filter on a generated complaint with exhibits attached (A, C, D),
one cited but not attached (B) and numbers given: hits are the paragraphs that cite the
exhibit and the paragraphs on its own pages, whatever way the label is typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core import exhibits
from reviewer.core.errors import NotFoundError, ReviewerError
from reviewer.core.exhibits import numbering
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex
from reviewer.core.search.exhibit_filter import label_keys
from reviewer.core.search.query import Filter, QuerySyntaxError, parse
from tests.core.exhibit_fixtures import complaint_with_exhibits


@pytest.fixture
def complaint(matter: Matter, tmp_path: Path) -> Matter:
    path = complaint_with_exhibits(tmp_path / "acme-complaint.pdf")
    for p in import_files(matter, [path], kind="complaint", workers=1):
        assert p.result is not None
        assert p.result.status == "imported"
    return matter


def _expected(m: Matter, label: str) -> set[int]:
    """By the register: the citing paragraphs plus those on the exhibit's pages."""
    ex = next(e for e in exhibits.list_exhibits(m) if e["label"] == label)
    out = {c["para_id"] for c in ex["cited_by"]}
    if ex["attached"]:
        rows = m.db.execute(
            "SELECT id FROM paragraphs WHERE doc_id = ? AND page_end >= ? AND page_start <= ?",
            [ex["doc_id"], ex["first_page"], ex["last_page"]],
        )
        out |= {r[0] for r in rows}
    return out


def _hits(m: Matter, query: str) -> set[int]:
    with SearchIndex.open(m) as ix:
        return {h.pid for h in ix.search(query, limit=None).hits}


def test_label_forms_normalise_to_one_key() -> None:
    for typed in ("A", "a", "Exhibit A", "exhibit a", "EXHIBIT A", "Ex. A"):
        assert label_keys(typed) == {"EX:A"}, typed
    for typed in ("3", "03", "Ex. 3", "Exh. 03", "No. 3"):
        assert label_keys(typed) == {"EX:3"}, typed
    assert label_keys("PX-12") == label_keys("PX-012") == label_keys("px 12") == {"PX:12"}
    assert label_keys("Dkt. 55-3") == label_keys("ECF No. 55-3") == {"ECF:55-3"}
    assert label_keys("Tab 4") == {"TAB:4"}
    assert label_keys("the complaint") == set()


def test_the_parser_takes_a_quoted_label() -> None:
    assert parse('exhibit:"Exhibit A" fraud').items[0] == Filter("exhibit", "Exhibit A")  # type: ignore[union-attr]
    assert parse("exhibit:PX-012") == Filter("exhibit", "PX-012")
    assert parse('count:"Unjust Enrichment"') == Filter("count", "unjust enrichment")
    with pytest.raises(QuerySyntaxError, match="needs a value"):
        parse("exhibit:")


def test_exhibit_filter_hits_citing_paragraphs_and_own_pages(complaint: Matter) -> None:
    a = _expected(complaint, "Exhibit A")
    cited = {c["para_id"] for c in exhibits.list_exhibits(complaint)[0]["cited_by"]}
    assert cited, "citing paragraphs are in the test"
    assert a - cited, "paragraphs on the exhibit's pages are in the test"
    for query in ("exhibit:A", "exhibit:a", 'exhibit:"Exhibit A"', 'exhibit:"Ex. A"'):
        assert _hits(complaint, query) == a, query
    assert _hits(complaint, "exhibit:C") == _expected(complaint, "Exhibit C")
    assert _hits(complaint, "exhibit:D") == _expected(complaint, "Exhibit D")  # its pages only
    b = _expected(complaint, "Exhibit B")  # cited in ¶ 5, not attached: the citing ¶ only
    assert _hits(complaint, "exhibit:B") == b
    assert len(b) == 1


def test_exhibit_filter_combines_with_words_and_numbers(complaint: Matter) -> None:
    a = _expected(complaint, "Exhibit A")
    text = complaint.db.execute("SELECT lower(text) FROM paragraphs WHERE id = ?", [min(a)])
    word = text.fetchone()[0].split()[0].strip(".,;:()")
    with SearchIndex.open(complaint) as ix:
        both = {h.pid for h in ix.search(f'exhibit:A "{word}"', limit=None).hits}
        alone = {h.pid for h in ix.search(f'"{word}"', limit=None).hits}
    assert both
    assert both == a & alone
    ex_a = next(e for e in exhibits.list_exhibits(complaint) if e["label"] == "Exhibit A")
    numbering.assign(complaint, str(ex_a["exhibit_id"]), "PX", number=12)
    assert _hits(complaint, "exhibit:PX-12") == a
    assert _hits(complaint, "exhibit:PX-012") == a
    assert _hits(complaint, "exhibit:A OR exhibit:C") == a | _expected(complaint, "Exhibit C")
    assert _hits(complaint, "exhibit:A NOT exhibit:C") == a - _expected(complaint, "Exhibit C")


def test_unknown_and_unreadable_labels_say_so(complaint: Matter) -> None:
    with SearchIndex.open(complaint) as ix:
        with pytest.raises(NotFoundError, match="no exhibit"):
            ix.search("exhibit:Q")
        with pytest.raises(ReviewerError, match="not an exhibit label"):
            ix.search('exhibit:"the complaint"')
