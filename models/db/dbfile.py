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

import errno
import os
import sqlite3
import stat
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

APP_NAME = "journeymap"
SCHEMA_VERSION = 14
SQLITE_MAGIC = b"SQLite format 3\x00"
# A refused file's last words: no repair here, so the JSON backup (as ``damaged``) or another file.
UNREADABLE = ("it was left untouched; import your latest JSON backup into a new file "
              "(`journeymap --db NEW.db import BACKUP.json`) or choose another file with --db.")
_T = TypeVar("_T")


class StoreError(Exception):
    """A problem with the database that the user can act on; the message says how."""


class FileState(Enum):
    NEW = "new"  # missing or empty: create the schema
    CURRENT = "current"
    OLDER = "older"  # written by an older journeymap: upgrade


SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_url(target: object) -> bool:
    """Whether ``--db`` names a PostgreSQL server rather than a file (no file checks apply)."""
    return isinstance(target, str) and target.startswith(SERVER_SCHEMES)


def db_target(value: str) -> Path | str:
    """What a ``--db`` value names: a server URL stays a string, anything else is a file.

    Why: a URL of another scheme (``mysql://``, ``postgresql+psycopg2://``) used to be
    taken as a file path, and the missing-folder sentence then printed it whole,
    password included.  Only the scheme is named here.
    """
    if is_url(value):
        return value
    scheme, sep, _ = value.partition("://")
    if sep and scheme[:1].isalpha() and scheme.replace("+", "").replace(".", "").replace(
            "-", "").isalnum():
        raise StoreError(f"journeymap stores its workshops in a SQLite file or on a PostgreSQL "
                         f"server (postgresql://user@host/dbname), and {scheme}:// is neither; "
                         "check --db or JOURNEYMAP_DB.")
    return Path(value)


def default_target() -> Path | str:
    """``default_db_path``, except that a ``JOURNEYMAP_DB`` server URL stays a URL."""
    env = os.environ.get("JOURNEYMAP_DB", "")
    return env if is_url(env) else default_db_path()


def default_db_path() -> Path:
    """``--db`` beats ``JOURNEYMAP_DB`` beats the per-user data directory."""
    env = os.environ.get("JOURNEYMAP_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("journeymap")) / "journeymap.db"


def writable(path: Path) -> bool:
    """Whether this process may write ``path`` (a file or a folder)."""
    return os.access(path, os.W_OK)


def cannot_write(db: Path | str | None) -> bool:
    """Whether ``db`` is a database file this account may read but not write.

    Why: a seat opened for writing on such a file (another lead's, a copy made
    read-only) left SQLite's ``-wal`` and ``-shm`` beside it.  It opens as a reader
    instead, through ``read_only_uri`` like the CLI's reads.  Not a server or a new file.
    """
    if is_url(db):
        return False
    path = Path(db).expanduser() if db else default_db_path()
    return path.exists() and not (writable(path) and writable(path.parent))


def read_only_uri(path: Path) -> str:
    """An SQLite URI for a reader: ``mode=ro``, plus ``immutable=1`` only when this
    account cannot write the file or its folder *and* there is no ``-shm`` to read;
    ``mode=rw`` for a writable WAL-mode file (see ``tidy_reader``: every connection
    made from it sets ``PRAGMA query_only``).

    Why: the latest commits sit in ``NAME-wal`` until a checkpoint, found through
    ``NAME-shm``.  A read-only ``mode=ro`` connection reads an existing ``-shm``
    (one an editor's open connection made), so it sees every commit.  With no
    ``-shm`` (no editor has the file open: the last one checkpointed everything
    into the main file when it closed) SQLite would have to create one, which it
    cannot in a folder this account may not write, and refuses to open the file;
    ``immutable`` then reads the main file, which holds every commit at that
    moment.  A seat that stays open asks again (``Store.data_version``) and
    reopens as ``mode=ro`` once an editor's ``-shm`` appears.  A ``-shm`` this
    account may not read (an editor's umask 077) leaves only the main file:
    docs/security.md tells teams to share the folder with the group.
    """
    base = f"file:{quote(str(path))}?mode=ro"
    if writable(path.parent) and writable(path):
        return f"file:{quote(str(path))}?mode=rw" if tidy_reader(path) else base
    shm = Path(f"{path}-shm")
    return base if os.access(shm, os.R_OK) else base + "&immutable=1"


def tidy_reader(path: Path) -> bool:
    """Whether a reader should open this writable file read-write, guarded by
    ``PRAGMA query_only``, rather than ``mode=ro``.

    Why: reading a WAL-mode file makes SQLite create ``-wal`` and ``-shm``, and only a
    read-write connection may remove them when it is the last to close; a ``mode=ro``
    reader left both behind on an idle file (``list``, ``show``, a refused ``templates
    save``: a refused command that still wrote two files).  ``query_only`` refuses
    every write statement in SQLite itself, and closing over an empty WAL writes no
    page.  Only for an idle WAL-mode file (header bytes 18-19 are 2) with no side file
    at all: a read-write open would roll a hot ``-journal`` back or checkpoint a
    crashed writer's ``-wal`` into the file, changing it; with a ``-wal`` or ``-shm``
    present (an editor has it open) the reader is not the last to close anyway.  The
    header is read only then: closing a descriptor of the file drops this process's POSIX
    locks on it, SQLite's (a read-only seat asks at each poll, its connection open)."""
    if any(Path(f"{path}-{side}").exists() for side in ("journal", "wal", "shm")):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and head.startswith(SQLITE_MAGIC) and head[18:20] == b"\x02\x02"


def _connect_ro(path: Path) -> sqlite3.Connection:
    try:
        # Quoted: "?", "#" or "%" in a file name must not become URI syntax.
        conn = sqlite3.connect(read_only_uri(path), uri=True, timeout=10)
        conn.execute("PRAGMA query_only = ON")
        return conn
    except sqlite3.Error as exc:  # pragma: no cover - depends on permissions
        raise StoreError(f"Cannot open {path}: {exc}.") from exc


def inspect_file(path: Path) -> tuple[FileState, int]:
    """Classify a database file without writing to it; raise StoreError to refuse it.
    Reading a WAL-mode file, even read-only, makes SQLite create ``-wal`` and ``-shm``
    beside it; when the file is refused, those side files are removed again if they were
    not there before, so a refused file leaves no litter."""
    return _without_litter(path, lambda: _inspect(path))


def open_current(path: Path, *, quick_check: bool = True) -> sqlite3.Connection | None:
    """A read-only connection to a file at the current schema, or None; StoreError refuses it.

    With ``quick_check``, a file that SQLite's quick check finds damaged is None too
    (``health_problem``).  Why one connection: a light read (``export``, the app's
    first screen) checked the file, ran the check and read on three connections,
    each opening the file and reading its schema again.  The caller closes it.
    """
    def opened() -> sqlite3.Connection | None:
        conn = _open_sqlite_file(path)
        if conn is None:
            return None
        try:
            if _classify(conn, path)[0] is FileState.CURRENT and not (
                    quick_check and _checked(path, False) and _check(conn, full=False)):
                return conn
        except BaseException:
            conn.close()
            raise
        conn.close()
        return None

    return _without_litter(path, opened)


def _without_litter(path: Path, check: Callable[[], _T]) -> _T:
    """``check()``, removing the ``-wal``/``-shm`` its reading made if it refuses the file."""
    sides = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    existed = [side.exists() for side in sides]
    try:
        return check()
    except StoreError:
        for side, was_there in zip(sides, existed, strict=True):
            if not was_there and side.exists() and side.stat().st_size in (0, 32768):
                side.unlink(missing_ok=True)
        raise


def check_path(path: Path) -> os.stat_result | None:
    """Refuse a path that can never be a database file; its ``stat`` or None if missing.

    Refused before SQLite sees them: a name of only spaces or ``-`` (a mistyped option), a
    FIFO (the open would block forever), ``/dev/null`` (it swallows the data; SQLite would
    create ``/dev/null-journal``), a directory, a symlink loop (a driver error), and a side
    file that is a link (planted in a shared folder; SQLite's refusal read as damage).
    """
    name = str(path)
    if not name.strip() or name.strip() == "-":
        raise StoreError(f"{name!r} is not a database file name; "
                         "give --db (or JOURNEYMAP_DB) a real path.")
    if any((link := Path(f"{path}{side}")).is_symlink() for side in ("-wal", "-shm", "-journal")):
        raise StoreError(f"{link} is a symbolic link, which SQLite will not open, so {path} is "
                         f"left alone; remove the link (rm '{link}') and try again.")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise StoreError(f"{path} is a symbolic link to a missing file; "
                             "choose another --db path.") from None
        return None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StoreError(f"{path} is a symbolic link loop, not a database file.") from None
        if exc.errno == errno.ENOTDIR:
            return None
        raise StoreError(f"Cannot open {path}: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a directory, not a database file.")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO" if stat.S_ISFIFO(info.st_mode) else (
            "a device" if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode)
            else "a special file")
        raise StoreError(f"{path} is {kind}, not a regular file, so it cannot hold "
                         "a journeymap database; choose another --db path.")
    return info


def _inspect(path: Path) -> tuple[FileState, int]:
    conn = _open_sqlite_file(path)
    if conn is None:
        return FileState.NEW, 0
    try:
        return _classify(conn, path)
    finally:
        conn.close()


def _open_sqlite_file(path: Path) -> sqlite3.Connection | None:
    """A read-only connection to an SQLite file, None if there is none yet (missing, empty)."""
    info = check_path(path)
    if info is None or info.st_size == 0:
        return None
    head = SQLITE_MAGIC  # SQLite's own word then: beside a seat's side files, closing a
    if not any(Path(f"{path}-{s}").exists() for s in ("wal", "shm")):  # descriptor of the
        try:  # file would drop every POSIX lock this process holds on it, SQLite's too
            with path.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise StoreError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if head != SQLITE_MAGIC:
        raise StoreError(
            f"{path} is not a journeymap database (it is not an SQLite file); "
            "it was left untouched. Choose another file with --db."
        )
    return _connect_ro(path)


def _classify(conn: sqlite3.Connection, path: Path) -> tuple[FileState, int]:
    """The state of the file ``conn`` reads: its tables and ``journeymap_meta``."""
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
            f"{path} cannot be read as a journeymap database ({exc}); {UNREADABLE}"
        ) from exc
    if meta.get("app") != APP_NAME:
        raise StoreError(f"{path} was not written by journeymap; {UNREADABLE}")
    written = str(meta.get("schema_version", "0"))
    if not (written.isascii() and written.isdecimal()):  # "eight"; "-3" read as older than all
        raise StoreError(f"{path} has an unreadable schema version; {UNREADABLE}")
    version = int(written)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer journeymap (schema {version}, this one reads up to "
            f"{SCHEMA_VERSION}); it was left untouched. Upgrade journeymap to open it."
        )
    if version < SCHEMA_VERSION:
        return FileState.OLDER, version
    return FileState.CURRENT, version


# ``PRAGMA quick_check`` reads every page: 2 ms for a typical 1.4 MiB file, 0.23 s at this
# limit on a busy 2-core machine (bench/reliability.py); larger files skip it on open.
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


def health_problem(path: Path, *, full: bool = False) -> str | None:
    """The first problem SQLite's own check finds in the file, or None if it is sound.

    ``full`` runs ``integrity_check`` (also compares indexes with their tables), used
    before an upgrade or an import; otherwise ``quick_check``, used on open when the
    file is at most ``QUICK_CHECK_MAX_BYTES``.  A file that is not there is sound.
    """
    if not path.is_file() or path.stat().st_size == 0:
        return None
    if not _checked(path, full):
        return None
    conn = _connect_ro(path)
    try:
        return _check(conn, full=full)
    finally:
        conn.close()


def _checked(path: Path, full: bool) -> bool:
    """Whether ``health_problem`` runs SQLite's check on this file (see the limit above)."""
    return full or path.stat().st_size <= QUICK_CHECK_MAX_BYTES


def _check(conn: sqlite3.Connection, *, full: bool) -> str | None:
    """``health_problem`` of the file ``conn`` reads."""
    try:
        rows = conn.execute("PRAGMA integrity_check(1)" if full
                            else "PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = str(rows[0][0]) if rows else "no answer"
    return None if first == "ok" else first.replace("\n", " ").strip()


def damaged(path: Path, problem: str) -> StoreError:
    """The sentence refusing a write to a damaged file, saying how to recover."""
    return StoreError(
        f"{path} is damaged ({problem[:120]}), so journeymap will not write to it; recover "
        "by importing your latest JSON backup into a new file with `journeymap --db NEW.db "
        "import BACKUP.json` (reading still works, so `export ID --format json` may save "
        "what is left).")


def no_database(path: Path) -> StoreError:
    """The sentence for a command that reads a file that does not hold a database yet."""
    return StoreError(f"There is no journeymap database at {path}; create one with "
                      "`journeymap new`, `journeymap demo` or `journeymap import`.")


def check_openable(path: str | Path | None, workshop_id: int | None = None, *,
                   read_only: bool = False) -> Path:
    """What ``Store(path, read_only=...)`` + ``get_workshop(id)`` would refuse, lighter.

    Returns the resolved path.  Raises ``StoreError`` with the same sentences the
    store uses.  Nothing is written: a new file is created later by the store.
    A server URL is not a file: the caller checks it with the store itself.
    """
    assert not is_url(path), "a server URL is checked by the store, not here"
    db = Path(path).expanduser() if path else default_db_path()
    state, _version = inspect_file(db)
    if read_only and state is FileState.OLDER:
        raise StoreError(f"{db} was made by an older journeymap; open it once as a "
                         "lead or participant to upgrade it, then observers can join.")
    if read_only and state is not FileState.CURRENT:
        raise StoreError(f"{db} has no journeymap workshops to observe yet.")
    if state is FileState.NEW:
        raise no_database(db)
    if workshop_id is not None and not _has_workshop(db, workshop_id):
        raise StoreError(f"There is no workshop {workshop_id} in {db}.")
    return db


def _has_workshop(db: Path, workshop_id: int) -> bool:
    conn = _connect_ro(db)
    try:
        row = conn.execute("SELECT 1 FROM workshop WHERE id = ?", (workshop_id,)).fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError(
            f"{db} cannot be read as a journeymap database ({exc}); {UNREADABLE}"
        ) from exc
    finally:
        conn.close()
    return row is not None
