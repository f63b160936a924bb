"""The change spine (issue 14): no foreign key cascades into user work, every edit is one
operation in the history, undo/redo reverse and replay every kind, a re-cut moves work with
its paragraphs or keeps it as orphaned, a delete is undone with everything on it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import pytest
from sqlite_utils import Database

from reviewer.core.claims import counts, tagging
from reviewer.core.claims import elements as claims
from reviewer.core.errors import OrphanError
from reviewer.core.matter import history, orphans, schema
from reviewer.core.matter.audit import operation
from reviewer.core.matter.delete import delete_documents, update_document
from reviewer.core.matter.documents import find_document, find_paragraph, paragraphs
from reviewer.core.matter.recut import match, recut
from reviewer.core.matter.store import Matter
from reviewer.core.privilege.coding import Scope, set_privilege, set_settings, settings
from reviewer.core.privilege.people import add_person
from reviewer.core.production import sets as production
from reviewer.core.production.redactions import add_redaction, list_redactions

DERIVED = set(schema.DOCUMENT_OWN)  # a document's own rows, not anyone's work
NOT_STATE = {"audit", "operations", "matter_meta", "_sqlite_migrations"}


def _cascades(db: Database) -> list[str]:
    found = []
    tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    for (tbl,) in tables:
        for fk in db.execute(f"PRAGMA foreign_key_list([{tbl}])").fetchall():
            on_delete = fk[6].upper()
            if on_delete in ("CASCADE", "SET NULL", "SET DEFAULT") and not (
                tbl in DERIVED and fk[2] == "documents"
            ):
                found.append(f"{tbl}.{fk[3]} -> {fk[2]} ON DELETE {on_delete}")
    return found


def test_no_foreign_key_cascades_into_user_work(matter: Matter) -> None:
    assert _cascades(matter.db) == []
    sql = " ".join(
        r[0] for r in matter.db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")
    )
    assert "ON DELETE RESTRICT" in sql  # the keys are there, only their action changed


def test_the_migration_keeps_work_and_backfills_operations(tmp_path: Any) -> None:
    db = Database(sqlite3.connect(tmp_path / "old.sqlite"))
    db.execute("PRAGMA foreign_keys = ON")
    schema.migrations.apply(db, stop_before="m008_spine")
    assert _cascades(db)  # the old schema cascaded into tags, privilege, redactions …
    db["documents"].insert({"id": 1, "sha256": "x", "file_name": "a.pdf", "stored_path": "f",
                            "byte_size": 1, "kind": "complaint", "page_count": 1,
                            "text_quality": "good", "imported_at": "now"})  # fmt: skip
    db["paragraphs"].insert({"id": 7, "doc_id": 1, "seq": 1, "kind": "numbered", "text": "t",
                             "page_start": 1, "page_end": 1, "cite": "Compl. ¶ 1"})  # fmt: skip
    db["claims"].insert({"id": 1, "key": "c", "name": "C", "position": 1})
    db["elements"].insert({"id": 1, "claim_id": 1, "key": "e", "name": "E", "position": 1})
    db["tags"].insert({"element_id": 1, "doc_id": 1, "para_id": 7, "assessment": "factual",
                       "who": "ann", "at": "then"})  # fmt: skip
    db["audit"].insert({"batch": 4, "at": "then", "who": "ann", "action": "tag", "kind": "do",
                        "tbl": "tags", "row_id": 1})  # fmt: skip
    schema.migrations.apply(db)
    assert _cascades(db) == []
    assert db.execute("SELECT para_id FROM tags").fetchall() == [(7,)]
    assert db.execute("SELECT id, label, who FROM operations").fetchall() == [(4, "tag", "ann")]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("DELETE FROM paragraphs WHERE id = 7")  # work holds its paragraph


def test_match_by_text_number_and_page() -> None:
    def p(pid: int, number: str | None, text: str, page: int = 1) -> dict[str, Any]:
        return {"id": pid, "kind": "numbered" if number else "text", "number": number,
                "text": text, "page_start": page}  # fmt: skip

    old = [p(1, "1", "Plaintiff lives in Oakland."), p(2, "2", "Defendant knew of the posts."),
           p(3, "3", "Defendant profited from the venture."), p(4, None, "A stray line."),
           p(5, "5", "Completely different words here.", 4)]  # fmt: skip
    new = [p(0, "1", "Plaintiff lives in Oakland."), p(0, "2", "Defendant knew 0f the p0sts."),
           p(0, "4", "Defendant profited from the venture!"),
           p(0, "5", "Nothing alike at all in this one.", 4)]  # fmt: skip
    found, exact = match(old, new)
    assert exact == 1
    # same number and close text; text alone when the number changed; never a poor guess
    assert found == {1: 0, 2: 1, 3: 2}


@pytest.fixture
def m(demo_matter: Matter) -> Matter:
    claims.add_from_template(demo_matter, "tvpra-1595")
    return demo_matter


def _state(m: Matter) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table users see (not the log itself, not counters)."""
    tables = [r[0] for r in m.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        t: sorted(m.db.execute(f"SELECT * FROM [{t}]").fetchall(), key=repr)
        for t in tables if t not in NOT_STATE and not t.startswith("sqlite_")
    }  # fmt: skip


def _pid(m: Matter, number: str) -> int:
    return find_paragraph(m, find_document(m, "complaint.pdf"), number).id


def _recut(m: Matter) -> None:
    """Re-cut the complaint as OCR might: ¶ 46 reads a little differently, ¶ 47 is gone."""
    doc = find_document(m, "complaint.pdf")
    rows = [
        {**p.as_json(), "boxes": json.dumps([list(b) for b in p.boxes])}
        for p in paragraphs(m, doc.id)
    ]
    for r in rows:
        if r["number"] == "46":
            r["text"] = r["text"].replace("e", "c", 2)
    rows = [r for r in rows if r["number"] != "47"]
    for seq, r in enumerate(rows):
        r["seq"] = seq
    with operation(m, "Re-cut complaint.pdf") as op:
        recut(op, doc.id, rows)
        m.touch_content()


def _production(m: Matter) -> None:
    production.create_set(m, "P1", "DOE", 1)
    production.add_documents(m, "P1", ["complaint.pdf"])


KINDS: dict[str, tuple[Callable[[Matter], object] | None, Callable[[Matter], object]]] = {
    "tag": (None, lambda m: tagging.tag(m, [_pid(m, "46"), _pid(m, "47")],
                                        "tvpra-1595.knowingly-benefited")),
    "claim": (None, lambda m: claims.rename_element(m, "tvpra-1595.knowingly-benefited", "B")),
    "count": (None, lambda m: counts.map_count(m, "complaint.pdf", "1", "tvpra-1595")),
    "privilege": (None, lambda m: set_privilege(m, ["complaint.pdf"], "withheld",
                                                "attorney-client", Scope(para_id=_pid(m, "46")))),
    "redaction": (None, lambda m: add_redaction(m, "complaint.pdf", 1, "ssn",
                                                para_id=_pid(m, "1"))),
    "production redaction": (_production, lambda m: production.redact_box(
        m, "P1", "complaint.pdf", 1, (10, 10, 60, 40), "account number")),
    "kind": (None, lambda m: update_document(m, "complaint.pdf", {"kind": "motion"})),
    "person": (None, lambda m: add_person(m, "Ann Counsel", attorney=True)),
    "rejection": (None, lambda m: tagging.reject_suggestion(m, _pid(m, "46"),
                                                            "tvpra-1595.knowingly-benefited")),
    "delete": (lambda m: tagging.tag(m, [_pid(m, "46")], "tvpra-1595.knowingly-benefited"),
               lambda m: delete_documents(m, [find_document(m, "complaint.pdf")])),
    "re-cut": (lambda m: tagging.tag(m, [_pid(m, "46"), _pid(m, "47")],
                                     "tvpra-1595.knowingly-benefited"), _recut),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(KINDS))
def test_undo_and_redo_reverse_and_replay_every_kind(m: Matter, kind: str) -> None:
    setup, act = KINDS[kind]
    if setup is not None:
        setup(m)
    before = _state(m)
    act(m)
    after = _state(m)
    assert after != before
    (op,) = history.operations(m, 1)
    assert {"op_id", "label", "user", "machine", "at", "changes"} <= set(op.as_json())
    assert op.label
    assert op.user
    assert op.machine
    assert op.changes
    assert {c["change"] for c in op.changes} <= {"insert", "update", "delete"}
    history.undo(m)
    assert _state(m) == before
    history.redo(m)
    assert _state(m) == after
    assert history.next_labels(m) == (op.label, None)
    labels = [o.label for o in history.operations(m, 3)]
    assert labels == [f"Redo: {op.label}", f"Undo: {op.label}", op.label]


def test_recut_moves_work_and_keeps_the_rest_as_orphans(m: Matter) -> None:
    p46, p47, p48 = _pid(m, "46"), _pid(m, "47"), _pid(m, "48")
    tagging.tag(m, [p46, p47], "tvpra-1595.knowingly-benefited")
    set_privilege(m, ["complaint.pdf"], "withheld", "work-product", Scope(para_id=p47))
    add_redaction(m, "complaint.pdf", 1, "ssn", para_id=p47)
    _recut(m)
    assert [t.para_id for t in tagging.list_tags(m)] == [p46]  # moved with the re-read ¶ 46
    found = orphans.list_orphans(m)
    assert sorted(o.table for o in found) == ["privilege", "redactions", "tags"]
    assert {o.old_para["number"] for o in found} == {"47"}
    assert all("¶ 47" in o.old_para["cite"] for o in found)
    (tag,) = (o for o in found if o.table == "tags")
    changes = orphans.attach(m, tag.id, p48)
    assert changes.label.startswith("Re-attach tag tvpra-1595.knowingly-benefited")
    assert {t.para_id for t in tagging.list_tags(m)} == {p46, p48}
    (red,) = (o for o in orphans.list_orphans(m) if o.table == "redactions")
    orphans.attach(m, red.id, p48)
    assert [r.para_id for r in list_redactions(m)] == [p48]
    (priv,) = orphans.list_orphans(m)
    other = find_paragraph(m, find_document(m, "answer.pdf"), seq=3).id
    with pytest.raises(OrphanError, match="choose a paragraph of it"):
        orphans.attach(m, priv.id, other)
    history.undo(m)  # the redaction's re-attachment
    history.undo(m)  # the tag's
    history.undo(m)  # the re-cut: ¶ 47 and everything on it are back
    assert orphans.list_orphans(m) == []
    assert {t.para_id for t in tagging.list_tags(m)} == {p46, p47}
    assert [r.para_id for r in list_redactions(m)] == [p47]
    assert _pid(m, "47") == p47


def test_orphans_survive_a_document_delete_and_its_undo(m: Matter) -> None:
    tagging.tag(m, [_pid(m, "47")], "tvpra-1595.knowingly-benefited")
    _recut(m)
    assert len(orphans.list_orphans(m)) == 1
    delete_documents(m, [find_document(m, "complaint.pdf")])
    assert orphans.list_orphans(m) == []
    assert m.db.execute("SELECT count(*) FROM audit WHERE tbl = 'orphans'").fetchone()[0] == 2
    history.undo(m)
    assert len(orphans.list_orphans(m)) == 1


def test_privilege_log_settings_are_an_undoable_operation(m: Matter) -> None:
    set_settings(m, party="Defendant")
    first = settings(m)
    set_settings(m, party="Streamline Social, Inc.", era_start="2019-01-01")
    assert history.operations(m, 1)[0].label == "Privilege-log settings: party, era_start"
    history.undo(m)
    assert settings(m) == first
    history.undo(m)
    assert settings(m)["party"] == ""


def test_an_undo_that_conflicts_is_refused_and_writes_nothing(m: Matter) -> None:
    from reviewer.core.errors import ClaimError
    from reviewer.core.ingest.pipeline import import_files

    doc = find_document(m, "answer.pdf")
    delete_documents(m, [doc])
    for _ in import_files(m, [m.path / doc.stored_path]):  # the same file, imported again
        pass
    ops = m.db.execute("SELECT count(*) FROM operations").fetchone()
    with pytest.raises(ClaimError, match=r"Cannot undo 'Delete answer\.pdf'"):
        history.undo(m)
    assert m.db.execute("SELECT count(*) FROM operations").fetchone() == ops
    assert m.db.execute("SELECT count(*) FROM documents").fetchone() == (3,)


def test_a_paragraph_read_into_its_neighbour_takes_its_tags_along(m: Matter) -> None:
    p46, p47 = _pid(m, "46"), _pid(m, "47")
    tagging.tag(m, [p46, p47], "tvpra-1595.knowingly-benefited")
    tagging.tag(m, [p47], "tvpra-1595.participation-in-venture")
    set_privilege(m, ["complaint.pdf"], "withheld", "work-product", Scope(para_id=p47))
    doc = find_document(m, "complaint.pdf")
    rows = [{**p.as_json(), "boxes": "[]"} for p in paragraphs(m, doc.id)]
    (i46,) = [i for i, r in enumerate(rows) if r["number"] == "46" and r["kind"] == "numbered"]
    assert rows[i46 + 1]["number"] == "47"
    rows[i46]["text"] += " " + rows.pop(i46 + 1)["text"]  # OCR read ¶ 47 as part of ¶ 46
    with operation(m, "Re-cut complaint.pdf") as op:
        result = recut(op, doc.id, rows)
    assert (result.gone, result.orphaned) == (1, 2)
    tags = {(t.para_id, t.element) for t in tagging.list_tags(m, doc_id=doc.id)}
    assert tags == {(p46, "tvpra-1595.knowingly-benefited"),
                    (p46, "tvpra-1595.participation-in-venture")}  # fmt: skip
    left = orphans.list_orphans(m)
    assert sorted(o.table for o in left) == ["privilege", "tags"]  # the tag ¶ 46 already had
    assert all("now part of Compl. ¶ 46" in o.reason for o in left)


def test_delete_records_rows_of_any_table_that_points_at_the_document(m: Matter) -> None:
    """A table added later (e.g. findings made on import) is deleted with the document and
    brought back by undo, without being listed anywhere."""
    m.db.execute(
        "CREATE TABLE findings (id INTEGER PRIMARY KEY, note TEXT, "
        "doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE RESTRICT)"
    )
    doc = find_document(m, "answer.pdf")
    m.db["findings"].insert({"doc_id": doc.id, "note": "text under a black box"})
    delete_documents(m, [doc])
    assert m.db.execute("SELECT count(*) FROM findings").fetchone() == (0,)
    history.undo(m)
    assert m.db.execute("SELECT doc_id, note FROM findings").fetchall() == [
        (doc.id, "text under a black box")
    ]
