"""Every table and index of a matter database, as ordered migrations.

A schema change is always a new migration appended at the end; applied ones never change.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("reviewer")


@migrations()
def m001_core(db: Database) -> None:
    db.execute(
        """CREATE TABLE matter_meta (
            key TEXT PRIMARY KEY,
            value TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            file_name TEXT NOT NULL,
            source_path TEXT,
            stored_path TEXT NOT NULL,
            byte_size INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT,
            court TEXT,
            case_no TEXT,
            docket_no TEXT,
            filed TEXT,
            page_count INTEGER NOT NULL,
            text_quality TEXT NOT NULL,
            needs_ocr INTEGER NOT NULL DEFAULT 0,
            quality_note TEXT,
            pdf_meta TEXT,
            imported_at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE pages (
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            pno INTEGER NOT NULL,
            width REAL NOT NULL,
            height REAL NOT NULL,
            label TEXT,
            text TEXT NOT NULL,
            quality TEXT NOT NULL,
            ecf_stamp TEXT,
            ecf_doc TEXT,
            ecf_page INTEGER,
            ecf_page_of INTEGER,
            PRIMARY KEY (doc_id, pno)
        )"""
    )
    db.execute(
        """CREATE TABLE paragraphs (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            number TEXT,
            kind TEXT NOT NULL,
            section TEXT,
            count TEXT,
            text TEXT NOT NULL,
            page_start INTEGER NOT NULL,
            page_end INTEGER NOT NULL,
            cite TEXT NOT NULL,
            boxes TEXT NOT NULL DEFAULT '[]',
            UNIQUE (doc_id, seq)
        )"""
    )
    db.execute("CREATE INDEX paragraphs_doc_number ON paragraphs(doc_id, number)")
