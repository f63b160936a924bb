"""The bad-redaction check per page, side by side with a raw baseline in the same run.

Baseline: what any look at a page's text and art costs — open the file and, per page,
``get_texttrace()`` plus ``get_drawings()`` (the two reads the check starts from).
Check: ``reviewer.core.production.redaction_check.bad_redactions`` on the same files.
Prints per file the pages, findings, and milliseconds per page of both, then the totals.

Usage::

    python benchmarks/redaction_check.py [PDF_OR_FOLDER ...]   (default: the corpus)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pymupdf

from reviewer.core.production.redaction_check import bad_redactions

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdfs"


def _files(args: list[str]) -> list[Path]:
    paths = [Path(a) for a in args] or [CORPUS]
    return sorted(p for a in paths for p in ([a] if a.is_file() else a.glob("*.pdf")))


def _baseline(path: Path) -> int:
    with pymupdf.open(path) as doc:
        for page in doc:
            page.get_texttrace()
            page.get_drawings()
        return int(doc.page_count)


def main(args: list[str]) -> None:
    total_pages = total_found = 0
    raw_s = check_s = 0.0
    print(f"{'file':55} {'pages':>5} {'found':>5} {'raw ms/p':>9} {'check ms/p':>10}")
    for path in _files(args):
        t0 = time.perf_counter()
        pages = _baseline(path)
        t1 = time.perf_counter()
        found = len(bad_redactions(path))
        t2 = time.perf_counter()
        raw_s, check_s = raw_s + t1 - t0, check_s + t2 - t1
        total_pages, total_found = total_pages + pages, total_found + found
        print(f"{path.name[:55]:55} {pages:5} {found:5} {1000 * (t1 - t0) / pages:9.1f} "
              f"{1000 * (t2 - t1) / pages:10.1f}")  # fmt: skip
    print(f"{'total':55} {total_pages:5} {total_found:5} {1000 * raw_s / total_pages:9.1f} "
          f"{1000 * check_s / total_pages:10.1f}")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
