"""A person's corrections to a document — its kind, its caption fields — and what the
documents list says of its privilege and redaction state. Each correction is one audited,
undoable operation that keeps every paragraph, tag and coding; bad values are refused with
nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.claims import tagging
from reviewer.core.claims.elements import add_from_template
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import audit, listing
from reviewer.core.matter.documents import (
    DocumentError,
    find_document,
    find_paragraph,
    paragraphs,
    set_kind,
    set_properties,
)
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import coding as privilege
from reviewer.core.production import redactions
from reviewer.core.search import SearchIndex, check
from reviewer.samples import write_demo_filings


@pytest.fixture
def matter(tmp_path: Path) -> Iterator[Matter]:
    files = write_demo_filings(tmp_path / "pdf")
    m = Matter.create(tmp_path / "M.matter")
    list(import_files(m, [f.path for f in files], workers=1))
    yield m
    m.close()


def _hits(m: Matter, query: str) -> set[int]:
    ix = SearchIndex(m)
    try:
        return {h.doc_id for h in ix.search(query, "natural", limit=1000).hits}
    finally:
        ix.close()


def test_set_kind_changes_only_the_kind_and_undoes(matter: Matter) -> None:
    answer = find_document(matter, "answer.pdf")
    add_from_template(matter, "negligence")
    p = find_paragraph(matter, answer, "3")
    tagging.tag(matter, [p.id], "negligence.duty", "factual")
    privilege.set_privilege(matter, [answer.id], "redacted", "work-product", description="x")
    before = paragraphs(matter, answer.id)
    assert answer.id in _hits(matter, "kind:answer")
    changes = set_kind(matter, answer.id, "Motion")
    assert changes.content == {answer.id}, "views know the document changed"
    assert find_document(matter, answer.id).kind == "motion"
    assert paragraphs(matter, answer.id) == before, "same ids, numbers, text"
    assert [t.para_id for t in tagging.list_tags(matter, doc_id=answer.id)] == [p.id]
    assert privilege.designations(matter, answer.id)[0].status == "redacted"
    assert check(matter) is None, "the index was updated, not left stale"
    assert answer.id in _hits(matter, "kind:motion")
    assert answer.id not in _hits(matter, "kind:answer")
    audit.undo(matter)
    assert find_document(matter, answer.id).kind == "answer"
    assert check(matter) is None
    assert answer.id in _hits(matter, "kind:answer"), "the index follows the undo"
    audit.redo(matter)
    assert answer.id in _hits(matter, "kind:motion")


def test_set_kind_refuses_an_unknown_kind(matter: Matter) -> None:
    answer = find_document(matter, "answer.pdf")
    with pytest.raises(DocumentError, match="not a kind of filing"):
        set_kind(matter, answer.id, "memo")
    with pytest.raises(DocumentError, match="already a answer"):
        set_kind(matter, answer.id, "answer")
    assert find_document(matter, answer.id).kind == "answer"


def test_set_properties_and_bad_dates(matter: Matter) -> None:
    doc = find_document(matter, "complaint.pdf")
    with pytest.raises(DocumentError, match="YYYY-MM-DD"):
        set_properties(matter, doc.id, {"filed": "Jan 21, 2025", "court": "X"})
    assert find_document(matter, doc.id) == doc, "nothing changed"
    with pytest.raises(DocumentError, match="not a document property"):
        set_properties(matter, doc.id, {"sha256": "x"})
    set_properties(matter, doc.id, {"filed": "2024-12-31", "court": "  N.D.   Cal. ", "title": ""})
    after = find_document(matter, doc.id)
    assert (after.filed, after.court, after.title) == ("2024-12-31", "N.D. Cal.", None)
    assert doc.id in _hits(matter, "filed:2024-12")
    audit.undo(matter)
    assert find_document(matter, doc.id) == doc


def test_privilege_and_redaction_state_in_the_list(matter: Matter) -> None:
    complaint, answer = find_document(matter, "complaint.pdf"), find_document(matter, "answer.pdf")
    exhibit = find_document(matter, "complaint-exhibit-b.pdf")
    privilege.set_privilege(matter, [answer.id], "withheld", "attorney-client", description="x")
    privilege.set_privilege(
        matter, [complaint.id], "redacted", "work-product",
        scope=privilege.Scope(2, 3, None), description="y",
    )  # fmt: skip
    redactions.add_redaction(matter, complaint.id, 2, "ssn", reason="a")
    redactions.add_redaction(matter, complaint.id, 3, "ssn", reason="b")
    privilege.set_privilege(matter, [exhibit.id], "not-privileged")
    rows = {r.id: r for r in listing.document_rows(matter, [complaint.id, answer.id, exhibit.id])}
    assert rows[answer.id].privilege_state == "withheld"
    assert rows[complaint.id].privilege_state == "1 part privileged · 2 redactions"
    assert rows[exhibit.id].privilege_state == "not privileged"
    order = listing.document_ids(matter, "privilege", descending=True)
    assert order[:2] == [answer.id, complaint.id]
