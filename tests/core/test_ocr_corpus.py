"""Acceptance on the corpus: scanned and garbled filings become searchable by OCR, each word
found on the page where it is printed (read off the rendered pages), and the complaints'
numbered paragraphs come out in sequence. The four files are OCR'd once for the module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.ingest.ocr_run import import_and_ocr
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex

CRIMINAL = "nynd-criminal-complaint-scanned.pdf"
EMAILS = "ared-118974-exhibit-emails-scanned.pdf"
ORDER = "cacd-775858-civil-minutes-image-only.pdf"
GARBLED = "cand-nibi-v-doe-complaint.pdf"


@pytest.fixture(scope="module")
def ocr_matter(
    corpus: Path, tesseract: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Matter]:
    m = Matter.create(tmp_path_factory.mktemp("ocr") / "Ocr.matter")
    files = [corpus / f for f in (CRIMINAL, EMAILS, ORDER, GARBLED)]
    messages = [p.message for p in import_and_ocr(m, files)]
    assert sum(msg.startswith("OCR done") for msg in messages) == 4
    yield m
    m.close()


def _doc(m: Matter, name: str) -> int:
    return documents.find_document(m, name).id


def test_every_scanned_page_is_read_and_nothing_needs_ocr(ocr_matter: Matter) -> None:
    rows = ocr_matter.db.execute(
        "SELECT file_name, needs_ocr, page_count, "
        "(SELECT count(*) FROM pages p WHERE p.doc_id = d.id AND p.ocr AND p.quality = 'good') "
        "FROM documents d"
    ).fetchall()
    assert {r[0]: (r[1], r[3]) for r in rows} == {
        CRIMINAL: (0, 8),
        EMAILS: (0, 7),
        ORDER: (0, 2),
        GARBLED: (0, 14),
    }


@pytest.mark.parametrize(
    ("name", "query", "page"),
    [
        (CRIMINAL, "pillowcases", 6),
        (CRIMINAL, "Moira", 6),
        (EMAILS, "desegregation", 4),
        (ORDER, '"equity distribution"', 2),
        (ORDER, '"sixty-day waiting period"', 2),
        (GARBLED, "resubmit", 8),
        (GARBLED, "baseline", 8),
    ],
)
def test_words_printed_on_a_scanned_page_are_found_on_that_page(
    ocr_matter: Matter, name: str, query: str, page: int
) -> None:
    doc = _doc(ocr_matter, name)
    with SearchIndex.open(ocr_matter) as ix:
        hits = ix.search(query, doc=doc).hits
    assert any(h.page_start <= page <= h.page_end for h in hits), [h.cite for h in hits]


@pytest.mark.parametrize(
    ("name", "last", "on_page"),
    [
        (CRIMINAL, 25, {"18": 6, "19": 6, "20": 6, "21": 6}),
        (GARBLED, 75, {"33": 8, "34": 8, "35": 8, "36": 8, "37": 8}),
    ],
)
def test_numbered_paragraphs_come_out_in_sequence(
    ocr_matter: Matter, name: str, last: int, on_page: dict[str, int]
) -> None:
    paras = [p for p in documents.paragraphs(ocr_matter, _doc(ocr_matter, name))
             if p.kind == "numbered"]  # fmt: skip
    assert [p.number for p in paras] == [str(n) for n in range(1, last + 1)]
    starts = {p.number: p.page_start for p in paras if p.number in on_page}
    assert starts == on_page


def test_ocr_margin_line_numbers_do_not_reach_the_text(ocr_matter: Matter) -> None:
    paras = documents.paragraphs(ocr_matter, _doc(ocr_matter, GARBLED))
    by_number = {p.number: p.text for p in paras if p.kind == "numbered"}
    # ¶ 35 runs over margin lines 14-19 of page 8: none of them may appear inside it.
    assert "Nibi did not wish to send more funds" in by_number["35"]
    assert not any(f" {n} " in by_number["35"] for n in range(14, 20))
