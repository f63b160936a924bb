"""What every CLI module shares: the MATTER argument, --json, user-error handling, JSON and
progress-bar output."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from reviewer.core.errors import ReviewerError, describe_os_error
from reviewer.core.records import Progress

F = TypeVar("F", bound=Callable[..., Any])
MATTER = click.argument("matter", type=click.Path(path_type=Path))
JSON = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")


def user_errors(fn: F) -> F:
    """Turn the core's user errors, and the faults of the machine a user can meet (full disk,
    read-only folder, a matter kept busy), into a one-line message and exit code 2."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReviewerError as exc:
            message = str(exc)
        except (OSError, sqlite3.Error) as exc:
            described = describe_os_error(exc)
            if described is None:
                raise
            message = described
        click.echo(f"Error: {message}", err=True)
        sys.exit(2)

    return wrapper  # type: ignore[return-value]


def dump(obj: object) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False))


def progress_bar(jobs: Any, label: str) -> None:
    """Drain a Progress iterator, drawing a bar on stderr when it is a terminal."""
    bar = None
    for p in jobs:
        assert isinstance(p, Progress)
        if sys.stderr.isatty() and p.total:
            bar = bar or click.progressbar(length=p.total, label=label, file=sys.stderr)
            bar.update(p.done - bar.pos)
    if bar is not None:
        bar.render_finish()
