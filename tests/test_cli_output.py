"""The CLI's output options come from one decorator: ``--json`` for scripts (the contract),
``--table`` for the same fields in columns, text by default."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from reviewer.cli import main
from reviewer.core.matter.store import Matter


@pytest.mark.parametrize(
    "args",
    [["docs"], ["paragraphs", "{m}", "complaint.pdf"], ["tags"], ["history"], ["claims", "list"]],
    ids=lambda a: a[0] if a[0] != "claims" else "claims list",
)
def test_json_and_table_carry_the_same_fields(demo_matter: Matter, args: list[str]) -> None:
    m = str(demo_matter.path)
    argv = [a.format(m=m) for a in args]
    if "{m}" not in args:
        argv.insert(len(args) if args[0] == "claims" else 1, m)
    res = CliRunner().invoke(main, [*argv, "--json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    table = CliRunner().invoke(main, [*argv, "--table"])
    assert table.exit_code == 0, table.output
    if rows:
        header = table.output.splitlines()[0].split()
        assert header == list(rows[0])
        assert len(table.output.splitlines()) == len(rows) + 1
