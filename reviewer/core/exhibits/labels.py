"""Exhibit labels as text: what a cover, a stamp and a citation look like, and the one key
every label normalises to, so that ``EXHIBIT A`` on a slip sheet, ``Ex. A`` in a ¶ and
``Exhibits A and B`` in a footnote all meet. Pure functions; no I/O.

A key is ``CLASS:ID``: class ``EX`` (Exhibit, Ex., Exh.), ``TAB``, ``ATT`` (Attachment),
a trial scheme (``PX``, ``DX``, ``JX``) or ``ECF`` (a docket attachment, ``ECF:55-3``); the
id is upper-case, numbers without leading zeros (``Ex. 03`` = ``EX:3``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID = r"(?:[A-Z]{1,2}|\d{1,4}[A-Z]?)(?:[-.](?:\d{1,3}|[A-Z]))?"
# Upper-case two-letter words that follow "EXHIBIT" in all-caps headings and are no id.
_NOT_IDS = frozenset(re.findall(r"\w+", "TO OF IN AT ON BY OR AN AS IS IT NO SO US WE BE DO IF UP"))
_WORDS = {
    "EX": r"Exhibits?|EXHIBITS?|Exhs?\.?|EXHS?\.?|Exs?\.|EXS?\.",
    "TAB": r"Tabs?|TABS?",
    "ATT": r"Attachments?|ATTACHMENTS?",
}
_TRIAL = r"(?P<tp>P|D|J)T?X[-\s]?(?P<tn>\d{1,4})"
_QUALIFIER = (
    r"(?:(?:group|composite|joint|trial|deposition|plaintiffs?['’]?s?|defendants?['’]?s?"
    r"|respondents?['’]?s?|petitioners?['’]?s?)\s+)*"
)
COVER_RE = re.compile(
    rf"^\s*(?:{_QUALIFIER}(?P<word>exhibit|exh\.?|ex\.|tab|attachment)(?:(?<=\.)\s*|\s+)"
    rf"(?:no\.?\s*)?(?P<id>[A-Z]{{1,2}}|\d{{1,4}}[A-Z]?(?:[-.]\d{{1,3}})?)|{_TRIAL})\s*[:.]?\s*$",
    re.IGNORECASE,
)
# A per-page stamp: ``Exh. B - 3``, ``EXHIBIT 5, Page 12``, ``Ex. 12-0034``, ``PX-012 — page
# 3 of 9``; a sticker is the label alone (``PLAINTIFF'S EXHIBIT 12``).
STAMP_RE = re.compile(
    rf"^\s*(?:{_QUALIFIER}(?P<word>exhibit|exh\.?|ex\.)(?:(?<=\.)\s*|\s+)(?:no\.?\s*)?(?P<id>[A-Z]{{1,2}}"
    rf"|\d{{1,4}}[A-Z]?)|{_TRIAL})\s*(?:(?:[-–—,:]|\bpage\b|\bp\.)\s*(?:page\s*|p\.\s*)?"
    r"(?P<page>\d{1,5})(?:\s*of\s*\d{1,5})?)?\s*$",
    re.IGNORECASE,
)
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+|&\s*)?|\s+and\s+|\s*&\s*|\s+or\s+)"
_RANGE = r"(?:\s*[-–—]\s*|\s+through\s+|\s+to\s+)"
CITE_RE = re.compile(
    rf"\b(?P<word>{_WORDS['EX']}|{_WORDS['TAB']}|{_WORDS['ATT']})(?:(?<=\.)\s*|\s+)"
    rf"(?:Nos?\.\s*)?(?P<ids>{_ID}(?:(?:{_RANGE}|{_SEP}){_ID})*)(?![A-Za-z0-9]|[.-][A-Za-z0-9])"
    r"|\b(?P<trial>(?:P|D|J)T?X[-\s]?\d{1,4})\b"
    r"|\b(?:Dkt\.|ECF\s+No\.|Doc\.|Docket\s+No\.)\s*(?P<ecf>\d{1,5}-\d{1,3})\b"
)
_PIN_RE = re.compile(
    r"^(?:,?\s+at\s+(?:pp?\.\s*|pages?\s+)?\d+(?:\s*[-–]\s*\d+)?"
    r"|,\s*¶¶?\s*\d+(?:\s*[-–]\s*\d+)?|,?\s+(?:pp?\.|pages?)\s*\d+(?:\s*[-–]\s*\d+)?)"
)
_ID_RE = re.compile(_ID)


@dataclass(frozen=True, slots=True)
class Cite:
    """One exhibit a text cites: its key, the label as cited and the words cited
    (``Ex. 3 at 4``), with their character span in the text."""

    key: str
    label: str
    text: str
    start: int
    end: int


def word_class(word: str) -> str:
    low = word.lower()
    return "TAB" if low.startswith("tab") else "ATT" if low.startswith("att") else "EX"


def norm_id(ident: str) -> str:
    ident = ident.upper().strip()
    head = re.match(r"\d+", ident)
    return str(int(head.group(0))) + ident[head.end() :] if head else ident


def key_of(cls: str, ident: str) -> str:
    return f"{cls}:{norm_id(ident)}"


_NAMES = {"EX": "Exhibit", "TAB": "Tab", "ATT": "Attachment", "ECF": "Dkt."}


def label_of(key: str) -> str:
    """The display label of a key: ``EX:A`` → ``Exhibit A``, ``PX:12`` → ``PX-12``."""
    cls, ident = key.split(":", 1)
    return f"{_NAMES[cls]} {ident}" if cls in _NAMES else f"{cls}-{ident}"


def series(key: str) -> str:
    """Exhibits of one series are siblings; another series inside one is nested in it."""
    cls, ident = key.split(":", 1)
    return f"{cls}:{'num' if ident[:1].isdigit() else 'alpha'}"


def _match_key(m: re.Match[str]) -> tuple[str, str] | None:
    if m["tp"]:
        return f"{m['tp'].upper()}X:{int(m['tn'])}", m.group(0).strip()
    ident = m["id"]
    if ident.upper() in _NOT_IDS or (ident.isalpha() and not ident.isupper() and len(ident) > 1):
        return None
    cls = word_class(m["word"])
    return key_of(cls, ident), " ".join(m.group(0).split())


def cover_label(line: str) -> tuple[str, str] | None:
    """(key, label as printed) when ``line`` is nothing but an exhibit label."""
    m = COVER_RE.match(line)
    return _match_key(m) if m else None


def stamp_label(line: str) -> tuple[str, int | None] | None:
    """(key, page number or None) when ``line`` is an exhibit stamp or sticker."""
    m = STAMP_RE.match(line)
    if not m:
        return None
    found = _match_key(m)
    if found is None:
        return None
    return found[0], int(m["page"]) if m["page"] else None


def _before(a: str, b: str) -> bool:
    if a.isdigit():
        return 0 < int(b) - int(a) <= 100
    return a < b


def _between(a: str, b: str) -> list[str]:
    """``3``, ``5`` → 3, 4, 5; ``A``, ``C`` → A, B, C."""
    if a.isdigit():
        return [str(n) for n in range(int(a), int(b) + 1)]
    return [chr(c) for c in range(ord(a), ord(b) + 1)]


def _expand(word: str, ids: str) -> list[str]:
    """``1-4`` → 1, 2, 3, 4; ``A through C`` → A, B, C; lists as they are."""
    out: list[str] = []
    pos = 0
    for m in _ID_RE.finditer(ids):
        between = ids[pos : m.start()]
        cur = m.group(0)
        plural = word.lower().rstrip(".").endswith("s")
        span = re.fullmatch(r"(\d+)-(\d+)", cur) or re.fullmatch(r"([A-Z])-([A-Z])", cur)
        if span and plural and _before(span[1], span[2]):
            out.extend(_between(span[1], span[2]))
            pos = m.end()
            continue
        if span and span[1].isdigit():  # "Ex. 5-3": page 3 of Ex. 5; later "405-35": an ECF no.
            out.extend([] if out else [span[1]])
            pos = m.end()
            continue
        if out and re.fullmatch(_RANGE, between):
            a, b = out[-1], cur
            if a.isdigit() and b.isdigit() and 0 < int(b) - int(a) <= 100:
                out.extend(str(n) for n in range(int(a) + 1, int(b) + 1))
                pos = m.end()
                continue
            if len(a) == len(b) == 1 and a.isalpha() and b.isalpha() and a < b:
                out.extend(chr(c) for c in range(ord(a) + 1, ord(b) + 1))
                pos = m.end()
                continue
        out.append(cur)
        pos = m.end()
    return out


def citations(text: str) -> list[Cite]:
    """Every exhibit ``text`` cites, in order (a list or range gives one per exhibit)."""
    out: list[Cite] = []
    for m in CITE_RE.finditer(text):
        pin = _PIN_RE.match(text[m.end() : m.end() + 30])
        end = m.end() + (pin.end() if pin else 0)
        words = " ".join(text[m.start() : end].split())
        if m["ecf"]:
            out.append(Cite(f"ECF:{m['ecf']}", f"Dkt. {m['ecf']}", words, m.start(), end))
            continue
        if m["trial"]:
            tm = re.match(r"([PDJ])T?X[-\s]?(\d+)", m["trial"])
            assert tm is not None
            key = f"{tm.group(1)}X:{int(tm.group(2))}"
            out.append(Cite(key, m["trial"], words, m.start(), end))
            continue
        cls = word_class(m["word"])
        for ident in _expand(m["word"], m["ids"]):
            if ident in _NOT_IDS:
                continue
            key = key_of(cls, ident)
            out.append(Cite(key, label_of(key), words, m.start(), end))
    return out
