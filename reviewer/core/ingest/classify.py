"""What a filing is: its kind (complaint, motion, brief, …) read from its title with the
words that say so, the Bluebook short form used in its pin cites, and COUNT numbering."""

from __future__ import annotations

import re

KINDS = (
    "complaint", "answer", "motion", "brief", "declaration", "order", "stipulation",
    "discovery", "exhibit", "transcript", "notice", "other",
)  # fmt: skip

# A title's head noun says what a filing is: the earliest of these in the title wins
# ("DECLARATION OF X IN SUPPORT OF MOTION" is a declaration; "OPPOSITION TO MOTION" a brief).
_TITLE_WORDS: tuple[tuple[str, str], ...] = (
    ("other", r"\b(?:DECLARATION|CERTIFICATE|PROOF)\s+OF\s+SERV\w*"),
    ("transcript", r"\bTRANSCRIPT\b"),
    (
        "order",
        r"\bFINDINGS\s+OF\s+FACT|\bMEMORANDUM\s+(?:AND|&)\s+ORDER|\bMEMORANDUM\s+"
        r"(?:OPINION|DECISION)|\bCIVIL\s+MINUTES|\bMINUTE\s+ORDER|\bJUDGMENT\s+AND\b",
    ),
    (
        "brief",
        r"\bMEMORANDUM\s+(?:OF\s+(?:POINTS|LAW)|IN\s+(?:SUPPORT|OPPOSITION))|"
        r"\bOPPOSITION\b|\bREPLY\b|\bBRIEF\b|\bOBJECTIONS?\s+TO\b",
    ),
    (
        "motion",
        r"\bNOTICE\s+(?:OF\s+|AND\s+)(?:\w+\s+){0,3}(?:MOTION|APPLICATION|PETITION)|"
        r"\bMOTION\b|\bAPPLICATION\b|\bPETITION\b",
    ),
    ("stipulation", r"\bSTIPULAT\w*"),
    ("declaration", r"\bDECLARATION\b|\bAFFIDAVIT\b"),
    ("answer", r"\bANSWER\b"),
    ("complaint", r"\bCOMPLAINT\b"),
    (
        "discovery",
        r"\bINTERROGATOR\w*|\bREQUESTS?\s+FOR\s+(?:PRODUCTION|ADMISSION)|"
        r"\bRESPONSES?\s+(?:AND\s+OBJECTIONS\s+)?TO\b|\bSUBPOENA\b",
    ),
    ("order", r"\bORDER\b|\bOPINION\b|\bJUDGMENT\b|\bDECREE\b"),
    ("exhibit", r"\bEXHIBIT\b|\bTAB\s+\w+$"),
    ("notice", r"\bNOTICE\b"),
)


def kind_of_title(title: str) -> tuple[str, str] | None:
    """The kind a title names and the words that say so, or None. A word that qualifies the
    title's head ("MOTION" in "ORDER GRANTING MOTION") comes after it and loses."""
    upper = " ".join(title.upper().split())
    best: tuple[int, int, str, str] | None = None
    for rank, (kind, pattern) in enumerate(_TITLE_WORDS):
        m = re.search(pattern, upper)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, kind, m.group(0))
    return (best[2], best[3]) if best else None


def guess_kind(first_page_text: str, file_name: str = "") -> str:
    """The kind of filing from some text (then its file name); ``other`` if unsure."""
    return kind_with_reason(first_page_text, None, file_name)[0]


def kind_with_reason(
    title: str | None,
    cover: str | None,
    file_name: str = "",
    transcript: bool = False,
    headings: tuple[str, ...] | list[str] = (),
) -> tuple[str, str]:
    """The kind of a filing and the reason, in the document's own words: its cover sheet
    (``EXHIBIT A``), its title, its structure (a transcript's numbered lines), else its file
    name."""
    if cover and re.search(r"\bEXHIBIT\b", cover, re.I):
        return "exhibit", f"cover sheet: {' '.join(cover.split())[:80]}"
    if title:
        found = kind_of_title(title)
        if found:
            return found[0], f"title: {' '.join(title.split())[:160]}"
    for heading in headings:  # a court form prints its kind as a row label (JUDGMENT … ORDER)
        found = kind_of_title(heading)
        if found and found[0] in ("order", "transcript"):
            return found[0], f"form heading: {heading}"
    if transcript:
        return "transcript", "structure: numbered transcript lines 1-25 on every page"
    name = re.sub(r"[-_.]+", " ", file_name.rsplit(".", 1)[0]).upper()
    found = kind_of_title(name) if name else None
    if found:
        return found[0], f"file name: {file_name} (no readable title)"
    return "other", "no title found"


_ORDINAL_WORDS = ("FIRST", "SECOND", "THIRD", "FOURTH", "FIFTH", "SIXTH")


def _surname(title: str) -> str | None:
    """The declarant's surname from ``DECLARATION OF JULIA R. BALAS IN SUPPORT …``."""
    m = re.search(r"\b(?:DECLARATION|AFFIDAVIT)\s+OF\s+(.+?)(?:\s+(?:IN|RE|REGARDING|PURSUANT|"
                  r"CONCERNING|ON|FOR|AND|TO)\b|[,;(]|$)", title, re.I)  # fmt: skip
    if not m:
        return None
    words = [w.strip('"“”,.') for w in m.group(1).split()]
    words = [w for w in words if w and not re.fullmatch(r"(?:JR|SR|II|III|IV|ESQ|PH\.?D)", w, re.I)]
    if not words:
        return None
    last = words[-1]
    return last[:1].upper() + last[1:].lower() if last.isupper() else last


def cite_abbrev(kind: str, title_text: str | None, cover: str | None = None) -> str:
    """Bluebook short form for pin cites: ``Compl.``, ``First Am. Compl.``, ``Berry Decl.``,
    ``Order``, ``Mot.``, ``Opp'n``, ``Ex. A`` …"""
    t = " ".join((title_text or "").upper().split())
    if kind == "complaint":
        for word in _ORDINAL_WORDS:
            if re.search(rf"\b{word} AMENDED COMPLAINT", t):
                return f"{word.capitalize()} Am. Compl."
        return "Am. Compl." if "AMENDED COMPLAINT" in t else "Compl."
    if kind == "declaration":
        name = _surname(t) if t else None
        return f"{name} Decl." if name else "Decl."
    if kind == "brief":
        found = re.search(r"\bREPLY\b|\bOPPOSITION\b|\bOBJECTION|\bMEMORANDUM\b|\bBRIEF\b", t)
        word = found.group(0) if found else "BRIEF"
        return {"REPLY": "Reply", "OPPOSITION": "Opp'n", "OBJECTION": "Obj.",
                "MEMORANDUM": "Mem."}.get(word, "Br.")  # fmt: skip
    if kind == "exhibit":
        m = re.search(r"\bEXHIBIT\s+([A-Z0-9]{1,3})\b", f"{cover or ''} {t}".upper())
        return f"Ex. {m.group(1)}" if m else "Ex."
    if kind == "order" and re.search(r"FINDINGS OF FACT", t):
        return "Findings & Conclusions"
    return {
        "answer": "Answer",
        "motion": "Mot.",
        "order": "Order",
        "stipulation": "Stip.",
        "discovery": "Disc. Resp.",
        "transcript": "Tr.",
        "notice": "Notice",
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
