"""A paragraph cut once for the index build: its words, sentence breaks and the postings of
the ``body`` and ``pairs`` fields, made without Whoosh's token stream.

``cut(text)`` gives the same words and sentence numbers as ``text.words`` (a test holds them
equal) at a fraction of its cost: it normalises each distinct spelling once and looks for a
sentence end only in the gaps that hold ``.``, ``?`` or ``!``. ``body_items`` and
``pair_items`` give what ``ParagraphTokenizer`` and ``PairTokenizer`` would make Whoosh index
for the same text: term bytes, frequency, weight and the encoded positions or frequency.
"""

from __future__ import annotations

from array import array
from itertools import pairwise
from pickle import dumps

from whoosh.system import pack_uint

from reviewer.core.search.text import _WORD, _normal, sentence_ends, stem

STEM = "~"
Item = tuple[bytes, int, float, bytes]  # term, frequency, weight, encoded value

_terms: dict[str, tuple[bytes, bytes | None]] = {}  # word -> (term, stem term or None)
_single: dict[int, bytes] = {}  # position -> encoded one-position list


def cut(text: str) -> tuple[list[str], list[int]]:
    """The normalised words of ``text`` and the indexes ``i`` of the words after which a
    sentence ends (between word ``i`` and word ``i + 1``)."""
    matches = list(_WORD.finditer(text))
    return [_normal(m.group()) for m in matches], sentence_ends(text, matches)


def breaks_column(breaks: list[int]) -> bytes:
    """The ``breaks`` column value: the odd body positions between two sentences."""
    return array("I", [2 * i + 1 for i in breaks]).tobytes()


def _forms(w: str) -> tuple[bytes, bytes | None]:
    """The word's term and its stem's term (None when the stem is the word itself)."""
    found = _terms.get(w)
    if found is None:
        root = stem(w)
        found = _terms[w] = (w.encode(), None if root == w else (STEM + root).encode())
        if len(_terms) > 500_000:
            _terms.clear()
    return found


def _encode(plist: list[int]) -> bytes:
    """Whoosh's ``Positions`` encoding of a position list (cached for a single position)."""
    if len(plist) == 1:
        pos = plist[0]
        found = _single.get(pos)
        if found is None:
            found = _single[pos] = pack_uint(1) + dumps(plist, 2)
        return found
    deltas = [plist[0]] + [b - a for a, b in pairwise(plist)]
    return pack_uint(len(plist)) + dumps(deltas, 2)


def body_items(ws: list[str]) -> tuple[list[Item], int]:
    """The ``body`` postings of one paragraph and its field length (words plus stems)."""
    poses: dict[str, list[int]] = {}
    for i, w in enumerate(ws):
        found = poses.get(w)
        if found is None:
            poses[w] = [2 * i]
        else:
            found.append(2 * i)
    items: list[Item] = []
    stems: dict[bytes, list[int]] = {}
    shared = False  # two words of the paragraph share a stem: its positions need sorting
    length = 0
    for w, plist in poses.items():
        term, root = _forms(w)
        n = len(plist)
        items.append((term, n, float(n), _encode(plist)))
        length += n
        if root is not None:
            found = stems.get(root)
            if found is None:
                stems[root] = plist
            else:
                stems[root] = found + plist
                shared = True
    for root, plist in stems.items():
        if shared:
            plist.sort()
        n = len(plist)
        items.append((root, n, float(n), _encode(plist)))
        length += n
    return items, length


def pair_items(ws: list[str], common: frozenset[str]) -> tuple[list[Item], int]:
    """The ``pairs`` postings (two common words in a row) and the field's length."""
    counts: dict[bytes, int] = {}
    for a, b in pairwise(ws):
        if a in common and b in common:
            key = f"{a} {b}".encode()
            counts[key] = counts.get(key, 0) + 1
    items = [(t, n, float(n), pack_uint(n)) for t, n in counts.items()]
    return items, sum(counts.values())
