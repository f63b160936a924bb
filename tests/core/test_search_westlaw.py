"""A probe complaint of one ¶ per terms-and-connectors rule, imported as a PDF, answers each
query as Westlaw does (the ¶ numbers are what a Westlaw user would expect to get back)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex
from reviewer.core.search.query import parse
from tests.core.search_reference import reference_hits

PROBES = [
    "The Defendants' policy harmed the residents of the county.",  # 1 plural possessive
    "Defendant's agent signed the lease in March.",  # 2 possessive
    "The insured party was never told of the lapse.",  # 3 a stem of insurance
    "Acme will defend the claim vigorously.",  # 4 a stem of defendant
    "Acme sold its business to the United Stores chain.",  # 5 unit / united
    "Three women and two children were present at the meeting.",  # 6 irregular plurals
    "The woman called the bank on Monday.",  # 7 singular
    "The damages claimed exceed the limit of the policy.",  # 8 plural
    "The damage to the roof was severe.",  # 9 singular
    "Two banks refused the loan.",  # 10 bank + 1
    "A banker approved it later.",  # 11 bank + 2
    "The banking regulator objected.",  # 12 bank + 4
    "She sent an email to the board.",  # 13 joined
    "He replied by e-mail the next day.",  # 14 hyphenated
    "The e mail server failed twice.",  # 15 spaced
    "Insurance coverage lapsed before the fire.",  # 16 the term itself
    "The notice came before the payment. Later the lawyer wrote.",  # 17 notice, payment: one
    "The payment was made at once. The notice followed.",  # 18 two sentences, payment first
    "The fraud was concealed by the officers.",  # 19 fraud +3 concealed
    "Gamma merged with Delta last year.",  # 20 both
    "Gamma stood alone for a decade.",  # 21 one
    "The child's guardian appeared for the hearing.",  # 22 singular possessive
]

# query -> the probe ¶ numbers Westlaw returns
WESTLAW = {
    "defendant": {1, 2},  # defendant, defendants, defendant's, defendants'
    "defendants": {1},  # a plural never finds the singular
    "defend": {4},  # no stems
    "insurance": {16},  # not insured
    "insur!": {3, 16},  # ! any ending
    "unit": set(),  # not united
    "united": {5},
    "woman": {6, 7},  # irregular plural
    "women": {6},
    "child": {6, 22},
    "damage": {8, 9},
    "#damage": {9},  # # exact form: plurals off
    "damages": {8},
    "bank": {7, 10},
    "bank**": {7, 10, 11},  # up to two more characters: bank, banks, banker (not banking)
    "ba*ks": {10},  # one character inside a word
    "e-mail": {13, 14, 15},  # joined, hyphenated, spaced
    "email": {13},
    '"roof was severe"': {9},
    '"roof severe"': set(),
    "notice /s payment": {17},
    "notice +s payment": {17},  # notice first, same sentence
    "payment +s notice": set(),
    "payment +p notice": {18},  # payment first, same paragraph
    "notice +p payment": {17},
    "notice /p payment": {17, 18},
    "fraud /3 concealed": {19},
    "fraud w/3 concealed": {19},
    "fraud +3 concealed": {19},
    "concealed +3 fraud": set(),
    "concealed pre/3 fraud": set(),  # pre/n: an alias of +n
    "fraud w/1 concealed": set(),
    "gamma & delta": {20},
    "gamma and delta": {20},
    "gamma % delta": {21},
    "gamma but not delta": {21},
    "gamma or delta": {20, 21},
    "gamma delta": {20, 21},
}


def _probe_pdf(path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    y = 72.0
    head = ["UNITED STATES DISTRICT COURT", "NORTHERN DISTRICT OF CALIFORNIA", "", "COMPLAINT"]
    for line in head:
        page.insert_text((200, y), line, fontsize=12)
        y += 18
    y += 18
    for n, text in enumerate(PROBES, start=1):
        if y > 720:
            page, y = doc.new_page(), 72.0
        page.insert_text((72, y), f"{n}.", fontsize=12)
        page.insert_text((108, y), text, fontsize=12)
        y += 30
    doc.save(path)
    doc.close()


@pytest.fixture(scope="module")
def probe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Matter]:
    folder = tmp_path_factory.mktemp("probe")
    _probe_pdf(folder / "probe-complaint.pdf")
    m = Matter.create(folder / "Probe.matter")
    results = [p.result for p in import_files(m, [folder / "probe-complaint.pdf"], workers=1)]
    assert [r.status for r in results if r] == ["imported"]
    numbered = m.db.execute("SELECT number, text FROM paragraphs WHERE kind = 'numbered'")
    got = {int(n): " ".join(t.split()) for n, t in numbered}
    assert got == dict(enumerate(PROBES, start=1)), "the probe should import one ¶ per line"
    yield m
    m.close()


def _numbers(m: Matter, pids: set[int]) -> set[int]:
    rows = m.db.execute("SELECT id, number FROM paragraphs WHERE kind = 'numbered'").fetchall()
    return {int(n) for pid, n in rows if pid in pids}


@pytest.mark.parametrize(("query", "expected"), list(WESTLAW.items()))
def test_probe_gives_the_westlaw_answer(probe: Matter, query: str, expected: set[int]) -> None:
    with SearchIndex.open(probe) as ix:
        result = ix.search(query, syntax="tc", limit=None)
    assert _numbers(probe, {h.pid for h in result.hits}) == expected
    assert _numbers(probe, reference_hits(probe, parse(query, "tc"))) == expected


def test_natural_syntax_keeps_stemming(probe: Matter) -> None:
    with SearchIndex.open(probe) as ix:
        hits = ix.search("insurance", syntax="natural", limit=None).hits
        assert {3, 16} <= _numbers(probe, {h.pid for h in hits})
        hits = ix.search("defendant", syntax="natural", limit=None).hits
        assert {1, 2, 4} <= _numbers(probe, {h.pid for h in hits})
