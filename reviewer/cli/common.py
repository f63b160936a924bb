"""What every CLI module shares: the MATTER argument, --json, user-error handling, JSON and
progress-bar output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from reviewer.core.errors import MACHINE_FAULTS, ReviewerError, describe_os_error
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
        except MACHINE_FAULTS as exc:
            described = describe_os_error(exc)
            if described is None:
                raise
            message = described
        click.echo(f"Error: {message}", err=True)
        sys.exit(2)

    return wrapper  # type: ignore[return-value]


def dump(obj: object) -> None:
    click.echo(json.dumps(obj, indent=2, ensure_ascii=False))


def jsonable(result: Any) -> Any:
    """A command's result as JSON: records by their ``as_json``, lists item by item."""
    if isinstance(result, list | tuple):
        return [jsonable(r) for r in result]
    as_json = getattr(result, "as_json", None)
    return as_json() if callable(as_json) else result


def print_table(rows: Any) -> None:
    """Rows (JSON objects) as aligned columns named by their keys; nested values as JSON."""
    rows = rows if isinstance(rows, list) else [rows]
    if not rows or not isinstance(rows[0], dict):
        click.echo(json.dumps(rows, ensure_ascii=False))
        return
    keys = list(rows[0])

    def cell(v: Any) -> str:
        return "" if v is None else v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)

    cells = [[cell(r.get(k)) for k in keys] for r in rows]
    widths = [max(len(k), *(len(c[i]) for c in cells)) for i, k in enumerate(keys)]
    for line in [keys, *cells]:
        click.echo("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())


def output_options(text: Callable[[Any], None]) -> Callable[[F], F]:
    """The CLI's output options in one place: the command returns its result; ``--json``
    prints it as JSON (the contract for scripts), ``--table`` as aligned columns of the same
    fields, and by default ``text(result)`` prints it for people."""

    def decorate(fn: F) -> F:
        @wraps(fn)
        def wrapper(*args: Any, as_json: bool, as_table: bool, **kwargs: Any) -> None:
            result = fn(*args, **kwargs)
            if as_json:
                dump(jsonable(result))
            elif as_table:
                print_table(jsonable(result))
            else:
                text(result)

        wrapper.__dict__.pop("__click_params__", None)  # wraps copied the inner's: keep own
        params = list(getattr(fn, "__click_params__", []))
        wrapper.__click_params__ = params  # type: ignore[attr-defined]
        table = click.option("--table", "as_table", is_flag=True,
                             help="Print the fields as an aligned table.")  # fmt: skip
        return JSON(table(wrapper))  # type: ignore[return-value]

    return decorate


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
