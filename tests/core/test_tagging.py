"""Tagging paragraphs and exhibit pages, the audit log, undo/redo."""

from __future__ import annotations

import sqlite3

import pytest

from reviewer.core.claims import elements as claims
from reviewer.core.claims import tagging
from reviewer.core.errors import ClaimError
from reviewer.core.matter import audit
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter


@pytest.fixture
def m(demo_matter: Matter) -> Matter:
    claims.add_from_template(demo_matter, "tvpra-1595")
    return demo_matter


def _para(m: Matter, number: str) -> int:
    return find_paragraph(m, find_document(m, "complaint.pdf"), number).id


def test_bulk_tag_is_one_audited_batch(m: Matter) -> None:
    ids = [_para(m, n) for n in ("46", "48")]
    changes = tagging.tag(m, ids, "tvpra-1595.knowingly-benefited", "factual", "ad revenue")
    assert changes.paragraphs == set(ids)
    assert len(changes.tags) == 2
    tags = tagging.list_tags(m, claims.find_element(m, "tvpra-1595.knowingly-benefited"))
    doc = find_document(m, "complaint.pdf")
    assert [t.cite for t in tags] == [find_paragraph(m, doc, n).cite for n in ("46", "48")]
    assert tags[0].cite.startswith("Compl. ¶ 46 (Dkt. 1 at ")
    assert {t.note for t in tags} == {"ad revenue"}
    rows = m.db.execute("SELECT batch, action, tbl FROM audit WHERE tbl = 'tags'").fetchall()
    assert len(rows) == 2
    assert len({r[0] for r in rows}) == 1


def test_retag_changes_assessment_and_untag(m: Matter) -> None:
    pid = _para(m, "47")
    tagging.tag(m, [pid], "tvpra-1595.knew-or-should-have-known", "conclusory")
    tagging.tag(m, [pid], "tvpra-1595.knew-or-should-have-known", "on information and belief")
    (t,) = tagging.list_tags(m, para_ids=[pid])
    assert t.assessment == "information-and-belief"
    tagging.untag(m, [pid], "tvpra-1595.knew-or-should-have-known")
    assert tagging.list_tags(m, para_ids=[pid]) == []
    with pytest.raises(ClaimError, match="is tagged with"):
        tagging.untag(m, [pid], "tvpra-1595.knew-or-should-have-known")
    with pytest.raises(ClaimError, match="assessment must be one of"):
        tagging.tag(m, [pid], "tvpra-1595.knew-or-should-have-known", "strong")
    assert tagging.list_tags(m) == []


def test_undo_redo_round_trip(m: Matter) -> None:
    a, b = _para(m, "46"), _para(m, "47")
    tagging.tag(m, [a, b], "tvpra-1595.knowingly-benefited")
    tagging.tag(m, [a], "tvpra-1595.knowingly-benefited", "conclusory", "thin")
    claims.rename_element(m, "tvpra-1595.knowingly-benefited", "Benefit")

    def state() -> tuple[object, ...]:
        tags = [(t.id, t.para_id, t.assessment, t.note) for t in tagging.list_tags(m)]
        return (tags, claims.find_element(m, "tvpra-1595.knowingly-benefited").name)

    states = [state()]
    for _ in range(3):
        tagging.undo(m)
        states.append(state())
    assert states[1][1] == "Knowingly benefited"  # rename undone first
    assert states[2][0][0][2:] == ("factual", "")  # then the retag
    assert states[3][0] == []  # then the bulk tag, as one step
    for expected in reversed(states[:-1]):
        tagging.redo(m)
        assert state() == expected  # same rows, same ids
    with pytest.raises(ClaimError, match="Nothing to redo"):
        tagging.redo(m)
    tagging.undo(m)
    tagging.tag(m, [b], "tvpra-1595.participation-in-venture")  # a new step clears redo
    assert audit.stacks(m)[1] == []


def test_hotkey_tags_active_claims_element(m: Matter) -> None:
    pid = _para(m, "46")
    changes = tagging.tag_by_hotkey(m, [pid], "tvpra-1595", 3)
    (t,) = tagging.list_tags(m, para_ids=[pid])
    assert t.element == "tvpra-1595.participation-in-venture"
    assert changes.elements == {t.element_id}


def test_exhibit_pages_tag_with_exhibit_cite(m: Matter) -> None:
    ex = find_document(m, "complaint-exhibit-b.pdf")
    tagging.tag_pages(m, ex.id, 1, 2, "tvpra-1595.knew-or-should-have-known", "factual")
    (t,) = tagging.list_tags(m, doc_id=ex.id)
    assert (t.para_id, t.page_start, t.page_end) == (None, 1, 2)
    assert t.cite.startswith("Ex. B at ")  # the Bluebook short form
    assert "Dkt. 1-2" in t.cite
    with pytest.raises(ClaimError, match="not within"):
        tagging.tag_pages(m, ex.id, 2, 99, "tvpra-1595.knew-or-should-have-known")


def test_audit_log_is_append_only(m: Matter) -> None:
    tagging.tag(m, [_para(m, "46")], "tvpra-1595.knowingly-benefited")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        m.db.execute("DELETE FROM audit")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        m.db.execute("UPDATE audit SET who = 'someone else'")
    who = {r[0] for r in m.db.execute("SELECT who FROM audit")}
    assert who == {audit.current_user()}


def test_deleting_a_document_is_undone_with_its_tags(m: Matter) -> None:
    from reviewer.core.matter.delete import delete_documents

    doc = find_document(m, "complaint.pdf")
    tagging.tag(m, [_para(m, "46")], "tvpra-1595.knowingly-benefited")
    tags = tagging.list_tags(m)
    paras = m.db.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", [doc.id]).fetchone()
    delete_documents(m, [doc])  # its tags go into the audit trail with it
    assert tagging.list_tags(m) == []
    tagging.undo(m)
    assert tagging.list_tags(m) == tags  # same rows, same ids
    again = m.db.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", [doc.id]).fetchone()
    assert again == paras
    tagging.undo(m)  # then the tag itself
    assert tagging.list_tags(m) == []
