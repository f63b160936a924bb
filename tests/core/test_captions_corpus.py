"""Captions and kinds of every corpus filing against the hand-read truth (caption_truth)."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

import pytest

from reviewer.core.ingest import captions, classify, layout, ocr
from reviewer.core.ingest.ocr_run import merge
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


# Titles read off the rendered first pages where the reading once went wrong: cut at the
# parties' last label, a "(2)" bracket lost, a "PARTIALLY REDACTED" title taken for a
# banner (or a banner taken for a title's words), a form's field labels taken for a title.
TITLES = {
    "caed-373457-complaint.pdf": "COMPLAINT FOR: (1) DECLARATORY RELIEF ON DEFENDANT’S DUTY TO "
    "DEFEND (2) BREACH OF CONTRACT (3) BREACH OF COVENANT OF GOOD FAITH AND FAIR DEALING",
    "cacd-646349-opposition-clawback-privilege.pdf": "DEFENDANTS’ OPPOSITION TO MACOM’S MOTION "
    "PURSUANT TO FED. R. CIV. P. 26(b)(5)(B) FOR DETERMINATION OF THE PROPRIETY OF INFINEON’S "
    "CLAIM OF PRIVILEGE",
    "cand-288207-order-pleading-paper.pdf": "REDACTED ORDER (1) GRANTING TESSERA’S MOTION FOR "
    "PARTIAL SUMMARY JUDGMENT, (2) DENYING TOSHIBA’S MOTION FOR SUMMARY JUDGMENT, AND (3) "
    "GRANTING IN PART AND DENYING IN PART TOSHIBA’S MOTION TO STRIKE",
    "dev2-canb.582112.201.0.pdf": "DECLARATION OF MIRIAM MANNING IN SUPPORT OF UBER "
    "TECHNOLOGIES INC.’S ADMINISTRATIVE MOTION TO FILE PARTIALLY REDACTED MOTION TO STRIKE OR, "
    "IN THE ALTERNATIVE, MOTION IN LIMINE TO EXCLUDE REBUTTAL EXPERT REPORTS AND TESTIMONY OF "
    "BENJAMIN ROSE AND JOSEPH SHAW AND TO FILE EXHIBIT A UNDER SEAL",
    "dev2-cand.330704.16.6_1.pdf": "DECLARATION OF STEPHEN L. WOHLGEMUTH IN SUPPORT OF MARC L. "
    "ABRAMOWITZ’S OPPOSITION",
    "dev2-cacd.649554.1409.0.pdf": None,  # printed only in the form's footer
    "cacd-667461-exhibit-survey-report.pdf": "EXHIBIT A",  # not its "REDACTED PUBLIC VERSION"
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_the_title_is_what_the_first_page_prints(corpus: Path, name: str) -> None:
    cap, _, _ = _read(str(corpus / name))
    assert cap.title == TITLES[name]
