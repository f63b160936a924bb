"""Search acceptance: the engine's hits equal a brute-force reference's on the real corpus.

The reference (``search_reference.py``) scans every paragraph and evaluates the parsed query
straight from the README's rules; its own behaviour is pinned first on hand-written text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlite_utils import Database

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import schema
from reviewer.core.matter.store import Matter
from reviewer.core.search.query import parse
from tests.core.search_reference import (
    Para,
    leaf_words,
    matches,
    paragraph,
    paragraphs,
    reference_hits,
    reference_per_doc,
)

# --- the reference itself, on hand-written paragraphs ---------------------------------------


def _hit(query: str, body: str, syntax: str = "tc") -> bool:
    return matches(parse(query, syntax), paragraph(body))


@pytest.mark.parametrize(
    ("query", "body", "expected"),
    [
        # w/n: at most n-1 words between, either order; the two sides are different words
        ("alpha w/3 beta", "alpha one two beta", True),
        ("alpha w/3 beta", "alpha one two three beta", False),
        ("alpha w/3 beta", "beta one two alpha", True),
        ("alpha /3 beta", "alpha one two beta", True),
        ("alpha w/1 beta", "alpha, beta", True),
        ("alpha w/1 beta", "alpha x beta", False),
        ("venture w/3 venture", "a venture here", False),
        ("venture w/3 venture", "a venture and ventures", True),
        # pre/n: the left side first
        ("alpha pre/3 beta", "alpha one beta", True),
        ("alpha pre/3 beta", "beta one alpha", False),
        ("beta pre/3 alpha", "beta one alpha", True),
        # distances from the nearest edges; a phrase is one side
        ('"one two three" w/2 beta', "one two three x beta", True),
        ('"one two three" w/2 beta', "beta x y one two three", False),
        ('beta pre/2 "one two three"', "beta x one two three", True),
        ("(alpha w/3 beta) w/5 gamma", "alpha x beta one two three four gamma", True),
        ("(alpha w/3 beta) w/5 gamma", "alpha x beta one two three four five gamma", False),
        ("(alpha w/3 beta) w/5 gamma", "gamma one two three four alpha beta", True),
        ("(alpha or beta) w/2 gamma", "beta x gamma", True),
        # /s: sentences end at ". " + capital, not after Inc.
        ("venture /s twitter", "They formed a venture. Twitter knew it.", False),
        ("twitter /s knew", "They formed a venture. Twitter knew it.", True),
        ("twitter /s venture", "Twitter Inc. knew of the venture.", True),
        ("venture /s knew", "a venture. twitter knew", True),  # lower case: no new sentence
        ("(knew or know!) /s benefit!", "Twitter knows. It benefited.", False),
        ("(knew or know!) /s benefit!", "Twitter knowingly benefited.", True),
        ("(alpha /s beta) w/2 gamma", "Alpha beta gamma. Delta.", True),
        # /p, & and %
        ("venture /p twitter", "They formed a venture. Twitter knew it.", True),
        ("venture & twitter", "They formed a venture. Twitter knew it.", True),
        ("venture % twitter", "They formed a venture. Twitter knew it.", False),
        ("venture % facebook", "They formed a venture. Twitter knew it.", True),
        # plain terms: the word, its plurals and possessives; no stems; quotes and # exact
        ("benefited", "it benefits them", False),
        ("benefit", "it benefits them", True),
        ('"benefited"', "it benefits them", False),
        ('"benefits"', "it benefits them", True),
        ("twitter", "Twitter's platform", True),
        ('"twitter"', "Twitter's platform", False),
        ("defendant", "the Defendants' motion", True),
        ("defendant", "Defendant's motion", True),
        ("defendant", "as defendants argue", True),
        ("defendants", "the defendant argues", False),
        ("defendant", "they defend it", False),
        ("insurance", "the insured party", False),
        ("unit", "the United States", False),
        ("woman", "three women", True),
        ("child", "the children's rights", True),
        ("party", "both parties", True),
        ("analysis", "two analyses", True),
        ("#damage", "damages claimed", False),
        ("#damage", "the damage done", True),
        ("damages", "the damage done", False),
        # Westlaw * : exactly one inside a word, up to one more each at the end
        ("bank**", "the bank", True),
        ("bank**", "two banks", True),
        ("bank**", "a banker", True),
        ("bank**", "the banking", False),
        # hyphenated terms: joined, spaced and hyphenated
        ("e-mail", "by email", True),
        ("e-mail", "by e mail", True),
        ("e-mail", "by e-mail", True),
        ("e-mail", "two emails", True),
        ("e-mail", "mail", False),
        # ordered connectors and the spelled ones
        ("alpha +s beta", "Alpha then beta.", True),
        ("alpha +s beta", "Beta then alpha.", False),
        ("alpha +s beta", "Alpha. Then beta.", False),
        ("alpha +p beta", "Alpha. Then beta.", True),
        ("alpha +p beta", "Beta. Then alpha.", False),
        ("alpha +2 beta", "alpha x beta", True),
        ("alpha +2 beta", "beta x alpha", False),
        ("alpha and beta", "beta, later alpha", True),
        ("alpha but not beta", "alpha and beta", False),
        ("alpha but not beta", "alpha and gamma", True),
        ('"should have known"', "should—have, known", True),
        ('"should have known"', "should not have known", False),
        ("3:21-cv-00485", "Case No. 3:21-cv-00485-JD", True),
        ("usc", "18 U.S.C. § 1595", True),
        # wildcards (Westlaw * = one character) and the root expander
        ("wom*n", "women and men", True),
        ("wom*n", "womyen", False),
        ('"wom*n"', "a woman", True),
        ("benefi!", "beneficial", True),
        ("benefit!", "benefit", True),
        ("benefit!", "benefi", False),
        ("participat! w/3 venture", "participation in a venture", True),
    ],
)
def test_reference_tc(query: str, body: str, expected: bool) -> None:
    assert _hit(query, body) is expected


@pytest.mark.parametrize(
    ("query", "body", "expected"),
    [
        ("venture", "joint ventures", True),
        ("venture twitter", "joint ventures", False),
        ("venture OR twitter", "Twitter", True),
        ("venture NOT twitter", "a Twitter venture", False),
        ("a b OR c NOT d", "c d", False),
        ("a b OR c NOT d", "a b d", True),
        ("wom?n", "women", True),
        ("wom?n", "womyen", False),
        ("partic*", "participation", True),
        ("partic*", "partic", True),
        ("partic*", "particle", True),
        ("parti*tion", "participation", True),
        ('"trade secret*"', "misappropriated trade secrets", True),
        ('"trade secret*"', "trade, secretly", True),
        ('"trade secret*"', "secret trade", False),
    ],
)
def test_reference_natural(query: str, body: str, expected: bool) -> None:
    assert _hit(query, body, "natural") is expected


def test_leaf_words_are_the_words_of_terms_and_phrases() -> None:
    p = paragraph("Twitter knew it benefited. Should have known.")
    node = parse('(knew or twitter) /s benefit! & "should have known"', "tc")
    assert sorted(p.words[i].text for i in leaf_words(node, p.words)) == [
        "benefited",
        "have",
        "knew",
        "known",
        "should",
        "twitter",
    ]


@pytest.fixture
def tiny_db() -> Database:
    """Two documents, five paragraphs, just the columns the filters read."""
    db = Database(memory=True)
    schema.migrations.apply(db)
    docs = [
        (1, "cand-316263-complaint.pdf", "complaint", "2021-03-04"),
        (2, "nysd-order.pdf", "order", None),
    ]
    for doc_id, name, kind, filed in docs:
        db["documents"].insert(
            {"id": doc_id, "sha256": name, "file_name": name, "stored_path": name}
            | {"byte_size": 1, "kind": kind, "filed": filed, "page_count": 9}
            | {"text_quality": "good", "imported_at": "now"}
        )
    rows = [
        (1, 1, "heading", None, None, 1, 1, "FIRST CAUSE OF ACTION Negligence"),
        (2, 1, "numbered", "7", "FIRST CAUSE OF ACTION Negligence", 1, 2, "duty"),
        (3, 1, "numbered", "12", "Count II: Breach of Fiduciary Duty", 3, 3, "breach"),
        (4, 1, "numbered", "12a", "Count II: Breach of Fiduciary Duty", 4, 4, "breach"),
        (5, 2, "text", None, None, 2, 5, "so ordered"),
    ]
    for pid, doc_id, kind, number, count, start, end, body in rows:
        db["paragraphs"].insert(
            {"id": pid, "doc_id": doc_id, "seq": pid, "kind": kind, "number": number}
            | {"count": count, "text": body, "page_start": start, "page_end": end, "cite": "x"}
        )
    return db


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("doc:1", {1, 2, 3, 4}),
        ("doc:2..", {5}),
        ("doc:CAND-316", {1, 2, 3, 4}),
        ("doc:nysd", {5}),
        ("kind:order", {5}),
        ("kind:complaint breach", {3, 4}),
        ("count:1", {2}),
        ("count:2", {3, 4}),
        ("count:II", {3, 4}),
        ("count:second", {3, 4}),
        ("count:1..2", {2, 3, 4}),
        ("count:..first", {2}),
        ("count:negligent", {2}),
        ("count:fiduciary", {3, 4}),
        ("para:7", {2}),
        ("para:12", {3}),
        ("para:8..", {3}),
        ("para:..12", {2, 3}),
        ("page:2", {2, 5}),
        ("page:3..4", {3, 4, 5}),
        ("page:..1", {1, 2}),
        ("filed:2021", {1, 2, 3, 4}),
        ("filed:2021-03", {1, 2, 3, 4}),
        ("filed:2020", set()),
        ("filed:2021-03..2021-03-04", {1, 2, 3, 4}),
        ("filed:..2021-02", set()),
        ("filed:2021-03-05..", set()),
        ("duty OR ordered", {2, 5}),
        ("duty NOT para:7", set()),
    ],
)
def test_reference_filters(tiny_db: Database, query: str, expected: set[int]) -> None:
    assert reference_hits(tiny_db, parse(query, "natural")) == expected


# --- the engine against the reference on the corpus ------------------------------------------

QUERIES: list[tuple[str, str]] = [
    # words, stems, quotes, tokens cut into phrases
    ("natural", "venture"),
    ("natural", "benefited"),
    ("natural", '"benefited"'),
    ("natural", "knew"),
    ("natural", "twitter's"),
    ("natural", "privilege"),
    ("natural", "negligence"),
    ("natural", "rico"),
    ("natural", "U.S.C."),
    ("natural", '"should have known"'),
    ("natural", '"trade secret"'),
    ("natural", '"child pornography"'),  # none in this corpus
    ("natural", "trafficking"),  # none either
    ("natural", "1962(c)"),
    ("natural", '"18 U.S.C. § 1962"'),
    # AND / OR / NOT
    ("natural", "photos remains"),
    ("natural", "photos OR photographs"),
    ("natural", "qualcomm NOT samsung"),
    ("natural", "samsung NOT apple"),
    ("natural", "qualcomm AND (modem OR baseband) NOT intel"),
    ("natural", "qualcomm intel OR samsung NOT apple"),
    # natural wildcards
    ("natural", "priv*"),
    ("natural", "wom?n"),
    ("natural", "pl?intiff*"),
    ("natural", '"trade secret*"'),
    # filters
    ("natural", "doc:17 rico"),
    ("natural", "doc:cand-316263"),
    ("natural", "doc:5..7 privilege"),
    ("natural", "kind:complaint negligence"),
    ("natural", "kind:order"),
    ("natural", "count:2"),
    ("natural", "count:II"),
    ("natural", "count:second"),
    ("natural", "count:iv"),
    ("natural", "count:negligence"),
    ("natural", "count:fraud"),
    ("natural", "count:2..4"),
    ("natural", "count:second..third"),
    ("natural", "para:45"),
    ("natural", "para:10..20"),
    ("natural", "para:100.."),
    ("natural", "para:..5 plaintiff"),
    ("natural", "page:12"),
    ("natural", "page:3..5 photos"),
    ("natural", "filed:2021"),
    ("natural", "filed:2020-05"),
    ("natural", "filed:2021-01..2021-06-30"),
    ("natural", "filed:..2019 privilege"),
    ("natural", "filed:2019.. venture"),
    ("natural", "qualcomm OR count:fraud NOT kind:order"),
    # terms and connectors
    ("tc", "qualcomm samsung"),
    ("tc", "benefi!"),
    ("tc", "priv*lege"),
    ("tc", '"trade secret"'),
    ("tc", "trade w/3 secret"),
    ("tc", "qualcomm w/2 intel"),
    ("tc", "qualcomm /3 intel"),
    ("tc", "qualcomm w/4 intel"),
    ("tc", "qualcomm pre/4 intel"),
    ("tc", "intel pre/4 qualcomm"),
    ("tc", "breach w/2 duty"),
    ("tc", "breach w/3 duty"),
    ("tc", "fiduciary pre/2 duty"),
    ("tc", "duty pre/2 fiduciary"),
    ("tc", "duty w/2 fiduciary"),
    ("tc", "plaintiff pre/1 incorporates"),
    ("tc", "incorporat! w/10 allegation!"),
    ("tc", "(photos or photographs) w/5 remains"),
    ("tc", '"trade secret" w/5 misappropriat!'),
    ("tc", "1962(c) w/10 rico"),
    ("tc", "(breach w/3 duty) w/5 abet!"),
    ("tc", "(qualcomm w/3 intel) w/5 modem!"),
    ("tc", "(qualcomm or intel) w/3 (modem! or baseband)"),
    ("tc", 'misappropriat! pre/5 "trade secret"'),
    ("tc", "(qualcomm /s modem!) w/3 apple"),
    ("tc", "qualcomm /s modem!"),
    ("tc", "qualcomm /s modem! /s intel"),
    ("tc", "photos /s remains"),
    ("tc", "(knew or know!) /s benefit!"),
    ("tc", "knew /s photo!"),
    ("tc", "qualcomm /p intel"),
    ("tc", "qualcomm & intel"),
    ("tc", "qualcomm % intel"),
    ("tc", "qualcomm % (intel w/5 modem!)"),
    ("tc", "qualcomm w/3 modem! & intel"),
    ("tc", "(qualcomm /s modem!) /p apple"),
    ("tc", "incorporat! w/10 allegation! /p plaintiff"),
    ("tc", '"should have known" /p negligen!'),
    ("tc", "(knew or know!) /s benefit! & venture w/5 participat!"),
    ("tc", "privilege! % waive!"),
    # Westlaw forms: plurals and possessives, not stems; # exact; * endings; hyphens
    ("tc", "defendant"),
    ("tc", "defendants"),
    ("tc", "insurance"),
    ("tc", "allegation"),
    ("tc", "party"),
    ("tc", "child"),
    ("tc", "#damage"),
    ("tc", "damage"),
    ("tc", "photo**"),
    ("tc", "c*urt*"),
    ("tc", "e-mail"),
    ("tc", "co-defendant"),
    ("tc", "#e-mail"),
    ("tc", "defendant w/3 plaintiff"),
    ("tc", "qualcomm +s modem!"),
    ("tc", "modem! +s qualcomm"),
    ("tc", "qualcomm +p intel"),
    ("tc", "intel +p qualcomm"),
    ("tc", "breach +3 duty"),
    ("tc", "qualcomm and intel but not apple"),
    ("tc", "(defendant or party) +s allegation /p plaintiff"),
    # two-word phrases with a common word are answered from the indexed pairs
    ("natural", '"of the"'),
    ("natural", '"the court"'),
    ("natural", '"plaintiff\'s"'),
    ("natural", '"to be" NOT "of the"'),
    ("tc", '"the defendant" /p plaintiff'),
    ("tc", '"the court" w/5 order!'),
]


@pytest.fixture(scope="module")
def corpus_matter(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matter]:
    m = Matter.create(tmp_path_factory.mktemp("search") / "Search.matter")
    results = [p.result for p in import_files(m, sorted(corpus.glob("*.pdf")))]
    assert all(r is not None and r.status == "imported" for r in results), results
    yield m
    m.close()


@pytest.fixture(scope="module")
def corpus_paragraphs(corpus_matter: Matter) -> dict[int, Para]:
    return {p.pid: p for p in paragraphs(corpus_matter)}


def _show(paras: dict[int, Para], pids: set[int], limit: int = 5) -> str:
    lines = []
    for pid in sorted(pids)[:limit]:
        p = paras[pid]
        excerpt = " ".join(p.text.split())[:240]
        lines.append(f"    #{pid} ({p.file_name} ¶{p.number or '-'} {p.kind}): {excerpt}")
    more = f"\n    … and {len(pids) - limit} more" if len(pids) > limit else ""
    return "\n".join(lines) + more


def _search(matter: Matter, query: str, syntax: str) -> Any:
    from reviewer.core.search import SearchIndex  # the engine under test

    with SearchIndex.open(matter) as ix:
        return ix.search(query, syntax=syntax, limit=None)


@pytest.mark.corpus
@pytest.mark.parametrize(("syntax", "query"), QUERIES, ids=[f"{s}:{q}" for s, q in QUERIES])
def test_engine_matches_reference(
    corpus_matter: Matter, corpus_paragraphs: dict[int, Para], syntax: str, query: str
) -> None:
    node = parse(query, syntax)
    paras = list(corpus_paragraphs.values())
    want = reference_hits(paras, node)
    result = _search(corpus_matter, query, syntax)
    got = {h.pid for h in result.hits}
    assert got == want, (
        f"{syntax} {query!r}: engine {len(got)} hits, reference {len(want)}\n"
        f"  engine only:\n{_show(corpus_paragraphs, got - want)}\n"
        f"  reference only:\n{_show(corpus_paragraphs, want - got)}"
    )
    assert result.total == len(got)
    assert dict(result.per_doc) == reference_per_doc(paras, want)
    for h in result.hits:
        p = corpus_paragraphs[h.pid]  # every mark is a word that takes part in the match
        marked = [p.words[i] for i in leaf_words(node, p.words)]
        for start, end in h.highlights:
            assert any(start <= w.start and w.end <= end for w in marked), (
                f"{syntax} {query!r}: highlight {p.text[start:end]!r} ({start}, {end}) in "
                f"#{h.pid} covers no matching word\n{_show(corpus_paragraphs, {h.pid})}"
            )


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("syntax", "query"), [("tc", "defendant"), ("tc", "party"), ("natural", "plaintiff")]
)
def test_scores_are_bm25_of_the_best_form(corpus_matter: Matter, syntax: str, query: str) -> None:
    """A word found in several forms scores, in each paragraph, as Whoosh's BM25 of its best
    form there (Whoosh's DisjunctionMax scored some paragraphs with another one's score)."""
    from whoosh import query as wq

    from reviewer.core.search import SearchIndex

    with SearchIndex.open(corpus_matter) as ix:
        wquery = ix.whoosh_query(parse(query, syntax))
        forms = [t for t in wquery.subqueries] if hasattr(wquery, "subqueries") else [wquery]
        assert len(forms) > 1, "the query should be a union of several forms"
        searcher = ix._searcher
        best: dict[int, float] = {}
        for form in forms:
            assert isinstance(form, wq.Term)
            for hit in searcher.search(form, limit=None):
                best[hit["pid"]] = max(best.get(hit["pid"], 0.0), hit.score)
        result = ix.search(query, syntax=syntax, limit=None)
        assert {h.pid for h in result.hits} == set(best)
        for h in result.hits:
            assert h.score == pytest.approx(best[h.pid], rel=1e-6), h.cite
        top = ix.search(query, syntax=syntax, limit=20)
        want = sorted(best.values(), reverse=True)[:20]
        assert [h.score for h in top.hits] == pytest.approx(want, rel=1e-6)
