"""What redaction must remove besides the page text: the redacted strings wherever else a PDF
can carry them — bookmarks, annotations (contents, titles, appearance), link targets, form
fields, the document information and XMP metadata, page labels, embedded files, marked-content
``ActualText``/``Alt`` in content streams and the structure tree — and the search of every
object and stream of a produced file for those strings (``strings_in``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

REPLACEMENT = "[REDACTED]"
_LITERAL = rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)"
_HEX = rb"<[0-9A-Fa-f\s]*>"
_STRING = re.compile(rb"(?<!<)" + _HEX + rb"(?!>)|" + _LITERAL, re.S)
_MARKED = re.compile(rb"/(ActualText|Alt|E)\s*(" + _LITERAL + rb"|" + _HEX + rb")", re.S)
# image and font-program streams hold no text; searched byte by byte they match by chance
_BINARY = (b"/Subtype/Image", b"/Length1", b"/Length2", b"/Subtype/Type1C",
           b"/Subtype/CIDFontType0C", b"/Subtype/OpenType")  # fmt: skip
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def secrets_of(phrases: Iterable[str], kept: str = "") -> list[str]:
    """The strings to scrub for the redacted ``phrases``: each phrase (whitespace made
    single), and each word of 4+ characters of a short (1-3 word) phrase — a name or a
    number redacted in the text may appear alone in a bookmark or a field. A string that is
    still in ``kept`` (the text left outside the boxes) was not redacted everywhere, so it
    is no secret: redacting one "Interrogatories" does not scrub the word from the file."""
    out: set[str] = set()
    for phrase in phrases:
        words = phrase.split()
        out.add(" ".join(words))
        if len(words) <= 3:
            out |= {w.strip(".,;:()[]\"'") for w in words}
    rx_kept = " ".join(kept.split()).casefold()
    return sorted((s for s in out if len(s) >= 4 and s.casefold() not in rx_kept),
                  key=len, reverse=True)  # fmt: skip


def secrets_pattern(secrets: list[str]) -> re.Pattern[str] | None:
    """One case-blind pattern for the secrets (any run of whitespace between words)."""
    if not secrets:
        return None
    return re.compile("|".join(r"\s+".join(map(re.escape, s.split())) for s in secrets), re.I)


def _decode(token: bytes) -> str:
    """A PDF string token (``(...)`` or ``<...>``) as text."""
    if token.startswith(b"<"):
        digits = re.sub(rb"\s", b"", token[1:-1])
        raw = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode())
    else:
        raw = re.sub(rb"\\([0-7]{1,3}|.)", _unescape, token[1:-1], flags=re.S)
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    return raw.decode("latin-1")


def _unescape(m: re.Match[bytes]) -> bytes:
    g = m.group(1)
    if g[:1].isdigit():
        return bytes([int(g, 8) & 255])
    return _ESCAPES.get(g, b"" if g in (b"\n", b"\r") else g)


def _texts(data: bytes) -> Iterator[str]:
    """Every way a secret can be spelled in raw PDF bytes: the bytes themselves, as Latin-1
    and as UTF-16, and every string token decoded."""
    yield data.decode("latin-1")
    for enc in ("utf-16-be", "utf-16-le"):
        yield data[: len(data) - len(data) % 2].decode(enc, "replace")
    for m in _STRING.finditer(data):
        yield _decode(m.group(0))


def strings_in(m: Any, doc: Any, secrets: list[str]) -> list[str]:
    """Where any of ``secrets`` is still in ``doc``: every object's source and every stream
    (decompressed), every page's text and annotations, the metadata, bookmarks and embedded
    files. One line per place (the secret itself is not repeated)."""
    rx = secrets_pattern(secrets)
    if rx is None:
        return []
    found: list[str] = []
    for xref in range(1, doc.xref_length()):
        try:
            source = doc.xref_object(xref, compressed=True).encode("latin-1", "replace")
            binary = any(k in source for k in _BINARY)
            stream = doc.xref_stream(xref) if doc.xref_is_stream(xref) and not binary else None
        except (RuntimeError, ValueError):
            continue
        for where, data in (("object", source), ("stream", stream)):
            if data and any(rx.search(t) for t in _texts(data)):
                found.append(f"{where} {xref}")
    for number, page in enumerate(doc, 1):
        if rx.search(page.get_text()):
            found.append(f"page {number} text")
        for annot in page.annots() or []:
            info = " ".join(str(v) for v in annot.info.values())
            if rx.search(info) or rx.search(annot.get_text() or ""):
                found.append(f"page {number} annotation {annot.xref}")
    meta = " ".join(str(v) for v in (doc.metadata or {}).values())
    toc = " ".join(str(t[1]) for t in doc.get_toc())
    files = " ".join(doc.embfile_names())
    for where, text in (("metadata", meta), ("bookmarks", toc), ("embedded files", files),
                        ("XMP metadata", doc.get_xml_metadata() or "")):  # fmt: skip
        if rx.search(text):
            found.append(where)
    return found


# --- Scrubbing a document being produced ----------------------------------------------------


def scrub(m: Any, doc: Any, secrets: list[str]) -> None:
    """Remove ``secrets`` from everywhere but the page text (which redaction removed):
    annotations that carry one are deleted, links to one are deleted, form fields are
    rewritten, every string of every object is rewritten, marked-content ``ActualText`` /
    ``Alt`` holding one is emptied; embedded and attached files, JavaScript, thumbnails,
    page labels and both kinds of metadata go (the caller sets fresh metadata)."""
    rx = secrets_pattern(secrets)
    doc.scrub(attached_files=True, clean_pages=False, embedded_files=True, hidden_text=False,
              javascript=True, metadata=True, redactions=False, remove_links=False,
              reset_fields=False, reset_responses=False, thumbnails=True,
              xml_metadata=True)  # fmt: skip
    doc.set_page_labels([])
    if rx is None:
        return
    for page in doc:
        _page_annots(page, rx)
        for xref in page.get_contents():
            _marked_content(doc, xref, rx)
    toc = doc.get_toc(simple=False)
    if any(rx.search(str(t[1])) for t in toc):
        doc.set_toc([[t[0], rx.sub(REPLACEMENT, t[1]), *t[2:]] for t in toc])
    for xref in range(1, doc.xref_length()):
        _object_strings(doc, xref, "", rx, 0)
        if doc.xref_is_stream(xref) and doc.xref_get_key(xref, "Type")[1] != "/XObject":
            _marked_content(doc, xref, rx)


def _page_annots(page: Any, rx: re.Pattern[str]) -> None:
    for link in page.get_links():
        if rx.search(str(link.get("uri") or "") + str(link.get("file") or "")):
            page.delete_link(link)
    for widget in page.widgets() or []:
        for attr in ("field_value", "field_label", "field_name"):
            value = getattr(widget, attr, None)
            if isinstance(value, str) and rx.search(value):
                setattr(widget, attr, rx.sub(REPLACEMENT, value))
        widget.update()
    for annot in list(page.annots() or []):
        info = " ".join(str(v) for v in annot.info.values())
        if rx.search(info) or rx.search(annot.get_text() or ""):
            page.delete_annot(annot)


def _marked_content(doc: Any, xref: int, rx: re.Pattern[str]) -> None:
    """Empty the ``ActualText``/``Alt``/``E`` entries of a content stream that hold a secret."""
    try:
        data = doc.xref_stream(xref)
    except (RuntimeError, ValueError):
        return
    if not data or not _MARKED.search(data):
        return

    def blank(mt: re.Match[bytes]) -> bytes:
        return b"/" + mt.group(1) + b" ()" if rx.search(_decode(mt.group(2))) else mt.group(0)

    new = _MARKED.sub(blank, data)
    if new != data:
        doc.update_stream(xref, new)


def _object_strings(doc: Any, xref: int, path: str, rx: re.Pattern[str], depth: int) -> None:
    """Rewrite every string of an object (nested dictionaries too) that holds a secret."""
    if depth > 4:
        return
    try:
        keys = doc.xref_get_keys(xref) if not path else _subkeys(doc, xref, path)
    except (RuntimeError, ValueError):
        return
    for key in keys:
        full = f"{path}/{key}" if path else key
        kind, value = doc.xref_get_key(xref, full)
        if kind == "string" and rx.search(value):
            doc.xref_set_key(xref, full, _pdf_string(rx.sub(REPLACEMENT, value)))
        elif kind == "dict":
            _object_strings(doc, xref, full, rx, depth + 1)


def _subkeys(doc: Any, xref: int, path: str) -> list[str]:
    _, value = doc.xref_get_key(xref, path)
    return re.findall(r"/([A-Za-z0-9_.#-]+)\s*(?=[/<\[(\d\-tfn])", value[2:-2] if value else "")


def _pdf_string(text: str) -> str:
    try:
        raw = text.encode("latin-1")
        return "(" + raw.decode("latin-1").replace("\\", "\\\\").replace("(", "\\(").replace(
            ")", "\\)") + ")"  # fmt: skip
    except UnicodeEncodeError:
        return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"
