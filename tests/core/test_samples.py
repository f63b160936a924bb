"""Generated sample filings: they open, their ground truth is really in them, the pleading paper
reads like pleading paper to the extractor, and the broken files are broken the right way."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.core.errors import BadFileError
from reviewer.core.pdf import Line, PageText, PdfWriter, read_pdf
from reviewer.samples import (
    SampleFile,
    TruthParagraph,
    write_bad_files,
    write_demo_filings,
    write_synthetic_complaint,
)

STAMP = re.compile(
    r"^Case \d:\d\d-cv-\d{5}-[A-Z]+ +Document ([\d-]+) +Filed \d\d/\d\d/\d\d +Page (\d+) of (\d+)$"
)
# A footnote reference is a superscript number glued to the word before it ("Platform.1").
_NOTE_REF = re.compile(r"(?<=[.,;:\u201d\u2019)])\d{1,2}(?=\s|$)")


def _norm(s: str) -> str:
    s = re.sub(r"[\u00ad\u2010\u2011]", "-", s)
    return " ".join(_NOTE_REF.sub("", s).split())


def _is_line_number(line: Line) -> bool:
    return line.text.strip().isdigit() and line.x1 < 72


def _body(page: PageText, min_size: float = 11) -> list[Line]:
    """Lines of the filing itself: no margin numbers, ECF stamp, footer, Bates or footnotes
    (pleadings' footnotes are 10 pt, their body 12 pt)."""
    return [
        ln
        for ln in page.lines
        if not _is_line_number(ln) and 50 < ln.y1 < 745 and ln.size > min_size
    ]


def _text(path: Path, min_size: float = 11, footnotes: bool = False) -> str:
    pages = read_pdf(path).pages
    if footnotes:
        lines = [ln for p in pages for ln in p.lines if ln.size <= 10.5 and 50 < ln.y1 < 745]
    else:
        lines = [ln for p in pages for ln in _body(p, min_size)]
    return _norm(" ".join(ln.text for ln in lines))


def _assert_truth_in_pdf(sample: SampleFile) -> None:
    body = _text(sample.path, min_size=0 if sample.kind == "exhibit" else 11)
    notes = _text(sample.path, footnotes=True)
    assert sample.paragraphs
    for para in sample.paragraphs:
        haystack = notes if para.kind == "footnote" else body
        assert _norm(para.text) in haystack, f"{para.kind} {para.number}: {para.text[:60]}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SampleFile]:
    files = write_demo_filings(tmp_path_factory.mktemp("demo"))
    return {f.kind: f for f in files}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> SampleFile:
    return write_synthetic_complaint(tmp_path_factory.mktemp("syn") / "c.pdf", 400, seed=3)


def _numbered(sample: SampleFile, kind: str = "numbered") -> list[TruthParagraph]:
    return [p for p in sample.paragraphs if p.kind == kind]


def test_demo_files_open_with_expected_shapes(demo: dict[str, SampleFile]) -> None:
    assert set(demo) == {"complaint", "answer", "exhibit"}
    for sample in demo.values():
        assert read_pdf(sample.path).page_count == sample.pages
    assert 9 <= demo["complaint"].pages <= 13
    assert 3 <= demo["answer"].pages <= 6
    assert 2 <= demo["exhibit"].pages <= 3
    assert 55 <= len(_numbered(demo["complaint"])) <= 65


@pytest.mark.parametrize("kind", ["complaint", "answer", "exhibit"])
def test_demo_truth_is_in_the_extracted_text(demo: dict[str, SampleFile], kind: str) -> None:
    _assert_truth_in_pdf(demo[kind])


def test_every_page_has_one_ecf_stamp(demo: dict[str, SampleFile]) -> None:
    dockets = {"complaint": "1", "answer": "18", "exhibit": "1-2"}
    for kind, sample in demo.items():
        pages = read_pdf(sample.path).pages
        for page in pages:
            stamps = [m for ln in page.lines if (m := STAMP.match(ln.text.strip()))]
            assert len(stamps) == 1, (kind, page.index)
            docket, n, total = stamps[0].groups()
            assert (docket, int(n), int(total)) == (dockets[kind], page.index + 1, len(pages))


@pytest.mark.parametrize("kind", ["complaint", "answer"])
def test_pleading_pages_have_line_numbers_aligned_with_text(
    demo: dict[str, SampleFile], kind: str
) -> None:
    for page in read_pdf(demo[kind].path).pages:
        numbers = [ln for ln in page.lines if _is_line_number(ln)]
        assert [int(ln.text) for ln in numbers] == list(range(1, 29)), page.index
        grid = {round(ln.y1, 1) for ln in numbers}
        labels = [ln for ln in page.lines if re.match(r"\d+\.", ln.text) and ln.x0 > 100]
        for label in labels:  # each paragraph number sits on a numbered line
            assert round(label.y1, 1) in grid, (page.index, label.text)
            assert abs(label.x0 - 126) < 1


def test_no_pleading_paper_on_the_exhibit(demo: dict[str, SampleFile]) -> None:
    lines = [ln for p in read_pdf(demo["exhibit"].path).pages for ln in p.lines]
    assert not [ln for ln in lines if _is_line_number(ln)]
    assert [ln.text.strip() for ln in lines if ln.text.startswith("STREAMLINE-")] == [
        "STREAMLINE-000123",
        "STREAMLINE-000124",
    ]


def test_complaint_structure(demo: dict[str, SampleFile]) -> None:
    complaint = demo["complaint"]
    numbers = [int(p.number or 0) for p in _numbered(complaint)]
    assert numbers == list(range(1, len(numbers) + 1))
    assert [p.number for p in _numbered(complaint, "prayer")] == ["1", "2", "3", "4", "5", "6"]
    assert [p.number for p in _numbered(complaint, "footnote")] == ["1", "2"]
    counts = list(dict.fromkeys(p.count for p in complaint.paragraphs if p.count))
    assert counts == ["COUNT I", "COUNT II", "COUNT III"]
    first = _numbered(complaint)[0]
    assert (first.section, first.count) == ("INTRODUCTION", None)
    assert all(p.count is None for p in _numbered(complaint, "prayer"))
    tos = next(p for p in _numbered(complaint) if "Section 4.2 of the Terms" in p.text)
    assert "\u201cYou may not use the Services" in tos.text  # the block quote is in the paragraph
    assert tos.section == "B. Streamline\u2019s Promises About Child Safety"


def test_answer_responds_to_every_complaint_paragraph(demo: dict[str, SampleFile]) -> None:
    last = len(_numbered(demo["complaint"]))
    covered: list[int] = []
    for p in _numbered(demo["answer"]):
        if m := re.match(r"Answering Paragraphs? (\d+)(?: (?:through|and) (\d+))?", p.text):
            lo, hi = int(m[1]), int(m[2] or m[1])
            covered += range(lo, hi + 1)
    assert covered == list(range(1, last + 1))


def test_a_paragraph_flows_across_a_page_break(demo: dict[str, SampleFile]) -> None:
    sample = demo["complaint"]
    pages = read_pdf(sample.path).pages
    crossing = [p for p in _numbered(sample) if p.page_end == p.page_start + 1]
    assert crossing
    for para in crossing:
        words = para.text.split()
        start = _norm(" ".join(ln.text for ln in _body(pages[para.page_start - 1])))
        end = _norm(" ".join(ln.text for ln in _body(pages[para.page_end - 1])))
        assert _norm(" ".join(words[:4])) in start
        assert _norm(" ".join(words[-3:])) in end
        assert _norm(para.text) not in start


def test_synthetic_complaint_truth(synthetic: SampleFile) -> None:
    assert [p.number for p in _numbered(synthetic)] == [str(n) for n in range(1, 401)]
    assert _numbered(synthetic, "footnote")
    assert any(p.count for p in _numbered(synthetic))
    assert any(p.page_end > p.page_start for p in _numbered(synthetic))
    assert synthetic.pages > 30
    _assert_truth_in_pdf(synthetic)


def test_synthetic_complaint_is_deterministic(tmp_path: Path, synthetic: SampleFile) -> None:
    again = write_synthetic_complaint(tmp_path / "again.pdf", 400, seed=3)
    other = write_synthetic_complaint(tmp_path / "other.pdf", 400, seed=4)
    assert again.paragraphs == synthetic.paragraphs
    assert _text(again.path) == _text(synthetic.path)
    assert other.paragraphs != synthetic.paragraphs


@pytest.mark.parametrize("paragraphs", [0, 1, 5])
def test_tiny_synthetic_complaints(tmp_path: Path, paragraphs: int) -> None:
    sample = write_synthetic_complaint(tmp_path / "tiny.pdf", paragraphs, seed=paragraphs)
    assert len(_numbered(sample)) == paragraphs
    _assert_truth_in_pdf(sample)


@pytest.fixture(scope="module")
def bad(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_bad_files(tmp_path_factory.mktemp("bad"))


@pytest.mark.parametrize("name", ["not_pdf", "empty", "truncated", "encrypted", "zero_pages"])
def test_bad_files_are_refused(bad: dict[str, Path], name: str) -> None:
    with pytest.raises(BadFileError) as info:
        read_pdf(bad[name])
    assert info.value.path == bad[name]


def test_image_only_file_has_no_text_layer(bad: dict[str, Path]) -> None:
    pdf = read_pdf(bad["image_only"])
    assert pdf.page_count == 1
    assert pdf.pages[0].lines == ()


def test_garbage_text_file_opens_but_reads_as_junk(bad: dict[str, Path]) -> None:
    text = "".join(ln.text for p in read_pdf(bad["garbage_text"]).pages for ln in p.lines)
    assert len(text) > 500
    assert sum(c.isascii() and c.isalpha() for c in text) < len(text) / 20


def test_writer_measures_what_it_writes(tmp_path: Path) -> None:
    w = PdfWriter()
    w.new_page()
    s = "Section 4.2 \u2014 \u201cquoted\u201d \u00a7 1595"
    w.text(100, 200, s, 12, bold=True)
    expected = w.text_width(s, 12, bold=True)
    w.set_metadata({"title": "Probe"})
    w.save(tmp_path / "probe.pdf")
    pdf = read_pdf(tmp_path / "probe.pdf")
    (line,) = pdf.pages[0].lines
    assert line.text.strip() == s
    assert line.bold
    assert line.x1 - line.x0 == pytest.approx(expected, abs=0.5)
    assert pdf.metadata["title"] == "Probe"
