"""Exhibits: labels and citations parsed, exhibits found on import (generated filings and
real ones of the corpus, against truth written by reading them), citations linked, exhibits
declared of a filing, numbers never reused, the AO 187 list and the binder read back."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from reviewer.core import exhibits
from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits import numbering
from reviewer.core.exhibits.binder import write_binder
from reviewer.core.exhibits.exhibit_list import AO187, exhibit_list_report
from reviewer.core.exhibits.labels import citations, cover_label, stamp_label
from reviewer.core.exports import write
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import goto_links, outline
from tests.core.exhibit_fixtures import (
    complaint_with_exhibits,
    complaint_with_scanned_cover,
    separate_exhibit,
)


def _import(m: Matter, *paths: Path, kind: str | None = None) -> None:
    for p in import_files(m, list(paths), kind=kind, workers=1):
        assert p.result is not None
        assert p.result.status == "imported", p.result


def _by_label(m: Matter, doc: str | None = None) -> dict[str, dict[str, Any]]:
    return {e["label"]: e for e in exhibits.list_exhibits(m, doc)}


def _citing(e: dict[str, Any]) -> set[tuple[str, str | None]]:
    return {(c["kind"], c["number"]) for c in e["cited_by"]}


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("attached hereto as Exhibit A.", ["EX:A"]),
        ("See Ex. 3 at 4.", ["EX:3"]),
        ("Exs. 1–4", ["EX:1", "EX:2", "EX:3", "EX:4"]),
        ("Exs. 11-12", ["EX:11", "EX:12"]),
        ("Exs. A-C; Exhibit A-1", ["EX:A", "EX:B", "EX:C", "EX:A-1"]),
        ("Exhibits A and B", ["EX:A", "EX:B"]),
        ("Exhibits A through C", ["EX:A", "EX:B", "EX:C"]),
        ("Exhibit B, ¶ 7", ["EX:B"]),
        ("(Exh. 6 at page 105; Exh. 07)", ["EX:6", "EX:7"]),
        ("attached as Attachment A; Tab 4", ["ATT:A", "TAB:4"]),
        ("(ECF No. 22-2); PX-12", ["ECF:22-2", "PX:12"]),
        ("EXHIBITS TO THE DECLARATION; EXHIBIT LIST; exhibited; ex parte", []),
        ("See Exhibit V.D.1 and Exhibits IV.B.3", []),  # a report's own tables
        ("Ashley Decl. Ex. 22, ECF 405-34, 406-26", ["EX:22"]),
    ],
)
def test_citations_are_parsed(text: str, keys: list[str]) -> None:
    assert [c.key for c in citations(text)] == keys


def test_pin_cites_are_kept() -> None:
    assert [c.text for c in citations("See Ex. 3 at 4; Exhibit B, ¶ 7.")] == [
        "Ex. 3 at 4",
        "Exhibit B, ¶ 7",
    ]


def test_cover_and_stamp_labels() -> None:
    assert cover_label("EXHIBIT A") == ("EX:A", "EXHIBIT A")
    assert cover_label("Group Exhibit A")[0] == "EX:A"  # type: ignore[index]
    assert cover_label("Ex. 012")[0] == "EX:12"  # type: ignore[index]
    assert cover_label("TAB F")[0] == "TAB:F"  # type: ignore[index]
    assert cover_label("Exhibit A to the Declaration of J. Smith") is None
    assert cover_label("EXHIBITED") is None
    assert stamp_label("Exh. B - 3") == ("EX:B", 3)
    assert stamp_label("PX-012 — page 3 of 9") == ("PX:12", 3)
    assert stamp_label("EXHIBIT 12") == ("EX:12", None)
    assert stamp_label("Case 4:21-cv-00518 Document 12-2 Filed 08/18/21 Page 3 of 21") is None


@pytest.fixture
def complaint(matter: Matter, tmp_path: Path) -> Matter:
    _import(matter, complaint_with_exhibits(tmp_path / "acme-complaint.pdf"), kind="complaint")
    return matter


def test_generated_complaint_exhibits_pages_and_citations(complaint: Matter) -> None:
    found = _by_label(complaint)
    assert set(found) == {"Exhibit A", "Exhibit B", "Exhibit C", "Exhibit D"}
    pages = {k: (e["first_page"], e["last_page"], e["attached"]) for k, e in found.items()}
    assert pages == {
        "Exhibit A": (3, 5, True),
        "Exhibit C": (6, 7, True),
        "Exhibit D": (8, 9, True),
        "Exhibit B": (None, None, False),  # cited in ¶ 5, not attached
    }
    assert _citing(found["Exhibit A"]) == {("numbered", "3"), ("numbered", "5"), ("numbered", "7")}
    assert _citing(found["Exhibit B"]) == {("numbered", "5")}
    assert _citing(found["Exhibit C"]) == {("numbered", "7"), ("footnote", "1")}
    assert found["Exhibit D"]["cited_by"] == []  # attached, never cited
    pin = {c["text"] for c in found["Exhibit B"]["cited_by"]}
    assert pin == {"Exhibit B, ¶ 7"}
    cite = found["Exhibit A"]["cited_by"][0]
    assert set(cite) >= {"seq", "number", "kind", "cite"}
    assert cite["cite"].endswith("¶ 3")


def test_separate_exhibit_declared_of_the_filing(complaint: Matter, tmp_path: Path) -> None:
    _import(complaint, separate_exhibit(tmp_path / "ex-b.pdf"), kind="exhibit")
    row_id, _ = exhibits.add_exhibit(complaint, "ex-b.pdf", "Exhibit B", of="acme-complaint")
    found = _by_label(complaint, "acme-complaint")
    b = found["Exhibit B"]
    assert b["exhibit_id"] == row_id
    assert b["attached"]
    assert b["file_name"] == "ex-b.pdf"
    assert (b["first_page"], b["last_page"]) == (1, 2)
    assert _citing(b) == {("numbered", "5")}
    assert sum(e["label"] == "Exhibit B" for e in exhibits.list_exhibits(complaint)) == 1


def test_bad_page_range_is_refused_and_nothing_added(complaint: Matter) -> None:
    before = exhibits.list_exhibits(complaint)
    with pytest.raises(ReviewerError, match="pages 1-9"):
        exhibits.add_exhibit(complaint, "acme-complaint", "Exhibit Z", pages="8-12")
    assert exhibits.list_exhibits(complaint) == before


def test_numbers_survive_a_rescan_and_are_never_reused(complaint: Matter) -> None:
    a = _by_label(complaint)["Exhibit A"]
    label, _ = numbering.assign(complaint, str(a["exhibit_id"]), "PX")
    assert label == "PX-001"
    for _ in exhibits.rescan(complaint):
        pass
    again = _by_label(complaint)["Exhibit A"]
    assert again["exhibit_id"] == a["exhibit_id"]
    assert again["numbers"] == ["PX-001"]
    numbering.withdraw(complaint, "PX-001")
    label, _ = numbering.assign(complaint, str(a["exhibit_id"]), "PX")
    assert label == "PX-002"
    with pytest.raises(ReviewerError, match="never reused"):
        numbering.assign(complaint, str(_by_label(complaint)["Exhibit C"]["exhibit_id"]), "PX", 1)
    labels, _ = numbering.assign_all(complaint, "LTR")
    assert labels == ["A", "B", "C"]  # attached exhibits only
    numbering.assign(complaint, "PX-002", "DEP", number=14)
    walk = numbering.crosswalk(complaint)
    assert walk == [{"exhibit_id": a["exhibit_id"], "label": "Exhibit A",
                     "file_name": "acme-complaint.pdf", "deposition": "Dep. Ex. 14",
                     "trial": "A, PX-002"}]  # fmt: skip


def test_exhibit_list_csv_has_the_ao187_columns(complaint: Matter, tmp_path: Path) -> None:
    numbering.assign_all(complaint, "PX")
    numbering.assign(complaint, "PX-003", "DX")
    exhibits.update_exhibit(complaint, "PX-001", offered="2024-05-01", description="=cmd|x")
    out = write([exhibit_list_report(complaint)], "csv", tmp_path / "list.csv")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0][:6] == [k for k, _ in AO187]
    assert rows[0][:6] == ["Plf. No.", "Def. No.", "Date Offered", "Marked", "Admitted",
                           "Description of Exhibits"]  # fmt: skip
    assert [r[:2] for r in rows[1:]] == [["PX-001", ""], ["PX-002", ""], ["PX-003", "DX-001"]]
    assert rows[1][2] == "2024-05-01"
    assert rows[1][5].startswith("Exhibit A — =cmd|x (acme-complaint.pdf pp. 3-5)")
    for fmt in ("xlsx", "docx", "pdf"):
        report = exhibit_list_report(complaint, compact=fmt in ("docx", "pdf"))
        assert write([report], fmt, tmp_path / f"list.{fmt}").stat().st_size > 1000


def test_binder_has_a_bookmark_and_an_index_link_per_exhibit(
    complaint: Matter, tmp_path: Path
) -> None:
    numbering.assign_all(complaint, "PX")
    count, pages = write_binder(complaint, tmp_path / "binder.pdf")
    assert (count, pages) == (3, 1 + 3 + 3 + 2 + 2)  # index, slip + pages per exhibit
    marks = outline(tmp_path / "binder.pdf")
    assert [(lvl, t.split(" — ")[0], p) for lvl, t, p in marks] == [
        (1, "Index of exhibits", 1), (1, "PX-001", 2), (1, "PX-002", 6), (1, "PX-003", 9)
    ]  # fmt: skip
    assert goto_links(tmp_path / "binder.pdf", 1) == [2, 6, 9]
    with pymupdf.open(tmp_path / "binder.pdf") as doc:
        assert "PX-002" in doc[5].get_text()  # the slip sheet
        first = doc[6].get_text()
        assert "PX-002 — page 1 of 2" in first
        assert "PLAINTIFF'S" in first
        assert "PX-002 — page 2 of 2" in doc[7].get_text()
        assert doc[6].rect.height == 792 + 24  # the footer has a strip of its own


def test_binder_restamps_after_renumbering(complaint: Matter, tmp_path: Path) -> None:
    numbering.assign_all(complaint, "PX")
    numbering.withdraw(complaint, "PX-001")
    a = _by_label(complaint)["Exhibit A"]["exhibit_id"]
    numbering.assign(complaint, str(a), "DX")
    write_binder(complaint, tmp_path / "b.pdf")
    with pymupdf.open(tmp_path / "b.pdf") as doc:
        text = "".join(p.get_text() for p in doc)
    assert "PX-001" not in text
    assert "DX-001 — page 1 of 3" in text


def test_binder_write_failure_leaves_no_file(complaint: Matter, tmp_path: Path) -> None:
    with pytest.raises(ReviewerError, match="no such folder"):
        write_binder(complaint, tmp_path / "missing" / "b.pdf")
    assert not (tmp_path / "missing").exists()


# Truth written by reading the corpus filings (page ranges are PDF pages, 1-based).
CORPUS_TRUTH: dict[str, set[tuple[str, int | None, int | None]]] = {
    # A motion with its proposed order attached as Exhibit A (the order's own Exhibit 1,
    # the vendor agreement, inside it) and Exhibit B (the vendor list, under seal).
    "dev2-canb.580912.33.0.pdf": {
        ("Exhibit A", 16, 28),
        ("Exhibit 1", 23, 28),
        ("Exhibit B", 29, 30),
    },
    # ECF 75-1: "Group Exhibit A" cover, a declaration, its Exhibit 1 (invoices) from p. 5.
    "dev2-cand.348075.75.1.pdf": {("Group Exhibit A", 1, 32), ("Exhibit 1", 5, 32)},
    # ECF 155-6: a "TAB F" slip sheet before a declaration.
    "dev2-cand.325983.155.6.pdf": {("Tab F", 1, 6)},
    # ECF 12-2 stamped "Exh. B - n" on every page; the declaration's Attachments A and B.
    "ared-declaration-ocr-scan.pdf": {
        ("Exhibit B", 1, 21),
        ("Attachment A", 3, 17),
        ("Attachment B", 18, 21),
    },
    # ECF 16-6: a declaration citing Exhibits A-I filed as separate attachments.
    "dev2-cand.330704.16.6_1.pdf": {("Dkt. 16-6", 1, 4)}
    | {(f"Exhibit {c}", None, None) for c in "ABCDEFGHI"},
    # Two docket entries in one PDF: the ECF header turns from Doc 12 to Doc 12-1 on p. 10.
    "cand-nibi-ex-parte-application.pdf": {("Dkt. 12-1", 10, 13)},
    # Bankruptcy declaration citing an Exhibit A of another declaration.
    "dev2-canb.582112.201.0.pdf": {("Exhibit A", None, None)},
}


@pytest.fixture(scope="module")
def corpus_matter(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ex") / "Ex.matter"
    with Matter.create(path) as m:
        for p in import_files(m, [corpus / f for f in CORPUS_TRUTH], workers=1):
            assert p.result is not None
            assert p.result.status == "imported"
    return path


@pytest.mark.parametrize("name", list(CORPUS_TRUTH))
def test_corpus_exhibits_match_truth(corpus_matter: Path, name: str) -> None:
    with Matter.open(corpus_matter, readonly=True) as m:
        got = {(e["label"], e["first_page"] if e["attached"] else None,
                e["last_page"] if e["attached"] else None)
               for e in exhibits.list_exhibits(m, name) if e["file_name"] == name}  # fmt: skip
    assert got == CORPUS_TRUTH[name]


def test_corpus_citations_link_to_attached_exhibits(corpus_matter: Path) -> None:
    with Matter.open(corpus_matter, readonly=True) as m:
        found = _by_label(m, "dev2-canb.580912.33.0.pdf")
    # "attached hereto as Exhibit A" on p. 2; Exhibit B in footnote 3; the order's ¶¶ 4-5
    # approve "the Vendor Agreement attached hereto as Exhibit 1".
    assert any(c["page"] == 2 for c in found["Exhibit A"]["cited_by"])
    assert ("footnote", "3") in _citing(found["Exhibit B"])
    assert {("numbered", "4"), ("numbered", "5")} <= _citing(found["Exhibit 1"])


def test_a_scanned_slip_sheet_is_found_after_ocr(matter: Matter, tmp_path: Path) -> None:
    from reviewer.core.ingest.ocr import tesseract
    from reviewer.core.ingest.ocr_run import ocr_documents

    if tesseract() is None:
        pytest.skip("Tesseract is not installed")
    pdf = complaint_with_scanned_cover(tmp_path / "scanned-cover.pdf")
    _import(matter, pdf, kind="complaint")
    assert _by_label(matter)["Exhibit A"]["attached"] is False  # the cover is an image
    for _ in ocr_documents(matter, workers=1):
        pass
    a = _by_label(matter)["Exhibit A"]
    assert (a["attached"], a["first_page"], a["last_page"]) == (True, 3, 4)
    assert ("numbered", "3") in _citing(a)


def test_undoing_a_declared_exhibit_lists_it_as_not_attached_again(
    complaint: Matter, tmp_path: Path
) -> None:
    from reviewer.core.matter.audit import redo, undo

    _import(complaint, separate_exhibit(tmp_path / "ex-b.pdf"), kind="exhibit")
    exhibits.add_exhibit(complaint, "ex-b.pdf", "Exhibit B", of="acme-complaint")
    undo(complaint)
    b = _by_label(complaint, "acme-complaint")["Exhibit B"]
    assert (b["attached"], _citing(b)) == (False, {("numbered", "5")})
    redo(complaint)
    b = _by_label(complaint, "acme-complaint")["Exhibit B"]
    assert (b["attached"], b["file_name"], _citing(b)) == (True, "ex-b.pdf", {("numbered", "5")})


def test_a_rescan_keeps_what_the_user_edited(complaint: Matter) -> None:
    c = _by_label(complaint)["Exhibit C"]
    exhibits.update_exhibit(complaint, str(c["exhibit_id"]), description="June invoice",
                            marked="2024-05-01")  # fmt: skip
    for _ in exhibits.rescan(complaint):
        pass
    again = _by_label(complaint)["Exhibit C"]
    assert again["exhibit_id"] == c["exhibit_id"]
    assert (again["description"], again["marked"]) == ("June invoice", "2024-05-01")


def test_deleting_a_filing_is_undone_with_its_exhibits_and_numbers(complaint: Matter) -> None:
    from reviewer.core.matter.audit import undo
    from reviewer.core.matter.delete import delete_documents
    from reviewer.core.matter.documents import find_document

    numbering.assign(complaint, str(_by_label(complaint)["Exhibit A"]["exhibit_id"]), "PX")
    before = exhibits.list_exhibits(complaint)
    delete_documents(complaint, [find_document(complaint, "acme-complaint")])
    assert exhibits.list_exhibits(complaint) == []
    undo(complaint)
    assert exhibits.list_exhibits(complaint) == before
    assert _by_label(complaint)["Exhibit A"]["numbers"] == ["PX-001"]
