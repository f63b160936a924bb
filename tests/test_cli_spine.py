"""Issue 14 from the command line: a document with tags, privilege coding on a ¶ and a
redaction, re-cut with ``reviewer ocr --force``, keeps all three (or lists them as orphaned)
and the re-cut is in ``history``; ``undo`` / ``redo`` of it; ``orphans`` and ``delete``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from reviewer.cli import main
from reviewer.samples.synthetic import write_synthetic_complaint

ELEMENT = "tvpra-1595.knowingly-benefited"


def run(*args: object) -> Result:
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, (args, result.output)
    return result


def as_json(*args: object) -> Any:
    return json.loads(run(*args, "--json").stdout)


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """A complaint imported without OCR; ¶¶ 2-3 tagged, ¶ 3 coded, ¶ 4 redacted."""
    src = write_synthetic_complaint(tmp_path / "compl.pdf", 6, seed=3)
    matter = tmp_path / "M.matter"
    run("init", matter)
    run("import", matter, src.path, "--no-ocr")
    run("claims", "add", matter, "tvpra-1595")
    run("tag", matter, "compl.pdf", "2", "3", ELEMENT)
    run("privilege", "set", matter, "compl.pdf", "--para", "3", "--status", "redacted",
        "--basis", "attorney-client")  # fmt: skip
    (p4,) = [
        p
        for p in as_json("paragraphs", matter, "compl.pdf")
        if p["number"] == "4" and p["kind"] == "numbered"
    ]
    run("redact", "add", matter, "compl.pdf", "--page", p4["page_start"], "--type", "ssn",
        "--para", "4")  # fmt: skip
    return matter


def _work(matter: Path) -> tuple[int, int, int]:
    """(tags, paragraph designations, redactions) in place, plus those kept as orphans."""
    orphaned = [o["table"] for o in as_json("orphans", matter)]
    tags = len(as_json("tags", matter)) + orphaned.count("tags")
    coded = [d for d in as_json("privilege", "list", matter) if d["para_id"] is not None]
    reds = len(as_json("redact", "list", matter)) + orphaned.count("redactions")
    return tags, len(coded) + orphaned.count("privilege"), reds


@pytest.mark.usefixtures("tesseract")
def test_ocr_force_recut_keeps_tags_coding_and_redactions(coded: Path) -> None:
    before = as_json("paragraphs", coded, "compl.pdf")
    assert _work(coded) == (2, 1, 1)
    ocr = run("ocr", coded, "compl.pdf", "--force", "--workers", "1")
    assert "OCR done: compl.pdf" in ocr.stderr
    assert _work(coded) == (2, 1, 1)  # all three still there, or listed as orphaned
    ops = as_json("history", coded)
    assert ops[0]["label"].startswith("Re-cut compl.pdf")
    assert {"op_id", "label", "user", "machine", "at", "changes"} <= set(ops[0])
    tables = {c["table"] for c in ops[0]["changes"]}
    assert "pages" in tables
    assert all(p["text"] for p in as_json("paragraphs", coded, "compl.pdf"))
    assert run("undo", coded).stdout.startswith("Undid: Re-cut compl.pdf")
    assert as_json("paragraphs", coded, "compl.pdf") == before
    assert as_json("orphans", coded) == []
    assert _work(coded) == (2, 1, 1)
    assert run("redo", coded).stdout.startswith("Redid: Re-cut compl.pdf")
    assert _work(coded) == (2, 1, 1)


def test_history_lists_every_operation_with_its_fields(coded: Path) -> None:
    ops = as_json("history", coded, "--limit", "0")
    labels = [o["label"] for o in ops]
    assert labels[-1] == "add claim tvpra-1595"
    assert "Tag ¶¶ 2–3 with Knowingly benefited" in labels
    assert any(x.startswith("Code compl.pdf") and "¶ 3" in x and x.endswith("as redacted")
               for x in labels), labels  # fmt: skip
    for op in ops:
        assert {"op_id", "label", "user", "machine", "at", "changes"} <= set(op)
        assert op["changes"], op
        for change in op["changes"]:
            assert change["change"] in ("insert", "update", "delete")
    text = run("history", coded, "--limit", "2").stdout.splitlines()
    assert len(text) == 2
    assert "Redact compl.pdf p. " in text[0]


def test_delete_is_undone_with_everything_on_it(coded: Path) -> None:
    work = _work(coded)
    run("delete", coded, "compl.pdf", "--yes")
    assert as_json("docs", coded) == []
    assert as_json("tags", coded) == []
    assert run("undo", coded).stdout.startswith("Undid: Delete compl.pdf")
    assert [d["file_name"] for d in as_json("docs", coded)] == ["compl.pdf"]
    assert _work(coded) == work
    hits = as_json("search", coded, "defendant")
    assert hits  # the index has the document again


def test_orphans_command_lists_and_attaches(coded: Path) -> None:
    assert run("orphans", coded).stdout.strip() == "No orphaned work."
    bad = CliRunner().invoke(main, ["orphans", "attach", str(coded), "99", "--para", "1"])
    assert bad.exit_code == 2
    assert "Orphan 99 is not in" in bad.stderr
    usage = CliRunner().invoke(main, ["orphans", "attach", str(coded), "1"])
    assert usage.exit_code == 2
    assert "--para SEQ or --number N" in usage.output
