"""Verification of an exported production folder (issue 7): read its manifest
(``production.json``) and check, on the files themselves, that no text is extractable from
under any redaction box, that every page bears its Bates number and the numbers run on
without gaps or repeats, that every withheld document is a one-page slip sheet, and that the
DAT and OPT load files agree with the PDFs (Bates ranges, page counts, paths)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.core import pdf
from reviewer.core.errors import BadFileError, ProductionError
from reviewer.core.matter import documents
from reviewer.core.matter.store import Matter
from reviewer.core.pdf.covers import bad_redactions
from reviewer.core.production.export import DAT_FIELDS, MANIFEST, QUOTE, SEP, SLIP
from reviewer.core.production.export import _boxes as _source_boxes
from reviewer.core.production.sets import find_set


def load_manifest(folder: str | Path) -> dict[str, Any]:
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProductionError(f"{folder}: has no {MANIFEST}; is it a production folder "
                              "exported by reviewer?") from None  # fmt: skip
    except (OSError, ValueError) as exc:
        raise ProductionError(f"{path}: cannot be read ({exc}).") from None
    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise ProductionError(f"{path}: is not a production manifest.")
    return data


def verify(folder: str | Path, matter: Matter | None = None) -> list[str]:
    """Every problem found, one line each ([] when the production is sound). Every produced
    PDF is also checked for text under an opaque cover; with the ``matter`` it came from,
    each redacted document is compared with its source: the same text outside the boxes,
    and none of the redacted strings anywhere in the file or the DAT."""
    root = Path(folder)
    m = load_manifest(root)
    problems = _numbering(m)
    for doc in m["documents"]:
        problems += _document(root, m, doc)
        problems += _covers(root, doc)
    problems += _dat(root, m) + _opt(root, m)
    if matter is not None:
        problems += _against_sources(root, m, matter)
    return problems


def outcome(manifest: dict[str, Any], problems: list[str]) -> str:
    """The export and its verification in one sentence, for the status bar: "Produced 3
    documents, 18 pages, DEMO000001-DEMO000018 (an en dash): verified, no problems." """
    bates: list[str] = manifest.get("bates", [])
    docs, pages = len(manifest.get("documents", [])), len(bates)
    span = f"{bates[0]}\u2013{bates[-1]}" if pages > 1 else (bates[0] if bates else "")
    verdict = (f"verify found {len(problems)} problem{'s' * (len(problems) != 1)}" if problems
               else "verified, no problems")  # fmt: skip
    return (f"Produced {docs} document{'s' * (docs != 1)}, {pages} page{'s' * (pages != 1)}, "
            f"{span}: {verdict}.")  # fmt: skip


def _covers(root: Path, doc: dict[str, Any]) -> list[str]:
    try:
        found = bad_redactions(root / doc["file"])
    except BadFileError:
        return []  # reported by _document
    return [f"{doc['file']} p. {h.page}: text under a {h.cover} can still be copied "
            f"({len(h.text)} characters)" for h in found]  # fmt: skip


def _against_sources(root: Path, m: dict[str, Any], matter: Matter) -> list[str]:
    pset = find_set(matter, m["production"])
    if len(pset.doc_ids) != len(m["documents"]):
        return [f"{m['production']}: the matter's set has {len(pset.doc_ids)} documents, the "
                f"folder {len(m['documents'])}"]  # fmt: skip
    dat = (root / m["dat"]).read_text(encoding="utf-8-sig", errors="replace")
    problems: list[str] = []
    for doc_id, doc in zip(pset.doc_ids, m["documents"], strict=True):
        if doc.get("withheld"):
            continue
        src = matter.path / documents.find_document(matter, doc_id).stored_path
        mine = {p: [r for r, _ in b] for p, b in _source_boxes(matter, doc_id, False).items()}
        out: dict[int, list[pdf.Rect]] = {}
        for r in doc.get("redactions", []):
            out.setdefault(r["page"], []).append(tuple(r["rect"]))
        bates = _range(m, doc)
        for page, lost, added in pdf.collateral(src, root / doc["file"], mine, out, bates,
                                                m.get("legend", "")):  # fmt: skip
            problems.append(
                f"{doc['file']} p. {page}: the text outside the redaction boxes differs from "
                f"the source ({lost} characters lost, {added} added)"
            )
        secrets = pdf.secrets_for(src, mine)
        problems += [f"{doc['file']}: a redacted string is still in the file ({where})"
                     for where in pdf.leaks(root / doc["file"], secrets)]  # fmt: skip
        rx = pdf.secrets_pattern(secrets)
        if rx is not None and rx.search(dat):
            problems.append(f"{m['dat']}: a redacted string of {doc['file']} is in the load file")
    return problems


def _number(m: dict[str, Any], bates: str) -> int | None:
    prefix, tail = m["prefix"], bates[len(m["prefix"]) :]
    ok = bates.startswith(prefix) and tail.isdigit() and len(tail) == m["digits"]
    return int(tail) if ok else None


def _numbering(m: dict[str, Any]) -> list[str]:
    bates: list[str] = m.get("bates", [])
    problems = [f"{b}: is not {m['prefix']} + {m['digits']} digits" for b in bates
                if _number(m, b) is None]  # fmt: skip
    problems += [f"{b}: used more than once" for b in sorted({b for b in bates
                 if bates.count(b) > 1})]  # fmt: skip
    numbers = [_number(m, b) for b in bates]
    for before, after, b in zip(numbers, numbers[1:], bates[1:], strict=False):
        if before is not None and after is not None and after != before + 1:
            problems.append(f"{b}: Bates numbers are not continuous (follows {before})")
    docs = [b for d in m["documents"] for b in _range(m, d)]
    if docs != bates:
        problems.append("the documents' Bates ranges do not add up to the production's pages")
    return problems


def _range(m: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    first, last = _number(m, doc["begbates"]), _number(m, doc["endbates"])
    if first is None or last is None:
        return []
    return [f"{m['prefix']}{n:0{m['digits']}d}" for n in range(first, last + 1)]


def _document(root: Path, m: dict[str, Any], doc: dict[str, Any]) -> list[str]:
    path, name = root / doc["file"], doc["file"]
    try:
        pages = pdf.pdf_text(path)
    except BadFileError as exc:
        return [str(exc)]
    bates = _range(m, doc)
    problems = []
    if len(pages) != len(bates) or len(pages) != doc["pages"]:
        problems.append(f"{name}: has {len(pages)} page(s), its Bates range "
                        f"{doc['begbates']}-{doc['endbates']} {len(bates)}")  # fmt: skip
    for i, (text, b) in enumerate(zip(pages, bates, strict=False), 1):
        if b not in text:
            problems.append(f"{name} p. {i}: Bates number {b} is not on the page")
    if doc.get("withheld"):
        slip = SLIP.format(entry=doc["withheld"])
        if len(pages) != 1 or slip not in " ".join(pages[0].split()):
            problems.append(f"{name}: withheld {doc['withheld']} is not replaced by its slip sheet")
    boxes: dict[int, list[pdf.Rect]] = {}
    allowed = set(" ".join([m.get("legend", ""), *bates]).split())
    for r in doc.get("redactions", []):
        boxes.setdefault(r["page"], []).append(tuple(r["rect"]))
        allowed |= set(r.get("label", "").split())
    for page, word in pdf.leftover_words(path, boxes, allowed):
        problems.append(f"{name} p. {page}: text under a redaction box can still be "
                        f"extracted ({len(word)} characters)")  # fmt: skip
    return problems


def read_dat(path: Path) -> list[list[str]]:
    """The DAT's rows (header first) as lists of field values."""
    text = path.read_bytes().decode("utf-8-sig")  # keep the CRLF line ends
    rows = []
    for line in text.split("\r\n"):
        if line:
            rows.append([f.strip(QUOTE) for f in line.split(SEP)])
    return rows


def _dat(root: Path, m: dict[str, Any]) -> list[str]:
    try:
        rows = read_dat(root / m["dat"])
    except (OSError, ValueError) as exc:
        return [f"{m['dat']}: cannot be read ({exc})"]
    if not rows or tuple(rows[0]) != DAT_FIELDS:
        return [f"{m['dat']}: the header is not {', '.join(DAT_FIELDS)}"]
    problems = []
    if len(rows) - 1 != len(m["documents"]):
        problems.append(f"{m['dat']}: {len(rows) - 1} rows for {len(m['documents'])} documents")
    for row, doc in zip(rows[1:], m["documents"], strict=False):
        rec = dict(zip(DAT_FIELDS, row, strict=False))
        if (rec.get("BEGBATES"), rec.get("ENDBATES")) != (doc["begbates"], doc["endbates"]):
            problems.append(f"{m['dat']}: {rec.get('BEGBATES')} does not match {doc['file']}")
        path = root / rec.get("PDFPATH", "")
        if not rec.get("PDFPATH") or not path.is_file():
            problems.append(f"{m['dat']}: {rec.get('PDFPATH')!r} does not exist")
        elif rec.get("PAGECOUNT") != str(pdf.page_count(path)):
            problems.append(f"{m['dat']}: page count of {rec['PDFPATH']} is not "
                            f"{rec.get('PAGECOUNT')}")  # fmt: skip
    return problems


def _opt(root: Path, m: dict[str, Any]) -> list[str]:
    try:
        lines = (root / m["opt"]).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        return [f"{m['opt']}: cannot be read ({exc})"]
    rows = [line.split(",") for line in lines if line]
    if any(len(r) != 7 for r in rows):
        return [f"{m['opt']}: a line does not have the 7 fields BATES,VOLUME,PATH,Y,,,PAGECOUNT"]
    if [r[0] for r in rows] != m["bates"]:
        return [f"{m['opt']}: its pages are not the production's Bates numbers in order"]
    problems, at = [], 0
    for doc in m["documents"]:
        first, n = rows[at], doc["pages"]
        if first[3] != "Y" or first[6] != str(n) or any(r[3] for r in rows[at + 1 : at + n]):
            problems.append(f"{m['opt']}: {doc['begbates']} does not start a {n}-page document")
        if any(r[2] != doc["file"] or not (root / r[2]).is_file() for r in rows[at : at + n]):
            problems.append(f"{m['opt']}: {doc['begbates']}: the image path is not {doc['file']}")
        at += n
    return problems
