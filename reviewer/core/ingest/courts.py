"""Court names as printed on a caption, and their Bluebook abbreviations (``N.D. Cal.``,
``Bankr. S.D.N.Y.``, ``Cal. Super. Ct.``): the Bluebook's table of U.S. jurisdictions, not a
list of courts seen before."""

from __future__ import annotations

import re
from collections.abc import Sequence

# Bluebook T10 abbreviations of the states and territories.
STATES = {
    "alabama": "Ala.", "alaska": "Alaska", "arizona": "Ariz.", "arkansas": "Ark.",
    "california": "Cal.", "colorado": "Colo.", "connecticut": "Conn.", "delaware": "Del.",
    "district of columbia": "D.C.", "florida": "Fla.", "georgia": "Ga.", "guam": "Guam",
    "hawaii": "Haw.", "idaho": "Idaho", "illinois": "Ill.", "indiana": "Ind.", "iowa": "Iowa",
    "kansas": "Kan.", "kentucky": "Ky.", "louisiana": "La.", "maine": "Me.", "maryland": "Md.",
    "massachusetts": "Mass.", "michigan": "Mich.", "minnesota": "Minn.",
    "mississippi": "Miss.", "missouri": "Mo.", "montana": "Mont.", "nebraska": "Neb.",
    "nevada": "Nev.", "new hampshire": "N.H.", "new jersey": "N.J.", "new mexico": "N.M.",
    "new york": "N.Y.", "north carolina": "N.C.", "north dakota": "N.D.", "ohio": "Ohio",
    "oklahoma": "Okla.", "oregon": "Or.", "pennsylvania": "Pa.", "puerto rico": "P.R.",
    "rhode island": "R.I.", "south carolina": "S.C.", "south dakota": "S.D.",
    "tennessee": "Tenn.", "texas": "Tex.", "utah": "Utah", "vermont": "Vt.",
    "virgin islands": "V.I.", "virginia": "Va.", "washington": "Wash.",
    "west virginia": "W. Va.", "wisconsin": "Wis.", "wyoming": "Wyo.",
}  # fmt: skip
_DISTRICTS = {"northern": "N.", "southern": "S.", "eastern": "E.", "western": "W.",
              "central": "C.", "middle": "M."}  # fmt: skip
_SMALL = frozenset({"of", "the", "for", "and", "in", "at", "on"})
_STATE_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, STATES), key=len, reverse=True)) + r")\b", re.I
)


def _title_case(text: str) -> str:
    words = text.split()
    return " ".join(
        w.lower() if i and w.lower() in _SMALL else w[:1].upper() + w[1:].lower()
        for i, w in enumerate(words)
    )


def _join(district: str, state: str) -> str:
    # "S.D." + "N.Y." -> "S.D.N.Y."; "N.D." + "Cal." -> "N.D. Cal."
    if re.fullmatch(r"(?:[A-Z]\.)+", state):
        return f"{district}{state}"
    return f"{district} {state}"


def abbreviate(name: str) -> str | None:
    """``United States District Court for the Northern District of California`` -> ``N.D.
    Cal.``; a state trial court -> ``Cal. Super. Ct.``; None when the name says too little."""
    low = " ".join(name.lower().split())
    state_m = _STATE_RE.search(low)
    state = STATES[state_m.group(1).lower()] if state_m else None
    federal = re.search(r"united state\w* (district|bankruptcy) court", low)
    if federal:
        m = re.search(r"\b(northern|southern|eastern|western|central|middle)?\s*district of", low)
        if not m or state is None:
            return None
        district = (_DISTRICTS[m.group(1)] if m.group(1) else "") + "D."
        court = _join(district, state)
        return f"Bankr. {court}" if federal.group(1) == "bankruptcy" else court
    if state is None:
        return None
    for words, short in (("court of workers' compensation claims", "Ct. Workers' Comp. Cl."),
                         ("superior court", "Super. Ct."), ("supreme court", "Sup. Ct."),
                         ("circuit court", "Cir. Ct."), ("district court", "Dist. Ct."),
                         ("court of appeal", "Ct. App."), ("chancery", "Ch."),
                         ("workers' compensation", "Workers' Comp.")):  # fmt: skip
        if words in low:
            return f"{state} {short}"
    return None


def from_lines(lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The court's printed name (title case, one line) and its abbreviation, from the
    caption's court lines (``UNITED STATES DISTRICT COURT`` / ``NORTHERN DISTRICT OF …``)."""
    parts = [" ".join(x.split()) for x in lines if x.strip()]
    if not parts:
        return None, None
    kept = [re.sub(r"\s*,?\s*\b[A-Z ]+ DIVISION$", "", p) for p in parts]
    kept = [re.sub(r"^(?:IN\s+)?(?:THE\s+)?", "", p, flags=re.I) for p in kept]
    kept = [p for p in kept if p and not re.match(r"^(?:AT|SITTING AT)\s", p, re.I)]
    name = _title_case(", ".join(kept)).replace(", for the", " for the")
    name = re.sub(r"\bUnited Stated\b", "United States", name)
    return name, abbreviate(" ".join(parts))
