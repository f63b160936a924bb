"""The demo matter's claims: its three counts mapped to the shipped templates and a handful of
tags (factual, conclusory, on information and belief, an exhibit page range), so that the
proof chart has supported elements, a conclusory-only one and gaps to show."""

from __future__ import annotations

from reviewer.core.claims import counts, tagging
from reviewer.core.claims.elements import list_claims
from reviewer.core.matter.documents import find_document, find_paragraph
from reviewer.core.matter.store import Matter

COUNT_CLAIMS = (("1", "tvpra-1595"), ("2", "csam-2255"), ("3", "negligence"))
# (¶ number, element, assessment, note)
TAGS = (
    ("44", "tvpra-1595.victim-of-trafficking", "factual", ""),
    ("46", "tvpra-1595.knowingly-benefited", "factual", "Advertising revenue"),
    ("37", "tvpra-1595.knowingly-benefited", "information-and-belief", "Boost revenue share"),
    ("48", "tvpra-1595.participation-in-venture", "conclusory", "Restates the element"),
    ("31", "tvpra-1595.knew-or-should-have-known", "factual", "Report SR-0419-2281"),
    ("47", "tvpra-1595.knew-or-should-have-known", "factual", ""),
    ("51", "csam-2255.victim-while-minor", "factual", ""),
    ("52", "csam-2255.predicate-violation", "conclusory", "Tracks § 2252A's words"),
    ("56", "negligence.duty", "factual", ""),
    ("57", "negligence.breach", "factual", ""),
    ("40", "negligence.harm", "factual", ""),
)
EXHIBIT_TAG = ("complaint-exhibit-b.pdf", 1, 2, "tvpra-1595.knew-or-should-have-known")


def seed_demo_claims(matter: Matter) -> bool:
    """Map the demo complaint's counts and tag a few paragraphs, once (False: already done)."""
    if list_claims(matter):
        return False
    complaint = find_document(matter, "complaint.pdf")
    for count, claim in COUNT_CLAIMS:
        counts.map_count(matter, complaint.id, count, claim)
    for number, element, assessment, note in TAGS:
        pid = find_paragraph(matter, complaint, number).id
        tagging.tag(matter, [pid], element, assessment, note)
    name, first, last, element = EXHIBIT_TAG
    exhibit = find_document(matter, name)
    tagging.tag_pages(matter, exhibit.id, first, last, element, "factual", "The e-mail chain")
    return True
