"""Quality checks of the privilege log, run by ``reviewer privlog check`` and before every
privilege- or redaction-log export.

Errors make the log wrong or incomplete, and block an export unless forced:

* ``duplicate`` — a document logged more than once (overlapping withheld/redacted
  designations: the whole document and a part of it, or overlapping page ranges);
* ``produced-logged`` — a part of a document logged while the whole document is coded
  not privileged (it is being produced, so nothing in it can be withheld);
* ``not-logged`` — a document with privilege redactions in the redaction log but no
  withheld/redacted designation, so it is missing from the privilege log;
* ``missing`` — a required field is empty (date, document type, author, privilege basis,
  description — FRCP 26(b)(5)(A) needs enough to assess the claim);
* ``date`` — a date that is not a real ``YYYY-MM-DD`` date, or is in the future.

Warnings are judgement calls shown to the reviewer; they never block an export:

* ``boilerplate`` — the same or nearly the same description (similarity ≥ 90 %: RapidFuzz's
  ``fuzz.ratio`` of the lower-cased words) on ``BOILERPLATE_MIN`` or more entries: courts
  reject logs whose descriptions do not differ (Burlington Northern, 408 F.3d 1142);
* ``era`` — a date before the matter's era (``privlog.era_start``);
* ``unknown-name`` — an author, recipient or custodian not in the people list;
* ``waiver`` — a non-attorney outside the client's organisation on a communication claimed
  as attorney-client: disclosure to a third party may have waived the privilege;
* ``no-attorney`` — an attorney-client claim with no attorney among its participants;
* ``no-redactions`` — a document coded redacted with no redaction recorded.

RapidFuzz rather than the standard library's difflib: the same measure (2·matches / total
length), but computed in C with an exact edit-distance algorithm. difflib's pure-Python
matcher took 66 s on a 2,000-entry log whose descriptions share a common opening (the usual
case); RapidFuzz takes well under a second (``benchmarks/privlog_benchmark.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import asdict, dataclass

from rapidfuzz import fuzz, process

from reviewer.core.matter.store import Matter
from reviewer.core.privilege import people as people_mod
from reviewer.core.privilege.coding import Designation, designations
from reviewer.core.privilege.log import entries, participants
from reviewer.core.privilege.people import Person, name_key, split_names
from reviewer.core.production.redactions import PRIVACY_BASIS, list_redactions

BOILERPLATE_MIN = 3
SIMILAR = 90  # percent
REQUIRED = {"date": "date", "doc_type": "document type", "author": "author",
            "bases": "privilege basis", "description": "description"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    level: str  # error | warning
    rule: str
    entry: str  # PRIV-0001, a file name, or '' for the whole log
    message: str

    def as_json(self) -> dict[str, str]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.entry}: {self.message}" if self.entry else self.message


def _label(d: Designation) -> str:
    where = "" if d.scope == "document" else f" ({d.scope})"
    return f"{d.entry_id or d.file_name}{where}"


def _span(d: Designation, pages: int) -> tuple[int, int]:
    if d.page_start is not None:
        return d.page_start, d.page_end or d.page_start
    return (0, pages) if d.para_id is None else (-d.para_id, -d.para_id)


def _coverage(matter: Matter) -> list[Finding]:
    found: list[Finding] = []
    by_doc: dict[int, list[Designation]] = defaultdict(list)
    for d in designations(matter):
        by_doc[d.doc_id].append(d)
    pages = dict(matter.db.execute("SELECT id, page_count FROM documents").fetchall())
    for doc_id, ds in by_doc.items():
        whole = next((d for d in ds if d.scope == "document"), None)
        logged = [d for d in ds if d.status != "not-privileged"]
        if whole is not None and whole.status == "not-privileged":
            found += [Finding("error", "produced-logged", _label(d),
                              f"{d.file_name} is coded not privileged (produced) but "
                              f"{d.scope} is {d.status}.") for d in logged]  # fmt: skip
            continue
        for i, a in enumerate(logged):
            for b in logged[i + 1 :]:
                (s1, e1), (s2, e2) = _span(a, pages[doc_id]), _span(b, pages[doc_id])
                if (
                    a.scope == "document"
                    or b.scope == "document"
                    or (s1 > 0 and s2 > 0 and s1 <= e2 and s2 <= e1)
                ):
                    found.append(Finding("error", "duplicate", _label(b),
                                         f"{b.file_name} is logged twice: {_label(a)} and "
                                         f"{_label(b)} overlap."))  # fmt: skip
    return found


def _redaction_rules(matter: Matter) -> list[Finding]:
    found: list[Finding] = []
    coded = [d for d in designations(matter) if d.status != "not-privileged"]
    logged = {d.doc_id for d in coded}
    redacted_docs: set[int] = set()
    for r in list_redactions(matter):
        redacted_docs.add(r.doc_id)
        if r.basis != PRIVACY_BASIS and r.doc_id not in logged:
            found.append(Finding("error", "not-logged", r.file_name,
                                 f"{r.entry_id} on page {r.page} is redacted for privilege, "
                                 "but the document is not on the privilege log."))  # fmt: skip
            logged.add(r.doc_id)  # once per document
    for d in coded:
        if d.status == "redacted" and d.doc_id not in redacted_docs:
            found.append(Finding("warning", "no-redactions", _label(d),
                                 f"{d.file_name} is coded redacted, but no redaction of it "
                                 "is recorded for the redaction log."))  # fmt: skip
            redacted_docs.add(d.doc_id)
    return found


def _fields(d: Designation, era: str) -> list[Finding]:
    found: list[Finding] = []
    missing = [label for key, label in REQUIRED.items() if not getattr(d, key)]
    if missing:
        found.append(Finding("error", "missing", _label(d), f"no {', '.join(missing)}."))
    if d.date:
        try:
            day = dt.date.fromisoformat(d.date)
        except ValueError:
            return [*found, Finding("error", "date", _label(d), f"{d.date!r} is not a date.")]
        if day > dt.date.today():
            found.append(Finding("error", "date", _label(d), f"{d.date} is in the future."))
        elif era and d.date < era:
            found.append(Finding("warning", "era", _label(d),
                                 f"{d.date} is before the matter's era ({era})."))  # fmt: skip
    return found


def _boilerplate(found: list[Designation]) -> list[Finding]:
    """Identical descriptions (same lower-cased words) are grouped by a dictionary; each
    distinct text then joins the first earlier group whose head is ≥ 90 % similar
    (``fuzz.ratio``, the normalised InDel similarity — difflib's ratio computed exactly and in
    C), else starts a group."""
    exact: dict[str, list[Designation]] = {}
    for d in found:
        text = " ".join(re.findall(r"\w+", d.description.casefold()))
        if text:
            exact.setdefault(text, []).append(d)
    heads: list[str] = []
    groups: list[list[Designation]] = []
    for text, members in exact.items():
        best = process.extractOne(text, heads, scorer=fuzz.ratio, score_cutoff=SIMILAR)
        if best is None:
            heads.append(text)
            groups.append(list(members))
        else:
            groups[best[2]].extend(members)
    return [
        Finding("warning", "boilerplate", ", ".join(d.entry_id or "" for d in g),
                f"{len(g)} entries share the same or nearly the same description "
                f"(\"{g[0].description[:60]}\"); describe each document.")
        for g in groups if len(g) >= BOILERPLATE_MIN
    ]  # fmt: skip


def _names(d: Designation, people: dict[str, Person], client: str) -> list[Finding]:
    found: list[Finding] = []
    names = list(dict.fromkeys([*participants(d), *split_names(d.custodian)]))
    unknown = [n for n in names if name_key(n) not in people]
    if unknown:
        found.append(Finding("warning", "unknown-name", _label(d),
                             f"not in the people list: {'; '.join(unknown)}."))  # fmt: skip
    if "attorney-client" not in d.bases:
        return found
    known = [people[name_key(n)] for n in participants(d) if name_key(n) in people]
    outsiders = [p.name for p in known if not p.attorney and p.organisation
                 and (not client or p.organisation.casefold() != client.casefold())]  # fmt: skip
    if outsiders:
        who = "; ".join(dict.fromkeys(outsiders))
        found.append(Finding("warning", "waiver", _label(d),
                             f"claimed attorney-client, but third parties took part: {who}"
                             " — possible waiver."))  # fmt: skip
    if known and not any(p.attorney for p in known):
        found.append(Finding("warning", "no-attorney", _label(d),
                             "claimed attorney-client, but no attorney is among its author "
                             "and recipients."))  # fmt: skip
    return found


def check(matter: Matter) -> list[Finding]:
    """Every finding, errors first."""
    logged = entries(matter)
    era = matter.get_meta("privlog.era_start") or ""
    client = matter.get_meta("privlog.client_org") or ""
    people = people_mod.directory(matter)
    found = _coverage(matter) + _redaction_rules(matter)
    for d in logged:
        found += _fields(d, era) + _names(d, people, client)
    found += _boilerplate(logged)
    return sorted(found, key=lambda f: f.level != "error")


def errors(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.level == "error"]
