"""Worker processes that end with their parent.

A ``ProcessPoolExecutor`` worker blocks reading its call queue; when the parent is killed
(``kill -9``, a crash) nothing closes that queue (every worker holds a copy of its write end),
so the workers would wait for ever. Each worker started here watches its parent and exits
as soon as the parent is gone. ``run_in_child`` runs one call in such a process for a job
that would hold the GIL (and so freeze the app) if it ran in a thread.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from reviewer.core.errors import MACHINE_FAULTS, ReviewerError, describe_os_error
from reviewer.core.records import Progress

T = TypeVar("T")

POLL_S = 0.2


def failure_message(exc: Exception) -> str:
    """What the parent shows for a child's failure: a user error's own sentence, a machine
    fault described (full disk, read-only folder…), anything else logged with its traceback."""
    if isinstance(exc, ReviewerError):
        return str(exc)
    if isinstance(exc, MACHINE_FAULTS):
        return describe_os_error(exc) or f"Unexpected error: {exc}"
    logging.getLogger("reviewer").exception("background process failed")
    return "Unexpected error in the background process."


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` spawned processes that end when this process ends."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=watch_parent,
        initargs=(os.getpid(),),
    )


def watch_parent(parent: int) -> None:
    """In a worker: exit at once when ``parent`` is no longer this process's parent."""
    thread = threading.Thread(target=_watch, args=(parent,), name="watch-parent", daemon=True)
    thread.start()


def _watch(parent: int) -> None:
    while _alive(parent):
        time.sleep(POLL_S)
    os._exit(1)


def _alive(parent: int) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows: the parent's pid stays ours to test
        try:
            os.kill(parent, 0)
        except OSError:
            return False
        return True
    return os.getppid() == parent  # reparented (to init or a subreaper): the parent died


def run_in_child(
    fn: Callable[..., T], args: tuple[Any, ...], progress: Progress, scratch_of: Path | None = None
) -> Generator[Progress, None, T]:
    """Run ``fn(*args)`` in a spawned process (it ends with this one), yielding ``progress``
    about every 0.2 s while it works, and return its result. For work that holds the GIL for
    long stretches (PyMuPDF writing or reading pages): in a thread it would freeze the app.

    Closing the generator (a cancel) terminates the child; ``scratch_of`` (its matter) then
    has the child's registered scratch files removed. A ReviewerError in the child is raised
    here with its message; anything else as a ReviewerError saying it was unexpected."""
    ctx = multiprocessing.get_context("spawn")
    here, there = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child_main, args=(there, os.getpid(), fn, args), daemon=True)
    child.start()
    there.close()
    try:
        while not here.poll(0.2):
            if not child.is_alive() and not here.poll():
                raise ReviewerError("The background process ended unexpectedly; nothing was kept.")
            yield progress
        kind, value = here.recv()
    finally:
        here.close()
        if child.is_alive():
            child.terminate()
        child.join()
        if scratch_of is not None and child.exitcode != 0 and child.pid is not None:
            from reviewer.core.matter.opening import clean_scratch

            clean_scratch(scratch_of, child.pid)
    if kind == "error":
        raise ReviewerError(value)
    return value  # type: ignore[no-any-return]


def _child_main(
    conn: Connection, parent: int, fn: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    watch_parent(parent)
    try:
        result: tuple[str, Any] = ("ok", fn(*args))
    except Exception as exc:  # every failure goes back to the parent as a sentence
        result = ("error", failure_message(exc))
    conn.send(result)
    conn.close()


class HelperProcess:
    """One long-lived helper process (spawned at first use, ending with this one) for short
    jobs that must not run in a thread of the app — an operation that re-indexes a document
    holds the GIL — yet are too short to pay for a process of their own (0.5-0.8 s to spawn
    and import). Calls run one at a time, to their end."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def run(
        self, fn: Callable[..., T], args: tuple[Any, ...], progress: Progress
    ) -> Generator[Progress, None, T]:
        """``fn(*args)`` in the helper, yielding ``progress`` about every 0.2 s while it
        works; its result, or a ReviewerError with the sentence to show."""
        from concurrent.futures import TimeoutError as Waiting
        from concurrent.futures.process import BrokenProcessPool

        if self._pool is None:
            self._pool = worker_pool(1)
        future = self._pool.submit(_answer, fn, args)
        while True:
            try:
                kind, value = future.result(timeout=POLL_S)
                break
            except Waiting:
                yield progress
            except BrokenProcessPool:
                self.close()
                raise ReviewerError("The background process ended unexpectedly.") from None
        if kind == "error":
            raise ReviewerError(value)
        return value  # type: ignore[no-any-return]

    def close(self) -> None:
        """End the helper (the app quits, or it broke); the next call starts another."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _answer(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[str, Any]:
    """In the helper: ``fn(*args)`` as ("ok", result) or ("error", a sentence)."""
    try:
        return ("ok", fn(*args))
    except Exception as exc:  # every failure goes back to the parent as a sentence
        return ("error", failure_message(exc))


def stream_in_child(
    fn: Callable[..., Iterator[Progress]], args: tuple[Any, ...], cancel_wait: float = 300.0
) -> Generator[Progress, None, Any]:
    """Iterate ``fn(*args)`` (a generator of Progress) in a spawned process that ends with
    this one, yielding each Progress here — results and all. For long jobs whose work holds
    the GIL (SQLite, Whoosh, PyMuPDF): in a thread of the app it would freeze the window.

    Closing this generator (a cancel) asks the child to stop after the unit in hand (its
    generator is closed there, so its ``finally`` blocks run: pool shut down, index
    committed) and waits up to ``cancel_wait`` s before ending it. Returns what ``fn``'s
    generator returned (a check-in's result, say), when it ran to its end."""
    ctx = multiprocessing.get_context("spawn")
    here, there = ctx.Pipe()
    # Not a daemon: the child may start a worker pool of its own (imports, OCR).
    child = ctx.Process(target=_stream_main, args=(there, os.getpid(), fn, args))
    child.start()
    there.close()
    ended = False
    try:
        while True:
            if not here.poll(0.2):
                if not child.is_alive() and not here.poll():
                    raise ReviewerError("The background process ended unexpectedly.")
                continue
            kind, value = here.recv()
            if kind == "progress":
                yield value
                continue
            ended = True
            if kind == "error":
                raise ReviewerError(value)
            return value
    finally:
        if not ended:
            _stop(here, child, cancel_wait)
        here.close()
        child.join()


def _stop(conn: Connection, child: Any, wait: float) -> None:
    """Ask the child to stop after its unit in hand; end it if it does not within ``wait``."""
    with contextlib.suppress(OSError):
        conn.send("cancel")
    deadline = time.monotonic() + wait
    while child.is_alive() and time.monotonic() < deadline:
        try:
            if conn.poll(0.2) and conn.recv()[0] != "progress":
                break
        except (EOFError, OSError):
            break
    child.join(2.0)
    if child.is_alive():
        child.terminate()


def _stream_main(
    conn: Connection, parent: int, fn: Callable[..., Iterator[Progress]], args: tuple[Any, ...]
) -> None:
    watch_parent(parent)
    result: tuple[str, Any] = ("done", None)
    gen = fn(*args)
    try:
        while True:
            try:
                progress = next(gen)
            except StopIteration as stop:
                result = ("done", stop.value)
                break
            conn.send(("progress", progress))
            if conn.poll():  # the parent asked to stop: after this unit
                break
    except Exception as exc:  # every failure goes back to the parent as a sentence
        result = ("error", failure_message(exc))
    finally:
        close = getattr(gen, "close", None)
        if close is not None:
            close()
    with contextlib.suppress(OSError):
        conn.send(result)
    conn.close()
