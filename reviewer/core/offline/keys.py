"""What identifies a row of reviewers' work apart from its id, on either side of a check-in.

Ids are local: a tag made on a laptop gets the next free id of the package, which the
matter may have given to another tag meanwhile. So a package change is matched to the
matter by a *natural key* — a tag by its element (claim key + element key), document and
paragraph or pages; a privilege designation by its document and scope; a person by name
key — and a reference to another table of work (a tag's element, an element's claim) is
translated through that table's own natural key. Entry ids (``PRIV-0007``, ``RED-0003``)
are the matter's to allocate: a row made offline gets a fresh one on check-in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from reviewer.core.matter.store import Database
from reviewer.core.privilege.coding import FIELDS as PRIVILEGE_FIELDS

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Spec:
    """How one table of work merges: the columns that identify a row, the value columns
    merged one by one, references translated by natural key, columns that follow the side
    whose value is kept (who, when), and the entry-id counter, if any."""

    key: tuple[str, ...]
    fields: tuple[str, ...]
    refs: dict[str, str] = field(default_factory=dict)
    follow: tuple[str, ...] = ()
    counter: tuple[str, str] | None = None  # (matter_meta key, prefix)
    whole: bool = False  # the value columns are one value (a tag: assessment and its note)
    prefix: str = ""  # only rows whose key starts so (matter_meta: the privilege-log settings)


SPECS: dict[str, Spec] = {
    "claims": Spec(("key",), ("name", "source", "template", "position")),
    "elements": Spec(
        ("claim_id", "key"), ("name", "description", "terms", "hotkey", "position", "retired"),
        {"claim_id": "claims"},
    ),
    "count_claims": Spec(("doc_id", "count", "claim_id"), ("status",), {"claim_id": "claims"}),
    "tags": Spec(
        ("element_id", "doc_id", "para_id", "page_start", "page_end"), ("assessment", "note"),
        {"element_id": "elements"}, ("who", "at"), whole=True,
    ),
    "suggestion_rejects": Spec(("element_id", "para_id"), (), {"element_id": "elements"}),
    "people": Spec(("key",), ("name", "attorney", "organisation", "aliases")),
    "privilege": Spec(
        ("doc_id", "para_id", "page_start", "page_end"), ("status", "bases", *PRIVILEGE_FIELDS),
        {}, ("who", "at"), ("priv_counter", "PRIV"),
    ),
    "matter_meta": Spec(("key",), ("value",), prefix="privlog."),
    "redactions": Spec(
        ("doc_id", "page", "rect", "para_id"), ("info_type", "basis", "reason"), {},
        ("who", "at"), ("redaction_counter", "RED"),
    ),
}  # fmt: skip


class Missing(Exception):
    """A change refers to something the matter does not have (a paragraph re-cut away, an
    element never created there): it cannot be applied, and the reason says why."""


def merges(tbl: str, row: Row) -> bool:
    """Whether a row of a merged table is work that merges (not a package's own setting)."""
    prefix = SPECS[tbl].prefix
    return not prefix or str(row.get(SPECS[tbl].key[0], "")).startswith(prefix)


def dumps(value: Any) -> str:
    """The canonical JSON of a key or value (stable, comparable as text)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


class Keys:
    """Natural keys over one database (a matter or a package). ``seen`` rows (from audit
    snapshots) stand in for rows no longer in the table, so a reference to a row the package
    deleted later still resolves."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.seen: dict[tuple[str, int], Row] = {}

    def remember(self, tbl: str, row: Row | None) -> None:
        if row is not None and tbl in ("claims", "elements"):
            self.seen[(tbl, row["id"])] = row

    def _by_id(self, tbl: str, row_id: int) -> Row:
        cur = self.db.execute(f"SELECT * FROM {tbl} WHERE id = ?", [row_id])
        found = cur.fetchone()
        if found is not None:
            return dict(zip([d[0] for d in cur.description], found, strict=True))
        if (tbl, row_id) in self.seen:
            return self.seen[(tbl, row_id)]
        raise Missing(f"{tbl} {row_id} is not in the package")

    def nkey(self, tbl: str, row: Row) -> list[Any]:
        """The row's natural key: its key columns, references replaced by theirs."""
        spec = SPECS[tbl]
        return [
            self.nkey(spec.refs[c], self._by_id(spec.refs[c], row[c])) if c in spec.refs
            else row[c]
            for c in spec.key
        ]  # fmt: skip

    def ids(self, tbl: str, nkey: list[Any]) -> dict[str, Any]:
        """The key columns with this database's ids (``Missing`` if a reference is not
        here, or a document or paragraph is gone)."""
        spec = SPECS[tbl]
        out: dict[str, Any] = {}
        for col, part in zip(spec.key, nkey, strict=True):
            if col in spec.refs:
                found = self.find(spec.refs[col], part)
                if found is None:
                    raise Missing(f"{describe(self.db, spec.refs[col], part)} is not in the matter")
                out[col] = found["id"]
            else:
                out[col] = part
        self._check_targets(out)
        return out

    def _check_targets(self, cols: dict[str, Any]) -> None:
        doc, para = cols.get("doc_id"), cols.get("para_id")
        if (
            doc is not None
            and not self.db.execute("SELECT 1 FROM documents WHERE id = ?", [doc]).fetchone()
        ):
            raise Missing(f"document {doc} is no longer in the matter")
        if para is not None:
            row = self.db.execute("SELECT doc_id FROM paragraphs WHERE id = ?", [para]).fetchone()
            if row is None or (doc is not None and row[0] != doc):
                raise Missing(f"paragraph {para} is no longer in the matter (re-cut since?)")

    def find(self, tbl: str, nkey: list[Any]) -> Row | None:
        """The row with this natural key, or None."""
        try:
            cols = self.ids(tbl, nkey)
        except Missing:
            return None
        where = " AND ".join(f"[{c}] IS ?" for c in cols)
        cur = self.db.execute(f"SELECT * FROM {tbl} WHERE {where}", list(cols.values()))
        found = cur.fetchone()
        return None if found is None else dict(zip([d[0] for d in cur.description], found,
                                                   strict=True))  # fmt: skip


def next_entry_id(matter: Any, meta_key: str, prefix: str) -> str:
    """The matter allocates entry ids (``PRIV-0007``): a row made offline gets the next."""
    n = int(matter.get_meta(meta_key) or 0) + 1
    matter.set_meta(meta_key, str(n))
    return f"{prefix}-{n:04d}"


WHOLE = "value"  # the field name of a conflict over a whole value


def merged_fields(tbl: str, row: Row | None) -> dict[str, Any]:
    """The row's values as merged: field by field, or one ``value`` for a whole value."""
    vals = values(tbl, row) or {}
    return {WHOLE: vals} if SPECS[tbl].whole else vals


def values(tbl: str, row: Row | None) -> Row | None:
    """The merged value columns of a row (None: no row)."""
    return None if row is None else {f: row[f] for f in SPECS[tbl].fields}


def describe(db: Database, tbl: str, nkey: list[Any]) -> str:
    """A person's words for a natural key: ``complaint.pdf ¶ 12 · fraud.intent``."""
    if tbl == "claims":
        return f"claim {nkey[0]}"
    if tbl == "elements":
        return f"element {nkey[0][0]}.{nkey[1]}"
    if tbl == "people":
        return f"person {nkey[0]}"
    if tbl == "matter_meta":
        return f"privilege-log setting {str(nkey[0]).removeprefix('privlog.')}"
    where = _place(db, nkey, tbl)
    if tbl == "tags":
        return f"{where} · {nkey[0][0][0]}.{nkey[0][1]} tag"
    if tbl == "suggestion_rejects":
        return f"{_para(db, nkey[1])} · {nkey[0][0][0]}.{nkey[0][1]} rejected suggestion"
    if tbl == "count_claims":
        return f"{where} {nkey[1]} → claim {nkey[2][0]}"
    return f"{where} {'redaction' if tbl == 'redactions' else 'privilege'}"


def stamp(at: str) -> str:
    """A stored time as a person reads it: ``2026-03-02 14:05 UTC``."""
    return f"{at[:16].replace('T', ' ')} UTC" if len(at) >= 16 else at


def _para(db: Database, para_id: int | None) -> str:
    row = db.execute(
        "SELECT d.file_name, p.cite, p.number FROM paragraphs p JOIN documents d "
        "ON d.id = p.doc_id WHERE p.id = ?",
        [para_id],
    ).fetchone()
    if row is None:
        return f"paragraph {para_id}"
    item = f", item {row[2]}" if row[2] and "¶" not in row[1] else ""
    return f"{row[0]}: {row[1]}{item}"


def _place(db: Database, nkey: list[Any], tbl: str) -> str:
    doc_id = nkey[1] if tbl == "tags" else nkey[0]
    para = {"tags": 2, "privilege": 1, "redactions": 3}.get(tbl)
    if para is not None and nkey[para] is not None:
        return _para(db, nkey[para])
    row = db.execute("SELECT file_name FROM documents WHERE id = ?", [doc_id]).fetchone()
    name = row[0] if row else f"document {doc_id}"
    if tbl == "tags" and nkey[3] is not None:
        return f"{name} pp. {nkey[3]}-{nkey[4]}"
    if tbl == "privilege" and nkey[2] is not None:
        return f"{name} pp. {nkey[2]}-{nkey[3]}"
    if tbl == "redactions":
        return f"{name} p. {nkey[1]}"
    return name
