"""Claims per matter (templates, custom, element edits) and count → claim mapping."""

from __future__ import annotations

import pytest

from reviewer.core.claims import counts, tagging
from reviewer.core.claims import elements as claims
from reviewer.core.claims.templates import get_template
from reviewer.core.errors import ClaimError, NotFoundError
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter


def test_add_from_template_copies_elements_in_order(matter: Matter) -> None:
    changes = claims.add_from_template(matter, "tvpra-1595")
    claim = claims.get_claim(matter, "tvpra-1595")
    assert changes.claims == {claim.id}
    assert changes.elements == {e.id for e in claim.elements}
    assert [e.key for e in claim.elements] == [e.id for e in get_template("tvpra-1595").elements]
    assert claims.find_element(matter, "tvpra-1595.knowingly-benefited").hotkey == 2
    with pytest.raises(ClaimError, match="already has this claim"):
        claims.add_from_template(matter, "tvpra-1595")
    with pytest.raises(NotFoundError, match="no such claim template"):
        claims.add_from_template(matter, "no-such-claim")
    assert [c.key for c in claims.list_claims(matter)] == ["tvpra-1595"]  # nothing half-added


def test_custom_claim_and_element_edits(matter: Matter) -> None:
    claims.add_custom(matter, "Intrusion upon Seclusion", ["Intrusion", "Highly offensive"])
    claim = claims.get_claim(matter, "intrusion-upon-seclusion")
    assert [(e.full_id, e.hotkey) for e in claim.elements] == [
        ("intrusion-upon-seclusion.intrusion", 1),
        ("intrusion-upon-seclusion.highly-offensive", 2),
    ]
    claims.add_element(matter, claim.key, "Damages", "Plaintiff was harmed.")
    claims.move_element(matter, "intrusion-upon-seclusion.damages", 1)
    claims.rename_element(matter, "intrusion-upon-seclusion.intrusion", "Intentional intrusion")
    claims.retire_element(matter, "intrusion-upon-seclusion.highly-offensive")
    claim = claims.get_claim(matter, claim.key)
    assert [e.key for e in claim.elements] == ["damages", "intrusion", "highly-offensive"]
    assert [e.key for e in claim.active] == ["damages", "intrusion"]
    assert claim.elements[1].name == "Intentional intrusion"
    assert claim.elements[0].hotkey == 3  # the lowest free key when it was added


def test_renaming_reordering_retiring_keep_tags(demo_matter: Matter) -> None:
    m = demo_matter
    claims.add_from_template(m, "negligence")
    doc = find_document(m, "complaint.pdf")
    p = find_paragraph(m, doc, "57")
    tagging.tag(m, [p.id], "negligence.breach", "factual", "failed to remove")
    claims.rename_element(m, "negligence.breach", "Breach of the duty of care")
    claims.move_element(m, "negligence.breach", 4)
    (tag,) = tagging.list_tags(m, claims.find_element(m, "negligence.breach"))
    assert (tag.para_id, tag.note, tag.element) == (p.id, "failed to remove", "negligence.breach")
    claims.retire_element(m, "negligence.breach")
    assert len(tagging.list_tags(m, claims.find_element(m, "negligence.breach"))) == 1
    with pytest.raises(ClaimError, match="retired"):
        tagging.tag(m, [p.id], "negligence.breach")


def test_demo_counts_suggest_the_pleaded_claims(demo_matter: Matter) -> None:
    found = counts.list_counts(demo_matter, "complaint.pdf")
    assert [c.number for c in found] == [1, 2, 3]
    assert [c.suggested[0].claim for c in found] == ["tvpra-1595", "csam-2255", "negligence"]
    assert "18 U.S.C. § 1595" in found[0].cites
    assert "18 U.S.C. § 2255" in found[1].heading.replace("§§ 2252A, ", "§ ")
    assert all(c.status == "suggested" for c in found)
    assert (found[0].first_para, found[2].last_para) == ("43", "59")


def test_map_count_adds_the_template_claim_and_is_undoable(demo_matter: Matter) -> None:
    m = demo_matter
    changes = counts.map_count(m, "complaint.pdf", "I", "tvpra-1595")
    # a count is keyed by its whole heading with its title (issue 13)
    title = "Violation of the Trafficking Victims Protection Reauthorization Act"
    ((doc_id, count),) = changes.counts
    assert doc_id == 1
    assert count.startswith(f"COUNT I – {title}, 18 U.S.C. §§ 1591(a)(2), 1595")
    assert claims.get_claim(m, "tvpra-1595").template == "tvpra-1595"
    (first, *_) = counts.list_counts(m, "complaint.pdf")
    assert (first.mapped, first.status) == (("tvpra-1595",), "confirmed")
    with pytest.raises(ClaimError, match="already mapped"):
        counts.map_count(m, "complaint.pdf", "1", "tvpra-1595")
    tagging.undo(m)  # one step: the mapping and the claim it added
    assert claims.list_claims(m) == []
    assert counts.list_counts(m, "complaint.pdf")[0].mapped == ()
    with pytest.raises(NotFoundError, match="matches no count"):
        counts.map_count(m, "complaint.pdf", "9", "negligence")
    assert claims.list_claims(m) == []


def test_find_count_by_number_word_or_heading(demo_matter: Matter) -> None:
    doc = find_document(demo_matter, "complaint.pdf")
    assert counts.find_count(demo_matter, doc, "third").number == 3
    assert counts.find_count(demo_matter, doc, "2").number == 2
    assert counts.find_count(demo_matter, doc, "count iii negl").number == 3


@pytest.mark.corpus
def test_corpus_counts_suggest_by_statute_and_name(corpus: object, matter: Matter) -> None:
    from pathlib import Path

    from reviewer.core.ingest.pipeline import import_files

    base = Path(str(corpus))
    for name in ("cand-316263-second-amended-complaint.pdf",
                 "cacd-798862-redline-first-amended-complaint.pdf"):  # fmt: skip
        for _ in import_files(matter, [base / name], kind="complaint"):
            pass
    rico = counts.list_counts(matter, "cand-316263")
    assert rico[0].suggested[0].claim == "rico-1962c"  # "Count I: Violation of 18 U.S.C. § 1962(c)"
    assert "18 U.S.C. § 1962(c)" in rico[0].cites
    assert all(not c.suggested for c in rico[2:])  # fiduciary duty, fraud: no shipped template
    bryant = counts.list_counts(matter, "cacd-798862")
    names = [c.suggested[0].claim if c.suggested else None for c in bryant]
    assert names == [
        None,
        "negligence",
        "negligence",
        None,
        None,
    ]  # § 1983, negligence twice, privacy


@pytest.mark.parametrize(
    ("heading", "first", "expected"),
    [
        ("FOURTH CAUSE OF ACTION — Negligence Per Se", "", "negligence-per-se"),
        ("COUNT V — Strict Products Liability: Design Defect", "", "design-defect"),
        ("COUNT VI — Strict Liability: Failure to Warn", "", "failure-to-warn"),
        ("COUNT VII — Violation of Cal. Bus. & Prof. Code § 17200 et seq.", "", "ucl-17200"),
        ("COUNT VIII — Distribution of Private Sexually Explicit Materials",
         "Defendant violated California Civil Code section 1708.85.", "civ-1708-85"),
        ("COUNT I — Sex Trafficking", "Defendant violated 18 U.S.C. § 1591(a)(1).", "tvpra-1591a1"),
        ("COUNT II", "Defendant knowingly benefited, in violation of 18 U.S.C. § 1591(a)(2).",
         "tvpra-1591a2"),
    ],
)  # fmt: skip
def test_suggestions_for_each_template(heading: str, first: str, expected: str) -> None:
    from reviewer.core.claims.templates import load_templates

    found = counts.suggest_templates(heading, first, load_templates())
    assert found[0].claim == expected
    assert found[0].reason


def test_no_suggestion_without_a_statute_or_name() -> None:
    from reviewer.core.claims.templates import load_templates

    assert counts.suggest_templates("COUNT IV — Breach of Contract", "Under 28 U.S.C. § 1332",
                                    load_templates()) == []  # fmt: skip
