"""Privilege coding, stable entry ids, people, redactions and the quality checks, on real
corpus filings imported into a fresh matter."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.claims import tagging
from reviewer.core.errors import PrivilegeError
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import coding as privilege
from reviewer.core.privilege import log as privlog
from reviewer.core.privilege import people
from reviewer.core.privilege.coding import Scope
from reviewer.core.production import redactions

FILES = (
    "cacd-646349-opposition-clawback-privilege.pdf",
    "cand-349925-interrogatories.pdf",
    "cod-berkshire-v-schubert-complaint.pdf",
    "nysd-sweigert-v-goodman-order.pdf",
    "insd-teamsters-funds-complaint.pdf",
)
OPP, ROGS, BERK, ORDER, TEAM = (f.split("-")[0] + "-" + f.split("-")[1] for f in FILES)


@pytest.fixture(scope="session")
def priv_source(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("priv") / "Priv.matter"
    with Matter.create(path, "MACOM v. Infineon") as m:
        for _ in import_files(m, [corpus / f for f in FILES], workers=1):
            pass
    return path


@pytest.fixture
def pm(priv_source: Path, tmp_path: Path) -> Iterator[Matter]:
    dest = tmp_path / "Priv.matter"
    shutil.copytree(priv_source, dest, ignore=shutil.ignore_patterns("matter.lock"))
    with Matter.open(dest) as m:
        people.add_person(m, "Powell, James Esq.", attorney=True, organisation="Infineon",
                          aliases=["JPOWELL2"])  # fmt: skip
        people.add_person(m, "Jane Roe", organisation="Infineon")
        people.add_person(m, "Bob Outsider", organisation="PR Firm LLC")
        privilege.set_settings(m, party="Infineon Technologies AG", client_org="Infineon",
                               era_start="2010-01-01")  # fmt: skip
        yield m


def code(m: Matter, docs: list[str], status: str = "withheld", **kw: str) -> None:
    bases = kw.pop("bases", "attorney-client")
    fields = {"doc_type": "E-mail", "recipients": "Jane Roe", "author": "James Powell",
              "date": "2018-10-09", "description": f"Advice on {docs[0]}"} | kw  # fmt: skip
    privilege.set_privilege(m, docs, status, bases, **fields)


def rules(m: Matter) -> dict[str, list[privcheck.Finding]]:
    found: dict[str, list[privcheck.Finding]] = {}
    for f in privcheck.check(m):
        found.setdefault(f.rule, []).append(f)
    return found


def test_bulk_coding_is_one_audited_undoable_batch(pm: Matter) -> None:
    changes = privilege.set_privilege(pm, [OPP, ROGS, BERK], "withheld", "ac, work product")
    assert len(changes.documents) == 3
    ds = privilege.designations(pm)
    assert [d.entry_id for d in ds] == ["PRIV-0001", "PRIV-0002", "PRIV-0003"]
    assert all(d.bases == ("attorney-client", "work-product") for d in ds)
    batch = pm.db.execute("SELECT count(*) FROM audit WHERE batch = ?", [changes.batch])
    assert batch.fetchone()[0] == 3
    tagging.undo(pm)
    assert privilege.designations(pm) == []
    tagging.redo(pm)
    assert [d.entry_id for d in privilege.designations(pm)] == ["PRIV-0001", "PRIV-0002",
                                                                "PRIV-0003"]  # fmt: skip


def test_metadata_suggests_date_and_author_only_when_plausible(pm: Matter) -> None:
    privilege.set_privilege(pm, [OPP, ROGS], "withheld", "ac")
    by_name = {d.file_name: d for d in privilege.designations(pm)}
    opp = by_name[FILES[0]]
    assert (opp.date, opp.author) == ("2018-10-09", "JPOWELL2")
    assert by_name[FILES[1]].author == "Chris Grivakes"
    # given values win over suggestions; an update leaves untouched fields alone
    privilege.set_privilege(pm, [OPP], "redacted", author="Someone Else")
    opp = privilege.designations(pm, opp.doc_id)[0]
    assert (opp.status, opp.author, opp.date, opp.entry_id) == (
        "redacted", "Someone Else", "2018-10-09", "PRIV-0001")  # fmt: skip


def test_ids_never_renumber_after_clear_and_recode(pm: Matter) -> None:
    privilege.set_privilege(pm, [OPP, ROGS], "withheld", "ac")
    privilege.clear_privilege(pm, [OPP])
    privilege.set_privilege(pm, [BERK], "withheld", "ac")
    privilege.set_privilege(pm, [OPP], "not-privileged")
    privilege.set_privilege(pm, [OPP], "withheld")
    ids = {d.file_name: d.entry_id for d in privilege.designations(pm)}
    assert ids == {FILES[1]: "PRIV-0002", FILES[2]: "PRIV-0003", FILES[0]: "PRIV-0004"}


def test_bad_input_is_refused_and_nothing_is_written(pm: Matter) -> None:
    before = pm.db.execute("SELECT count(*) FROM audit").fetchone()[0]
    with pytest.raises(PrivilegeError, match="basis must be one of"):
        privilege.set_privilege(pm, [OPP], "withheld", "attorney-client,spousal")
    with pytest.raises(PrivilegeError, match="status must be"):
        privilege.set_privilege(pm, [OPP], "secret")
    with pytest.raises(PrivilegeError, match="not a real date"):
        privilege.set_privilege(pm, [OPP], "withheld", date="2020-02-30")
    with pytest.raises(PrivilegeError, match="not within"):
        privilege.set_privilege(pm, [OPP, ORDER], "withheld", scope=Scope(2, 9))
    assert pm.db.execute("SELECT count(*) FROM audit").fetchone()[0] == before
    assert privilege.designations(pm) == []


def test_custom_basis_and_people_normalisation(pm: Matter) -> None:
    assert privilege.check_bases("custom: settlement communications, WP") == (
        "custom:settlement communications", "work-product")  # fmt: skip
    assert people.clean_name("Powell,  James  Esq.") == "James Powell"
    assert people.name_key("*JAMES POWELL") == people.name_key("Powell, James")
    style = people.directory(pm)
    assert people.display_name("jpowell2", style, "star") == "James Powell*"
    assert people.display_name("Powell, James", style, "esq") == "James Powell, Esq."
    assert people.display_name("Jane Roe", style, "esq") == "Jane Roe"


def test_redactions_with_frcp_5_2_types(pm: Matter) -> None:
    redactions.add_redaction(pm, ROGS, 2, "ssn")
    redactions.add_redaction(pm, ROGS, 3, "minor-name", reason="child's name")
    redactions.add_redaction(pm, OPP, 4, "privileged", "work-product", "strategy")
    found = redactions.list_redactions(pm)
    assert [(r.entry_id, r.page, r.basis) for r in found] == [
        ("RED-0003", 4, "work-product"), ("RED-0001", 2, "FRCP 5.2"),
        ("RED-0002", 3, "FRCP 5.2")]  # fmt: skip
    with pytest.raises(PrivilegeError, match="Give the basis"):
        redactions.add_redaction(pm, OPP, 1, "confidential")
    with pytest.raises(PrivilegeError, match="not within"):
        redactions.add_redaction(pm, OPP, 99, "ssn")


# -- quality checks: each rule trips, and a clean log trips none --------------------------


def test_a_clean_log_has_no_findings(pm: Matter) -> None:
    code(pm, [OPP])
    code(pm, [ROGS], "redacted", description="Draft responses annotated by counsel")
    redactions.add_redaction(pm, ROGS, 2, "privileged", "attorney-client")
    assert privcheck.check(pm) == []


def test_duplicate_and_produced_but_logged(pm: Matter) -> None:
    code(pm, [OPP])
    code(pm, [ROGS], "redacted")
    redactions.add_redaction(pm, ROGS, 2, "privileged", "ac")
    assert "duplicate" not in rules(pm)
    privilege.set_privilege(pm, [OPP], "redacted", "ac", Scope(2, 3))
    assert rules(pm)["duplicate"][0].level == "error"
    privilege.set_privilege(pm, [ROGS], "not-privileged")
    privilege.set_privilege(pm, [ROGS], "redacted", "ac", Scope(4, 5))
    found = rules(pm)["produced-logged"]
    assert [f.entry for f in found] == ["PRIV-0004 (pp. 4-5)"]


def test_privilege_redaction_of_an_unlogged_document(pm: Matter) -> None:
    redactions.add_redaction(pm, BERK, 1, "ssn")
    assert "not-logged" not in rules(pm)  # a privacy redaction needs no privilege entry
    redactions.add_redaction(pm, BERK, 2, "privileged", "work-product")
    assert rules(pm)["not-logged"][0].entry == FILES[2]
    code(pm, [BERK], "redacted")
    assert "not-logged" not in rules(pm)


def test_missing_fields_and_dates(pm: Matter) -> None:
    code(pm, [OPP], description="", doc_type="")
    code(pm, [ROGS], date="2009-05-01")
    code(pm, [BERK])
    pm.db.execute("UPDATE privilege SET date = ? WHERE entry_id = 'PRIV-0003'",
                  [(dt.date.today() + dt.timedelta(days=3)).isoformat()])  # fmt: skip
    found = rules(pm)
    assert found["missing"][0].message == "no document type, description."
    assert found["era"][0].entry == "PRIV-0002"
    assert found["era"][0].level == "warning"
    assert found["date"][0].entry == "PRIV-0003"
    assert "in the future" in found["date"][0].message


def test_boilerplate_descriptions(pm: Matter) -> None:
    text = "Email reflecting request for legal advice regarding the contract"
    code(pm, [OPP], description=text)
    code(pm, [ROGS], description=text + ".")
    assert "boilerplate" not in rules(pm)  # two alike are not yet a pattern
    code(pm, [BERK], description=text.replace("Email", "E-mail"))
    code(pm, [ORDER], description="Memo from counsel analysing exposure under the lease")
    found = rules(pm)["boilerplate"]
    assert [f.entry for f in found] == ["PRIV-0001, PRIV-0002, PRIV-0003"]


def test_unknown_names_waiver_and_no_attorney(pm: Matter) -> None:
    code(pm, [OPP], recipients="Jane Roe; Bob Outsider")
    code(pm, [ROGS], recipients="Mystery Person", author="Jane Roe")
    code(pm, [BERK], bases="work-product", recipients="Bob Outsider")
    found = rules(pm)
    assert [f.entry for f in found["waiver"]] == ["PRIV-0001"]  # work product: no waiver rule
    assert [f.entry for f in found["unknown-name"]] == ["PRIV-0002"]
    assert "Mystery Person" in found["unknown-name"][0].message
    assert [f.entry for f in found["no-attorney"]] == ["PRIV-0002"]


def test_preset_rows(pm: Matter) -> None:
    code(pm, [OPP], cc="Bob Outsider", category="Clawback advice")
    code(pm, [ROGS], date="2018-11-02", category="Clawback advice")
    code(pm, [BERK], doc_type="Memo", date="2017-01-05")
    frcp = privlog.rows(pm, "frcp")
    assert [r["Entry"] for r in frcp] == ["PRIV-0001", "PRIV-0002", "PRIV-0003"]
    assert frcp[0]["Author"] == "James Powell*"
    ninth = privlog.rows(pm, "ninth-circuit")
    assert ninth[0]["Attorney(s) Involved"] == "James Powell, Esq."
    assert ninth[0]["Client(s) Involved"] == "Jane Roe"
    assert ninth[0]["All Persons Shown or Sent To"] == "Jane Roe; Bob Outsider"
    cats = privlog.rows(pm, "sdny-categorical")
    assert [(r["Category"], r["Count"], r["Date Range"], r["Entries"]) for r in cats] == [
        ("Clawback advice", "2", "2018-10-09 to 2018-11-02", "PRIV-0001, PRIV-0002"),
        ("Memo", "1", "2017-01-05", "PRIV-0003"),
    ]
    assert privlog.rows(pm, "sedona")[2]["Topic"] == f"Advice on {BERK}"
