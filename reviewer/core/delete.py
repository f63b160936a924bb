"""Removing documents from a matter: rows, stored copy and index entries, all or nothing."""

from __future__ import annotations

import contextlib

from reviewer.core.matter import Matter
from reviewer.core.records import Document
from reviewer.core.search import IndexUpdater


def delete_documents(matter: Matter, docs: list[Document]) -> None:
    """Delete ``docs`` in one transaction, then their stored copies and index entries."""
    matter.require_writable()
    updater = IndexUpdater(matter)
    with matter.db.atomic():
        for doc in docs:
            for table, column in (
                ("paragraphs", "doc_id"),
                ("pages", "doc_id"),
                ("documents", "id"),
            ):
                matter.db.execute(f"DELETE FROM {table} WHERE {column} = ?", [doc.id])
        matter.touch_content()
    try:
        for doc in docs:
            updater.remove(doc.id)
    finally:
        updater.close()
    for doc in docs:
        with contextlib.suppress(FileNotFoundError):
            (matter.path / doc.stored_path).unlink()
