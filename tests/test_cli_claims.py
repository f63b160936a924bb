"""The claims CLI: the issue's command names, options and JSON fields are a contract; user
errors are one line and leave nothing half-written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from reviewer.cli import main
from reviewer.core.matter.store import Matter

ELEMENT = "tvpra-1595.knowingly-benefited"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def m(demo_matter: Matter) -> str:
    path = str(demo_matter.path)
    demo_matter.close()  # the CLI opens it itself
    return path


def _table_counts(path: str) -> dict[str, int]:
    with Matter.open(path, readonly=True) as mm:
        return {
            t: mm.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("claims", "elements", "count_claims", "tags", "audit")
        }


def test_templates_json_contract() -> None:
    result = run("claims", "templates", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert all(set(r) == {"id", "name", "source"} for r in rows)
    assert {"tvpra-1595", "csam-2255", "civ-1708-85"} <= {r["id"] for r in rows}


def test_claims_add_show_json_contract(m: str) -> None:
    assert run("claims", "add", m, "tvpra-1595").exit_code == 0
    result = run("claims", "show", m, "tvpra-1595", "--json")
    shown = json.loads(result.output)
    assert (shown["id"], shown["name"]) == (
        "tvpra-1595",
        "TVPRA beneficiary liability (18 U.S.C. § 1595(a))",
    )
    assert ELEMENT in [e["id"] for e in shown["elements"]]
    assert all({"id", "name", "description"} <= set(e) for e in shown["elements"])


def test_counts_list_and_map(m: str) -> None:
    listed = json.loads(run("counts", m, "complaint.pdf", "--json").output)
    assert [c["count"] for c in listed] == [1, 2, 3]
    assert listed[0]["suggested"][0]["claim"] == "tvpra-1595"
    assert listed[0]["status"] == "suggested"
    result = run("counts", "map", m, "complaint.pdf", "II", "csam-2255")
    assert result.exit_code == 0, result.output
    again = json.loads(run("counts", m, "complaint.pdf", "--json").output)
    assert (again[1]["mapped"], again[1]["status"]) == (["csam-2255"], "confirmed")
    text = run("counts", m, "complaint.pdf").output
    assert "mapped to: csam-2255" in text


def test_tag_untag_undo_redo_and_export(m: str, tmp_path: Path) -> None:
    assert run("counts", "map", m, "complaint.pdf", "1", "tvpra-1595").exit_code == 0
    r = run("tag", m, "complaint.pdf", "46", "48", ELEMENT, "--note", "ad revenue")
    assert r.exit_code == 0, r.output
    paras = json.loads(run("paragraphs", m, "complaint.pdf", "--json").output)
    seq = next(p["seq"] for p in paras if p["kind"] == "numbered" and p["number"] == "47")
    r = run("tag", m, "complaint.pdf", "tvpra-1595.knew-or-should-have-known", "--seq", str(seq),
            "--assessment", "information-and-belief")  # fmt: skip
    assert r.exit_code == 0, r.output
    tags = json.loads(run("tags", m, "--json").output)
    assert [(t["cite"].split(" (")[0], t["assessment"]) for t in tags] == [
        ("Compl. ¶ 46", "factual"), ("Compl. ¶ 47", "information-and-belief"),
        ("Compl. ¶ 48", "factual"),
    ]  # fmt: skip
    assert run("untag", m, "complaint.pdf", "48", ELEMENT).exit_code == 0
    assert run("undo", m).output.startswith("Undid: Untag")
    assert len(json.loads(run("tags", m, "--json").output)) == 3
    assert run("redo", m).exit_code == 0
    assert len(json.loads(run("tags", m, "--json").output)) == 2
    out = tmp_path / "chart.csv"
    r = run("export", "proof-chart", m, "--format", "csv", "-o", str(out))
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    statuses = {r["element_id"]: r["status"] for r in rows}
    assert statuses[ELEMENT] == "supported"
    assert statuses["tvpra-1595.knew-or-should-have-known"] == "conclusory-only"
    assert statuses["tvpra-1595.participation-in-venture"] == "gap"
    for fmt in ("xlsx", "docx", "pdf"):
        path = tmp_path / f"chart.{fmt}"
        assert run("export", "proof-chart", m, "-o", str(path)).exit_code == 0
        assert path.stat().st_size > 1000
    conclusory = tmp_path / "conclusory.csv"
    assert run("export", "conclusory", m, "-o", str(conclusory)).exit_code == 0
    (only,) = csv.DictReader(conclusory.open(encoding="utf-8"))
    assert only["cite"].startswith("Compl. ¶ 47")


def test_suggest_json(m: str) -> None:
    assert run("claims", "add", m, "tvpra-1595").exit_code == 0
    result = run("suggest", m, ELEMENT, "--json", "--limit", "5")
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert 0 < len(found) <= 5
    assert {"cite", "score", "text", "number", "doc_id"} <= set(found[0])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("claims", "add", "{m}", "tvpra-9999"), "no such claim template"),
        (("claims", "show", "{m}", "negligence"), "no such claim"),
        (("counts", "map", "{m}", "complaint.pdf", "7", "negligence"), "matches no count"),
        (("counts", "map", "{m}", "nosuch.pdf", "1", "negligence"), "no document"),
        (("tag", "{m}", "complaint.pdf", "46", "999", ELEMENT), "has no paragraph ¶ 999"),
        (("tag", "{m}", "complaint.pdf", "46", "tvpra-1595.nope"), "no such element"),
        (("tag", "{m}", "complaint-exhibit-b", ELEMENT, "--pages", "2-40"), "not within"),
        (("untag", "{m}", "complaint.pdf", "46", ELEMENT), "is tagged with"),
        (("undo", "{m}"), "Nothing to undo"),
        (("export", "proof-chart", "{m}", "-o", "{tmp}/no/such/dir/x.pdf"), "no such folder"),
        (("export", "proof-chart", "{m}", "-o", "{tmp}/chart.txt"), "--format"),
    ],
)
def test_user_errors_are_one_line_and_write_nothing(
    m: str, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    if args[0] in ("tag", "untag", "undo", "counts", "export"):
        assert run("claims", "add", m, "tvpra-1595").exit_code == 0
        if args[0] == "undo":
            assert run("undo", m).exit_code == 0  # undo the add; now nothing is left
    before = _table_counts(m)
    result = run(*(a.format(m=m, tmp=tmp_path) for a in args))
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert message in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert _table_counts(m) == before
    assert [p.name for p in tmp_path.iterdir()] == ["Demo.matter"]  # no export, no .part
