"""The privilege log as a ``Report`` in one of the presets of ``privlog``, headed with the
caption, case number, producing party and date; ``export`` runs the checks first and refuses
on errors unless forced. The redaction log (one row per recorded redaction) lives here too."""

from __future__ import annotations

from reviewer.core.errors import LogCheckError
from reviewer.core.exports.report import Column, Report, today
from reviewer.core.matter import labels
from reviewer.core.matter.store import Matter
from reviewer.core.privilege import checks as privcheck
from reviewer.core.privilege import log as privlog
from reviewer.core.privilege.coding import settings
from reviewer.core.production.redactions import INFO_TYPES, basis_text, list_redactions

OPTIONAL = ("CC", "BCC", "Custodian", "Basis", "Paragraph", "Reason")
REDACTION_COLUMNS = (("Entry", 13), ("Document", 30), ("Page", 12), ("Paragraph", 12),
                     ("Type of Information", 34), ("Basis", 26), ("Reason", 40))  # fmt: skip


def log_caption(matter: Matter, title: str) -> tuple[str, ...]:
    """Matter name, court, case number (the log's own settings win over the matter's
    caption), case name, the producing party, then the title and date (the report heading)."""
    conf = settings(matter)
    cap = labels.matter_caption(matter)
    lines = [matter.name]
    court = conf["court"] or cap.court
    case_no = conf["case_no"] or cap.case_no
    lines += [court] if court else []
    lines += [f"Case No. {case_no}"] if case_no else []
    lines += [cap.case_name] if cap.case_name and cap.case_name != matter.name else []
    if conf["party"]:
        lines.append(f"Producing party: {conf['party']}")
    return (*lines, f"{title} — {today()}")


def gate(matter: Matter, force: bool) -> list[privcheck.Finding]:
    """Run the checks; raise ``LogCheckError`` listing the errors unless ``force``."""
    findings = privcheck.check(matter)
    errors = privcheck.errors(findings)
    if errors and not force:
        raise LogCheckError([str(e) for e in errors])
    return findings


def privilege_log_report(matter: Matter, preset: str = "frcp", compact: bool = False) -> Report:
    """``compact`` (for DOCX and PDF, where width is scarce) leaves out the optional columns
    that are empty on every row; CSV and XLSX keep every column, so scripts see one shape."""
    rows = privlog.rows(matter, preset)
    title = privlog.TITLES[preset]
    star = privlog.STYLE[preset] == "star"
    notes = ("Attorneys are marked with an asterisk (*)." if star
             else "Attorneys' names are followed by \"Esq.\"",)  # fmt: skip
    group = None
    columns = tuple(
        Column(label, label, width)
        for label, width in privlog.COLUMNS[preset]
        if not (compact and label in OPTIONAL and not any(r.get(label) for r in rows))
    )
    return Report(title, log_caption(matter, title), columns, rows, group=group, notes=notes)


def _page(page: int, label: str | None) -> str:
    """The PDF page, and the printed page number when it differs (``2 (printed 1)``)."""
    return str(page) if not label or label == str(page) else f"{page} (printed {label})"


def redaction_log_report(
    matter: Matter, compact: bool = False, doc_ids: list[int] | None = None
) -> Report:
    """Every redaction of the matter, or (``doc_ids``: a production's documents) of those
    documents only."""
    keep = None if doc_ids is None else set(doc_ids)
    rows = [
        {"Entry": r.entry_id, "Document": r.file_name,
         "Page": _page(r.page, r.page_label), "Paragraph": r.para_cite or "",
         "Type of Information": INFO_TYPES[r.info_type], "Basis": basis_text(r.basis),
         "Reason": r.reason}
        for r in list_redactions(matter) if keep is None or r.doc_id in keep
    ]  # fmt: skip
    title = "Redaction Log"
    columns = tuple(
        Column(label, label, width)
        for label, width in REDACTION_COLUMNS
        if not (compact and label in OPTIONAL and not any(r.get(label) for r in rows))
    )
    notes = ("FRCP 5.2(a) privacy redactions: minors' names, birth dates, financial-account "
             "and Social Security numbers.",)  # fmt: skip
    return Report(title, log_caption(matter, title), columns, rows, notes=notes)
