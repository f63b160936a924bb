"""Every table and index of a matter database, as ordered migrations: m001 to m005 in
``schema_base``, the later ones here (structure, captions, the change spine, bad redactions,
exhibits, offline batches).

A schema change is always a new migration appended at the end; applied ones never change.
"""

from __future__ import annotations

from sqlite_utils import Database

from reviewer.core.matter.schema_base import migrations

__all__ = ["DOCUMENT_OWN", "USER_WORK", "migrations"]


@migrations()
def m006_structure(db: Database) -> None:
    """A filing's structure (issue 13): which numbered list a paragraph belongs to (a notice
    of motion and its memorandum, a declaration and its exhibit each number their own), the
    paragraph a footnote belongs to (its ``seq``), and the parties a COUNT is against."""
    db.execute("ALTER TABLE paragraphs ADD COLUMN list INTEGER")
    db.execute("ALTER TABLE paragraphs ADD COLUMN footnote_of INTEGER")
    db.execute("ALTER TABLE paragraphs ADD COLUMN count_against TEXT")


@migrations()
def m007_captions(db: Database) -> None:
    """Captions (issue 13): the court's printed name (``court`` becomes its Bluebook
    abbreviation), the case number as printed (``case_no`` is normalised), the case name, the
    parties (JSON ``{plaintiffs: [...], defendants: [...]}``), the PDF's own Title property
    (``title`` is the document's title), why the document has its kind, and the short form
    its pin cites use. ``kind_set_by`` is ``user`` once a person changed the kind."""
    for column in ("court_name", "case_no_printed", "case_name", "parties", "pdf_title",
                   "kind_reason", "abbrev", "kind_set_by"):  # fmt: skip
        db.execute(f"ALTER TABLE documents ADD COLUMN {column} TEXT")


# A document's own rows (read from its file, not anyone's work): the only tables a foreign
# key may cascade into, from documents. A derived table added later belongs here.
DOCUMENT_OWN = ("pages", "paragraphs", "bad_redactions")
# Tables holding what reviewers made. A foreign key from them never cascades: a document or
# paragraph cannot be deleted while work points at it, so no work disappears as a side effect.
USER_WORK = (
    "tags", "suggestion_rejects", "privilege", "redactions", "count_claims",
    "production_docs", "production_pages", "orphans",
)  # fmt: skip


@migrations()
def m008_spine(db: Database) -> None:
    """One change spine (issue 14). Foreign keys into user work become ``RESTRICT``; every
    operation gets one ``operations`` row (label, who, machine, when; ``id`` = the audit
    ``batch``), back-filled from the audit log; work that a re-cut document no longer has a
    paragraph for is kept in ``orphans`` (the row as it was and a snapshot of its old ¶)."""
    from sqlite_utils.db import ForeignKey

    for name in USER_WORK:
        table = db.table(name)
        if not table.exists():
            continue
        keys = [
            ForeignKey(f.table, f.column, f.other_table, f.other_column, on_delete="RESTRICT")
            for f in table.foreign_keys
        ]
        table.transform(foreign_keys=keys)
    db.execute("ALTER TABLE audit ADD COLUMN machine TEXT")
    db.execute(
        """CREATE TABLE operations (
            id INTEGER PRIMARY KEY,
            label TEXT NOT NULL,
            who TEXT NOT NULL,
            machine TEXT,
            at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
            undoes INTEGER REFERENCES operations(id) ON DELETE RESTRICT
        )"""
    )
    db.execute(
        "INSERT INTO operations (id, label, who, at, kind, undoes) SELECT batch, min(action), "
        "min(who), min(at), min(kind), min(undoes) FROM audit GROUP BY batch ORDER BY batch"
    )
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER operations_no_{event.lower()} BEFORE {event} ON operations
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
        )
    db.execute(
        """CREATE TABLE orphans (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
            row TEXT NOT NULL,
            para TEXT NOT NULL,
            reason TEXT NOT NULL,
            who TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX orphans_doc ON orphans(doc_id)")


@migrations()
def m009_redaction(db: Database) -> None:
    """Bad redactions found on import (issue 17): text that can still be copied from under
    an opaque cover on a page of a source document (``rect`` the cover, JSON
    ``[x0, y0, x1, y1]`` in PDF points; ``page`` 1-based; ``cover`` what hides it)."""
    db.execute(
        """CREATE TABLE bad_redactions (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            rect TEXT NOT NULL,
            text TEXT NOT NULL,
            cover TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX bad_redactions_doc ON bad_redactions(doc_id, page)")


@migrations()
def m010_exhibits(db: Database) -> None:
    """Exhibits (issue 18). An exhibit's pages are ``first_page``-``last_page`` of document
    ``doc_id`` (both NULL: the whole document, or nothing when it is cited but not attached);
    ``filing_id`` is the filing it is an exhibit of (the same document when attached at its
    end). ``source`` says how it was found: a cover or slip sheet, a per-page stamp, an ECF
    attachment number, a citation only (``attached`` = 0), or declared by a user. Found
    records are re-derived by a re-scan; ``user`` records and every number are user work.
    ``exhibit_cites`` links citing paragraphs (derived, rebuilt by a scan; no foreign keys,
    so a re-cut or a delete never trips on it, and a link to a paragraph gone is ignored
    and swept by the next scan). Numbers (PX-001…) are allocated once from a counter per
    scheme in ``matter_meta`` and never reused: a withdrawn number keeps its row. No key
    cascades: deleting a document deletes its exhibits as audited rows (undo restores
    them)."""
    db.execute(
        """CREATE TABLE exhibits (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE RESTRICT,
            filing_id INTEGER REFERENCES documents(id) ON DELETE RESTRICT,
            label TEXT NOT NULL,
            key TEXT NOT NULL,
            first_page INTEGER,
            last_page INTEGER,
            attached INTEGER NOT NULL DEFAULT 1,
            source TEXT NOT NULL CHECK (source IN ('cover', 'stamp', 'ecf', 'cited', 'user')),
            parent_id INTEGER,
            description TEXT NOT NULL DEFAULT '',
            ecf_ref TEXT,
            offered TEXT NOT NULL DEFAULT '',
            marked TEXT NOT NULL DEFAULT '',
            admitted TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            CHECK ((first_page IS NULL) = (last_page IS NULL))
        )"""
    )
    db.execute("CREATE INDEX exhibits_doc ON exhibits(doc_id)")
    db.execute("CREATE INDEX exhibits_filing ON exhibits(filing_id, key)")
    db.execute(
        """CREATE TABLE exhibit_cites (
            exhibit_id INTEGER NOT NULL,
            para_id INTEGER NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (exhibit_id, para_id, text)
        ) WITHOUT ROWID"""
    )
    db.execute("CREATE INDEX exhibit_cites_para ON exhibit_cites(para_id)")
    db.execute(
        """CREATE TABLE exhibit_numbers (
            id INTEGER PRIMARY KEY,
            exhibit_id INTEGER,
            scheme TEXT NOT NULL,
            number INTEGER NOT NULL,
            label TEXT NOT NULL,
            withdrawn INTEGER NOT NULL DEFAULT 0,
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            UNIQUE (scheme, number)
        )"""
    )
    db.execute("CREATE INDEX exhibit_numbers_exhibit ON exhibit_numbers(exhibit_id)")


@migrations()
def m011_batches(db: Database) -> None:
    """Offline work packages (issue 19). The matter gets a lasting id (``matter_id`` in
    ``matter_meta``) that a package must carry to be checked in. ``batches``: each package
    checked out (to whom, which documents, the last operation it saw). ``checkin_ops``: every
    package operation already merged (``origin`` = ``batch:op``), so a second check-in skips
    it; ``op_id`` is the matter's operation it became (NULL when nothing of it applied).
    ``digest`` (of the operation's label, time and changes) tells a copy of the package worked
    on separately, whose operation of the same number is another one, from the same package.
    ``conflicts``: where a package and the matter set the same thing differently — the
    matter keeps ``ours``, ``theirs`` waits for a person to settle it. ``merged``: which
    package change last set a (row, field), so two packages settle the same way whatever
    order they come back in."""
    import uuid

    db.execute(
        "INSERT OR IGNORE INTO matter_meta (key, value) VALUES ('matter_id', ?)",
        [uuid.uuid4().hex],
    )
    db.execute(
        """CREATE TABLE batches (
            id TEXT PRIMARY KEY,
            to_name TEXT NOT NULL,
            docs TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('out', 'in')),
            base_op INTEGER NOT NULL,
            path TEXT NOT NULL,
            who TEXT NOT NULL,
            out_at TEXT NOT NULL,
            in_at TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE checkin_ops (
            origin TEXT PRIMARY KEY,
            batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE RESTRICT,
            op_id INTEGER REFERENCES operations(id) ON DELETE RESTRICT,
            label TEXT NOT NULL,
            who TEXT NOT NULL,
            machine TEXT,
            at TEXT NOT NULL,
            digest TEXT NOT NULL,
            checked_in TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            batch_id TEXT NOT NULL REFERENCES batches(id) ON DELETE RESTRICT,
            tbl TEXT NOT NULL,
            nkey TEXT NOT NULL,
            field TEXT NOT NULL,
            what TEXT NOT NULL,
            ours TEXT,
            theirs TEXT,
            ours_from TEXT NOT NULL,
            theirs_from TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'ours', 'theirs')),
            at TEXT NOT NULL,
            resolved_by TEXT,
            resolved_at TEXT
        )"""
    )
    db.execute("CREATE INDEX conflicts_key ON conflicts(tbl, nkey, field)")
    db.execute(
        """CREATE TABLE merged (
            tbl TEXT NOT NULL,
            nkey TEXT NOT NULL,
            field TEXT NOT NULL,
            value TEXT,
            origin TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (tbl, nkey, field)
        ) WITHOUT ROWID"""
    )


@migrations()
def m012_image_text(db: Database) -> None:
    """Text of the pictures inside text pages (issue 13 item 8): a screenshot in a complaint
    is OCR'd by ``reviewer ocr`` into a paragraph of kind ``image_text`` of its own (its
    ``boxes`` the picture's place on the page), never into a ¶. ``images_read`` is how many
    pictures of a page were read (NULL: the page was not looked at yet)."""
    db.execute("ALTER TABLE pages ADD COLUMN images_read INTEGER")
