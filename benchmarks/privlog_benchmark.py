"""How long the privilege-log checks and exports take on a log of many entries.

Writes ``--entries`` bare document rows straight into a fresh matter (no import; the checks
and exports read only the documents' names), codes them all withheld in one bulk call (one
audited batch) with generated descriptions — a tenth of them near-duplicates, so the
boilerplate rule has work to do — a people list of 200 names, and then times
``privcheck.check`` and each preset's export to XLSX and CSV.

Usage::

    python benchmarks/privlog_benchmark.py [--entries 2000] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from reviewer.core.exports import write
from reviewer.core.exports.privilege_log import privilege_log_report
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import coding as privilege
from reviewer.core.privilege import people
from reviewer.core.privilege.log import PRESETS

TOPICS = (
    "contract renewal pricing dispute litigation hold merger diligence patent license "
    "settlement regulatory inquiry audit employment severance tax opinion board minutes "
    "draft agreement supplier warranty recall insurance coverage"
)
WORDS = TOPICS.split()


def build(path: Path, n: int, rng: random.Random) -> Matter:
    m = Matter.create(path, "Benchmark v. Privilege")
    with m.db.atomic():
        m.db["documents"].insert_all(
            {"id": i, "sha256": f"{i:064x}", "file_name": f"DOC-{i:06d}.pdf",
             "stored_path": "files/x.pdf", "byte_size": 1, "kind": "exhibit",
             "page_count": 3, "text_quality": "good", "imported_at": "2026-01-01"}
            for i in range(1, n + 1)
        )  # fmt: skip
    privilege.set_settings(m, client_org="Client Co")
    names = [f"Person {i}" for i in range(200)]
    for i, name in enumerate(names):
        people.add_person(m, name, attorney=i % 10 == 0, organisation="Client Co")
    privilege.set_privilege(m, list(range(1, n + 1)), "withheld", "attorney-client",
                            doc_type="E-mail", date="2019-05-01", author=names[0],
                            recipients=f"{names[1]}; {names[2]}", suggest=False)  # fmt: skip
    with m.db.atomic():
        for i in range(1, n + 1):
            words = rng.sample(WORDS, 8) if i % 10 else WORDS[:8]
            m.db.execute("UPDATE privilege SET description = ? WHERE doc_id = ?",
                         ["E-mail requesting legal advice on " + " ".join(words), i])  # fmt: skip
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--entries", type=int, default=2000)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="privlog-"))
    t0 = time.perf_counter()
    m = build(out / "Bench.matter", args.entries, random.Random(6))
    print(f"built and coded {args.entries} entries in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    found = privcheck.check(m)
    print(f"check: {time.perf_counter() - t0:.2f} s, {len(found)} findings "
          f"({sum(f.rule == 'boilerplate' for f in found)} boilerplate groups)")  # fmt: skip
    for preset in PRESETS:
        for fmt in ("xlsx", "csv"):
            t0 = time.perf_counter()
            write([privilege_log_report(m, preset)], fmt, out / f"{preset}.{fmt}")
            print(f"export {preset:17} {fmt}: {time.perf_counter() - t0:.2f} s")
    m.close()


if __name__ == "__main__":
    main()
