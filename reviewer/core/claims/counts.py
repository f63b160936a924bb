"""The counts (COUNT / CAUSE OF ACTION / CLAIM FOR RELIEF) of a complaint, the claim each
appears to plead, and the user's confirmed count → claim mappings.

A count is suggested a claim template from the statutes its heading block and its first
numbered paragraphs cite (``citations.extract``) and from words of its heading (a template's
``keywords``). Scores: a cite of a template's own statute counts 10 in the heading and 4 in the
first paragraphs (half when the cite lacks the template's subsection); a cite of a related
statute 3 / 1; a keyword phrase in the heading 6 + 2 per word (so "negligence per se" beats
"negligence"). A template is suggested only on a cite of its own statute or a keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.core.claims.citations import Citation, extract
from reviewer.core.claims.elements import add_template_claim, get_claim, list_claims
from reviewer.core.claims.templates import ClaimTemplate, load_templates
from reviewer.core.errors import ClaimError, NotFoundError
from reviewer.core.ingest import classify
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Count, CountSuggestion, Document

FIRST_PARAGRAPHS = 3
_INCORPORATION = re.compile(r"\b(incorporat\w*|re-?alleg\w*|repeats?)\b", re.I)
_AGAINST = re.compile(r"\s*\((?:against|as to)\b[^)]*\)", re.I)


@dataclass(frozen=True, slots=True)
class _Block:
    key: str
    heading: str
    numbers: list[str]
    first_text: str


def _blocks(matter: Matter, doc_id: int) -> list[_Block]:
    rows = matter.db.execute(
        "SELECT count, kind, number, text FROM paragraphs WHERE doc_id = ? AND count IS NOT NULL "
        "ORDER BY seq",
        [doc_id],
    ).fetchall()
    blocks: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for key, kind, number, text in rows:
        head, numbers, body = blocks.setdefault(key, ([], [], []))
        if kind == "numbered":
            numbers.append(number)
            if len(body) < FIRST_PARAGRAPHS and not _INCORPORATION.search(text[:120]):
                body.append(text)
        elif not numbers and kind in ("heading", "text"):
            head.append(" ".join(text.split()))
    return [_Block(k, _heading(h), n, "\n".join(b)) for k, (h, n, b) in blocks.items()]


def _heading(rows: list[str]) -> str:
    """``COUNT I`` + subtitle lines (joined: they wrap one title) without ``(Against …)``."""
    if not rows:
        return ""
    parts = [_AGAINST.sub("", part).strip() for part in (rows[0], " ".join(rows[1:]))]
    return " — ".join(filter(None, parts))


def _cite_score(
    cites: list[Citation], wanted: tuple[Citation, ...], weight: float
) -> tuple[float, set[str]]:
    scores = [(weight * c.matches(w) / 2, str(c)) for c in cites for w in wanted]
    scores = [s for s in scores if s[0]]
    return max((s for s, _ in scores), default=0.0), {c for _, c in scores}


def suggest_templates(
    heading: str, first_text: str, templates: list[ClaimTemplate]
) -> list[CountSuggestion]:
    """Templates a count with this heading and opening text appears to plead, best first."""
    head_cites, body_cites = extract(heading), extract(first_text)
    lowered = " ".join(re.findall(r"[\w.§]+", heading.lower()))
    own_weights = ((head_cites, 10), (body_cites, 4))
    out = []
    for t in templates:
        (head, hc), (body, bc) = (_cite_score(cs, t.statutes, w) for cs, w in own_weights)
        rel = _cite_score(head_cites, t.related, 3)[0] + _cite_score(body_cites, t.related, 1)[0]
        words = [k for k in t.keywords if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", lowered)]
        kw = max((6 + 2 * len(k.split()) for k in words), default=0)
        own = head + body
        if own or kw:
            why = [f"cites {', '.join(sorted(hc | bc))}"] if own else []
            why += [f"heading says '{max(words, key=len)}'"] if kw else []
            out.append(CountSuggestion(t.id, t.name, own + rel + kw, "; ".join(why)))
    return sorted(out, key=lambda s: (-s.score, s.claim))


def _stored(matter: Matter, doc_id: int) -> dict[str, list[tuple[str, str]]]:
    rows = matter.db.execute(
        "SELECT m.count, c.key, m.status FROM count_claims m JOIN claims c ON c.id = m.claim_id "
        "WHERE m.doc_id = ? ORDER BY c.position",
        [doc_id],
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for count, key, status in rows:
        out.setdefault(count, []).append((key, status))
    return out


def list_counts(matter: Matter, doc: Document | str | int) -> list[Count]:
    """The counts of a document in order, with suggested and stored mappings."""
    d = doc if isinstance(doc, Document) else find_document(matter, doc)
    templates = load_templates()
    stored = _stored(matter, d.id)
    counts = []
    for i, b in enumerate(_blocks(matter, d.id), 1):
        maps = stored.get(b.key, [])
        counts.append(
            Count(
                d.id, classify.count_number(b.key) or i, b.key, b.heading,
                b.numbers[0] if b.numbers else None, b.numbers[-1] if b.numbers else None,
                len(b.numbers), tuple(str(c) for c in extract(f"{b.heading}\n{b.first_text}")),
                tuple(suggest_templates(b.heading, b.first_text, templates)),
                tuple(k for k, s in maps if s == "confirmed"),
                tuple(k for k, s in maps if s == "suggested"),
            )
        )  # fmt: skip
    return counts


def find_count(matter: Matter, doc: Document, ref: str) -> Count:
    """A count by its number as pleaded or typed (``2``, ``II``, ``second``) or by the start
    of its heading."""
    counts = list_counts(matter, doc)
    n = classify.ordinal(ref)
    found = [c for c in counts if c.number == n] if n is not None else []
    low = " ".join(ref.lower().split())
    found = found or [c for c in counts if c.heading.lower().startswith(low)]
    if len(found) != 1:
        have = "; ".join(f"{c.number}: {c.heading[:40]}" for c in counts) or "none found"
        why = "matches no count" if not found else "matches several counts"
        raise NotFoundError(f"{ref!r} {why} of {doc.file_name} (counts: {have}).")
    return found[0]


def _claim_id(rec: Recorder, matter: Matter, claim_ref: str) -> int:
    """A matter claim by key; a template id not yet in the matter is added from it."""
    if any(c.key == claim_ref for c in list_claims(matter)):
        return get_claim(matter, claim_ref).id
    return add_template_claim(rec, claim_ref)


def map_count(
    matter: Matter, doc_ref: str | int, count_ref: str, claim_ref: str, confirm: bool = True
) -> Changes:
    """Map a count to a claim (a claim of the matter, or a template id, which adds that claim
    in the same undoable step). ``confirm=False`` stores it as a suggestion to confirm later."""
    doc = find_document(matter, doc_ref)
    count = find_count(matter, doc, str(count_ref))
    status = "confirmed" if confirm else "suggested"
    rec = Recorder(matter, f"map count {count.number} to {claim_ref}")
    with matter.db.atomic():
        claim_id = _claim_id(rec, matter, claim_ref)
        old = matter.db.execute(
            "SELECT id, status FROM count_claims WHERE doc_id = ? AND count = ? AND claim_id = ?",
            [doc.id, count.key, claim_id],
        ).fetchone()
        summary = f"{doc.file_name} count {count.number} → {claim_ref} ({status})"
        if old and old[1] == status:
            raise ClaimError(f"Count {count.number} is already mapped to {claim_ref}.")
        if old:
            rec.update("count_claims", old[0], {"status": status}, summary)
        else:
            values = {"doc_id": doc.id, "count": count.key, "claim_id": claim_id}
            rec.insert("count_claims", {**values, "status": status}, summary)
    return rec.changes()


def unmap_count(matter: Matter, doc_ref: str | int, count_ref: str, claim_key: str) -> Changes:
    doc = find_document(matter, doc_ref)
    count = find_count(matter, doc, str(count_ref))
    claim = get_claim(matter, claim_key)
    row = matter.db.execute(
        "SELECT id FROM count_claims WHERE doc_id = ? AND count = ? AND claim_id = ?",
        [doc.id, count.key, claim.id],
    ).fetchone()
    if row is None:
        raise ClaimError(f"Count {count.number} is not mapped to {claim.key}.")
    rec = Recorder(matter, f"unmap count {count.number} from {claim.key}")
    with matter.db.atomic():
        rec.delete("count_claims", row[0], rec.action)
    return rec.changes()


def mapped_counts(matter: Matter) -> list[tuple[Count, list[str]]]:
    """Every count of every document with confirmed mappings, in document order."""
    docs = matter.db.execute(
        "SELECT DISTINCT doc_id FROM count_claims WHERE status = 'confirmed' ORDER BY doc_id"
    ).fetchall()
    out = []
    for (doc_id,) in docs:
        for c in list_counts(matter, doc_id):
            if c.mapped:
                out.append((c, list(c.mapped)))
    return out
