"""Privilege coding: a status (``not-privileged`` / ``withheld`` / ``redacted``), bases and
the log fields of a whole document, a page range or one paragraph; bulk coding of many
documents as one audited, undoable batch; stable log entry ids (``PRIV-0001``…) from a
counter kept in the matter; the log's settings (producing party, client, era); and date and
author suggestions from the PDF's metadata."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from reviewer.core.errors import PrivilegeError
from reviewer.core.matter.audit import Recorder, operation
from reviewer.core.matter.documents import find_document
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

STATUSES = ("not-privileged", "withheld", "redacted")
BASES = ("attorney-client", "work-product", "common-interest")
BASIS_LABELS = {
    "attorney-client": "Attorney-Client Privilege",
    "work-product": "Attorney Work Product",
    "common-interest": "Common Interest / Joint Defense",
}
FIELDS = ("control", "date", "doc_type", "author", "recipients", "cc", "bcc", "custodian",
          "description", "narrative", "category")  # fmt: skip
SETTINGS = ("party", "client_org", "era_start", "case_no", "court")
_ALIASES = {"ac": "attorney-client", "attorney-client-privilege": "attorney-client",
            "wp": "work-product", "work-product-doctrine": "work-product",
            "joint-defense": "common-interest", "joint-defence": "common-interest",
            "ci": "common-interest"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Designation:
    id: int
    doc_id: int
    para_id: int | None
    page_start: int | None
    page_end: int | None
    status: str
    bases: tuple[str, ...]
    entry_id: str | None
    control: str
    date: str
    doc_type: str
    author: str
    recipients: str
    cc: str
    bcc: str
    custodian: str
    description: str
    narrative: str
    category: str
    who: str
    at: str
    file_name: str
    para_cite: str | None

    @property
    def scope(self) -> str:
        if self.para_id is not None:
            return self.para_cite or f"¶ id {self.para_id}"
        if self.page_start is not None:
            return f"pp. {self.page_start}-{self.page_end}"
        return "document"

    def as_json(self) -> dict[str, object]:
        d = asdict(self)
        d["bases"], d["scope"] = list(self.bases), self.scope
        return d


def check_status(status: str) -> str:
    value = status.strip().lower().replace(" ", "-").replace("_", "-")
    if value not in STATUSES:
        raise PrivilegeError(f"{status!r}: the status must be one of {', '.join(STATUSES)}.")
    return value


def check_bases(text: str) -> tuple[str, ...]:
    """``'attorney-client, WP, custom: settlement privilege'`` → known keys, then custom text
    kept as typed (a custom basis is any text after ``custom:``)."""
    found: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        if part.lower().startswith("custom:"):
            custom = part.split(":", 1)[1].strip()
            if not custom:
                raise PrivilegeError(f"{part!r}: say what the custom basis is after 'custom:'.")
            found.append(f"custom:{custom}")
            continue
        key = part.lower().replace(" ", "-").replace("/", "-")
        key = _ALIASES.get(key, key)
        if key not in BASES:
            raise PrivilegeError(
                f"{part!r}: the basis must be one of {', '.join(BASES)} or 'custom: TEXT'."
            )
        found.append(key)
    return tuple(dict.fromkeys(found))


def basis_label(basis: str) -> str:
    return basis.split(":", 1)[1] if basis.startswith("custom:") else BASIS_LABELS[basis]


def check_date(text: str) -> str:
    if text and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise PrivilegeError(f"{text!r}: give the date as YYYY-MM-DD.")
    if text:
        try:
            dt.date.fromisoformat(text)
        except ValueError:
            raise PrivilegeError(f"{text!r}: not a real date.") from None
    return text


_SQL = """SELECT v.id, v.doc_id, v.para_id, v.page_start, v.page_end, v.status, v.bases,
    v.entry_id, v.control, v.date, v.doc_type, v.author, v.recipients, v.cc, v.bcc,
    v.custodian, v.description, v.narrative, v.category, v.who, v.at, d.file_name,
    p.cite AS para_cite FROM privilege v JOIN documents d ON d.id = v.doc_id
    LEFT JOIN paragraphs p ON p.id = v.para_id"""


def _designation(row: dict[str, Any]) -> Designation:
    """A designation built by column name."""
    values = dict(row)
    values["bases"] = tuple(b for b in values["bases"].split(",") if b)
    return Designation(**values)


def designations(matter: Matter, doc_id: int | None = None) -> list[Designation]:
    """Designations in document order (whole document first, then pages, then paragraphs)."""
    where, args = ("WHERE v.doc_id = ?", [doc_id]) if doc_id is not None else ("", [])
    cur = matter.db.execute(
        f"{_SQL} {where} ORDER BY v.doc_id, v.para_id IS NOT NULL, "
        "coalesce(v.page_start, 0), coalesce(p.seq, 0)",
        args,
    )
    cols = [c[0] for c in cur.description]
    return [_designation(dict(zip(cols, r, strict=True))) for r in cur.fetchall()]


def _next_entry_id(matter: Matter) -> str:
    """Allocate the next ``PRIV-nnnn`` (inside the caller's transaction). The counter only
    grows: an undone or cleared entry's id is never handed out again."""
    n = int(matter.get_meta("priv_counter") or 0) + 1
    matter.set_meta("priv_counter", str(n))
    return f"PRIV-{n:04d}"


def suggest_fields(matter: Matter, doc_id: int) -> dict[str, str]:
    """Date (``YYYY-MM-DD``) and author suggested by the PDF's metadata, when plausible."""
    row = matter.db.execute("SELECT pdf_meta FROM documents WHERE id = ?", [doc_id]).fetchone()
    meta = json.loads(row[0]) if row and row[0] else {}
    found: dict[str, str] = {}
    for key in ("creationDate", "modDate"):
        m = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get(key) or "")
        if m and "date" not in found:
            try:
                day = dt.date(*(int(x) for x in m.groups()))
            except ValueError:
                continue
            if day.year >= 1971 and day <= dt.date.today():
                found["date"] = day.isoformat()
    author = " ".join((meta.get("author") or "").split())
    if author:
        found["author"] = author
    return found


@dataclass(frozen=True, slots=True)
class Scope:
    """What part of a document a designation covers: all of it, pages, or one paragraph."""

    page_start: int | None = None
    page_end: int | None = None
    para_id: int | None = None


def _existing(matter: Matter, doc_id: int, scope: Scope) -> int | None:
    row = matter.db.execute(
        "SELECT id FROM privilege WHERE doc_id = ? AND coalesce(para_id, 0) = ? "
        "AND coalesce(page_start, 0) = ? AND coalesce(page_end, 0) = ?",
        [doc_id, scope.para_id or 0, scope.page_start or 0, scope.page_end or 0],
    ).fetchone()
    return row[0] if row else None


def _check_scope(matter: Matter, doc_id: int, pages: int, scope: Scope) -> None:
    if scope.page_start is not None:
        end = scope.page_end or scope.page_start
        if not 1 <= scope.page_start <= end <= pages:
            raise PrivilegeError(f"Pages {scope.page_start}-{end} are not within 1-{pages}.")
    if scope.para_id is not None:
        row = matter.db.execute(
            "SELECT doc_id FROM paragraphs WHERE id = ?", [scope.para_id]
        ).fetchone()
        if row is None or row[0] != doc_id:
            raise PrivilegeError(f"Paragraph {scope.para_id} is not in document {doc_id}.")


def set_privilege(
    matter: Matter, docs: Sequence[str | int], status: str, bases: str | None = None,
    scope: Scope = Scope(), suggest: bool = True, **fields: str | None,
) -> Changes:  # fmt: skip
    """Code documents (or one scope of them) in one undoable batch. Fields left ``None`` keep
    their value; on a new designation, date and author left empty are suggested from the PDF
    metadata. Withheld or redacted designations get a log entry id the first time."""
    value = check_status(status)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise PrivilegeError(f"Unknown privilege field(s): {', '.join(sorted(unknown))}.")
    given = {k: (v or "").strip() for k, v in fields.items() if v is not None}
    if "date" in given:
        check_date(given["date"])
    basis = None if bases is None else ",".join(check_bases(bases))
    found = [find_document(matter, d) for d in dict.fromkeys(str(d) for d in docs)]
    if not found:
        raise PrivilegeError("Choose at least one document to code.")
    if scope.page_start is not None and scope.page_end is None:
        scope = Scope(scope.page_start, scope.page_start, None)
    for d in found:
        _check_scope(matter, d.id, d.pages, scope)
    rec = Recorder(matter, f"Code {_what(matter, found, scope)} as {value}")
    with matter.db.atomic():
        for d in found:
            _code_one(matter, rec, d.id, d.file_name, value, basis, scope, given, suggest)
    return rec.changes()


def _what(matter: Matter, docs: Sequence[Any], scope: Scope) -> str:
    """``compl.pdf ¶ 3``, ``memo.pdf pp. 2-4``, ``12 documents``: what an operation codes."""
    if len(docs) > 2:
        return f"{len(docs)} documents"
    names = " and ".join(d.file_name for d in docs)
    if scope.para_id is not None:
        row = matter.db.execute("SELECT cite FROM paragraphs WHERE id = ?", [scope.para_id])
        cite = row.fetchone()
        return f"{names} {cite[0] if cite else ''}".strip()
    if scope.page_start is not None:
        return f"{names} pp. {scope.page_start}-{scope.page_end}"
    return names


def _code_one(
    matter: Matter, rec: Recorder, doc_id: int, name: str, status: str, basis: str | None,
    scope: Scope, given: dict[str, str], suggest: bool,
) -> None:  # fmt: skip
    old = _existing(matter, doc_id, scope)
    values: dict[str, Any] = {"status": status, **given, "who": rec.who, "at": rec.at}
    if basis is not None:
        values["bases"] = basis
    summary = f"{name}: {status}"
    if old is None:
        if suggest:
            values = {**{k: v for k, v in suggest_fields(matter, doc_id).items()
                         if not given.get(k)}, **values}  # fmt: skip
        values.update(doc_id=doc_id, para_id=scope.para_id, page_start=scope.page_start,
                      page_end=scope.page_end)  # fmt: skip
        if status != "not-privileged":
            values["entry_id"] = _next_entry_id(matter)
        rec.insert("privilege", values, summary)
        return
    has_id = matter.db.execute("SELECT entry_id FROM privilege WHERE id = ?", [old]).fetchone()[0]
    if status != "not-privileged" and not has_id:
        values["entry_id"] = _next_entry_id(matter)
    rec.update("privilege", old, values, summary)


def clear_privilege(matter: Matter, docs: Sequence[str | int], scope: Scope = Scope()) -> Changes:
    """Remove designations (their entry ids are retired, never reused)."""
    found = [find_document(matter, d) for d in docs]
    ids = [(d, _existing(matter, d.id, scope)) for d in found]
    missing = [d.file_name for d, i in ids if i is None]
    if missing:
        raise PrivilegeError(f"{', '.join(missing)}: no privilege designation to clear.")
    rec = Recorder(matter, f"Clear the privilege coding of {_what(matter, found, scope)}")
    with matter.db.atomic():
        for d, i in ids:
            rec.delete("privilege", i, f"{d.file_name}: cleared")  # type: ignore[arg-type]
    return rec.changes()


def settings(matter: Matter) -> dict[str, str]:
    """The log's settings: producing ``party``, ``client_org``, ``era_start``, ``case_no``,
    ``court`` (the last two default to the complaint's)."""
    return {k: matter.get_meta(f"privlog.{k}") or "" for k in SETTINGS}


def set_settings(matter: Matter, **values: str | None) -> dict[str, str]:
    """Change the log's settings (one undoable operation)."""
    matter.require_writable()
    given = {k: v.strip() for k, v in values.items() if v is not None}
    for key, value in given.items():
        if key not in SETTINGS:
            raise PrivilegeError(f"Unknown privilege-log setting {key!r}.")
        if key == "era_start":
            check_date(value)
    with operation(matter, f"Privilege-log settings: {', '.join(given)}") as op:
        for key, value in given.items():
            name = f"privlog.{key}"
            if op.row("matter_meta", name) is None:
                op.insert("matter_meta", {"key": name, "value": value}, name)
            else:
                op.update("matter_meta", name, {"value": value}, name)
    return settings(matter)
