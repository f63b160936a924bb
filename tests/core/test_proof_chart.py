"""The proof chart on a real complaint (the Bryant FAC's two negligence counts, an exhibit
from the corpus): chart rows, then each export format read back (csv, openpyxl, python-docx,
PyMuPDF text) with the same rows, pin cites and gap flags."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from reviewer.core.claims import counts, tagging
from reviewer.core.claims import elements as claims
from reviewer.core.errors import ReviewerError
from reviewer.core.exports import write
from reviewer.core.exports.proof_chart import (
    ChartSummary,
    chart_rows,
    conclusory_report,
    element_status,
    proof_chart_report,
)
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import pdf_text

FAC = "cacd-798862-redline-first-amended-complaint.pdf"
EXHIBIT = "ared-118974-exhibit-emails-scanned.pdf"
# What the test tags: element -> [(¶ number or exhibit pages, assessment)]
PLAN = {
    "duty": [("89", "factual")],
    "breach": [("90", "factual"), ("91", "conclusory"), ((2, 3), "factual")],
    "harm": [],
    "causation": [("92", "conclusory")],
}
STATUS = {"duty": "supported", "breach": "supported", "harm": "gap", "causation": "conclusory-only"}


@pytest.fixture(scope="module")
def charted(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    m = Matter.create(tmp_path_factory.mktemp("chart") / "Bryant.matter", "Bryant v. County")
    for name, kind in ((FAC, "complaint"), (EXHIBIT, "exhibit")):
        for _ in import_files(m, [corpus / name], kind=kind):
            pass
    fac, ex = find_document(m, FAC), find_document(m, EXHIBIT)
    found = counts.list_counts(m, fac)
    negligence = [c for c in found if c.suggested and c.suggested[0].claim == "negligence"]
    assert [c.number for c in negligence] == [2, 3]
    for c in negligence:  # confirm the suggestions, as the user would
        counts.map_count(m, fac.id, str(c.number), c.suggested[0].claim)
    cites: dict[str, list[str]] = {}
    for element, tags in PLAN.items():
        for target, assessment in tags:
            if isinstance(target, tuple):
                tagging.tag_pages(m, ex.id, *target, f"negligence.{element}", assessment)
                cite = tagging.list_tags(m, doc_id=ex.id)[-1].cite
            else:
                p = find_paragraph(m, fac, target)
                tagging.tag(m, [p.id], f"negligence.{element}", assessment, note=f"n{target}")
                cite = p.cite
            cites.setdefault(element, []).append(cite)
    out = tmp_path_factory.mktemp("exports")
    reports = [proof_chart_report(m), conclusory_report(m)]
    paths = {
        fmt: write(reports, fmt, out / f"chart.{fmt}") for fmt in ("csv", "xlsx", "docx", "pdf")
    }
    yield {"matter": m, "counts": [c.heading for c in negligence], "cites": cites, "paths": paths}
    m.close()


def _expected(charted: dict) -> list[tuple[str, str, str, str]]:
    """(count, element id, status, cite) rows the chart must have, from the tagging plan."""
    rows = []
    for count in charted["counts"]:
        for element in PLAN:
            status = STATUS[element]
            if status == "gap":
                rows.append((count, f"negligence.{element}", "gap", ""))
            rows += [
                (count, f"negligence.{element}", status, c)
                for c in charted["cites"].get(element, [])
            ]
    return rows


def test_chart_rows(charted: dict) -> None:
    rows = chart_rows(charted["matter"])
    assert [(r.count, r.element_id, r.status, r.cite) for r in rows] == _expected(charted)
    pins = [r.cite for r in rows if r.para_id]
    assert all(re.fullmatch(r"Compl\. ¶ (89|9[0-2]) \(Dkt\. 49-4 at \d+\)", c) for c in pins)
    exhibit = [r for r in rows if r.cite and r.para_id is None]
    assert len(exhibit) == 2  # under both counts
    assert "at 2–3" in exhibit[0].cite
    assert {r.element_id for r in rows if r.gap} == {"negligence.harm", "negligence.causation"}


def test_csv_round_trip(charted: dict) -> None:
    with charted["paths"]["csv"].open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[:8] == ["count", "claim", "element", "status", "cite", "assessment",
                                 "note", "text"]  # fmt: skip
    assert [(r["count"], r["element_id"], r["status"], r["cite"]) for r in rows] == _expected(
        charted
    )
    gap = next(r for r in rows if r["status"] == "gap")
    assert (gap["cite"], gap["assessment"], gap["text"], gap["gap"]) == ("", "", "", "yes")
    duty = next(r for r in rows if r["element_id"] == "negligence.duty")
    assert (duty["assessment"], duty["note"], duty["gap"]) == ("factual", "n89", "")
    assert "duty" in duty["text"]


def test_xlsx_round_trip(charted: dict) -> None:
    wb = openpyxl.load_workbook(charted["paths"]["xlsx"])
    assert wb.sheetnames == ["Proof chart", "Conclusory allegations"]
    ws = wb["Proof chart"]
    values = [[c or "" for c in row] for row in ws.iter_rows(values_only=True)]
    assert values[0][0] == "Bryant v. County"
    assert any("2:20-cv-09582" in str(v[0]) for v in values[:5])  # the caption's case number
    header = next(
        i for i, v in enumerate(values) if v[:4] == ["Count", "Claim", "Element", "Status"]
    )
    body = [v for v in values[header + 1 :] if v[3]]
    assert [(v[0], v[8], v[3], v[4]) for v in body] == _expected(charted)
    conclusory = [r for r in wb["Conclusory allegations"].iter_rows(values_only=True) if r[3]]
    assert [(r[8], r[4]) for r in conclusory[1:]] == [
        ("negligence.causation", charted["cites"]["causation"][0])
    ] * 2


def test_docx_round_trip(charted: dict) -> None:
    d = docx.Document(str(charted["paths"]["docx"]))
    text = [p.text for p in d.paragraphs]
    assert text[0] == "Bryant v. County"
    headings = [t for t in text if t.endswith("— Negligence")]
    assert headings[:2] == [f"{c} — Negligence" for c in charted["counts"]]
    chart_tables = d.tables[:2]  # one per count; then the conclusory report's
    for table in chart_tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        assert cells[0][:3] == ["Element", "Status", "Cite"]
        got = [(r[1], r[2]) for r in cells[1:]]
        want = [(s, c) for _, _, s, c in _expected(charted)[: len(got)]]
        assert got == want
        assert cells[1][-1] == ""  # duty: supported, no gap flag
        assert cells[5][:3] == ["Harm", "gap", ""]


def test_pdf_round_trip(charted: dict) -> None:
    pages = pdf_text(charted["paths"]["pdf"])
    text = " ".join(" ".join(pages).split())
    assert text.startswith("Bryant v. County")
    for _, _, _, cite in _expected(charted):
        if cite:
            assert re.sub(r"\s", "", cite) in re.sub(r"\s", "", text)  # cells wrap lines
    assert text.count("Harm gap") >= 2  # the gap row under each count
    assert "Conclusory allegations" in text
    assert f"page 1 of {len(pages)}" in text


def test_status_rules() -> None:
    from reviewer.core.records import Tag

    def t(a: str) -> Tag:
        return Tag(1, 1, "x.y", 1, 1, None, None, a, "", "me", "now", "cite")

    assert element_status([]) == "gap"
    assert element_status([t("contradicted")]) == "gap"
    assert element_status([t("information-and-belief"), t("contradicted")]) == "conclusory-only"
    assert element_status([t("conclusory"), t("factual")]) == "supported"


def test_unmapped_claims_and_export_errors(matter: Matter, tmp_path: Path) -> None:
    claims.add_from_template(matter, "ucl-17200")
    rows = chart_rows(matter)
    assert [(r.count, r.status) for r in rows] == [("", "gap")] * 4
    with pytest.raises(ReviewerError, match="no such folder"):
        write([proof_chart_report(matter)], "csv", tmp_path / "missing" / "x.csv")
    with pytest.raises(ReviewerError, match="must be one of"):
        write([proof_chart_report(matter)], "rtf", tmp_path / "x.rtf")
    assert list(tmp_path.iterdir()) == [tmp_path / "Test.matter"]  # nothing half-written


def test_summary_counts_each_element_once(charted: dict) -> None:
    """Two counts plead negligence: its 4 elements are 4, its 2 gaps 2 — on screen (the
    panel uses ChartSummary) and in the export's note alike."""
    rows = chart_rows(charted["matter"])
    summary = ChartSummary.of(rows)
    assert (summary.elements, summary.gaps) == (4, 2)
    assert (
        "2 element(s) without factual support." in proof_chart_report(charted["matter"], rows).notes
    )


def test_counts_of_different_complaints_are_told_apart(corpus: Path, tmp_path: Path) -> None:
    m = Matter.create(tmp_path / "Two.matter", "Two complaints")
    for name in ("cod-berkshire-v-schubert-complaint.pdf", "insd-teamsters-funds-complaint.pdf"):
        for _ in import_files(m, [corpus / name], kind="complaint"):
            pass
    claims.add_from_template(m, "negligence")
    for doc in (find_document(m, "cod-berkshire"), find_document(m, "insd-teamsters")):
        counts.map_count(m, doc.id, "1", "negligence")
    labels = sorted({r.count for r in chart_rows(m)})
    assert len(labels) == 2
    assert all(label.startswith("Compl. (") for label in labels)
    assert labels[0].split(" — ")[0] != labels[1].split(" — ")[0]
    m.close()
