"""Redactions recorded for the redaction log: one row per redaction (document, page, optional
rectangle, optional paragraph, type of information, basis, reason), with a stable id
(``RED-0001``…) from a counter in the matter. Privacy types follow FRCP 5.2(a): a minor's
name, a birth date, a financial-account number, a Social Security or taxpayer number."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from reviewer.core.errors import PrivilegeError
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.privilege.coding import BASIS_LABELS, check_bases
from reviewer.core.records import Changes

INFO_TYPES = {
    "minor-name": "Name of a minor (FRCP 5.2(a)(3))",
    "birth-date": "Birth date (FRCP 5.2(a)(2))",
    "financial-account": "Financial-account number (FRCP 5.2(a)(4))",
    "ssn": "Social Security / taxpayer-identification number (FRCP 5.2(a)(1))",
    "privileged": "Privileged content",
    "confidential": "Confidential business information",
    "personal": "Other personal information",
}
PRIVACY = ("minor-name", "birth-date", "financial-account", "ssn")
PRIVACY_BASIS = "FRCP 5.2"


@dataclass(frozen=True, slots=True)
class Redaction:
    id: int
    entry_id: str
    doc_id: int
    page: int
    rect: tuple[float, float, float, float] | None
    para_id: int | None
    info_type: str
    basis: str
    reason: str
    file_name: str
    para_cite: str | None
    page_label: str | None

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def _basis(info_type: str, basis: str) -> str:
    if not basis.strip():
        if info_type in PRIVACY:
            return PRIVACY_BASIS
        raise PrivilegeError(f"Give the basis of a {info_type!r} redaction.")
    if basis.strip().upper().replace(" ", "") in ("FRCP5.2", "RULE5.2", "5.2"):
        return PRIVACY_BASIS
    return ",".join(check_bases(basis))


def add_redaction(
    matter: Matter, doc: str | int, page: int, info_type: str, basis: str = "",
    reason: str = "", para_id: int | None = None,
    rect: tuple[float, float, float, float] | None = None,
) -> Changes:  # fmt: skip
    """Record one redaction on ``page`` (1-based) of a document."""
    d = find_document(matter, doc)
    kind = info_type.strip().lower().replace(" ", "-")
    if kind not in INFO_TYPES:
        raise PrivilegeError(f"{info_type!r}: the type must be one of {', '.join(INFO_TYPES)}.")
    if not 1 <= page <= d.pages:
        raise PrivilegeError(f"{d.file_name}: page {page} is not within 1-{d.pages}.")
    if para_id is not None:
        row = matter.db.execute("SELECT doc_id FROM paragraphs WHERE id = ?", [para_id]).fetchone()
        if row is None or row[0] != d.id:
            raise PrivilegeError(f"{d.file_name}: paragraph {para_id} is not in this document.")
    value = _basis(kind, basis)
    rec = Recorder(matter, f"Redact {d.file_name} p. {page} ({kind})")
    with matter.db.atomic():
        n = int(matter.get_meta("redaction_counter") or 0) + 1
        matter.set_meta("redaction_counter", str(n))
        rec.insert("redactions", {
            "entry_id": f"RED-{n:04d}", "doc_id": d.id, "page": page,
            "rect": None if rect is None else json.dumps(list(rect)), "para_id": para_id,
            "info_type": kind, "basis": value, "reason": reason.strip(),
            "who": rec.who, "at": rec.at,
        }, f"{d.file_name} p. {page}: {kind}")  # fmt: skip
    return rec.changes()


def add_boxes(
    matter: Matter, boxes: list[tuple[int, int, tuple[float, float, float, float]]],
    info_type: str, basis: str, reason: str, para_id: int | None = None, action: str = "redact",
) -> tuple[list[str], Changes]:  # fmt: skip
    """Record one redaction per (document id, 1-based page, rectangle) in a single undoable
    batch; returns the new ``RED-`` ids. Pages and rectangles are checked by the caller."""
    kind = info_type.strip().lower().replace(" ", "-")
    if kind not in INFO_TYPES:
        raise PrivilegeError(f"{info_type!r}: the type must be one of {', '.join(INFO_TYPES)}.")
    value = _basis(kind, basis)
    rec = Recorder(matter, action)
    ids: list[str] = []
    with matter.db.atomic():
        n = int(matter.get_meta("redaction_counter") or 0)
        for doc_id, page, rect in boxes:
            n += 1
            ids.append(f"RED-{n:04d}")
            rec.insert("redactions", {
                "entry_id": ids[-1], "doc_id": doc_id, "page": page,
                "rect": json.dumps([round(v, 2) for v in rect]), "para_id": para_id,
                "info_type": kind, "basis": value, "reason": reason.strip(),
                "who": rec.who, "at": rec.at,
            }, f"{ids[-1]} p. {page}: {kind}")  # fmt: skip
        matter.set_meta("redaction_counter", str(n))
    return ids, rec.changes()


def remove_redaction(matter: Matter, entry_id: str) -> Changes:
    row = matter.db.execute(
        "SELECT id FROM redactions WHERE entry_id = ?", [entry_id.strip().upper()]
    ).fetchone()
    if row is None:
        raise PrivilegeError(f"{entry_id}: no such redaction in {matter.name}.")
    rec = Recorder(matter, f"Remove redaction {entry_id.strip().upper()}")
    with matter.db.atomic():
        rec.delete("redactions", row[0], entry_id)
    return rec.changes()


def _redaction(row: dict[str, Any]) -> Redaction:
    """A redaction built by column name."""
    values = dict(row)
    values["rect"] = None if values["rect"] is None else tuple(json.loads(values["rect"]))
    return Redaction(**values)


def list_redactions(matter: Matter) -> list[Redaction]:
    cur = matter.db.execute(
        """SELECT r.id, r.entry_id, r.doc_id, r.page, r.rect, r.para_id, r.info_type, r.basis,
        r.reason, d.file_name, p.cite AS para_cite, g.label AS page_label
        FROM redactions r JOIN documents d ON d.id = r.doc_id
        LEFT JOIN paragraphs p ON p.id = r.para_id
        LEFT JOIN pages g ON g.doc_id = r.doc_id AND g.pno = r.page
        ORDER BY r.doc_id, r.page, r.id"""
    )
    cols = [c[0] for c in cur.description]
    return [_redaction(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]


def basis_text(basis: str) -> str:
    return "; ".join(BASIS_LABELS.get(b, b.split(":", 1)[-1]) for b in basis.split(",") if b)
