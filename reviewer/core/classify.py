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


_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "at"})


def court(first_page_text: str) -> str | None:
    """The court named on the first page, in title case ("United States District Court for
    the Northern District of California")."""
    m = _COURT_RE.search(first_page_text)
    if not m:
        return None
    words = m.group(1).split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL_WORDS else w.capitalize()
        for i, w in enumerate(words)
    )


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


_ORDINALS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_CARDINALS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman(text: str) -> int | None:
    """``XIV`` → 14; None when ``text`` is not a roman numeral."""
    text = text.lower()
    if not text or any(c not in _ROMAN for c in text):
        return None
    values = [_ROMAN[c] for c in text]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def ordinal(word: str) -> int | None:
    """A count's number as users type or plead it: ``2``, ``II``, ``two``, ``second``, ``2nd``."""
    word = word.strip().lower().rstrip(":.")
    if word.isdigit():
        return int(word)
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", word):
        return int(word[:-2])
    if word in _ORDINALS:
        return _ORDINALS.index(word) + 1
    if word in _CARDINALS:
        return _CARDINALS.index(word) + 1
    return roman(word)


def count_number(heading: str | None) -> int | None:
    """The number of a COUNT / CAUSE OF ACTION heading: ``Count IV: …`` → 4,
    ``SECOND CLAIM FOR RELIEF`` → 2; None when the heading has none."""
    if not heading:
        return None
    m = re.match(r"\W*(?:count|claim)\s+(\w+)", heading, re.I)
    if m is None:
        m = re.match(r"\W*(\w+)\s+(?:cause|claim|count)\b", heading, re.I)
    return ordinal(m.group(1)) if m else None
