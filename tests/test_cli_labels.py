"""``reviewer kind`` and ``reviewer caption``, and the caption fields of ``docs --json``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reviewer.cli import main
from reviewer.samples import write_demo_filings


def test_kind_caption_and_the_new_docs_fields(tmp_path: Path) -> None:
    run = CliRunner().invoke
    m = str(tmp_path / "Doe.matter")
    files = write_demo_filings(tmp_path / "demo")
    assert run(main, ["init", m]).exit_code == 0
    assert run(main, ["import", m, str(files[0].path), "--no-ocr"]).exit_code == 0
    (doc,) = json.loads(run(main, ["docs", m, "--json"]).stdout)
    assert {"court", "case_name", "title", "parties", "short_cite", "kind_reason"} <= set(doc)
    assert set(doc["parties"]) == {"plaintiffs", "defendants"}
    assert doc["kind"] == "complaint"

    res = run(main, ["kind", m, str(doc["doc_id"]), "exhibit", "--json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["kind"] == "exhibit"
    bad = run(main, ["kind", m, str(doc["doc_id"]), "memo"])
    assert bad.exit_code == 2
    assert "memo" in bad.output

    res = run(main, ["caption", m, "--case-no", "3:22-cv-00990", "--json"])
    assert res.exit_code == 0, res.output
    cap = json.loads(res.stdout)
    assert (cap["case_no"], cap["source"]) == ("3:22-cv-00990", "set by hand")
    assert "3:22-cv-00990" in run(main, ["caption", m]).output
