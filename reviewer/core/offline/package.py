"""A package on disk: a folder that opens like a matter (``matter.sqlite``, ``files/``,
``index/``) plus ``package.json`` — the manifest — and ``baseline.json``.

The manifest names the batch, the matter it came from (its ``matter_id``), the schema
version, the reviewer, the documents, the matter's last operation at check-out, and the
SHA-256 of every file that must not change (the PDFs and the baseline); a digest of the
manifest itself closes it. ``baseline.json`` holds the package's rows of reviewers' work as
checked out: on check-in the baseline, replayed through the package's own operation log,
must give exactly the rows the package holds — a row written around the log (by hand, with
a database tool) is refused. The digest is plain SHA-256, not a keyed HMAC: it catches a
package altered by hand or damaged in transit, not a forger who recomputes it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from reviewer.core.errors import ReviewerError
from reviewer.core.matter import opening
from reviewer.core.matter.audit import key_of
from reviewer.core.offline.keys import SPECS, dumps, merges

MANIFEST = "package.json"
BASELINE = "baseline.json"
FORMAT = 1


class OfflineError(ReviewerError):
    """A package cannot be checked out or in (the reason says why; nothing was changed)."""


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _seal(manifest: dict[str, Any]) -> str:
    body = {k: v for k, v in manifest.items() if k != "digest"}
    return hashlib.sha256(dumps(body).encode()).hexdigest()


def write_manifest(folder: Path, manifest: dict[str, Any], files: list[str]) -> None:
    """Write ``package.json`` with the digest of each of ``files`` and of itself."""
    manifest = {**manifest, "format": FORMAT, "files": {
        name: file_digest(folder / name) for name in sorted(files)
    }}  # fmt: skip
    manifest["digest"] = _seal(manifest)
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False))


def read_manifest(folder: Path) -> dict[str, Any]:
    """The package's manifest, checked: its own digest and every file's (``OfflineError``
    naming what was altered)."""
    path = Path(folder) / MANIFEST
    if not path.is_file():
        raise OfflineError(f"{folder}: not a review package (no {MANIFEST}).")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise OfflineError(f"{path}: the manifest cannot be read ({exc}).") from None
    if not isinstance(manifest, dict) or manifest.get("digest") != _seal(manifest):
        raise OfflineError(
            f"{path}: the manifest was altered by hand (its digest does not match); "
            "the package is refused."
        )
    if int(manifest.get("schema_version", 0)) > opening.schema_version():
        raise OfflineError(
            f"{folder}: the package was made by a newer version of reviewer (schema "
            f"{manifest['schema_version']}, this one knows {opening.schema_version()}); "
            "update reviewer to check it in."
        )
    for name, digest in manifest.get("files", {}).items():
        file = Path(folder) / name
        if not file.is_file():
            raise OfflineError(f"{file}: missing from the package; the package is refused.")
        if file_digest(file) != digest:
            raise OfflineError(f"{file}: altered since check-out; the package is refused.")
    return manifest


def work_rows(db: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row of reviewers' work, table by table, as JSON values."""
    out: dict[str, list[dict[str, Any]]] = {}
    for tbl in SPECS:
        cur = db.execute(f"SELECT * FROM {tbl} ORDER BY rowid")
        cols = [d[0] for d in cur.description]
        rows = (json.loads(json.dumps(dict(zip(cols, r, strict=True)))) for r in cur)
        out[tbl] = [r for r in rows if merges(tbl, r)]
    return out


def check_log(folder: Path, db: Any) -> None:
    """The baseline replayed through the package's audit log must give the package's rows
    of work; else they were written around the log (``OfflineError``)."""
    baseline = json.loads((Path(folder) / BASELINE).read_text(encoding="utf-8"))
    state = {
        tbl: {_k(tbl, r): r for r in baseline.get(tbl, [])} for tbl in SPECS
    }  # fmt: skip
    rows = db.execute("SELECT tbl, before, after FROM audit ORDER BY id").fetchall()
    for tbl, before, after in rows:
        old = None if before is None else json.loads(before)
        new = None if after is None else json.loads(after)
        if tbl not in state or not merges(tbl, new if new is not None else old or {}):
            continue
        key = _k(tbl, new if new is not None else old or {})
        if state[tbl].get(key) != old:
            _altered(folder, tbl)
        if new is None:
            state[tbl].pop(key, None)
        else:
            state[tbl][key] = new
    now = work_rows(db)
    for tbl in SPECS:
        if {_k(tbl, r): r for r in now[tbl]} != state[tbl]:
            _altered(folder, tbl)


def _k(tbl: str, row: dict[str, Any]) -> str:
    return dumps(key_of(tbl, row))


def _altered(folder: Path, tbl: str) -> None:
    raise OfflineError(
        f"{folder}: the package's {tbl.replace('_', ' ')} were changed outside reviewer (they "
        "do not follow from its operation log); the package is refused."
    )
