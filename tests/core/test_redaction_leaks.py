"""Issue 17 acceptance: a production that redacts a name leaves it nowhere — not in the page
text, bookmarks, annotations, links, form fields, metadata, page labels, embedded files or
ActualText, nor in the load files — while every word outside the boxes is still there;
``verify`` with the matter proves both and catches a file that breaks either."""

from __future__ import annotations

import csv
from pathlib import Path

import pymupdf
import pytest

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.pdf.scrub import strings_in
from reviewer.core.privilege import coding as privilege
from reviewer.core.production import export as production_export
from reviewer.core.production import sets as production
from reviewer.core.production import verify as production_verify
from tests.core.leaky_source import LINES, NAME, write_leaky


@pytest.fixture
def leaky(matter: Matter, tmp_path: Path) -> Matter:
    other = pymupdf.open()
    other.new_page().insert_text((72, 100), "An unrelated memo about the budget.", fontsize=12)
    other.set_metadata({"title": "Secret strategy memo", "author": "Pat Counsel"})
    other.save(tmp_path / "memo-strategy.pdf")
    files = [write_leaky(tmp_path / "deposition.pdf"), tmp_path / "memo-strategy.pdf"]
    for _ in import_files(matter, files, workers=1):
        pass
    production.create_set(matter, "Vol1", "ABC", 1, legend="CONFIDENTIAL")
    production.add_documents(matter, "Vol1", ["deposition.pdf", "memo-strategy.pdf"])
    production.redact_search(matter, "Vol1", NAME, "witness privacy", info_type="personal")
    return matter


def _words(path: Path) -> list[str]:
    with pymupdf.open(path) as doc:
        return [w[4] for page in doc for w in page.get_text("words")]


def test_the_name_is_nowhere_in_the_production(leaky: Matter, tmp_path: Path) -> None:
    out = tmp_path / "out"
    production_export.export(leaky, "Vol1", out)
    pdfs = sorted((out / "PDF").glob("*.pdf"))
    assert len(pdfs) == 2
    for path in pdfs:
        with pymupdf.open(path) as doc:
            assert strings_in(pymupdf, doc, [NAME, "Jonathan", "Quincey"]) == []
            assert doc.get_toc() == [] or all(NAME not in t[1] for t in doc.get_toc())
            assert doc.embfile_count() == 0
            assert not doc.get_xml_metadata()
    for path in out.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            for enc in ("latin-1", "utf-16-be"):
                assert "Quincey".encode(enc) not in data, path
    assert production_verify.verify(out, leaky) == []


def test_every_word_outside_the_boxes_is_still_there(leaky: Matter, tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = production_export.export(leaky, "Vol1", out)
    first = manifest["documents"][0]  # type: ignore[index]
    words = _words(out / first["file"])
    # the lines above and below each redacted name, set solid, lose nothing
    for line in LINES:
        for word in line.replace(NAME, "").split():
            assert word in words, word
    for heading in ("Title line one of a tight heading", "and the tight heading",
                    "Title line three of the heading"):  # fmt: skip
        for word in heading.split():
            assert word in words, word
    assert "Jonathan" not in words
    with pymupdf.open(out / first["file"]) as doc:
        meta = doc.metadata
    assert meta["title"] == f"{first['begbates']}-{first['endbates']}"
    assert meta["subject"] == "Production Vol1"
    assert "Jonathan" not in " ".join(str(v) for v in meta.values())


def test_verify_catches_collateral_loss_and_a_leak(leaky: Matter, tmp_path: Path) -> None:
    out = tmp_path / "out"
    manifest = production_export.export(leaky, "Vol1", out)
    path = out / manifest["documents"][0]["file"]  # type: ignore[index]
    with pymupdf.open(path) as doc:
        page = doc[0]
        hit = page.search_for("november")[0]
        page.add_redact_annot(hit)
        page.apply_redactions()
        doc.set_metadata({"keywords": f"about {NAME}"})
        doc.save(tmp_path / "tampered.pdf")
    (tmp_path / "tampered.pdf").replace(path)
    problems = production_verify.verify(out, leaky)
    assert any("differs from the source" in p for p in problems), problems
    assert any("a redacted string is still in the file" in p for p in problems), problems
    assert all(NAME not in p and "Quincey" not in p for p in problems)


def test_log_and_load_file_say_only_what_they_must(leaky: Matter, tmp_path: Path) -> None:
    production.create_set(leaky, "Vol2", "XYZ", 1)
    production.add_documents(leaky, "Vol2", ["memo-strategy.pdf"])
    production.redact_search(leaky, "Vol2", "budget", "not responsive")
    privilege.set_privilege(leaky, ["memo-strategy.pdf"], "withheld", "ac")
    out = tmp_path / "out"
    production_export.export(leaky, "Vol1", out)
    with (out / "redaction_log.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    assert {r["Reason"] for r in rows} == {"witness privacy"}  # not Vol2's "not responsive"
    dat = (out / "DATA" / "loadfile.dat").read_text(encoding="utf-8-sig")
    for leaked in ("memo-strategy", "Secret strategy memo", "Pat Counsel", "Quincey"):
        assert leaked not in dat
    rows_dat = production_verify.read_dat(out / "DATA" / "loadfile.dat")
    withheld = rows_dat[2]
    assert withheld[0] == withheld[1] == "ABC000003"
    assert withheld[3:6] == ["", "", ""]
    assert withheld[6].startswith("PRIV")


def test_paragraph_redaction_takes_only_its_own_lines(demo_matter: Matter, tmp_path: Path) -> None:
    m = demo_matter
    doc_id, name = m.db.execute(
        "SELECT id, file_name FROM documents WHERE kind = 'complaint' ORDER BY id LIMIT 1"
    ).fetchone()
    paras = m.db.execute(
        "SELECT number, text FROM paragraphs WHERE doc_id = ? AND kind = 'numbered' "
        "ORDER BY seq LIMIT 3 OFFSET 2",
        [doc_id],
    ).fetchall()
    (_, before), (number, gone), (_, after) = paras
    production.create_set(m, "P", "DEF", 1)
    production.add_documents(m, "P", [name])
    production.redact_paragraph(m, "P", name, str(number), "work product", "privileged", "wp")
    out = tmp_path / "out"
    manifest = production_export.export(m, "P", out)
    words = _words(out / manifest["documents"][0]["file"])  # type: ignore[index]
    kept = " ".join(words)
    for text in (before, after):  # the neighbouring paragraphs lose nothing
        assert all(w in kept for w in text.split()[-6:] + text.split()[:6]), text
    assert " ".join(gone.split()[1:8]) not in kept
    assert production_verify.verify(out, m) == []
