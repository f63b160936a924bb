"""Offline work packages (issue 19): a reviewer's package checked back into a matter that
moved on — work applied, disagreements kept as conflicts, nothing applied twice, packages in
either order, and every package that must be refused refused with the matter unchanged."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import add_from_template
from reviewer.core.matter import opening
from reviewer.core.matter.history import undo
from reviewer.core.matter.store import DB_NAME, Matter
from reviewer.core.offline import OfflineError
from reviewer.core.privilege import coding as privilege

BREACH, CAUSE = "negligence.breach", "negligence.causation"


@pytest.fixture
def office(demo_source: Path, tmp_path: Path) -> Iterator[Matter]:
    """The demo filings with the negligence claim: the matter at the office."""
    dest = tmp_path / "Office.matter"
    shutil.copytree(demo_source, dest, ignore=shutil.ignore_patterns("matter.lock"))
    with Matter.open(dest) as m:
        add_from_template(m, "negligence")
        yield m


def paras(m: Matter, doc_id: int = 1) -> list[int]:
    rows = m.db.execute(
        "SELECT id FROM paragraphs WHERE doc_id = ? AND number IS NOT NULL ORDER BY seq", [doc_id]
    )
    return [r[0] for r in rows]


def snapshot(m: Matter) -> dict[str, Any]:
    """Every row of every table, to say 'unchanged' exactly."""
    tables = [r[0] for r in m.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {t: sorted(map(repr, m.db.execute(f"SELECT * FROM [{t}]"))) for t in tables}


def work(m: Matter) -> dict[str, Any]:
    """The matter's work, ids left out: what two check-in orders must agree on."""
    tags = m.db.execute(
        "SELECT e.key, t.para_id, t.assessment, t.note, t.who FROM tags t "
        "JOIN elements e ON e.id = t.element_id ORDER BY 1, 2"
    ).fetchall()
    priv = m.db.execute(
        "SELECT doc_id, status, bases, description, author FROM privilege ORDER BY doc_id"
    ).fetchall()
    conflicts = m.db.execute(
        "SELECT what, ours, theirs, ours_from, theirs_from, status FROM conflicts ORDER BY what"
    ).fetchall()
    return {"tags": tags, "privilege": priv, "conflicts": conflicts}


def as_reviewer(monkeypatch: pytest.MonkeyPatch, who: str, machine: str) -> None:
    monkeypatch.setenv("REVIEWER_USER", who)
    monkeypatch.setenv("REVIEWER_MACHINE", machine)


def test_reviewer_work_comes_back_with_one_conflict_and_only_once(
    office: Matter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = paras(office)
    batch = offline.checkout(office, [1], "Alice", tmp_path / "alice")
    assert [b.as_json()["status"] for b in offline.batches(office)] == ["out"]
    as_reviewer(monkeypatch, "alice", "alice-laptop")
    with Matter.open(tmp_path / "alice") as pkg:  # the package opens like a matter
        assert pkg.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
        tagging.tag(pkg, p[:3], BREACH, "factual")
        tagging.tag(pkg, [p[3]], CAUSE, "conclusory", note="only a label")
        privilege.set_privilege(pkg, [1], "withheld", "ac", description="Advice of counsel")
    as_reviewer(monkeypatch, "partner", "office")
    tagging.tag(office, [p[3]], CAUSE, "factual")  # the same ¶ and element, otherwise
    tagging.tag(office, [p[0]], BREACH, "factual")  # the same as the reviewer: a union

    result = offline.checkin(office, tmp_path / "alice")

    assert (result.batch_id, result.conflicts) == (batch.batch_id, 1)
    assert (result.applied, result.unchanged) == (3, 1)  # ¶ p[1], p[2], privilege; p[0] agreed
    rows = office.db.execute(
        "SELECT para_id, assessment, who FROM tags WHERE element_id = "
        "(SELECT id FROM elements WHERE key = 'breach') ORDER BY para_id"
    ).fetchall()
    assert rows == [(p[0], "factual", "partner"), (p[1], "factual", "alice"),
                    (p[2], "factual", "alice")]  # fmt: skip
    kept = office.db.execute(
        "SELECT assessment FROM tags WHERE para_id = ? AND element_id = "
        "(SELECT id FROM elements WHERE key = 'causation')", [p[3]]
    ).fetchone()  # fmt: skip
    assert kept == ("factual",)  # the matter's value stays
    [c] = offline.list_conflicts(office)
    assert (c.field, c.ours) == ("value", {"assessment": "factual", "note": ""})
    assert c.ours_from.startswith("the matter: partner on office, ")
    assert c.theirs == {"assessment": "conclusory", "note": "only a label"}
    assert "alice on alice-laptop" in c.theirs_from
    assert "¶ 4" in c.what
    [d] = privilege.designations(office, 1)
    assert (d.status, d.description, d.entry_id) == ("withheld", "Advice of counsel", "PRIV-0001")
    made = office.db.execute(
        "SELECT who, machine FROM operations WHERE label LIKE 'Code%'"
    ).fetchall()
    assert made == [("alice", "alice-laptop")]  # who, when and where kept in the history
    assert offline.batches(office)[0].status == "in"

    before = snapshot(office)
    again = offline.checkin(office, tmp_path / "alice")
    assert (again.applied, again.conflicts, again.operations, again.already) == (0, 0, 0, 3)
    after = snapshot(office)
    after["batches"] = before["batches"]  # only the time of the last check-in moves
    assert after == before


def test_more_work_after_a_check_in_brings_only_the_new_work(
    office: Matter, tmp_path: Path
) -> None:
    p = paras(office)
    offline.checkout(office, [1], "Alice", tmp_path / "alice")
    with Matter.open(tmp_path / "alice") as pkg:
        tagging.tag(pkg, [p[0]], BREACH)
    assert offline.checkin(office, tmp_path / "alice").applied == 1
    with Matter.open(tmp_path / "alice") as pkg:
        tagging.untag(pkg, [p[0]], BREACH)
        tagging.tag(pkg, [p[1]], BREACH)
    second = offline.checkin(office, tmp_path / "alice")
    assert (second.applied, second.operations, second.already) == (2, 2, 1)
    assert [t.para_id for t in tagging.list_tags(office)] == [p[1]]


def test_ids_made_offline_never_collide(office: Matter, tmp_path: Path) -> None:
    p = paras(office)
    offline.checkout(office, [1, 3], "Alice", tmp_path / "alice")
    with Matter.open(tmp_path / "alice") as pkg:
        tagging.tag(pkg, [p[5]], BREACH)
        privilege.set_privilege(pkg, [3], "withheld", "wp")
        offline_ids = pkg.db.execute("SELECT id FROM tags").fetchall()
    tagging.tag(office, [p[6]], BREACH)  # takes the same tag id in the matter
    privilege.set_privilege(office, [1], "redacted", "ac")  # takes PRIV-0001 meanwhile
    assert office.db.execute("SELECT id FROM tags").fetchall() == offline_ids
    offline.checkin(office, tmp_path / "alice")
    tagged = sorted(t.para_id for t in tagging.list_tags(office))
    assert tagged == [p[5], p[6]]
    ids = {d.doc_id: d.entry_id for d in privilege.designations(office)}
    assert ids == {1: "PRIV-0001", 3: "PRIV-0002"}


def _two_packages(office: Matter, tmp_path: Path, mp: pytest.MonkeyPatch) -> tuple[Path, Path]:
    p = paras(office)
    privilege.set_privilege(office, [1], "not-privileged")
    a, b = tmp_path / "a", tmp_path / "b"
    offline.checkout(office, [1], "Alice", a)
    offline.checkout(office, [1], "Bob", b)
    as_reviewer(mp, "alice", "laptop-a")
    with Matter.open(a) as pkg:
        tagging.tag(pkg, [p[0]], BREACH, "factual")
        tagging.tag(pkg, [p[1]], BREACH, "factual")
        privilege.set_privilege(pkg, [1], "withheld", "ac", description="Legal advice")
    time.sleep(1.1)  # Bob works later (times are kept to the second)
    as_reviewer(mp, "bob", "laptop-b")
    with Matter.open(b) as pkg:
        tagging.tag(pkg, [p[0]], BREACH, "conclusory")  # disagrees with Alice
        tagging.tag(pkg, [p[1]], BREACH, "factual")  # agrees
        tagging.tag(pkg, [p[2]], CAUSE, "information-and-belief")
        privilege.set_privilege(
            pkg, [1], "not-privileged", author="Counsel", description="Business record"
        )  # the status as it was, a field Alice left alone, a field Alice set otherwise
    return a, b


def test_two_packages_in_either_order_give_the_same_matter(
    office: Matter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _two_packages(office, tmp_path, monkeypatch)
    other = tmp_path / "Other.matter"
    office.close()
    shutil.copytree(office.path, other, ignore=shutil.ignore_patterns("matter.lock"))
    results = {}
    for path, order in ((office.path, (a, b)), (other, (b, a))):
        with Matter.open(path) as m:
            for package in order:
                offline.checkin(m, package)
            results[path] = work(m)
    first, second = results.values()
    assert first == second
    assert [(json.loads(c[1]), json.loads(c[2])) for c in first["conflicts"]] == [
        ("Legal advice", "Business record"),
        ({"assessment": "factual", "note": ""}, {"assessment": "conclusory", "note": ""}),
    ]
    assert "alice on laptop-a" in first["conflicts"][0][3]  # the earlier change is kept
    assert "bob on laptop-b" in first["conflicts"][0][4]
    assert first["privilege"] == [(1, "withheld", "attorney-client", "Legal advice", "Counsel")]


def test_a_package_of_another_matter_is_refused(
    office: Matter, demo_source: Path, tmp_path: Path
) -> None:
    stranger = tmp_path / "Stranger.matter"
    shutil.copytree(demo_source, stranger, ignore=shutil.ignore_patterns("matter.lock"))
    with Matter.open(stranger) as s:
        s.set_meta("matter_id", "another-matter")
        offline.checkout(s, [1], "Alice", tmp_path / "pkg")
    before = snapshot(office)
    with pytest.raises(OfflineError, match="another matter"):
        offline.checkin(office, tmp_path / "pkg")
    assert snapshot(office) == before


def test_a_package_the_matter_never_checked_out_is_refused(office: Matter, tmp_path: Path) -> None:
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    office.db.execute("DELETE FROM batches")
    with pytest.raises(OfflineError, match="no record of checking the package out"):
        offline.checkin(office, tmp_path / "pkg")


def _package(office: Matter, tmp_path: Path) -> Path:
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        tagging.tag(pkg, paras(pkg)[:2], BREACH)
    return tmp_path / "pkg"


def test_a_package_edited_around_its_log_is_refused(office: Matter, tmp_path: Path) -> None:
    pkg = _package(office, tmp_path)
    conn = sqlite3.connect(pkg / DB_NAME)
    conn.execute("UPDATE tags SET assessment = 'contradicted'")  # by hand, not through reviewer
    conn.commit()
    conn.close()
    before = snapshot(office)
    with pytest.raises(OfflineError, match="tags were changed outside reviewer"):
        offline.checkin(office, pkg)
    assert snapshot(office) == before


@pytest.mark.parametrize("edit", ["manifest", "pdf", "baseline", "newer"])
def test_a_hand_edited_package_is_refused(office: Matter, tmp_path: Path, edit: str) -> None:
    pkg = _package(office, tmp_path)
    manifest = json.loads((pkg / "package.json").read_text())
    if edit == "manifest":
        manifest["docs"] = [1, 2, 3]
        (pkg / "package.json").write_text(json.dumps(manifest))
        reason = "manifest was altered by hand"
    elif edit == "pdf":
        pdf = next(f for f in manifest["files"] if f.endswith(".pdf"))
        with (pkg / pdf).open("ab") as f:
            f.write(b"%% edited\n")
        reason = "altered since check-out"
    elif edit == "baseline":
        (pkg / "baseline.json").write_text('{"tags": []}')
        reason = "altered since check-out"
    else:
        from reviewer.core.offline.package import _seal

        manifest["schema_version"] = opening.schema_version() + 1
        manifest["digest"] = _seal(manifest)
        (pkg / "package.json").write_text(json.dumps(manifest))
        reason = "newer version of reviewer"
    before = snapshot(office)
    with pytest.raises(OfflineError, match=reason):
        offline.checkin(office, pkg)
    assert snapshot(office) == before


def test_kill_during_check_in_leaves_the_matter_as_before(office: Matter, tmp_path: Path) -> None:
    p = paras(office)
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        for pid in p[:4]:  # four operations: the check-in pauses after each
            tagging.tag(pkg, [pid], BREACH)
    before = snapshot(office)
    office.close()
    marker = tmp_path / "merging"
    env = {**os.environ, "REVIEWER_CHECKIN_PAUSE": "30", "REVIEWER_CHECKIN_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "reviewer", "batch", "checkin", str(office.path),
         str(tmp_path / "pkg")], env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert marker.exists(), "the check-in never reached its first operation"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    with Matter.open(office.path) as m:
        assert snapshot(m) == before
        assert offline.checkin(m, tmp_path / "pkg").applied == 4  # and it can be done again


def test_settling_a_conflict_takes_theirs_or_ours_and_undo_reopens_it(
    office: Matter, tmp_path: Path
) -> None:
    p = paras(office)
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        tagging.tag(pkg, [p[0]], BREACH, "conclusory")
        tagging.tag(pkg, [p[1]], BREACH, "conclusory")
    tagging.tag(office, p[:2], BREACH, "factual")
    assert offline.checkin(office, tmp_path / "pkg").conflicts == 2
    first, second = offline.list_conflicts(office)
    offline.resolve(office, first.conflict_id, "theirs")
    offline.resolve(office, second.conflict_id, "ours")
    assert [t.assessment for t in tagging.list_tags(office)] == ["conclusory", "factual"]
    assert offline.list_conflicts(office) == []
    with pytest.raises(OfflineError, match="already settled"):
        offline.resolve(office, first.conflict_id, "ours")
    undo(office)
    undo(office)
    assert [c.conflict_id for c in offline.list_conflicts(office)] == [1, 2]
    assert [t.assessment for t in tagging.list_tags(office)] == ["factual", "factual"]


def test_a_deleted_tag_the_matter_changed_is_a_whole_row_conflict(
    office: Matter, tmp_path: Path
) -> None:
    p = paras(office)
    tagging.tag(office, [p[0]], BREACH, "factual")
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        tagging.untag(pkg, [p[0]], BREACH)
    tagging.tag(office, [p[0]], BREACH, "contradicted")
    assert offline.checkin(office, tmp_path / "pkg").conflicts == 1
    [c] = offline.list_conflicts(office)
    assert (c.field, c.theirs) == ("*", None)
    offline.resolve(office, c.conflict_id, "theirs")
    assert tagging.list_tags(office) == []


def test_check_out_refuses_an_existing_folder_and_writes_nothing(
    office: Matter, tmp_path: Path
) -> None:
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "x.txt").write_text("mine")
    with pytest.raises(OfflineError, match="already exists"):
        offline.checkout(office, [1], "Alice", tmp_path / "full")
    assert offline.batches(office) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Office.matter", "full"]


def test_claims_people_and_redactions_made_offline_come_back(
    office: Matter, tmp_path: Path
) -> None:
    from reviewer.core.privilege import people
    from reviewer.core.production import redactions

    p = paras(office)
    redactions.add_redaction(office, 1, 1, "ssn", rect=(10, 10, 50, 20))  # RED-0001 at the office
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        add_from_template(pkg, "negligence-per-se")  # a claim the matter does not have
        tagging.tag(pkg, [p[0]], "negligence-per-se.violated-statute", "factual")
        people.add_person(pkg, "Dana Whitfield", attorney=True, organisation="Whitfield LLP")
        redactions.add_redaction(pkg, 1, 2, "ssn", rect=(10, 10, 50, 20))  # RED-0002 offline
    redactions.add_redaction(office, 1, 3, "ssn", rect=(10, 10, 50, 20))  # RED-0002 here
    result = offline.checkin(office, tmp_path / "pkg")
    assert (result.conflicts, result.skipped) == (0, [])
    assert [t.element for t in tagging.list_tags(office)] == ["negligence-per-se.violated-statute"]
    assert [(x.name, x.attorney) for x in people.list_people(office)] == [("Dana Whitfield", True)]
    got = office.db.execute("SELECT page, entry_id FROM redactions ORDER BY page").fetchall()
    assert got == [(1, "RED-0001"), (2, "RED-0003"), (3, "RED-0002")]


def test_a_re_cut_made_offline_is_skipped_with_the_reason(office: Matter, tmp_path: Path) -> None:
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        from reviewer.core.matter.documents import set_kind

        set_kind(pkg, 1, "motion")
    result = offline.checkin(office, tmp_path / "pkg")
    assert result.applied == 0
    assert result.skipped
    assert "change only in the matter" in result.skipped[0]["reason"]
    assert office.db.execute("SELECT kind FROM documents WHERE id = 1").fetchone() != ("motion",)


def test_two_copies_of_one_package_worked_on_apart_are_caught(
    office: Matter, tmp_path: Path
) -> None:
    p = paras(office)
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    shutil.copytree(tmp_path / "pkg", tmp_path / "copy")
    with Matter.open(tmp_path / "pkg") as pkg:
        tagging.tag(pkg, [p[0]], BREACH)
    with Matter.open(tmp_path / "copy") as pkg:
        tagging.tag(pkg, [p[1]], BREACH)  # the same operation number, other work
    offline.checkin(office, tmp_path / "pkg")
    before = snapshot(office)
    with pytest.raises(OfflineError, match="two copies of the package"):
        offline.checkin(office, tmp_path / "copy")
    assert snapshot(office) == before


def test_privilege_log_settings_merge_key_by_key(office: Matter, tmp_path: Path) -> None:
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    with Matter.open(tmp_path / "pkg") as pkg:
        privilege.set_settings(pkg, party="Plaintiff Jane Doe", client_org="Doe Family Trust")
    privilege.set_settings(office, era_start="2020-01-01", client_org="Doe Trust")
    result = offline.checkin(office, tmp_path / "pkg")
    assert (result.applied, result.conflicts, result.skipped) == (1, 1, [])
    got = privilege.settings(office)
    assert (got["party"], got["era_start"], got["client_org"]) == (
        "Plaintiff Jane Doe", "2020-01-01", "Doe Trust"
    )  # fmt: skip
    [c] = offline.list_conflicts(office)
    assert (c.what, c.theirs) == ("privilege-log setting client_org", "Doe Family Trust")
    offline.resolve(office, c.conflict_id, "theirs")
    assert privilege.settings(office)["client_org"] == "Doe Family Trust"


def test_a_package_zipped_and_carried_checks_in(office: Matter, tmp_path: Path) -> None:
    p = paras(office)
    offline.checkout(office, [1], "Alice", tmp_path / "pkg")
    archive = shutil.make_archive(str(tmp_path / "pkg"), "zip", tmp_path / "pkg")
    shutil.rmtree(tmp_path / "pkg")
    laptop = tmp_path / "laptop" / "from the office"
    shutil.unpack_archive(archive, laptop)
    with Matter.open(laptop) as pkg:
        tagging.tag(pkg, [p[0]], BREACH)
    assert offline.checkin(office, laptop).applied == 1


def test_a_check_out_cancelled_half_way_leaves_nothing(office: Matter, tmp_path: Path) -> None:
    steps = offline.checkout_steps(office, [1, 2, 3], "Alice", tmp_path / "pkg")
    first = next(steps)
    assert first.step == "checkout"
    assert next(steps).step == "index"  # copied and cut; indexing
    steps.close()  # Cancel
    assert offline.batches(office) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Office.matter"]
