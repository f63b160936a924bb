"""``reviewer production``: Bates-stamped, truly redacted productions of real filings, read
back with PyMuPDF; the DAT/OPT load files; ``verify`` catching a fake redaction; bad input."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pymupdf
import pytest
from click.testing import CliRunner, Result

from reviewer.cli import main
from reviewer.core.production.export import DAT_FIELDS
from reviewer.core.production.verify import read_dat

ROGS, OPP, BERK = "cand-349925", "cacd-646349", "cod-berkshire"
FILES = ("cand-349925-interrogatories.pdf", "cacd-646349-opposition-clawback-privilege.pdf",
         "cod-berkshire-v-schubert-complaint.pdf")  # fmt: skip
BATES = re.compile(r"ABC\d{6}")


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="session")
def prod_source(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("prod") / "Prod.matter"
    assert run("init", path, "--name", "Ross v. AT&T").exit_code == 0
    assert run("import", path, *[corpus / f for f in FILES], "--workers", "1").exit_code == 0
    return path


@pytest.fixture
def mp(prod_source: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "Prod.matter"
    shutil.copytree(prod_source, dest, ignore=shutil.ignore_patterns("matter.lock"))
    for args in (
        ("privilege", "set", dest, OPP, "--status", "withheld", "--basis", "ac"),
        ("production", "create", dest, "Vol1", "--prefix", "ABC", "--start", "41",
         "--legend", "CONFIDENTIAL – SUBJECT TO PROTECTIVE ORDER"),
        ("production", "add", dest, "Vol1", ROGS, OPP, BERK),
    ):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, result.output
    return dest


def source(corpus: Path) -> pymupdf.Document:
    return pymupdf.open(corpus / FILES[0])


def word_box(corpus: Path, word: str) -> tuple[float, ...]:
    """The box (padded a little) of the first ``word`` on page 1 of the interrogatories."""
    with source(corpus) as doc:
        w = next(w for w in doc[0].get_text("words") if w[4] == word)
    return (w[0] - 0.5, w[1] - 0.5, w[2] + 0.5, w[3] + 0.5)


def redactions(mp: Path) -> int:
    with sqlite3.connect(mp / "matter.sqlite") as db:
        return int(db.execute("SELECT count(*) FROM redactions").fetchone()[0])


def only_source_bad_redactions(out: Path, mp: Path) -> list[str]:
    """Verify (with and without the matter) finds nothing but the Berkshire complaint's own
    black boxes over copyable text (issue 17), which a production carries as they are."""
    manifest = json.loads((out / "production.json").read_text(encoding="utf-8"))
    berk = next(d["file"] for d in manifest["documents"] if d["source"].startswith(BERK))
    found = []
    for extra in ((), ("--matter", mp)):
        result = run("production", "verify", out, *extra, "--json")
        assert result.exit_code == 1, result.output
        problems = json.loads(result.output)["problems"]
        assert all(p.startswith(f"{berk} p. ") and "black filled box" in p for p in problems), [
            p for p in problems if "black filled box" not in p
        ]
        found.append(len(problems))
    assert found == [26, 26]
    return problems


def export(mp: Path, out: Path) -> Path:
    result = run("production", "export", mp, "Vol1", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_box_and_search_redaction_removes_text_keeps_the_rest(
    mp: Path, corpus: Path, tmp_path: Path
) -> None:
    box = word_box(corpus, "INTERROGATORIES")
    rect = ",".join(f"{v:.2f}" for v in box)
    assert run("production", "redact", mp, "Vol1", "--doc", ROGS, "--page", 1, "--rect", rect,
               "--reason", "privileged heading", "--type", "privileged", "--basis", "ac,wp"
               ).exit_code == 0  # fmt: skip
    with source(corpus) as doc:
        before = sum(len(p.search_for("SIM swaps")) for p in doc)
        assert before > 5
        assert "INTERROGATORIES" in doc[0].get_textbox(pymupdf.Rect(box))
    found = run("production", "redact", mp, "Vol1", "--search", "SIM swaps",
                "--reason", "customer term", "--json")  # fmt: skip
    assert found.exit_code == 0, found.output
    assert redactions(mp) == 1 + before  # one row per hit, in issue 6's table (the log)
    out = export(mp, tmp_path / "out")
    with pymupdf.open(out / "PDF" / "ABC000041.pdf") as doc:
        assert sum(len(p.search_for("SIM swaps")) for p in doc) == 0
        assert "SIM swaps" not in " ".join(" ".join(p.get_text().split()) for p in doc)
        assert "INTERROGATORIES" not in doc[0].get_textbox(pymupdf.Rect(box))
        assert "INTERROGATORIES" not in doc[0].get_text()
        text = " ".join(doc[0].get_text().split())
        # text outside the boxes survives
        assert "For each year from 2013 to the present" in text
        assert "AT&T objects to this Interrogatory" in text
        assert "REDACTED – AC/WP" in text  # the label, in white on the black box
    with (out / "redaction_log.csv").open(encoding="utf-8", newline="") as f:
        reasons = [row["Reason"] for row in csv.DictReader(f)]
    assert "privileged heading" in reasons
    assert reasons.count("customer term") == before
    assert only_source_bad_redactions(out, mp)


def test_bates_stamps_continuous_slip_sheet_and_load_files(mp: Path, tmp_path: Path) -> None:
    assert run("production", "redact", mp, "Vol1", "--doc", BERK, "--para", "5",
               "--reason", "work product", "--type", "privileged", "--basis", "wp"
               ).exit_code == 0  # fmt: skip
    out = export(mp, tmp_path / "out")
    stamped, counts = [], {}
    for pdf in sorted((out / "PDF").iterdir()):
        with pymupdf.open(pdf) as doc:
            counts[f"PDF/{pdf.name}"] = doc.page_count
            for page in doc:
                stamps = BATES.findall(page.get_text())
                assert len(stamps) == 1, (pdf.name, page.number, stamps)
                stamped.append(stamps[0])
                legend = page.get_text("text", clip=pymupdf.Rect(0, page.rect.y1 - 30,
                                                                 300, page.rect.y1))  # fmt: skip
                assert "CONFIDENTIAL – SUBJECT TO PROTECTIVE ORDER" in legend
    assert stamped == [f"ABC{n:06d}" for n in range(41, 41 + len(stamped))]
    with pymupdf.open(out / "PDF" / "ABC000061.pdf") as slip:  # 20 pages of ROGS, then OPP
        assert slip.page_count == 1
        assert "Document withheld as privileged — PRIV-0001" in slip[0].get_text()
    rows = read_dat(out / "DATA" / "loadfile.dat")
    assert (out / "DATA" / "loadfile.dat").read_bytes().startswith(b"\xef\xbb\xbf\xc3\xbe")
    assert tuple(rows[0]) == DAT_FIELDS
    assert len(rows) == 4
    for row in rows[1:]:
        rec = dict(zip(DAT_FIELDS, row, strict=True))
        first, last = int(rec["BEGBATES"][3:]), int(rec["ENDBATES"][3:])
        assert last - first + 1 == int(rec["PAGECOUNT"]) == counts[rec["PDFPATH"]]
    assert [r[6] for r in rows[1:]] == ["", "PRIV-0001", ""]
    opt = (out / "DATA" / "loadfile.opt").read_text(encoding="utf-8").splitlines()
    fields = [line.split(",") for line in opt]
    assert [f[0] for f in fields] == stamped
    firsts = [f for f in fields if f[3] == "Y"]
    assert [(f[0], f[2], int(f[6])) for f in firsts] == [(r[0], r[8], int(r[2])) for r in rows[1:]]
    assert only_source_bad_redactions(out, mp)


def test_list_shows_the_sets(mp: Path) -> None:
    result = run("production", "list", mp, "--json")
    assert result.exit_code == 0
    (only,) = json.loads(result.output)
    assert (only["name"], only["prefix"], only["start"], len(only["doc_ids"])) == (
        "Vol1",
        "ABC",
        41,
        3,
    )
    assert "ABC000041" in run("production", "list", mp).output


def test_reexport_keeps_the_numbers(mp: Path, tmp_path: Path) -> None:
    def numbers() -> list[tuple[int, int, str]]:
        with sqlite3.connect(mp / "matter.sqlite") as db:
            return db.execute(
                "SELECT doc_id, page, bates FROM production_pages ORDER BY number"
            ).fetchall()

    export(mp, tmp_path / "one")
    first = numbers()
    assert len(first) == 20 + 1 + 16
    assert first[20][1] == 0
    export(mp, tmp_path / "two")
    assert numbers() == first


def test_verify_catches_a_black_box_drawn_over_text(mp: Path, corpus: Path, tmp_path: Path) -> None:
    box = word_box(corpus, "INTERROGATORIES")
    assert run("production", "redact", mp, "Vol1", "--doc", ROGS, "--page", 1, "--rect",
               ",".join(map(str, box)), "--reason", "heading").exit_code == 0  # fmt: skip
    out = export(mp, tmp_path / "out")
    fake = out / "PDF" / "ABC000041.pdf"
    # a "redaction" that only covers: the original page, a filled rectangle, the same stamps
    with pymupdf.open(fake) as produced:
        stamps = [BATES.findall(p.get_text())[0] for p in produced]
    with source(corpus) as doc:
        doc[0].draw_rect(pymupdf.Rect(box), color=(0, 0, 0), fill=(0, 0, 0))
        for page, b in zip(doc, stamps, strict=True):
            page.insert_text((page.rect.x1 - 80, page.rect.y1 - 14), b, fontsize=9)
            page.insert_text((24, page.rect.y1 - 14), "CONFIDENTIAL", fontsize=9)
        doc.save(fake)
    result = run("production", "verify", out)
    assert result.exit_code == 1
    assert "PDF/ABC000041.pdf p. 1: text under a redaction box can still be extracted" in (
        result.output
    )
    assert "INTERROGATORIES" not in result.output  # the report does not leak what it found


def test_verify_catches_gaps_and_a_missing_slip_sheet(mp: Path, tmp_path: Path) -> None:
    out = export(mp, tmp_path / "out")
    (out / "PDF" / "ABC000061.pdf").unlink()
    opt = out / "DATA" / "loadfile.opt"
    opt.write_text(opt.read_text(encoding="utf-8").replace("ABC000045,", "ABC000099,"),
                   encoding="utf-8")  # fmt: skip
    result = run("production", "verify", out)
    assert result.exit_code == 1
    assert "PDF/ABC000061.pdf" in result.output
    assert "loadfile.opt" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("redact", "Nope", "--search", "SIM", "--reason", "r"), "Nope: no such production"),
        (("redact", "Vol1", "--doc", ROGS, "--page", 1, "--rect", "72,100,3000,160",
          "--reason", "r"), "is outside the page"),
        (("redact", "Vol1", "--doc", ROGS, "--page", 99, "--rect", "1,1,2,2", "--reason", "r"),
         "page 99 is not within 1-20"),
        (("redact", "Vol1", "--doc", ROGS, "--page", 1, "--rect", "1,x,2,2", "--reason", "r"),
         "give the box as x0,y0,x1,y1"),
        (("add", "Vol1", ROGS), "is already in production Vol1"),
        (("redact", "Vol1", "--search", "zzqqxx", "--reason", "r"), "not found in production"),
        (("export", "Nope", "-o", "{tmp}/out"), "Nope: no such production"),
        (("create", "Vol1", "--prefix", "ABC", "--start", 1), "already a production"),
        (("create", "Vol2", "--prefix", "A B", "--start", 1), "Bates prefix"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line_exit_2_nothing_written(
    mp: Path, tmp_path: Path, args: tuple[object, ...], message: str
) -> None:
    args = tuple(str(a).format(tmp=tmp_path) for a in args)
    before = redactions(mp)
    result = run("production", args[0], mp, *args[1:])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert redactions(mp) == before
    assert not (tmp_path / "out").exists()


def test_doc_not_in_the_set_and_existing_output_are_refused(mp: Path, tmp_path: Path) -> None:
    assert run("production", "create", mp, "Small", "--prefix", "S", "--start", 1).exit_code == 0
    assert run("production", "add", mp, "Small", ROGS).exit_code == 0
    result = run("production", "redact", mp, "Small", "--doc", BERK, "--para", "5",
                 "--reason", "r")  # fmt: skip
    assert result.exit_code == 2
    assert "is not in production Small" in result.output
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("production", "export", mp, "Small", "-o", busy)
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert [p.name for p in busy.iterdir()] == ["keep.txt"]
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    result = run("production", "verify", busy)
    assert result.exit_code == 2
    assert "has no production.json" in result.output


def test_find_and_redact_reaches_ocr_words_of_a_scan(
    corpus: Path, tesseract: str, tmp_path: Path
) -> None:
    mp = tmp_path / "Scan.matter"
    scan = "cacd-775858-civil-minutes-image-only.pdf"  # no text layer: OCR on import
    assert run("init", mp, "--name", "Scan").exit_code == 0
    assert run("import", mp, corpus / scan, "--workers", "1").exit_code == 0
    assert run("production", "create", mp, "S", "--prefix", "S", "--start", 1).exit_code == 0
    assert run("production", "add", mp, "S", scan).exit_code == 0
    result = run("production", "redact", mp, "S", "--search", "Central District",
                 "--reason", "test", "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    out = tmp_path / "out"
    assert run("production", "export", mp, "S", "-o", out, "--no-labels").exit_code == 0
    manifest = json.loads((out / "production.json").read_text(encoding="utf-8"))
    boxes = manifest["documents"][0]["redactions"]
    assert {b["page"] for b in boxes} == {1, 2}  # the caption of both pages
    with pymupdf.open(out / "PDF" / "S000001.pdf") as doc:
        for b in boxes:
            x0, y0, x1, y1 = b["rect"]
            inner = pymupdf.Rect(x0 + 1, y0 + 1, x1 - 1, y1 - 1)
            pix = doc[b["page"] - 1].get_pixmap(clip=inner, colorspace=pymupdf.csGRAY)
            assert max(pix.samples) < 40  # the scan's pixels under the box are black
    assert run("production", "verify", out).exit_code == 0


def test_source_bad_redactions_are_redacted_for_real(mp: Path, tmp_path: Path) -> None:
    """The complaint's 26 black boxes over copyable text (found on import) become redaction
    boxes: the production carries none of that text, and verify then finds nothing."""
    result = run("production", "redact", mp, "Vol1", "--bad-redactions",
                 "--reason", "the filer's own redactions", "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)["redactions"]) == 26
    out = export(mp, tmp_path / "out")
    manifest = json.loads((out / "production.json").read_text(encoding="utf-8"))
    berk = next(d["file"] for d in manifest["documents"] if d["source"].startswith(BERK))
    with pymupdf.open(out / berk) as doc:
        text = " ".join(page.get_text() for page in doc)
    assert "lymphoma" not in text
    assert "Schubert" in text  # the rest of the complaint is there
    for extra in ((), ("--matter", mp)):
        result = run("production", "verify", out, *extra)
        assert result.exit_code == 0, result.output
