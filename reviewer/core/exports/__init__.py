"""Exports: each report is built once as a ``Report`` (``report.py``) by the module that owns
it (``proof_chart.py``), then written by one writer per format (``csv_out``, ``xlsx_out``,
``docx_out``, ``pdf_out``). ``write`` picks the writer and never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from reviewer.core.errors import ReviewerError
from reviewer.core.exports.report import Report

FORMATS = ("xlsx", "docx", "csv", "pdf")


def _writer(fmt: str) -> Callable[[Sequence[Report], Path], None]:
    if fmt == "csv":
        from reviewer.core.exports.csv_out import write_csv as w
    elif fmt == "xlsx":
        from reviewer.core.exports.xlsx_out import write_xlsx as w
    elif fmt == "docx":
        from reviewer.core.exports.docx_out import write_docx as w
    elif fmt == "pdf":
        from reviewer.core.exports.pdf_out import write_pdf as w
    else:
        raise ReviewerError(f"{fmt!r}: the format must be one of {', '.join(FORMATS)}.")
    return w


@contextlib.contextmanager
def atomic_output(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to: renamed over ``path`` when the block
    succeeds, removed whatever happens, so a failure leaves no partial file behind. An
    OSError becomes a ReviewerError naming the file."""
    dest = Path(path)
    if not dest.parent.is_dir():
        raise ReviewerError(f"{dest.parent}: no such folder to write {dest.name} into.")
    tmp = dest.with_name(f".{dest.name}.part")
    try:
        yield tmp
        os.replace(tmp, dest)
    except OSError as exc:
        raise ReviewerError(f"{dest}: cannot be written ({exc.strerror or exc}).") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write(reports: Sequence[Report], fmt: str, path: str | Path) -> Path:
    """Write ``reports`` (the first is the main one; CSV carries only it) to ``path``,
    atomically (``atomic_output``)."""
    writer = _writer(fmt)
    with atomic_output(path) as tmp:
        writer(reports, tmp)
    return Path(path)
