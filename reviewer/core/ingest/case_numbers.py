"""Case numbers as a caption prints them (``Case No. 3:22-cv-990-ABC``, ``CV 16-02859 CAS``,
``Adv. Pro. No. 20-03050``) and normalised (``3:22-cv-00990``). Pure functions; no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.core.ingest.parties import clean

# the Southern and Eastern Districts of New York print "13 Civ. 4384 (PAE)", "20 Cr. 12"
_NY_STYLE = r"\d{2}\s+(?:Civ|Cr|Crim)\.?\s+\d{1,5}\b"
CASE_NO = re.compile(
    rf"(?P<num>{_NY_STYLE}|(?:\d{{1,2}}\s*[:-]\s*)?\d{{2}}\s*-\s*[a-z]{{2,3}}\s*-\s*[\d_]{{1,6}}|"
    r"(?:[A-Z]{0,2}(?:CV|CR|MC|MJ))\s*-?\s*\d{2}\s*-\s*\d{1,5}|"
    r"\d{2,4}-\d{2,5}(?:-\d{1,8})?(?:-[A-Z]{2,4})*)",
    re.I,
)


def read_case_number(texts: Sequence[str]) -> tuple[str, str] | None:
    """The case number a caption's lines print (as printed, normalised), or None."""
    # an adversary proceeding's own number wins over its bankruptcy case's
    adversary = [t for t in texts if re.match(r"^Adv(?:\.|ersary)\s*(?:Pro\w*\.?\s*)?No", t, re.I)]
    for i, t in enumerate([*adversary, *texts]):
        lab = re.search(
            r"\b(?:Case|Civil\s+Action|Docket|Bankruptcy\s+Case)?\s*No\.?\s*:?|CASE NO:?", t, re.I
        )
        scan = t[lab.end() :] if lab and re.search(r"\bNo\b|NO:", t, re.I) else t
        if lab and not CASE_NO.search(scan) and i + 1 < len(texts):
            scan = texts[i + 1]
        m = CASE_NO.search(scan)
        named = (
            re.search(rf"\d{{1,2}}:\d{{2}}-[a-z]{{2}}-\d|{_NY_STYLE}", m["num"], re.I)
            if m
            else None
        )
        if m and (lab or named):
            printed = clean(scan[m.start() :].split("  ")[0].split(" Judge")[0].split(" Hon")[0])
            return printed, normalise_case_no(m["num"]) or m["num"]
    return None


def normalise_case_no(text: str) -> str | None:
    """``CV 16-02859 CAS`` -> ``16-cv-02859``; ``5:17-cv-4992-BLF`` -> ``5:17-cv-04992``;
    a number in another scheme (state, bankruptcy) as printed; None if blank (``1:21-cv-___``)."""
    t = text.strip()
    ny = re.search(r"\b(\d{2})\s+(Civ|Cr|Crim)\.?\s+(\d{1,5})\b", t, re.I)
    if ny:
        return f"{ny[1]}-{'cv' if ny[2].lower() == 'civ' else 'cr'}-{int(ny[3]):05d}"
    m = re.search(r"(?:(\d{1,2})\s*[:-]\s*)?(\d{2})\s*-\s*([a-z]{2,3})\s*-\s*(\d{1,6})", t, re.I)
    if m:
        office = f"{int(m[1])}:" if m[1] else ""
        return f"{office}{m[2]}-{m[3].lower()}-{int(m[4]):05d}"
    m = re.search(r"\b[A-Z]{0,2}(CV|CR|MC|MJ)\s*-?\s*(\d{2})\s*-\s*(\d{1,5})", t, re.I)
    if m:
        return f"{m[2]}-{m[1].lower()}-{int(m[3]):05d}"
    if "_" in t or not re.search(r"\d", t):
        return None
    m = CASE_NO.search(t)
    return m["num"] if m else None
