"""PostgreSQL as the store's engine: connection, write lock, checks, notifications.

Why a module of its own: the store was written for one SQLite file (WAL pragmas,
``BEGIN IMMEDIATE``, ``PRAGMA data_version``).  Everything a server needs instead
lives here, so ``models.db.store`` only asks "file or server?" once, when it opens.

Same guarantees as a file:

- **No lost edit.**  Every write transaction first takes one transaction-scoped
  advisory lock (``pg_advisory_xact_lock``), the server twin of ``BEGIN
  IMMEDIATE``: writers queue instead of interleaving their read-then-write steps
  (next position, old value for the change log), and nothing ever needs a retry.
  ``bench/server.py`` measures it against SERIALIZABLE with retry.
- **Ids never reused**: PostgreSQL sequences never hand out a value twice.
- **One sentence** for an unreachable server, a wrong password, a missing
  database or a database of another application (``problem``), and for a
  server that went away under an open seat (``cut_off``).
- **A restart is survived**: pooled connections are checked before use
  (``pool_pre_ping``), so the first edit after a restart is saved; a seat's
  listener reconnects by itself and says meanwhile that it lost the server.
- **Live refresh** by ``LISTEN/NOTIFY``: every committed edit sends
  ``<workshop id>:<kind>`` on ``journeymap``; presence (heartbeats, steps) goes
  on ``journeymap_presence`` so a room full of heartbeats never reloads a map.
  Notifications are delivered on commit only, and the listener reads them from
  its socket: no query reaches the server while nothing happens.

psycopg (the ``server`` extra) is imported only when a URL is used.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from models.db.dbfile import APP_NAME, SCHEMA_VERSION, FileState, StoreError
from models.db.server_link import (
    CONNECT_TIMEOUT_S,
    NETWORK,
    READ_ONLY_OPTIONS,
    SEAT_CONNECT_S,
    UTC_OPTIONS,
    address,
)

CHANNEL = "journeymap"
PRESENCE_CHANNEL = "journeymap_presence"
# Any fixed 64-bit number: the one lock every journeymap writer of a database takes.
WRITE_LOCK = 0x6A6D6170  # "jmap"
LOCK_TIMEOUT_MS = 15_000
# How long a woken listener blocks before it looks whether it should stop.
WAKE_CHECK_S = 0.25
# How often a listener that lost the server tries a new connection.
RECONNECT_S = 1.0
# What libpq and psycopg say when the server cannot be reached or went away.
_UNREACHABLE = ("connection refused", "could not connect", "could not translate",
                "timeout expired", "no route", "name or service", "server closed the connection",
                "terminating connection", "connection is closed", "connection is lost",
                "consuming input failed", "sending query failed", "connection reset",
                "broken pipe", "the database system is starting up",
                "the database system is shutting down")


def _url(target: str) -> URL:
    url = make_url(target)
    return url.set(drivername="postgresql+psycopg")


def check(target: str) -> None:
    """Refuse a URL that names no usable server and database, before any connection.

    Why: a port that is no number came out as Python's ``invalid literal for int()``,
    a URL without a database as "There is no database None", and an unencoded ``@``
    in the password moved the rest of the password into the host every sentence names.
    """
    try:
        url = make_url(target)
        unreadable = "@" in (url.host or "") or "/" in (url.host or "")
    except (ValueError, ArgumentError):
        unreadable = True
    if unreadable:
        raise StoreError("The PostgreSQL URL in --db (or JOURNEYMAP_DB) cannot be read; write "
                         "it as postgresql://user@host:port/dbname, with the port a number and "
                         "the password in ~/.pgpass or PGPASSWORD rather than in the URL.")
    if not url.database:
        raise StoreError(f"The PostgreSQL URL {shown(target)} names no database; add it after "
                         "the host, as in postgresql://user@host/dbname.")


def shown(target: str) -> str:
    """The URL as messages show it: never the password."""
    try:
        return make_url(target).render_as_string(hide_password=True)
    except (ValueError, ArgumentError):  # ``check`` refuses these before any message
        return "the --db URL"


def libpq(target: str) -> str:
    """The URL as psycopg's own ``connect`` takes it (listener, marks)."""
    return _url(target).set(drivername="postgresql").render_as_string(hide_password=False)


def _need_driver() -> None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError("A PostgreSQL --db needs the server extra: "
                         "pip install 'journeymap[server]'.") from None


def make_engine(target: str, *, read_only: bool) -> Engine:
    """An engine whose connections speak UTC and whose write transactions queue."""
    _need_driver()
    options = f"{READ_ONLY_OPTIONS if read_only else UTC_OPTIONS} -c lock_timeout={LOCK_TIMEOUT_MS}"
    # pre-ping: after a server restart every pooled connection is dead; a checkout
    # replaces it instead of failing the next edit (one round trip per transaction).
    engine = create_engine(_url(target), pool_pre_ping=True, connect_args={
        "options": options, "connect_timeout": SEAT_CONNECT_S,
        "application_name": APP_NAME, **NETWORK})

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get("journeymap_write", False):
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    return engine


def _reason(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip()


def cut_off(exc: BaseException) -> bool:
    """Whether ``exc`` says the server cannot be reached (down, restarting, network)."""
    low = _reason(exc).lower()
    return any(words in low for words in _UNREACHABLE)


def unreachable(target: str) -> StoreError:
    """The one sentence for a server that is down, restarting or behind a dropped network."""
    return StoreError(f"Cannot reach the PostgreSQL server at {address(target)}; is it "
                      "running and is the address right?")


class ServerAway(StoreError):
    """An edit the server was not there to take, and may take once it is back.

    A seat keeps such a typed edit and saves it when its listener reconnects
    (``tui.session.workshop``); ``kept`` is the sentence saying so.
    """

    def __init__(self, message: str, kept: str) -> None:
        super().__init__(message)
        self.kept = kept


def not_saved(target: str, refused: str = "") -> StoreError:
    """The one sentence for an edit the server was not there to take (or, ``refused``,
    answered but would not let this seat in: a changed password, a dropped database)."""
    if refused:
        why = f"{refused[:1].lower()}{refused[1:]}"
        return ServerAway(f"This change was not saved: {why}",
                          f"Kept, not saved yet: {why.rstrip('.')}; this seat saves it once "
                          "that is fixed.")
    cause = f"the PostgreSQL server at {address(target)} cannot be reached"
    return ServerAway(f"This change was not saved: {cause}; try again once it is back.",
                      f"Kept, not saved yet: {cause}; this seat saves it once the server is "
                      "back.")


def write_refused(target: str, exc: BaseException) -> StoreError | None:
    """The sentence for a change the server would not take, or None for the store's own.

    A server that cannot be reached, and a user that may read but not write (SQLSTATE
    42501, insufficient privilege): a role meant for reporting, or grants that were
    never given on tables an upgrade added.  The seat keeps reading; only edits stop.
    """
    if cut_off(exc):
        return not_saved(target)
    if getattr(getattr(exc, "orig", None), "sqlstate", None) != "42501":
        return None
    url = make_url(target)
    return StoreError(f"This change was not saved: the PostgreSQL user {url.username!r} may "
                      f"read the database {url.database!r} at {address(target)} but not change "
                      "it; ask its administrator to grant it write rights, or join as an "
                      "observer.")


def problem(target: str, exc: BaseException) -> StoreError:
    """One sentence for a server that cannot be used, naming what to do."""
    url = make_url(target)
    host = address(target)
    reason = _reason(exc)
    low = reason.lower()
    if "password authentication failed" in low or "no password supplied" in low:
        return StoreError(f"The PostgreSQL server at {host} refused the password for "
                          f"{url.username or 'this user'}; check it (PGPASSWORD or ~/.pgpass).")
    if "does not exist" in low and "database" in low:
        return StoreError(f"There is no database {url.database!r} on the PostgreSQL server at "
                          f"{host}; create it first (createdb {url.database}).")
    if "role" in low and "does not exist" in low:
        return StoreError(f"The PostgreSQL server at {host} has no user "
                          f"{url.username!r}; create it first (createuser).")
    if cut_off(exc):
        return unreachable(target)
    first = reason.splitlines()[0] if reason else type(exc).__name__
    return StoreError(f"Cannot use the PostgreSQL database {shown(target)} ({first}).")


def inspect_server(engine: Engine, target: str) -> tuple[FileState, int]:
    """Classify the database like ``dbfile.inspect_file`` classifies a file."""
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            if not tables:
                return FileState.NEW, 0
            if "journeymap_meta" not in tables:
                raise StoreError(f"{shown(target)} holds tables of another application, not "
                                 "journeymap; it was left untouched. Choose another database.")
            meta: dict[str, str] = {
                str(k): str(v)
                for k, v in conn.execute(text("SELECT key, value FROM journeymap_meta")).all()}
    except DBAPIError as exc:
        raise problem(target, exc) from None
    if meta.get("app") != APP_NAME:
        raise StoreError(f"{shown(target)} was not written by journeymap; it was left "
                         "untouched. Choose another database.")
    written = str(meta.get("schema_version", "0"))
    if not (written.isascii() and written.isdecimal()):  # "eight"; "-3" read as older than all
        raise StoreError(f"{shown(target)} has an unreadable schema version; it was left "
                         "untouched. Choose another database.")
    version = int(written)
    if version > SCHEMA_VERSION:
        raise StoreError(f"{shown(target)} was written by a newer journeymap (schema {version}, "
                         f"this one reads up to {SCHEMA_VERSION}); upgrade journeymap to open it.")
    return (FileState.OLDER if version < SCHEMA_VERSION else FileState.CURRENT), version


def notify(session: Session, workshop_id: int, kind: str, *, presence: bool = False) -> None:
    """Queue a notification; PostgreSQL delivers it when (and only if) the edit commits."""
    session.execute(text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": PRESENCE_CHANNEL if presence else CHANNEL,
                     "payload": f"{workshop_id}:{kind}"})


def _nothing() -> None:
    return None


class Listener:
    """A dedicated autocommit connection that LISTENs; ``count`` says how many arrived.

    Two ways to use it.  Polled: ``count`` reads only what the server already
    pushed into the socket (a zero-timeout wait), so asking every 100 ms costs no
    server round trip.  Woken (``wake_on``): a daemon thread blocks on the socket
    and calls back the moment a notification for the seat's workshop arrives, so
    another seat's edit is on screen without waiting for the next poll, and
    notifications of other workshops on the same server wake nobody.  The thread
    owns the connection from then on; ``count`` only reads its tally.
    """

    def __init__(self, target: str, *, presence: bool = True) -> None:
        self.target = target
        self.channels = [CHANNEL, PRESENCE_CHANNEL] if presence else [CHANNEL]
        self.conn = self._connect()
        # One sentence while the server cannot be reached, "" while listening.
        self.lost = ""
        # Why the server, answering again, refuses this seat ("" when it is just away).
        self.refused = ""
        self._next_try = 0.0
        self.seen = 0
        self.payloads: list[tuple[str, str]] = []
        self._thread: threading.Thread | None = None
        self._closing = False
        self._prefix = ""
        self._wake: Callable[[], None] = _nothing

    def _connect(self) -> Any:
        import psycopg

        conn = psycopg.connect(libpq(self.target), autocommit=True,
                               connect_timeout=CONNECT_TIMEOUT_S, **NETWORK)
        for channel in self.channels:
            conn.execute(f"LISTEN {channel}")
        return conn

    def _recover(self) -> bool:
        """The connection broke: say so and try a new one; True once listening again.

        Whatever was committed meanwhile was announced to nobody here, so getting
        back counts as one notification: the seat then checks what changed.
        """
        away = (f"Lost the connection to the PostgreSQL server at {address(self.target)}; "
                "the map stays readable and reconnects by itself, and typed edits are kept "
                "until it is back.")
        self.lost = self.lost or away
        self._next_try = time.monotonic() + RECONNECT_S
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001,S110 - it is broken already
            pass
        try:
            self.conn = self._connect()
        except Exception as exc:  # noqa: BLE001 - still away: the next try is RECONNECT_S later
            # Back but refusing this seat: saying "cannot be reached" would make the
            # room wait for a server that is there.
            self.refused = "" if cut_off(exc) else str(problem(self.target, exc))
            self.lost = away if not self.refused else (
                f"{self.refused.rstrip('.')}; the map stays readable, and typed edits are kept "
                "until that is fixed.")
            return False
        self.lost = self.refused = ""
        self.seen += 1
        return True

    def _take(self, channel: str, payload: str) -> bool:
        """Record one notification; False when it belongs to another workshop."""
        if self._prefix and not payload.startswith(self._prefix):
            return False
        self.seen += 1
        self.payloads.append((channel, payload))
        del self.payloads[:-100]
        return True

    def count(self) -> int:
        """The running total of notifications received (it moves when anyone commits)."""
        if self._thread is None:
            if self.lost:
                if time.monotonic() >= self._next_try:
                    self._recover()
                return self.seen
            try:
                for note in self.conn.notifies(timeout=0):
                    self._take(note.channel, note.payload)
            except Exception:  # noqa: BLE001 - the server went away: reconnect
                self._recover()
        return self.seen

    def wake_on(self, workshop_id: int, wake: Callable[[], None]) -> None:
        """From now on, call ``wake`` (from a thread) when ``workshop_id`` changes.

        Called again (the seat opened another workshop), it re-aims the same thread.
        """
        self._prefix, self._wake = f"{workshop_id}:", wake
        if self._thread is None:
            self._thread = threading.Thread(target=self._listen, name="journeymap-listen",
                                            daemon=True)
            self._thread.start()

    def _listen(self) -> None:
        while not self._closing:
            try:
                woke = False
                for note in self.conn.notifies(timeout=WAKE_CHECK_S):
                    if self._take(note.channel, note.payload):
                        woke = True
                        break  # wake now; the rest of a burst is read on the next turn
            except Exception:  # noqa: BLE001 - the server went away (or closing)
                if self._closing:
                    return
                woke = self._reconnect()
            if woke and not self._closing:
                try:
                    self._wake()
                except Exception:  # noqa: BLE001,S110 - the app is shutting down
                    return

    def _reconnect(self) -> bool:
        """Retry every RECONNECT_S until listening again (True) or closing (False)."""
        while not self._closing:
            if self._recover():
                return True
            try:
                self._wake()  # the seat shows ``lost`` now rather than at its next edit
            except Exception:  # noqa: BLE001 - the app is shutting down
                return False
            while not self._closing and time.monotonic() < self._next_try:
                time.sleep(WAKE_CHECK_S)
        return False

    def close(self) -> None:
        self._closing = True
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join(timeout=WAKE_CHECK_S * 4)
        self.conn.close()
