"""Captions and kinds of every corpus filing against the hand-read truth (caption_truth)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from reviewer.core.ingest import captions, classify, layout
from reviewer.core.pdf import read_pdf
from tests.core.caption_truth import CAPTIONS, MANIFEST_DISAGREES


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"[^\w&]+", " ", text.replace("’", "'")).casefold().strip()


@cache
def _read(path: str) -> tuple[captions.Caption, str, str]:
    pdf = read_pdf(path)
    cap = captions.read_caption(layout.clean_pages(pdf.pages[:4]))
    kind, why = classify.kind_with_reason(cap.title, cap.cover, Path(path).name,
                                          headings=cap.headings)  # fmt: skip
    return cap, kind, why


def test_the_truth_covers_every_corpus_filing(corpus: Path) -> None:
    assert sorted(CAPTIONS) == sorted(p.name for p in corpus.glob("*.pdf"))


def test_the_manifest_kinds_agree_but_where_the_title_says_otherwise(corpus: Path) -> None:
    with open(corpus.parent / "MANIFEST.tsv", encoding="utf-8") as f:
        manifest = {r["file"]: r["kind"] for r in csv.DictReader(f, delimiter="\t")}
    differ = {n: manifest[n] for n, t in CAPTIONS.items() if manifest[n] != t.kind}
    assert differ == MANIFEST_DISAGREES


@pytest.mark.parametrize("name", sorted(CAPTIONS))
def test_kind_case_number_case_name_and_court(corpus: Path, name: str) -> None:
    truth = CAPTIONS[name]
    cap, kind, why = _read(str(corpus / name))
    assert kind == truth.kind, why
    if truth.ocr:  # only the ECF stamp (when there is one) is text: the rest needs OCR
        assert cap.case_name is None or _norm(cap.case_name) == _norm(truth.case_name)
        assert cap.case_no in (None, truth.case_no)
        assert why.startswith("file name"), why  # said honestly
        return
    assert why.startswith(("title:", "cover sheet:", "form heading:")), why
    assert cap.case_no == truth.case_no
    assert _norm(cap.case_name) == _norm(truth.case_name)
    assert cap.court == truth.court
