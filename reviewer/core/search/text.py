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
from bisect import bisect_right
from functools import lru_cache
from typing import NamedTuple

import snowballstemmer

_WORD = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*")
_QUERY_WORD = re.compile(
    r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]*[*?](?:[^\W_]|[*?])*|[^\W_]+(?:['’][^\W_]+)*"
)
_STOPS = re.compile(r"[.?!]")
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


class Word(NamedTuple):
    """One word (a tuple: an index build makes hundreds of millions of them)."""

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


_NORMAL: dict[str, str] = {}  # a word as printed -> normalised (the same few thousand recur)


def _normal(raw: str) -> str:
    found = _NORMAL.get(raw)
    if found is None:
        if len(_NORMAL) > 200_000:
            _NORMAL.clear()
        found = _NORMAL[raw] = normalise(raw)
    return found


def sentence_ends(text: str, matches: list[re.Match[str]]) -> list[int]:
    """The indexes ``i`` of the word matches after which a sentence ends (between word
    ``i`` and ``i + 1``), in order. Only the gaps that hold ``.``, ``?`` or ``!`` are
    tested: most gaps are a space or a comma."""
    stops = [m.start() for m in _STOPS.finditer(text)]
    if not stops or len(matches) < 2:
        return []
    ends = [m.end() for m in matches]
    last, found = len(matches) - 1, list[int]()
    for p in stops:
        i = bisect_right(ends, p) - 1
        if i < 0 or i >= last or (found and found[-1] == i):
            continue
        nxt = matches[i + 1]
        if p < nxt.start() and _ends_sentence(text, matches[i], nxt):
            found.append(i)
    return found


def words(text: str) -> list[Word]:
    """Every word of ``text`` with its offsets and sentence number."""
    matches = list(_WORD.finditer(text))
    ends = sentence_ends(text, matches)
    out: list[Word] = []
    sentence, at = 0, 0
    nxt = ends[0] if ends else -1
    for i, m in enumerate(matches):
        start, end = m.span()
        out.append(Word(_normal(m.group()), start, end, sentence))
        if i == nxt:
            sentence += 1
            at += 1
            nxt = ends[at] if at < len(ends) else -1
    return out


def query_words(raw: str) -> list[str]:
    """The words of one query token, cut as the text is; ``*`` and ``?`` stay in place."""
    return [normalise(m.group()) for m in _QUERY_WORD.finditer(raw)]


# Irregular plurals Westlaw finds from the singular (regular ones follow the rules below).
IRREGULAR_PLURALS: dict[str, tuple[str, ...]] = {
    "man": ("men",),
    "woman": ("women",),
    "child": ("children",),
    "person": ("people", "persons"),
    "foot": ("feet",),
    "tooth": ("teeth",),
    "mouse": ("mice",),
    "goose": ("geese",),
    "ox": ("oxen",),
    "criterion": ("criteria",),
    "phenomenon": ("phenomena",),
    "datum": ("data",),
    "medium": ("media", "mediums"),
    "memorandum": ("memoranda", "memorandums"),
    "addendum": ("addenda",),
    "erratum": ("errata",),
    "curriculum": ("curricula",),
    "alumnus": ("alumni",),
    "alumna": ("alumnae",),
    "stimulus": ("stimuli",),
    "appendix": ("appendices", "appendixes"),
    "index": ("indices", "indexes"),
    "matrix": ("matrices",),
    "life": ("lives",),
    "wife": ("wives",),
    "knife": ("knives",),
    "half": ("halves",),
    "leaf": ("leaves",),
    "shelf": ("shelves",),
    "thief": ("thieves",),
    "self": ("selves",),
    "wolf": ("wolves",),
    "calf": ("calves",),
    "loaf": ("loaves",),
    "passerby": ("passersby",),
    "die": ("dice", "dies"),
    "penny": ("pence", "pennies"),
}
_NOT_MAN = frozenset(["human", "german", "roman", "shaman", "talisman", "ottoman", "caiman"])
_VOWELS = frozenset("aeiou")


def plurals(word: str) -> tuple[str, ...]:
    """The plural forms of ``word`` taken as a singular noun (regular and irregular)."""
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if not word.isalpha():
        return (word + "s",)
    out = [word + "s"]
    if word.endswith("man") and word not in _NOT_MAN:
        out.append(word[:-3] + "men")  # chairman, spokeswoman
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.append(word + "es")
    if len(word) > 1 and word[-1] == "y" and word[-2] not in _VOWELS:
        out.append(word[:-1] + "ies")
    if word.endswith("is"):
        out.append(word[:-2] + "es")  # analysis, basis
    if word.endswith("f"):
        out.append(word[:-1] + "ves")
    if word.endswith("fe"):
        out.append(word[:-2] + "ves")
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=50_000)
def plural_forms(word: str) -> tuple[str, ...]:
    """The words a terms-and-connectors term matches (Westlaw's rule): the word itself, its
    possessive, and its plural forms with theirs. A plural finds itself and its possessive,
    never the singular. Apostrophes close to the end of a word are cut off by ``words``
    (``defendants'`` is ``defendants``), so the plural covers its own possessive."""
    base = word[:-2] if word.endswith("'s") else word
    forms = [base, base + "'s"]
    for plural in plurals(base):
        forms += [plural] if plural.endswith("s") else [plural, plural + "'s"]
    return tuple(dict.fromkeys(forms))
