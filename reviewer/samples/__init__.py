"""Generated sample filings with their ground truth, so nothing real has to be copied.

Owns the California-federal pleading-paper layout (``_Pleading``), the demo matter of the
fictional *Jane Doe v. Streamline Social, Inc.* (``write_demo_filings``), seeded synthetic
complaints of any length (``write_synthetic_complaint``) and deliberately broken files
(``write_bad_files``). Every paragraph laid out is recorded as a ``TruthParagraph``. All prose is
invented. PyMuPDF is reached only through ``reviewer.core.pdf.PdfWriter``.

Split into ``pleading`` (layout engine, geometry and shared dataclasses), ``demo``,
``synthetic`` and ``broken``; this package re-exports their public API.
"""

from reviewer.samples.broken import write_bad_files, write_damaged_files
from reviewer.samples.demo import write_demo_filings
from reviewer.samples.pleading import SampleFile, TruthParagraph
from reviewer.samples.synthetic import write_synthetic_complaint

__all__ = [
    "SampleFile",
    "TruthParagraph",
    "write_bad_files",
    "write_damaged_files",
    "write_demo_filings",
    "write_synthetic_complaint",
]
