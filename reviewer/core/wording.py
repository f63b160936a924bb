"""How numbers read in sentences the user sees: ``1 hit``, ``2 hits``, ``1 document``."""

from __future__ import annotations


def plural(n: int, one: str, many: str | None = None) -> str:
    """``plural(1, "hit")`` → ``1 hit``; ``plural(1200, "hit")`` → ``1,200 hits``."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
