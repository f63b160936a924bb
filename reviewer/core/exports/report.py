"""The format-neutral shape of an export: a title, the matter's caption, columns and rows
grouped under headings. Writers lay it out; they never query the matter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reviewer.core.matter import Matter


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: float  # relative width (characters, roughly) for XLSX/DOCX/PDF


@dataclass(frozen=True, slots=True)
class Report:
    """``rows`` are dicts keyed by column key; ``group`` names the key whose value starts a
    new section in DOCX/PDF (the CSV and XLSX keep it as a column); ``shade`` maps a row's
    ``status`` to a background colour (hex RGB) for gaps and the like."""

    title: str
    caption: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: list[dict[str, str]]
    group: str | None = None
    hidden_in_groups: tuple[str, ...] = ()
    shade: dict[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def sheet_name(self) -> str:
        return self.title[:31]


def caption(matter: Matter) -> tuple[str, ...]:
    """The matter's caption: its name, then the court and case number of the complaint whose
    counts are mapped (else the first complaint), when the import found them."""
    row = matter.db.execute(
        """SELECT d.court, d.case_no, d.title, d.docket_no FROM documents d
        WHERE d.kind = 'complaint'
        ORDER BY (SELECT count(*) FROM count_claims m WHERE m.doc_id = d.id) DESC, d.id
        LIMIT 1"""
    ).fetchone()
    lines = [matter.name]
    if row is not None:
        court, case_no, title, docket = row
        lines += [court] if court else []
        lines += [f"Case No. {case_no}"] if case_no else []
        lines += [f"{title or 'Complaint'}" + (f" (Dkt. {docket})" if docket else "")]
    return tuple(lines)


def today() -> str:
    return dt.date.today().isoformat()
