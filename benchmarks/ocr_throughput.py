"""OCR throughput benchmark: pages per minute on this machine with 1 and 2 workers, and the
measurement behind the choice of engine.

Measures, in one run:

1. Engine choice, on a few corpus scan pages at our DPI: PyMuPDF's ``get_textpage_ocr``
   (MuPDF's built-in Tesseract) vs. the ``tesseract`` program with TSV output on a page
   rendered by PyMuPDF (what ``reviewer.core.ingest.ocr`` does): seconds a page and words read.
2. ``ocr_documents`` over the scanned corpus files (imported first without OCR) with
   ``--workers`` 1 and 2: pages per minute, including re-segmenting, storing and indexing.

Usage::

    python benchmarks/ocr_throughput.py [--corpus DIR] [--engine-pages 4]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from reviewer.core.ingest import ocr  # noqa: E402
from reviewer.core.ingest.ocr_run import ocr_documents  # noqa: E402
from reviewer.core.ingest.pipeline import import_files  # noqa: E402
from reviewer.core.matter.store import Matter  # noqa: E402

SCANS = (
    "nynd-criminal-complaint-scanned.pdf",
    "ared-118974-exhibit-emails-scanned.pdf",
    "cacd-775858-civil-minutes-image-only.pdf",
    "cand-nibi-v-doe-complaint.pdf",
)
TESSDATA = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")


def _pymupdf_page(path: Path, index: int, tessdata: str) -> int:
    doc = pymupdf.open(path)
    try:
        page = doc[index]
        tp = page.get_textpage_ocr(language="eng", dpi=ocr.DPI, full=True, tessdata=tessdata)
        return len(page.get_text("words", textpage=tp))
    finally:
        doc.close()


def _engines(corpus: Path, pages: int, exe: str) -> None:
    tessdata = next((t for t in TESSDATA if Path(t).is_dir()), None)
    sample = [(corpus / name, i) for name in SCANS for i in range(pages // len(SCANS) or 1)]
    os.environ["OMP_THREAD_LIMIT"] = "1"  # both engines on one thread, as the workers run
    rows = []
    if tessdata:
        t = time.perf_counter()
        words = sum(_pymupdf_page(p, i, tessdata) for p, i in sample)
        rows.append(("PyMuPDF get_textpage_ocr", time.perf_counter() - t, words))
    t = time.perf_counter()
    words = sum(len(ocr.ocr_page(p, i, exe).words) for p, i in sample)
    rows.append(("tesseract program, TSV (ours)", time.perf_counter() - t, words))
    print(f"\nEngines on {len(sample)} pages at {ocr.DPI} dpi, one thread each:")
    for name, secs, words in rows:
        print(f"  {name:32} {secs / len(sample):5.2f} s/page  {words:6} words")


def _throughput(corpus: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as tmp, Matter.create(Path(tmp) / "B.matter") as m:
        for _ in import_files(m, [corpus / name for name in SCANS], workers=1):
            pass
        t = time.perf_counter()
        pages = 0
        for p in ocr_documents(m, workers=workers):
            pages = p.done
        secs = time.perf_counter() - t
    rate = pages / secs * 60
    print(f"  workers={workers}: {pages} pages in {secs:5.1f} s = {rate:5.1f} pages/minute")
    return rate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "pdfs")
    ap.add_argument("--engine-pages", type=int, default=4)
    args = ap.parse_args()
    exe = ocr.require_tesseract()
    version = subprocess.run([exe, "--version"], capture_output=True, text=True, check=False)
    print(f"{version.stdout.splitlines()[0] if version.stdout else exe}; {os.cpu_count()} CPUs")
    _engines(args.corpus, args.engine_pages, exe)
    print("\nOCR of the corpus scans (import without OCR first; OCR, segment, store, index):")
    one = _throughput(args.corpus, 1)
    two = _throughput(args.corpus, 2)
    print(f"  speed-up with 2 workers: {two / one:.2f}x")


if __name__ == "__main__":
    main()
