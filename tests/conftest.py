"""Shared fixtures: the corpus of real filings (one fixture finds it), and fresh matters."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer.core.matter.store import Matter

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


@pytest.fixture(scope="session")
def demo_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo filings imported once per session (no claims); copy it, never write to it."""
    from reviewer.core.ingest.pipeline import import_files
    from reviewer.samples import write_demo_filings

    path = tmp_path_factory.mktemp("demo") / "Demo.matter"
    with Matter.create(path, "Doe v. Streamline Social") as m:
        for f in write_demo_filings(path.parent / "sources"):
            for _ in import_files(m, [f.path], kind=f.kind):
                pass
    return path


@pytest.fixture
def demo_matter(demo_source: Path, tmp_path: Path) -> Iterator[Matter]:
    """A fresh, writable copy of the imported demo filings."""
    dest = tmp_path / "Demo.matter"
    shutil.copytree(demo_source, dest, ignore=shutil.ignore_patterns("matter.lock"))
    m = Matter.open(dest)
    yield m
    m.close()


@pytest.fixture(scope="session")
def tesseract() -> str:
    """The Tesseract program; skips (or fails under REVIEWER_OCR_REQUIRED=1) if absent."""
    from reviewer.core.ingest.ocr import tesseract

    exe = tesseract()
    if exe is None:
        reason = "Tesseract (tesseract-ocr, tesseract-ocr-eng) is not installed"
        if os.environ.get("REVIEWER_OCR_REQUIRED") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return exe
