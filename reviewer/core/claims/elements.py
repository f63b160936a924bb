"""The claims of a matter and their elements: add from a template or define custom ones;
rename, reorder, add and retire elements. Tags point at element rows, so none of these edits
loses a tag. Every write is audited (``audit.Recorder``) and returns ``Changes``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reviewer.core.claims.templates import SLUG, get_template
from reviewer.core.errors import ClaimError, NotFoundError
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes, Claim, Element

_ELEMENT_COLS = (
    "e.id, e.claim_id, c.key, e.key, e.name, e.description, e.terms, e.hotkey, e.position, "
    "e.retired"
)


def slug(text: str) -> str:
    """A kebab-case id from a name: ``Breach of Duty (CACI 401)`` → ``breach-of-duty-caci-401``."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60] or "element"


def _element(row: Any) -> Element:
    r = list(row)
    r[-1] = bool(r[-1])
    return Element(*r)


def _elements(matter: Matter, where: str, args: Sequence[Any]) -> list[Element]:
    rows = matter.db.execute(
        f"SELECT {_ELEMENT_COLS} FROM elements e JOIN claims c ON c.id = e.claim_id "
        f"WHERE {where} ORDER BY c.position, e.position",
        list(args),
    ).fetchall()
    return [_element(r) for r in rows]


def list_claims(matter: Matter) -> list[Claim]:
    """Every claim in the matter with its elements (retired ones too), in order."""
    rows = matter.db.execute(
        "SELECT id, key, name, source, template, position FROM claims ORDER BY position"
    ).fetchall()
    by_claim: dict[int, list[Element]] = {}
    for e in _elements(matter, "1", []):
        by_claim.setdefault(e.claim_id, []).append(e)
    return [
        Claim(r[0], r[1], r[2], r[3], r[4], r[5], elements=tuple(by_claim.get(r[0], [])))
        for r in rows
    ]


def get_claim(matter: Matter, key: str) -> Claim:
    for claim in list_claims(matter):
        if claim.key == key or str(claim.id) == key:
            return claim
    known = ", ".join(c.key for c in list_claims(matter)) or "none yet"
    raise NotFoundError(
        f"{key}: no such claim in {matter.name} (claims: {known}). "
        "Add one with 'reviewer claims add'."
    )


def find_element(matter: Matter, full_id: str) -> Element:
    """An element by its full id ``<claim>.<element>`` (retired ones too)."""
    claim_key, _, key = full_id.strip().partition(".")
    found = _elements(matter, "c.key = ? AND e.key = ?", [claim_key, key])
    if not found:
        claim = get_claim(matter, claim_key)
        known = ", ".join(e.full_id for e in claim.elements)
        raise NotFoundError(f"{full_id}: no such element. {claim.key} has: {known}.")
    return found[0]


def element_by_id(matter: Matter, element_id: int) -> Element:
    found = _elements(matter, "e.id = ?", [element_id])
    if not found:
        raise NotFoundError(f"Element {element_id} is not in {matter.name}.")
    return found[0]


def element_for_hotkey(matter: Matter, claim_key: str, hotkey: int) -> Element:
    """The active element of a claim bound to hotkey 1-9 (the app's tagging keys)."""
    claim = get_claim(matter, claim_key)
    for e in claim.active:
        if e.hotkey == hotkey:
            return e
    raise NotFoundError(f"{claim.key}: no element has hotkey {hotkey}.")


def _new_claim(rec: Recorder, key: str, name: str, source: str, template: str | None) -> int:
    if not SLUG.fullmatch(key):
        raise ClaimError(f"{key!r}: a claim id must be kebab-case, e.g. 'negligence-2'.")
    if rec.db.execute("SELECT 1 FROM claims WHERE key = ?", [key]).fetchone():
        raise ClaimError(f"{key}: the matter already has this claim.")
    pos = rec.db.execute("SELECT coalesce(max(position), 0) + 1 FROM claims").fetchone()[0]
    values = {"key": key, "name": name, "source": source, "template": template, "position": pos}
    return rec.insert("claims", values, f"add claim {key}")


def _new_element(rec: Recorder, claim_id: int, values: dict[str, Any]) -> int:
    key = values["key"]
    if not SLUG.fullmatch(key):
        raise ClaimError(f"{key!r}: an element id must be kebab-case, e.g. 'duty'.")
    if rec.db.execute(
        "SELECT 1 FROM elements WHERE claim_id = ? AND key = ?", [claim_id, key]
    ).fetchone():
        raise ClaimError(f"{key}: the claim already has an element with this id.")
    pos = rec.db.execute(
        "SELECT coalesce(max(position), 0) + 1 FROM elements WHERE claim_id = ?", [claim_id]
    ).fetchone()[0]
    return rec.insert(
        "elements", {"claim_id": claim_id, "position": pos, **values}, f"add element {key}"
    )


def add_template_claim(rec: Recorder, template_id: str, key: str | None = None) -> int:
    """Inside a caller's batch: copy a template into the matter; returns the claim row id."""
    t = get_template(template_id)
    claim_id = _new_claim(rec, key or t.id, t.name, t.source, t.id)
    for e in t.elements:
        values = {"key": e.id, "name": e.name, "description": e.description}
        _new_element(rec, claim_id, {**values, "terms": e.terms, "hotkey": e.hotkey})
    return claim_id


def add_from_template(matter: Matter, template_id: str, key: str | None = None) -> Changes:
    """Add a claim (with its elements) copied from a template; ``key`` defaults to its id."""
    rec = Recorder(matter, f"add claim {key or template_id}")
    with matter.db.atomic():
        add_template_claim(rec, template_id, key)
    return rec.changes()


def add_custom(
    matter: Matter, name: str, elements: Sequence[str], key: str | None = None, source: str = ""
) -> Changes:
    """A claim of the user's own: element names in order (hotkeys 1-9 by position)."""
    if not name.strip() or not elements:
        raise ClaimError("A custom claim needs a name and at least one element.")
    rec = Recorder(matter, f"add claim {key or slug(name)}")
    with matter.db.atomic():
        claim_id = _new_claim(rec, key or slug(name), name.strip(), source, None)
        for i, element in enumerate(elements, 1):
            values = {"key": slug(element), "name": element.strip(), "description": ""}
            _new_element(rec, claim_id, {**values, "hotkey": i if i <= 9 else None})
    return rec.changes()


def add_element(
    matter: Matter, claim_key: str, name: str, description: str = "", terms: str = ""
) -> Changes:
    """Append an element; it takes the lowest free hotkey."""
    claim = get_claim(matter, claim_key)
    used = {e.hotkey for e in claim.active}
    hotkey = next((k for k in range(1, 10) if k not in used), None)
    rec = Recorder(matter, f"add element {claim.key}.{slug(name)}")
    with matter.db.atomic():
        values = {"key": slug(name), "name": name.strip(), "description": description}
        _new_element(rec, claim.id, {**values, "terms": terms, "hotkey": hotkey})
    return rec.changes()


def rename_element(
    matter: Matter, full_id: str, name: str, description: str | None = None
) -> Changes:
    """Change an element's display name (and description); its id and tags stay."""
    e = find_element(matter, full_id)
    if not name.strip():
        raise ClaimError("An element's name cannot be empty.")
    values = {"name": name.strip()}
    if description is not None:
        values["description"] = description
    rec = Recorder(matter, f"rename {full_id}")
    with matter.db.atomic():
        rec.update("elements", e.id, values, f"rename {full_id} to {name.strip()}")
    return rec.changes()


def move_element(matter: Matter, full_id: str, position: int) -> Changes:
    """Put an element at 1-based ``position`` among its claim's elements."""
    e = find_element(matter, full_id)
    claim = get_claim(matter, e.claim_key)
    order = [x for x in claim.elements if x.id != e.id]
    order.insert(max(0, min(position - 1, len(order))), e)
    rec = Recorder(matter, f"move {full_id}")
    with matter.db.atomic():
        for i, x in enumerate(order, 1):
            if x.position != i:
                rec.update("elements", x.id, {"position": i}, f"move {x.full_id} to {i}")
    return rec.changes()


def retire_element(matter: Matter, full_id: str, retired: bool = True) -> Changes:
    """Hide an element from the chart and hotkeys (its tags are kept); ``retired=False``
    restores it."""
    e = find_element(matter, full_id)
    rec = Recorder(matter, f"{'retire' if retired else 'restore'} {full_id}")
    with matter.db.atomic():
        rec.update("elements", e.id, {"retired": int(retired)}, rec.action)
    return rec.changes()


def set_hotkey(matter: Matter, full_id: str, hotkey: int | None) -> Changes:
    """Bind an element to hotkey 1-9 (the element that had it loses it) or unbind it."""
    e = find_element(matter, full_id)
    if hotkey is not None and not 1 <= hotkey <= 9:
        raise ClaimError("A hotkey is a number from 1 to 9.")
    rec = Recorder(matter, f"hotkey {full_id}")
    with matter.db.atomic():
        for other in get_claim(matter, e.claim_key).elements:
            if hotkey is not None and other.hotkey == hotkey and other.id != e.id:
                rec.update("elements", other.id, {"hotkey": None}, f"unbind {other.full_id}")
        rec.update("elements", e.id, {"hotkey": hotkey}, f"bind {full_id} to {hotkey}")
    return rec.changes()
