"""Export of a production set (issue 7): Bates numbers assigned per page and stored, one
stamped PDF per document with every redaction applied for real (withheld documents replaced
by a one-page slip sheet), the Concordance DAT and Opticon OPT load files, the redaction log
(CSV) and a manifest (``production.json``) that ``production_verify`` checks the output
against. Everything is written into a temporary folder that is renamed into place at the
end, so a failed export leaves nothing behind.

Load files: the DAT is UTF-8 with a byte-order mark and CRLF line ends, þ (U+00FE) quoting
every field and ¶ as U+0014 (DC4, Concordance's ``020``) between fields; line breaks inside a
value become ® (U+00AE), Concordance's newline stand-in. The OPT has one line per page,
``BATES,VOLUME,PATH,Y,,,PAGECOUNT`` with ``Y`` and the count on a document's first page."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Generator
from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.core import exports, pdf
from reviewer.core.errors import ProductionError
from reviewer.core.exports.privilege_log import redaction_log_report
from reviewer.core.matter.store import Matter
from reviewer.core.privilege.coding import settings
from reviewer.core.production.sets import check_names, find_set
from reviewer.core.records import ProductionSet, Progress
from reviewer.core.search import locate

QUOTE, SEP, NEWLINE = "\u00fe", "\u0014", "\u00ae"
DAT_FIELDS = ("BEGBATES", "ENDBATES", "PAGECOUNT", "FILENAME", "TITLE", "CUSTODIAN",
              "WITHHELD", "REDACTED", "PDFPATH")  # fmt: skip
MANIFEST, DAT, OPT, LOG = (
    "production.json",
    "DATA/loadfile.dat",
    "DATA/loadfile.opt",
    ("redaction_log.csv"),
)
SLIP = "Document withheld as privileged \u2014 {entry}"
_ABBREV = {"attorney-client": "AC", "work-product": "WP", "common-interest": "CI"}
Rect = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Item:
    """One document of the production as exported."""

    doc_id: int
    file_name: str
    title: str
    custodian: str
    stored: Path
    withheld: str | None  # the PRIV- id of a withheld document
    bates: tuple[str, ...]
    boxes: dict[int, list[tuple[Rect, str]]]

    @property
    def path(self) -> str:
        return f"PDF/{self.bates[0]}.pdf"


def label(basis: str) -> str:
    """``REDACTED`` (en dash) ``AC/WP`` for privilege bases, ``FRCP 5.2`` for privacy."""
    parts = [_ABBREV.get(b, b.split(":", 1)[-1].strip()) for b in basis.split(",") if b]
    return "REDACTED \u2013 " + "/".join(parts) if parts else "REDACTED"


def _withheld(matter: Matter, doc_id: int) -> str | None:
    row = matter.db.execute(
        "SELECT entry_id FROM privilege WHERE doc_id = ? AND status = 'withheld' "
        "AND para_id IS NULL AND page_start IS NULL",
        [doc_id],
    ).fetchone()
    return None if row is None else (row[0] or "PRIV")


def _boxes(matter: Matter, doc_id: int, labels: bool) -> dict[int, list[tuple[Rect, str]]]:
    """Each page's redaction boxes: a stored rectangle; else the paragraph's boxes on that
    page; else (a whole-page redaction) the page itself."""
    rows = matter.db.execute(
        "SELECT page, rect, para_id, basis FROM redactions WHERE doc_id = ? ORDER BY id",
        [doc_id],
    ).fetchall()
    paras = dict(locate.paragraph_boxes(matter, doc_id))
    sizes = locate.page_sizes(matter, doc_id)
    out: dict[int, list[tuple[Rect, str]]] = {}
    for page, rect, para_id, basis in rows:
        text = label(basis) if labels else ""
        if rect is not None:
            rects = [tuple(json.loads(rect))]
        elif para_id is not None:
            rects = [(b[1], b[2], b[3], b[4]) for b in paras.get(para_id, []) if b[0] == page]
        else:
            rects = [(0.0, 0.0, *sizes[page - 1])]
        out.setdefault(page, []).extend((r, text) for r in rects)  # type: ignore[misc]
    return out


def plan(matter: Matter, pset: ProductionSet, labels: bool = True) -> list[Item]:
    """The documents in order with their Bates numbers (a slip sheet takes one)."""
    if not pset.doc_ids:
        raise ProductionError(f"{pset.name}: has no documents; add some before exporting.")
    items: list[Item] = []
    number = pset.start
    for doc_id in pset.doc_ids:
        row = matter.db.execute(
            "SELECT file_name, coalesce(title, ''), page_count, stored_path, pdf_meta "
            "FROM documents WHERE id = ?",
            [doc_id],
        ).fetchone()
        file_name, title, pages, stored, meta = row
        withheld = _withheld(matter, doc_id)
        count = 1 if withheld else pages
        if number + count - 1 >= 10**pset.digits:
            raise ProductionError(f"{pset.name}: Bates numbers run past {pset.digits} digits at "
                                  f"{file_name}; use more --digits.")  # fmt: skip
        bates = tuple(pset.bates(n) for n in range(number, number + count))
        number += count
        author = str((json.loads(meta or "{}") or {}).get("author", ""))
        boxes = {} if withheld else _boxes(matter, doc_id, labels)
        items.append(Item(doc_id, file_name, title, author, matter.path / stored, withheld,
                          bates, boxes))  # fmt: skip
    return items


def _store_numbers(matter: Matter, pset: ProductionSet, items: list[Item]) -> None:
    """Keep the page numbers assigned (page 0: a slip sheet); replaced when the set changed."""
    with matter.db.atomic():
        matter.db.execute("DELETE FROM production_pages WHERE set_id = ?", [pset.id])
        matter.db["production_pages"].insert_all(
            {"set_id": pset.id, "doc_id": it.doc_id, "page": 0 if it.withheld else i,
             "number": int(b[len(pset.prefix):]), "bates": b}
            for it in items for i, b in enumerate(it.bates, 1)
        )  # fmt: skip


def _meta(pset: ProductionSet, it: Item, party: str) -> dict[str, str]:
    """A produced file's metadata, from scratch: its Bates range, the production and the
    producing party; nothing of the source's (title, author, dates, XMP)."""
    span = it.bates[0] if len(it.bates) == 1 else f"{it.bates[0]}-{it.bates[-1]}"
    return {"title": span, "subject": f"Production {pset.name}", "author": party}


def _scrubbed(it: Item) -> Item:
    """The load-file fields of a redacted document with the redacted strings taken out."""
    if not it.boxes:
        return it
    boxes = {p: [r for r, _ in b] for p, b in it.boxes.items()}
    rx = pdf.secrets_pattern(pdf.secrets_for(it.stored, boxes))
    if rx is None:
        return it
    return replace(it, file_name=rx.sub("[REDACTED]", it.file_name),
                   title=rx.sub("[REDACTED]", it.title),
                   custodian=rx.sub("[REDACTED]", it.custodian))  # fmt: skip


def _write_pdfs(
    items: list[Item], folder: Path, pset: ProductionSet, party: str
) -> Generator[Progress, None, list[Item]]:
    """Write each document's PDF (a Progress as each starts); the items come back with their
    boxes as placed in the copies (a rotated page's boxes turn with it)."""
    (folder / "PDF").mkdir()
    done: list[Item] = []
    for n, it in enumerate(items, 1):
        yield Progress(n - 1, len(items), f"Producing {n} of {len(items)}: {it.bates[0]}",
                       step="export", unit="documents")  # fmt: skip
        dest = folder / it.path
        if it.withheld:
            pdf.slip_sheet(dest, SLIP.format(entry=it.withheld), it.bates[0], pset.legend)
            done.append(it)
        else:
            boxes = pdf.produce(it.stored, dest, it.boxes, list(it.bates), pset.legend,
                                _meta(pset, it, party))  # fmt: skip
            done.append(replace(_scrubbed(it), boxes=boxes))
    return done


def _field(value: object) -> str:
    text = str(value).replace("\r\n", NEWLINE).replace("\n", NEWLINE).replace("\r", NEWLINE)
    return f"{QUOTE}{text}{QUOTE}"


def _dat_row(it: Item) -> tuple[object, ...]:
    """A withheld document's row says only what identifies the slip sheet: its Bates
    number, page count, the privilege-log entry and the path; nothing of the original
    (file name, title, author)."""
    if it.withheld:
        return (it.bates[0], it.bates[-1], len(it.bates), "", "", "", it.withheld, "", it.path)
    return (it.bates[0], it.bates[-1], len(it.bates), it.file_name, it.title, it.custodian,
            "", "Y" if it.boxes else "", it.path)  # fmt: skip


def dat_text(items: list[Item]) -> str:
    rows = [DAT_FIELDS, *(_dat_row(it) for it in items)]
    return "".join(SEP.join(_field(v) for v in row) + "\r\n" for row in rows)


def opt_text(items: list[Item], volume: str) -> str:
    lines = [
        f"{b},{volume},{it.path},{'Y' if i == 0 else ''},,,{len(it.bates) if i == 0 else ''}"
        for it in items
        for i, b in enumerate(it.bates)
    ]
    return "".join(line + "\r\n" for line in lines)


def _manifest(pset: ProductionSet, items: list[Item]) -> dict[str, object]:
    return {
        "production": pset.name, "prefix": pset.prefix, "digits": pset.digits,
        "start": pset.start, "legend": pset.legend, "dat": DAT, "opt": OPT,
        "bates": [b for it in items for b in it.bates],
        "documents": [
            {"file": it.path, "source": "" if it.withheld else it.file_name,
             "begbates": it.bates[0],
             "endbates": it.bates[-1], "pages": len(it.bates), "withheld": it.withheld,
             "redactions": [{"page": p, "rect": [round(v, 2) for v in r], "label": text}
                            for p, boxes in sorted(it.boxes.items()) for r, text in boxes]}
            for it in items
        ],
    }  # fmt: skip


def export(matter: Matter, name: str, out: str | Path, labels: bool = True) -> dict[str, object]:
    """Write the production ``name`` into the new folder ``out``; returns the manifest. It
    stores the Bates numbers it gave, so it needs a writable matter."""
    steps = export_steps(matter, name, out, labels)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]


def export_steps(
    matter: Matter, name: str, out: str | Path, labels: bool = True
) -> Generator[Progress, None, dict[str, object]]:
    """``export``, yielding a Progress as each document is produced; returns the manifest.
    Closed part-way (a cancel), it leaves nothing behind."""
    matter.require_writable()
    pset = find_set(matter, name)
    dest = Path(out)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise ProductionError(f"{dest}: already exists and is not an empty folder; "
                              "choose a new folder.")  # fmt: skip
    if not dest.parent.is_dir():
        raise ProductionError(f"{dest.parent}: no such folder to write {dest.name} into.")
    # checked again here: a set stored before the check, or edited since, must not write
    # outside the folder (a prefix "../x" made "PDF/../x000001.pdf")
    check_names(pset.name, pset.prefix)
    items = plan(matter, pset, labels)
    tmp = dest.with_name(f".{dest.name}.part-{os.getpid()}")
    with matter.scratch(tmp):  # removed on the next open if this process is killed
        items = yield from _write_folder(matter, pset, items, tmp, dest)
    _store_numbers(matter, pset, items)
    return _manifest(pset, items)


def _write_folder(
    matter: Matter, pset: ProductionSet, items: list[Item], tmp: Path, dest: Path
) -> Generator[Progress, None, list[Item]]:
    """Write every file into ``tmp``, then rename it to ``dest``; returns the items as
    written (with their file paths)."""
    for it in items:
        if not (tmp / it.path).resolve().is_relative_to(tmp.resolve() / "PDF"):
            raise ProductionError(f"{it.path}: would be written outside {dest}.")
    try:
        tmp.mkdir()
        items = yield from _write_pdfs(items, tmp, pset, settings(matter)["party"])
        (tmp / "DATA").mkdir()
        (tmp / DAT).write_text(dat_text(items), encoding="utf-8-sig", newline="")
        (tmp / OPT).write_text(opt_text(items, pset.name), encoding="utf-8", newline="")
        produced = [it.doc_id for it in items if not it.withheld]
        exports.write([redaction_log_report(matter, doc_ids=produced)], "csv", tmp / LOG)
        manifest = _manifest(pset, items)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False),
                                    encoding="utf-8")  # fmt: skip
        if dest.exists():
            dest.rmdir()
        os.replace(tmp, dest)
        return items
    except OSError as exc:
        raise ProductionError(f"{dest}: cannot be written ({exc.strerror or exc}).") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(tmp)
