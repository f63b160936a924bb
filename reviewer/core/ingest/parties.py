"""Party names as a caption prints them, and the case name a citation gives them: the first
party on each side, a person by surname, an entity by its whole name (``Williams v. Wells
Fargo Bank, N.A.``; ``In re Wave Computing, Inc.``; ``United States v. Brown``). Descriptions
(``a Delaware corporation``, ``individually and on behalf of …``, ``et al.``) and role labels
(``Plaintiff,``, ``Defendants.``) are not names. Pure functions; no I/O."""

from __future__ import annotations

import re
from collections.abc import Sequence

ROLE = (
    r"(?:Third[- ]Party\s+|Counter[- ]?|Cross[- ]?)?(?:Plaintiffs?|Defendants?|Debtors?|"
    r"Respondents?|Petitioners?|Applicants?|Appellants?|Appellees?|Claimants?|Movants?|"
    r"Employee|Employer|Carrier|Intervenors?|Relators?)"
)
ROLE_LABEL = re.compile(rf"^\s*(?:(?:and\s+)?{ROLE}\s*(?:[/,]|and)?\s*-?\s*)+[.,;]?\s*$", re.I)


def clean(text: str) -> str:
    """Runs of whitespace (non-breaking spaces too) as one space, ends trimmed."""
    return " ".join(text.replace("\u00a0", " ").split())


def upper_share(text: str) -> float:
    """The share of a text's letters that are capitals (0 when it has none)."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


_SUFFIX = re.compile(
    r"^(?:inc|llc|l\.l\.c|lp|l\.p|llp|ltd|limited|n\.a|co|corp|p\.c|pllc|plc|s\.a|ag|gmbh|"
    r"jr|sr|ii|iii|iv|esq)\.?$",
    re.I,
)
_STOP = re.compile(
    r",\s+(?:an?\s+[A-Z]?[a-z]+|the\s+[a-z]+)\b|"
    r",?\s+(?:individually|on behalf|in (?:his|her|its|their|individual)|"
    r"as (?:court|trustee|next|guardian|an?\b)|d/b/a|dba|f/k/a|p/k/a|formerly)\b|"
    r",?\s+et\s+al\b|;|(?-i:\s+and\s+)",
    re.I,
)


def names(lines: Sequence[str]) -> list[str]:
    """Party names from a caption column's lines: labels dropped, names split at ``;`` /
    ``and`` / descriptions (``a Delaware corporation``)."""
    body = [t for t in lines if not ROLE_LABEL.match(t)]
    text = clean(" ".join(body))
    text = re.sub(rf"\s*,?\s*\b{ROLE}\s*[.,]\s*$", "", text, flags=re.I)
    text = re.sub(r"^\s*In\s+re:?\s*", "In re ", text, flags=re.I)
    text = text.replace("“", "").replace("”", "").replace('"', "")
    names: list[str] = []
    for chunk in re.split(r";|\s+and\s+(?=[A-Z]{2})|,\s+AND\s+|\bAnd\b", text):
        name = _first_name(chunk)
        if name and name not in names:
            names.append(name)
    return names


def _first_name(chunk: str) -> str | None:
    chunk = re.sub(r"\(\s*[pfa]/k/a[^)]*\)", "", chunk, flags=re.I)
    chunk = re.sub(rf"^\s*{ROLE}\s+(?:\d+\.\s+)?", "", chunk)  # a form's "Defendant" cell
    m = _STOP.search(chunk)
    head = chunk[: m.start()] if m else chunk
    pieces = [p.strip() for p in head.split(",")]
    keep = [pieces[0]] if pieces else []
    for p in pieces[1:]:
        if p and _SUFFIX.match(p.rstrip(",")):
            keep.append(p)
        else:
            break
    name = clean(", ".join(k for k in keep if k)).strip(" ,-")
    last = name.split()[-1] if name else ""
    if last.endswith(".") and not (_SUFFIX.match(last) or "." in last[:-1]):
        name = name[:-1]  # a sentence's full stop, not an abbreviation's
    elif last and _SUFFIX.match(last) and not last.endswith("."):
        name += "." if last.lower() in {"inc", "ltd", "co", "corp", "jr", "sr"} else ""
    return name or None


_ENTITY = re.compile(
    r"\b(?:inc|llc|lp|llp|ltd|limited|corp|corporation|company|co|bank|n\.a|association|"
    r"incorporated|group|holdings|trust|fund|plan|trustees|partners|partnership|university|county|city|"
    r"state|department|america|united|network|technologies|systems|services|insurance|"
    r"litigation|application|s\.a|ag|plc|gmbh|foundation|institute|board|commission)\b",
    re.I,
)
_KEEP_UPPER = re.compile(
    r"^(?:[A-Z]\.)+[A-Z]?\.?$|^(?:LLC|LLP|LP|USA|U\.S\.|AG|LM|IPA|PLC|N\.A\.|II|III|IV|NFT|SIM)$"
)


def display_name(name: str) -> str:
    """A party's name as a case name shows it: capitals to title case."""
    out: list[str] = []
    for word in name.split():
        core = word.strip(",.;:()")
        if upper_share(core) < 1 or len(core) < 2:
            out.append(word)
        elif _SUFFIX.match(core) and not _KEEP_UPPER.match(core):
            out.append(word[:1] + word[1:].lower())
        elif _KEEP_UPPER.match(core) or (len(core) > 1 and not re.search(r"[AEIOUY]", core)):
            out.append(word)
        elif core.lower() in {"of", "the", "and", "for", "in", "on", "de", "del"} and out:
            out.append(word.lower())
        else:
            out.append("-".join(w[:1] + w[1:].lower() for w in word.split("-")))
    return " ".join(out)


def _short(name: str) -> str:
    """A person's surname (Bluebook case names use it); an entity's whole name."""
    shown = display_name(name)
    if re.fullmatch(r"(?:The\s+)?United\s+States(?:\s+of\s+America)?", shown, re.I):
        return "United States"  # Bluebook 10.2.2
    if shown.lower().startswith("in re ") or _ENTITY.search(shown):
        return shown
    if any(re.fullmatch(r"[B-DF-HJ-NP-TV-Z]{2,3}", w) for w in name.split()[1:-1]):
        return shown  # "TELEFONAKTIEBOLAGET LM ERICSSON": an entity's initials
    words = [w for w in shown.split() if not _SUFFIX.match(w.strip(","))]
    if len(words) < 2 or len(words) > 5:
        return shown
    initials = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Z]\.?", w)]
    if initials and initials[-1] < len(words) - 1 and initials[-1] > 0:
        return " ".join(words[initials[-1] + 1 :])
    return words[-1]


def case_name(plaintiffs: Sequence[str], defendants: Sequence[str]) -> str | None:
    """``Williams v. Wells Fargo Bank, N.A.``; ``In re X`` for a caption without sides."""
    if plaintiffs and not defendants:
        first = display_name(plaintiffs[0])
        return first if first.lower().startswith("in re") else None
    if not plaintiffs or not defendants:
        return None
    return f"{_short(plaintiffs[0])} v. {_short(defendants[0])}"
