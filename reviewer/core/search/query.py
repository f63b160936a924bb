"""The internal query model and its two parsers: natural syntax (words, "phrases",
AND / OR / NOT, parentheses, * and ? wildcards, field filters) and Westlaw's
terms-and-connectors (space / or, & / and, % / but not, /n w/n +n pre/n, /s +s, /p +p,
``#`` exact form, ``!`` any ending, ``*`` up to one more character each).

Both syntaxes parse to the same frozen node types, which the search module translates for
its engine and the test suite's brute-force reference evaluates independently. Words come
out cut and normalised exactly as ``text.words`` cuts the indexed text: a plain word is a
``Term`` (natural: matched by stem; tc: by its plural and possessive forms), a quoted or
``#`` one a one-word ``Phrase`` (matched exactly), and a token that is several words
(``3:21-cv-00485``) a ``Phrase``; a tc word joined by hyphens (``e-mail``) also matches
joined (``email``).

Wildcards in the model: ``*`` any run of characters, ``?`` exactly one, ``_`` one or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.errors import ReviewerError
from reviewer.core.search.text import plural_forms, query_words

FIELDS = ("doc", "kind", "count", "para", "page", "filed", "exhibit")


class QuerySyntaxError(ReviewerError):
    """A query that cannot be parsed; ``column`` is 1-based and points at the offending token."""

    def __init__(self, query: str, column: int, reason: str) -> None:
        self.query, self.column, self.reason = query, column, reason
        pad = " " * 4
        super().__init__(f"{reason} at column {column}:\n{pad}{query}\n{pad}{' ' * (column - 1)}^")


@dataclass(frozen=True, slots=True)
class Term:
    text: str  # one normalised word; may hold * (any run), ? (one) and _ (one or none)
    root: bool = False  # Westlaw ``!``: any ending
    forms: bool = False  # tc: the word's plural and possessive forms; natural: its stem


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]  # exact (unstemmed) words in a row; may hold * ? _


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """``left`` but not ``right`` (natural AND NOT / NOT, Westlaw %)."""

    left: Node | None
    right: Node


@dataclass(frozen=True, slots=True)
class Near:
    """``left`` within ``distance`` words of ``right``; ``ordered``: left comes first."""

    left: Node
    right: Node
    distance: int
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Same:
    """Both in the same ``unit``: ``sentence`` or ``paragraph``; ``ordered``: left first."""

    left: Node
    right: Node
    unit: str
    ordered: bool = False


@dataclass(frozen=True, slots=True)
class Filter:
    field: str
    low: str
    high: str | None = None  # a range when set


Node = Term | Phrase | And | Or | Not | Near | Same | Filter


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # word | phrase | lparen | rparen | op
    text: str
    column: int


_TC_TOKEN = re.compile(
    r'\s*(?:(?P<phrase>"[^"]*"?)|(?P<lparen>\()|(?P<rparen>\))|'
    r"(?P<op>&|%|/s\b|/p\b|w/\d+\b|pre/\d+\b|/\S*|\+(?:s|p|\d+)(?=[\s()\"]|$))|"
    r"(?P<word>[^\s()&%\"]+))",
    re.I,
)

_CONNECTOR = re.compile(r"&|%|/s|/p|w/\d+|pre/\d+|/\d+|\+[sp]|\+\d+", re.I)


def tokenize(query: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(query):
        if query[pos:].strip() == "":
            break
        m = _TC_TOKEN.match(query, pos)
        if m is None or m.end() == pos:  # pragma: no cover - the pattern matches any char
            raise QuerySyntaxError(query, pos + 1, "Unexpected character")
        kind = m.lastgroup or "word"
        text = m.group(kind)
        column = m.start(kind) + 1
        if kind == "phrase" and (len(text) < 2 or not text.endswith('"')):
            raise QuerySyntaxError(query, column, "Unclosed quotation mark")
        if kind == "op" and not _CONNECTOR.fullmatch(text):
            raise QuerySyntaxError(query, column, f"Unknown connector {text!r}")
        tokens.append(Token(kind, text, column))
        pos = m.end()
    return tokens


class _Parser:
    """Shared cursor over tokens; subclasses add each syntax's grammar."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = tokenize(query)
        self.i = 0

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        tok = self.peek()
        if tok is None:
            raise QuerySyntaxError(self.query, len(self.query) + 1, "The query ends too early")
        self.i += 1
        return tok

    def fail(self, tok: Token, reason: str) -> QuerySyntaxError:
        return QuerySyntaxError(self.query, tok.column, reason)

    def parse(self) -> Node:
        if not self.tokens:
            raise QuerySyntaxError(self.query, 1, "The query is empty")
        node = self.expr()
        tok = self.peek()
        if tok is not None:
            raise self.fail(tok, f"Unexpected {tok.text!r}")
        return node

    def expr(self) -> Node:  # pragma: no cover - abstract
        raise NotImplementedError

    def group(self) -> Node:
        node = self.expr()
        tok = self.peek()
        if tok is None or tok.kind != "rparen":
            raise QuerySyntaxError(self.query, len(self.query) + 1, "Missing ')'")
        self.i += 1
        return node

    def atom(self) -> Node:
        tok = self.take()
        if tok.kind == "lparen":
            return self.group()
        if tok.kind == "phrase":
            return self.phrase(tok)
        return self.word(tok)

    def word(self, tok: Token) -> Node:  # pragma: no cover - abstract
        raise NotImplementedError

    def phrase(self, tok: Token) -> Node:
        words = [self.wildcards(w) for w in query_words(tok.text[1:-1])]
        if not words:
            raise self.fail(tok, f"Nothing searchable in {tok.text}")
        self.check_wildcards(tok, words)
        return Phrase(tuple(words))

    def wildcards(self, word: str) -> str:
        """Rewrite one word's wildcards to the model's (* any run, ? one, _ one or none)."""
        return word

    def term(self, tok: Token, text: str, root: bool = False, forms: bool = False) -> Node:
        words = [self.wildcards(w) for w in query_words(text)]
        if not words:
            raise self.fail(tok, f"Nothing searchable in {tok.text!r}")
        self.check_wildcards(tok, words)
        if len(words) > 1:
            return Phrase(tuple(words))
        if root and any(c in words[0] for c in "*?_"):
            raise self.fail(tok, "The root expander ! cannot follow a wildcard")
        wild = root or any(c in words[0] for c in "*?_")
        return Term(words[0], root=root, forms=forms and not wild)

    def check_wildcards(self, tok: Token, words: list[str]) -> None:
        for w in words:
            if w[0] in "*?_":
                raise self.fail(tok, f"{tok.text!r}: a wildcard cannot start a word")


_TC_LEVELS: tuple[tuple[str, ...], ...] = (
    ("%",),
    ("&",),
    ("/p", "+p"),
    ("/s", "+s"),
    ("w/", "pre/", *(f"/{d}" for d in "0123456789"), *(f"+{d}" for d in "0123456789")),
)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")


class _TcParser(_Parser):
    """Westlaw precedence, loosest first: % (but not), & (and), /p +p, /s +s,
    /n w/n +n pre/n, then or (space)."""

    def __init__(self, query: str) -> None:
        super().__init__(query)
        self.tokens = _spelled_connectors(self.tokens)

    def expr(self, level: int = 0) -> Node:
        if level == len(_TC_LEVELS):
            return self.alternatives()
        left = self.expr(level + 1)
        while (
            (tok := self.peek())
            and tok.kind == "op"
            and tok.text.lower().startswith(_TC_LEVELS[level])
        ):
            self.i += 1
            left = self.combine(tok, left, self.expr(level + 1))
        return left

    def alternatives(self) -> Node:
        items = [self.atom()]
        while (tok := self.peek()) and tok.kind in ("word", "phrase", "lparen"):
            if tok.kind == "word" and tok.text.lower() == "or":
                self.i += 1
            items.append(self.atom())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def word(self, tok: Token) -> Node:
        if tok.kind != "word" or tok.text.lower() == "or":
            raise self.fail(tok, f"Expected a search term, found {tok.text!r}")
        word = tok.text.lower()
        if re.match(r"(?:w|pre)/", word):
            raise self.fail(tok, f"{tok.text!r}: a proximity connector needs a number, e.g. w/5")
        exact = word.startswith("#")
        word = word.lstrip("#")
        root = word.endswith("!")
        word = word.rstrip("!")
        if not word or "!" in word:
            raise self.fail(tok, "The root expander ! goes at the end of a word")
        if exact and (root or any(c in word for c in "*?")):
            raise self.fail(tok, "# (exact form) cannot be combined with ! or *")
        node = self.term(tok, word, root, forms=not exact)
        if exact and isinstance(node, Term):
            return Phrase((node.text,))
        if _HYPHENATED.fullmatch(word) and not root and isinstance(node, Phrase):
            return self.hyphenated(node, exact)
        return node

    def hyphenated(self, spaced: Phrase, exact: bool) -> Node:
        """``e-mail``: e-mail, e mail or email (each with its plural forms unless ``#``)."""
        *head, last = spaced.words
        joined = "".join(spaced.words)
        if exact:
            return Or((spaced, Phrase((joined,))))
        phrases = tuple(Phrase((*head, form)) for form in plural_forms(last))
        return Or((*phrases, Term(joined, forms=True)))

    def wildcards(self, word: str) -> str:
        """Westlaw ``*``: exactly one character inside a word; at its end, up to one more
        character each (``bank**``: bank, banks, banker)."""
        body = word.rstrip("*")
        return body.replace("*", "?") + "_" * (len(word) - len(body))

    def combine(self, tok: Token, left: Node, right: Node) -> Node:
        op = tok.text.lower()
        if op not in ("%", "&", "/p"):
            for side in (left, right):
                if not _spannable(side):
                    raise self.fail(
                        tok,
                        f"{tok.text} joins words, phrases, alternatives or proximity groups;"
                        " put & or % groups outside it",
                    )
        return _combine(op, left, right)


def _spannable(node: Node) -> bool:
    """Whether a node has word positions, so that distance and sentence tests apply."""
    if isinstance(node, Term | Phrase):
        return True
    if isinstance(node, Or):
        return all(_spannable(n) for n in node.items)
    if isinstance(node, Near):
        return True
    return isinstance(node, Same) and (node.unit == "sentence" or node.ordered)


def _spelled_connectors(tokens: list[Token]) -> list[Token]:
    """Westlaw's spelled connectors: ``and`` is &, ``but not`` is % (quote them to search)."""
    out: list[Token] = []
    for tok in tokens:
        low = tok.text.lower() if tok.kind == "word" else ""
        if low == "and":
            out.append(Token("op", "&", tok.column))
        elif low == "not" and out and out[-1].kind == "word" and out[-1].text.lower() == "but":
            out[-1] = Token("op", "%", out[-1].column)
        else:
            out.append(tok)
    return out


def _combine(op: str, left: Node, right: Node) -> Node:
    if op == "%":
        return Not(left, right)
    if op == "&":
        return And((*(left.items if isinstance(left, And) else (left,)), right))
    if op in ("/s", "/p", "+s", "+p"):
        unit = "sentence" if op[1] == "s" else "paragraph"
        return Same(left, right, unit, ordered=op[0] == "+")
    if op.startswith("+"):
        return Near(left, right, int(op[1:]), ordered=True)
    ordered, n = op.startswith("pre/"), int(op.split("/")[1])  # "/3" is "w/3"
    return Near(left, right, n, ordered)


class _NaturalParser(_Parser):
    """OR binds loosest, then AND (also implied between terms), then NOT."""

    def expr(self) -> Node:
        items = [self.conjunction()]
        while (tok := self.peek()) and tok.kind == "word" and tok.text == "OR":
            self.i += 1
            items.append(self.conjunction())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def conjunction(self) -> Node:
        pos: list[Node] = []
        neg: list[Node] = []
        first = self.peek()
        while (tok := self.peek()) and tok.kind != "rparen" and tok.text != "OR":
            if tok.text == "AND":
                self.i += 1
                continue
            if tok.text == "NOT":
                self.i += 1
                neg.append(self.atom())
            else:
                pos.append(self.atom())
        if not pos:
            raise self.fail(first or self.take(), "NOT needs something to exclude from")
        node = pos[0] if len(pos) == 1 else And(tuple(pos))
        return Not(node, neg[0] if len(neg) == 1 else Or(tuple(neg))) if neg else node

    def word(self, tok: Token) -> Node:
        if tok.kind == "op":
            raise self.fail(tok, f"{tok.text!r} is a terms-and-connectors connector (--syntax tc)")
        if tok.kind != "word" or tok.text in ("AND", "OR", "NOT"):
            raise self.fail(tok, f"Expected a search term, found {tok.text!r}")
        field, sep, value = tok.text.partition(":")
        if not sep or (field.lower() not in FIELDS and not field.isalpha()):
            return self.term(tok, tok.text)
        if field.lower() not in FIELDS:
            raise self.fail(tok, f"Unknown field {field!r} (fields: {', '.join(FIELDS)})")
        nxt = self.peek()  # field:"a value in quotes"
        if not value and nxt and nxt.kind == "phrase" and nxt.column == tok.column + len(tok.text):
            self.i, value = self.i + 1, nxt.text[1:-1].strip()
        if not value:
            raise self.fail(tok, f"The field {field!r} needs a value")
        if field.lower() == "exhibit":  # a label keeps its case (Dkt., Ex.)
            return Filter("exhibit", " ".join(value.split()))
        low, dots, high = value.partition("..")
        return Filter(field.lower(), low.lower(), high.lower() if dots else None)


def parse(query: str, syntax: str = "natural") -> Node:
    """Parse ``query`` in ``natural`` or ``tc`` syntax; raises QuerySyntaxError."""
    if syntax == "tc":
        return _TcParser(query).parse()
    if syntax == "natural":
        return _NaturalParser(query).parse()
    raise ValueError(f"unknown query syntax {syntax!r}")
