"""The format-neutral shape of an export: a title, the matter's caption, columns and rows
grouped under headings. Writers lay it out; they never query the matter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from reviewer.core.matter import labels
from reviewer.core.matter.store import Matter


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
    """The matter's caption: its name, the court, the case number and the case name — set by
    hand (``reviewer caption``) or read from the first complaint's caption."""
    cap = labels.matter_caption(matter)
    lines = [matter.name]
    lines += [cap.court] if cap.court else []
    lines += [f"Case No. {cap.case_no}"] if cap.case_no else []
    lines += [cap.case_name] if cap.case_name and cap.case_name != matter.name else []
    return tuple(lines)


def today() -> str:
    return dt.date.today().isoformat()
