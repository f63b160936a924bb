"""PDF: the same layout as the DOCX, as HTML laid out by ``reviewer.core.pdf.html_to_pdf``
(landscape letter, numbered pages)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from html import escape
from itertools import groupby
from pathlib import Path

from reviewer.core.exports.inert import clean
from reviewer.core.exports.report import Column, Report
from reviewer.core.pdf import html_to_pdf

WIDTH = 640  # points of table width on a landscape letter page inside the margins
CSS = """
body { font-family: sans-serif; font-size: 8pt; }
h1 { font-size: 14pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 10pt 0 2pt 0; }
h3 { font-size: 9pt; margin: 8pt 0 3pt 0; }
p { margin: 0 0 2pt 0; }
p.note { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #888; padding: 2pt; vertical-align: top; text-align: left; }
th { border-bottom: 1.5pt solid #444; }
td.gap { color: #B00000; font-weight: bold; }
td.conclusory-only { color: #9A5B00; font-weight: bold; }
"""


LINES_PER_ROW = 40  # a table row must fit on one page: MuPDF's Story drops what does not


def _pieces(text: str, points: float) -> list[str]:
    """``text`` in pieces that each fit on a page in a column ``points`` wide (characters
    counted generously wide, so a piece is never taller than the page)."""
    per_line = max(8, int(points / 5.0))
    lines: list[str] = []
    for para in clean(text).split("\n"):
        lines += textwrap.wrap(para, per_line, break_long_words=True) or [""]
    return ["\n".join(lines[i : i + LINES_PER_ROW]).strip()
            for i in range(0, len(lines), LINES_PER_ROW)] or [""]  # fmt: skip


def _split(cols: list[Column], total: float, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows too tall for a page become a row and its continuations: nothing is cut."""
    out: list[dict[str, str]] = []
    for row in rows:
        parts = {c.key: _pieces(row.get(c.key, ""), WIDTH * c.width / total) for c in cols}
        n = max(len(p) for p in parts.values()) if parts else 1
        out.append({**row, **{k: p[0] for k, p in parts.items()}})
        for i in range(1, n):
            more = {k: (p[i] if i < len(p) else "") for k, p in parts.items()}
            out.append({**more, "status": row.get("status", ""), "element": "\x00cont"})
    return out


def _table(report: Report, rows: list[dict[str, str]]) -> str:
    cols = [c for c in report.columns if c.key not in report.hidden_in_groups]
    total = sum(c.width for c in cols)
    rows = _split(cols, total, rows)
    head = "".join(
        f'<th style="width: {WIDTH * c.width / total:.0f}pt">{escape(c.label)}</th>' for c in cols
    )
    body, previous = [], None
    for row in rows:
        status = row.get("status", "")
        # Status in colour, not shaded rows: MuPDF's Story redraws cell backgrounds of earlier
        # pages as stray stripes on later ones.
        mark = f' class="{status}"' if status in report.shade else ""
        cells = []
        for c in cols:
            value = row.get(c.key, "")
            if c.key == "element" and (value == previous or value == "\x00cont"):
                value = ""
            value = escape(clean(value)).replace("\n", "<br/>")
            cells.append(f"<td{mark if c.key in ('status', 'gap') else ''}>{value}</td>")
        if row.get("element") != "\x00cont":
            previous = row.get("element")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _html(reports: Sequence[Report]) -> str:
    first = [clean(x) for x in reports[0].caption]
    parts = [f"<h1>{escape(first[0])}</h1>"] + [f"<p>{escape(x)}</p>" for x in first[1:-1]]
    for report in reports:
        parts.append(f"<h2>{escape(clean(report.caption[-1]))}</h2>")
        parts += [f'<p class="note">{escape(clean(n))}</p>' for n in report.notes]
        if not report.rows:
            parts.append("<p>Nothing to report.</p>")
        for name, rows in groupby(report.rows, key=lambda r: r.get(report.group or "", "")):
            parts.append(f"<h3>{escape(clean(name))}</h3>" if report.group else "")
            parts.append(_table(report, list(rows)))
    return "<body>" + "".join(parts) + "</body>"


def write_pdf(reports: Sequence[Report], path: Path) -> None:
    html_to_pdf(_html(reports), path, CSS, landscape=True, footer=clean(reports[0].caption[0]))
