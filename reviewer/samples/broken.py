"""Broken and awkward files that an import must survive.

Owns ``write_bad_files``: a non-PDF, an empty file, a truncated PDF, an encrypted one, one with
zero pages, an image-only scan with no text layer and one whose text layer is garbage; and
``write_damaged_files``: one sound three-page filing damaged each way MuPDF would silently
repair (truncated at several points, a broken cross-reference table, a corrupt content
stream, a missing page object), plus a page larger than any scanner makes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from pathlib import Path

from reviewer.core.pdf import PdfWriter
from reviewer.samples.pleading import LEFT_X, _pipe

# --- Broken and awkward files ---------------------------------------------------------------


def _zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (PyMuPDF refuses to save one)."""
    objs = (b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>")
    out, offsets = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def _text_page(w: PdfWriter, lines: Iterable[str], size: float = 12) -> None:
    w.new_page()
    for i, s in enumerate(lines):
        w.text(LEFT_X, 96 + i * 18, s, size)


def _save_broken(w: PdfWriter, path: Path, how: str) -> None:
    order = ("ORDER GRANTING MOTION TO DISMISS", "", "The motion is GRANTED with leave to amend.")
    if how == "truncated":
        for _ in range(3):
            _text_page(w, order * 10)
        # Object streams keep the page tree at the end of the file: the cut half has no pages.
        w.save(path, compact=True)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "encrypted":
        _text_page(w, order)
        w.save(path, password="reviewer-sample")
    elif how == "image_only":
        scan = PdfWriter()
        _text_page(scan, (*order, "Dated: March 24, 2025"), size=16)
        png = scan.page_png(0, dpi=100)
        scan.close()
        w.insert_image_page(png)
        w.save(path)
    else:  # garbage_text
        rng = random.Random(7)
        chars = [
            rng.choice((rng.randrange(0xE000, 0xF8FF), rng.randrange(1, 31))) for _ in range(1800)
        ]
        _text_page(w, ["".join(map(chr, chars[i : i + 60])) for i in range(0, 1800, 60)])
        w.save(path)


def write_bad_files(dest_dir: Path) -> dict[str, Path]:
    """Files an import must survive. ``read_pdf`` raises BadFileError for not_pdf, empty,
    truncated, encrypted and zero_pages; image_only has no text layer; garbage_text has one made of
    control and private-use characters."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    names = _pipe("not_pdf|empty|truncated|encrypted|image_only|garbage_text|zero_pages")
    paths = {k: dest / f"{k}.pdf" for k in names}
    paths["not_pdf"].write_text("Meeting notes, saved with the wrong extension.\n" * 20)
    paths["empty"].write_bytes(b"")
    paths["zero_pages"].write_bytes(_zero_page_pdf())
    for how in ("truncated", "encrypted", "image_only", "garbage_text"):
        _save_broken(PdfWriter(), paths[how], how)
    return paths


def _three_pages(path: Path) -> bytes:
    w = PdfWriter()
    for n in range(1, 4):
        _text_page(w, [f"{i}. Page {n}: the motion is GRANTED with leave to amend." for i in
                       range(1, 31)], size=11)  # fmt: skip
    w.save(path)
    return path.read_bytes()


def _damaged(good: bytes) -> dict[str, bytes]:
    """The sound file's bytes damaged each way (see ``write_damaged_files``)."""
    out = {f"truncated_{pct}": good[: len(good) * pct // 100] for pct in (25, 50, 75)}
    # the last cut leaves the file beyond MuPDF's repair (inside the last page's objects;
    # the sample's bytes are stable: no fresh /ID, fixed dates)
    out["truncated_97"] = good[: len(good) * 98 // 100]
    tail = good.rindex(b"startxref")
    offset = int(re.search(rb"startxref\s+(\d+)", good[tail:]).group(1))  # type: ignore[union-attr]
    out["xref_offset_wrong"] = good[:tail] + b"startxref\n%d\n%%%%EOF\n" % (offset + 37)
    table = good.index(b"\nxref\n")
    out["xref_entries_garbled"] = good[:table] + good[table:].replace(b" n \n", b" x \n", 3)
    start = good.index(b"stream\n", good.index(b"/FlateDecode")) + 7  # a page's content stream
    flipped = bytes(b ^ 0x5A for b in good[start + 20 : start + 60])
    out["stream_corrupt"] = good[: start + 20] + flipped + good[start + 60 :]
    pages = [m.start() for m in re.finditer(rb"\d+ 0 obj\s*<<[^>]*?/Type\s*/Page\b(?!s)", good)]
    num = re.match(rb"(\d+) 0 obj", good[pages[1] :]).group(1)  # type: ignore[union-attr]
    renamed = good[pages[1] :].replace(num + b" 0 obj", b"9" * len(num) + b" 0 obj", 1)
    out["page_object_missing"] = good[: pages[1]] + renamed  # page 2's object is gone
    return out


def write_damaged_files(dest_dir: Path) -> dict[str, Path]:
    """``sound`` (three pages of text), the same file damaged each way an import must refuse
    (``truncated_25/50/75/97``, ``xref_offset_wrong``, ``xref_entries_garbled``,
    ``stream_corrupt``, ``page_object_missing`` — page 2), and ``oversized``: a scan on a
    200 x 200 inch page, the largest a PDF allows."""
    dest = Path(dest_dir)
    dest.mkdir(parents=True, exist_ok=True)
    paths = {"sound": dest / "sound.pdf"}
    good = _three_pages(paths["sound"])
    for name, data in _damaged(good).items():
        paths[name] = dest / f"{name}.pdf"
        paths[name].write_bytes(data)
    scan = PdfWriter()
    _text_page(scan, ("ORDER GRANTING MOTION TO DISMISS",), size=16)
    png = scan.page_png(0, dpi=40)
    scan.close()
    big = PdfWriter()
    big.insert_image_page(png, width=14400, height=14400)
    paths["oversized"] = dest / "oversized.pdf"
    big.save(paths["oversized"])
    return paths
