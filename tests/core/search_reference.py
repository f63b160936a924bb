"""A brute-force reference for search: every paragraph of a matter is scanned and the parsed
query model (``reviewer.core.search.query``) is evaluated on it word by word, straight from the
README's "Searching" rules. It shares nothing with ``reviewer.core.search`` except the
tokenizer (``text.words``, ``text.stem``) and the count-heading helpers, so the two can be
compared on a real corpus.

Span nodes (Term, Phrase, Or of spans, Near, Same-sentence) evaluate to the word spans
``(first, last)`` where they match; the others (And, Not, Same-paragraph, Filter) to a bool.
Slow and plain on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.ingest import classify
from reviewer.core.search import text
from reviewer.core.search.query import And, Filter, Near, Node, Not, Or, Phrase, Same, Term

Span = tuple[int, int]

_SQL = """SELECT p.id, p.doc_id, p.kind, p.number, p.count, p.text, p.page_start, p.page_end,
    d.kind, d.file_name, d.filed FROM paragraphs p JOIN documents d ON d.id = p.doc_id"""


@dataclass(frozen=True)
class Para:
    """One paragraph row joined with its document row, plus its words."""

    pid: int
    doc_id: int
    kind: str
    number: str | None
    count: str | None
    text: str
    page_start: int
    page_end: int
    doc_kind: str
    file_name: str
    filed: str | None
    words: list[text.Word] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", text.words(self.text))


def paragraph(body: str, **fields: Any) -> Para:
    """A stand-alone paragraph for unit tests; ``fields`` override the defaults."""
    row: dict[str, Any] = {"pid": 1, "doc_id": 1, "kind": "text", "number": None}
    row |= {"count": None, "page_start": 1, "page_end": 1, "doc_kind": "complaint"}
    row |= {"file_name": "doc.pdf", "filed": None}
    return Para(text=body, **(row | fields))


def paragraphs(db: Any) -> list[Para]:
    """Every paragraph of a Matter, a sqlite_utils Database or a sqlite3 connection (a list
    of Para passes through, so callers can load a matter once and query it many times)."""
    if isinstance(db, list):
        return db
    conn = getattr(db, "db", db)
    return [Para(*row) for row in conn.execute(_SQL).fetchall()]


def reference_hits(db: Any, node: Node) -> set[int]:
    """The ids of the paragraphs that ``node`` matches, scanning every paragraph of ``db``."""
    return {p.pid for p in paragraphs(db) if matches(node, p)}


def reference_per_doc(db: Any, pids: set[int]) -> dict[int, int]:
    """How many of ``pids`` each document holds."""
    return dict(Counter(p.doc_id for p in paragraphs(db) if p.pid in pids))


def matches(node: Node, p: Para) -> bool:
    """Whether ``node`` matches paragraph ``p``."""
    if isinstance(node, Filter):
        return _FILTERS[node.field](node, p)
    if isinstance(node, And):
        return all(matches(n, p) for n in node.items)
    if isinstance(node, Or):
        return any(matches(n, p) for n in node.items)
    if isinstance(node, Not):
        return (node.left is None or matches(node.left, p)) and not matches(node.right, p)
    if isinstance(node, Same) and node.unit == "paragraph" and not node.ordered:
        return matches(node.left, p) and matches(node.right, p)
    return bool(spans(node, p.words))


def spans(node: Node, words: list[text.Word]) -> list[Span]:
    """The word spans where a span node matches."""
    if isinstance(node, Term):
        return [(i, i) for i, w in enumerate(words) if term_matches(node, w.text)]
    if isinstance(node, Phrase):
        k = len(node.words)
        return [
            (i, i + k - 1)
            for i in range(len(words) - k + 1)
            if all(exact_matches(node.words[j], words[i + j].text) for j in range(k))
        ]
    if isinstance(node, Or):
        return sorted({s for n in node.items for s in spans(n, words)})
    if isinstance(node, Near):
        return _near(node, words)
    if isinstance(node, Same) and (node.unit == "sentence" or node.ordered):
        pairs = _pairs(node.left, node.right, words)
        return sorted(
            {
                _join(a, b)
                for a, b in pairs
                if (not node.ordered or a[1] < b[0])
                and (node.unit == "paragraph" or _one_sentence(a, b, words))
            }
        )
    raise TypeError(f"{node!r} has no word positions")


def _wildcard(pattern: str) -> re.Pattern[str]:
    """``*`` any run, ``?`` one character, ``_`` one or none (Westlaw's trailing ``*``)."""
    special = {"*": ".*", "?": ".", "_": ".?"}
    return re.compile("".join(special.get(c, re.escape(c)) for c in pattern))


def exact_matches(pattern: str, word: str) -> bool:
    """A quoted word: equal, or matching its ``*`` / ``?`` / ``_`` wildcards, unstemmed."""
    if any(c in pattern for c in "*?_"):
        return _wildcard(pattern).fullmatch(word) is not None
    return pattern == word


def term_matches(term: Term, word: str) -> bool:
    """A natural plain word matches by stem; a tc one (``forms``) its singular, plural and
    possessive forms, never the singular from a plural; a wildcard one exactly; a root
    (``!``) one by prefix."""
    if term.root:
        return word.startswith(term.text)
    if any(c in term.text for c in "*?_"):
        return exact_matches(term.text, word)
    if term.forms:
        return _forms_match(term.text, word)
    return text.stem(word) == text.stem(term.text)


def _forms_match(query: str, word: str) -> bool:
    """Westlaw's plural rule: the word is the query, its possessive, one of its plurals
    (``text.plurals``: the usual endings and the irregular list) or the possessive of a
    plural that does not end in s (``children's``; ``defendants'`` is cut to ``defendants``)."""
    base = query[:-2] if query.endswith("'s") else query
    if word in (base, base + "'s"):
        return True
    plural = text.plurals(base)
    if word in plural:
        return True
    return word.endswith("'s") and not word.endswith("s's") and word[:-2] in plural


def _pairs(left: Node, right: Node, words: list[text.Word]) -> Iterator[tuple[Span, Span]]:
    """Every (left span, right span) pair that shares no word."""
    right_spans = spans(right, words)
    for a in spans(left, words):
        for b in right_spans:
            if a[1] < b[0] or b[1] < a[0]:
                yield a, b


def _join(a: Span, b: Span) -> Span:
    return min(a[0], b[0]), max(a[1], b[1])


def _near(node: Near, words: list[text.Word]) -> list[Span]:
    out = set()
    for a, b in _pairs(node.left, node.right, words):
        if node.ordered and a[0] > b[0]:
            continue
        distance = b[0] - a[1] if a[1] < b[0] else a[0] - b[1]
        if 1 <= distance <= node.distance:
            out.add(_join(a, b))
    return sorted(out)


def _one_sentence(a: Span, b: Span, words: list[text.Word]) -> bool:
    first, last = _join(a, b)
    return words[first].sentence == words[last].sentence


def _int(value: str) -> int | None:
    return int(value) if value else None


def _between(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)


def _doc(f: Filter, p: Para) -> bool:
    if f.high is not None:
        return _between(p.doc_id, _int(f.low), _int(f.high))
    if f.low.isdigit():
        return p.doc_id == int(f.low)
    return p.file_name.lower().startswith(f.low.lower())


def _para(f: Filter, p: Para) -> bool:
    if p.kind != "numbered" or not (p.number or "").isdigit():
        return False
    n = int(p.number or "")
    if f.high is None:
        return n == int(f.low)
    return _between(n, _int(f.low), _int(f.high))


def _page(f: Filter, p: Para) -> bool:
    if f.high is None:
        return p.page_start <= int(f.low) <= p.page_end
    low, high = _int(f.low), _int(f.high)
    return (high is None or p.page_start <= high) and (low is None or p.page_end >= low)


def _filed(f: Filter, p: Para) -> bool:
    if p.filed is None:
        return False
    if f.high is None:
        return p.filed.startswith(f.low)
    return (not f.low or p.filed >= f.low) and (not f.high or p.filed[: len(f.high)] <= f.high)


def _count(f: Filter, p: Para) -> bool:
    number = classify.count_number(p.count)
    if f.high is None:
        n = classify.ordinal(f.low)
        if n is None:
            return text.stem(f.low) in {text.stem(w.text) for w in text.words(p.count or "")}
        return number == n
    low, high = (classify.ordinal(v) if v else None for v in (f.low, f.high))
    if (f.low and low is None) or (f.high and high is None) or number is None:
        return False
    return _between(number, low, high)


_FILTERS: dict[str, Callable[[Filter, Para], bool]] = {
    "doc": _doc,
    "kind": lambda f, p: p.doc_kind == f.low.lower(),
    "count": _count,
    "para": _para,
    "page": _page,
    "filed": _filed,
}


def leaf_words(node: Node, words: list[text.Word]) -> set[int]:
    """Indices of the words matched by any Term or Phrase anywhere in the query."""
    if isinstance(node, Term | Phrase):
        return {i for a, b in spans(node, words) for i in range(a, b + 1)}
    children: tuple[Node | None, ...] = ()
    if isinstance(node, And | Or):
        children = node.items
    elif isinstance(node, Not | Near | Same):
        children = (node.left, node.right)
    return {i for n in children if n is not None for i in leaf_words(n, words)}
