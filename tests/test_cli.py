"""The CLI: every command has help; JSON shapes are a contract; errors are one line."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.matter.store import Matter
from reviewer.samples import write_bad_files, write_demo_filings


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


@pytest.fixture
def demo_matter(tmp_path: Path) -> str:
    m = str(tmp_path / "Doe.matter")
    files = [str(f.path) for f in write_demo_filings(tmp_path / "demo")]
    assert CliRunner().invoke(main, ["import", m, *files]).exit_code == 2  # no such matter
    assert CliRunner().invoke(main, ["init", m]).exit_code == 0
    assert CliRunner().invoke(main, ["import", m, *files]).exit_code == 0
    return m


def test_search_json_contract(demo_matter: str) -> None:
    res = CliRunner().invoke(
        main, ["search", demo_matter, "benefit! /s venture", "--syntax", "tc", "--json"]
    )
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits
    for key in ("doc_id", "file_name", "seq", "number", "cite", "page_start", "score", "snippet"):
        assert key in hits[0]
    assert "**venture**" in hits[0]["snippet"]
    limited = CliRunner().invoke(main, ["search", demo_matter, "venture", "--limit", "1", "--json"])
    assert len(json.loads(limited.output)) == 1


def test_search_counts_order_and_doc(demo_matter: str) -> None:
    run = CliRunner().invoke
    counts = json.loads(run(main, ["search", demo_matter, "venture", "--counts", "--json"]).output)
    assert counts["total"] == sum(d["hits"] for d in counts["per_doc"])
    assert {d["file_name"] for d in counts["per_doc"]} == {"complaint.pdf", "answer.pdf"}
    res = run(main, ["search", demo_matter, "venture", "--order", "document", "--doc",
                     "complaint.pdf", "--limit", "0", "--json"])  # fmt: skip
    hits = json.loads(res.output)
    assert {h["file_name"] for h in hits} == {"complaint.pdf"}
    assert [h["seq"] for h in hits] == sorted(h["seq"] for h in hits)
    text = run(main, ["search", demo_matter, "venture"]).output
    assert text.startswith(f"{counts['total']} hits in 2 documents")


def test_search_errors_point_at_the_token(demo_matter: str) -> None:
    res = CliRunner().invoke(main, ["search", demo_matter, "knew w/x venture", "--syntax", "tc"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output
    lines = res.output.splitlines()
    assert "needs a number" in lines[0]
    assert lines[-1].index("^") == lines[-2].index("w/x")


def test_reindex_delete_and_a_stale_index(demo_matter: str) -> None:
    run = CliRunner().invoke
    res = run(main, ["reindex", demo_matter])
    assert res.exit_code == 0
    assert re.search(r"Indexed [\d,]+ paragraphs", res.output)
    assert run(main, ["delete", demo_matter, "answer.pdf", "--yes"]).exit_code == 0
    counts = json.loads(run(main, ["search", demo_matter, "venture", "--counts", "--json"]).output)
    assert {d["file_name"] for d in counts["per_doc"]} == {"complaint.pdf"}
    (Path(demo_matter) / "index" / "reviewer-index.json").unlink()
    with Matter.open(demo_matter):  # another window has the matter open: rebuilt all the same
        res = run(main, ["search", demo_matter, "venture", "--json"])
    assert res.exit_code == 0, res.output
    assert (Path(demo_matter) / "index" / "reviewer-index.json").is_file()
    assert "rebuilding" in res.stderr
    assert json.loads(res.stdout)


def test_gui_reports_ready_once_the_first_page_is_drawn(demo_matter: str, tmp_path: Path) -> None:
    """The hook ``benchmarks/ui_open.py`` times launches with (a process of its own: a Qt event
    loop that has quit cannot run again in this one)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    env["REVIEWER_EXIT_WHEN_READY"] = "1"
    done = subprocess.run([sys.executable, "-m", "reviewer", "gui", demo_matter], env=env,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    words = done.stdout.split()
    assert words[0] == "ready", done.stdout
    assert float(words[1]) > 0
    assert "timed out" not in done.stdout
