"""The demo matter: sample filings the project writes itself (Jane Doe v. Streamline Social),
imported into a matter folder in the user's data directory unless told otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from platformdirs import user_data_dir

from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter.store import DB_NAME, Matter
from reviewer.core.records import Progress
from reviewer.samples import write_demo_filings
from reviewer.samples.demo_claims import seed_demo_claims

DEMO_NAME = "Doe v Streamline Social (demo)"


def default_demo_path() -> Path:
    return Path(user_data_dir("reviewer", appauthor=False)) / "Demo.matter"


def build_demo(path: Path) -> Iterator[Progress]:
    """Create the demo matter at ``path`` (if absent), import the sample filings and seed the
    Doe v. Twitter-style claims and a few tags (once)."""
    matter = Matter.open(path) if (path / DB_NAME).exists() else Matter.create(path, DEMO_NAME)
    try:
        yield from populate_demo(matter)
    finally:
        matter.close()


def populate_demo(matter: Matter) -> Iterator[Progress]:
    """Write the sample filings into the matter's folder, import them (a second run finds
    them duplicates: the files are byte-stable) and seed the claims and tags once."""
    sources = matter.path / "demo-sources"
    for f in write_demo_filings(sources):
        yield from import_files(matter, [f.path], kind=f.kind)
    seed_demo_claims(matter)


def populate_demo_at(matter_path: Path) -> Iterator[Progress]:
    """``populate_demo`` on a handle of its own: the app runs it in a child process (its
    filings are written with PyMuPDF, which would hold the GIL in a thread of the app)."""
    with Matter.open(matter_path) as m:
        yield from populate_demo(m)
