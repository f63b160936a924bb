"""The app's one worker: runs a core Progress generator on a worker thread, one job at a time.

A ``Job`` wraps ``make(matter_clone) -> Iterator[Progress]`` (``import_files``, ``reindex``…).
It opens its own handle on the matter in the worker thread (``Matter.clone()``: its own SQLite
connection, the same write lock), re-emits each Progress as a signal, checks a cancel flag
between yields, and closes the generator so the core's ``finally`` blocks run (pool shutdown,
index commit). It never touches a widget: views listen to its signals, which Qt delivers on
the GUI thread.

``JobRunner`` owns the single worker thread; jobs submitted to it run in order, so the app
has one writer at a time.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import (
    QCoreApplication,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    QTimer,
    Signal,
    Slot,
)

from reviewer.core.errors import ReviewerError
from reviewer.core.jobs.processes import HelperProcess
from reviewer.core.matter.store import Matter
from reviewer.core.records import ImportResult, Progress

log = logging.getLogger("reviewer")

MakeJob = Callable[[Matter], Iterator[Progress]]


@dataclass(frozen=True, slots=True)
class JobSummary:
    """How a job ended without an error: the results it reported, and whether it was cut
    short by ``cancel()`` (results then cover only the units done before the cancel)."""

    results: list[ImportResult] = field(default_factory=list)
    cancelled: bool = False


def unexpected_message(title: str) -> str:
    """What the user reads when a job fails for a reason of ours, not theirs."""
    return f"Unexpected error while {title}; the details were written to the log."


class _Outlet(QObject):
    """A job's voice on the worker thread. The Job itself stays on the GUI thread and re-emits
    what this one emits (queued), so every slot connected to the Job — a lambda or a plain
    function too, which PySide calls on the emitting thread — runs on the GUI thread."""

    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    ended = Signal()

    def __init__(self, run: Callable[[], None]) -> None:
        super().__init__()
        self._run = run

    @Slot()
    def run(self) -> None:
        self._run()


class Job(QObject):
    """One long job over a matter. Emits ``progressed`` for each Progress, then exactly one
    of ``finished(JobSummary)`` or ``failed(str)``, always on the GUI thread (the work runs
    on the runner's thread). Run it with ``JobRunner.submit``."""

    progressed = Signal(object)  # Progress
    finished = Signal(object)  # JobSummary
    failed = Signal(str)  # a message for the user, never a traceback
    # After finished or failed, from the same thread: Qt delivers one thread's queued calls in
    # order, so when ``ended`` arrives every slot of those has been called (or queued ahead).
    ended = Signal()

    def __init__(self, matter: Matter, make: MakeJob, title: str = "working") -> None:
        """``matter`` is the GUI's handle: only its path is used, from the worker thread, to
        open a clone. ``title`` completes "Unexpected error while …" (e.g. "importing")."""
        super().__init__()
        self.matter = matter
        self.make = make
        self.title = title
        self._cancel = threading.Event()
        self._done = threading.Event()
        self._started = False
        self._handed_over = False  # run() was queued on the worker thread
        self._home = self.thread()
        self.outlet = _Outlet(self.run)
        for name in ("progressed", "finished", "failed", "ended"):
            getattr(self.outlet, name).connect(getattr(self, name))  # queued: a GUI-thread Job

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop after the unit in hand (safe from any thread). Work already
        stored stays; a job not yet started finishes at once, cancelled, doing nothing."""
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until run() has ended (from another thread); False after ``timeout`` s."""
        return self._done.wait(timeout)

    @Slot()
    def run(self) -> None:
        """Run the job to its end in the calling thread (the runner's worker thread)."""
        if self._started:
            raise RuntimeError("a Job runs once; make a new one")
        self._started = True
        try:
            self._emit_outcome()
            self.outlet.ended.emit()
        finally:
            # Hand the outlet back to the GUI thread, which owns and deletes it.
            self.outlet.moveToThread(self._home)
            self._done.set()

    def _emit_outcome(self) -> None:
        try:
            summary = self._work()
        except ReviewerError as exc:
            self.outlet.failed.emit(str(exc))
        except Exception:
            log.exception("Job %r failed", self.title)
            self.outlet.failed.emit(unexpected_message(self.title))
        else:
            self.outlet.finished.emit(summary)

    def _work(self) -> JobSummary:
        """Open a clone, drive the generator, close both whatever happens."""
        if self._cancel.is_set():
            return JobSummary([], cancelled=True)
        results: list[ImportResult] = []
        cancelled = False
        clone = self.matter.clone()
        try:
            gen = iter(self.make(clone))
            try:
                for progress in gen:
                    if progress.result is not None:
                        results.append(progress.result)
                    self.outlet.progressed.emit(progress)
                    if self._cancel.is_set():
                        cancelled = True
                        break
            finally:
                close = getattr(gen, "close", None)
                if close is not None:
                    close()  # runs the core's finally blocks: pool shutdown, index commit
        finally:
            clone.close()
        return JobSummary(results, cancelled)


class JobRunner(QObject):
    """Runs jobs one after another on one worker thread (one writer at a time).

    Call ``shutdown()`` before the app quits (it is also connected to ``aboutToQuit``) and
    ``stop_all()`` before closing the matter a job works on."""

    drained = Signal()  # the last queued job ended and its end was told to every listener

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []
        # Short jobs that must not hold the GIL here (a delete re-indexing its document) run
        # in one long-lived helper process, spawned at first use.
        self.helper = HelperProcess()
        self._thread = QThread()
        self._thread.setObjectName("reviewer-jobs")
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        """True while a job runs or waits to run."""
        return bool(self._jobs)

    @property
    def jobs(self) -> list[Job]:
        """Jobs running or waiting, in the order they run."""
        return list(self._jobs)

    def submit(self, matter: Matter, make: MakeJob, title: str = "working") -> Job:
        """Queue ``make(clone)`` behind the jobs already submitted and return its Job.

        The job starts at the next turn of this thread's event loop, so signals connected
        right after ``submit`` returns miss nothing."""
        if not self._thread.isRunning():
            raise RuntimeError("the job runner was shut down")
        job = Job(matter, make, title)
        job.ended.connect(self._pop)
        self._jobs.append(job)
        job.outlet.moveToThread(self._thread)
        QTimer.singleShot(0, self, partial(self._start, job))
        return job

    def _start(self, job: Job) -> None:
        job._handed_over = True
        QMetaObject.invokeMethod(job.outlet, "run", Qt.ConnectionType.QueuedConnection)

    def cancel_all(self) -> None:
        """Cancel the running job and every job waiting behind it."""
        for job in self._jobs:
            job.cancel()

    def stop_all(self, timeout: float | None = None) -> bool:
        """Cancel every job and block until each has ended (run its clean-up and closed its
        matter handle); False if ``timeout`` seconds passed first."""
        self.cancel_all()
        deadline = None if timeout is None else time.monotonic() + timeout
        for job in self._jobs:
            if not job._handed_over:  # it will end at once, cancelled, when its turn comes
                continue
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not job.wait(left):
                return False
        return True

    @Slot()
    def shutdown(self) -> None:
        """Stop every job and end the worker thread; the runner takes no more jobs."""
        self.cancel_all()
        self._thread.quit()
        self._thread.wait()
        self.helper.close()

    @Slot()
    def _pop(self) -> None:
        # Jobs run in submission order and each ends once, so the first one has ended.
        if self._jobs:
            self._jobs.pop(0)
        if not self._jobs:
            self.drained.emit()
