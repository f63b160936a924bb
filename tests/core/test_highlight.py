"""Highlighting marks exactly the words that take part in a match."""

from __future__ import annotations

import pytest

from reviewer.core.search.highlight import highlights, snippet
from reviewer.core.search.query import parse

TEXT = (
    "Defendant knowingly benefited from participation in a venture. The ventures of "
    "Streamline benefit traffickers, and Defendant knew or should have known it. "
    "Women and a woman were harmed; no one knew."
)


def marked(query: str, syntax: str = "natural", text: str = TEXT) -> list[str]:
    return [text[s:e] for s, e in highlights(parse(query, syntax), text)]


@pytest.mark.parametrize(
    ("query", "syntax", "expected"),
    [
        # stemmed: every form of the word, nothing else
        ("venture", "natural", ["venture", "ventures"]),
        ("benefits", "natural", ["benefited", "benefit"]),
        # quoted: the exact word only
        ('"ventures"', "natural", ["ventures"]),
        # a phrase marks its own words, not every "or" / "have" in the text
        ('"knew or should have known"', "natural", ["knew", "or", "should", "have", "known"]),
        # wildcards: natural * any run, ? one letter; Westlaw * one letter, ! any ending
        ("traffick*", "natural", ["traffickers"]),
        ("wom?n", "natural", ["Women", "woman"]),
        ("wom*n", "tc", ["Women", "woman"]),
        ("benefi!", "tc", ["benefited", "benefit"]),
        # proximity: only the occurrences within reach of each other
        ("knowingly w/2 participation", "tc", []),
        ("knowingly w/3 participation", "tc", ["knowingly", "participation"]),
        ("participation w/3 knowingly", "tc", ["knowingly", "participation"]),
        ("participation pre/3 knowingly", "tc", []),
        ("defendant pre/1 benefited", "tc", []),
        ("defendant pre/2 benefited", "tc", ["Defendant", "benefited"]),
        ("knew /s venture", "tc", ["ventures", "knew"]),
        ("harmed /s venture", "tc", []),
        ("knew /s (benefit or traffick!)", "tc", ["benefit", "traffickers", "knew"]),
        ("knew /p venture", "tc", ["venture", "ventures", "knew", "knew"]),
        # NOT sides and filters mark nothing
        ("venture NOT harmless", "natural", ["venture", "ventures"]),
        ("venture kind:complaint", "natural", ["venture", "ventures"]),
        ("venture % harmed", "tc", []),
    ],
)  # fmt: skip
def test_marks(query: str, syntax: str, expected: list[str]) -> None:
    assert marked(query, syntax) == expected


def test_snippet_marks_and_trims_around_the_marks() -> None:
    long = (
        " ".join(f"word{i}" for i in range(200))
        + " venture "
        + " ".join("x" * 5 for _ in range(50))
    )
    ranges = highlights(parse("venture"), long)
    text = snippet(long, ranges, width=20)
    assert "**venture**" in text
    assert text.startswith("… ")
    assert text.endswith(" …")
    assert len(text.split()) <= 22


def test_short_paragraph_snippet_is_whole() -> None:
    text = "Streamline knew."
    assert snippet(text, highlights(parse("knew"), text)) == "Streamline **knew**."
