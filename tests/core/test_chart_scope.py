"""The proof chart per complaint (issue 15) and exhibits under the elements they support
(issue 18): the demo matter (its complaint cites Exhibit B, filed as Dkt. 1-2) plus a
generated First Amended Complaint of another case, each with a count mapped to negligence."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reviewer.core.claims import counts, tagging
from reviewer.core.claims import elements as claims
from reviewer.core.errors import NotFoundError
from reviewer.core.exports import write
from reviewer.core.exports.chart_scope import complaints, find_complaint, scope_documents
from reviewer.core.exports.proof_chart import ChartSummary, chart_rows, proof_chart_report
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.samples.synthetic import write_synthetic_complaint


def add_amended_complaint(m: Matter, folder: Path) -> int:
    """Import a generated First Amended Complaint (Dkt. 37) of another case; its id."""
    path = folder / "fac.pdf"
    write_synthetic_complaint(path, 40, seed=3, title="FIRST AMENDED COMPLAINT", docket="37")
    for _ in import_files(m, [path]):
        pass
    return find_document(m, "fac.pdf").id


def _negligence_count(m: Matter, doc_id: int) -> str:
    found = [c for c in counts.list_counts(m, doc_id) if "Negligence" in c.heading]
    return str(found[0].number)


@pytest.fixture
def two(demo_matter: Matter, tmp_path: Path) -> Matter:
    m = demo_matter
    fac = add_amended_complaint(m, tmp_path)
    compl = find_document(m, "complaint.pdf").id
    claims.add_from_template(m, "negligence")
    for doc_id in (compl, fac):
        counts.map_count(m, doc_id, _negligence_count(m, doc_id), "negligence")
    return m


def test_complaints_are_named_by_short_cite(two: Matter) -> None:
    assert [c.label for c in complaints(two)] == ["Compl.", "First Am. Compl."]
    assert find_complaint(two, "first am").file_name == "fac.pdf"
    assert find_complaint(two, "complaint.pdf").label == "Compl."
    with pytest.raises(NotFoundError, match=r"'Compl\.', 'First Am\. Compl\.'"):
        find_complaint(two, "Answer")


def test_chart_of_one_complaint_counts_only_its_own_support(two: Matter) -> None:
    m = two
    compl, fac = (find_complaint(m, n).doc_id for n in ("Compl.", "First Am. Compl."))
    p45 = find_paragraph(m, find_document(m, compl), "45")
    f12 = find_paragraph(m, find_document(m, fac), "12")
    tagging.tag(m, [p45.id], "negligence.duty", "factual")
    tagging.tag(m, [f12.id], "negligence.breach", "factual")
    every = chart_rows(m)
    heads = sorted({r.count.split(" — ")[0] for r in every})
    assert len(heads) == 2, "counts of two complaints told apart"
    only = chart_rows(m, compl)
    assert {r.count for r in only} == {next(r.count for r in only)}, "one complaint's count"
    assert " — " not in only[0].count, "no complaint prefix when one complaint is charted"
    status = {r.element_id: r.status for r in only}
    assert status["negligence.duty"] == "supported"
    assert status["negligence.breach"] == "gap", "the FAC's ¶ 12 does not support Compl."
    assert {r.cite for r in only if r.cite} == {p45.cite}
    amended = {r.element_id: r.status for r in chart_rows(m, fac)}
    assert (amended["negligence.duty"], amended["negligence.breach"]) == ("gap", "supported")
    assert ChartSummary.of(only).gaps == 3
    assert ChartSummary.of(chart_rows(m, fac)).gaps == 3


def test_exhibits_show_under_the_elements_they_support(two: Matter, tmp_path: Path) -> None:
    m = two
    compl = find_complaint(m, "Compl.").doc_id
    exhibit = find_document(m, "complaint-exhibit-b.pdf")
    assert exhibit.id in scope_documents(m, compl), "Exhibit B is filed with the complaint"
    citing = find_paragraph(m, find_document(m, compl), "35")
    tagging.tag(m, [citing.id], "negligence.breach", "factual")
    tagging.tag_pages(m, exhibit.id, 1, 2, "negligence.breach", "factual")
    rows = [r for r in chart_rows(m, compl) if r.element_id == "negligence.breach"]
    by_cite = {r.cite: r for r in rows}
    para_row = by_cite[citing.cite]
    assert para_row.exhibits == "Exhibit B, pp. 1\u20133"
    assert [(x.doc_id, x.first_page) for x in para_row.exhibit_refs] == [(exhibit.id, 1)]
    page_rows = [r for r in rows if r.para_id is None]
    assert [r.doc_id for r in page_rows] == [exhibit.id], "exhibit pages tagged"
    out = write([proof_chart_report(m, chart_rows(m, compl), "Compl.")], "csv", tmp_path / "c.csv")
    with out.open(newline="", encoding="utf-8-sig") as fh:
        read = list(csv.DictReader(fh))
    assert any(r["exhibits"] == "Exhibit B, pp. 1\u20133" for r in read)


def test_cli_exports_one_complaint(two: Matter, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from reviewer.cli import main

    fac = find_complaint(two, "First Am. Compl.").doc_id
    expected = {r.count for r in chart_rows(two, fac)}
    path = str(two.path)
    two.close()  # the CLI opens the matter itself
    out = tmp_path / "fac.csv"
    run = CliRunner().invoke(
        main, ["export", "proof-chart", path, "-o", str(out), "--complaint", "First Am"]
    )
    assert run.exit_code == 0, run.output
    assert "elements, " in run.output
    with out.open(newline="", encoding="utf-8") as fh:
        assert {r["count"] for r in csv.DictReader(fh)} == expected
    bad = CliRunner().invoke(
        main, ["export", "conclusory", path, "-o", str(tmp_path / "x.csv"), "--complaint", "Ans"]
    )
    assert bad.exit_code != 0
    assert "no such complaint (the matter's complaints: 'Compl.', 'First Am. Compl.')" in (
        bad.output
    )
