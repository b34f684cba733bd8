"""The one owner of the database engine: opening, checks, upgrades, transactions.

Every edit is its own short write transaction that starts with ``BEGIN
IMMEDIATE`` and commits at once (there is no "save" button).  A plain deferred
``BEGIN`` that reads and then writes fails with "database is locked" when two
processes write at the same time, busy timeout or not; taking the write lock up
front makes SQLite queue writers on the busy timeout instead.

The store is split by job: this module opens the file or server and hands out
transactions; what is read through them is ``models.db.store_reads`` and every edit
(validated and logged in one place) is ``models.db.store_edits``, both mixed into
``Store``, so callers keep one object.
"""

from __future__ import annotations

import atexit
import os
import sqlite3
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlalchemy.exc import ProgrammingError as SAProgrammingError
from sqlmodel import Session, create_engine

from models.db import dbfile, schema, server
from models.db.access import current_account, current_uid
from models.db.dbfile import damaged, default_target, health_problem, is_url, no_database
from models.db.fields import WHO_FIX, check_name
from models.db.file_mode import check_writable, create_database_file, follow_main_file
from models.db.schema import StoreError
from models.db.store_edits import gone  # noqa: F401 - re-exported for callers
from models.db.store_reads import NotFound, Reads  # noqa: F401 - re-exported for callers
from models.db.store_undo import Undoing
from models.db.store_work import StoreWork

BUSY_TIMEOUT_S = 15.0
# SQLite result codes that mean the file itself is damaged, not busy or refused.
DAMAGE_ERRORS = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
# Stores not closed yet, closed at exit: SQLite checkpoints and removes ``-wal``/``-shm``
# only when the last connection closes, so after ``journeymap new`` the workshop lived in a
# ``-wal`` made with the umask's mode (a group member of README's team box could not write
# it) and a copy of the file alone held nothing.
_OPEN: weakref.WeakSet[Store] = weakref.WeakSet()


@atexit.register
def _close_at_exit() -> None:
    for store in list(_OPEN):
        try:
            store.close()
        except Exception:  # noqa: BLE001, S112 - exiting: nothing left to report it to
            continue


class ReadOnlyError(StoreError):
    """A write was attempted through an observer's read-only store."""


class Store(Reads, Undoing):
    """Owns the engine for one database file; hands out read and write sessions."""

    def __init__(self, path: str | Path | None = None, *, who: str = "",
                 read_only: bool = False, create: bool = True, upgrade: bool = True) -> None:
        """Open (and upgrade) the file; ``create=False`` refuses a file with no database yet
        (a read leaves no empty file at a mistyped path), ``upgrade=False`` an older one."""
        target = path or default_target()
        self._open_write = threading.local()  # this thread's write transaction, if any
        self.work = StoreWork()  # other threads' store work, which ``close`` waits for
        self.who = check_name("user name", who, WHO_FIX)  # refused before any file is touched
        self.read_only = read_only
        # The OS login behind ``who`` and, for a ``seat`` forced command, the key's
        # fingerprint: written beside the claimed name in the change log.
        self.account = current_account()
        self.key = ""
        self.on_server = is_url(target)
        # The uid beside the login: it tells a re-created login from the one a lead granted.
        # A server's clients run on other machines, whose uids mean nothing to each other.
        self.uid: int | None = None if self.on_server else current_uid()
        self._watch: sqlite3.Connection | None = None
        self._watch_uri = ""  # the URI the read-only watch was opened with
        self._tidy_uri = ""  # a reader's read-write URI, once chosen (see _reader_uri)
        self._reopened = 0  # times it was reopened (see data_version)
        self._listener: server.Listener | None = None
        self._light = None  # a server's light reads (``Reads.light_source``)
        if self.on_server:
            self._open_server(str(target), create, upgrade)
            _OPEN.add(self)
            return
        self.path = Path(target).expanduser()
        state, version = schema.inspect_file(self.path)
        if state is schema.FileState.NEW and not create and not read_only:
            raise no_database(self.path)
        # Reading a damaged file is allowed (to rescue what is left); writing is not.
        self.damage = (health_problem(self.path, full=state is schema.FileState.OLDER)
                       if state is not schema.FileState.NEW else None)
        if self.damage and state is schema.FileState.OLDER and not read_only:
            raise damaged(self.path, self.damage)
        self.wal_lost = False
        if read_only and state is schema.FileState.OLDER:
            raise StoreError(f"{self.path} was made by an older journeymap; open it once as a "
                             "lead or participant to upgrade it, then observers can join.")
        if read_only and state is not schema.FileState.CURRENT:
            raise StoreError(f"{self.path} has no journeymap workshops to observe yet.")
        if state is schema.FileState.OLDER and not upgrade:
            raise schema.Outdated(str(self.path), version)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for {self.path}: {exc.strerror}.") from exc
        self.engine = self._make_engine()
        self._writer = self.engine.execution_options(journeymap_write=True)
        _OPEN.add(self)
        if state is schema.FileState.NEW and not read_only:
            self._create()
        elif state is schema.FileState.OLDER and not read_only:
            self._upgrade(version)

    def _open_server(self, url: str, create: bool, upgrade: bool) -> None:
        """The PostgreSQL twin of the file checks above (``models.db.server``)."""
        server.check(url)
        self.path = url  # type: ignore[assignment]  # reopened by presence and the app
        from models.db.light_server import ServerLink

        self._light = ServerLink(url)
        self.damage = None
        self.wal_lost = False
        self.engine = server.make_engine(url, read_only=self.read_only)
        self._writer = self.engine.execution_options(journeymap_write=True)
        try:
            state, version = server.inspect_server(self.engine, url)
            if state is schema.FileState.NEW and not create and not self.read_only:
                raise no_database(server.shown(url))  # type: ignore[arg-type]
            if self.read_only and state is not schema.FileState.CURRENT:
                raise StoreError(f"{server.shown(url)} has no journeymap workshops to observe "
                                 "yet (or an older schema); open it once as a lead first.")
            if state is schema.FileState.OLDER and not upgrade:
                raise schema.Outdated(server.shown(url), version)
            if state is not schema.FileState.CURRENT and not self.read_only:
                with self._writer.begin() as conn:
                    if state is schema.FileState.NEW:
                        schema.create_all(conn)
                        schema.stamp(conn)
                    else:
                        schema.upgrade(conn, version)
        except DBAPIError as exc:
            self.engine.dispose()
            raise server.problem(url, exc) from None
        except StoreError:
            self.engine.dispose()
            raise

    def _create(self) -> None:
        """Create the schema; on failure (a full disk, say) leave no file behind."""
        sides = [self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"),
                 Path(f"{self.path}-journal")]
        existed = [p.exists() for p in sides]
        try:
            create_database_file(self.path)
            with self._writer.begin() as conn:
                schema.create_all(conn)
                schema.stamp(conn)
            follow_main_file(self.path)
        except (sqlite3.Error, DBAPIError, OSError) as exc:
            self.engine.dispose()
            for side, was_there in zip(sides, existed, strict=True):
                if not was_there:
                    side.unlink(missing_ok=True)
            reason = str(getattr(exc, "orig", None) or exc).rstrip(".")
            raise StoreError(f"Cannot create a database at {self.path} ({reason}); "
                             "nothing was left behind.") from None

    def _upgrade(self, version: int) -> None:
        """Upgrade in one transaction with foreign keys off, as table rebuilds need.

        ``PRAGMA foreign_keys`` is a no-op inside a transaction, so it is switched on
        the raw connection before SQLAlchemy begins; ``schema.upgrade`` runs
        ``foreign_key_check`` before committing.
        """
        with self._writer.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA foreign_keys = OFF")
            try:
                with conn.begin():
                    schema.upgrade(conn, version)
            finally:
                raw.execute("PRAGMA foreign_keys = ON")

    def check_integrity(self) -> None:
        """The full ``integrity_check`` (run before an import); a damaged file refuses."""
        if self.on_server:
            return  # the server keeps its own pages consistent
        self.damage = self.damage or health_problem(self.path, full=True)
        if self.damage:
            raise damaged(self.path, self.damage)

    # -- engine ---------------------------------------------------------------
    def _make_engine(self) -> Engine:
        path = str(self.path)

        def _connect() -> sqlite3.Connection:
            if self.read_only:  # asked at each connection: immutable only while no -shm
                return sqlite3.connect(self._reader_uri(), uri=True,
                                       timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            # A creator, not a URL: a file name with "?", "#" or "%" must stay a file name.
            return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

        engine = create_engine("sqlite://", creator=_connect)
        read_only = self.read_only

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see module doc)
            record.info["file"] = self._identity(("",))  # the file this connection opened
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if not read_only:
                try:
                    cur.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError:
                    check_writable(self.path)  # the sentence when that is why
                    raise
                follow_main_file(self.path)
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            if read_only:
                cur.execute("PRAGMA query_only = ON")
            cur.close()

        @event.listens_for(engine, "handle_error")
        def _on_error(context: Any) -> None:
            # The quick_check on open cannot see damage done later (a file truncated or
            # overwritten under an open seat): the next statement meets it, and the seat
            # gets the same sentence, and the same refusal of writes, as on open.
            problem = context.original_exception
            if getattr(problem, "sqlite_errorname", "") in DAMAGE_ERRORS:
                self.damage = self.damage or str(problem)
                raise damaged(self.path, str(problem)) from problem

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            write = conn.get_execution_options().get("journeymap_write", False)
            info = conn.connection.info
            if write and not (self._same(info.get("wal"))
                              and self._same(info.get("file"), ("",))):
                self.wal_lost = True
                raise StoreError(
                    f"The database {self.path} or its write-ahead log was replaced or deleted "
                    "while this seat had it open, so nothing more is written here; quit and "
                    "reopen journeymap and check your last edits.")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
            if write and "wal" not in info:
                info["wal"] = self._identity()

        return engine

    def _identity(self, sides: tuple[str, ...] = ("-wal", "-shm")
                  ) -> tuple[tuple[int, int], ...] | None:
        """Device and inode of the files named (the database is ""), None if one is missing."""
        try:
            stats = [os.stat(f"{self.path}{side}") for side in sides]
        except OSError:
            return None
        return tuple((st.st_dev, st.st_ino) for st in stats)

    def _same(self, known: tuple[tuple[int, int], ...] | None,
              sides: tuple[str, ...] = ("-wal", "-shm")) -> bool:
        """Whether the files this connection opened are still the ones on disk: SQLite keeps
        writing to a file replaced under it (a backup restored with ``mv``), and through the
        ``-wal`` beside the new file its edits land in that one."""
        return known is None or self._identity(sides) == known

    def close(self) -> None:
        if not self.work.finish():  # a thread still uses it: closed at exit (``_OPEN``)
            return
        if self._light is not None:
            self._light.close()
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if self._watch is not None:
            self._watch.close()
        self._watch, self._watch_uri = None, ""
        self.engine.dispose()
        _OPEN.discard(self)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, begun IMMEDIATE and committed on exit.

        A write inside another on the same thread joins it: the outer one commits or
        rolls back both, so several edits that only make sense together (a workshop and
        the marker saying what it is for) reach the file all or none.
        """
        joined: Session | None = getattr(self._open_write, "session", None)
        if joined is not None:
            yield joined
            return
        if self.read_only:
            raise ReadOnlyError("Observers cannot change the workshop.")
        if self.damage:
            raise damaged(self.path, self.damage)
        if not self.on_server:
            check_writable(self.path)  # else SQLite's "unable to open database file"
        elif self.server_lost():
            raise server.not_saved(str(self.path), self.server_refused())
        with Session(self._writer, expire_on_commit=False) as session:
            self._open_write.session = session
            try:
                yield session
                session.commit()
            except (sqlite3.OperationalError, SAOperationalError, SAProgrammingError) as exc:
                session.rollback()  # SQLAlchemy wraps the driver's error: a sentence either way
                refused = server.write_refused(str(self.path), exc) if self.on_server else None
                if refused is not None:
                    raise refused from exc
                if isinstance(exc, SAProgrammingError):
                    raise
                reason = str(getattr(exc, "orig", None) or exc)
                if "locked" in reason or "busy" in reason or "lock timeout" in reason:
                    raise StoreError("The database is busy: another journeymap kept it locked "
                                     f"for {BUSY_TIMEOUT_S:g} s; try the change again.") from exc
                if "disk is full" in reason:  # SQLITE_FULL: SQLite's words say neither where
                    raise StoreError(f"The disk that holds {self.path} is full, so this change "
                                     "was not saved; free some space there and make the "
                                     "change again.") from exc
                raise StoreError(f"The database refused the change: {reason}.") from exc
            except Exception:
                session.rollback()
                raise
            finally:
                self._open_write.session = None

    def _reader_uri(self) -> str:
        """The URI of a read-only store's next connection.  Once an idle file was opened
        read-write (``dbfile.tidy_reader``), every later connection of this store is too,
        though the ``-wal`` its first one made now exists: a ``mode=ro`` one closing last
        would leave both side files."""
        if self._tidy_uri:
            return self._tidy_uri
        uri = dbfile.read_only_uri(self.path)
        if uri.endswith("?mode=rw"):
            self._tidy_uri = uri
        return uri

    # -- change detection -----------------------------------------------------
    def data_version(self) -> int:
        """SQLite's per-connection counter that moves when *another* connection commits;
        on a server, the number of notifications received so far (``server.Listener``)."""
        if self.on_server:
            if self._listener is None:
                self._listener = server.Listener(str(self.path))
            return self._listener.count()
        if self.read_only:
            uri = self._reader_uri()
            if self._watch is None or uri != self._watch_uri:  # an editor came or went
                if self._watch is not None:
                    self._watch.close()
                    self._watch = None
                    self._reopened += 1
                    self.engine.dispose()  # pooled reads from before may not see the WAL
                self._watch_uri = uri
                self._watch = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                                              check_same_thread=False)
                self._watch.execute("PRAGMA query_only = ON")
        elif self._watch is None:
            self._watch = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S,
                                          check_same_thread=False)
        assert self._watch is not None
        version = int(self._watch.execute("PRAGMA data_version").fetchone()[0])
        return version + (self._reopened << 32)  # a reopened watch must read as a change

    def wake_on(self, workshop_id: int, wake: Callable[[], None]) -> bool:
        """On a server, call ``wake`` (from a thread) as soon as ``workshop_id`` changes.

        A file has no push: its seats poll ``data_version`` (cheap); False says so.
        """
        if not self.on_server:
            return False
        self.data_version()
        assert self._listener is not None
        self._listener.wake_on(workshop_id, wake)
        return True

