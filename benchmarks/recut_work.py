"""What a re-cut does to review work on a real filing: import a corpus complaint, tag every
numbered ¶, code every third, redact every fourth, re-cut it by OCR (``ocr --force``), and
count the work kept on its paragraph, kept as orphaned, and lost (must be 0). Also the time
of the OCR and of the store, and how much the audit log grew. Usage:
``python benchmarks/recut_work.py [CORPUS_PDF ...]`` (needs Tesseract)."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from reviewer.core.claims import elements as claims
from reviewer.core.claims import tagging
from reviewer.core.ingest.ocr_run import ocr_documents
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import orphans
from reviewer.core.matter.documents import paragraphs
from reviewer.core.matter.store import Matter
from reviewer.core.privilege.coding import Scope, set_privilege
from reviewer.core.production.redactions import add_redaction

CORPUS = Path(os.environ.get("REVIEWER_CORPUS", Path(__file__).parents[2] / "shared/corpus"))
WORK = ("tags", "privilege", "redactions")


def _count(m: Matter) -> dict[str, int]:
    return {t: m.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in WORK}


def run(pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp, Matter.create(Path(tmp) / "M.matter") as m:
        for _ in import_files(m, [pdf], workers=1):
            pass
        claims.add_from_template(m, "tvpra-1595")
        (doc_id,) = m.db.execute("SELECT id FROM documents").fetchone()
        numbered = [p for p in paragraphs(m, doc_id) if p.kind == "numbered"]
        tagging.tag(m, [p.id for p in numbered], "tvpra-1595.knowingly-benefited")
        for p in numbered[::3]:
            set_privilege(m, [doc_id], "redacted", "work-product", Scope(para_id=p.id))
        for p in numbered[::4]:
            add_redaction(m, doc_id, p.page_start, "ssn", para_id=p.id)
        before = _count(m)
        on_para = {t: set(m.db.execute(f"SELECT id FROM {t}").fetchall()) for t in WORK}
        size = m.db.execute("SELECT sum(length(before) + length(after)) FROM audit").fetchone()
        start = time.perf_counter()
        messages = [p.message for p in ocr_documents(m, [doc_id], force=True, workers=2)]
        took = time.perf_counter() - start
        after, orphaned = _count(m), orphans.list_orphans(m)
        grown = m.db.execute("SELECT sum(length(before) + length(after)) FROM audit").fetchone()
        lost = {t: before[t] - after[t] - sum(o.table == t for o in orphaned) for t in WORK}
        kept = {t: len(on_para[t] & set(m.db.execute(f"SELECT id FROM {t}").fetchall()))
                for t in WORK}  # fmt: skip
        print(f"{pdf.name}: {len(numbered)} numbered ¶; work before {before}")
        print(f"  re-cut by OCR in {took:.1f} s: {messages[-1]}")
        by_table = {t: sum(o.table == t for o in orphaned) for t in WORK}
        print(f"  kept on their ¶ {kept}; orphaned {len(orphaned)} {by_table}; lost {lost}")
        print(f"  audit log grew by {((grown[0] or 0) - (size[0] or 0)) / 1e6:.2f} MB")


if __name__ == "__main__":
    names = sys.argv[1:] or ["ca-sd-superior-hao-keppel-complaint.pdf"]
    for name in names:
        run(Path(name) if Path(name).exists() else CORPUS / "pdfs" / name)
