"""Segmentation of the generated demo filings against the truth their generator records."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.samples import write_demo_filings, write_synthetic_complaint


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_demo_complaint_paragraphs_match_what_was_written(matter: Matter, tmp_path: Path) -> None:
    complaint = write_demo_filings(tmp_path / "demo")[0]
    (p,) = list(import_files(matter, [complaint.path], kind="complaint"))
    assert p.result is not None
    assert p.result.doc_id is not None
    got = [x for x in documents.paragraphs(matter, p.result.doc_id) if x.kind == "numbered"]
    want = [t for t in complaint.paragraphs if t.kind == "numbered"]
    assert [x.number for x in got] == [t.number for t in want]
    for g, t in zip(got, want, strict=True):
        assert _norm(g.text).startswith(_norm(t.text)[:60]), g.number
        assert (g.page_start, g.page_end) == (t.page_start, t.page_end), g.number
        assert g.cite.startswith(f"Compl. ¶ {g.number} (Dkt. 1 at ")
    prayer = [x for x in documents.paragraphs(matter, p.result.doc_id) if x.kind == "prayer"]
    assert [x.number for x in prayer][:2] == ["1", "2"]


def test_synthetic_complaint_sequence_survives_page_breaks(matter: Matter, tmp_path: Path) -> None:
    sample = write_synthetic_complaint(tmp_path / "synth.pdf", paragraphs=150, seed=7)
    (p,) = list(import_files(matter, [sample.path], kind="complaint"))
    assert p.result is not None
    assert p.result.doc_id is not None
    got = [x for x in documents.paragraphs(matter, p.result.doc_id) if x.kind == "numbered"]
    assert [x.number for x in got] == [str(n) for n in range(1, 151)]
    assert any(x.page_end > x.page_start for x in got)
