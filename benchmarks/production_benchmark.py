"""How long a production takes on the corpus: import every corpus PDF (no OCR), put them all
in one production (withholding one), find-and-redact a common word on every page, export
(redact, stamp, DAT/OPT, log) and verify.

Usage::

    python benchmarks/production_benchmark.py [--corpus DIR] [--word Court] [--out DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import coding as privilege
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production
from reviewer.core.production import verify as production_verify

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "pdfs")
    ap.add_argument("--word", default="Court")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    base = args.out or Path(tempfile.mkdtemp(prefix="production-bench-"))
    files = sorted(args.corpus.glob("*.pdf"))
    with Matter.create(base / "Bench.matter", "Benchmark v. Production") as m:
        t = time.perf_counter()
        for _ in import_files(m, files, workers=2):
            pass
        print(f"import     {len(files)} PDFs          {time.perf_counter() - t:7.2f} s")
        names = [r[0] for r in m.db.execute("SELECT file_name FROM documents ORDER BY id")]
        privilege.set_privilege(m, [names[0]], "withheld", "attorney-client")
        production.create_set(m, "Bench", "BEN", 1, legend="CONFIDENTIAL")
        production.add_documents(m, "Bench", names)
        t = time.perf_counter()
        ids = production.redact_search(m, "Bench", args.word, "benchmark")
        print(f"redact     {len(ids)} hits of {args.word!r}   {time.perf_counter() - t:7.2f} s")
        t = time.perf_counter()
        manifest = production_export.export(m, "Bench", base / "out")
        pages = len(manifest["bates"])  # type: ignore[arg-type]
        print(f"export     {pages} pages            {time.perf_counter() - t:7.2f} s")
    t = time.perf_counter()
    problems = production_verify.verify(base / "out")
    print(f"verify     {len(problems)} problems           {time.perf_counter() - t:7.2f} s")
    for p in problems[:20]:
        print("  ", p)


if __name__ == "__main__":
    main()
