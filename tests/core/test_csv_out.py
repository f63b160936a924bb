"""The CSV writer neutralises formula injection in every export, header and rows alike."""

from __future__ import annotations

import csv
from pathlib import Path

from reviewer.core.exports import write
from reviewer.core.exports.csv_out import neutralise
from reviewer.core.exports.report import Column, Report


def test_every_dangerous_first_character_is_neutralised(tmp_path: Path) -> None:
    cells = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "plain", "a=b", "", "'quoted"]
    report = Report("T", ("M", "T"), (Column("v", "V", 10), Column("-k", "K", 5)),
                    [{"v": c, "-k": "x"} for c in cells])  # fmt: skip
    out = write([report], "csv", tmp_path / "t.csv")
    rows = list(csv.reader(out.open(encoding="utf-8", newline="")))
    assert rows[0] == ["v", "'-k"]
    assert [r[0] for r in rows[1:]] == [
        "'=1+1", "'+SUM(A1)", "'-2+3", "'@cmd", "'\tx", "'\rx", "plain", "a=b", "",
        "'quoted"]  # fmt: skip
    assert neutralise(None) == ""
