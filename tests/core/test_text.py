"""Words and sentences as search sees them."""

from __future__ import annotations

import pytest

from reviewer.core.search.text import query_words, stem, words


def sentences(text: str) -> list[str]:
    out: dict[int, list[str]] = {}
    for w in words(text):
        out.setdefault(w.sentence, []).append(w.text)
    return [" ".join(v) for v in out.values()]


def test_words_keep_offsets_and_normalise() -> None:
    text = "Twitter’s counsel cited 18 U.S.C. § 1595(a), e.g. here."
    ws = words(text)
    assert [w.text for w in ws] == [
        "twitter's", "counsel", "cited", "18", "usc", "1595", "a", "eg", "here",
    ]  # fmt: skip
    assert all(
        text[w.start : w.end].lower().replace(".", "").replace("’", "'") == w.text for w in ws
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defendant knew. It benefited.", ["defendant knew", "it benefited"]),
        ("Twitter, Inc. knowingly benefited.", ["twitter inc knowingly benefited"]),
        ("See Doe v. Twitter, No. 3:21-cv. It is.", ["see doe v twitter no 3 21 cv", "it is"]),
        ("Under 18 U.S.C. § 1591. Next.", ["under 18 usc 1591", "next"]),
        ("Signed by John A. Smith today.", ["signed by john a smith today"]),
        ("Did it know? Yes! It knew.", ["did it know", "yes", "it knew"]),
        ('He said "stop." Then left.', ["he said stop", "then left"]),
        ("A colon: a semicolon; one sentence.", ["a colon a semicolon one sentence"]),
        ("Lower case after a period. continues it.", ["lower case after a period continues it"]),
        ("Paragraph 12. 13 more.", ["paragraph 12", "13 more"]),
    ],
)  # fmt: skip
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_stems_join_word_forms_but_not_exact_words() -> None:
    assert stem("ventures") == stem("venture")
    assert stem("benefited") == stem("benefits") == stem("benefit")
    assert stem("Twitter's".lower()) == stem("twitter")
    assert stem("knew") != stem("known")


def test_query_words_cut_like_text_and_keep_wildcards() -> None:
    assert query_words("U.S.C.") == ["usc"]
    assert query_words("3:21-cv-00485") == ["3", "21", "cv", "00485"]
    assert query_words("traffic*") == ["traffic*"]
    assert query_words("wom?n") == ["wom?n"]
    assert query_words("§") == []


def test_the_fast_stemmer_gives_the_pure_python_snowball_stems() -> None:
    # PyStemmer (C) is what snowballstemmer hands out when it is installed; an index built
    # with one and searched with the other must agree on every stem.
    import re

    from snowballstemmer.english_stemmer import EnglishStemmer

    from reviewer.core.search import text
    from reviewer.samples import demo_text

    assert type(text._STEMMER).__module__ == "Stemmer"  # the C one is in use
    vocabulary = set(re.findall(r"[a-z]+", demo_text._COMPLAINT.lower()))
    vocabulary |= {"généralement", "naïveté", "café", "ventures", "benefited", "knowingly"}
    assert len(vocabulary) > 300
    pure = EnglishStemmer()
    assert {w: text._STEMMER.stemWord(w) for w in vocabulary} == {
        w: pure.stemWord(w) for w in vocabulary
    }
