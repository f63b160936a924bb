"""The demo matter: sample filings the project writes itself (Jane Doe v. Streamline Social),
imported into a matter folder in the user's data directory unless told otherwise."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
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
    filings = list(write_demo_filings(sources))
    for i, f in enumerate(filings):
        for step in import_files(matter, [f.path], kind=f.kind):
            # each filing is imported on its own (its kind is known); say "2 of 3", not "1 of 1"
            yield _of_all(step, i, len(filings))
    seed_demo_claims(matter)


def _of_all(step: Progress, before: int, total: int) -> Progress:
    """A per-file step of one filing's import, counted among all the demo filings."""
    if step.path is None or step.total != 1:
        return step
    return replace(step, done=before + step.done, total=total)


def populate_demo_at(matter_path: Path) -> Iterator[Progress]:
    """``populate_demo`` on a handle of its own: the app runs it in a child process (its
    filings are written with PyMuPDF, which would hold the GIL in a thread of the app)."""
    with Matter.open(matter_path) as m:
        yield from populate_demo(m)
