"""How fast the window opens: launch to a usable window, and opening a big matter.

1. *Launch*: wall time from starting a fresh process (``python -m reviewer gui DEMO``, or a
   frozen binary with ``--binary``) until the window is usable: shown, the demo matter open, its
   first document selected, the first page drawn and the event loop come round again. The app
   reports that moment itself when ``REVIEWER_EXIT_WHEN_READY`` is set, then quits. The demo
   matter is built first, so the figure is opening, not generating. The first run is the
   cold-ish one; the others are warm.
2. *Big matter* (``big_matter.py``: 10,000 documents / 100,000 paragraphs, index built with
   ``reviewer reindex``), in this process, offscreen: ``MainWindow.open_matter`` until the
   documents table is shown and the first page drawn (first open, then re-opens); whether the
   open started an index rebuild; the table scrolled to the end (a jump, then page by page);
   sorting by each column; choosing the last document.

Usage::

    python benchmarks/ui_open.py [--runs 5] [--docs 10000] [--reuse] [--profile]
        [--binary dist/reviewer/reviewer] [--skip-launch] [--skip-big]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out" / "ui-open"
READY = "REVIEWER_EXIT_WHEN_READY"


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def _row(name: str, values: list[float], note: str = "") -> None:
    """One table row: median and max of ``values`` (seconds)."""
    med, top = statistics.median(values), max(values)
    print(f"  {name:44s} {len(values):4d}  {_ms(med)}  {_ms(top)}  {note}")


def _header(title: str) -> None:
    print(f"\n{title}\n  {'what':44s} {'runs':>4s}  {'median':>11s}  {'max':>11s}")


# -- 1. launch --------------------------------------------------------------------------------
def build_demo(path: Path, command: list[str]) -> None:
    if not (path / "matter.sqlite").exists():
        subprocess.run([*command, "demo", "--no-gui", "--matter", str(path)], check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip


def launch_once(command: list[str], matter: Path, config: Path) -> tuple[float, float]:
    """Seconds from process start to "ready", and to the process's exit."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(config))
    env[READY] = "1"
    start = time.time()
    proc = subprocess.Popen([*command, "gui", str(matter)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)  # fmt: skip
    assert proc.stdout is not None
    ready = None
    for line in proc.stdout:
        if line.startswith("ready "):
            ready = float(line.split()[1])
            if "timed out" in line:
                raise RuntimeError("the window never drew its first page")
    code = proc.wait()
    end = time.time()
    if ready is None or code != 0:
        raise RuntimeError(f"{' '.join(command)} gui exited {code} without reporting ready")
    return ready - start, end - start


def bench_launch(command: list[str], runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.matter"
        build_demo(demo, command)
        times = [launch_once(command, demo, Path(tmp) / "config") for _ in range(runs)]
    ready = [t[0] for t in times]
    _header(f"1. Launch to a usable window, demo matter ({' '.join(command)} gui)")
    _row("first run (cold-ish): launch to usable", ready[:1])
    if runs > 1:
        _row("warm runs: launch to usable", ready[1:], "target < 2 s")
    _row("all runs: launch to process exit", [t[1] for t in times])
    print(f"  runs, s: {', '.join(f'{r:.3f}' for r in ready)}")


# -- 2. the big matter ------------------------------------------------------------------------
def big_matter(docs: int, reuse: bool) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import big_matter as big

    path = OUT / f"big-{docs}.matter"
    if reuse and (path / "matter.sqlite").exists():
        print(f"reusing {path}")
        return path
    if path.exists():
        import shutil

        shutil.rmtree(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    made = big.generate(path, docs, 10)
    print(f"generated {made['documents']:,} documents, {made['paragraphs']:,} paragraphs in "
          f"{made['seconds']:.1f} s; reviewer reindex: {big.reindex(path):.1f} s")  # fmt: skip
    return path


def _until(app: Any, done: Callable[[], bool], timeout: float = 60) -> None:
    """Run the event loop until ``done()``, then once more (pending paints)."""
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("timed out waiting for the window")
        app.processEvents()
    app.processEvents()


def _timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_big(path: Path, opens: int, profile: bool) -> None:
    from PySide6.QtCore import QModelIndex, Qt
    from PySide6.QtWidgets import QApplication

    from reviewer.core import search
    from reviewer.core.matter.store import Matter
    from reviewer.qt.main_window import MainWindow

    with Matter.open(path, readonly=True) as m:
        docs = m.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        paras = m.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        stale = search.check(m)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.show()
    _until(app, window.isVisible)
    view = window.docs_view

    def open_() -> None:
        window.open_matter(path)
        _until(app, lambda: window.page_view.rendered_pages() > 0)
        view.viewport().repaint()

    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    first = _timed(open_)
    if profiler:
        profiler.disable()
    rebuilding = window.jobs.busy or window.index is None
    message = window.statusBar().currentMessage()
    again = []
    for _ in range(opens):
        window.close_matter()  # else the window's own lock makes the re-open read-only
        again.append(_timed(open_))
    assert window.docs_model is not None
    assert window.matter is not None
    assert not window.matter.readonly
    rows = window.docs_model.rowCount(QModelIndex())

    _header(f"2. Big matter: {docs:,} documents, {paras:,} paragraphs ({path.name})")
    print(f"  index before the open: {stale or 'up to date'}; "
          f"open started a rebuild: {'YES: ' + message if rebuilding else 'no'}")  # fmt: skip
    _row("open_matter → table shown + page 1 drawn, 1st", [first], "target < 1 s")
    _row("open_matter → … re-opens", again, "target < 1 s")

    bar = view.verticalScrollBar()
    jump = _timed(lambda: (view.scrollToBottom(), view.viewport().repaint()))
    bar.setValue(0)
    view.viewport().repaint()
    steps = []
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        steps.append(_timed(lambda v=value: (bar.setValue(v), view.viewport().repaint())))
    _row("table: jump to the last row (+ paint)", [jump])
    _row(f"table: page down through {rows:,} rows, each step", steps,
         f"total {sum(steps):.2f} s, cached rows {window.docs_model.cached_rows}")  # fmt: skip
    model = window.docs_model

    def sort(column: int, order: Qt.SortOrder) -> None:
        view.sortByColumn(column, order)
        view.viewport().repaint()

    for column in range(model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        orders = (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)
        _row(
            f"sort by {name} (asc, desc) + paint",
            [_timed(partial(sort, column, o)) for o in orders],
        )

    def choose() -> None:
        window.open_document(model.doc_id(rows - 1))
        _until(app, lambda: window.page_view.rendered_pages() > 0)

    _row("choose the last document → page drawn", [_timed(choose)])
    window.close()
    if profiler:
        print("\nprofile of the first open (cumulative, top 25):")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="launches, and re-opens")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--reuse", action="store_true", help="reuse an earlier big matter")
    parser.add_argument("--profile", action="store_true", help="cProfile the big open")
    parser.add_argument("--binary", type=Path, help="launch this frozen binary instead")
    parser.add_argument("--skip-launch", action="store_true")
    parser.add_argument("--skip-big", action="store_true")
    args = parser.parse_args()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    command = [str(args.binary)] if args.binary else [sys.executable, "-m", "reviewer"]
    print(f"cpus {os.cpu_count()}, load {os.getloadavg()[0]:.2f}, Python {sys.version.split()[0]}")
    if not args.skip_launch:
        bench_launch(command, args.runs)
    if not args.skip_big:
        path = big_matter(args.docs, args.reuse)
        with tempfile.TemporaryDirectory() as config:
            os.environ["XDG_CONFIG_HOME"] = config  # the window's saved layout stays out of it
            bench_big(path, args.runs, args.profile)


if __name__ == "__main__":
    main()
