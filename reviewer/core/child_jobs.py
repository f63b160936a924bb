"""Work the app runs in a child process (``processes.run_in_child``): production export and
verify, find-and-redact, the privilege log's export. Each opens its own handle on the matter
(the app's stays open: WAL lets them write side by side) and returns plain data. PyMuPDF and
the document writers hold the GIL for long stretches; in a process of their own they cannot
freeze the window."""

from __future__ import annotations

from pathlib import Path

from reviewer.core import production, production_export, production_verify
from reviewer.core.exports import write
from reviewer.core.exports.privilege_log import gate, privilege_log_report
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


def privilege_log(matter_path: Path, preset: str, path: Path, force: bool) -> Path:
    """Check the privilege log (refused on errors unless ``force``) and write it to ``path``."""
    fmt = path.suffix.lower().lstrip(".")
    with Matter.open(matter_path, readonly=True) as m:
        gate(m, force)
        report = privilege_log_report(m, preset, compact=fmt in ("docx", "pdf"))
    return write([report], fmt, path)
