"""Killing reviewer (``kill -9``) in the middle of an import, an OCR run and a production
export: no process is left behind (the worker pool and Tesseract end with their parent),
nothing committed is lost, the next open removes what the dead process left half-written,
and running the same command again finishes the work. Real subprocesses, Linux /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reviewer.core.matter.store import DB_NAME, Matter
from reviewer.core.pdf import PdfWriter
from reviewer.core.production import sets as production
from reviewer.samples.synthetic import write_synthetic_complaint

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


def _ppids() -> dict[int, int]:
    out = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if fields[0] != "Z":  # a zombie has ended; only its parent's wait is missing
                out[int(entry.name)] = int(fields[1])
    return out


def _descendants(pid: int) -> set[int]:
    parents, found, todo = _ppids(), set(), [pid]
    while todo:
        p = todo.pop()
        kids = {c for c, pp in parents.items() if pp == p}
        todo += list(kids - found)
        found |= kids
    return found


def _alive(pids: set[int]) -> set[int]:
    return pids & set(_ppids())


def _reviewer(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewer", *args],
                          capture_output=True, text=True, timeout=600)  # fmt: skip


def _kill_when(
    args: list[str], ready: Callable[[set[int]], bool], timeout: float = 300
) -> set[int]:
    """Start ``reviewer ARGS``, kill -9 it as soon as ``ready(its descendants)``; return the
    processes it had started (all must end by themselves)."""
    return _kill_when_argv([sys.executable, "-m", "reviewer", *args], ready, timeout)


def _kill_when_argv(
    argv: list[str], ready: Callable[[set[int]], bool], timeout: float = 300
) -> set[int]:
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    kids: set[int] = set()
    deadline = time.monotonic() + timeout
    try:
        while True:
            kids |= _descendants(proc.pid)
            if ready(kids):
                break
            if proc.poll() is not None:
                pytest.fail(f"finished before it could be killed: {proc.stderr.read()!r}")  # type: ignore[union-attr]
            if time.monotonic() > deadline:
                pytest.fail("never reached the point to kill it at")
            time.sleep(0.02)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    return kids


def _all_end(kids: set[int]) -> None:
    deadline = time.monotonic() + 10
    while _alive(kids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(kids), f"left running after kill -9 of their parent: {_alive(kids)}"


def _count(path: Path, sql: str) -> int:
    conn = sqlite3.connect(f"{(path / DB_NAME).as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:  # the schema is being created
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def complaints(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("complaints")
    return [write_synthetic_complaint(folder / f"c{i}.pdf", 120, seed=i).path for i in range(8)]


def test_kill_during_import(tmp_path: Path, complaints: list[Path]) -> None:
    m = tmp_path / "M.matter"
    Matter.create(m).close()
    docs = "SELECT count(*) FROM documents"
    kids = _kill_when(["import", str(m), *map(str, complaints), "--no-ocr", "--workers", "2"],
                      lambda kids: len(kids) >= 2 and _count(m, docs) >= 2)  # fmt: skip
    assert kids, "the import ran in worker processes"
    _all_end(kids)
    committed = _count(m, docs)
    assert 2 <= committed < len(complaints)
    with Matter.open(m) as matter:  # the next open has the matter alone: it cleans up
        assert not list(matter.files_dir.rglob("*.part"))
        paragraphs = matter.db.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
        assert paragraphs >= committed * 120, "every committed document is whole"
    res = _reviewer("import", str(m), *map(str, complaints), "--no-ocr", "--json")
    assert res.returncode == 0, res.stderr
    assert _count(m, docs) == len(complaints)
    search = _reviewer("search", str(m), "plaintiff", "--counts", "--json")
    assert search.returncode == 0, search.stderr


def _scan(path: Path, pages: int, seed: int) -> Path:
    src = PdfWriter()
    for n in range(pages):
        src.new_page()
        for i in range(12):
            src.text(90, 120 + 30 * i, f"{n * 12 + i + 1}. The defendant shipped {seed + 2} "
                     "crates of pineapples to the warehouse.", size=14)  # fmt: skip
    images = [src.page_png(i, dpi=150) for i in range(pages)]
    src.close()
    out = PdfWriter()
    for png in images:
        out.insert_image_page(png)
    out.save(path)
    return path


def test_kill_during_ocr_then_the_same_import_finishes_it(tmp_path: Path, tesseract: str) -> None:
    m = tmp_path / "M.matter"
    Matter.create(m).close()
    scans = [_scan(tmp_path / f"scan{i}.pdf", 2, seed=i) for i in range(3)]

    def ocr_running(kids: set[int]) -> bool:
        names = {_name(k) for k in kids}
        return _count(m, "SELECT count(*) FROM documents") == len(scans) and "tesseract" in names

    kids = _kill_when(["import", str(m), *map(str, scans), "--workers", "2"], ocr_running)
    _all_end(kids)
    waiting = "SELECT count(*) FROM documents WHERE needs_ocr"
    assert _count(m, waiting) >= 1, "killed before every document was OCR'd"
    res = _reviewer("import", str(m), *map(str, scans), "--workers", "2")  # the same command
    assert res.returncode == 0, res.stderr
    assert "duplicate" in res.stdout
    assert _count(m, waiting) == 0, "the second run finished the OCR the first was cut short in"
    assert _count(m, "SELECT count(*) FROM pages WHERE ocr = 1") == 6


def _name(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return ""


def test_kill_during_production_export(tmp_path: Path, complaints: list[Path]) -> None:
    m = tmp_path / "M.matter"
    Matter.create(m).close()
    assert _reviewer("import", str(m), *map(str, complaints), "--no-ocr").returncode == 0
    with Matter.open(m) as matter:
        production.create_set(matter, "Vol1", "DEMO", 1)
        production.add_documents(matter, "Vol1", [str(i) for i in range(1, len(complaints) + 1)])
    out = tmp_path / "out"

    def half_written(_kids: set[int]) -> bool:
        return any(p.is_dir() and any((p / "PDF").glob("*.pdf")) if (p / "PDF").is_dir()
                   else False for p in tmp_path.glob(".out.part-*"))  # fmt: skip

    kids = _kill_when(["production", "export", str(m), "Vol1", "-o", str(out)], half_written)
    _all_end(kids)
    assert list(tmp_path.glob(".out.part-*")), "the dead export left its half-written folder"
    assert not out.exists()
    assert _count(m, "SELECT count(*) FROM production_pages") == 0  # numbers only on success
    with Matter.open(m) as matter:
        assert matter.cleaned
    assert not list(tmp_path.glob(".out.part-*")), "the next open removed it"
    res = _reviewer("production", "export", str(m), "Vol1", "-o", str(out))
    assert res.returncode == 0, res.stderr
    verify = _reviewer("production", "verify", str(out))
    assert verify.returncode == 0, verify.stdout


APP = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reviewer.qt.main_window import MainWindow
app = QApplication(sys.argv[:1])
w = MainWindow()
w.show()
assert w.open_matter(sys.argv[1])
action = sys.argv[2]
if action == "import":
    QTimer.singleShot(0, lambda: w.import_paths([Path(p) for p in sys.argv[3:]]))
elif action == "export":
    from reviewer.qt import background
    QTimer.singleShot(0, lambda: w.run_background(
        "Exporting", background.export_and_verify("Vol1", Path(sys.argv[3]), [])))
app.exec()
"""


def test_kill_the_app_during_an_import_and_an_export(
    tmp_path: Path, complaints: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    m = tmp_path / "M.matter"
    Matter.create(m).close()
    docs = "SELECT count(*) FROM documents"

    def app(*args: str) -> list[str]:
        return ["-c", APP, str(m), *args]

    # _kill_when runs "python -m reviewer ARGS": run the app script instead
    kids = _kill_when_argv([sys.executable, *app("import", *map(str, complaints))],
                           lambda kids: len(kids) >= 2 and _count(m, docs) >= 2)  # fmt: skip
    _all_end(kids)
    committed = _count(m, docs)
    assert 2 <= committed < len(complaints)
    assert _reviewer("import", str(m), *map(str, complaints), "--no-ocr").returncode == 0
    with Matter.open(m) as matter:
        assert not list(matter.files_dir.rglob("*.part"))
        production.create_set(matter, "Vol1", "DEMO", 1)
        production.add_documents(matter, "Vol1", [str(i) for i in range(1, len(complaints) + 1)])
    out = tmp_path / "out"
    kids = _kill_when_argv(
        [sys.executable, *app("export", str(out))],
        lambda _k: any((p / "PDF").is_dir() for p in tmp_path.glob(".out.part-*")),
    )
    _all_end(kids)
    assert not out.exists()
    with Matter.open(m):
        pass
    assert not list(tmp_path.glob(".out.part-*")), "the next open removed the half export"
