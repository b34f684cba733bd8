"""The database file check, with nothing but the standard library.

Why a module of its own: ``journeymap open`` must refuse a wrong file, an unknown
workshop id or an observer on an empty file *before* the UI starts, yet importing
SQLModel/SQLAlchemy costs about a third of a second, which would delay the UI's
first paint.  Everything here uses plain ``sqlite3`` read-only connections, so the
CLI can check and then hand over to the app, which opens the real ``Store`` in a
worker after its first frame.  ``models.db.schema`` re-exports ``StoreError``,
``FileState``, ``inspect_file`` and the version constants, so the rest of the code
keeps importing them from there (the classes are the same objects).
"""

from __future__ import annotations

import os
import sqlite3
from enum import Enum
from pathlib import Path
from urllib.parse import quote

APP_NAME = "journeymap"
SCHEMA_VERSION = 4
SQLITE_MAGIC = b"SQLite format 3\x00"


class StoreError(Exception):
    """A problem with the database that the user can act on; the message says how."""


class FileState(Enum):
    NEW = "new"  # missing or empty: create the schema
    CURRENT = "current"
    OLDER = "older"  # written by an older journeymap: upgrade


def default_db_path() -> Path:
    """``--db`` beats ``JOURNEYMAP_DB`` beats the per-user data directory."""
    env = os.environ.get("JOURNEYMAP_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("journeymap")) / "journeymap.db"


def _connect_ro(path: Path) -> sqlite3.Connection:
    try:
        # Quoted: "?", "#" or "%" in a file name must not become URI syntax.
        return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:  # pragma: no cover - depends on permissions
        raise StoreError(f"Cannot open {path}: {exc}.") from exc


def inspect_file(path: Path) -> tuple[FileState, int]:
    """Classify a database file without writing to it; raise StoreError to refuse it.

    Reading a WAL-mode file, even read-only, makes SQLite create ``-wal`` and
    ``-shm`` beside it; when the file is refused, those side files are removed
    again if they were not there before, so a refused file leaves no litter.
    """
    sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [side.exists() for side in sides]
    try:
        return _inspect(path)
    except StoreError:
        for side, was_there in zip(sides, existed, strict=True):
            if not was_there and side.exists() and side.stat().st_size in (0, 32768):
                side.unlink(missing_ok=True)
        raise


def _inspect(path: Path) -> tuple[FileState, int]:
    if not path.exists() or path.stat().st_size == 0:
        return FileState.NEW, 0
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a journeymap database (it is not an SQLite file); "
            "it was left untouched. Choose another file with --db."
        )
    conn = _connect_ro(path)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if not tables:
            return FileState.NEW, 0
        if "journeymap_meta" not in tables:
            raise StoreError(
                f"{path} is an SQLite database of another application, not journeymap; "
                "it was left untouched. Choose another file with --db."
            )
        meta = dict(conn.execute("SELECT key, value FROM journeymap_meta").fetchall())
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{path} cannot be read as a journeymap database ({exc}); it was left untouched."
        ) from exc
    finally:
        conn.close()
    if meta.get("app") != APP_NAME:
        raise StoreError(f"{path} was not written by journeymap; it was left untouched.")
    try:
        version = int(meta.get("schema_version", "0"))
    except ValueError as exc:
        raise StoreError(
            f"{path} has an unreadable schema version; it was left untouched."
        ) from exc
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer journeymap (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); it was left untouched. Upgrade journeymap to open it."
        )
    if version < SCHEMA_VERSION:
        return FileState.OLDER, version
    return FileState.CURRENT, version


def check_openable(path: str | Path | None, workshop_id: int | None = None, *,
                   read_only: bool = False) -> Path:
    """What ``Store(path, read_only=...)`` + ``get_workshop(id)`` would refuse, lighter.

    Returns the resolved path.  Raises ``StoreError`` with the same sentences the
    store uses.  Nothing is written: a new file is created later by the store.
    """
    db = Path(path).expanduser() if path else default_db_path()
    state, _version = inspect_file(db)
    if read_only and state is FileState.OLDER:
        raise StoreError(f"{db} was made by an older journeymap; open it once as a "
                         "lead or participant to upgrade it, then observers can join.")
    if read_only and state is not FileState.CURRENT:
        raise StoreError(f"{db} has no journeymap workshops to observe yet.")
    if workshop_id is not None and not _has_workshop(db, state, workshop_id):
        raise StoreError(f"There is no workshop {workshop_id} in {db}.")
    return db


def _has_workshop(db: Path, state: FileState, workshop_id: int) -> bool:
    if state is FileState.NEW:
        return False
    conn = _connect_ro(db)
    try:
        row = conn.execute("SELECT 1 FROM workshop WHERE id = ?", (workshop_id,)).fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{db} cannot be read as a journeymap database ({exc}); it was left untouched."
        ) from exc
    finally:
        conn.close()
    return row is not None
