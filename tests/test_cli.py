"""The CLI: every command has help; JSON shapes are a contract; errors are one line."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.samples import write_bad_files, write_demo_filings


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((*prefix, name))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, (*prefix, name)))
    return out


@pytest.mark.parametrize("cmd", _commands(main))
def test_every_command_has_help(cmd: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*cmd, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(main.get_command(click.Context(main), cmd[0]).help or "") > 10


def test_init_import_docs_paragraphs_show(tmp_path: Path) -> None:
    run = CliRunner().invoke
    m = str(tmp_path / "Doe.matter")
    files = write_demo_filings(tmp_path / "demo")
    bad = write_bad_files(tmp_path / "bad")["encrypted"]
    assert run(main, ["init", m, "--name", "Doe v. Streamline"]).exit_code == 0
    res = run(main, ["import", m, str(files[0].path), str(bad), "--json"])
    assert res.exit_code == 1
    rows = json.loads(res.stdout)
    assert [r["status"] for r in rows] == ["imported", "failed"]
    assert set(rows[0]) >= {"path", "doc_id", "status", "error", "pages", "paragraphs"}
    assert str(bad) in rows[1]["error"]
    docs = json.loads(run(main, ["docs", m, "--json"]).stdout)
    keys = {"doc_id", "file_name", "sha256", "kind", "pages", "text_quality", "case_no"}
    assert keys | {"docket_no", "filed"} <= set(docs[0])
    assert docs[0]["docket_no"] == "1"
    assert docs[0]["kind"] == "complaint"
    paras = json.loads(run(main, ["paragraphs", m, "complaint.pdf", "--json"]).stdout)
    numbered = [p for p in paras if p["kind"] == "numbered"]
    assert numbered[0]["number"] == "1"
    assert set(numbered[0]) >= {"seq", "number", "kind", "section", "text", "page_start"}
    assert {"page_end", "cite"} <= set(numbered[0])
    shown = run(main, ["show", m, "1", "12"])
    assert shown.exit_code == 0
    assert shown.output.startswith("Compl. ¶ 12 (Dkt. 1 at ")


def test_user_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["docs", str(tmp_path / "nowhere")])
    assert res.exit_code == 2
    assert "not a matter" in res.stderr
    assert "Traceback" not in res.output + res.stderr
