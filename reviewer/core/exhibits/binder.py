"""The exhibit binder of a matter: every attached exhibit in exhibit-list order (numbered
ones by number, then the rest), each behind a slip sheet, stickered on its first page and
footed on every page with its number (``PX-012 — page 3 of 9``), with a linked index and a
bookmark per exhibit. The PDF work is ``reviewer.core.pdf.binder``; this module picks the
pages and the words. Written atomically: a failure leaves no file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits.exhibit_list import describe
from reviewer.core.exhibits.numbering import SCHEMES, numbers
from reviewer.core.exhibits.register import find_exhibit, list_exhibits
from reviewer.core.exports import atomic_output
from reviewer.core.exports.report import caption
from reviewer.core.matter.store import Matter
from reviewer.core.pdf import BinderEntry, assemble_binder, stamp_exhibit

_PARTY = {"plaintiff": "PLAINTIFF'S", "defendant": "DEFENDANT'S", "joint": "JOINT"}


def _number(ex: dict[str, Any]) -> tuple[str, str, str]:
    """(binder label, sticker party line, sticker number) of an exhibit."""
    trial = [n for n in ex["numbers"] if not n.startswith("Dep.")]
    if not trial:
        return ex["label"], "", ex["label"].split()[-1]
    label = trial[0]
    scheme = SCHEMES["LTR" if "-" not in label else label.split("-")[0]]
    return label, _PARTY.get(scheme.party, ""), label.split("-")[-1].lstrip("0") or "0"


def _ordered(matter: Matter) -> list[dict[str, Any]]:
    register = {ex["exhibit_id"]: ex for ex in list_exhibits(matter) if ex["attached"]}
    order = {k: i for i, k in enumerate(SCHEMES)}
    nums = sorted((n for n in numbers(matter) if not n["withdrawn"] and n["scheme"] != "DEP"
                   and n["exhibit_id"] in register),
                  key=lambda n: (order[n["scheme"]], n["n"]))  # fmt: skip
    ids = list(dict.fromkeys(n["exhibit_id"] for n in nums))
    ids += [i for i in register if i not in ids]
    return [register[i] for i in ids]


def _case_no(matter: Matter, doc_id: int) -> str:
    row = matter.db.execute("SELECT case_no FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row and row[0]:
        return f"Case No. {row[0]}"
    return next((x for x in caption(matter) if x.startswith("Case No.")), "")


def binder_entries(matter: Matter) -> list[BinderEntry]:
    """One entry per exhibit to bind; an exhibit within another that is bound (``Exhibit 1``
    of ``Group Exhibit A``) is bookmarked inside it rather than bound twice."""
    exhibits = _ordered(matter)
    bound = {ex["exhibit_id"] for ex in exhibits}
    inner: dict[int, list[tuple[str, int]]] = {}
    for ex in exhibits:
        parent = next((p for p in exhibits if p["exhibit_id"] == ex["parent_id"]), None)
        if parent is not None and parent["doc_id"] == ex["doc_id"]:
            bound.discard(ex["exhibit_id"])
            offset = ex["first_page"] - parent["first_page"] + 1
            inner.setdefault(parent["exhibit_id"], []).append((_number(ex)[0], offset))
    return [_entry(matter, ex, tuple(inner.get(ex["exhibit_id"], ())))
            for ex in exhibits if ex["exhibit_id"] in bound]  # fmt: skip


def _entry(matter: Matter, ex: dict[str, Any], inner: tuple[tuple[str, int], ...] = ()
           ) -> BinderEntry:  # fmt: skip
    stored = matter.db.execute(
        "SELECT stored_path FROM documents WHERE id = ?", [ex["doc_id"]]
    ).fetchone()[0]
    label, party, number = _number(ex)
    sticker = (party, "EXHIBIT", number, _case_no(matter, ex["filing_id"] or ex["doc_id"]))
    return BinderEntry(label, describe(ex), matter.path / stored, ex["first_page"],
                       ex["last_page"], sticker, inner)  # fmt: skip


def write_binder(matter: Matter, dest: str | Path) -> tuple[int, int]:
    """Write the binder PDF; returns (exhibits, pages)."""
    entries = binder_entries(matter)
    if not entries:
        raise ReviewerError(
            f"{matter.path.name}: no attached exhibits to bind (see 'reviewer exhibits')."
        )
    for e in entries:
        if not e.source.is_file():
            raise ReviewerError(f"{e.source}: the stored copy of {e.number} is missing.")
    head = caption(matter)
    title = (*head[: max(1, len(head) - 1)], "Exhibit binder")
    with atomic_output(dest) as tmp:
        pages = assemble_binder(tmp, title, entries)
    return len(entries), pages


def write_stamped_exhibit(matter: Matter, exhibit: str, dest: str | Path) -> tuple[str, int]:
    """One exhibit (id or number), stickered and footed with its number; returns (number,
    pages). Made again after a renumbering, it carries the new number."""
    ex = find_exhibit(matter, exhibit)
    if not ex["attached"]:
        raise ReviewerError(f"{ex['label']} is cited but not attached: there are no pages.")
    entry = _entry(matter, ex)
    if not entry.source.is_file():
        raise ReviewerError(f"{entry.source}: the stored copy of {entry.number} is missing.")
    with atomic_output(dest) as tmp:
        pages = stamp_exhibit(tmp, entry)
    return entry.number, pages
