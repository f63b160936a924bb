"""Import throughput benchmark: raw PyMuPDF text extraction vs. our import (no indexing).

Measures, in one run:

1. Raw PyMuPDF pages/s (``page.get_text("dict")`` on every page, with the same text flags
   our reader uses, so images are not decoded on either side) over the corpus PDFs.
2. Our ``import_files`` pages/s into a fresh matter over the same PDFs, and the ratio
   ours/raw (target >= 0.5); and, in one process, our reading alone (``ingest.parse``:
   text, furniture, caption, kind, segmentation — no database, no search index) as
   ``parse_pps`` / ``parse_ratio``, so the cost of storing and indexing shows apart.
3. The same two figures over a generated synthetic matter of about ``--pages`` pages
   (cached in ``benchmarks/out/`` so reruns skip generation).
4. Peak RSS of a fresh child process importing the 391-page expert report (target < 500 MB).
5. Where the time goes: each stage of import over the corpus in one process, in seconds and
   as a multiple of the raw extraction measured just before it.

Usage::

    python benchmarks/import_throughput.py [--corpus DIR] [--pages 5000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pymupdf

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "benchmarks" / "out"
PARAS_PER_PAGE = 6.5
SYNTH_FILES = 10
BIG_PDF = "cand-306945-exhibit-expert-report-391p.pdf"
RSS_TARGET_MB = 500.0
RATIO_TARGET = 0.5

CHILD_CODE = """
import resource, sys, tempfile
from pathlib import Path
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
with tempfile.TemporaryDirectory() as tmp:
    m = Matter.create(Path(tmp) / "bench.matter")
    for _ in import_files(m, [Path(sys.argv[1])]):
        pass
    m.close()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

RAW_FLAGS = (
    pymupdf.TEXT_PRESERVE_LIGATURES
    | pymupdf.TEXT_PRESERVE_WHITESPACE
    | pymupdf.TEXT_MEDIABOX_CLIP
    | pymupdf.TEXT_CID_FOR_UNKNOWN_UNICODE
)


def default_corpus() -> Path:
    """The corpus root: $REVIEWER_CORPUS or ../shared/corpus relative to the repo."""
    env = os.environ.get("REVIEWER_CORPUS")
    return Path(env) if env else REPO.parent / "shared" / "corpus"


def raw_pymupdf(pdf_dir: Path) -> tuple[int, float]:
    """Extract ``dict`` text from every page of every PDF; return (pages, seconds)."""
    pages = 0
    start = time.perf_counter()
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        with pymupdf.open(pdf) as doc:
            for page in doc:
                page.get_text("dict", flags=RAW_FLAGS)
                pages += 1
    return pages, time.perf_counter() - start


def parse_only(pdf_dir: Path) -> float:
    """Read and segment every PDF without a matter (one process); return seconds."""
    from reviewer.core.errors import ReviewerError
    from reviewer.core.ingest.pipeline import parse

    start = time.perf_counter()
    for pdf in sorted(pdf_dir.glob("*.pdf")):
        with contextlib.suppress(ReviewerError):  # a bad file costs what it costs
            parse(pdf)
    return time.perf_counter() - start


def stages(pdf_dir: Path) -> dict[str, float]:
    """Seconds of each stage of import over every PDF, one process, in order: hashing,
    reading the text with the bad-redaction check beside it (``read_for_import``), the
    check's own share (the same run without it: ``read_pdf``), segmenting, storing and
    indexing — so the note can say where the time goes, as multiples of raw."""
    from dataclasses import replace

    from reviewer.core.errors import ReviewerError
    from reviewer.core.ingest import pipeline
    from reviewer.core.matter.store import Matter
    from reviewer.core.pdf import read_pdf
    from reviewer.core.pdf.intake import read_for_import
    from reviewer.core.production.redaction_check import as_rows
    from reviewer.core.search import IndexUpdater

    took = dict.fromkeys(("hash", "read", "read+check", "segment", "store", "index"), 0.0)

    def timed(stage: str, fn: Any, *args: Any) -> Any:
        start = time.perf_counter()
        try:
            return fn(*args)
        finally:
            took[stage] += time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        matter = Matter.create(Path(tmp) / "bench.matter")
        updater = IndexUpdater(matter)
        for pdf in sorted(pdf_dir.glob("*.pdf")):
            sha = timed("hash", pipeline.sha256_of, pdf)
            try:
                timed("read", read_pdf, pdf)
                text, found = timed("read+check", read_for_import, pdf)
            except ReviewerError:
                continue
            parsed = timed("segment", lambda t=text, n=pdf.name: pipeline.rows(
                pipeline.parse_text(t, n)))  # fmt: skip
            parsed = replace(parsed, bad_redactions=tuple(as_rows(found)))
            doc_id = timed("store", pipeline._store, matter, pdf, sha, parsed)
            timed("index", updater.add, doc_id)
        timed("index", updater.close)
        matter.close()
    took["check"] = took["read+check"] - took["read"]
    return {k: round(v, 2) for k, v in took.items()}


def ours(pdf_dir: Path, workers: int) -> float:
    """Import every file under ``pdf_dir`` into a fresh temp matter; return seconds."""
    from reviewer.core.ingest.pipeline import import_files
    from reviewer.core.matter.store import Matter

    with tempfile.TemporaryDirectory() as tmp:
        matter = Matter.create(Path(tmp) / "bench.matter")
        start = time.perf_counter()
        for _ in import_files(matter, [pdf_dir], workers=workers):
            pass
        elapsed = time.perf_counter() - start
        matter.close()
    return elapsed


def synthetic_dir(target_pages: int) -> Path:
    """Generate (or reuse) ~``target_pages`` pages of synthetic complaints; return the dir."""
    from reviewer.samples import write_synthetic_complaint

    files = SYNTH_FILES if target_pages >= 1000 else max(1, target_pages // 100)
    paras = max(1, round(target_pages * PARAS_PER_PAGE / files))
    out = OUT_DIR / f"synthetic-{files}x{paras}"
    out.mkdir(parents=True, exist_ok=True)
    for seed in range(files):
        path = out / f"synthetic-{seed:02d}.pdf"
        if not path.exists():
            write_synthetic_complaint(path, paragraphs=paras, seed=seed)
    return out


def compare(label: str, pdf_dir: Path, workers: int) -> dict[str, float | int | str]:
    """Run raw (one process) and ours (``workers`` processes) over ``pdf_dir``."""
    pages, raw_s = raw_pymupdf(pdf_dir)
    ours_s = ours(pdf_dir, workers)
    parse_s = parse_only(pdf_dir)
    raw_pps, ours_pps = pages / raw_s, pages / ours_s
    return {
        "parse_pps": round(pages / parse_s, 1),
        "parse_ratio": round(raw_s / parse_s, 3),
        "set": f"{label}/{workers}w",
        "pages": pages,
        "raw_s": round(raw_s, 2),
        "ours_s": round(ours_s, 2),
        "raw_pps": round(raw_pps, 1),
        "ours_pps": round(ours_pps, 1),
        "ratio": round(ours_pps / raw_pps, 3),
    }


def child_peak_rss_mb(pdf: Path) -> float:
    """Import ``pdf`` in a fresh child Python and return its peak RSS in MB."""
    proc = subprocess.run(
        [sys.executable, "-c", CHILD_CODE, str(pdf)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    kb = int(proc.stdout.strip().splitlines()[-1])  # Linux ru_maxrss is in KiB
    return kb / 1024


def print_table(rows: list[dict[str, float | int | str]], rss_mb: float) -> None:
    """Print a small human-readable table."""
    print(
        f"{'set':<10}{'pages':>7}{'raw s':>9}{'ours s':>9}{'raw p/s':>10}{'ours p/s':>10}"
        f"{'ratio':>8}  ok{'parse p/s':>11}{'ratio':>7}"
    )
    for r in rows:
        ok = "yes" if float(r["ratio"]) >= RATIO_TARGET else "NO"
        print(
            f"{r['set']:<10}{r['pages']:>7}{r['raw_s']:>9}{r['ours_s']:>9}"
            f"{r['raw_pps']:>10}{r['ours_pps']:>10}{r['ratio']:>8}  {ok:3}"
            f"{r['parse_pps']:>10}{r['parse_ratio']:>7}"
        )
    ok = "yes" if rss_mb < RSS_TARGET_MB else "NO"
    print(f"peak RSS importing {BIG_PDF}: {rss_mb:.1f} MB (target < {RSS_TARGET_MB:.0f})  {ok}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=default_corpus(),
        help="corpus root (its pdfs/ subfolder is used)",
    )
    parser.add_argument(
        "--pages", type=int, default=5000, help="approximate size of the synthetic matter in pages"
    )
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1, 2], help="import worker counts to run"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = args.corpus / "pdfs" if (args.corpus / "pdfs").is_dir() else args.corpus
    synth = synthetic_dir(args.pages)
    rows = [
        compare(name, d, w)
        for w in args.workers
        for name, d in (("corpus", corpus), ("synth", synth))
    ]
    rss_mb = child_peak_rss_mb(corpus / BIG_PDF)
    print_table(rows, rss_mb)
    _, raw_s = raw_pymupdf(corpus)
    parts = stages(corpus)
    print(f"stages over the corpus, one process (raw {raw_s:.2f} s):  " + "  ".join(
        f"{k} {v:.2f} s ({v / raw_s:.2f}x)" for k, v in parts.items()))  # fmt: skip
    print(
        json.dumps(
            {
                "results": rows,
                "peak_rss_mb": round(rss_mb, 1),
                "stages": {"raw_s": round(raw_s, 2), **parts},
                "targets": {"ratio": RATIO_TARGET, "peak_rss_mb": RSS_TARGET_MB},
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
