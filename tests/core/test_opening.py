"""Opening a matter: the schema version in user_version (newer refused, older backed up and
migrated), damaged databases, read-only folders, a full disk, crash leftovers cleaned, and
handles writing side by side."""

from __future__ import annotations

import errno
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlite_utils import Database

from reviewer.core.errors import (
    DiskFullError,
    MatterDamagedError,
    MatterError,
    MatterTooNewError,
    describe_os_error,
)
from reviewer.core.ingest.pipeline import import_files
from reviewer.core.matter import documents, opening, schema
from reviewer.core.matter.store import DB_NAME, Matter
from reviewer.samples import write_demo_filings


def _set_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()


def test_a_new_matter_records_the_schema_version(tmp_path: Path) -> None:
    with Matter.create(tmp_path / "A.matter") as m:
        assert m.db.execute("PRAGMA user_version").fetchone()[0] == opening.schema_version()
        assert m.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert opening.schema_version() == len(schema.migrations.applied(Database(m.path / DB_NAME)))


def test_a_matter_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "A.matter"
    Matter.create(path).close()
    _set_version(path, opening.schema_version() + 1)
    before = (path / DB_NAME).read_bytes()
    for readonly in (False, True):
        with pytest.raises(MatterTooNewError, match="newer version of reviewer"):
            Matter.open(path, readonly=readonly)
    assert (path / DB_NAME).read_bytes() == before
    assert not list(path.glob("*.bak"))


def test_an_older_matter_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "Old.matter"
    path.mkdir()
    db = Database(path / DB_NAME)
    last = schema.migrations.pending(db)[-1].name
    schema.migrations.apply(db, stop_before=last)  # the matter as an older reviewer left it
    db["matter_meta"].insert({"key": "name", "value": "Old"})
    db.close()
    older = opening.schema_version() - 1
    with pytest.raises(MatterError, match="older version"):
        Matter.open(path, readonly=True)  # a reader never migrates
    with Matter.open(path) as m:
        assert m.db.execute("PRAGMA user_version").fetchone()[0] == opening.schema_version()
        assert not schema.migrations.pending(m.db)
        assert m.name == "Old"
    backup = path / f"{DB_NAME}.v0.bak"  # user_version was 0 before this program set it
    assert backup.is_file(), list(path.iterdir())
    kept = Database(backup)
    assert len(schema.migrations.applied(kept)) == older
    assert kept["matter_meta"].get("name")["value"] == "Old"


def test_migration_needs_the_matter_alone(tmp_path: Path) -> None:
    path = tmp_path / "A.matter"
    path.mkdir()
    db = Database(path / DB_NAME)
    schema.migrations.apply(db, stop_before=schema.migrations.pending(db)[-1].name)
    db.close()
    other = opening.OpenLock(path)  # another process has the matter open
    assert other.shared()
    with pytest.raises(MatterError, match="close it in other windows"):
        Matter.open(path)
    other.release()
    with Matter.open(path) as m:
        assert m.db.execute("PRAGMA user_version").fetchone()[0] == opening.schema_version()


def test_a_matter_from_before_user_version_gets_it_without_being_alone(tmp_path: Path) -> None:
    path = tmp_path / "A.matter"
    Matter.create(path).close()
    _set_version(path, 0)  # made before this program kept user_version; schema up to date
    with Matter.open(path, readonly=True), Matter.open(path) as m:
        assert m.db.execute("PRAGMA user_version").fetchone()[0] == opening.schema_version()
    assert not list(path.glob("*.bak"))


@pytest.mark.parametrize("damage", ["header", "page"])
def test_a_damaged_database_is_refused_with_a_sentence(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "A.matter"
    with Matter.create(path) as m:
        m.db["filler"].insert_all({"id": i, "text": "x" * 500} for i in range(400))
    data = bytearray((path / DB_NAME).read_bytes())
    if damage == "header":
        data[:16] = b"not a database!!"
    else:  # scribble over the middle of the file: pages of the filler table's b-tree
        mid = len(data) // 2 // 4096 * 4096
        data[mid : mid + 4096] = b"\xff" * 4096
    (path / DB_NAME).write_bytes(bytes(data))
    with pytest.raises(MatterDamagedError, match="damaged") as info:
        Matter.open(path)
    assert "backup" in str(info.value)


def test_stray_part_files_are_cleaned_on_the_next_open(tmp_path: Path) -> None:
    path = tmp_path / "A.matter"
    outside = tmp_path / ".Prod001.part-99999"
    with Matter.create(path) as m:
        (m.files_dir / "ab").mkdir()
        (m.files_dir / "ab" / "x.part").write_bytes(b"half a pdf")
        (m.path / "index.new").mkdir()
        (m.path / "index.new" / "seg").write_bytes(b"half an index")
        outside.mkdir()
        cm = m.scratch(outside)
        cm.__enter__()  # a production export that never finishes: the process "dies"
        with Matter.open(path) as other:  # not alone: another process may be writing these
            assert not other.cleaned
            assert (m.files_dir / "ab" / "x.part").exists()
    with Matter.open(path) as m:
        assert len(m.cleaned) == 4
    assert not (path / "files" / "ab" / "x.part").exists()
    assert not (path / "index.new").exists()
    assert not outside.exists()
    assert not list((path / opening.SCRATCH_DIR).iterdir())


def test_two_writers_side_by_side_and_a_reader_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "A.matter"
    with Matter.create(path) as app:
        before = app.data_version()
        with Matter.open(path) as cli, cli.db.atomic():  # a CLI command while the app is open
            cli.set_meta("note", "from the CLI")
        assert app.data_version() != before  # the app's poll sees another process commit
        assert app.get_meta("note") == "from the CLI"
        with app.db.atomic():
            app.set_meta("note", "from the app")
        with Matter.open(path, readonly=True) as reader:
            assert reader.get_meta("note") == "from the app"
            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                reader.db.execute("UPDATE matter_meta SET value = 'x'")


def test_missing_stored_file_is_named(tmp_path: Path) -> None:
    from reviewer.core.production import export as production_export
    from reviewer.core.production import sets as production

    path = tmp_path / "A.matter"
    (f,) = [f for f in write_demo_filings(tmp_path / "src") if f.kind == "complaint"][:1]
    with Matter.create(path) as m:
        list(import_files(m, [f.path]))
        doc = documents.list_documents(m)[0]
        (m.path / doc.stored_path).unlink()
        production.create_set(m, "P", "ABC", 1)
        production.add_documents(m, "P", [str(doc.id)])
        with pytest.raises(Exception, match=r"No such file|missing") as info:
            production_export.export(m, "P", tmp_path / "out")
        assert doc.stored_path.split("/")[-1] in str(info.value)
        assert not (tmp_path / "out").exists()
        assert not list(tmp_path.glob(".out.part*"))


# -- machine faults: real when this process may mount a tmpfs (root in CI), else skipped -------
@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    mnt = tmp_path / "disk"
    mnt.mkdir()
    if (
        shutil.which("mount") is None
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_read_only_matter_folder_opens_read_only_and_says_so(
    tiny_disk: Path, tmp_path: Path
) -> None:
    path = tiny_disk / "A.matter"
    with Matter.create(path) as m:
        m.set_meta("note", "kept")
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    with pytest.raises(MatterError, match="folder is read-only"):
        Matter.open(path)
    with Matter.open(path, fallback=True) as m:
        assert m.readonly
        assert m.readonly_reason == "the matter folder is read-only"
        assert m.get_meta("note") == "kept"
        with pytest.raises(MatterError, match="read-only; nothing can be changed"):
            m.require_writable()
    with Matter.open(path, readonly=True) as m:
        assert m.get_meta("note") == "kept"


def test_a_full_disk_is_a_sentence_and_nothing_is_half_written(
    tiny_disk: Path, tmp_path: Path
) -> None:
    path = tiny_disk / "A.matter"
    Matter.create(path).close()
    (tiny_disk / "ballast").write_bytes(b"\0" * (2_900_000 - _used(tiny_disk)))
    big = tmp_path / "big.pdf"
    _big_pdf(big)
    with Matter.open(path) as m, pytest.raises((OSError, sqlite3.Error)) as info:
        list(import_files(m, [big]))
    assert "disk is full" in (describe_os_error(info.value) or "")
    (tiny_disk / "ballast").unlink()
    with Matter.open(path) as m:
        assert documents.list_documents(m) == []
        assert not list(m.files_dir.rglob("*.part"))
        assert not list(m.files_dir.rglob("*.pdf"))


def test_disk_full_errors_read_as_sentences() -> None:
    err = OSError(errno.ENOSPC, "No space left on device", "/x/files/ab.part")
    assert describe_os_error(err) == (
        "The disk is full (/x/files/ab.part): nothing was left half-written. Free some space "
        "and try again."
    )
    assert "disk is full" in (
        describe_os_error(sqlite3.OperationalError("database or disk is full")) or ""
    )
    assert describe_os_error(ValueError("x")) is None
    assert issubclass(DiskFullError, Exception)


def _used(mnt: Path) -> int:
    return sum(f.stat().st_size for f in mnt.rglob("*") if f.is_file())


def _big_pdf(path: Path) -> None:
    import fitz  # test-side generator only

    doc = fitz.open()
    for i in range(30):
        page = doc.new_page()
        page.insert_text((72, 72), f"{i + 1}. Plaintiff alleges " + "word " * 60)
        page.insert_image(page.rect, stream=_noise_png(i))
    doc.save(path)


def _noise_png(seed: int) -> bytes:
    import fitz

    pix = fitz.Pixmap(fitz.csRGB, fitz.IRect(0, 0, 200, 200), False)
    data = bytes((seed * 7 + i * 13) % 251 for i in range(200 * 200 * 3))
    pix.set_rect(pix.irect, (0, 0, 0))
    pix = fitz.Pixmap(fitz.csRGB, 200, 200, data, False)
    return pix.tobytes("png")
