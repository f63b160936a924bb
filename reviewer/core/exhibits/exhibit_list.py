"""The exhibit list in the layout of form AO 187 (Exhibit and Witness List): the plaintiff's
and the defendant's number, Date Offered, Marked, Admitted and the Description of Exhibits,
as a ``Report`` the exports' writers lay out (XLSX, DOCX, PDF, CSV; cells are text). Rows:
numbered exhibits in number order (a withdrawn number stays, marked withdrawn), then
attached exhibits not numbered yet; exhibits cited but not attached are left out (a note
counts them)."""

from __future__ import annotations

from typing import Any

from reviewer.core.exhibits.numbering import SCHEMES, numbers, trial_numbers
from reviewer.core.exhibits.register import list_exhibits
from reviewer.core.exports.report import Column, Report, caption, today
from reviewer.core.matter.store import Matter

AO187 = (("Plf. No.", 9), ("Def. No.", 9), ("Date Offered", 11), ("Marked", 9),
         ("Admitted", 9), ("Description of Exhibits", 60))  # fmt: skip
EXTRA = (("Exhibit", 16), ("Document", 30), ("Pages", 9), ("Cited In", 40))


def pages_text(ex: dict[str, Any]) -> str:
    if ex["first_page"] is None:
        return ""
    a, b = ex["first_page"], ex["last_page"]
    return f"{a}" if a == b else f"{a}-{b}"


def describe(ex: dict[str, Any]) -> str:
    """``Exhibit A — Interim Order (motion.pdf pp. 16-28)``."""
    parts = [ex["label"]]
    if ex["description"]:
        parts.append(f"— {ex['description']}")
    where = ex["file_name"] + (f" pp. {pages_text(ex)}" if ex["first_page"] else "")
    if ex.get("filing") and ex["filing_id"] != ex["doc_id"]:
        where += f", exhibit to {ex['filing']}"
    return " ".join(parts) + f" ({where})"


def _row(ex: dict[str, Any], labels: list[str], withdrawn: bool = False) -> dict[str, str]:
    cols = trial_numbers(labels)
    cites = "; ".join(dict.fromkeys(c["cite"] for c in ex["cited_by"]))
    return {
        "Plf. No.": cols["plaintiff"], "Def. No.": cols["defendant"],
        "Date Offered": ex["offered"], "Marked": ex["marked"], "Admitted": ex["admitted"],
        "Description of Exhibits": ("(withdrawn) " if withdrawn else "") + describe(ex),
        "Exhibit": ex["label"], "Document": ex["file_name"], "Pages": pages_text(ex),
        "Cited In": cites,
    }  # fmt: skip


def rows(matter: Matter) -> tuple[list[dict[str, str]], int]:
    """The list's rows, and how many exhibits are cited but not attached (left out)."""
    register = {ex["exhibit_id"]: ex for ex in list_exhibits(matter)}
    out: list[dict[str, str]] = []
    listed: set[int] = set()
    order = {k: i for i, k in enumerate(SCHEMES)}
    nums = sorted(
        (n for n in numbers(matter) if n["scheme"] != "DEP" and n["exhibit_id"] in register),
        key=lambda n: (order[n["scheme"]], n["n"]),
    )
    for n in nums:
        ex = register[n["exhibit_id"]]
        if n["withdrawn"]:
            out.append(_row(ex, [n["number"]], withdrawn=True))
        elif ex["exhibit_id"] not in listed:
            listed.add(ex["exhibit_id"])
            out.append(_row(ex, [x for x in ex["numbers"] if not x.startswith("Dep.")]))
    for ex in register.values():
        if ex["attached"] and ex["exhibit_id"] not in listed:
            out.append(_row(ex, []))
    missing = sum(not ex["attached"] for ex in register.values())
    return out, missing


def exhibit_list_report(matter: Matter, compact: bool = False) -> Report:
    """``compact`` (DOCX, PDF): the AO 187 columns only; CSV and XLSX add the exhibit's
    label, document, pages and citing paragraphs."""
    data, missing = rows(matter)
    cols = AO187 if compact else AO187 + EXTRA
    notes = (f"{missing} exhibit(s) cited in the filings but not attached are not listed.",)
    title = "Exhibit List (AO 187)"
    return Report(title, (*caption(matter), f"{title} — {today()}"),
                  tuple(Column(k, k, w) for k, w in cols), data,
                  notes=notes if missing else ())  # fmt: skip
