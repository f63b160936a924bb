"""CSV: the main report's rows under one header row (the column keys). The CSV is data for
scripts and spreadsheets, so it carries no caption lines above the header."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from reviewer.core.exports.report import Report


def write_csv(reports: Sequence[Report], path: Path) -> None:
    report = reports[0]
    keys = [c.key for c in report.columns]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.DictWriter(f, keys, extrasaction="ignore")
        out.writeheader()
        out.writerows(report.rows)
