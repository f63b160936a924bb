"""What a heading looks like: COUNT / CAUSE OF ACTION / CLAIM headings (with umbrella
headings such as ``CLAIMS FOR RELIEF`` over roman-only ones), prayer and jury headings,
centred / capitalised / bold lines, bold run-in sub-headings, and numbered headings
(``1. The Fund's Fees``) that are not numbered paragraphs. Also how a COUNT heading's rows
become its ``count`` and ``count_against``."""

from __future__ import annotations

import re

from reviewer.core.ingest.layout import Row
from reviewer.core.ingest.segment.units import Geometry, caps

NUM_RE = re.compile(r"^(\d{1,4})\.(?:\s+|$)(.*)$", re.S)
ENUM_RE = re.compile(r"^(?:[IVXLC]{1,6}|[A-Z]|\d{1,2}|[a-z])[.)]\s")
_ORD = (
    "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH|ELEVENTH|TWELFTH|"
    "THIRTEENTH|FOURTEENTH|FIFTEENTH|SIXTEENTH|SEVENTEENTH|EIGHTEENTH|NINETEENTH|TWENTIETH"
)
_NUMWORD = "ONE|TWO|THREE|FOUR|FIVE|SIX|SEVEN|EIGHT|NINE|TEN|ELEVEN|TWELVE"
COUNT_RE = re.compile(
    rf"^\(?\s*(?:(?:COUNT|CLAIM)\s+(?:[IVXLC]+|\d+|{_NUMWORD})\b"
    rf"|(?:{_ORD})\s+(?:CAUSE\s+OF\s+ACTION|CLAIM(?:\s+FOR\s+RELIEF)?|COUNT)\b)",
    re.I,
)
# The heading's label alone, the title following on other lines ("COUNT II", "FIRST CLAIM
# FOR RELIEF", "I.").
_COUNT_LABEL = (
    rf"(?:(?:COUNT|CLAIM)\s+(?:[IVXLC]+|\d+|{_NUMWORD})"
    rf"|(?:{_ORD})\s+(?:CAUSE\s+OF\s+ACTION|CLAIM(?:\s+FOR\s+RELIEF)?|COUNT))"
)
_LABEL_ONLY = re.compile(rf"^\(?\s*(?:{_COUNT_LABEL}|[IVXLC]{{1,6}}|\d{{1,2}})[\s.:–—-]*$", re.I)
UMBRELLA_RE = re.compile(
    r"^(?:(?:CLAIMS?|CAUSES?|GROUNDS?)\s+FOR\s+RELIEF|CAUSES?\s+OF\s+ACTION|COUNTS|"
    r"(?:LEGAL\s+)?CLAIMS(?:\s+ASSERTED)?)\s*:?$",
    re.I,
)
ROMAN_HEAD_RE = re.compile(r"^(?:[IVXLC]{1,6}[.)]?|\d{1,2}[.)])(?:\s|$)")
PRAYER_RE = re.compile(
    r"^(?:PRAYER(?:\s+FOR\s+RELIEF)?|RELIEF\s+REQUESTED|REQUEST(?:S)?\s+FOR\s+RELIEF|"
    r"DEMAND\s+FOR\s+RELIEF)\b",
    re.I,
)
JURY_RE = re.compile(r"^(?:DEMAND\s+FOR\s+(?:A\s+)?JURY|JURY\s+(?:TRIAL\s+)?DEMAND)", re.I)
AGAINST_RE = re.compile(
    r"\(\s*(?:(?:Asserted\s+)?(?:By\s+[^()]*?\s+)?Against|As\s+(?:to|Against)|On\s+Behalf)"
    r"[^()]*(?:\([^()]*\)[^()]*)*(?:\)|$)|(?:^|\s)(?:Against|As\s+to)\s+(?:All\s+)?Defendants?\b.*$",
    re.I,
)
_BY_RE = re.compile(r"\s(By\s+(?:All\s+)?(?:Plaintiffs?|Relators?|Counter-?[Cc]laimants?)\b.*)$")
_SENTENCE_END = (".", ",", ";", "”", '"', "]", ":")


def is_heading(row: Row, g: Geometry, after_heading: bool = False) -> bool:
    """A heading: a COUNT, or a centred bold/capitals line, or a short bold or capitals
    line that opens with an enumerator (``A.``, ``IV.``). Sentence-like lines never are."""
    t = row.text.strip()
    if not t or len(t) > 200:
        return False
    if COUNT_RE.match(t) or (PRAYER_RE.match(t) and len(t) < 40):
        return True
    if re.fullmatch(r"(?:[IVXLC]{1,6}|[A-Z])\.", t):  # a lone enumerator: "II." over "PARTIES"
        return True
    is_caps = caps(t)
    sentence = t.endswith(_SENTENCE_END) and not is_caps
    if g.centred(row) and (row.bold or is_caps or (after_heading and t.startswith("("))):
        return not sentence or row.bold
    if NUM_RE.match(t) and not row.bold:
        return False
    short = row.x1 < g.right - 25
    if row.bold and ENUM_RE.match(t) and (not sentence or len(t.split()) <= 14):
        return True  # a bold run-in sub-heading: "A. The Platform's Design."
    lone_word = len(t.split()) == 1 and t.endswith(".")
    return is_caps and short and len(t) < 90 and row.x0 < g.left + 0.3 * g.width and not lone_word


def strong_heading(row: Row, g: Geometry) -> bool:
    """A heading that ends the paragraph before it even when that one's sentence is open:
    a centred line in bold or capitals, or a COUNT."""
    t = row.text.strip()
    if COUNT_RE.match(t) or JURY_RE.match(t) or (PRAYER_RE.match(t) and len(t) < 40):
        return True
    return g.centred(row) and (row.bold or caps(t)) and len(t) < 120


def numbered_heading(row: Row, g: Geometry, rest: str) -> bool:
    """A numbered line that is a heading over the text below it, not a numbered paragraph:
    all bold, or a short title with no sentence punctuation that stops well short of the
    right margin (``1. The Fund's Fees`` / ``4. Exhibit O (and Duplicate P)``)."""
    rest = rest.strip()
    if not rest or not rest[:1].isupper():
        return False
    if row.bold and len(rest) < 160:
        return True
    short = row.x1 < g.right - 0.2 * g.width
    words = rest.split()
    if words[-1] in ("and", "or", "but", "the", "of", "to"):
        return False  # an item of a list running on: "10. Overruled; and"
    long_words = [w for w in words if len(w) > 3]
    titled = sum(w[:1].isupper() for w in long_words) >= 0.6 * len(long_words)
    return short and titled and len(words) <= 12 and not rest.endswith((*_SENTENCE_END, "-"))


def count_parts(texts: list[str]) -> tuple[str, str | None]:
    """A COUNT heading's rows -> (the heading with its title, the parties it is against).

    ``COUNT II`` over ``RACE DISCRIMINATION ...`` -> ``COUNT II - RACE DISCRIMINATION ...``
    (joined by an en dash); ``(Against All Defendants)`` is kept apart."""
    rows = [" ".join(t.split()) for t in texts if t.strip()]
    if not rows:
        return "", None
    label, rest = (rows[0], rows[1:]) if _LABEL_ONLY.match(rows[0]) else ("", rows)
    body = " ".join(rest)
    against = [m.group(0).strip() for m in AGAINST_RE.finditer(body)]
    body = " ".join(AGAINST_RE.sub(" ", body).split())
    by = _BY_RE.search(body)
    if by and against:  # "… By Plaintiff" / "Against All Defendants"
        against.insert(0, by.group(1))
        body = body[: by.start()].rstrip()
    if not label:
        return body, " ".join(against) or None
    if not body:
        return label, " ".join(against) or None
    sep = " " if label.endswith((":", ".", "\u2013", "\u2014", "-")) else " \u2013 "
    return f"{label}{sep}{body}", " ".join(against) or None
