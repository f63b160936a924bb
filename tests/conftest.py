"""Shared fixtures: the corpus of real filings (one fixture finds it), and fresh matters."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.matter import Matter

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of corpus PDFs; skips (or fails under REVIEWER_CORPUS_REQUIRED=1) if absent."""
    base = Path(os.environ.get("REVIEWER_CORPUS", ROOT.parent / "shared" / "corpus"))
    pdfs = base / "pdfs"
    if not pdfs.is_dir():
        reason = f"corpus of real filings not found at {base} (set REVIEWER_CORPUS)"
        if os.environ.get("REVIEWER_CORPUS_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return pdfs


@pytest.fixture
def matter(tmp_path: Path) -> Iterator[Matter]:
    m = Matter.create(tmp_path / "Test.matter", "Test v. Matter")
    yield m
    m.close()
