"""Check-out and check-in of an offline work package, beside the raw cost of the same work.

Copies MATTER (e.g. one made by ``big_matter.py``), adds the negligence claim, checks
``--docs`` documents out to a package, tags ``--ops`` of their paragraphs there (one
operation each, the assessment cycling), meanwhile tags every tenth of the same paragraphs
differently in the matter, and checks the package in (then again: nothing applied).
Baseline, in the same run: the same tagging operations made directly in a second copy of the
matter — what the work costs without going offline. Prints one table.

Usage::

    python benchmarks/offline_checkin.py MATTER [--docs 50] [--ops 400]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from reviewer.core import offline
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import add_from_template
from reviewer.core.matter.store import Matter

ASSESSMENTS = ("factual", "conclusory", "information-and-belief")
ELEMENT = "negligence.breach"


def _copy(src: Path, dest: Path) -> Matter:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("matter.lock", "index"))
    m = Matter.open(dest)
    if not any(c for c in m.db.execute("SELECT 1 FROM claims WHERE key = 'negligence'")):
        add_from_template(m, "negligence")
    return m


def _work(m: Matter, paras: list[int]) -> float:
    start = time.perf_counter()
    for i, pid in enumerate(paras):
        tagging.tag(m, [pid], ELEMENT, ASSESSMENTS[i % 3])
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("matter", type=Path)
    ap.add_argument("--docs", type=int, default=50)
    ap.add_argument("--ops", type=int, default=400)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="offline-bench-"))
    office, raw = _copy(args.matter, tmp / "office"), _copy(args.matter, tmp / "raw")
    docs = [r[0] for r in office.db.execute("SELECT id FROM documents ORDER BY id LIMIT ?",
                                            [args.docs])]  # fmt: skip
    marks = ",".join("?" * len(docs))
    paras = [r[0] for r in office.db.execute(
        f"SELECT id FROM paragraphs WHERE doc_id IN ({marks}) AND number IS NOT NULL "
        "ORDER BY doc_id, seq LIMIT ?", [*docs, args.ops],
    )]  # fmt: skip
    t = time.perf_counter()
    offline.checkout(office, docs, "Bench", tmp / "pkg")
    t_out = time.perf_counter() - t
    with Matter.open(tmp / "pkg") as pkg:
        t_work = _work(pkg, paras)
    for pid in paras[::10]:
        tagging.tag(office, [pid], ELEMENT, "contradicted")
    t = time.perf_counter()
    first = offline.checkin(office, tmp / "pkg")
    t_in = time.perf_counter() - t
    t = time.perf_counter()
    second = offline.checkin(office, tmp / "pkg")
    t_again = time.perf_counter() - t
    t_raw = _work(raw, paras)
    size = sum(f.stat().st_size for f in (tmp / "pkg").rglob("*") if f.is_file())
    print(f"{len(docs)} documents, {len(paras)} tagging operations; package {size / 1e6:.1f} MB")
    print(f"{'step':36} {'seconds':>8}")
    for label, secs in (
        ("check-out (copy, cut, index, seal)", t_out),
        ("the work, in the package", t_work),
        (f"check-in ({first.applied} applied, {first.conflicts} conflicts)", t_in),
        (f"check-in again ({second.applied} applied)", t_again),
        ("baseline: the same work in the matter", t_raw),
    ):
        print(f"{label:36} {secs:8.2f}")
    office.close()
    raw.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
