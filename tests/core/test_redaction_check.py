"""The bad-redaction check (issue 17) on generated pages and on real filings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.production.redaction_check import bad_redactions, check_files, findings_of
from tests.core.redaction_samples import BAD, CLEAN, bad, clean


@pytest.mark.parametrize("kind", BAD)
def test_text_under_a_cover_is_found(tmp_path: Path, kind: str) -> None:
    found = bad_redactions(bad(kind, tmp_path / f"{kind}.pdf"))
    assert len(found) == 1, found
    h = found[0]
    assert h.page == 1
    assert "Jonathan Quincey" in h.text
    assert "Springfield" not in h.text
    assert "account" not in h.text
    assert 185 <= h.rect[0] <= 210
    assert 180 <= h.rect[1] <= 200


def test_the_cover_is_named(tmp_path: Path) -> None:
    kinds = {k: bad_redactions(bad(k, tmp_path / f"{k}.pdf"))[0].cover for k in BAD}
    assert kinds["box"] == "black filled box"
    assert kinds["white-box"] == "white filled box"
    assert kinds["image"] == "image"
    assert kinds["square-annot"] == "black filled Square annotation"
    assert kinds["redact-annot"] == "redaction annotation (not applied)"
    assert kinds["ocr-burnt-box"] == "dark area of an image"


@pytest.mark.parametrize("kind", CLEAN)
def test_tricky_clean_pages_give_nothing(tmp_path: Path, kind: str) -> None:
    assert bad_redactions(clean(kind, tmp_path / f"{kind}.pdf")) == []


def test_cli_exit_codes_and_json(tmp_path: Path) -> None:
    ok = clean("text-on-band", tmp_path / "ok.pdf")
    boxed = bad("box", tmp_path / "boxed.pdf")
    runner = CliRunner()
    res = runner.invoke(main, ["redactions", "check", str(ok)])
    assert res.exit_code == 0
    assert "No bad redactions" in res.output
    res = runner.invoke(main, ["redactions", "check", str(ok), str(boxed), "--json"])
    assert res.exit_code == 1
    data = json.loads(res.output)
    assert [set(d) for d in data] == [{"file", "page", "rect", "text", "cover"}]
    assert data[0]["file"] == str(boxed)
    assert data[0]["page"] == 1
    assert len(data[0]["rect"]) == 4
    res = runner.invoke(main, ["redactions", "check", str(tmp_path / "missing.pdf")])
    assert res.exit_code == 2
    assert "missing.pdf" in res.output


# Real filings: boxes over text that can still be copied (each checked by eye on a render),
# and filings whose black boxes are true redactions or which have none.
REAL_BAD = {
    "cand-288207-order-pleading-paper.pdf": ("$12,782,082", 5),
    "cod-berkshire-v-schubert-complaint.pdf": ("\u201cNo\u201d", 26),
    "dev2-cacd-2-18-cv-09321-55-3.pdf": ("$122,120.00", 7),
}
REAL_CLEAN = (
    "cand-316263-second-amended-complaint.pdf",  # true redactions; remnant glyphs at box edges
    "cacd-646349-opposition-clawback-privilege.pdf",  # true redactions
    "cacd-667461-exhibit-survey-report.pdf",  # white text on coloured table headings
    "ared-declaration-ocr-scan.pdf",  # OCR text layer on a scan
    "cacd-798862-redline-first-amended-complaint.pdf",  # redline with black boxes
)


@pytest.mark.parametrize("name", sorted(REAL_BAD))
def test_real_bad_redactions_are_found(corpus: Path, name: str) -> None:
    text, count = REAL_BAD[name]
    found = check_files([corpus / name])
    assert len(found) == count
    assert any(text in str(f["text"]) for f in found)
    assert all(str(f["cover"]).startswith("black") for f in found)


@pytest.mark.parametrize("name", REAL_CLEAN)
def test_real_filings_without_bad_redactions(corpus: Path, name: str) -> None:
    assert check_files([corpus / name]) == []


def test_import_keeps_the_findings_per_document(matter: Matter, tmp_path: Path) -> None:
    files = [bad("box", tmp_path / "boxed.pdf"), clean("text-on-band", tmp_path / "ok.pdf")]
    results = [r for p in import_files(matter, files, workers=1) if (r := p.result)]
    ids = {Path(r.path).name: r.doc_id for r in results}
    found = findings_of(matter, ids["boxed.pdf"])
    assert len(found) == 1
    assert found[0]["page"] == 1
    assert "Jonathan Quincey Smith" in str(found[0]["text"])
    assert found[0]["cover"] == "black filled box"
    assert findings_of(matter, ids["ok.pdf"]) == []
