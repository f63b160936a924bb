"""Statute citations in pleading text: ``18 U.S.C. §§ 1591, 1595``, ``§ 1591(a)(1) and
(a)(2)``, ``Cal. Bus. & Prof. Code § 17200``, ``Civil Code section 1708.85``.

A small matcher of our own rather than eyecite: measured on the forms complaints use, eyecite
2.7 returned only the first section of a list (``§§ 1591, 1595`` → 1591), nothing for
``§§ 2252A, 2255``, no subsections, and nothing for California's prose forms ("Business and
Professions Code section 17200"), which are exactly what count mapping needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Canonical California code names, by the first three letters a pleading uses for them.
_CAL_CODES = {
    "civ": "Cal. Civ. Code",
    "bus": "Cal. Bus. & Prof. Code",
    "evi": "Cal. Evid. Code",
    "pen": "Cal. Penal Code",
    "gov": "Cal. Gov. Code",
    "lab": "Cal. Lab. Code",
    "hea": "Cal. Health & Safety Code",
}
_SUB = r"(?:\s?\([a-zA-Z0-9]{1,4}\))"
_SECTION = rf"\d+[A-Za-z]?(?:[.-]\d+)?{_SUB}*"
# A list continues with "," / "and" / "or" / "&" and another section or a bare subsection.
_LIST = rf"(?P<list>{_SECTION}(?:\s*(?:,\s*(?:and|or)?|and|or|&)\s*(?:{_SECTION}|{_SUB}+))*)"
_SIGN = r"(?:§§?|[Ss]ec(?:tions?|s?\.)|[Ss]ection)"
_FEDERAL = re.compile(
    rf"\b(?P<title>\d{{1,2}})\s*U\.?\s?S\.?\s?C\.?(?:\s?A\.?)?\s*(?:{_SIGN}\s*)?{_LIST}"
)
_AND = r"\s*(?:&|and)\s*"
_CAL_NAMES = (
    rf"civ(?:il|\.)?|bus(?:iness|\.)?{_AND}prof(?:essions|\.)?|evid(?:ence|\.)?|pen(?:al|\.)"
    rf"|gov(?:ernment|'t|\.)?|lab(?:or|\.)?|health{_AND}saf(?:ety|\.)?"
)
_CALIFORNIA = re.compile(
    rf"(?:\bCal(?:ifornia|\.)?\s*)?\b(?P<code>{_CAL_NAMES})\.?\s*Code\s*{_SIGN}\s*{_LIST}", re.I
)


@dataclass(frozen=True, slots=True)
class Citation:
    """One cited section: ``code`` is canonical (``18 U.S.C.``, ``Cal. Civ. Code``),
    ``subsection`` is e.g. ``(a)(1)`` or empty."""

    code: str
    section: str
    subsection: str = ""

    def __str__(self) -> str:
        return f"{self.code} § {self.section}{self.subsection}"

    def matches(self, wanted: Citation) -> int:
        """How well this (pleaded) cite matches ``wanted`` (a template's): 2 exact or more
        specific, 1 when this cite names the section without the wanted subsection, 0 not."""
        if (self.code, self.section.upper()) != (wanted.code, wanted.section.upper()):
            return 0
        if self.subsection.startswith(wanted.subsection):
            return 2
        return 1 if wanted.subsection.startswith(self.subsection) else 0


def _split(items: str) -> list[tuple[str, str]]:
    """``1591(a)(1) and (a)(2), 1595`` → [(1591, (a)(1)), (1591, (a)(2)), (1595, '')]."""
    out: list[tuple[str, str]] = []
    for part in re.split(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|&)\s*", items):
        part = part.replace(" ", "")
        if not part:
            continue
        m = re.fullmatch(r"(\d+[A-Za-z]?(?:[.-]\d+)?)?((?:\([a-zA-Z0-9]+\))*)", part)
        if m is None:
            continue
        section, sub = m.group(1), m.group(2)
        if section is None:
            if not out:
                continue
            section = out[-1][0]
        out.append((section, sub))
    return out


def _cal_code(words: str) -> str:
    return _CAL_CODES.get(words.strip().lower()[:3], "")


def extract(text: str) -> list[Citation]:
    """Every statute section cited in ``text``, in order, without repeats."""
    found: list[tuple[int, Citation]] = []
    for m in _FEDERAL.finditer(text):
        code = f"{m.group('title')} U.S.C."
        found += [(m.start(), Citation(code, s, sub)) for s, sub in _split(m.group("list"))]
    for m in _CALIFORNIA.finditer(text):
        code = _cal_code(m.group("code"))
        if code:
            found += [(m.start(), Citation(code, s, sub)) for s, sub in _split(m.group("list"))]
    seen: dict[Citation, None] = {}
    for _, c in sorted(found, key=lambda x: x[0]):
        seen.setdefault(c, None)
    return list(seen)


def parse_one(text: str) -> Citation | None:
    """The single citation ``text`` names (a template's statute), or None."""
    cites = extract(text)
    return cites[0] if len(cites) == 1 else None
