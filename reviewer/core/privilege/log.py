"""The rows of the privilege log in each preset, from the matter's withheld and redacted
designations (in entry-id order, so ids never move):

* ``frcp`` — FRCP 26(b)(5)(A), one row per document (the default); attorneys marked ``*``;
* ``sdny-categorical`` — S.D.N.Y./E.D.N.Y. Local Civil Rule 26.2(c): one row per category
  (a designation's category, else its document type, and privilege) with the date range,
  the count, the entries and the descriptions; attorneys ``Esq.``;
* ``ninth-circuit`` — In re Grand Jury Investigation, 974 F.2d 1068, 1071 (9th Cir. 1992):
  attorney and client involved, nature of the document, all persons shown or sent to, date,
  subject matter; attorneys ``Esq.``;
* ``sedona`` — the Sedona Conference's metadata-plus-topic log: the document's metadata
  fields and a topic; attorneys ``*``.

Column keys are the column labels, so every format (CSV included) shows the same header."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from reviewer.core.matter.store import Matter
from reviewer.core.privilege import people as people_mod
from reviewer.core.privilege.coding import Designation, basis_label, designations
from reviewer.core.privilege.people import Person, display_name, name_key, split_names

PRESETS = ("frcp", "sdny-categorical", "ninth-circuit", "sedona")
TITLES = {
    "frcp": "Privilege Log (Fed. R. Civ. P. 26(b)(5)(A))",
    "sdny-categorical": "Categorical Privilege Log (S.D.N.Y. / E.D.N.Y. Local Civil Rule 26.2)",
    "ninth-circuit": "Privilege Log (In re Grand Jury Investigation, 974 F.2d 1068 (9th Cir.))",
    "sedona": "Privilege Log (Sedona Conference metadata-plus-topic)",
}
STYLE = {"frcp": "star", "sdny-categorical": "esq", "ninth-circuit": "esq", "sedona": "star"}
COLUMNS: dict[str, tuple[tuple[str, float], ...]] = {
    "frcp": (("Entry", 15), ("Control No.", 18), ("Date", 14), ("Document Type", 14),
             ("Author", 18), ("Recipients", 22), ("CC", 16), ("BCC", 12), ("Custodian", 14),
             ("Privilege", 18), ("Description", 40), ("Basis", 30)),
    "sdny-categorical": (("Category", 20), ("Entries", 18), ("Date Range", 22), ("Count", 7),
                         ("Document Types", 16), ("Authors and Recipients", 30),
                         ("Privilege", 18), ("Description", 48)),
    "ninth-circuit": (("Entry", 15), ("Date", 14), ("Nature of Document", 16),
                      ("Attorney(s) Involved", 22), ("Client(s) Involved", 22),
                      ("All Persons Shown or Sent To", 32), ("Subject Matter", 40),
                      ("Privilege", 18)),
    "sedona": (("Entry", 15), ("Control No.", 20), ("Date", 14),
               ("Document Type", 13), ("Author", 15), ("To", 17), ("CC", 13), ("BCC", 10),
               ("Custodian", 13), ("Privilege", 20), ("Topic", 40)),
}  # fmt: skip


def entries(matter: Matter) -> list[Designation]:
    """The logged designations (withheld or redacted), in entry-id order."""
    found = [d for d in designations(matter) if d.status != "not-privileged" and d.entry_id]
    return sorted(found, key=lambda d: (len(d.entry_id or ""), d.entry_id))


def privilege_text(d: Designation) -> str:
    text = "; ".join(basis_label(b) for b in d.bases)
    return f"{text} ({d.status.capitalize()})" if text else d.status.capitalize()


def control(d: Designation) -> str:
    if d.control:
        return d.control
    return d.file_name if d.scope == "document" else f"{d.file_name}, {d.scope}"


def _names(text: str, people: dict[str, Person], style: str) -> str:
    return "; ".join(display_name(n, people, style) for n in split_names(text))


def participants(d: Designation) -> list[str]:
    return [n for f in (d.author, d.recipients, d.cc, d.bcc) for n in split_names(f)]


def _frcp(d: Designation, people: dict[str, Person], style: str) -> dict[str, str]:
    return {"Entry": d.entry_id or "", "Control No.": control(d), "Date": d.date,
            "Document Type": d.doc_type, "Author": _names(d.author, people, style),
            "Recipients": _names(d.recipients, people, style),
            "CC": _names(d.cc, people, style), "BCC": _names(d.bcc, people, style),
            "Custodian": _names(d.custodian, people, style), "Privilege": privilege_text(d),
            "Description": d.description, "Basis": d.narrative}  # fmt: skip


def _ninth(d: Designation, people: dict[str, Person], style: str, client: str) -> dict[str, str]:
    lawyers, clients = [], []
    for n in dict.fromkeys(participants(d)):
        p = people.get(name_key(n))
        if p is not None and p.attorney:
            lawyers.append(display_name(n, people, style))
        elif p is not None and client and p.organisation.casefold() == client.casefold():
            clients.append(p.name)
    shown = [n for f in (d.recipients, d.cc, d.bcc) for n in split_names(f)]
    return {"Entry": d.entry_id or "", "Date": d.date, "Nature of Document": d.doc_type,
            "Attorney(s) Involved": "; ".join(lawyers),
            "Client(s) Involved": "; ".join(clients) or client,
            "All Persons Shown or Sent To": "; ".join(display_name(n, people, style)
                                                      for n in dict.fromkeys(shown)),
            "Subject Matter": d.description, "Privilege": privilege_text(d)}  # fmt: skip


def _sedona(d: Designation, people: dict[str, Person], style: str) -> dict[str, str]:
    row = _frcp(d, people, style)
    return {**{k: row[k] for k in ("Entry", "Control No.", "Date", "Document Type", "Author",
                                   "CC", "BCC", "Custodian", "Privilege")},
 "To": row["Recipients"],
            "Topic": d.description}  # fmt: skip


def category_of(d: Designation) -> str:
    return d.category or d.doc_type or "Uncategorised"


def _categorical(found: list[Designation], people: dict[str, Person], style: str) -> list[dict]:
    groups: dict[tuple[str, str], list[Designation]] = defaultdict(list)
    for d in found:
        groups[(category_of(d), privilege_text(d))].append(d)
    rows = []
    for (category, priv), members in groups.items():
        dates = sorted(d.date for d in members if d.date)
        span = "" if not dates else f"{dates[0]} to {dates[-1]}"
        span = dates[0] if dates and dates[0] == dates[-1] else span
        names = dict.fromkeys(display_name(n, people, style) for d in members
                              for n in participants(d))  # fmt: skip
        descriptions = dict.fromkeys(d.description for d in members if d.description)
        ids = [d.entry_id or "" for d in members]
        rows.append({"Category": category, "Entries": ", ".join(ids), "Date Range": span,
                     "Count": str(len(members)),
                     "Document Types": "; ".join(dict.fromkeys(d.doc_type for d in members
                                                               if d.doc_type)),
                     "Authors and Recipients": "; ".join(names), "Privilege": priv,
                     "Description": " ".join(descriptions)})  # fmt: skip
    return rows


def rows(matter: Matter, preset: str = "frcp") -> list[dict[str, str]]:
    """The log's rows in ``preset``, keyed by column label."""
    if preset not in PRESETS:
        from reviewer.core.errors import PrivilegeError

        raise PrivilegeError(f"{preset!r}: the preset must be one of {', '.join(PRESETS)}.")
    found, style = entries(matter), STYLE[preset]
    people = people_mod.directory(matter)
    if preset == "sdny-categorical":
        return _categorical(found, people, style)
    if preset == "ninth-circuit":
        client = matter.get_meta("privlog.client_org") or ""
        return [_ninth(d, people, style, client) for d in found]
    build: Callable[..., dict[str, str]] = _sedona if preset == "sedona" else _frcp
    return [build(d, people, style) for d in found]
