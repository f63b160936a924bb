"""The statute-citation matcher on the forms complaints use."""

from __future__ import annotations

import pytest

from reviewer.core.claims.citations import Citation, extract, parse_one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reauthorization Act, 18 U.S.C. §§ 1591, 1595", ["18 U.S.C. § 1591", "18 U.S.C. § 1595"]),
        ("Child Pornography, 18 U.S.C. §§ 2252A, 2255", ["18 U.S.C. § 2252A", "18 U.S.C. § 2255"]),
        ("18 U.S.C. § 1591(a)(1) and (a)(2)", ["18 U.S.C. § 1591(a)(1)", "18 U.S.C. § 1591(a)(2)"]),
        ("of 18 U.S.C. §§ 1591(a) and 1595(a).", ["18 U.S.C. § 1591(a)", "18 U.S.C. § 1595(a)"]),
        ("Count I: Violation of 18 U.S.C. §§ 1962(c) (Civil RICO)", ["18 U.S.C. § 1962(c)"]),
        ("ERISA § 515, 29 U.S.C. § 1145", ["29 U.S.C. § 1145"]),
        ("28 U.S.C. 1331 and 1367", ["28 U.S.C. § 1331", "28 U.S.C. § 1367"]),
        ("47 U.S.C. § 230(e)(5)(A)", ["47 U.S.C. § 230(e)(5)(A)"]),
        ("Cal. Bus. & Prof. Code § 17200 et seq.", ["Cal. Bus. & Prof. Code § 17200"]),
        ("California Business and Professions Code § 17200", ["Cal. Bus. & Prof. Code § 17200"]),
        ("Civil Code section 1708.85", ["Cal. Civ. Code § 1708.85"]),
        ("Penal Code section 647(j)(4)", ["Cal. Penal Code § 647(j)(4)"]),
        ("no statute here, only § 12 of the contract and 2020 U.S. sales", []),
    ],
)  # fmt: skip
def test_extract(text: str, expected: list[str]) -> None:
    assert [str(c) for c in extract(text)] == expected


def test_matches_by_subsection() -> None:
    wanted = Citation("18 U.S.C.", "1591", "(a)(1)")
    assert Citation("18 U.S.C.", "1591", "(a)(1)(B)").matches(wanted) == 2
    assert Citation("18 U.S.C.", "1591", "").matches(wanted) == 1
    assert Citation("18 U.S.C.", "1591", "(a)").matches(wanted) == 1
    assert Citation("18 U.S.C.", "1591", "(a)(2)").matches(wanted) == 0
    assert Citation("18 U.S.C.", "1595", "").matches(wanted) == 0
    assert parse_one("18 U.S.C. §§ 1591, 1595") is None
