"""The presence connection of an observer seat: it writes what presence needs, nothing else.

Why a guard and not trust in the callers: the row an observer writes holds its role, and
a reopen (``access.seat_role``) and the live raise (``presence.granted``) both read that
row.  So the database refuses, on that connection:

* every write outside the participant table, and every schema change;
* on the participant table, a DELETE, and an UPDATE of any column but ``SEAT_COLUMNS``
  (heartbeat and step: ``last_seen``, ``current_step``; follow and done; and what a
  ``join`` stores: the role it lowers to, the account, key and origin of the seat);
* any ``role`` it writes but ``observer`` (a join only ever lowers an observer's role),
  any row but its own name's (another row of its account may only get its missing uid,
  ``access.bind_uid``; a server keeps none), and an INSERT of another name.

On SQLite the column rule is the authorizer's (it gets table and column for an UPDATE)
and the value and row rules are TEMP triggers of that connection only, created before
the authorizer, which then refuses dropping them.  A server has neither per connection,
so each statement and its parameters are checked before they are sent; a database role
limited to these columns would be the stronger guard there, and needs the server's admin.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.exc import DatabaseError
from sqlmodel import Session

from models.db.store import ReadOnlyError, Store
from models.db.tables.seats import Participant
from models.rules.names import normalize

PRESENCE_TABLE = Participant.__tablename__
SEAT_COLUMNS = frozenset({"last_seen", "current_step", "following", "done_step",
                          "role", "account", "key", "origin", "account_uid"})
OBSERVER = "observer"
REFUSED = "Observers cannot change the workshop."

_WRITE_ACTIONS = {sqlite3.SQLITE_INSERT, sqlite3.SQLITE_UPDATE, sqlite3.SQLITE_DELETE}
_DDL_ACTIONS = {code for name, code in vars(sqlite3).items()
                if name.startswith(("SQLITE_CREATE_", "SQLITE_DROP_", "SQLITE_ALTER"))
                and isinstance(code, int)}


def _presence_only(action: int, arg1: str | None, arg2: str | None, _db: str | None,
                   _trigger: str | None) -> int:
    """SQLite authorizer: reads anywhere; writes only the seat columns of participant rows."""
    if action in _DDL_ACTIONS or action == sqlite3.SQLITE_DELETE:
        return sqlite3.SQLITE_DENY
    if action in _WRITE_ACTIONS and arg1 != PRESENCE_TABLE:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_UPDATE and arg2 not in SEAT_COLUMNS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _own_row_triggers(who: str, account: str) -> list[str]:
    """TEMP triggers: the role only ever becomes observer; only its own name's row is
    written, and of its account's other rows only a missing uid (``access.bind_uid``)."""
    name, login = _quoted(who), _quoted(account)
    _only_uid_moves = " OR ".join(f"NEW.{column} IS NOT OLD.{column}"
                                  for column in sorted(SEAT_COLUMNS - {"account_uid"}))
    refuse = "BEGIN SELECT RAISE(ABORT, 'not authorized'); END"
    return [
        f"CREATE TEMP TRIGGER observer_update BEFORE UPDATE ON main.{PRESENCE_TABLE} "
        f"WHEN (NEW.role IS NOT OLD.role AND NEW.role IS NOT '{OBSERVER}') "
        f"OR (OLD.name IS NOT {name} AND (OLD.account IS NOT {login} "
        f"OR OLD.account_uid IS NOT NULL OR {_only_uid_moves})) "
        f"OR (NEW.account IS NOT OLD.account AND NEW.account IS NOT {login}) {refuse}",
        f"CREATE TEMP TRIGGER observer_insert BEFORE INSERT ON main.{PRESENCE_TABLE} "
        f"WHEN NEW.role IS NOT '{OBSERVER}' OR NEW.name IS NOT {name} {refuse}",
    ]


_WRITE_SQL = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.I)
_READ_SQL = re.compile(r"\s*(?:SELECT|SHOW|WITH\s[^;]*\bSELECT\b)", re.I)
_SET_SQL = re.compile(r"\bSET\s+(.*?)\s+WHERE\b", re.I | re.S)
_INSERT_SQL = re.compile(r"\s*INSERT\s+INTO", re.I)
_OWN_ROW_SQL = re.compile(r"\bWHERE\s+participant\.id\s*=\s*%\(participant_id\)s(::INTEGER)?\s*$",
                          re.I)


def _server_write_allowed(conn: Any, statement: str, parameters: Any, who: str,
                          account: str) -> bool:
    """An INSERT of its own name as observer, or an UPDATE of seat columns only of its own
    name's row (by id), with ``role`` (if set) observer and ``account`` (if set) its own.
    A server keeps no uid, so no other row of the account is ever written there."""
    if re.match(r"\s*DELETE", statement, re.I):
        return False
    rows = parameters if isinstance(parameters, list | tuple) else [parameters]
    values = [(str(k).split("__")[0], v) for row in rows if isinstance(row, dict)
              for k, v in row.items()]
    if any((k == "role" and v != OBSERVER) or (k == "account" and v != account)
           for k, v in values):
        return False
    if _INSERT_SQL.match(statement):
        return bool(values) and all(v == who for k, v in values if k == "name") \
            and any(k == "role" for k, _ in values)
    assignments = _SET_SQL.search(statement)
    if assignments is None or not _OWN_ROW_SQL.search(statement):
        return False
    ids = {v for k, v in values if k == "participant_id"}
    if not ids or conn.exec_driver_sql(
            f"SELECT count(*) FROM {PRESENCE_TABLE} WHERE id = ANY(%(ids)s) AND name = %(who)s",
            {"ids": sorted(ids), "who": who}).scalar() != len(ids):
        return False
    columns = {part.split("=")[0].strip().strip('"').lower()
               for part in re.split(r",\s*(?=\"?\w+\"?\s*=)", assignments.group(1))}
    return columns <= SEAT_COLUMNS


def _server_guard(who: str, account: str) -> Any:
    def _presence_only_sql(conn: Any, _cursor: Any, statement: str, parameters: Any,
                           *_args: Any) -> None:
        """The server twin of ``_presence_only`` and the triggers (see the module)."""
        write = _WRITE_SQL.match(statement)
        if write is not None and write.group(1).lower() == PRESENCE_TABLE \
                and _server_write_allowed(conn, statement, parameters, who, account):
            return
        if write is None and _READ_SQL.match(statement):
            return
        raise ReadOnlyError(REFUSED)
    return _presence_only_sql


class PresenceStore(Store):
    """A store whose connections may write its seat's participant row and nothing else."""

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with super().write() as session:
                yield session
        except DatabaseError as exc:
            if "not authorized" not in str(exc):
                raise
            raise ReadOnlyError(REFUSED) from exc


def presence_store(path: str | Path | None, who: str) -> Store:
    """A writable store that can change nothing but its seat's presence (for observers)."""
    store: Store = Store(path, read_only=True)  # refuses files with no workshops
    store.close()
    store = PresenceStore(path, who=who)
    name, account = normalize(who), store.account
    if store.on_server:
        event.listen(store.engine, "before_cursor_execute", _server_guard(name, account))
        return store

    @event.listens_for(store.engine, "connect")
    def _restrict(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        for trigger in _own_row_triggers(name, account):
            dbapi_conn.execute(trigger)
        dbapi_conn.set_authorizer(_presence_only)

    store.engine.dispose()  # no pooled connection may predate the guard
    return store
