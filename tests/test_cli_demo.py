"""`reviewer demo` as a new user meets it: run twice, and on a machine without a display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.qt.app import display_problem


def _docs(matter: Path) -> list[dict[str, object]]:
    res = CliRunner().invoke(main, ["docs", str(matter), "--json"])
    assert res.exit_code == 0, res.output
    return list(json.loads(res.output))


def test_demo_twice_leaves_one_copy_of_each_filing(tmp_path: Path) -> None:
    matter = tmp_path / "Demo.matter"
    first = CliRunner().invoke(main, ["demo", "--matter", str(matter), "--no-gui"])
    assert first.exit_code == 0, first.output
    before = _docs(matter)
    second = CliRunner().invoke(main, ["demo", "--matter", str(matter), "--no-gui"])
    assert second.exit_code == 0, second.output
    after = _docs(matter)
    assert len(before) == 3
    assert [d["sha256"] for d in after] == [d["sha256"] for d in before]


LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland checks")


@LINUX
def test_demo_without_a_display_says_what_to_do_and_exits_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    res = subprocess.run(
        [sys.executable, "-m", "reviewer", "demo", "--matter", str(tmp_path / "D.matter")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert res.returncode == 2, res.stderr
    assert "no display" in res.stderr
    assert "--no-gui" in res.stderr
    assert "Traceback" not in res.stderr


@LINUX
def test_display_problems_are_named() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert "no display" in (display_problem({}) or "")
    assert "not running" in (display_problem({"DISPLAY": ":987"}) or "")


def test_a_screenshot_prints_nothing_but_where_it_went(tmp_path: Path) -> None:
    """`reviewer gui --screenshot` on the offscreen platform printed "This plugin does not
    support propagateSizeHints()" for every window shown; Qt's warnings go to the log."""
    env = {**os.environ, "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data")}  # fmt: skip
    png = tmp_path / "window.png"
    done = subprocess.run(
        [sys.executable, "-m", "reviewer", "gui", "--screenshot", str(png)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert png.stat().st_size > 0
    assert done.stdout.strip() == f"Saved {png}"
    assert done.stderr == ""
