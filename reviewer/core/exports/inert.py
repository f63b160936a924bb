"""What every export writes is inert text, whole, and lands where it was asked to.

- ``clean``: control characters (``\\x0b``, ``\\x07``, …: XML — and so XLSX and DOCX — cannot
  hold them; they crashed both writers) removed; tabs and line ends kept.
- ``neutralise``: a cell that a spreadsheet would run as a formula (beginning with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe (OWASP's advice
  for CSV; the XLSX writer stores such cells as text instead).
- ``safe_name``: a Bates prefix, production name or file name that becomes part of a path has
  no path separator, no ``..``, no control character and is not empty, so nothing is written
  outside the chosen folder.
"""

from __future__ import annotations

import re

from reviewer.core.errors import ReviewerError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def clean(value: object) -> str:
    text = "" if value is None else str(value)
    return _CONTROL.sub("", text)


def neutralise(value: object) -> str:
    text = clean(value)
    return f"'{text}" if text.startswith(DANGEROUS) else text


def safe_name(name: str, what: str) -> str:
    """``name`` unchanged when it can be part of a file name; else a ReviewerError."""
    if not name.strip() or name.strip() in (".", ".."):
        raise ReviewerError(f"{name!r}: a {what} cannot be empty or a dot.")
    if "/" in name or "\\" in name or ".." in name or _CONTROL.search(name) or "\x00" in name:
        raise ReviewerError(f"{name!r}: a {what} cannot hold '/', '\\', '..' or control "
                            "characters.")  # fmt: skip
    return name
