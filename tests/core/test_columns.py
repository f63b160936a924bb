"""Pages set in two columns are read column by column (a judgment's standard conditions)."""

from __future__ import annotations

from pathlib import Path

from reviewer.core.ingest import pipeline as ingest
from tests.core.filing_fixture import Filing, prose


def test_a_two_column_list_is_read_down_each_column(tmp_path: Path) -> None:
    f = Filing().line("The defendant must comply with the following standard conditions:")
    top = f.y
    for col, numbers in ((0, range(1, 6)), (1, range(6, 11))):
        y = top
        for n in numbers:
            words = prose(2, ";", seed=n)
            for i, text in enumerate([f"{n}. {words[0][:40]}", words[1][:44]]):
                f.at(text, 54 + col * 270, y + 12, size=10)
                y += 14 if i == 0 else 20
    f.y = top + 200
    paras = ingest.parse(f.save(tmp_path / "two.pdf")).paras
    nums = [p for p in paras if p.kind == "numbered"]
    assert [p.number for p in nums] == [str(n) for n in range(1, 11)]
    assert all(len(p.rows) == 2 for p in nums)
    assert {p.rows[0].x0 for p in nums[5:]} == {270 + 54}
