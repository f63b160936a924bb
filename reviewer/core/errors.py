"""Errors a user can cause, with messages a paralegal understands.

The CLI and the GUI show ``str(error)``; they never show a traceback for these.
"""

from __future__ import annotations

from pathlib import Path


class ReviewerError(Exception):
    """Base class of every error the user can cause."""


class MatterError(ReviewerError):
    """The matter folder is missing, not a matter, or cannot be opened."""


class MatterLockedError(MatterError):
    """Another process holds the matter's write lock."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path}: the matter is open in another window (or another reviewer command is "
            "writing to it). Close it there and try again."
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


class OrphanError(ReviewerError):
    """Orphaned work that cannot be re-attached where the user asked."""
