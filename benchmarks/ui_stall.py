"""UI-thread stall while an import runs on the worker thread.

A 10 ms precise QTimer on the GUI thread records the gap between its ticks while the Job
imports a folder of PDFs into a temporary matter; a gap well above 10 ms is time the GUI
thread could not run (the GIL held by the worker thread, or work on the GUI thread itself).

To say which part stalls, the worker's phases are timed from outside (wrappers installed by
this script; the core is not modified): hashing, storing one document (SQLite), adding it to
the search index (Whoosh), and the index commit. Each large gap is listed with the phases it
overlaps.

A thread holds the GIL past the switch interval only inside one long C call or a garbage
collection; ``--trace`` lists those (C calls and collections over ``--trace-ms``, on the
worker thread and the process pool's result thread) beside the gaps. It slows the import
(a profile hook on every call), so take the figures from a run without it.

``--jobs`` covers every long job of the app instead — import, OCR, reindex, find-and-redact,
production export and verify, privilege-log export, and (``stall_jobs.py``) check-out,
check-in, every Export-menu export, delete, kind change and their undo — each run through
the app's JobRunner with the ticker going (the stall the user feels), side by side with the
same job run on the GUI thread as a raw baseline (the freeze it would cause there).

Usage::

    QT_QPA_PLATFORM=offscreen python benchmarks/ui_stall.py [FOLDER] [--workers 2]
        [--trace] [--trace-ms 20]
    QT_QPA_PLATFORM=offscreen python benchmarks/ui_stall.py [FOLDER] --jobs [--limit 12]
        [--skip export+verify]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "pdfs"
TICK_MS = 10
HITS: list[Any] = []  # what the find-and-redact preview found: stall_jobs records them

Phase = tuple[str, float, float]  # name, start, end (perf_counter seconds)


def _timed(phases: list[Phase], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            phases.append((name, start, time.perf_counter()))

    return wrapper


def instrument(phases: list[Phase]) -> None:
    """Time the worker's phases by wrapping core functions (this process only)."""
    from reviewer.core import search
    from reviewer.core.ingest import pipeline as ingest

    ingest._precheck = _timed(phases, "hash+lookup", ingest._precheck)
    ingest._store = _timed(phases, "sqlite store", ingest._store)
    search.IndexUpdater.add = _timed(phases, "index add", search.IndexUpdater.add)
    search.IndexUpdater.close = _timed(phases, "index commit", search.IndexUpdater.close)


# C calls that wait with the GIL released (locks, polls, I/O): long, but they stall nobody.
RELEASE_GIL = frozenset(
    {"acquire", "poll", "select", "waitpid", "wait", "sleep", "read", "readinto", "write",
     "sendfile", "recv", "recv_bytes", "send", "send_bytes", "join"}
)  # fmt: skip


class CallTracer:
    """Records C calls (those that keep the GIL) and garbage collections that last over
    ``threshold`` seconds, as phases named after the function and the calling thread."""

    def __init__(self, phases: list[Phase], threshold: float) -> None:
        self.phases, self.threshold = phases, threshold
        self.open: dict[int, list[float]] = {}
        self.gc_start = 0.0

    def profile(self, _frame: FrameType, event: str, arg: Any) -> None:
        if event == "c_call":
            self.open.setdefault(threading.get_ident(), []).append(time.perf_counter())
        elif event in ("c_return", "c_exception"):
            stack = self.open.get(threading.get_ident())
            if not stack:
                return
            start, end = stack.pop(), time.perf_counter()
            qualname = str(getattr(arg, "__qualname__", arg))
            if end - start > self.threshold and qualname.rsplit(".", 1)[-1] not in RELEASE_GIL:
                owner = getattr(arg, "__self__", None)
                where = getattr(arg, "__module__", None) or type(owner).__name__
                name = f"{where}.{qualname}"
                thread = threading.current_thread().name
                self.phases.append((f"C {name} [{thread[:12]}]", start, end))

    def collected(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.gc_start = time.perf_counter()
        elif time.perf_counter() - self.gc_start > self.threshold:
            name = f"gc gen{info['generation']} [{threading.current_thread().name[:12]}]"
            self.phases.append((name, self.gc_start, time.perf_counter()))

    def install(self) -> None:
        """Trace threads started from now on (the pool's) and collections everywhere; the
        worker thread (a QThread) calls ``sys.setprofile(self.profile)`` itself."""
        threading.setprofile(self.profile)
        gc.callbacks.append(self.collected)


class Ticker:
    """Records the gaps between ticks of a precise timer on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))
        self.timer.start()

    def gaps(self) -> list[tuple[float, float]]:
        """(gap in ms, time the gap ended) for each pair of consecutive ticks."""
        return [((b - a) * 1000, b) for a, b in zip(self.ticks, self.ticks[1:], strict=False)]


def run_import(
    folder: Path, workers: int, trace_ms: float | None = None
) -> tuple[Ticker, list[Phase], float, Any]:
    """Import ``folder`` through a JobRunner while the ticker runs; returns what was seen."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from reviewer.core.ingest.pipeline import import_files
    from reviewer.core.matter.store import Matter
    from reviewer.qt.app import keep_ui_responsive
    from reviewer.qt.worker import JobRunner

    app = QApplication.instance() or QApplication(sys.argv)
    phases: list[Phase] = []
    instrument(phases)
    tracer = CallTracer(phases, trace_ms / 1000) if trace_ms else None
    if tracer:
        tracer.install()

    def make(mc: Matter) -> Any:
        if tracer:
            sys.setprofile(tracer.profile)  # called on the worker thread
        return import_files(mc, paths, workers=workers)

    paths = sorted(folder.glob("*.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        matter = Matter.create(Path(tmp) / "bench.matter")
        runner = JobRunner()
        keep_ui_responsive()  # as the app does once its window is up
        ticker = Ticker()
        loop = QEventLoop()
        outcome: list[Any] = []
        start = time.perf_counter()
        job = runner.submit(matter, make)
        job.finished.connect(lambda s: (outcome.append(s), loop.quit()))
        job.failed.connect(lambda m: (outcome.append(m), loop.quit()))
        loop.exec()
        elapsed = time.perf_counter() - start
        ticker.timer.stop()
        runner.shutdown()
        matter.close()
    del app
    return ticker, phases, elapsed, outcome[0] if outcome else None


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(ticker: Ticker, phases: list[Phase], elapsed: float, outcome: Any) -> None:
    gaps = ticker.gaps()
    values = [g for g, _ in gaps]
    results = getattr(outcome, "results", [])
    print(f"imported {sum(r.status == 'imported' for r in results)} files in {elapsed:.2f} s")
    print(
        f"UI tick gap (timer {TICK_MS} ms, {len(values)} ticks): max {max(values):.1f} ms, "
        f"p99 {_pct(values, 0.99):.1f} ms, p95 {_pct(values, 0.95):.1f} ms, "
        f"median {statistics.median(values):.1f} ms"
    )
    for name in dict.fromkeys(p[0] for p in phases):
        spans = [(e - s) * 1000 for n, s, e in phases if n == name]
        print(f"  worker phase {name:13s}: {len(spans):3d}x, total {sum(spans):7.1f} ms, "
              f"longest {max(spans):6.1f} ms")  # fmt: skip
    print("largest gaps and the worker phases they overlap:")
    for gap, end in sorted(gaps, reverse=True)[:8]:
        begin = end - gap / 1000
        hits = [f"{n} {(e - s) * 1000:.0f} ms" for n, s, e in phases if s < end and e > begin]
        print(f"  {gap:6.1f} ms  at +{begin - ticker.ticks[0]:6.2f} s  {', '.join(hits) or '-'}")


def _in_background(runner: Any, matter: Any, make: Any) -> tuple[float, list[float]]:
    """Run one job through the JobRunner with the ticker going: (seconds, tick gaps in ms)."""
    from PySide6.QtCore import QEventLoop

    ticker, loop, outcome = Ticker(), QEventLoop(), []
    start = time.perf_counter()
    job = runner.submit(matter, make)
    job.finished.connect(lambda s: (outcome.append(s), loop.quit()))
    job.failed.connect(lambda m: (outcome.append(m), loop.quit()))
    loop.exec()
    ticker.timer.stop()
    if isinstance(outcome[0], str):
        sys.exit(f"the job failed: {outcome[0]}")
    return time.perf_counter() - start, [g for g, _ in ticker.gaps()]


def _idle(seconds: float = 3.0) -> list[float]:
    """Tick gaps with no job at all: the machine's own noise floor (other processes on the
    same cores), to read the jobs' figures against."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticker, loop = Ticker(), QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    ticker.timer.stop()
    return [g for g, _ in ticker.gaps()]


def _scan(path: Path) -> Path:
    from reviewer.core.pdf import PdfWriter

    src = PdfWriter()
    src.new_page()
    for i in range(20):
        src.text(90, 100 + 28 * i, f"{i + 1}. The defendant shipped forty crates.", size=14)
    png = src.page_png(0, dpi=200)
    src.close()
    out = PdfWriter()
    out.insert_image_page(png)
    out.insert_image_page(png)
    out.save(path)
    return path


def _suite(paths: list[Path], tmp: Path, workers: int) -> list[tuple[str, Any, bool]]:
    """(name, make(matter, n), run it on the GUI thread as a baseline?) for each job; the
    background jobs are the app's own (``reviewer.qt.background``)."""
    from reviewer.core import search
    from reviewer.core.ingest.ocr import tesseract
    from reviewer.qt import background as bg

    scan = _scan(tmp / "scan.pdf")

    def ocr(m: Any, n: int) -> Any:
        row = m.db.execute("SELECT id FROM documents WHERE file_name = 'scan.pdf'").fetchone()
        return bg.ocr_all([row[0]])(m)

    jobs: list[tuple[str, Any, bool]] = [
        ("import", lambda m, n: bg.import_files(paths, ocr=False)(m), False),
        ("import scan", lambda m, n: bg.import_files([scan], ocr=False)(m), False),
        ("reindex", lambda m, n: bg.reindex()(m) if n == 0 else search.reindex(m), True),
        ("find (redact preview)",
         lambda m, n: bg.find_hits("V", "the", None, HITS if n == 0 else [])(m), True),
        ("export+verify", lambda m, n: bg.export_and_verify("V", tmp / f"out{n}", [])(m), True),
        ("privilege log",
         lambda m, n: bg.privilege_log("ninth-circuit", tmp / f"log{n}.xlsx", True, [])(m),
         True),
    ]  # fmt: skip
    if tesseract() is not None:
        jobs.insert(2, ("ocr (2 pages)", ocr, False))
    return jobs


def _prepare(matter: Any, name: str) -> None:
    """Before the jobs that need them: a production set of every document, coded documents."""
    from reviewer.core.privilege import coding as privilege
    from reviewer.core.production import sets as production

    if name == "find (redact preview)":
        ids = [str(r[0]) for r in matter.db.execute("SELECT id FROM documents")]
        production.create_set(matter, "V", "BENCH", 1)
        production.add_documents(matter, "V", ids)
        privilege.set_privilege(matter, ids[:3], "withheld", "attorney-client", suggest=False)


def run_jobs(folder: Path, limit: int, workers: int, skip: tuple[str, ...] = ()) -> None:
    """Every long job in the background (ticker gaps) beside the same job on the GUI thread."""
    from PySide6.QtWidgets import QApplication

    from reviewer.core.matter.store import Matter
    from reviewer.qt.app import keep_ui_responsive
    from reviewer.qt.worker import JobRunner

    app = QApplication.instance() or QApplication(sys.argv)
    keep_ui_responsive()
    paths = sorted(folder.glob("*.pdf"))[:limit]
    print(f"{len(paths)} PDFs from {folder}; tick {TICK_MS} ms; a stall is the longest gap")
    print(f"{'job':28} {'background s':>12} {'max gap ms':>10} {'p99 ms':>7}   "
          f"{'GUI thread s (freeze)':>21}")  # fmt: skip
    _row("(idle: no job)", 3.0, _idle(), "-")
    with tempfile.TemporaryDirectory() as tmp:
        matter = Matter.create(Path(tmp) / "bench.matter")
        runner = JobRunner()
        for name, make, baseline in _suite(paths, Path(tmp), workers):
            _prepare(matter, name)
            if name in skip:
                continue
            took, gaps = _in_background(runner, matter, lambda m, mk=make: mk(m, 0))
            freeze = "-"
            if baseline:
                start = time.perf_counter()
                for _ in make(matter, 1):
                    pass
                freeze = f"{time.perf_counter() - start:.2f}"
            _row(name, took, gaps, freeze)
        _run_extras(runner, matter, Path(tmp), skip)
        runner.shutdown()
        matter.close()
    _row("(idle: no job)", 3.0, _idle(), "-")
    del app


def _row(name: str, took: float, gaps: list[float], freeze: str) -> None:
    print(f"{name:28} {took:12.2f} {max(gaps):10.1f} {_pct(gaps, 0.99):7.1f}   {freeze:>21}",
          flush=True)  # fmt: skip


def _run_extras(runner: Any, matter: Any, tmp: Path, skip: tuple[str, ...]) -> None:
    """Check-out, check-in, every Export-menu export, delete / kind change and their undo
    (``stall_jobs``): the app's path in the background beside the same work on the GUI
    thread."""
    import stall_jobs

    stall_jobs.code_for_charts(matter)
    for extra in stall_jobs.extras(matter, tmp, HITS):
        if any(extra.name.startswith(name) for name in skip):
            continue
        ctx = extra.prepare()
        if extra.background is None:  # the app runs it on the GUI thread: its time is a stall
            took = stall_jobs.timed(lambda e=extra, c=ctx: e.raw(c))
            _row(extra.name + " [GUI]", 0.0, [took * 1000], f"{took:.2f}")
            continue
        took, gaps = _in_background(runner, matter, lambda m, e=extra, c=ctx: e.background(m, c))
        freeze = stall_jobs.timed(lambda e=extra, c=ctx: e.raw(c))
        _row(extra.name, took, gaps, f"{freeze:.2f}")
        if hasattr(ctx, "close"):
            ctx.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--jobs", action="store_true", help="every long job of the app")
    parser.add_argument("--limit", type=int, default=12, help="--jobs: PDFs to import")
    parser.add_argument("--skip", action="append", default=[], help="--jobs: a job to leave out")
    parser.add_argument("--trace", action="store_true", help="list long C calls and GCs")
    parser.add_argument("--trace-ms", type=float, default=20.0)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.folder.is_dir():
        sys.exit(f"{args.folder}: no such folder of PDFs")
    if args.jobs:
        run_jobs(args.folder, args.limit, args.workers, tuple(args.skip))
        return
    report(*run_import(args.folder, args.workers, args.trace_ms if args.trace else None))
    print(f"(GIL switch interval {sys.getswitchinterval() * 1000:.0f} ms; "
          f"threads now: {threading.active_count()})")  # fmt: skip


if __name__ == "__main__":  # spawn-started pool workers re-import this module
    main()
