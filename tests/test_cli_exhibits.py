"""``reviewer exhibits …`` and ``reviewer export exhibit-list / exhibit-binder``: the JSON
contract, re-scanning a matter imported before exhibits were found, bad input (exit 2,
nothing written)."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner, Result

from reviewer.cli import main
from tests.core.exhibit_fixtures import complaint_with_exhibits

CONTRACT = {"exhibit_id", "doc_id", "file_name", "label", "first_page", "last_page",
            "attached", "description", "cited_by"}  # fmt: skip


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def mp(tmp_path: Path) -> Path:
    path = tmp_path / "Acme.matter"
    pdf = complaint_with_exhibits(tmp_path / "acme.pdf")
    assert run("init", path).exit_code == 0
    assert run("import", path, pdf, "--kind", "complaint", "--no-ocr").exit_code == 0
    return path


def test_exhibits_json_contract(mp: Path) -> None:
    result = run("exhibits", mp, "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {r["label"] for r in rows} == {"Exhibit A", "Exhibit B", "Exhibit C", "Exhibit D"}
    for r in rows:
        assert set(r) >= CONTRACT
        for c in r["cited_by"]:
            assert {"seq", "number", "kind", "cite"} <= set(c)
    text = run("exhibits", mp, "--doc", "acme").output
    assert "1 cited but not attached; 1 not cited" in text


def test_scan_finds_exhibits_in_a_matter_imported_before(mp: Path) -> None:
    with sqlite3.connect(mp / "matter.sqlite") as db:  # as a matter from before issue 18
        db.execute("DELETE FROM exhibits")
    assert json.loads(run("exhibits", mp, "--json").output) == []
    result = run("exhibits", "scan", mp)
    assert result.exit_code == 0, result.output
    assert "3 exhibit(s) attached, 1 cited but not attached" in result.output


def test_numbers_list_and_binder(mp: Path, tmp_path: Path) -> None:
    assert run("exhibits", "number-all", mp, "PX").output.startswith("3 numbered")
    assert run("exhibits", "number", mp, "PX-002", "DEP").output.strip() == "Dep. Ex. 1"
    assert "PX-002" in run("exhibits", "crosswalk", mp).output
    assert run("exhibits", "set", mp, "PX-001", "--marked", "5/1/24").exit_code == 0
    out = tmp_path / "list.csv"
    assert run("export", "exhibit-list", mp, "-o", out).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    got = [(r["Plf. No."], r["Marked"]) for r in rows]
    assert got == [("PX-001", "5/1/24"), ("PX-002", ""), ("PX-003", "")]
    result = run("export", "exhibit-binder", mp, "-o", tmp_path / "binder.pdf")
    assert result.exit_code == 0, result.output
    assert "3 exhibits, 11 pages" in result.output
    one = tmp_path / "px2.pdf"
    assert run("export", "exhibit", mp, "PX-002", "-o", one).output.endswith("2 pages)\n")
    with pymupdf.open(one) as doc:
        assert [p.get_text().split("\n")[-2] for p in doc] == [
            "PX-002 — page 1 of 2",
            "PX-002 — page 2 of 2",
        ]
    missing = next(e for e in json.loads(run("exhibits", mp, "--json").output)
                   if not e["attached"])  # fmt: skip
    result = run("export", "exhibit", mp, missing["exhibit_id"], "-o", tmp_path / "b.pdf")
    assert result.exit_code == 2
    assert "cited but not attached" in result.output


def test_bad_input_exits_2_and_writes_nothing(mp: Path, tmp_path: Path) -> None:
    before = run("exhibits", mp, "--json").output
    result = run("exhibits", "add", mp, "acme", "--label", "Exhibit Q", "--pages", "5-40")
    assert result.exit_code == 2
    assert "Error: Pages 5-40" in result.output
    assert run("exhibits", mp, "--json").output == before
    assert run("exhibits", "number", mp, "999", "PX").exit_code == 2
    assert run("exhibits", "withdraw", mp, "PX-404").exit_code == 2
    result = run("export", "exhibit-binder", mp, "-o", tmp_path / "binder.txt")
    assert result.exit_code == 2
    result = run("export", "exhibit-binder", mp, "-o", tmp_path / "nope" / "b.pdf")
    assert result.exit_code == 2
    assert not (tmp_path / "nope").exists()
    assert not list(tmp_path.glob("*.part"))


def test_every_exhibits_command_has_help() -> None:
    for name in ("list", "add", "scan", "set", "number", "number-all", "withdraw", "numbers",
                 "crosswalk"):  # fmt: skip
        result = run("exhibits", name, "--help")
        assert result.exit_code == 0
        assert len(result.output) > 100
    for name in ("exhibit-list", "exhibit-binder", "exhibit"):
        assert run("export", name, "--help").exit_code == 0
