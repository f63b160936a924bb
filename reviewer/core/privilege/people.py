"""The people list of a matter: normalised names, aliases (e-mail addresses, initials), the
attorney flag and organisation, and the matter's client organisation. The privilege log reads
names through it (attorneys marked ``*`` or ``Esq.``) and the checks flag names it lacks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from reviewer.core.errors import PrivilegeError
from reviewer.core.matter.audit import Recorder
from reviewer.core.matter.store import Matter
from reviewer.core.records import Changes

_SUFFIX = re.compile(r",?\s*(\*|esq\.?|\(esq\.?\))\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Person:
    id: int
    name: str
    attorney: bool
    organisation: str
    aliases: tuple[str, ...]

    def as_json(self) -> dict[str, object]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        return d


def clean_name(name: str) -> str:
    """``'Smith,  John Esq.'`` → ``'John Smith'``; ``'*Jane Roe'`` → ``'Jane Roe'``."""
    text = " ".join(name.replace("*", " ").split())
    while (stripped := _SUFFIX.sub("", text).strip()) != text:
        text = stripped
    if text.count(",") == 1 and "@" not in text:
        last, first = (p.strip() for p in text.split(","))
        if first and " " not in last:
            text = f"{first} {last}"
    return text


def name_key(name: str) -> str:
    """The comparison key of a name or alias: cleaned, case-folded, punctuation dropped."""
    cleaned = clean_name(name).casefold()
    if "@" in cleaned:
        return cleaned
    return " ".join(re.sub(r"[^\w\s]", " ", cleaned).split())


def split_names(text: str) -> list[str]:
    """Names in a recipients field, separated by ``;`` (commas belong to 'Last, First')."""
    return [n.strip() for n in re.split(r"[;\n]", text) if n.strip()]


def _person(row: tuple) -> Person:
    pid, name, attorney, org, aliases = row
    return Person(pid, name, bool(attorney), org, tuple(a for a in aliases.split(";") if a))


def list_people(matter: Matter) -> list[Person]:
    rows = matter.db.execute(
        "SELECT id, name, attorney, organisation, aliases FROM people ORDER BY name"
    ).fetchall()
    return [_person(r) for r in rows]


def directory(matter: Matter) -> dict[str, Person]:
    """Every name and alias key → its person."""
    found: dict[str, Person] = {}
    for p in list_people(matter):
        for alias in (p.name, *p.aliases):
            found[name_key(alias)] = p
    return found


def add_person(
    matter: Matter, name: str, attorney: bool = False, organisation: str = "",
    aliases: Iterable[str] = (),
) -> Changes:  # fmt: skip
    """Add a person, or update the one with the same normalised name."""
    display = clean_name(name)
    if not display:
        raise PrivilegeError(f"{name!r}: a person needs a name.")
    known = directory(matter)
    alias_list = [a.strip() for a in aliases if a.strip()]
    for alias in alias_list:
        other = known.get(name_key(alias))
        if other is not None and name_key(other.name) != name_key(display):
            raise PrivilegeError(f"{alias!r} is already a name or alias of {other.name}.")
    values = {"name": display, "key": name_key(display), "attorney": int(attorney),
              "organisation": organisation.strip(), "aliases": ";".join(alias_list)}  # fmt: skip
    rec = Recorder(matter, f"person {display}")
    with matter.db.atomic():
        row = matter.db.execute("SELECT id FROM people WHERE key = ?", [values["key"]]).fetchone()
        summary = f"{display}{' (attorney)' if attorney else ''}"
        if row:
            rec.update("people", row[0], values, summary)
        else:
            rec.insert("people", values, summary)
    return rec.changes()


def remove_person(matter: Matter, name: str) -> Changes:
    row = matter.db.execute(
        "SELECT id, name FROM people WHERE key = ?", [name_key(name)]
    ).fetchone()
    if row is None:
        raise PrivilegeError(f"{name!r} is not in the people list of {matter.name}.")
    rec = Recorder(matter, f"remove person {row[1]}")
    with matter.db.atomic():
        rec.delete("people", row[0], row[1])
    return rec.changes()


def display_name(name: str, people: dict[str, Person], style: str) -> str:
    """A name as the log shows it: the people list's spelling, attorneys marked ``*``
    (style ``star``) or ``, Esq.`` (style ``esq``)."""
    p = people.get(name_key(name))
    if p is None:
        return clean_name(name)
    if not p.attorney:
        return p.name
    return f"{p.name}*" if style == "star" else f"{p.name}, Esq."
