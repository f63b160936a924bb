"""Both query syntaxes parse to the one query model; errors point at the offending token."""

from __future__ import annotations

import pytest

from reviewer.core.search.query import (
    And,
    Filter,
    Near,
    Not,
    Or,
    Phrase,
    QuerySyntaxError,
    Same,
    Term,
    parse,
)


def t(text: str, root: bool = False) -> Term:
    """A tc term: plural and possessive forms unless it has ! or a wildcard."""
    return Term(text, root, forms=not root and not any(c in text for c in "*?_"))


def n(text: str) -> Term:
    """A natural term: matched by stem."""
    return Term(text)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("venture", t("venture")),
        ("knew knowledge", Or((t("knew"), t("knowledge")))),
        ("knew or knowledge", Or((t("knew"), t("knowledge")))),
        ("benefit! & venture", And((t("benefit", True), t("venture")))),
        ("a & b & c", And((t("a"), t("b"), t("c")))),
        ("a w/5 b", Near(t("a"), t("b"), 5)),
        ("a /5 b", Near(t("a"), t("b"), 5)),
        ("a pre/3 b", Near(t("a"), t("b"), 3, ordered=True)),
        ("a /s b", Same(t("a"), t("b"), "sentence")),
        ("a /p b", Same(t("a"), t("b"), "paragraph")),
        ("a % b", Not(t("a"), t("b"))),
        ("wom*n", t("wom?n")),
        ('"child pornography"', Phrase(("child", "pornography"))),
        # Westlaw precedence: or, then w/n, then /s, then /p, then &, then %.
        ("a b w/3 c", Near(Or((t("a"), t("b"))), t("c"), 3)),
        ("a w/3 b /s c", Same(Near(t("a"), t("b"), 3), t("c"), "sentence")),
        ("a /s b /p c", Same(Same(t("a"), t("b"), "sentence"), t("c"), "paragraph")),
        ("a /p b & c", And((Same(t("a"), t("b"), "paragraph"), t("c")))),
        ("a & b % c", Not(And((t("a"), t("b"))), t("c"))),
        ("(a or b) w/2 c", Near(Or((t("a"), t("b"))), t("c"), 2)),
        # Words are cut as the index cuts them; quotes mean exact; ! and * stay wildcards.
        ("Twitter's", t("twitter's")),
        ("U.S.C. w/3 1595", Near(t("usc"), t("1595"), 3)),
        ('"venture"', Phrase(("venture",))),
        ("3:21-cv-00485", Phrase(("3", "21", "cv", "00485"))),
        ('"knew or should have kn*wn"', Phrase(("knew", "or", "should", "have", "kn?wn"))),
        # Westlaw: # exact form, trailing * up to that many more characters, hyphens
        ("#damage", Phrase(("damage",))),
        ("bank**", t("bank__")),
        ("b*nk**", t("b?nk__")),
        ("e-mail", Or((*(Phrase(("e", f)) for f in ("mail", "mail's", "mails")), t("email")))),
        ("#e-mail", Or((Phrase(("e", "mail")), Phrase(("email",))))),
        # ordered connectors and the spelled ones
        ("a +s b", Same(t("a"), t("b"), "sentence", ordered=True)),
        ("a +p b", Same(t("a"), t("b"), "paragraph", ordered=True)),
        ("a +4 b", Near(t("a"), t("b"), 4, ordered=True)),
        ("a and b", And((t("a"), t("b")))),
        ("a AND b or c", And((t("a"), Or((t("b"), t("c")))))),
        ("a but not b", Not(t("a"), t("b"))),
        ('a "and" b', Or((t("a"), Phrase(("and",)), t("b")))),
        ("a +s b /p c", Same(Same(t("a"), t("b"), "sentence", True), t("c"), "paragraph")),
        ("a +2 b +s c", Same(Near(t("a"), t("b"), 2, True), t("c"), "sentence", True)),
    ],
)
def test_terms_and_connectors(query: str, expected: object) -> None:
    assert parse(query, "tc") == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("venture benefit", And((n("venture"), n("benefit")))),
        ("venture AND benefit", And((n("venture"), n("benefit")))),
        ("a OR b c", Or((n("a"), And((n("b"), n("c")))))),
        ("a NOT b", Not(n("a"), n("b"))),
        ("a NOT b NOT c", Not(n("a"), Or((n("b"), n("c"))))),
        ("(a OR b) c", And((Or((n("a"), n("b"))), n("c")))),
        ("traffic* benefi?", And((n("traffic*"), n("benefi?")))),
        ("Doe AND U.S.C.", And((n("doe"), n("usc")))),
        ("3:21-cv", Phrase(("3", "21", "cv"))),
        ("kind:complaint", Filter("kind", "complaint")),
        ("filed:2020-01-01..2021-06-30", Filter("filed", "2020-01-01", "2021-06-30")),
        ('"have known" count:1', And((Phrase(("have", "known")), Filter("count", "1")))),
    ],
)  # fmt: skip
def test_natural(query: str, expected: object) -> None:
    assert parse(query, "natural") == expected


@pytest.mark.parametrize(
    ("query", "syntax", "column", "words"),
    [
        ("a & (b", "tc", 7, "Missing ')'"),
        ("a & b)", "tc", 6, "Unexpected ')'"),
        ("& a", "tc", 1, "Expected a search term"),
        ("a w/x b", "tc", 3, "needs a number"),
        ("a /q b", "tc", 3, "Unknown connector"),
        ('a "open', "tc", 3, "Unclosed quotation mark"),
        ("a & b", "natural", 3, "terms-and-connectors"),
        ("foo:bar", "natural", 1, "Unknown field 'foo'"),
        ("NOT a", "natural", 1, "NOT needs something"),
        ("", "natural", 1, "empty"),
        ("a &", "tc", 4, "ends too early"),
        ("(a & b) w/2 c", "tc", 9, "w/2 joins words"),
        ("a /s (b % c)", "tc", 3, "/s joins words"),
        ("*ing", "natural", 1, "wildcard cannot start"),
        ("§", "tc", 1, "Nothing searchable"),
        ("a w/3 b*!", "tc", 7, "cannot follow a wildcard"),
        ("#bank!", "tc", 1, "cannot be combined"),
        ("(a & b) +s c", "tc", 9, "+s joins words"),
    ],
)
def test_errors_point_at_the_token(query: str, syntax: str, column: int, words: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        parse(query, syntax)
    assert info.value.column == column
    assert words in str(info.value)
    *_, shown, caret = str(info.value).splitlines()
    assert shown.endswith(query)
    assert caret.index("^") == len(shown) - len(query) + column - 1
