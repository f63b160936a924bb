"""Exhibit numbers of a matter: plaintiff's, defendant's and joint trial numbers (PX-001,
DX-001, JX-001), letters (A … Z, AA …), and deposition exhibit numbers, with the crosswalk
from deposition to trial numbers. A number comes from a counter per scheme kept in the
matter (``matter_meta``), is assigned once and never reused: withdrawing it keeps its row
(the exhibit list shows it withdrawn), and the counter never goes back, not even on undo."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.exhibits.register import find_exhibit, list_exhibits
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes


@dataclass(frozen=True, slots=True)
class Scheme:
    key: str
    name: str
    party: str  # plaintiff | defendant | joint | "" (the AO 187 column it fills)
    kind: str  # trial | deposition

    def label(self, n: int) -> str:
        if self.key == "LTR":
            return letters(n)
        if self.key == "DEP":
            return f"Dep. Ex. {n}"
        return f"{self.key}-{n:03d}"


SCHEMES = {
    s.key: s
    for s in (
        Scheme("PX", "Plaintiff's trial exhibits", "plaintiff", "trial"),
        Scheme("DX", "Defendant's trial exhibits", "defendant", "trial"),
        Scheme("JX", "Joint trial exhibits", "joint", "trial"),
        Scheme("LTR", "Lettered exhibits (defendant's)", "defendant", "trial"),
        Scheme("DEP", "Deposition exhibits", "", "deposition"),
    )
}


def letters(n: int) -> str:
    """1 → A, 26 → Z, 27 → AA, 28 → AB (spreadsheet columns)."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def scheme(key: str) -> Scheme:
    found = SCHEMES.get(key.upper())
    if found is None:
        raise ReviewerError(f"{key}: the numbering scheme is one of {', '.join(SCHEMES)}.")
    return found


def _counter(matter: Matter, key: str) -> int:
    return int(matter.get_meta(f"exhibit_counter:{key}") or 0)


def _take(matter: Matter, s: Scheme, number: int | None) -> int:
    """The next number of the scheme, or ``number`` when it was never used."""
    last = _counter(matter, s.key)
    if number is None:
        number = last + 1
    elif number < 1:
        raise ReviewerError(f"{number}: exhibit numbers start at 1.")
    elif matter.db.execute(
        "SELECT 1 FROM exhibit_numbers WHERE scheme = ? AND number = ?", [s.key, number]
    ).fetchone():
        raise ReviewerError(f"{s.label(number)} was used already; numbers are never reused.")
    matter.set_meta(f"exhibit_counter:{s.key}", str(max(last, number)))
    return number


def _assign(matter: Matter, rec: Recorder, ex: dict[str, Any], s: Scheme,
            number: int | None) -> str:  # fmt: skip
    if matter.db.execute(
        "SELECT 1 FROM exhibit_numbers WHERE exhibit_id = ? AND scheme = ? AND withdrawn = 0",
        [ex["exhibit_id"], s.key],
    ).fetchone():
        raise ReviewerError(
            f"{ex['label']} ({ex['file_name']}) has a {s.key} number already; withdraw it first."
        )
    n = _take(matter, s, number)
    label = s.label(n)
    rec.insert("exhibit_numbers", {"exhibit_id": ex["exhibit_id"], "scheme": s.key,
               "number": n, "label": label, "who": rec.who, "at": rec.at},
               f"{label}: {ex['label']}")  # fmt: skip
    return label


def assign(matter: Matter, exhibit: str, scheme_key: str,
           number: int | None = None) -> tuple[str, Changes]:  # fmt: skip
    """Give an exhibit (id or a number it has) the next number of a scheme (or ``number``
    when that was never used); one undoable step."""
    matter.require_writable()
    s = scheme(scheme_key)
    ex = find_exhibit(matter, exhibit)
    rec = Recorder(matter, f"Number {ex['label']}")
    with matter.db.atomic():
        label = _assign(matter, rec, ex, s, number)
    return label, rec.changes()


def assign_all(
    matter: Matter, scheme_key: str, doc: str | None = None
) -> tuple[list[str], Changes]:
    """Number every attached exhibit (of ``doc``, or of the matter) that has no number of
    the scheme yet, in register order; one undoable step."""
    matter.require_writable()
    s = scheme(scheme_key)
    rec = Recorder(matter, f"Number exhibits {s.key}")
    out: list[str] = []
    with matter.db.atomic():
        for ex in list_exhibits(matter, doc):
            has = any(_scheme_of(n) == s.key for n in ex["numbers"])
            if ex["attached"] and not has:
                out.append(_assign(matter, rec, ex, s, None))
    return out, rec.changes()


def _scheme_of(label: str) -> str:
    if label.startswith("Dep. Ex."):
        return "DEP"
    return label.split("-")[0] if "-" in label else "LTR"


def withdraw(matter: Matter, label: str) -> Changes:
    """Withdraw a number (``PX-012``): it stays on the list as withdrawn, never reused."""
    matter.require_writable()
    row = matter.db.execute(
        "SELECT id FROM exhibit_numbers WHERE upper(label) = upper(?) AND withdrawn = 0",
        [label.strip()],
    ).fetchone()
    if row is None:
        raise ReviewerError(f"{label}: no exhibit has this number ('reviewer exhibits numbers').")
    rec = Recorder(matter, f"Withdraw {label}")
    with matter.db.atomic():
        rec.update("exhibit_numbers", row[0], {"withdrawn": 1}, f"{label} withdrawn")
    return rec.changes()


def numbers(matter: Matter) -> list[dict[str, Any]]:
    """Every number ever given: ``{number, scheme, exhibit_id, label, doc_id, file_name,
    withdrawn}`` by scheme and number."""
    rows = matter.db.execute(
        """SELECT n.label, n.scheme, n.number, n.exhibit_id, e.label, e.doc_id, d.file_name,
        n.withdrawn FROM exhibit_numbers n LEFT JOIN exhibits e ON e.id = n.exhibit_id
        LEFT JOIN documents d ON d.id = e.doc_id ORDER BY n.scheme, n.number"""
    ).fetchall()
    keys = ("number", "scheme", "n", "exhibit_id", "label", "doc_id", "file_name", "withdrawn")
    return [dict(zip(keys, r, strict=True)) | {"withdrawn": bool(r[7])} for r in rows]


def crosswalk(matter: Matter) -> list[dict[str, Any]]:
    """Deposition exhibit number → trial number(s): ``{exhibit_id, label, file_name,
    deposition, trial}`` for every exhibit with a deposition number."""
    out: list[dict[str, Any]] = []
    for ex in list_exhibits(matter):
        deps = [n for n in ex["numbers"] if _scheme_of(n) == "DEP"]
        trial = [n for n in ex["numbers"] if _scheme_of(n) != "DEP"]
        out.extend({"exhibit_id": ex["exhibit_id"], "label": ex["label"],
                    "file_name": ex["file_name"], "deposition": d, "trial": ", ".join(trial)}
                   for d in deps)  # fmt: skip
    return sorted(out, key=lambda r: int(r["deposition"].split()[-1]))


def trial_numbers(labels: Iterable[str]) -> dict[str, str]:
    """The AO 187 columns an exhibit's numbers fill: ``{plaintiff, defendant}``."""
    cols = {"plaintiff": [], "defendant": []}  # type: dict[str, list[str]]
    for label in labels:
        party = SCHEMES[_scheme_of(label)].party
        for col in ("plaintiff", "defendant"):
            if party in (col, "joint"):
                cols[col].append(label)
    return {k: ", ".join(v) for k, v in cols.items()}
