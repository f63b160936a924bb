"""Claim-element templates: one TOML file per claim in ``resources/claims/`` (the format is
documented in ``resources/claims/README.md``), loaded and validated here. A broken file is a
``TemplateError`` naming the file and the problem."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reviewer.core.claims.citations import Citation, parse_one
from reviewer.core.errors import NotFoundError, TemplateError
from reviewer.core.resources import resource
from reviewer.core.search import query

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_TOP_KEYS = {"id", "name", "source", "statutes", "related", "keywords", "elements"}
_ELEMENT_KEYS = {"id", "name", "description", "hotkey", "terms"}


@dataclass(frozen=True, slots=True)
class ElementTemplate:
    id: str
    name: str
    description: str
    hotkey: int | None
    terms: str


@dataclass(frozen=True, slots=True)
class ClaimTemplate:
    """A claim as shipped: its elements and what a count must cite or say to suggest it."""

    id: str
    name: str
    source: str
    statutes: tuple[Citation, ...]
    related: tuple[Citation, ...]
    keywords: tuple[str, ...]
    elements: tuple[ElementTemplate, ...]
    path: Path

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "source": self.source}


def templates_dir() -> Path:
    return resource("claims")


def _text(data: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(f"{where}: '{key}' must be a non-empty text.")
    return " ".join(value.split())


def _cites(data: dict[str, Any], key: str, where: str) -> tuple[Citation, ...]:
    values = data.get(key, [])
    if not isinstance(values, list):
        raise TemplateError(f"{where}: '{key}' must be a list of citations.")
    out = []
    for v in values:
        cite = parse_one(v) if isinstance(v, str) else None
        if cite is None:
            raise TemplateError(
                f"{where}: '{key}' entry {v!r} is not one statute citation "
                '(write e.g. "18 U.S.C. § 1595" or "Cal. Civ. Code § 1708.85").'
            )
        out.append(cite)
    return tuple(out)


def _element(raw: Any, where: str, seen: set[str]) -> ElementTemplate:
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: each [[elements]] entry must be a table.")
    eid = raw.get("id")
    if not isinstance(eid, str) or not SLUG.fullmatch(eid):
        raise TemplateError(f"{where}: element id {eid!r} must be kebab-case (e.g. 'duty').")
    where = f"{where}: element '{eid}'"
    if eid in seen:
        raise TemplateError(f"{where} appears twice.")
    if unknown := set(raw) - _ELEMENT_KEYS:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}.")
    hotkey = raw.get("hotkey")
    if hotkey is not None and (not isinstance(hotkey, int) or not 1 <= hotkey <= 9):
        raise TemplateError(f"{where}: hotkey must be a number from 1 to 9.")
    terms = _text(raw, "terms", where, required=False)
    if terms:
        try:
            query.parse(terms, "tc")
        except query.QuerySyntaxError as exc:
            raise TemplateError(f"{where}: its search terms do not parse: {exc.reason}.") from None
    seen.add(eid)
    return ElementTemplate(
        eid, _text(raw, "name", where), _text(raw, "description", where), hotkey, terms
    )


def parse_template(path: Path) -> ClaimTemplate:
    """Load and validate one template file."""
    where = path.name
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise TemplateError(f"{where}: cannot be read as TOML ({exc}).") from None
    if unknown := set(data) - _TOP_KEYS:
        raise TemplateError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}.")
    tid = data.get("id")
    if not isinstance(tid, str) or not SLUG.fullmatch(tid) or tid != path.stem:
        raise TemplateError(f"{where}: 'id' must be kebab-case and equal the file name.")
    raw_elements = data.get("elements")
    if not isinstance(raw_elements, list) or not raw_elements:
        raise TemplateError(f"{where}: needs at least one [[elements]] entry.")
    seen: set[str] = set()
    elements = tuple(_element(e, where, seen) for e in raw_elements)
    hotkeys = [e.hotkey for e in elements if e.hotkey is not None]
    if len(hotkeys) != len(set(hotkeys)):
        raise TemplateError(f"{where}: two elements share a hotkey.")
    keywords = data.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise TemplateError(f"{where}: 'keywords' must be a list of texts.")
    return ClaimTemplate(
        tid,
        _text(data, "name", where),
        _text(data, "source", where),
        _cites(data, "statutes", where),
        _cites(data, "related", where),
        tuple(k.lower() for k in keywords),
        elements,
        path,
    )


def load_templates(folder: Path | None = None) -> list[ClaimTemplate]:
    """Every template in ``folder`` (default: the shipped ones), sorted by id. Parsed once
    while the files are unchanged (the proof chart reads them on every refresh)."""
    folder = folder or templates_dir()
    files = sorted(folder.glob("*.toml"))
    stamps = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    return list(_parsed(str(folder), stamps))


@lru_cache(maxsize=8)
def _parsed(folder: str, stamps: tuple[tuple[str, int, int], ...]) -> tuple[ClaimTemplate, ...]:
    return tuple(parse_template(Path(folder) / name) for name, _, _ in stamps)


def get_template(template_id: str, folder: Path | None = None) -> ClaimTemplate:
    path = (folder or templates_dir()) / f"{template_id}.toml"
    if not SLUG.fullmatch(template_id) or not path.is_file():
        known = ", ".join(t.id for t in load_templates(folder))
        raise NotFoundError(f"{template_id}: no such claim template. Known: {known}.")
    return parse_template(path)
