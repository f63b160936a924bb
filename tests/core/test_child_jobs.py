"""The app's long jobs in a child process (issue 14, item 4): a check-in streams its progress
and hands its result back; closed early (Cancel) it leaves the matter exactly as it was; one
operation (a delete, its undo) runs there and returns its Changes."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.errors import ReviewerError
from reviewer.core.jobs import child_jobs
from reviewer.core.jobs.processes import HelperProcess, run_in_child, stream_in_child
from reviewer.core.matter import history
from reviewer.core.matter.delete import delete_documents
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.offline.checkin import PAUSE_ENV
from reviewer.core.records import Progress
from tests.core.test_offline import BREACH, office, paras, snapshot

__all__ = ["office"]  # the fixture, shared with the offline tests


def _package(m: Matter, folder: Path, n: int) -> Path:
    offline.checkout(m, [1], "Alice", folder)
    with Matter.open(folder) as pkg:
        for pid in paras(pkg)[:n]:
            tagging.tag(pkg, [pid], BREACH)
    return folder


def _drain(steps: object) -> tuple[list[Progress], object]:
    seen = []
    while True:
        try:
            seen.append(next(steps))  # type: ignore[call-overload]
        except StopIteration as stop:
            return seen, stop.value


def test_a_check_in_in_a_child_returns_its_result(office: Matter, tmp_path: Path) -> None:
    folder = _package(office, tmp_path / "pkg", 4)
    seen, result = _drain(stream_in_child(child_jobs.checkin, (office.path, folder)))
    assert isinstance(result, offline.CheckinResult)
    assert (result.applied, result.operations, result.conflicts) == (4, 4, 0)
    assert seen[-1].done == seen[-1].total == 4  # typed: operations merged of the package's
    assert {(p.step, p.unit) for p in seen} == {("checkin", "operations")}
    assert [b.status for b in offline.batches(office)] == ["in"]


def test_a_check_in_closed_early_leaves_the_matter_as_it_was(
    office: Matter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _package(office, tmp_path / "pkg", 6)
    before = snapshot(office)
    monkeypatch.setenv(PAUSE_ENV, "0.2")  # the child inherits it: 0.2 s per operation merged
    steps = stream_in_child(child_jobs.checkin, (office.path, folder))
    while next(steps).done < 2:  # two operations merged, inside the one transaction
        pass
    steps.close()  # Cancel
    assert snapshot(office) == before
    monkeypatch.delenv(PAUSE_ENV)
    _seen, result = _drain(stream_in_child(child_jobs.checkin, (office.path, folder)))
    assert result.applied == 6  # type: ignore[attr-defined]


def test_a_delete_and_its_undo_run_in_a_child(office: Matter) -> None:
    doc = find_document(office, 2)
    waiting = Progress(0, 0, "Deleting", step="operation")
    call = partial(delete_documents, docs=[doc])
    _seen, changes = _drain(run_in_child(child_jobs.run_operation, (office.path, call), waiting))
    assert 2 in changes.content  # type: ignore[attr-defined]
    assert office.db.execute("SELECT 1 FROM documents WHERE id = 2").fetchone() is None
    args = (office.path, history.undo)
    _seen, changes = _drain(run_in_child(child_jobs.run_operation, args, waiting))
    assert find_document(office, 2).file_name == doc.file_name


def test_the_helper_process_is_reused_and_says_why_a_call_failed(office: Matter) -> None:
    helper = HelperProcess()
    waiting = Progress(0, 0, "Working", step="operation")
    try:
        first = _drain(helper.run(os.getpid, (), waiting))[1]
        assert first != os.getpid()  # another process…
        call = partial(delete_documents, docs=[find_document(office, 2)])
        _drain(helper.run(child_jobs.run_operation, (office.path, call), waiting))
        assert office.db.execute("SELECT 1 FROM documents WHERE id = 2").fetchone() is None
        assert _drain(helper.run(os.getpid, (), waiting))[1] == first  # …spawned once
        _drain(helper.run(child_jobs.run_operation, (office.path, history.undo), waiting))
        assert find_document(office, 2).id == 2
        history.redo(office)
        with pytest.raises(ReviewerError, match="Nothing to redo"):
            _drain(helper.run(child_jobs.run_operation, (office.path, history.redo), waiting))
    finally:
        helper.close()
