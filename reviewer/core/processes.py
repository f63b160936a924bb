"""Worker processes that end with their parent.

A ``ProcessPoolExecutor`` worker blocks reading its call queue; when the parent is killed
(``kill -9``, a crash) nothing closes that queue (every worker holds a copy of its write end),
so the workers would wait for ever. Each worker started here watches its parent and exits
as soon as the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

POLL_S = 0.2


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
