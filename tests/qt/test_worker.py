"""The worker: core Progress generators on a worker thread, signals on the GUI thread,
cancel between documents leaving every stored document whole, plain-word failures."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Slot
from pytestqt.qtbot import QtBot

from reviewer.core import search
from reviewer.core.errors import ReviewerError
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.records import Progress
from reviewer.qt.worker import Job, JobRunner, JobSummary, MakeJob, unexpected_message

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # read when the QApplication is made

LONG = 120_000  # ms: a slow CI machine parsing real filings


class Recorder(QObject):
    """Receives a job's signals on the GUI thread, as a view would."""

    def __init__(self, job: Job, cancel_at: int | None = None) -> None:
        super().__init__()
        self.job, self.cancel_at = job, cancel_at
        self.progress: list[Progress] = []
        self.threads: set[str] = set()
        self.summary: JobSummary | None = None
        self.message: str | None = None
        job.progressed.connect(self.on_progressed)
        job.finished.connect(self.on_finished)
        job.failed.connect(self.on_failed)

    @property
    def ended(self) -> bool:
        return self.summary is not None or self.message is not None

    @Slot(object)
    def on_progressed(self, progress: Progress) -> None:
        self.threads.add(threading.current_thread().name)
        self.progress.append(progress)
        if self.cancel_at is not None and len(self.progress) == self.cancel_at:
            self.job.cancel()

    @Slot(object)
    def on_finished(self, summary: JobSummary) -> None:
        self.threads.add(threading.current_thread().name)
        self.summary = summary

    @Slot(str)
    def on_failed(self, message: str) -> None:
        self.threads.add(threading.current_thread().name)
        self.message = message


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[JobRunner]:
    r = JobRunner()
    yield r
    r.shutdown()


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Matter]:
    m = Matter.create(tmp_path / "M.matter")
    yield m
    m.close()


def _run(
    qtbot: QtBot,
    runner: JobRunner,
    matter: Matter,
    make: MakeJob,
    cancel_at: int | None = None,
    ends: str = "finished",
) -> Recorder:
    """Submit, wait for the job's ``ends`` signal, then for the GUI thread to have seen it."""
    job = runner.submit(matter, make, "testing")
    rec = Recorder(job, cancel_at)
    with qtbot.waitSignal(getattr(job, ends), timeout=LONG):
        pass
    qtbot.waitUntil(lambda: rec.ended and not runner.busy, timeout=5000)
    return rec


def _seen_by(make: MakeJob) -> tuple[MakeJob, dict[str, Any]]:
    """Wrap ``make`` to record the thread and matter handle it ran with."""
    seen: dict[str, Any] = {}

    def wrapped(clone: Matter) -> Iterator[Progress]:
        seen["thread"], seen["clone"] = threading.current_thread(), clone
        return make(clone)

    return wrapped, seen


def _clone_closed(clone: Matter) -> bool:
    try:
        clone.db.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def test_import_reports_each_file_from_a_worker_thread(
    qtbot: QtBot, runner: JobRunner, fresh: Matter, corpus: Path
) -> None:
    paths = sorted(corpus.glob("*.pdf"))[:5]
    make, seen = _seen_by(lambda mc: import_files(mc, paths, workers=2))
    rec = _run(qtbot, runner, fresh, make)

    assert rec.message is None
    assert rec.summary is not None
    assert not rec.summary.cancelled
    assert [p.done for p in rec.progress] == list(range(1, len(paths) + 1))
    assert {p.total for p in rec.progress} == {len(paths)}
    assert [r.path for r in rec.summary.results] == [str(p) for p in paths]
    assert all(r.status == "imported" for r in rec.summary.results)
    assert rec.threads == {threading.main_thread().name}  # signals arrive on the GUI thread
    assert seen["thread"] is not threading.main_thread()
    assert seen["clone"] is not fresh
    assert _clone_closed(seen["clone"])

    stored = fresh.db.execute("SELECT id, page_count FROM documents").fetchall()
    assert len(stored) == len(paths)
    for doc_id, page_count in stored:
        n = fresh.db.execute("SELECT count(*) FROM pages WHERE doc_id = ?", [doc_id]).fetchone()
        assert n[0] == page_count
    assert search.check(fresh) is None
    assert multiprocessing.active_children() == []  # the process pool was shut down


def _assert_whole(matter: Matter) -> list[int]:
    """Every stored document complete: pages, paragraphs, file; the index agrees."""
    rows = matter.db.execute(
        "SELECT id, page_count, text_quality, stored_path FROM documents"
    ).fetchall()
    for doc_id, page_count, quality, stored_path in rows:
        pages = matter.db.execute("SELECT count(*) FROM pages WHERE doc_id = ?", [doc_id])
        assert pages.fetchone()[0] == page_count
        paras = matter.db.execute("SELECT count(*) FROM paragraphs WHERE doc_id = ?", [doc_id])
        if quality != "needs_ocr":
            assert paras.fetchone()[0] > 0
        assert (matter.path / stored_path).is_file()
    assert list(matter.files_dir.rglob("*.part")) == []
    assert search.check(matter) is None
    return [r[0] for r in rows]


def test_cancel_stops_between_documents_and_leaves_them_whole(
    qtbot: QtBot, runner: JobRunner, fresh: Matter, corpus: Path
) -> None:
    paths = sorted(corpus.glob("*.pdf"))[:10]
    rec = _run(qtbot, runner, fresh, lambda mc: import_files(mc, paths, workers=2), cancel_at=1)

    assert rec.message is None
    assert rec.summary is not None
    assert rec.summary.cancelled
    ids = _assert_whole(fresh)
    assert 1 <= len(ids) < len(paths)
    reported = {r.doc_id for r in rec.summary.results if r.status == "imported"}
    assert set(ids) == reported  # nothing stored behind the user's back after the cancel
    assert len(rec.progress) == len(rec.summary.results) < len(paths)
    assert multiprocessing.active_children() == []


def test_cancelled_matter_takes_the_rest_later(
    qtbot: QtBot, runner: JobRunner, fresh: Matter, corpus: Path
) -> None:
    paths = sorted(corpus.glob("*.pdf"))[:4]
    first = _run(qtbot, runner, fresh, lambda mc: import_files(mc, paths, workers=2), 1)
    assert first.summary is not None
    assert first.summary.cancelled
    again = _run(qtbot, runner, fresh, lambda mc: import_files(mc, paths, workers=2))
    assert again.summary is not None
    statuses = [r.status for r in again.summary.results]
    assert statuses.count("duplicate") == len(first.summary.results)
    assert len(_assert_whole(fresh)) == len(paths)


def test_a_reviewer_error_fails_with_its_message(
    qtbot: QtBot, runner: JobRunner, fresh: Matter
) -> None:
    closed: list[bool] = []

    def make(mc: Matter) -> Iterator[Progress]:
        try:
            yield Progress(1, 2, "first")
            raise ReviewerError("brief.pdf: the file is password-protected.")
        finally:
            closed.append(True)

    wrapped, seen = _seen_by(make)
    rec = _run(qtbot, runner, fresh, wrapped, ends="failed")
    assert rec.message == "brief.pdf: the file is password-protected."
    assert rec.summary is None
    assert len(rec.progress) == 1
    assert closed == [True]
    assert _clone_closed(seen["clone"])


def test_an_unexpected_error_is_logged_and_told_plainly(
    qtbot: QtBot, runner: JobRunner, fresh: Matter, caplog: pytest.LogCaptureFixture
) -> None:
    def make(mc: Matter) -> Iterator[Progress]:
        yield Progress(1, 2, "first")
        raise RuntimeError("internal detail 42")

    with caplog.at_level(logging.ERROR, logger="reviewer"):
        rec = _run(qtbot, runner, fresh, make, ends="failed")
    assert rec.message == unexpected_message("testing")
    assert "details were written to the log" in rec.message
    assert "internal detail" not in rec.message
    assert "Traceback" not in rec.message
    (record,) = [r for r in caplog.records if r.name == "reviewer"]
    assert record.exc_info is not None
    assert record.exc_info[0] is RuntimeError
    assert "internal detail 42" in caplog.text
    assert "Traceback" in caplog.text


def test_a_failing_make_still_closes_the_clone(
    qtbot: QtBot, runner: JobRunner, fresh: Matter
) -> None:
    seen: dict[str, Matter] = {}

    def make(mc: Matter) -> Iterator[Progress]:
        seen["clone"] = mc
        raise ReviewerError("Nothing to import.")

    rec = _run(qtbot, runner, fresh, make, ends="failed")
    assert rec.message == "Nothing to import."
    assert _clone_closed(seen["clone"])


def _slow(log: list[str], name: str, steps: int = 3) -> Iterator[Progress]:
    log.append(f"start {name}")
    try:
        for i in range(1, steps + 1):
            time.sleep(0.02)
            yield Progress(i, steps, f"{name} {i}")
    finally:
        log.append(f"end {name}")


def test_jobs_run_one_at_a_time_in_order(qtbot: QtBot, runner: JobRunner, fresh: Matter) -> None:
    log: list[str] = []
    jobs = [runner.submit(fresh, lambda mc, n=n: _slow(log, n)) for n in "abc"]
    assert runner.busy
    assert runner.jobs == jobs
    with qtbot.waitSignal(runner.drained, timeout=LONG):
        pass
    assert log == ["start a", "end a", "start b", "end b", "start c", "end c"]
    assert not runner.busy


def test_a_job_cancelled_before_its_turn_does_nothing(
    qtbot: QtBot, runner: JobRunner, fresh: Matter
) -> None:
    log: list[str] = []
    first = runner.submit(fresh, lambda mc: _slow(log, "first"))
    second = runner.submit(fresh, lambda mc: _slow(log, "second"))
    rec = Recorder(second)
    second.cancel()
    with qtbot.waitSignal(runner.drained, timeout=LONG):
        pass
    assert rec.summary == JobSummary([], cancelled=True)
    assert rec.progress == []
    assert log == ["start first", "end first"]
    assert not first.cancel_requested


def test_stop_all_waits_for_the_clean_up(qtbot: QtBot, runner: JobRunner, fresh: Matter) -> None:
    log: list[str] = []
    started = threading.Event()

    def endless(mc: Matter) -> Iterator[Progress]:
        started.set()
        yield from _slow(log, "endless", steps=10_000)

    job = runner.submit(fresh, endless)
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert runner.stop_all(timeout=10)
    assert log == ["start endless", "end endless"]
    assert job.wait(0)
