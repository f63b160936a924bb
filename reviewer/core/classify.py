"""Document-level facts read from a filing's first page: its kind (complaint, motion, ...),
title and court, and the citation abbreviation used in pin cites."""

from __future__ import annotations

import re

KINDS = ("complaint", "answer", "motion", "order", "exhibit", "declaration", "transcript", "other")

_RULES: tuple[tuple[str, str], ...] = (
    # A title line that opens with ORDER is the court's, even when it names a motion.
    (
        "order",
        r"(?m)^\s*(?:(?:AMENDED|REDACTED|\[PROPOSED\])\s+)?(?:OPINION AND |MEMORANDUM "
        r"(?:AND|&) )?ORDER\s+(?:\(\d\)\s*)?(?:GRANTING|DENYING|RE\b|REGARDING|ON\b|"
        r"AND\b|AUTHORIZING|DIRECTING|SETTING)",
    ),
    ("transcript", r"TRANSCRIPT OF PROCEEDINGS|REPORTER'?’?S TRANSCRIPT|OFFICIAL TRANSCRIPT"),
    (
        "motion",
        r"NOTICE OF MOTION|MOTION (?:TO|FOR)|OPPOSITION TO|REPLY (?:IN SUPPORT|BRIEF)|"
        r"MEMORANDUM OF POINTS|EX PARTE APPLICATION|APPLICATION (?:TO|FOR)|BRIEF IN SUPPORT",
    ),
    ("answer", r"\bANSWER (?:TO|AND AFFIRMATIVE)"),
    ("complaint", r"\bCOMPLAINT\b"),
    ("order", r"\bORDER\b|\bOPINION\b|FINDINGS OF FACT|CIVIL MINUTES|MEMORANDUM DECISION"),
    ("declaration", r"\bDECLARATION OF\b|\bAFFIDAVIT OF\b"),
    ("exhibit", r"\bEXHIBIT\b|INTERROGATOR"),
)
_COURT_RE = re.compile(
    r"(UNITED STATES DISTRICT COURT[^\n]*\n?[^\n]*DISTRICT OF [A-Z ]+|"
    r"SUPERIOR COURT OF [A-Z ]+(?:\n[^\n]*COUNTY OF [A-Z ]+)?)",
    re.I,
)


def guess_kind(first_page_text: str, file_name: str = "") -> str:
    """The kind of filing, from its first page (then its file name); ``other`` if unsure."""
    for source in (first_page_text.upper(), file_name.upper().replace("-", " ").replace("_", " ")):
        for kind, pattern in _RULES:
            if re.search(pattern, source):
                return kind
    return "other"


def court(first_page_text: str) -> str | None:
    m = _COURT_RE.search(first_page_text)
    return " ".join(m.group(1).split()).title() if m else None


def cite_abbrev(kind: str, title_text: str) -> str:
    """Bluebook-style short form for pin cites: ``Compl.``, ``Second Am. Compl.``, ..."""
    t = title_text.upper()
    if kind == "complaint":
        for word, short in (("FIRST", "First"), ("SECOND", "Second"), ("THIRD", "Third")):
            if re.search(rf"{word} AMENDED COMPLAINT", t):
                return f"{short} Am. Compl."
        return "Am. Compl." if "AMENDED COMPLAINT" in t else "Compl."
    return {
        "answer": "Answer",
        "declaration": "Decl.",
        "motion": "Mot.",
        "order": "Order",
        "exhibit": "Ex.",
        "transcript": "Tr.",
    }.get(kind, "Doc.")
