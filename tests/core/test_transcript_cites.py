"""A transcript is cited by page and line (issue 13, item 1): ``Tr. 3:3-5`` (an en dash), never
by ¶. The line is the margin number printed beside the unit's first and last rows."""

from __future__ import annotations

import re
from pathlib import Path

from reviewer.core.ingest import pipeline

TRANSCRIPT = "cand-290385-hearing-transcript.pdf"  # a real hearing transcript, lines 1-25
SPAN = re.compile(r"^Tr\. (\d+):(\d+)(?:\u2013(?:(\d+):)?(\d+))?(?: \(Dkt\. \d+ at \d+\))?$")


def test_transcript_units_cite_page_and_line(corpus: Path) -> None:
    rows = pipeline.rows(pipeline.parse(corpus / TRANSCRIPT))
    assert rows.kind == "transcript"
    cites = [str(p["cite"]) for p in rows.paras]
    assert not any("\u00b6" in c for c in cites), "a transcript has no numbered paragraphs"
    lined = [m for c in cites if (m := SPAN.match(c))]
    assert len(lined) >= 0.9 * len(cites) - 10  # the cover and appearance pages have no lines
    for m in lined:
        page, first = int(m[1]), int(m[2])
        last_page, last = int(m[3] or page), int(m[4] or first)
        assert 1 <= first <= 25
        assert 1 <= last <= 25
        assert (last_page, last) >= (page, first)
    by_text = {str(p["text"])[:40]: str(p["cite"]) for p in rows.paras}
    clerk = next(c for t, c in by_text.items() if t.startswith("THE CLERK: Calling Civil"))
    assert clerk.startswith("Tr. 3:3\u20135")  # the clerk calls the case on lines 3-5 of page 3


def test_a_pleading_keeps_its_paragraph_cites(corpus: Path) -> None:
    """Pleading paper numbers its lines 1-28 too: its units are not cited by line."""
    complaint = next(p for p in sorted(corpus.glob("*complaint*.pdf")))
    rows = pipeline.rows(pipeline.parse(complaint))
    numbered = [str(p["cite"]) for p in rows.paras if p["kind"] == "numbered"]
    assert numbered
    assert all("\u00b6" in c for c in numbered)
    assert not any(re.search(r" \d+:\d+", str(p["cite"]).split(" (")[0]) for p in rows.paras)
