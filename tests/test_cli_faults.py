"""Faults seen from the command line: every command refuses a matter from a newer reviewer
(exit 2, a sentence that says "newer" and what to do, no traceback); the CLI writes while
another handle (the app) has the matter open."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.claims import tagging
from reviewer.core.claims.elements import add_from_template, find_element
from reviewer.core.matter import opening
from reviewer.core.matter.store import DB_NAME, Matter


@pytest.fixture
def newer(tmp_path: Path) -> str:
    path = tmp_path / "New.matter"
    Matter.create(path).close()
    conn = sqlite3.connect(path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {opening.schema_version() + 3}")
    conn.commit()
    conn.close()
    return str(path)


COMMANDS = [
    ["docs", "{m}"],
    ["docs", "{m}", "--json"],
    ["paragraphs", "{m}", "1"],
    ["show", "{m}", "1", "1"],
    ["search", "{m}", "venture"],
    ["import", "{m}", "{pdf}"],
    ["ocr", "{m}"],
    ["reindex", "{m}"],
    ["delete", "{m}", "1", "--yes"],
    ["tag", "{m}", "1", "1", "negligence.duty"],
    ["tags", "{m}"],
    ["undo", "{m}"],
    ["redo", "{m}"],
    ["history", "{m}"],
    ["claims", "list", "{m}"],
    ["claims", "add", "{m}", "negligence"],
    ["privilege", "list", "{m}"],
    ["production", "list", "{m}"],
    ["export", "proof-chart", "{m}", "-o", "{out}"],
    ["gui", "{m}"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]).replace("{m}", ""))
def test_every_command_refuses_a_matter_from_a_newer_version(
    newer: str, tmp_path: Path, args: list[str]
) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    argv = [a.format(m=newer, pdf=pdf, out=tmp_path / "out.xlsx") for a in args]
    res = CliRunner().invoke(main, argv)
    assert res.exit_code == 2, res.output
    assert "newer version of reviewer" in res.output
    assert "Install the newer version" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert not (tmp_path / "out.xlsx").exists()


def test_a_newer_matter_in_a_real_process_prints_one_sentence(newer: str) -> None:
    res = subprocess.run(
        [sys.executable, "-m", "reviewer", "tag", newer, "1", "1", "negligence.duty"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith("Error: ")
    assert "newer" in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1


def test_the_cli_tags_while_another_window_holds_the_matter(demo_matter: Matter) -> None:
    add_from_template(demo_matter, "tvpra-1595")
    env = {**os.environ, "REVIEWER_USER": "shell"}
    res = subprocess.run(
        [sys.executable, "-m", "reviewer", "tag", str(demo_matter.path), "complaint.pdf", "1",
         "tvpra-1595.knowingly-benefited"],
        capture_output=True, text=True, timeout=60, env=env,
    )  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert demo_matter.readonly is False
    element = find_element(demo_matter, "tvpra-1595.knowingly-benefited")
    tags = tagging.list_tags(demo_matter, element)
    assert len(tags) == 1, "the open handle sees the CLI's tag at once"


@pytest.mark.parametrize("command", [["docs"], ["tags"], ["tag", "1", "1", "x.y"]])
def test_a_damaged_database_is_one_sentence_for_readers_and_writers(
    tmp_path: Path, command: list[str]
) -> None:
    path = tmp_path / "A.matter"
    Matter.create(path).close()
    data = bytearray((path / DB_NAME).read_bytes())
    data[:16] = b"not a database!!"
    (path / DB_NAME).write_bytes(bytes(data))
    res = CliRunner().invoke(main, [command[0], str(path), *command[1:]])
    assert res.exit_code == 2, res.output
    assert "damaged" in res.output
    assert "backup" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
