"""The architecture a newcomer can see (issue 14, item 6): every module small and saying what it
owns, the core in capability packages, and every package under the import contracts."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "reviewer"
MAX_LINES = 400
# Modules of the core's root that are vocabulary every package shares, not a capability.
SHARED = {"errors", "records", "resources", "wording"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_is_small_and_says_what_it_owns(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = text.count("\n")
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines (> {MAX_LINES})"
    if text.strip():
        assert ast.get_docstring(ast.parse(text)), f"{path.relative_to(ROOT)} has no docstring"


def test_core_is_capability_packages() -> None:
    core = PACKAGE / "core"
    flat = {p.stem for p in core.glob("*.py")} - SHARED - {"__init__"}
    assert not flat, f"flat modules in reviewer/core (put them in a package): {sorted(flat)}"
    for pkg in core.iterdir():
        if pkg.is_dir() and pkg.name != "__pycache__":
            init = pkg / "__init__.py"
            assert init.exists(), f"{pkg} is not a package"
            assert ast.get_docstring(ast.parse(init.read_text())), f"{init} says nothing"


def _contract(name_start: str) -> dict[str, object]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    found = [c for c in contracts if c["name"].startswith(name_start)]
    assert len(found) == 1, f"no single import contract named {name_start!r}"
    return found[0]


@pytest.mark.parametrize(
    ("contract", "owner"),
    [
        ("Only the pdf package imports PyMuPDF", "pdf"),
        ("Only the search package imports Whoosh", "search"),
        ("Only the matter package opens SQLite", "matter"),
    ],
)
def test_every_package_is_under_the_contract(contract: str, owner: str) -> None:
    """A package added later is covered too: the contracts list every package but the owner."""
    sources = set(_contract(contract)["source_modules"])  # type: ignore[arg-type]
    packages = {f"reviewer.core.{p.name}" for p in (PACKAGE / "core").iterdir() if p.is_dir()}
    packages |= {f"reviewer.core.{m}" for m in SHARED}
    packages -= {"reviewer.core.__pycache__", f"reviewer.core.{owner}"}
    packages |= {"reviewer.cli", "reviewer.qt", "reviewer.samples"}
    missing = packages - sources - {"reviewer.core.errors"}
    assert not missing, f"{contract}: not covered: {sorted(missing)}"


_SQL = re.compile(r"\.execute(?:many)?\(|\.db\[|\.db\.table\(|\bsqlite3\b")


@pytest.mark.parametrize("layer", ["cli", "qt"])
def test_cli_and_qt_run_no_sql(layer: str) -> None:
    """The CLI and the app are thin layers over the core's operations: no SQL of their own."""
    found = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in sorted((PACKAGE / layer).rglob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if _SQL.search(line.split("#")[0])
    ]
    assert not found, f"SQL in reviewer/{layer}: {found}"
