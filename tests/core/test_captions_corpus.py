"""Captions and kinds of every corpus filing against the hand-read truth (caption_truth)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from reviewer.core import captions, classify, layout, ocr
from reviewer.core.ocr_run import merge
from reviewer.core.pdf import read_pdf
from tests.core.caption_truth import CAPTIONS, MANIFEST_DISAGREES, Truth


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return re.sub(r"[^\w&]+", " ", text.replace("’", "'")).casefold().strip()


@cache
def _read(path: str, exe: str | None = None) -> tuple[captions.Caption, str, str]:
    """The caption from the text layer; with ``exe``, from the text layer and the OCR of
    the first two pages where it has no usable text (as ``reviewer ocr`` re-reads it)."""
    pdf = read_pdf(path)
    if exe is not None:
        first = layout.clean_pages(pdf.pages[:4])[:2]
        lacking = [p.index for p in first if p.quality not in layout.USABLE]
        pdf = merge(pdf, [ocr.ocr_page(path, i, exe) for i in lacking])
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
    _assert_truth(truth, cap, kind, why)


def _assert_truth(truth: Truth, cap: captions.Caption, kind: str, why: str) -> None:
    assert kind == truth.kind, why
    if not (truth.ocr and truth.case_name is None):  # a scan without a caption or title
        assert why.startswith(("title:", "cover sheet:", "form heading:")), why
    assert cap.case_no == truth.case_no
    assert _norm(cap.case_name) == _norm(truth.case_name)
    assert cap.court == truth.court


@pytest.mark.parametrize("name", sorted(n for n, t in CAPTIONS.items() if t.ocr))
def test_a_caption_printed_only_as_an_image_is_read_from_its_ocr(
    corpus: Path, tesseract: str, name: str
) -> None:
    """Scans, glyph garbage, a redline's struck words, a form's court banner, a clerk's
    stamp box: the caption comes out whole once its page is OCR'd."""
    cap, kind, why = _read(str(corpus / name), tesseract)
    _assert_truth(CAPTIONS[name], cap, kind, why)
