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


@migrations()
def m002_claims(db: Database) -> None:
    """Claims, their elements, count mappings, tags and the append-only audit log (issue 5).

    Tags reference element rows by id, so renaming, reordering or retiring an element keeps
    its tags; an element's user-facing id is ``claims.key || '.' || elements.key``."""
    db.execute(
        """CREATE TABLE claims (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            template TEXT,
            position INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE elements (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            key TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            terms TEXT NOT NULL DEFAULT '',
            hotkey INTEGER CHECK (hotkey BETWEEN 1 AND 9),
            position INTEGER NOT NULL,
            retired INTEGER NOT NULL DEFAULT 0,
            UNIQUE (claim_id, key)
        )"""
    )
    db.execute(
        """CREATE TABLE count_claims (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            count TEXT NOT NULL,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            status TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed')),
            UNIQUE (doc_id, count, claim_id)
        )"""
    )
    db.execute(
        """CREATE TABLE tags (
            id INTEGER PRIMARY KEY,
            element_id INTEGER NOT NULL REFERENCES elements(id),
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            para_id INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
            page_start INTEGER,
            page_end INTEGER,
            assessment TEXT NOT NULL CHECK (assessment IN
                ('factual', 'conclusory', 'information-and-belief', 'contradicted')),
            note TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            CHECK ((para_id IS NULL) <> (page_start IS NULL))
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX tags_paragraph ON tags(element_id, para_id) WHERE para_id IS NOT NULL"
    )
    db.execute(
        "CREATE UNIQUE INDEX tags_pages ON tags(element_id, doc_id, page_start, page_end) "
        "WHERE para_id IS NULL"
    )
    db.execute("CREATE INDEX tags_para ON tags(para_id)")
    db.execute(
        """CREATE TABLE suggestion_rejects (
            id INTEGER PRIMARY KEY,
            element_id INTEGER NOT NULL REFERENCES elements(id),
            para_id INTEGER NOT NULL REFERENCES paragraphs(id) ON DELETE CASCADE,
            UNIQUE (element_id, para_id)
        )"""
    )
    # One row per changed record; ``batch`` groups one user operation (a bulk tag is one
    # batch, undone as one). ``undoes`` names the batch an undo/redo batch reverses/replays.
    db.execute(
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            batch INTEGER NOT NULL,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
            undoes INTEGER,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            before TEXT,
            after TEXT,
            summary TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute("CREATE INDEX audit_batch ON audit(batch)")
    for event in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER audit_no_{event.lower()} BEFORE {event} ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"""
        )


@migrations()
def m003_privilege(db: Database) -> None:
    """Privilege coding, the people list and redactions (issue 6).

    A designation covers a whole document (no pages, no paragraph), a page range or one
    paragraph. ``entry_id`` (``PRIV-0001``…) is allocated once from the ``priv_counter`` in
    ``matter_meta`` when a designation is first withheld or redacted, and never changes, so
    adding entries never renumbers the log. ``bases`` is a comma-separated list."""
    db.execute(
        """CREATE TABLE privilege (
            id INTEGER PRIMARY KEY,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            para_id INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
            page_start INTEGER,
            page_end INTEGER,
            status TEXT NOT NULL CHECK (status IN ('not-privileged', 'withheld', 'redacted')),
            bases TEXT NOT NULL DEFAULT '',
            entry_id TEXT UNIQUE,
            control TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            doc_type TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            recipients TEXT NOT NULL DEFAULT '',
            cc TEXT NOT NULL DEFAULT '',
            bcc TEXT NOT NULL DEFAULT '',
            custodian TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            narrative TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL,
            CHECK ((page_start IS NULL) = (page_end IS NULL)),
            CHECK (para_id IS NULL OR page_start IS NULL)
        )"""
    )
    db.execute(
        "CREATE UNIQUE INDEX privilege_scope ON privilege(doc_id, coalesce(para_id, 0), "
        "coalesce(page_start, 0), coalesce(page_end, 0))"
    )
    db.execute(
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            key TEXT NOT NULL UNIQUE,
            attorney INTEGER NOT NULL DEFAULT 0,
            organisation TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT ''
        )"""
    )
    db.execute(
        """CREATE TABLE redactions (
            id INTEGER PRIMARY KEY,
            entry_id TEXT NOT NULL UNIQUE,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            rect TEXT,
            para_id INTEGER REFERENCES paragraphs(id) ON DELETE CASCADE,
            info_type TEXT NOT NULL,
            basis TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX redactions_doc ON redactions(doc_id, page)")


@migrations()
def m004_ocr(db: Database) -> None:
    """OCR (issue 8): a page whose text came from OCR says so, and keeps the recognised words
    with their boxes (JSON ``[[x0, y0, x1, y1, word], ...]`` in PDF points). The original
    file is never changed."""
    db.execute("ALTER TABLE pages ADD COLUMN ocr INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE pages ADD COLUMN words TEXT")


@migrations()
def m005_production(db: Database) -> None:
    """Productions (issue 7): a named set (unique per matter) with its Bates prefix, first
    number, zero padding and legend; its documents in production order; and the Bates number
    of every produced page, assigned at export and kept, so a re-export of an unchanged set
    numbers every page the same. A withheld document's slip sheet is ``page`` 0."""
    db.execute(
        """CREATE TABLE production_sets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            prefix TEXT NOT NULL,
            start INTEGER NOT NULL CHECK (start >= 0),
            digits INTEGER NOT NULL DEFAULT 6 CHECK (digits BETWEEN 1 AND 12),
            legend TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL,
            at TEXT NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE production_docs (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES production_sets(id) ON DELETE CASCADE,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            UNIQUE (set_id, doc_id)
        )"""
    )
    db.execute(
        """CREATE TABLE production_pages (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES production_sets(id) ON DELETE CASCADE,
            doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,
            number INTEGER NOT NULL,
            bates TEXT NOT NULL,
            UNIQUE (set_id, doc_id, page),
            UNIQUE (set_id, number)
        )"""
    )


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
