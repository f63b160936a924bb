"""What a searchable word and a sentence are: one tokenizer for the index, the highlighter
and query terms, so a query word is cut exactly as the text it is matched against.

Words are runs of letters and digits, kept whole across inner apostrophes (``Twitter's``),
lower-cased; dotted initialisms lose their dots (``U.S.C.`` → ``usc``, ``e.g.`` → ``eg``).
A sentence ends at ``.``, ``?`` or ``!`` followed by a space and a word that does not start
lower-case — unless the ``.`` closes an abbreviation that legal writing uses mid-sentence
(``Inc.``, ``No.``, ``v.``, ``Cal.``, a single initial …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*")
_QUERY_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]*[*?](?:[^\W_]|[*?])*|[^\W_]+(?:['’][^\W_]+)*"
)
_END = re.compile(r"[.?!][\"'”’)\]]*\s")
_STEMMER = snowballstemmer.stemmer("english")
ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "llp",
        "lp",
        "no",
        "nos",
        "v",
        "vs",
        "cf",
        "id",
        "ex",
        "exs",
        "dkt",
        "ecf",
        "stat",
        "cal",
        "fed",
        "civ",
        "crim",
        "app",
        "supp",
        "cir",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "sec",
        "art",
        "para",
        "pp",
        "al",
        "approx",
        "dept",
        "govt",
        "assn",
        "bros",
        "ave",
        "blvd",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "tel",
        "fig",
        "figs",
        "ch",
        "cl",
        "pl",
        "def",
        "defs",
    ]
)


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # normalised, lower-case
    start: int  # character offsets in the source text
    end: int
    sentence: int  # 0-based sentence number within the text


def normalise(raw: str) -> str:
    word = raw.lower().replace("’", "'")
    if "." in word:
        word = word.replace(".", "")
    return word


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The English (Porter2) stem used for plain terms; possessive ``'s`` is dropped first."""
    if word.endswith("'s"):
        word = word[:-2]
    word = word.replace("'", "")
    return _STEMMER.stemWord(word) if word.isalpha() else word


def _ends_sentence(text: str, prev: re.Match[str], nxt: re.Match[str] | None) -> bool:
    if nxt is None:
        return False
    gap = text[prev.end() : nxt.start()]
    end = _END.search(gap + " ")
    if end is None or (not nxt.group()[0].isupper() and not nxt.group()[0].isdigit()):
        return False
    if gap[end.start()] != ".":
        return True
    word = prev.group()
    if "." in word or word.lower() in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha())


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its offsets and sentence number."""
    out: list[Word] = []
    matches = list(_WORD.finditer(text))
    sentence = 0
    for i, m in enumerate(matches):
        out.append(Word(normalise(m.group()), m.start(), m.end(), sentence))
        if _ends_sentence(text, m, matches[i + 1] if i + 1 < len(matches) else None):
            sentence += 1
    return out


def query_words(raw: str) -> list[str]:
    """The words of one query token, cut as the text is; ``*`` and ``?`` stay in place."""
    return [normalise(m.group()) for m in _QUERY_WORD.finditer(raw)]
