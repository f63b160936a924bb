"""Import pipeline: bad input is reported per file and leaves the matter unchanged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from reviewer.core.errors import MatterError
from reviewer.core.ingest.pipeline import import_files, parse, rows
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.records import ImportResult
from reviewer.samples import write_bad_files, write_demo_filings


def _run(m: Matter, paths: list[Path]) -> list[ImportResult]:
    out = []
    for p in import_files(m, paths):
        assert p.result is not None
        out.append(p.result)
    return out


def _counts(m: Matter) -> tuple[int, int, int]:
    q = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM pages), "
    return m.db.execute(q + "(SELECT count(*) FROM paragraphs)").fetchone()


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("not_pdf", "not a PDF"),
        ("empty", "empty (0 bytes)"),
        ("truncated", ""),
        ("encrypted", "password"),
        ("zero_pages", ""),
    ],
)
def test_bad_file_fails_with_its_name_and_reason(
    matter: Matter, tmp_path: Path, key: str, reason: str
) -> None:
    good = write_demo_filings(tmp_path / "demo")[0].path
    _run(matter, [good])
    before = _counts(matter)
    stored = sorted(matter.files_dir.rglob("*"))
    bad = write_bad_files(tmp_path / "bad")[key]
    (result,) = _run(matter, [bad])
    assert result.status == "failed"
    assert result.error
    assert str(bad) in result.error
    assert reason in result.error
    assert "\n" not in result.error
    assert _counts(matter) == before
    assert sorted(matter.files_dir.rglob("*")) == stored


def test_mixed_folder_imports_the_good_and_reports_the_bad(matter: Matter, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    files = write_demo_filings(folder / "good")
    bad = write_bad_files(folder / "bad")
    results = _run(matter, [folder])
    by_status = {r.path: r.status for r in results}
    assert all(by_status[str(f.path)] == "imported" for f in files)
    for key in ("not_pdf", "empty", "encrypted", "truncated", "zero_pages"):
        assert by_status[str(bad[key])] == "failed"
    assert len(documents.list_documents(matter)) == len(files) + 2  # image_only, garbage_text


def test_duplicates_are_skipped_by_content(matter: Matter, tmp_path: Path) -> None:
    f = write_demo_filings(tmp_path / "demo")[0].path
    copy = tmp_path / "copy.pdf"
    shutil.copy(f, copy)
    first, again = _run(matter, [f]), _run(matter, [copy])
    assert first[0].status == "imported"
    assert again[0].status == "duplicate"
    assert again[0].doc_id == first[0].doc_id


def test_scans_and_garbage_are_flagged_needs_ocr(matter: Matter, tmp_path: Path) -> None:
    bad = write_bad_files(tmp_path / "bad")
    for key in ("image_only", "garbage_text"):
        (r,) = _run(matter, [bad[key]])
        assert r.status == "imported"
        assert r.text_quality == "needs_ocr"
        doc = documents.find_document(matter, r.doc_id or 0)
        assert doc.needs_ocr
        assert doc.quality_note


def test_a_second_writer_works_side_by_side(matter: Matter) -> None:
    with Matter.open(matter.path) as other:  # another window or a CLI command
        other.set_meta("note", "from the other handle")
    assert matter.get_meta("note") == "from the other handle"
    with (
        Matter.open(matter.path, readonly=True) as reader,
        pytest.raises(Exception, match="readonly"),
    ):
        reader.set_meta("note", "a reader cannot write")


def test_open_a_folder_that_is_not_a_matter(tmp_path: Path) -> None:
    with pytest.raises(MatterError, match="not a matter"):
        Matter.open(tmp_path)


def _stored(m: Matter) -> list[tuple[object, ...]]:
    q = "SELECT d.file_name, p.seq, p.number, p.kind, p.text, p.cite FROM paragraphs p "
    return m.db.execute(q + "JOIN documents d ON d.id = p.doc_id ORDER BY 1, 2").fetchall()


def test_worker_pool_stores_exactly_what_one_process_stores(tmp_path: Path) -> None:
    folder = tmp_path / "filings"
    write_demo_filings(folder)
    write_bad_files(folder / "bad")
    seen = {}
    for workers in (1, 2):
        with Matter.create(tmp_path / f"w{workers}.matter") as m:
            results = [p.result for p in import_files(m, [folder], workers=workers)]
            seen[workers] = ([(r.status, r.error) for r in results if r], _stored(m))
    assert seen[1] == seen[2]
    assert seen[2][1]


def test_cancelling_a_pooled_import_leaves_only_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "filings"
    write_demo_filings(folder / "a")
    write_demo_filings(folder / "b")  # same bytes: duplicates
    with Matter.create(tmp_path / "c.matter") as m:
        progress = import_files(m, [folder], workers=2)
        first = next(progress)
        progress.close()  # what the GUI's cancel does
        assert first.result is not None
        assert first.result.status == "imported"
        docs = documents.list_documents(m)
        assert len(docs) == 1
        pages = m.db.execute("SELECT count(*) FROM pages WHERE doc_id = ?", [docs[0].id])
        assert pages.fetchone()[0] == docs[0].pages


def test_what_a_worker_sends_back_is_plain_rows(corpus: Path) -> None:
    """Import workers return strings and numbers, not objects: unpickling a document's
    objects in the importing process held its GIL (~0.1 s for 400 pages: the window froze)."""
    parsed = parse(corpus / "cand-316263-second-amended-complaint.pdf")
    r = rows(parsed)
    plain = (str, int, float, type(None))
    assert len(r.pages) == len(parsed.pages)
    assert len(r.paras) == len(parsed.paras)
    assert r.numbered == sum(p.kind == "numbered" for p in parsed.paras) > 0
    for row in [*r.pages, *r.paras]:
        assert all(isinstance(v, plain) for v in row.values()), row
    assert r.paras[0]["seq"] == 1
    assert json.loads(str(r.paras[-1]["boxes"]))[0][0] == r.paras[-1]["page_start"]


@pytest.mark.parametrize(
    ("meta_title", "stored"), [(" ", None), ("  Motion  to\nDismiss ", "Motion to Dismiss")]
)
def test_the_pdf_title_property_is_kept_apart_from_the_documents_title(
    matter: Matter, tmp_path: Path, meta_title: str, stored: str | None
) -> None:
    from reviewer.core.pdf import PdfWriter

    w = PdfWriter()
    w.new_page()
    w.text(72, 96, "The Court GRANTS the motion.", 12)
    w.set_metadata({"title": meta_title})
    w.save(tmp_path / "titled.pdf")  # and closes
    (result,) = _run(matter, [tmp_path / "titled.pdf"])
    assert result.status == "imported"
    doc = documents.find_document(matter, "titled.pdf")
    assert doc.pdf_title == stored  # a blank Title property is no title
    assert doc.title is None  # the page prints none; PDF metadata never names a document
    assert doc.display_name == "titled.pdf"
