"""``reviewer batch`` and ``reviewer conflicts``: the JSON shapes of issue 19 (a contract),
a package worked on with the ordinary commands, and a refused package as one line, exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.claims.elements import add_from_template
from reviewer.core.matter.store import Matter


def run(*args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == code, result.output
    return json.loads(result.output) if "--json" in args else result.output


def test_check_out_work_check_in_settle(demo_source: Path, tmp_path: Path) -> None:
    m = tmp_path / "Office.matter"
    shutil.copytree(demo_source, m, ignore=shutil.ignore_patterns("matter.lock"))
    with Matter.open(m) as matter:
        add_from_template(matter, "negligence")
    pkg = str(tmp_path / "alice")

    out = run("batch", "checkout", str(m), "--doc", "complaint.pdf", "--doc", "3", "--to",
              "Alice", "-o", pkg, "--json")  # fmt: skip
    assert set(out) >= {"batch_id", "to", "docs", "status", "out_at", "in_at"}
    assert (out["to"], out["docs"], out["status"], out["in_at"]) == ("Alice", [1, 3], "out", None)
    listed = run("batch", "list", str(m), "--json")
    assert [b["batch_id"] for b in listed] == [out["batch_id"]]

    run(
        "tag", pkg, "1", "1", "2", "negligence.breach", "--assessment", "conclusory"
    )  # in the package
    run("tag", str(m), "1", "1", "negligence.breach", "--assessment", "factual")  # at the office
    done = run("batch", "checkin", str(m), pkg, "--json")
    assert {k: done[k] for k in ("batch_id", "applied", "unchanged", "conflicts")} == {
        "batch_id": out["batch_id"],
        "applied": 1,
        "unchanged": 0,
        "conflicts": 1,
    }
    assert run("batch", "list", str(m), "--json")[0]["status"] == "in"
    [c] = run("conflicts", str(m), "--json")
    assert (c["ours"]["assessment"], c["theirs"]["assessment"]) == ("factual", "conclusory")
    assert "factual" in run("conflicts", str(m))

    run("conflicts", "resolve", str(m), str(c["conflict_id"]), "--take", "theirs")
    assert run("conflicts", str(m), "--json") == []
    settled = run("conflicts", "list", str(m), "--all", "--json")
    assert settled[0]["status"] == "theirs"
    again = run("batch", "checkin", str(m), pkg, "--json")
    assert (again["applied"], again["conflicts"]) == (0, 0)


def test_a_package_of_another_matter_is_one_line_exit_2(demo_source: Path, tmp_path: Path) -> None:
    a, b = tmp_path / "A.matter", tmp_path / "B.matter"
    run("init", str(a))
    shutil.copytree(demo_source, b, ignore=shutil.ignore_patterns("matter.lock"))
    run("batch", "checkout", str(b), "--doc", "1", "--to", "Bob", "-o", str(tmp_path / "p"))
    result = CliRunner().invoke(main, ["batch", "checkin", str(a), str(tmp_path / "p")])
    assert result.exit_code == 2
    assert "another matter" in result.output
    assert "Traceback" not in result.output
