"""Production work run in a child process by the app (``processes.run_in_child``): each opens
its own handle on the matter (the app's stays open: WAL lets them write side by side) and
returns plain data. PyMuPDF holds the GIL while it writes or reads pages; in a process of its
own it cannot freeze the window."""

from __future__ import annotations

from pathlib import Path

from reviewer.core import production, production_export, production_verify
from reviewer.core.matter import Matter


def export_and_verify(matter_path: Path, name: str, folder: Path) -> list[str]:
    """Export production ``name`` into the new ``folder``, then verify it: the problems."""
    with Matter.open(matter_path) as m:
        production_export.export(m, name, folder)
    return production_verify.verify(folder)


def redact_search(matter_path: Path, name: str, text: str, reason: str) -> list[str]:
    """Find ``text`` in production ``name`` and record a redaction per match."""
    with Matter.open(matter_path) as m:
        return production.redact_search(m, name, text, reason)
