"""Suggestions for an element: by its search terms, then also by similarity to tagged ¶."""

from __future__ import annotations

from reviewer.core.claims import elements as claims
from reviewer.core.claims import tagging
from reviewer.core.claims.suggest import suggest
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter
from reviewer.core.search import SearchIndex

ELEMENT = "tvpra-1595.knowingly-benefited"


def test_suggest_by_terms_then_similarity_excluding_tagged_and_rejected(
    demo_matter: Matter,
) -> None:
    m = demo_matter
    claims.add_from_template(m, "tvpra-1595")
    doc = find_document(m, "complaint.pdf")
    p46 = find_paragraph(m, doc, "46")
    with SearchIndex.open(m) as ix:
        first = suggest(m, ix, ELEMENT)
        assert first
        assert all(s.by_similarity == 0 for s in first)  # nothing tagged yet
        assert p46.id in {s.pid for s in first}  # "knowingly benefited … advertising revenue"
        assert all("benefi" in s.text.lower() for s in first)
        assert {s.doc_id for s in first} == {doc.id}  # not the answer's denials
        tagging.tag(m, [p46.id], ELEMENT)
        second = suggest(m, ix, ELEMENT)
        assert p46.id not in {s.pid for s in second}
        assert any(s.by_similarity > 0 and s.by_terms == 0 for s in second)
        assert [s.score for s in second] == sorted((s.score for s in second), reverse=True)
        top = second[0]
        tagging.reject_suggestion(m, top.pid, ELEMENT)
        assert top.pid not in {s.pid for s in suggest(m, ix, ELEMENT)}
        tagging.undo(m)  # the rejection is an undoable step like any other
        assert top.pid in {s.pid for s in suggest(m, ix, ELEMENT)}
