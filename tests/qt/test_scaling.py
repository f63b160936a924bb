"""At 125 % scaling on a 1280 x 800 screen (1024 x 640 logical pixels), the pages keep at
least half of the window and the Export dialog fits on the screen. Qt reads
QT_SCALE_FACTOR once, at start: the window runs in a process of its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def test_the_window_at_125_percent(demo: Path, tmp_path: Path) -> None:
    env = {**os.environ, "QT_SCALE_FACTOR": "1.25", "QT_QPA_PLATFORM": "offscreen"}
    script = HERE / "scaled_window.py"
    run = subprocess.run(
        [sys.executable, str(script), str(demo), str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=120, cwd=HERE.parent.parent,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["ratio"] == 1.25
    assert seen["grab"] == [1280, 800]
    assert seen["page"] >= seen["window"] / 2, seen
    assert "E&xport" in seen["menus"]
    width, height = seen["dialog"]
    assert width <= 1024
    assert height <= 640
