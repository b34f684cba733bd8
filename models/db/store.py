"""The one owner of the database engine: opening, transactions, edits, snapshots.

Every edit is its own short write transaction that starts with ``BEGIN
IMMEDIATE`` and commits at once (there is no "save" button).  A plain deferred
``BEGIN`` that reads and then writes fails with "database is locked" when two
processes write at the same time, busy timeout or not; taking the write lock up
front makes SQLite queue writers on the busy timeout instead.

Every edit goes through ``add`` / ``update`` / ``delete`` / ``move`` so that
validation (``models.db.fields``) and attribution (``ChangeLog``) happen in one
place for the TUI, the CLI and imports alike.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import OperationalError as SAOperationalError
from sqlmodel import Session, SQLModel, create_engine, select

from models.db import schema, server
from models.db.access import current_account
from models.db.dbfile import (
    check_writable,
    damaged,
    default_target,
    health_problem,
    is_url,
    no_database,
)
from models.db.dbfile import read_only_uri as _read_only_uri
from models.db.fields import check_row, coerce
from models.db.journey import Journey
from models.db.schema import StoreError
from models.db.tables import (
    DEFAULT_STAGES,
    AuditEntry,
    ChangeLog,
    ChannelCost,
    EscalationLevel,
    Handoff,
    HypothesisCard,
    PainPoint,
    Participant,
    PlanTask,
    Reading,
    Stage,
    TicketSource,
    Touchpoint,
    Vote,
    Workshop,
    utcnow,
)

T = TypeVar("T", bound=SQLModel)
BUSY_TIMEOUT_S = 15.0


class NotFound(StoreError):
    """The workshop (or row) asked for does not exist (any more)."""


class ReadOnlyError(StoreError):
    """A write was attempted through an observer's read-only store."""


# Where each kind of row hangs, for ordering siblings and finding its workshop.
_PARENT: dict[type[SQLModel], str] = {Stage: "workshop_id", Touchpoint: "stage_id",
                                      PlanTask: "workshop_id", EscalationLevel: "workshop_id"}


class Store:
    """Owns the engine for one database file; hands out read and write sessions."""

    def __init__(self, path: str | Path | None = None, *, who: str = "",
                 read_only: bool = False, create: bool = True) -> None:
        """Open (and upgrade) the file; ``create=False`` refuses a file with no database
        yet, so a command that only reads never leaves an empty file at a mistyped path."""
        target = path or default_target()
        self.who = who
        self.read_only = read_only
        # The OS login behind ``who`` and, for a ``seat`` forced command, the key's
        # fingerprint: written beside the claimed name in the change log.
        self.account = current_account()
        self.key = ""
        self._watch: sqlite3.Connection | None = None
        self._listener: server.Listener | None = None
        self.on_server = is_url(target)
        if self.on_server:
            self._open_server(str(target), create)
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
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Cannot create the folder for {self.path}: {exc.strerror}.") from exc
        self.engine = self._make_engine()
        self._writer = self.engine.execution_options(journeymap_write=True)
        if state is schema.FileState.NEW and not read_only:
            self._create()
        elif state is schema.FileState.OLDER and not read_only:
            self._upgrade(version)

    def _open_server(self, url: str, create: bool) -> None:
        """The PostgreSQL twin of the file checks above (``models.db.server``)."""
        self.path = url  # type: ignore[assignment]  # reopened by presence and the app
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
            with self._writer.begin() as conn:
                schema.create_all(conn)
                schema.stamp(conn)
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

    @property
    def where(self) -> str:
        """The database as messages name it (a server URL without its password)."""
        return server.shown(str(self.path)) if self.on_server else str(self.path)

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

        uri = _read_only_uri(self.path) if self.read_only else None

        def _connect() -> sqlite3.Connection:
            if uri is not None:
                return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                                       check_same_thread=False)
            # A creator, not a URL: a file name with "?", "#" or "%" must stay a file name.
            return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)

        engine = create_engine("sqlite://", creator=_connect)
        read_only = self.read_only

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (see module doc)
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            if not read_only:
                try:
                    cur.execute("PRAGMA journal_mode = WAL")
                except sqlite3.OperationalError:
                    check_writable(self.path)  # the sentence when that is why
                    raise
                cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            if read_only:
                cur.execute("PRAGMA query_only = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            write = conn.get_execution_options().get("journeymap_write", False)
            info = conn.connection.info
            if write and not self._same_wal(info.get("wal")):
                self.wal_lost = True
                raise StoreError(
                    f"The write-ahead log {self.path}-wal was deleted or replaced while this "
                    "seat had the database open, so nothing more is written here; quit and "
                    "reopen journeymap and check your last edits.")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
            if write and "wal" not in info:
                info["wal"] = self._wal_identity()

        return engine

    def _wal_identity(self) -> tuple[tuple[int, int], ...] | None:
        """Device and inode of ``-wal`` and ``-shm``, or None if either is missing."""
        try:
            stats = [os.stat(f"{self.path}{side}") for side in ("-wal", "-shm")]
        except OSError:
            return None
        return tuple((st.st_dev, st.st_ino) for st in stats)

    def _same_wal(self, known: tuple[tuple[int, int], ...] | None) -> bool:
        """Whether the WAL files this connection opened are still the ones on disk.

        SQLite keeps writing to its open (deleted) ``-wal``; another process would
        then see an empty database.  A connection keeps its ``-wal`` alive as long
        as it is open, so a different inode (or none) means someone removed it.
        """
        return known is None or self._wal_identity() == known

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        if self._watch is not None:
            self._watch.close()
            self._watch = None
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot session; objects stay usable after it closes."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction, begun IMMEDIATE and committed on exit."""
        if self.read_only:
            raise ReadOnlyError("Observers cannot change the workshop.")
        if self.damage:
            raise damaged(self.path, self.damage)
        if not self.on_server:
            check_writable(self.path)  # else SQLite's "unable to open database file"
        with Session(self._writer, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except (sqlite3.OperationalError, SAOperationalError) as exc:
                # SQLAlchemy wraps the driver's error; either way the user gets a sentence
                session.rollback()
                reason = str(getattr(exc, "orig", None) or exc)
                if "locked" in reason or "busy" in reason or "lock timeout" in reason:
                    raise StoreError("The database is busy: another journeymap kept it locked "
                                     f"for {BUSY_TIMEOUT_S:g} s; try the change again.") from exc
                raise StoreError(f"The database refused the change: {reason}.") from exc
            except Exception:
                session.rollback()
                raise

    # -- change detection -----------------------------------------------------
    def data_version(self) -> int:
        """SQLite's per-connection counter that moves when *another* connection commits.

        On a server: the number of notifications received so far (``server.Listener``).
        """
        if self.on_server:
            if self._listener is None:
                self._listener = server.Listener(str(self.path))
            return self._listener.count()
        if self._watch is None:
            if self.read_only:
                self._watch = sqlite3.connect(_read_only_uri(self.path), uri=True,
                                              timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            else:
                self._watch = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S,
                                              check_same_thread=False)
        return int(self._watch.execute("PRAGMA data_version").fetchone()[0])

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

    # -- workshops --------------------------------------------------------------
    def list_workshops(self) -> list[Workshop]:
        with self.read() as s:
            return list(s.exec(select(Workshop).order_by(Workshop.updated_at.desc(),  # type: ignore[attr-defined]
                                                         Workshop.id)))

    def get_workshop(self, workshop_id: int) -> Workshop:
        with self.read() as s:
            workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
        return workshop

    def create_workshop(self, *, default_stages: bool = True, **fields: Any) -> Workshop:
        """A new workshop; its creator is its lead.  Default stages unless told otherwise."""
        values = {k: coerce(Workshop, k, v) for k, v in fields.items()}
        values.setdefault("lead", self.who)
        values.setdefault("lead_account", self.account)
        with self.write() as s:
            workshop = Workshop(**values)
            s.add(workshop)
            s.flush()
            if default_stages:
                for pos, (name, kpi) in enumerate(DEFAULT_STAGES):
                    s.add(Stage(workshop_id=workshop.id, position=pos, name=name, kpi_name=kpi))
            self._log(s, workshop.id, "workshop", workshop.id, "create",
                      summary=f"created workshop {workshop.title or workshop.scenario}")
            return workshop

    def delete_workshop(self, workshop_id: int) -> None:
        with self.write() as s:
            workshop = s.get(Workshop, workshop_id)
            if workshop is None:
                raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
            s.add(AuditEntry(action="delete", workshop_id=workshop_id,
                             title=workshop.title or workshop.scenario, who=self.who,
                             account=self.attribution))
            self.changed(s, workshop_id, "workshop:delete")
            s.delete(workshop)

    def audit(self) -> list[AuditEntry]:
        """Whole-workshop events (deletions), oldest first; they outlive the workshop."""
        with self.read() as s:
            return list(s.exec(select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)))  # type: ignore[arg-type]

    @property
    def attribution(self) -> str:
        """The account as written in the logs: the OS login, and the key through ``seat``."""
        return f"{self.account} key {self.key}" if self.key else self.account

    def load(self, workshop_id: int) -> Journey:
        """Everything under one workshop in one read transaction (a consistent snapshot)."""
        with self.read() as s:
            workshop = s.get(Workshop, workshop_id)
            if workshop is None:
                raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
            stages = list(s.exec(select(Stage).where(Stage.workshop_id == workshop_id)
                                 .order_by(Stage.position, Stage.id)))
            stage_ids = [st.id for st in stages]
            tps = list(s.exec(select(Touchpoint).where(Touchpoint.stage_id.in_(stage_ids))  # type: ignore[union-attr]
                              .order_by(Touchpoint.position, Touchpoint.id)))
            by_stage: dict[int, list[Touchpoint]] = {sid: [] for sid in stage_ids if sid}
            for tp in tps:
                by_stage.setdefault(tp.stage_id, []).append(tp)
            pains = list(s.exec(select(PainPoint).where(PainPoint.workshop_id == workshop_id)
                                .order_by(PainPoint.id)))
            pain_ids = [p.id for p in pains]
            cards = list(s.exec(select(HypothesisCard)
                                .where(HypothesisCard.pain_point_id.in_(pain_ids))  # type: ignore[union-attr]
                                .order_by(HypothesisCard.id)))
            dots = list(s.exec(select(Vote).where(Vote.pain_point_id.in_(pain_ids))  # type: ignore[union-attr]
                               .order_by(Vote.id)))
            votes = dict(s.exec(select(Vote.pain_point_id, func.count())
                                .where(Vote.pain_point_id.in_(pain_ids))  # type: ignore[union-attr]
                                .group_by(Vote.pain_point_id)).all())
            return Journey(
                workshop=workshop,
                stages=stages,
                touchpoints=by_stage,
                handoffs=list(s.exec(select(Handoff).where(Handoff.workshop_id == workshop_id)
                                     .order_by(Handoff.id))),
                pain_points=pains,
                cards=cards,
                plan_tasks=list(s.exec(select(PlanTask).where(PlanTask.workshop_id == workshop_id)
                                       .order_by(PlanTask.position, PlanTask.id))),
                participants=list(s.exec(select(Participant)
                                         .where(Participant.workshop_id == workshop_id)
                                         .order_by(Participant.id))),
                dot_votes={int(k): int(v) for k, v in votes.items()},
                dots=dots,
                channel_costs=list(s.exec(select(ChannelCost)
                                          .where(ChannelCost.workshop_id == workshop_id)
                                          .order_by(ChannelCost.id))),
                escalation_levels=list(s.exec(
                    select(EscalationLevel).where(EscalationLevel.workshop_id == workshop_id)
                    .order_by(EscalationLevel.position, EscalationLevel.id))),
                ticket_sources=list(s.exec(select(TicketSource)
                                           .where(TicketSource.workshop_id == workshop_id)
                                           .order_by(TicketSource.id))),
                readings=list(s.exec(select(Reading).where(Reading.workshop_id == workshop_id)
                                     .order_by(Reading.source_id, Reading.id))),
            )

    def load_many(self, workshop_ids: list[int]) -> list[Journey]:
        """Several workshops, as ``load`` gives each, from one query per table.

        Why: the tracker's "all workshops" view read a portfolio of 200 one
        ``load`` (nine queries) at a time - 1,800 queries and seconds.  Rows come
        back in ``load``'s order and are grouped by workshop in Python.
        """
        if not workshop_ids:  # a one-workshop file's portfolio: no query at all
            return []
        wanted = set(workshop_ids)
        with self.read() as s:
            workshops = {w.id: w for w in s.exec(select(Workshop)) if w.id in wanted}
            missing = [i for i in workshop_ids if i not in workshops]
            if missing:
                raise NotFound(f"There is no workshop {missing[0]} in {self.where}.")

            def grouped(rows: Any, key: Callable[[Any], Any]) -> dict[Any, list[Any]]:
                out: dict[Any, list[Any]] = {}
                for row in rows:
                    out.setdefault(key(row), []).append(row)
                return out

            stages = grouped(s.exec(select(Stage).order_by(Stage.position, Stage.id)),
                             lambda r: r.workshop_id)
            tps = grouped(s.exec(select(Touchpoint).order_by(Touchpoint.position,
                                                             Touchpoint.id)),
                          lambda r: r.stage_id)
            pains = grouped(s.exec(select(PainPoint).order_by(PainPoint.id)),
                            lambda r: r.workshop_id)
            pain_workshop = {p.id: wid for wid, ps in pains.items() for p in ps}
            cards = grouped(s.exec(select(HypothesisCard).order_by(HypothesisCard.id)),
                            lambda r: pain_workshop.get(r.pain_point_id))
            dots = grouped(s.exec(select(Vote).order_by(Vote.id)),
                           lambda r: pain_workshop.get(r.pain_point_id))
            handoffs = grouped(s.exec(select(Handoff).order_by(Handoff.id)),
                               lambda r: r.workshop_id)
            tasks = grouped(s.exec(select(PlanTask).order_by(PlanTask.position, PlanTask.id)),
                            lambda r: r.workshop_id)
            people = grouped(s.exec(select(Participant).order_by(Participant.id)),
                             lambda r: r.workshop_id)
            sources = grouped(s.exec(select(TicketSource).order_by(TicketSource.id)),
                              lambda r: r.workshop_id)
            readings = grouped(s.exec(select(Reading).order_by(Reading.source_id, Reading.id)),
                               lambda r: r.workshop_id)
            costs = grouped(s.exec(select(ChannelCost).order_by(ChannelCost.id)),
                            lambda r: r.workshop_id)
            levels = grouped(s.exec(select(EscalationLevel).order_by(EscalationLevel.position,
                                                                     EscalationLevel.id)),
                             lambda r: r.workshop_id)
        out = []
        for wid in workshop_ids:
            own_stages = stages.get(wid, [])
            by_stage = {st.id: tps.get(st.id, []) for st in own_stages if st.id}
            votes: dict[int, int] = {}
            for dot in dots.get(wid, []):
                votes[int(dot.pain_point_id)] = votes.get(int(dot.pain_point_id), 0) + 1
            out.append(Journey(workshop=workshops[wid], stages=own_stages, touchpoints=by_stage,
                               handoffs=handoffs.get(wid, []), pain_points=pains.get(wid, []),
                               cards=cards.get(wid, []), plan_tasks=tasks.get(wid, []),
                               participants=people.get(wid, []), dot_votes=votes,
                               dots=dots.get(wid, []), ticket_sources=sources.get(wid, []),
                               readings=readings.get(wid, []),
                               channel_costs=costs.get(wid, []),
                               escalation_levels=levels.get(wid, [])))
        return out

    # -- generic edits ----------------------------------------------------------
    def add(self, row: T) -> T:
        """Insert a validated row at the end of its siblings; logged as a create."""
        for name in type(row).model_fields:
            if name != "id" and getattr(row, name) is not None:
                setattr(row, name, coerce(type(row), name, getattr(row, name)))
        check_row(row)
        with self.write() as s:
            parent = _PARENT.get(type(row))
            if parent is not None and not row.position:  # type: ignore[attr-defined]
                row.position = self._next_position(s, type(row), parent,  # type: ignore[attr-defined]
                                                   getattr(row, parent))
            s.add(row)
            s.flush()
            wid = self._workshop_id(s, row)
            self._touch(s, wid)
            self._log(s, wid, row.__tablename__, row.id, "create",  # type: ignore[attr-defined]
                      summary=f"added {_describe(row)}")
            return row

    def update(self, model: type[T], row_id: int, *, log: bool = True,
               announce: bool = True, **changes: Any) -> T:
        """Change fields of one row; each changed field is logged with old -> new.

        ``log=False`` is for presence (heartbeats, current step, follow, done):
        those change every few seconds per seat and would drown the attribution
        log, and an observer's presence connection may write only the
        participant table (see ``models.live.presence``).  ``announce=False``
        keeps a seat's bare "still here" off a server's notification channel when
        nothing but ``last_seen`` moved: six seats beating every 3 s would
        otherwise wake every other seat twice a second for nothing to show.
        """
        values = {k: coerce(model, k, v) for k, v in changes.items()}
        with self.write() as s:
            row = s.get(model, row_id)
            if row is None:
                raise gone(model)
            wid = self._workshop_id(s, row)
            moved: set[str] = set()
            for key, new in values.items():
                old = getattr(row, key)
                if old == new:
                    continue
                moved.add(key)
                setattr(row, key, new)
                if log:
                    self._log(s, wid, row.__tablename__, row_id, "update",  # type: ignore[attr-defined]
                              field=key, old=_text(old), new=_text(new))
            check_row(row)
            if model is not Participant:
                self._touch(s, wid)
            elif announce or moved - {"last_seen"}:
                self.changed(s, wid, "presence", presence=True)
            return row

    def delete(self, model: type[SQLModel], row_id: int) -> None:
        """Delete one row; a row already gone raises ``NotFound`` (ids are never reused,
        so the id a confirmation was prepared with names that row or nothing)."""
        with self.write() as s:
            row = s.get(model, row_id)
            if row is None:
                raise gone(model)
            wid = self._workshop_id(s, row)
            self._log(s, wid, row.__tablename__, row_id, "delete",  # type: ignore[attr-defined]
                      summary=f"deleted {_describe(row)}")
            s.delete(row)
            self._touch(s, wid)

    def move(self, model: type[SQLModel], row_id: int, delta: int) -> None:
        """Move a stage, touchpoint or plan task ``delta`` places among its siblings."""
        parent = _PARENT[model]
        with self.write() as s:
            row = s.get(model, row_id)
            if row is None:
                raise gone(model)
            siblings = list(s.exec(select(model).where(
                getattr(model, parent) == getattr(row, parent))
                .order_by(model.position, model.id)))  # type: ignore[attr-defined]
            index = next(i for i, sib in enumerate(siblings) if sib.id == row_id)
            target = max(0, min(len(siblings) - 1, index + delta))
            if target == index:
                return
            siblings.insert(target, siblings.pop(index))
            for pos, sib in enumerate(siblings):
                sib.position = pos  # type: ignore[attr-defined]
            wid = self._workshop_id(s, row)
            self._log(s, wid, row.__tablename__, row_id, "update", field="position",  # type: ignore[attr-defined]
                      old=str(index + 1), new=str(target + 1))
            self._touch(s, wid)

    def move_touchpoint(self, touchpoint_id: int, stage_id: int) -> None:
        """Move a touchpoint to the end of another stage of the same workshop."""
        with self.write() as s:
            tp = s.get(Touchpoint, touchpoint_id)
            stage = s.get(Stage, stage_id)
            if tp is None or stage is None:
                raise NotFound("That touchpoint or stage no longer exists.")
            old_stage = s.get(Stage, tp.stage_id)
            if old_stage is None or old_stage.workshop_id != stage.workshop_id:
                raise StoreError("A touchpoint can only move to a stage of the same workshop.")
            tp.stage_id = stage_id
            tp.position = self._next_position(s, Touchpoint, "stage_id", stage_id)
            self._log(s, stage.workshop_id, "touchpoint", touchpoint_id, "update",
                      field="stage", old=old_stage.name, new=stage.name)
            self._touch(s, stage.workshop_id)

    # -- helpers ------------------------------------------------------------------
    @staticmethod
    def _next_position(s: Session, model: type[SQLModel], parent: str, parent_id: int) -> int:
        top = s.exec(select(func.max(model.position))  # type: ignore[attr-defined]
                     .where(getattr(model, parent) == parent_id)).one()
        return 0 if top is None else int(top) + 1

    @staticmethod
    def _workshop_id(s: Session, row: SQLModel) -> int:
        if isinstance(row, Workshop):
            return int(row.id or 0)
        if isinstance(row, Touchpoint):
            stage = s.get(Stage, row.stage_id)
            return int(stage.workshop_id) if stage else 0
        if isinstance(row, HypothesisCard):
            pain = s.get(PainPoint, row.pain_point_id)
            return int(pain.workshop_id) if pain else 0
        if isinstance(row, Vote):
            pain = s.get(PainPoint, row.pain_point_id)
            return int(pain.workshop_id) if pain else 0
        return int(getattr(row, "workshop_id", 0) or 0)

    def _touch(self, s: Session, workshop_id: int) -> None:
        workshop = s.get(Workshop, workshop_id)
        if workshop is not None:
            workshop.updated_at = utcnow()

    def changed(self, s: Session, workshop_id: int | None, kind: str, *,
                presence: bool = False) -> None:
        """Tell other seats on a server what this transaction changed (once committed).

        A file needs nothing: ``PRAGMA data_version`` moves by itself.
        """
        if self.on_server and workshop_id:
            server.notify(s, workshop_id, kind, presence=presence)

    def _log(self, s: Session, workshop_id: int | None, entity: str, entity_id: int | None,
             action: str, *, field: str = "", old: str = "", new: str = "",
             summary: str = "") -> None:
        if not workshop_id:
            return
        self.changed(s, workshop_id, f"{entity}:{action}")
        s.add(ChangeLog(workshop_id=workshop_id, who=self.who, account=self.attribution,
                        entity=entity,
                        entity_id=entity_id, action=action, field=field, old=old, new=new,
                        summary=summary))

    def changes(self, workshop_id: int, since: Any = None) -> list[ChangeLog]:
        """The change log of a workshop, oldest first, optionally since a datetime."""
        with self.read() as s:
            query = select(ChangeLog).where(ChangeLog.workshop_id == workshop_id)
            if since is not None:
                query = query.where(ChangeLog.at >= since)
            return list(s.exec(query.order_by(ChangeLog.at, ChangeLog.id)))  # type: ignore[arg-type]


_NAMES = {"PainPoint": "pain point", "HypothesisCard": "hypothesis card",
          "PlanTask": "plan task", "ChangeLog": "change"}


def gone(model: type[SQLModel]) -> NotFound:
    """The one sentence for an edit or delete prepared against a row that is gone."""
    name = _NAMES.get(model.__name__, model.__name__.lower())
    return NotFound(f"That {name} was deleted by someone else.")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _describe(row: SQLModel) -> str:
    name = (getattr(row, "name", "") or getattr(row, "description", "")
            or getattr(row, "title", "") or getattr(row, "experiment", ""))
    kind = type(row).__name__.lower()
    return f"{kind} {str(name)[:60]}".strip()
