"""Exhibits: one register of every exhibit of a matter — what it is, where its pages are,
which paragraphs cite it, whether it was attached — and what goes to court from it.

Owns: ``labels`` (what an exhibit label, stamp or citation looks like), ``detect`` (exhibits
found by the structure of a filing's pages), ``register`` (the stored register, re-scans,
exhibits declared by a user), ``citations`` (¶¶, footnotes and headings linked to the
exhibits they cite), ``numbering`` (PX-/DX-/JX- numbers, letters, deposition numbers and
the crosswalk; assigned once, never reused), ``exhibit_list`` (the AO 187 exhibit list)
and ``binder`` (the stamped binder; PDF work in ``reviewer.core.pdf.binder``).
"""

from reviewer.core.exhibits.register import (
    add_exhibit,
    find_exhibit,
    list_exhibits,
    rescan,
    scan_document,
    update_exhibit,
)

__all__ = [
    "add_exhibit",
    "find_exhibit",
    "list_exhibits",
    "rescan",
    "scan_document",
    "update_exhibit",
]
