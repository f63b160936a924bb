"""Claim templates: every shipped one validates; broken ones are refused by name and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.core.claims.templates import get_template, load_templates, templates_dir
from reviewer.core.errors import NotFoundError, TemplateError
from reviewer.core.search import query

REQUIRED = {
    "tvpra-1595", "tvpra-1591a1", "tvpra-1591a2", "csam-2255", "negligence",
    "negligence-per-se", "design-defect", "failure-to-warn", "ucl-17200", "civ-1708-85",
}  # fmt: skip

GOOD = """id = "{id}"
name = "A claim"
source = "Somewhere"
statutes = ["18 U.S.C. § 1595"]

[[elements]]
id = "first"
name = "First"
description = "The first element."
hotkey = 1
terms = 'benefi! /s venture'
"""


def test_shipped_templates_validate_and_cover_the_issue() -> None:
    templates = {t.id: t for t in load_templates()}
    assert set(templates) >= REQUIRED
    for t in templates.values():
        assert t.path.name == f"{t.id}.toml"
        assert 1 <= len(t.elements) <= 9
        hotkeys = [e.hotkey for e in t.elements]
        assert sorted(hotkeys) == list(range(1, len(t.elements) + 1)), t.id
        for e in t.elements:
            assert e.description
            assert e.name
            query.parse(e.terms, "tc")  # every term list is a valid query


def test_statutes_name_the_claims_own_provision() -> None:
    assert [str(c) for c in get_template("tvpra-1595").statutes] == ["18 U.S.C. § 1595"]
    assert [str(c) for c in get_template("tvpra-1591a2").statutes] == ["18 U.S.C. § 1591(a)(2)"]
    assert "18 U.S.C. § 2252A" in [str(c) for c in get_template("csam-2255").related]
    reddit = [e.id for e in get_template("tvpra-1595").elements]
    assert reddit[:4] == [
        "victim-of-trafficking", "knowingly-benefited", "participation-in-venture",
        "knew-or-should-have-known",
    ]  # fmt: skip


def test_templates_readme_documents_the_format() -> None:
    text = (templates_dir() / "README.md").read_text()
    for key in ("statutes", "related", "keywords", "[[elements]]", "hotkey", "terms"):
        assert key in text


def _write(folder: Path, body: str, name: str = "my-claim") -> Path:
    path = folder / f"{name}.toml"
    path.write_text(body.replace("{id}", name), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace("hotkey = 1", "hotkey = 12"), "hotkey must be a number from 1 to 9"),
        (lambda s: s.replace('id = "first"', 'id = "First One"'), "must be kebab-case"),
        (lambda s: s.replace("venture'", "(venture'"), "search terms do not parse"),
        (lambda s: s.replace('"18 U.S.C. § 1595"', '"the TVPRA"'), "is not one statute citation"),
        (lambda s: s.replace('name = "First"\n', ""), "'name' must be a non-empty text"),
        (lambda s: s + "colour = 'red'\n", "unknown key(s) colour"),
        (lambda s: s.replace('name = "A claim"', 'name = "A claim'), "cannot be read as TOML"),
        (lambda s: s.split("[[elements]]")[0], "needs at least one [[elements]]"),
    ],
)
def test_broken_template_names_file_and_problem(tmp_path: Path, edit: object, message: str) -> None:
    path = _write(tmp_path, edit(GOOD))  # type: ignore[operator]
    with pytest.raises(TemplateError) as err:
        load_templates(tmp_path)
    assert str(err.value).startswith(f"{path.name}:")
    assert message in str(err.value)


def test_good_template_loads_and_id_must_match_file(tmp_path: Path) -> None:
    _write(tmp_path, GOOD)
    (t,) = load_templates(tmp_path)
    assert (t.id, t.elements[0].id, t.elements[0].hotkey) == ("my-claim", "first", 1)
    (tmp_path / "my-claim.toml").rename(tmp_path / "other.toml")
    with pytest.raises(TemplateError, match="equal the file name"):
        load_templates(tmp_path)


def test_templates_are_read_again_when_a_file_changes(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    (first,) = load_templates(tmp_path)
    assert load_templates(tmp_path)[0] is first, "unchanged files are not parsed again"
    path.write_text(path.read_text(encoding="utf-8").replace('"A claim"', '"A new name"'))
    (second,) = load_templates(tmp_path)
    assert (first.name, second.name) == ("A claim", "A new name")
    path.write_text(path.read_text(encoding="utf-8").replace("hotkey = 1", "hotkey = 12"))
    with pytest.raises(TemplateError, match="hotkey"):
        load_templates(tmp_path)


def test_unknown_template_lists_known_ones() -> None:
    with pytest.raises(NotFoundError, match=r"no such claim template\. Known: .*tvpra-1595"):
        get_template("tvpra-9999")
