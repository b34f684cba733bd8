"""Schema version stamp, file checks and upgrades.

Why not Alembic (re-examined for PostgreSQL, issue 17): a server database is
created at the current schema; the additive path below (inspector + ``ALTER TABLE
ADD COLUMN``) is dialect neutral, and ``upgrade`` runs on a server only the steps in
``SERVER_STEPS``.  The first of those (13, a NOT NULL dropped) is one statement per
engine; Alembic earns its place when such steps stop being that small.  For files:
most schema changes are additive (new tables, new columns with defaults), which
SQLAlchemy's inspector plus ``ALTER TABLE ADD COLUMN`` handles generically in a few
lines, without Alembic's import cost on every start
or a migrations folder to ship.  Non-additive steps go into ``STEPS`` as explicit
functions, run in order, so the mechanism grows without changing shape.

The file is inspected through a *read-only* sqlite3 connection before anything
else touches it: a foreign file, a non-SQLite file or a file written by a newer
journeymap is refused and left byte-for-byte unchanged (switching the journal to
WAL alone would rewrite the header).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from models.db import no_id_reuse
from models.db.access import file_owner

# The file check lives in ``models.db.dbfile`` (stdlib only, so ``journeymap open`` can
# run it without importing SQLModel); re-exported here, the same objects.
from models.db.dbfile import (  # noqa: F401 - re-exported
    APP_NAME,
    SCHEMA_VERSION,
    SQLITE_MAGIC,
    FileState,
    StoreError,
    inspect_file,
)
from models.db.tables.cards import PainPoint
from models.db.tables.every import ALL_TABLES  # noqa: F401 - registers every table
from models.db.tables.tickets import Reading, TicketSource


class Outdated(StoreError):
    """A database made by an older journeymap, opened by something that only reads.

    Upgrading writes (tables, columns, the version stamp), so a command that only
    reads refuses it in one sentence naming the command that upgrades instead.
    """

    def __init__(self, where: str, version: int) -> None:
        self.version = version
        super().__init__(f"{where} was made by an older journeymap (schema {version}, this one "
                         f"reads {SCHEMA_VERSION}) and a command that only reads does not "
                         "change it; upgrade it first with `journeymap upgrade`.")


def create_all(conn: Connection) -> None:
    """Create every missing table, each integer-keyed one with ``AUTOINCREMENT``."""
    no_id_reuse.mark_autoincrement()
    SQLModel.metadata.create_all(conn)


def _add_missing_columns(conn: Connection) -> None:
    """Additive upgrade: create missing tables, add missing columns with their defaults."""
    create_all(conn)
    inspector = inspect(conn)
    for table in SQLModel.metadata.sorted_tables:
        present = {col["name"] for col in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in present:
                continue
            ddl_type = column.type.compile(dialect=conn.dialect)
            default = _default_sql(column)
            conn.execute(
                text(f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {ddl_type}{default}')
            )


def _default_sql(column) -> str:  # type: ignore[no-untyped-def]
    """A DEFAULT clause from the model's Python default, so existing rows get a value;
    NOT NULL as in a new file when the model has a plain default to fill them with."""
    default = getattr(column.default, "arg", None)
    if default is None or callable(default):
        return "" if column.nullable else " DEFAULT ''"
    required = "" if column.nullable else " NOT NULL"
    if isinstance(default, int | float):  # bool too: TRUE/FALSE read right by both engines
        return f"{required} DEFAULT {default}"
    return required + " DEFAULT '" + str(default).replace("'", "''") + "'"


def _v3_future_state_links(conn: Connection) -> None:
    """Schema 3 (future state, escalation, method fields): the two link columns.

    They need their ``REFERENCES … ON DELETE SET NULL`` clause, which the generic
    column adder does not write: without it, deleting an as-is workshop would leave
    its to-be pointing at nothing.  SQLite accepts a foreign key in ``ADD COLUMN``
    when the default is NULL.  Everything else of schema 3 is plain additive.
    """
    inspector = inspect(conn)
    links = (("workshop", "as_is_workshop_id", "workshop"),
             ("touchpoint", "as_is_touchpoint_id", "touchpoint"))
    for table, column, target in links:
        if column in {col["name"] for col in inspector.get_columns(table)}:
            continue
        conn.execute(text(f'ALTER TABLE "{table}" ADD COLUMN "{column}" INTEGER '
                          f'REFERENCES "{target}" (id) ON DELETE SET NULL'))
        conn.execute(text(f'CREATE INDEX IF NOT EXISTS "ix_{table}_{column}" '
                          f'ON "{table}" ("{column}")'))


def _to_6_accounts(conn: Connection) -> None:
    """Version 6 (trust): accounts beside names, and the portfolio audit table.

    Adds the columns and the ``audit`` table, then records the file's owner as the
    OS account of every existing workshop's creator (and of the creator's lead seat):
    older files kept names only, and the account that owns the file is the one that
    made them.  Without this, anyone typing the creator's name would still be lead.
    """
    _add_missing_columns(conn)
    path = next((row[2] for row in conn.execute(text("PRAGMA database_list"))
                 if row[1] == "main"), "")
    owner = file_owner(path) if path else ""
    conn.execute(text("UPDATE workshop SET lead_account = :o WHERE lead_account = ''"),
                 {"o": owner})
    conn.execute(text("UPDATE participant SET account = :o WHERE account = '' AND role = 'lead' "
                      "AND name IN (SELECT lead FROM workshop "
                      "WHERE workshop.id = participant.workshop_id)"), {"o": owner})


def _v7_ticket_readings(conn: Connection) -> None:
    """Version 7 (ticket data): the ticket source and reading tables (``AUTOINCREMENT`` like
    every table), and the card's link to a metric (plain additive columns, left to
    ``_add_missing_columns``).  Idempotent: only missing tables are created, so re-running
    it on a half-upgraded file is harmless, and it needs nothing of versions 3-6."""
    no_id_reuse.mark_autoincrement()
    for table in (TicketSource, Reading):
        table.__table__.create(conn, checkfirst=True)  # type: ignore[union-attr]


def _v8_business_hours(conn: Connection) -> None:
    """Version 8 (business hours): the workshop's schedule and the readings' business-hours
    durations.  Purely additive columns with defaults, so the step is the generic one; it
    is numbered so that a version 7 journeymap refuses a file that carries schedules
    instead of dropping them."""
    _add_missing_columns(conn)


def _v9_ticket_counts(conn: Connection) -> None:
    """Version 9: an import's latest timestamp (``ticketsource.data_until``) and each
    reading's n per metric (``reading.counts``).  Additive; numbered because they were first
    added without a new version, and a version 8 file of the journeymap before them opened
    but failed on its first ticket query ("no such column")."""
    _add_missing_columns(conn)


def _v10_ticket_start(conn: Connection) -> None:
    """Version 10 (partial first months): where each ticket import's data starts
    (``TicketSource.data_from``). Additive, so the generic step; numbered so that an older
    file gets the column before anything reads it, and a version 9 journeymap refuses a file
    that has it rather than losing it."""
    _add_missing_columns(conn)


def _v11_ticket_waits(conn: Connection) -> None:
    """Version 11 (wait times): each reading's requester wait, agent wait and on-hold
    medians and p90s. Additive, so the generic step; numbered so that a version 10
    journeymap refuses a file that has them rather than losing them in a backup."""
    _add_missing_columns(conn)


def _v12_account_uids(conn: Connection) -> None:
    """Version 12 (trust): the uid beside each account binding (``participant.account_uid``,
    ``workshop.lead_uid``), so a new OS account that reuses a deleted login does not
    inherit its roles.  Additive, NULL in existing rows: an old binding gets its uid
    from the first seat that login takes (``models.live.presence.join``); numbered so
    that a version 11 journeymap refuses a file that has them rather than dropping them."""
    _add_missing_columns(conn)


def _v13_unknown_volume(conn: Connection) -> None:
    """Version 13: a pain point's ticket volume may be unknown (NULL), apart from a real 0.

    Until now the column was ``NOT NULL DEFAULT 0`` and every pain point entered without a
    volume held 0, which the ranking already read as "no ticket volume recorded"; so the
    existing 0s become NULL (not recorded) rather than claim that nobody wrote in.  SQLite
    cannot drop a NOT NULL, so the table is rebuilt (``no_id_reuse.rebuild``, ids and the
    AUTOINCREMENT counter kept); PostgreSQL alters the column.  Idempotent.
    """
    if conn.dialect.name == "sqlite":
        nullable = next(col["nullable"] for col in inspect(conn).get_columns("painpoint")
                        if col["name"] == "ticket_volume")
        if not nullable:
            no_id_reuse.rebuild(conn, PainPoint.__table__, "v13")  # type: ignore[attr-defined]
    else:
        conn.execute(text('ALTER TABLE painpoint ALTER COLUMN ticket_volume DROP NOT NULL'))
    conn.execute(text("UPDATE painpoint SET ticket_volume = NULL WHERE ticket_volume = 0"))


def _v14_ticket_zone(conn: Connection) -> None:
    """Version 14: the zone an import read its times without a zone in
    (``TicketSource.zone``). Additive, so the generic step; numbered so that a version 13
    journeymap refuses a file that has it rather than losing it in a backup."""
    _add_missing_columns(conn)


# Explicit, ordered upgrade steps: version reached -> function.  Additive changes
# need no entry: ``upgrade`` runs ``_add_missing_columns`` first and last.  Version 5
# (``source`` on the rows a template can illustrate: "" or "added") is such a change,
# so it has no step; versions 8-12 are additive too, and keep a named step only for
# their docstrings (why each was numbered).
STEPS: dict[int, Callable[[Connection], None]] = {
    3: _v3_future_state_links,
    no_id_reuse.VERSION: no_id_reuse.upgrade,
    6: _to_6_accounts,
    7: _v7_ticket_readings,
    8: _v8_business_hours,
    9: _v9_ticket_counts,
    10: _v10_ticket_start,
    11: _v11_ticket_waits,
    12: _v12_account_uids,
    13: _v13_unknown_volume,
    14: _v14_ticket_zone,
}
# The steps a PostgreSQL database needs too (the others rebuild SQLite files only).
SERVER_STEPS = frozenset({13})


def upgrade(conn: Connection, from_version: int) -> None:
    """Bring an older file up to SCHEMA_VERSION inside the caller's transaction.

    Missing columns are added first too, so a step that rebuilds a table copies
    every column the current model declares.
    """
    _add_missing_columns(conn)
    if conn.dialect.name != "sqlite":
        # A server database starts at the schema of the journeymap that created it
        # (5 or later): only the steps in SERVER_STEPS apply to it.
        for version in sorted(SERVER_STEPS):
            if version > from_version:
                STEPS[version](conn)
        stamp(conn)
        return
    for version in sorted(STEPS):
        if version > from_version:
            STEPS[version](conn)
    _add_missing_columns(conn)
    broken = conn.execute(text("PRAGMA foreign_key_check")).first()
    if broken is not None:
        raise StoreError(f"Upgrading left a {broken[0]} row without its {broken[2]}; "
                         "nothing was changed.")
    stamp(conn)


def stamp(conn: Connection) -> None:
    """Write who owns this file and its schema version."""
    for key, value in (("app", APP_NAME), ("schema_version", str(SCHEMA_VERSION))):
        conn.execute(
            text(
                "INSERT INTO journeymap_meta (key, value) VALUES (:k, :v) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
            ),
            {"k": key, "v": value},
        )
