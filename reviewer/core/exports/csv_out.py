"""CSV: the main report's rows under one header row (the column keys). The CSV is data for
scripts and spreadsheets, so it carries no caption lines above the header.

Formula injection: a spreadsheet opening the CSV would run a cell that begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return as a formula (``=HYPERLINK(…)`` can leak
data). Every such cell, in every export, gets a leading apostrophe (OWASP's advice): the
spreadsheet shows the text as typed, and a script reading the CSV sees the apostrophe."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from reviewer.core.exports.inert import DANGEROUS, neutralise
from reviewer.core.exports.report import Report

__all__ = ["DANGEROUS", "neutralise", "write_csv"]


def write_csv(reports: Sequence[Report], path: Path) -> None:
    report = reports[0]
    keys = [c.key for c in report.columns]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([neutralise(k) for k in keys])
        out.writerows([neutralise(row.get(k, "")) for k in keys] for row in report.rows)
