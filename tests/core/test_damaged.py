"""Damaged input is never ``good``: each damage class MuPDF would silently repair is refused
with the reason and leaves the matter as it was, or with ``accept_damaged`` is imported as
``damaged`` with the pages lost listed; a path that is not a regular file is refused at once;
an oversized scan is rendered at a capped resolution."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reviewer.core.ingest import ocr
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import read_pdf, render_gray_png
from reviewer.core.pdf.read import MAX_PIXELS
from reviewer.core.records import ImportResult
from reviewer.samples import write_damaged_files

DAMAGE = {  # class -> words the reason must hold, pages that must be listed lost, exact?
    "truncated_25": ("truncated", {3}, False),
    "truncated_50": ("truncated", {3}, False),
    "truncated_75": ("truncated", {3}, False),
    "truncated_97": ("cannot be opened", set(), True),  # cut inside the trailer: unreadable
    "xref_offset_wrong": ("cross-reference table is broken", set(), True),
    "xref_entries_garbled": ("cross-reference table is broken", set(), True),
    "stream_corrupt": ("content stream is corrupt", {1}, True),
    "page_object_missing": ("page object is missing", {2}, True),
}
UNREADABLE = {"truncated_97"}


@pytest.fixture(scope="module")
def damaged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_damaged_files(tmp_path_factory.mktemp("damaged"))


def _run(m: Matter, paths: list[Path], **kw: object) -> list[ImportResult]:
    return [p.result for p in import_files(m, paths, workers=1, **kw) if p.result]  # type: ignore[arg-type]


def _snapshot(m: Matter) -> tuple[object, ...]:
    db = m.db
    return tuple(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                 for t in ("documents", "pages", "paragraphs"))  # fmt: skip


def test_the_sound_file_reads_clean(damaged: dict[str, Path]) -> None:
    pdf = read_pdf(damaged["sound"])
    assert (pdf.damage, pdf.lost_pages, pdf.page_count) == (None, (), 3)


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_each_damage_class_is_refused_with_the_reason(
    matter: Matter, damaged: dict[str, Path], name: str
) -> None:
    _run(matter, [damaged["sound"]])
    before = _snapshot(matter)
    (result,) = _run(matter, [damaged[name]])
    words, _, _ = DAMAGE[name]
    assert result.status == "failed"
    assert damaged[name].name in (result.error or "")
    assert "is damaged" in (result.error or "")
    assert words in (result.error or "")
    assert _snapshot(matter) == before  # nothing half-written
    assert not list((matter.files_dir).rglob("*.part"))


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_accepted_damage_is_imported_as_damaged_with_the_pages_lost(
    matter: Matter, damaged: dict[str, Path], name: str
) -> None:
    (result,) = _run(matter, [damaged[name]], accept_damaged=True)
    words, must_lose, exact = DAMAGE[name]
    if name in UNREADABLE:  # nothing to keep: still refused, with the reason
        assert result.status == "failed"
        assert words in (result.error or "")
        return
    assert result.status == "imported"
    doc = documents.find_document(matter, damaged[name].name)
    assert doc.text_quality == "damaged"
    assert words in (doc.quality_note or "")
    lost = set(read_pdf(damaged[name], accept_damaged=True).lost_pages)
    assert lost == must_lose if exact else must_lose <= lost
    if lost:
        assert ", ".join(map(str, sorted(lost))) in (doc.quality_note or "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_or_a_device_is_refused_at_once(matter: Matter, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    results = _run(matter, [fifo, Path("/dev/null")])
    assert [r.status for r in results] == ["failed", "failed"]
    assert "named pipe" in (results[0].error or "")
    assert "device" in (results[1].error or "")
    assert _snapshot(matter) == (0, 0, 0)


def test_an_oversized_scan_is_rendered_at_a_capped_resolution(damaged: dict[str, Path]) -> None:
    png, scale = render_gray_png(damaged["oversized"], 0, ocr.DPI)
    side = 14400 / scale / 72 * 72  # pixels on a side
    assert side * side <= MAX_PIXELS * 1.01
    assert png.startswith(b"\x89PNG")


def test_a_matter_unchanged_after_refusals_still_opens(
    matter: Matter, damaged: dict[str, Path]
) -> None:
    _run(matter, [damaged[n] for n in DAMAGE])
    con = sqlite3.connect(matter.path / "matter.sqlite")
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_an_oversized_scan_imports_and_is_ocrd(
    matter: Matter, damaged: dict[str, Path], tesseract: str
) -> None:
    from reviewer.core.ingest.ocr_run import import_and_ocr

    messages = [p.message for p in import_and_ocr(matter, [damaged["oversized"]], workers=1)]
    doc = documents.find_document(matter, "oversized.pdf")
    assert not doc.needs_ocr, messages
    assert "ORDER" in " ".join(p.text for p in documents.paragraphs(matter, doc.id)).upper()
