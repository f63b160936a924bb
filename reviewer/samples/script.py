"""The tagged-line script a sample filing's body is written in (ASCII; typeset by the pleading
engine's ``_smarten``), and ``_Block``, what a script line becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class _Block:
    kind: str  # numbered | prayer | text | heading | subheading | count
    parts: list[tuple[str, str]]  # (body | quote | item | line, text)
    notes: list[str] = field(default_factory=list)


# --- Scripts: a filing's body as tagged lines (ASCII; typeset by _smarten) --------------------
# "= " heading, "== " subheading ("A. Title"), "# " count (" | " separates centered lines),
# "P " numbered paragraph, "* " prayer item, "- " unnumbered text, "> " block quote, "+ " text
# continuing after a quote, "(a) " sub-list item, "^ " footnote for the next [^] mark.
# An indented line continues the line above.

_TAGS = {"=": "heading", "==": "subheading", "#": "count", "P": "numbered", "*": "prayer"}
_TAGS["-"] = "text"
_PARTS = {">": "quote", "+": "body"}


def _logical_lines(script: str) -> list[str]:
    logical: list[str] = []
    for line in script.strip().splitlines():
        if line[:1].isspace() and logical:
            logical[-1] += " " + line.strip()
        elif line.strip():
            logical.append(line.strip())
    return logical


def _parse(script: str) -> list[_Block]:
    blocks: list[_Block] = []
    for line in _logical_lines(script):
        tag, _, text = line.partition(" ")
        if tag in _TAGS:
            kind = _TAGS[tag]
            parts = (
                [("line", t) for t in text.split(" | ")] if kind == "count" else [("body", text)]
            )
            blocks.append(_Block(kind, parts))
        elif tag in _PARTS:
            blocks[-1].parts.append((_PARTS[tag], text))
        elif tag == "^":
            blocks[-1].notes.append(text)
        elif re.fullmatch(r"\([a-z]\)", tag):
            blocks[-1].parts.append(("item", line))
        else:
            raise ValueError(f"unknown script tag {tag!r}")
    return blocks
