"""A generated matter of many small documents, written straight into SQLite (no import).

Owns the big matter that ``ui_open.py`` opens: ``--docs`` documents (default 10,000) of
``--paragraphs`` paragraphs each (default 10: a heading and numbered ¶¶), with the fields an
import fills (sha256, kind, title, court, case and docket numbers, filing date, text quality),
their ``pages`` rows (sizes and page text) and paragraph ``boxes``. Text comes from the search
benchmark's Zipf vocabulary. Every document's stored copy is one real three-page PDF (doc 1's
text, laid out where its boxes say), hard-linked under each document's sha256, so the window
can open and draw any of them. The search index is then built with ``reviewer reindex``.

Usage::

    python benchmarks/big_matter.py PATH [--docs 10000] [--paragraphs 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pymupdf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_benchmark import (  # a sibling script, not a package
    CLAIMS,
    TITLES,
    Vocabulary,
    build_vocabulary,
    paragraph_text,
)

from reviewer.core.matter.store import Matter

SEED = 20261130
PAGE_W, PAGE_H = 612.0, 792.0
PER_PAGE = 4  # paragraphs laid out on one page
SLOT = 170.0  # points of page height per paragraph
KINDS = {"complaint": 0.3, "motion": 0.25, "order": 0.15, "exhibit": 0.2, "declaration": 0.1}
ABBREV = {"complaint": "Compl.", "motion": "Mot.", "order": "Order", "exhibit": "Ex.",
          "declaration": "Decl."}  # fmt: skip
QUALITY = (("good", None), ("partial", "Pages without usable text (need OCR): 2."),
           ("needs_ocr", "No page has usable text: the document needs OCR."))  # fmt: skip
DOC_SQL = """INSERT INTO documents (id, sha256, file_name, source_path, stored_path, byte_size,
    kind, title, court, case_no, docket_no, filed, page_count, text_quality, needs_ocr,
    quality_note, pdf_meta, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"""
PAGE_SQL = """INSERT INTO pages (doc_id, pno, width, height, label, text, quality, ecf_stamp,
    ecf_doc, ecf_page, ecf_page_of) VALUES (?,?,?,?,?,?,?,?,?,?,?)"""
PARA_SQL = """INSERT INTO paragraphs (doc_id, seq, number, kind, section, count, text,
    page_start, page_end, cite, boxes) VALUES (?,?,?,?,?,?,?,?,?,?,?)"""


def slot(i: int) -> tuple[int, float, float, float, float]:
    """Where paragraph ``i`` (0-based) of a document sits: page (1-based) and its box."""
    page, row = i // PER_PAGE + 1, i % PER_PAGE
    y0 = 60 + row * SLOT
    return page, 60.0, y0, PAGE_W - 60, y0 + SLOT - 12


def document_texts(rng: random.Random, vocab: Vocabulary, paras: int) -> list[str]:
    """A heading, then ``paras - 1`` numbered paragraphs of 40-120 words."""
    texts = [rng.choice(TITLES)]
    while len(texts) < paras:
        text = paragraph_text(rng, vocab, len(texts))
        texts.append(" ".join(text.split()[:120]))
    return texts


def write_pdf(path: Path, texts: list[str]) -> list[tuple[int, float, float, float, float]]:
    """Lay ``texts`` out one per slot; the boxes the text really fills."""
    doc = pymupdf.open()
    pages = (len(texts) + PER_PAGE - 1) // PER_PAGE
    for _ in range(pages):
        doc.new_page(width=PAGE_W, height=PAGE_H)
    boxes = []
    for i, text in enumerate(texts):
        page, x0, y0, x1, y1 = slot(i)
        size = 11.0 if i == 0 else 9.0
        while (left := doc[page - 1].insert_textbox((x0, y0, x1, y1), text, fontsize=size)) < 0:
            size -= 0.5
        boxes.append((page, x0, y0, x1, y1 - left))
    doc.save(path)
    doc.close()
    return boxes


def generate(path: Path, docs: int, paras: int, seed: int = SEED) -> dict[str, Any]:
    """Create the matter at ``path``; returns counts and seconds."""
    start = time.perf_counter()
    rng, vocab = random.Random(seed), build_vocabulary(random.Random(seed + 1))
    matter = Matter.create(path, "Generated big matter")
    pdf_bytes = 0
    try:
        first: Path | None = None
        boxes: list[tuple[int, float, float, float, float]] = []
        conn = matter.db.conn
        with conn:
            for doc_id in range(1, docs + 1):
                texts = document_texts(rng, vocab, paras)
                sha = hashlib.sha256(f"big-{seed}-{doc_id}".encode()).hexdigest()
                stored = f"files/{sha}.pdf"
                if first is None:
                    first = path / stored
                    boxes = write_pdf(first, texts)
                    pdf_bytes = first.stat().st_size
                else:
                    os.link(first, path / stored)
                _insert(conn, rng, doc_id, sha, stored, pdf_bytes, texts, boxes)
            matter.touch_content()
    finally:
        matter.close()
    return {"documents": docs, "paragraphs": docs * paras, "seconds": time.perf_counter() - start}


def _insert(
    conn: Any, rng: random.Random, doc_id: int, sha: str, stored: str, size: int,
    texts: list[str], boxes: list[tuple[int, float, float, float, float]],
) -> None:  # fmt: skip
    kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
    quality, note = QUALITY[0] if rng.random() < 0.9 else rng.choice(QUALITY[1:])
    filed = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    docket = str(doc_id) if rng.random() < 0.8 else f"{doc_id}-{rng.randint(1, 9)}"
    title = f"{kind.title()} {rng.choice(CLAIMS)} ({doc_id})"
    pages = max(b[0] for b in boxes)
    conn.execute(DOC_SQL, (
        doc_id, sha, f"cand-{doc_id:05d}-{kind}.pdf", f"/filings/cand-{doc_id:05d}-{kind}.pdf",
        stored, size, kind, title, "N.D. Cal.", "3:21-cv-00485", docket, filed.isoformat(),
        pages, quality, int(quality == "needs_ocr"), note, "{}", "2026-11-30T00:00:00+00:00",
    ))  # fmt: skip
    for pno in range(pages):
        text = "\n".join(t for t, b in zip(texts, boxes, strict=True) if b[0] == pno + 1)
        stamp = f"Case 3:21-cv-00485 Document {docket} Filed {filed} Page {pno + 1} of {pages}"
        conn.execute(PAGE_SQL, (doc_id, pno, PAGE_W, PAGE_H, str(pno + 1), text, "good",
                                stamp, docket, pno + 1, pages))  # fmt: skip
    abbrev = ABBREV[kind]
    rows = []
    for seq, (text, box) in enumerate(zip(texts, boxes, strict=True), start=1):
        page = box[0]
        heading = seq == 1
        number = None if heading else str(seq - 1)
        cite = (
            f"{abbrev} at {page}" if heading else f"{abbrev} ¶ {number} (Dkt. {docket} at {page})"
        )
        rows.append((doc_id, seq, number, "heading" if heading else "numbered",
                     None if heading else texts[0], None, text, page, page, cite,
                     json.dumps([list(box)])))  # fmt: skip
    conn.executemany(PARA_SQL, rows)


def reindex(path: Path) -> float:
    """Build the search index the way a user would (``reviewer reindex``); seconds taken."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reviewer", "reindex", str(path)], check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--paragraphs", type=int, default=10, help="per document")
    args = parser.parse_args()
    made = generate(args.path, args.docs, args.paragraphs)
    print(f"generated {made['documents']:,} documents, {made['paragraphs']:,} paragraphs "
          f"in {made['seconds']:.1f} s; reindex took {reindex(args.path):.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
