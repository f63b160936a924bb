"""``reviewer ocr`` and OCR on ``reviewer import``: the JSON contract, Tesseract absent, bad
document names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.pdf import pdf_text
from tests.core.test_ocr import _SCAN_TEXT, _write_scan


def _matter(tmp_path: Path, *import_args: str) -> tuple[Path, Path]:
    matter = tmp_path / "M.matter"
    scan = _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT)
    assert CliRunner().invoke(main, ["init", str(matter)]).exit_code == 0
    run = CliRunner().invoke(main, ["import", str(matter), str(scan), *import_args])
    assert run.exit_code == 0, run.output
    return matter, scan


def _no_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-bin"))


@pytest.mark.usefixtures("tesseract")
def test_ocr_command_reads_the_scanned_pages(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path, "--no-ocr")
    run = CliRunner().invoke(main, ["ocr", str(matter), "scan.pdf", "--json", "--workers", "1"])
    assert run.exit_code == 0, run.output
    (doc,) = json.loads(run.stdout)
    assert doc == {"doc_id": 1, "file_name": "scan.pdf", "needs_ocr": False,
                   "text_quality": "good", "ocr_pages": 2, "image_texts": 0}  # fmt: skip
    hits = CliRunner().invoke(main, ["search", str(matter), "pineapples", "--json"])
    assert hits.exit_code == 0
    assert {h["page_start"] for h in json.loads(hits.stdout)} == {1, 2}
    again = CliRunner().invoke(main, ["ocr", str(matter)])
    assert again.exit_code == 0
    assert "Nothing to OCR" in again.stdout


@pytest.mark.usefixtures("tesseract")
def test_import_runs_ocr_and_reports_the_result(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path)
    run = CliRunner().invoke(main, ["docs", str(matter), "--json"])
    (doc,) = json.loads(run.stdout)
    assert doc["needs_ocr"] is False


def test_without_tesseract_import_works_and_both_commands_say_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_tesseract(tmp_path, monkeypatch)
    matter = tmp_path / "M.matter"
    scan = _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT)
    CliRunner().invoke(main, ["init", str(matter)])
    imported = CliRunner().invoke(main, ["import", str(matter), str(scan)])
    assert imported.exit_code == 0
    assert "sudo apt-get install tesseract-ocr tesseract-ocr-eng" in imported.stderr
    assert "imported" in imported.stdout
    run = CliRunner().invoke(main, ["ocr", str(matter)])
    assert run.exit_code == 2
    assert run.stderr.startswith("Error: Tesseract OCR is not installed")
    assert len(run.stderr.strip().splitlines()) == 1
    (doc,) = json.loads(CliRunner().invoke(main, ["docs", str(matter), "--json"]).stdout)
    assert doc["needs_ocr"] is True


def test_ocr_of_an_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path, "--no-ocr")
    run = CliRunner().invoke(main, ["ocr", str(matter), "nosuch.pdf"])
    assert run.exit_code == 2
    assert "nosuch.pdf: no document" in run.stderr


@pytest.mark.usefixtures("tesseract")
def test_searchable_pdf_export_puts_the_ocr_text_under_the_image(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path)
    stored = next((matter / "files").rglob("*.pdf"))
    before = stored.read_bytes()
    out = tmp_path / "searchable.pdf"
    run = CliRunner().invoke(main, ["export", "searchable-pdf", str(matter), "1", "-o", str(out)])
    assert run.exit_code == 0, run.output
    pages = pdf_text(out)
    assert "Tacoma" in pages[0]
    assert "spoiled" in pages[1]
    assert "Tacoma" not in pages[1]
    assert stored.read_bytes() == before, "the stored original is never changed"


def test_searchable_pdf_of_a_document_without_ocr_is_a_clear_error(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path, "--no-ocr")
    out = tmp_path / "searchable.pdf"
    run = CliRunner().invoke(main, ["export", "searchable-pdf", str(matter), "1", "-o", str(out)])
    assert run.exit_code == 2
    assert "scan.pdf: has no OCR'd pages; run: reviewer ocr" in run.stderr
    assert not out.exists()


def test_force_needs_the_documents_named(tmp_path: Path) -> None:
    matter, _ = _matter(tmp_path, "--no-ocr")
    run = CliRunner().invoke(main, ["ocr", str(matter), "--force"])
    assert run.exit_code == 2
    assert "--force needs the documents to OCR" in run.stderr


def test_import_json_without_tesseract_keeps_stdout_json_and_says_so_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _no_tesseract(tmp_path, monkeypatch)
    matter = tmp_path / "M.matter"
    scan = _write_scan(tmp_path / "scan.pdf", _SCAN_TEXT)
    CliRunner().invoke(main, ["init", str(matter)])
    run = CliRunner().invoke(main, ["import", str(matter), str(scan), "--json"])
    assert run.exit_code == 0
    (result,) = json.loads(run.stdout)
    assert result["text_quality"] == "needs_ocr"
    assert "Tesseract OCR is not installed" in run.stderr
