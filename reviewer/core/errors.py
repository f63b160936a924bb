"""Errors a user can cause, with messages a paralegal understands.

The CLI and the GUI show ``str(error)``; they never show a traceback for these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# Faults of the machine rather than of the user's input: a full disk, a read-only or vanished
# folder, a database kept busy or damaged. ``describe_os_error`` turns them into a sentence.
MACHINE_FAULTS: tuple[type[BaseException], ...] = (OSError, sqlite3.Error)


class ReviewerError(Exception):
    """Base class of every error the user can cause."""


class MatterError(ReviewerError):
    """The matter folder is missing, not a matter, or cannot be opened."""


class MatterLockedError(MatterError):
    """Another process holds the matter alone (upgrading it or cleaning up after a crash)."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: another reviewer window or command is upgrading or repairing this "
            "matter; try again when it has finished."
        )


class NoDisplayError(ReviewerError):
    """The desktop app cannot open a window on this machine."""


class BadFileError(ReviewerError):
    """A file offered for import cannot be read as a PDF."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class NotFoundError(ReviewerError):
    """A document, paragraph or other record named by the user does not exist."""


class IndexStaleError(ReviewerError):
    """The search index disagrees with the matter and cannot be rebuilt from here."""


class TemplateError(ReviewerError):
    """A claim template file is malformed; the message names the file and the problem."""


class ClaimError(ReviewerError):
    """A claim, element, count mapping or tag request that cannot be carried out."""


class PrivilegeError(ReviewerError):
    """A privilege designation, person, redaction or privilege-log request that cannot be
    carried out."""


class LogCheckError(ReviewerError):
    """An export refused because the privilege-log checks found errors (``--force`` overrides)."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        lines = "\n".join(f"  - {e}" for e in errors)
        super().__init__(
            f"the privilege log has {len(errors)} error(s); fix them or export with --force:\n"
            + lines
        )


class OcrUnavailableError(ReviewerError):
    """Tesseract (the OCR engine) is not installed, so scanned pages cannot be read."""

    def __init__(self) -> None:
        super().__init__(
            "Tesseract OCR is not installed, so scanned pages cannot be made searchable. "
            "Install it with: sudo apt-get install tesseract-ocr tesseract-ocr-eng "
            "(then run: reviewer ocr MATTER)"
        )


class ProductionError(ReviewerError):
    """A production set, production redaction, export or verification request that cannot be
    carried out."""


class MatterTooNewError(MatterError):
    """The matter was written by a newer version of reviewer than this one."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        super().__init__(
            f"{path}: this matter was saved by a newer version of reviewer (schema {found}; "
            f"this version knows up to {known}). Install the newer version of reviewer to open "
            "it; nothing was changed."
        )


class MatterDamagedError(MatterError):
    """The matter's database fails SQLite's integrity check (or is not a database)."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path}: the matter's database is damaged ({detail}). Nothing was changed. Restore "
            "the folder from a backup (a copy named matter.sqlite.v*.bak may sit beside it)."
        )


class DiskFullError(ReviewerError):
    """The disk (or the folder's quota) is full; what was being written was rolled back."""


def describe_os_error(exc: BaseException) -> str | None:
    """A sentence for an operating-system fault a user can meet (full disk, read-only or
    vanished folder, permission), or None when it is not one of those."""
    import errno

    if isinstance(exc, sqlite3.DatabaseError) and (
        "malformed" in str(exc) or "not a database" in str(exc)
    ):
        return (
            "The matter's database is damaged; nothing was changed. Restore the folder from a "
            "backup (a copy named matter.sqlite.v*.bak may sit beside it)."
        )
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        if "disk is full" in text or "disk I/O error" in text:
            return (
                "The disk is full (or failing): the change was not saved. Free some space "
                "and try again."
            )
        if "readonly database" in text:
            return (
                "The matter cannot be written here (read-only folder or file); nothing was saved."
            )
        if "database is locked" in text:
            return (
                "Another reviewer window or command kept the matter busy for too long; nothing "
                "was saved. Try again in a moment."
            )
        return None
    if isinstance(exc, OSError):
        where = f" ({exc.filename})" if exc.filename else ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return (
                f"The disk is full{where}: nothing was left half-written. Free some space "
                "and try again."
            )
        if exc.errno == errno.EROFS:
            return f"The folder is on a read-only disk{where}; nothing was written."
        if exc.errno in (errno.EACCES, errno.EPERM):
            return f"Permission denied{where}: reviewer may not write there."
        if exc.errno == errno.ENOENT:
            return f"A file reviewer needs is missing{where}."
    return None


class OrphanError(ReviewerError):
    """Orphaned work that cannot be re-attached where the user asked."""
