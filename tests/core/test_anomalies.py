"""Where a document needs a look: the pure checks over stored paragraphs and pages, and
``reviewer check`` / ``docs --json`` over a matter of generated filings."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.ingest.anomalies import Anomaly, PageInfo, find_anomalies
from reviewer.core.records import Paragraph
from tests.core.filing_fixture import Filing, prose


def _p(seq: int, number: str | None, kind: str = "numbered", *, page: int = 1,
       list_no: int | None = 1, text: str = "Some text.", footnote_of: int | None = None
       ) -> Paragraph:  # fmt: skip
    if kind != "numbered":
        list_no = None
    return Paragraph(seq, 1, seq, number, kind, None, None, text, page, page, "",
                     [], list_no, footnote_of)  # fmt: skip


def _kinds(found: list[Anomaly]) -> list[tuple[str, int | None]]:
    return [(a.kind, a.seq) for a in found]


def test_numbering_gaps_duplicates_order_and_restarts() -> None:
    paras = [_p(1, "1"), _p(2, "2"), _p(3, "4"), _p(4, "4"), _p(5, "3"),
             _p(6, "1", list_no=2), _p(7, "2", list_no=2)]  # fmt: skip
    found = find_anomalies(paras, [PageInfo(1, "good", "text")])
    assert _kinds(found) == [("gap", 3), ("duplicate", 4), ("out_of_order", 5), ("restart", 6)]
    assert found[0].message == "¶ 3 not found: ¶ 2 then ¶ 4 (p. 1)."
    assert [a.severity for a in found] == ["warning", "warning", "warning", "info"]
    assert not found[-1].failing


def test_a_clean_document_has_no_anomaly() -> None:
    paras = [_p(1, None, "caption"), _p(2, "1"), _p(3, "2"), _p(4, "1", "footnote",
             footnote_of=3)]  # fmt: skip
    assert find_anomalies(paras, [PageInfo(1, "good", "text")]) == []


def test_furniture_empty_pages_and_unplaced_units() -> None:
    stamp = "Case 2:18-cv-07090-CAS-GJS Document 55 Filed 12/03/18 Page 9 of 12"
    paras = [_p(1, "1", text=f"The text {stamp} goes on."), _p(2, "2", text="See PageID #: 145."),
             _p(3, "1", "footnote")]  # fmt: skip
    pages = [PageInfo(1, "good", "x"), PageInfo(2, "empty", ""), PageInfo(3, "good", "words")]
    found = find_anomalies(paras, pages)
    assert _kinds(found) == [("furniture", 1), ("furniture", 2), ("no_text", None),
                             ("unplaced", 3), ("unplaced", None)]  # fmt: skip
    assert [a.page for a in found[2:]] == [2, 1, 3]
    assert found[2].as_json() == {"kind": "no_text", "severity": "warning",
                                  "message": "Page 2 has no usable text (empty); run OCR.",
                                  "page": 2}  # fmt: skip


def test_other_sources_add_their_own_checks() -> None:
    def redactions(paras: object, pages: object) -> list[Anomaly]:
        return [Anomaly("bad_redaction", "error", "Text under a black box.", 1)]

    found = find_anomalies([_p(1, "1")], [PageInfo(1, "good", "x")], extra=[redactions])
    assert _kinds(found) == [("bad_redaction", None)]


def _declaration(tmp_path: Path, numbers: list[int], name: str) -> Path:
    f = Filing().line("I, Jane Roe, declare as follows:")
    for n in numbers:
        f.para(n, prose(3, seed=n))
    return f.save(tmp_path / name)


def test_check_command_and_docs_json_report_anomalies(tmp_path: Path) -> None:
    run = CliRunner().invoke
    m = str(tmp_path / "A.matter")
    good = _declaration(tmp_path, [1, 2, 3, 4], "good.pdf")
    gap = _declaration(tmp_path, [1, 2, 4, 5], "gap.pdf")
    assert run(main, ["init", m]).exit_code == 0
    assert run(main, ["import", m, str(good), str(gap)]).exit_code == 0
    assert run(main, ["check", m, "good.pdf"]).exit_code == 0
    res = run(main, ["check", m, "gap.pdf", "--json"])
    assert res.exit_code == 1
    (doc,) = json.loads(res.stdout)
    assert [a["kind"] for a in doc["anomalies"]] == ["gap"]
    assert doc["anomalies"][0]["page"] == 1
    assert run(main, ["check", m]).exit_code == 1
    docs = json.loads(run(main, ["docs", m, "--json"]).stdout)
    assert [len(d["anomalies"]) for d in docs] == [0, 1]
    paras = json.loads(run(main, ["paragraphs", m, "gap.pdf", "--json"]).stdout)
    keys = {"seq", "number", "kind", "section", "count", "text", "page_start", "page_end", "cite"}
    assert keys | {"list", "footnote_of", "count_against"} <= set(paras[1])
    assert [p["list"] for p in paras if p["kind"] == "numbered"] == [1, 1, 1, 1]


def test_bad_redactions_found_on_import_are_anomalies(corpus: Path, tmp_path: Path) -> None:
    """A source filing with black boxes over copyable text says so in its anomalies."""
    from reviewer.core.ingest.anomalies import document_anomalies
    from reviewer.core.ingest.pipeline import import_files
    from reviewer.core.matter.store import Matter

    m = Matter.create(tmp_path / "B.matter", "B")
    for _ in import_files(m, [corpus / "cand-288207-order-pleading-paper.pdf"]):
        pass
    doc_id = m.db.execute("SELECT id FROM documents").fetchone()[0]
    found = [a for a in document_anomalies(m, doc_id) if a.kind == "bad_redaction"]
    assert found
    assert all(a.failing and a.page for a in found)
    m.close()


def test_the_bad_redaction_warning_names_the_covers_as_found(tmp_path: Path) -> None:
    """A white box is not called a black box: the warning names each kind of cover."""
    from reviewer.core.ingest.anomalies import document_anomalies
    from reviewer.core.ingest.pipeline import import_files
    from reviewer.core.matter.store import Matter
    from tests.core.redaction_samples import bad

    m = Matter.create(tmp_path / "W.matter", "W")
    files = [bad("white-box", tmp_path / "white.pdf"), bad("image", tmp_path / "image.pdf")]
    for _ in import_files(m, files, workers=1):
        pass
    ids = dict(m.db.execute("SELECT file_name, id FROM documents").fetchall())
    white, image = (
        [a.message for a in document_anomalies(m, ids[name]) if a.kind == "bad_redaction"]
        for name in ("white.pdf", "image.pdf")
    )
    assert white == ["p. 1: text that can still be copied under 1 cover (white filled box), "
                     "e.g. \u201cJonathan Quincey Smith\u201d"]  # fmt: skip
    assert len(image) == 1
    assert "1 cover (image)" in image[0]
    m.close()
