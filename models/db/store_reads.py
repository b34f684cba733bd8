"""Reading workshops out of the store: the Home list, one workshop whole, many at once,
the history and the audit.

Why a module of its own: ``models.db.store`` owns the engine, the transactions and the
file checks; these reads are what rules, screens and exports ask of it, one job apart
from opening and writing.  ``Reads`` is mixed into ``Store``, which sets ``engine``,
``on_server`` and ``path`` when it opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from models.db import bad_cells, server
from models.db.journey import Journey
from models.db.schema import StoreError
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask, Vote
from models.db.tables.history import AuditEntry, ChangeLog
from models.db.tables.method import ChannelCost, EscalationLevel
from models.db.tables.seats import Participant
from models.db.tables.tickets import Reading, TicketSource
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.db.undo import undone_changes

if TYPE_CHECKING:
    from models.db.light_server import ServerLink


class NotFound(StoreError):
    """The workshop (or row) asked for does not exist (any more)."""


class Reads:
    """Read sessions and what is read through them (mixed into ``models.db.store.Store``)."""

    engine: Engine
    on_server: bool
    path: Path
    _listener: server.Listener | None
    _light: ServerLink | None

    def light_source(self) -> Path | ServerLink:
        """What the light readers (``models.db.light_target``) read for this store: its
        file, or its server through one kept connection, closed with the store."""
        return self._light if self._light is not None else self.path

    def server_lost(self) -> str:
        """One sentence while this seat's listener cannot reach the server, else ""."""
        return self._listener.lost if self._listener is not None else ""

    def server_refused(self) -> str:
        """Why the server, answering again, refuses this seat; "" when it is only away."""
        return self._listener.refused if self._listener is not None else ""

    @property
    def where(self) -> str:
        """The database as messages name it (a server URL without its password)."""
        return server.shown(str(self.path)) if self.on_server else str(self.path)


    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only snapshot session; objects stay usable after it closes.

        A server that went away mid-workshop is one sentence, like a file's problems
        (the app's ``h`` ended in psycopg's traceback with the server stopped).  While
        the listener knows it is away, the sentence comes at once: trying would wait
        the connect timeout on the caller's thread (the screen's, for Home) on a
        network that drops packets, and the listener sees first that it is back.
        """
        if self.on_server and self.server_lost():
            raise StoreError(self.server_refused()) if self.server_refused() else \
                server.unreachable(str(self.path))
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as exc:
                self._undecodable(exc, session)
                if not (self.on_server and server.cut_off(exc)):
                    raise
                raise server.problem(str(self.path), exc) from None


    def _refuse_damage(self, s: Session, workshop_ids: list[int] | None,
                       tables: tuple[str, ...] = bad_cells.JOURNEY_TABLES) -> None:
        """``bad_cells.check`` in this read: a value no journeymap wrote is one sentence
        before the ORM's converters meet it (and the light read refuses the same)."""
        bad_cells.check(bad_cells.runner(s), workshop_ids,
                        sqlite=not self.on_server, mark="%s" if self.on_server else "?",
                        tables=tables)

    def _undecodable(self, exc: DBAPIError, s: Session) -> None:
        """A text no UTF-8 decoder takes (sqlite3's "Could not decode to UTF-8 column")
        as ``bad_cells``' sentence, found after the fact: no SQL tells it before."""
        if self.on_server or "decode to UTF-8" not in str(exc.orig):
            return
        run = bad_cells.runner(s)  # the same read: a second session would nest a BEGIN
        ids = [int(r[0]) for r in run("SELECT id FROM workshop", ()).fetchall()]
        bad = bad_cells.first_undecodable(run, ids)
        if bad is not None:
            raise bad_cells.DamagedWorkshop(bad_cells.worded(run, bad), bad.workshop_id) from None

    # -- workshops --------------------------------------------------------------
    def list_workshops(self) -> list[Workshop]:
        """Every workshop, last changed first; in the write open on this thread, if any, so
        a write deciding from them (``copy_portfolio``'s empty destination) reads them
        after its lock."""
        with self._in_write_or_read() as s:
            self._refuse_damage(s, None, ("workshop",))
            return list(s.exec(select(Workshop).order_by(Workshop.updated_at.desc(),  # type: ignore[attr-defined]
                                                         Workshop.id)))

    def list_readable(self) -> tuple[list[Workshop], list[bad_cells.Unreadable]]:
        """``list_workshops`` without the workshops whose own row is damaged, and those
        apart, each with its title and sentence, in the same order.

        Why: one map's hand-written row refused the whole file's list (Home, ``list``,
        the role check of ``import``); the others are the lead's work too.
        """
        sqlite, mark = not self.on_server, "%s" if self.on_server else "?"
        refused: dict[int, str] = {}
        undecodable: dict[int, str] = {}
        while True:  # one read on a sound file: the check, then the rows
            try:
                with self.read() as s:
                    refused = {**bad_cells.damaged(bad_cells.runner(s), None, sqlite=sqlite,
                                                   mark=mark, tables=("workshop",)),
                               **undecodable}
                    rows = list(s.exec(select(Workshop).where(
                        Workshop.id.not_in(list(refused)))  # type: ignore[union-attr]
                        .order_by(Workshop.updated_at.desc(), Workshop.id)))  # type: ignore[attr-defined]
                break
            except bad_cells.DamagedWorkshop:  # a text no UTF-8 decoder takes, found after
                with self.read() as s:
                    run = bad_cells.runner(s)
                    ids = [int(r[0]) for r in run("SELECT id FROM workshop", ()).fetchall()]
                    bad = bad_cells.first_undecodable(
                        run, [i for i in ids if i not in refused], tables=("workshop",))
                    if bad is None:
                        raise
                    undecodable[bad.workshop_id] = bad_cells.worded(run, bad)
        if not refused:
            return rows, []
        with self.read() as s:
            run = bad_cells.runner(s)
            order = [int(r[0]) for r in run("SELECT id FROM workshop ORDER BY updated_at DESC, "
                                             "id", ()).fetchall() if int(r[0]) in refused]
            return rows, [bad_cells.Unreadable(wid, bad_cells.raw_text(
                run, wid, "title", sqlite=sqlite, mark=mark), refused[wid]) for wid in order]

    def title_of(self, workshop_id: int) -> str:
        """The workshop's title (else its scenario) whatever its cells hold, for a sentence
        about a map that may be damaged (``delete``'s question); NotFound when gone."""
        mark = "%s" if self.on_server else "?"
        with self.read() as s:
            run = bad_cells.runner(s)
            if run(f"SELECT 1 FROM workshop WHERE id = {mark}", (workshop_id,)).fetchone() \
                    is None:
                raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
            return bad_cells.named(run, workshop_id, sqlite=not self.on_server, mark=mark)

    def get_workshop(self, workshop_id: int) -> Workshop:
        with self.read() as s:
            self._refuse_damage(s, [workshop_id], ("workshop",))
            workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
        return workshop


    def audit(self) -> list[AuditEntry]:
        """Whole-workshop events (deletions), oldest first; they outlive the workshop."""
        with self.read() as s:
            return list(s.exec(select(AuditEntry).order_by(AuditEntry.at, AuditEntry.id)))  # type: ignore[arg-type]


    def load(self, workshop_id: int,
             letting_go: Callable[[], None] | None = None) -> Journey:
        """Everything under one workshop in one read transaction (a consistent snapshot).

        ``letting_go`` runs once the file is sound and the workshop is there, before
        its rows are read: a reader that replaces a snapshot lets go of the old one
        there, so the two are never whole in memory at once (on a 10,000-touchpoint
        map ~30 MB that the allocator kept after every live refresh).
        """
        with self.read() as s:
            self._refuse_damage(s, [workshop_id])
            workshop = s.get(Workshop, workshop_id)
            if workshop is None:
                raise NotFound(f"There is no workshop {workshop_id} in {self.where}.")
            if letting_go is not None:
                letting_go()
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
                plan_tasks=self._plan_tasks(s, workshop_id),
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

    def plan_tasks(self, workshop_id: int) -> list[PlanTask]:
        """The workshop's plan tasks in plan order, without reading the rest of the map
        (a regenerated plan hands them back: at 10,000 touchpoints a whole load was half
        a second on the screen's thread)."""
        with self._in_write_or_read() as s:
            return self._plan_tasks(s, workshop_id)

    def card_ids(self, workshop_id: int) -> set[int]:
        """The ids of the workshop's cards, without reading the rest of the map."""
        with self._in_write_or_read() as s:
            pains = select(PainPoint.id).where(PainPoint.workshop_id == workshop_id)
            return {int(i) for i in s.exec(select(HypothesisCard.id).where(
                HypothesisCard.pain_point_id.in_(pains)))}  # type: ignore[union-attr]

    @contextmanager
    def _in_write_or_read(self) -> Iterator[Session]:
        """The write open on this thread, else a read: a write that reads what it is
        about to change reads it in its own transaction (``regenerate_plan``)."""
        joined: Session | None = getattr(self._open_write, "session", None)
        if joined is not None:
            yield joined
            return
        with self.read() as s:
            yield s

    @staticmethod
    def _plan_tasks(s: Session, workshop_id: int) -> list[PlanTask]:
        return list(s.exec(select(PlanTask).where(PlanTask.workshop_id == workshop_id)
                           .order_by(PlanTask.position, PlanTask.id)))

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
            self._refuse_damage(s, workshop_ids)
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


    def load_readable(self, skip: int | None = None) -> tuple[list[Journey], list[str]]:
        """Every workshop but ``skip`` in ``list_workshops`` order, as ``load_many`` gives
        them, with the sentence of each one a hand-written value makes unreadable.

        Why: a portfolio (the tracker's "all workshops", an export's review) was
        refused whole for one damaged map; the others are the lead's work too.
        One snapshot when every map is sound; otherwise one read per workshop.
        """
        with self.read() as s:
            ids = [int(i) for i in s.exec(select(Workshop.id).order_by(  # type: ignore[call-overload]
                Workshop.updated_at.desc(), Workshop.id)) if i != skip]  # type: ignore[attr-defined]
        try:
            return self.load_many(ids), []
        except bad_cells.DamagedWorkshop:
            pass
        found: list[Journey] = []
        refused: list[str] = []
        for wid in ids:
            try:
                found.append(self.load(wid))
            except bad_cells.DamagedWorkshop as exc:
                refused.append(str(exc))
        return found, refused

    def changes(self, workshop_id: int, since: Any = None) -> list[ChangeLog]:
        """The change log of a workshop, oldest first, optionally since a datetime (a
        hand-written time in it is ``bad_cells``' sentence, as in the workshop's rows)."""
        with self.read() as s:
            self._refuse_damage(s, [workshop_id], ("changelog",))
            query = select(ChangeLog).where(ChangeLog.workshop_id == workshop_id)
            if since is not None:
                query = query.where(ChangeLog.at >= since)
            return list(s.exec(query.order_by(ChangeLog.at, ChangeLog.id)))  # type: ignore[arg-type]

    def recent_changes(self, workshop_id: int, limit: int) -> list[ChangeLog]:
        """The newest ``limit`` log entries of a workshop, newest first (one indexed query).

        A hand-written value in them (``changelog.at = 'garbage'``) is ``bad_cells``'
        sentence; asked only once the ORM refused a row, since the activity panel
        reads this after every change in the room and a sound log needs no check."""
        query = select(ChangeLog).where(ChangeLog.workshop_id == workshop_id) \
            .order_by(ChangeLog.id.desc()).limit(limit)  # type: ignore[union-attr]
        try:
            with self.read() as s:
                return list(s.exec(query))
        except (ValueError, TypeError):
            with self.read() as s:
                self._refuse_damage(s, [workshop_id], ("changelog",))
            raise

    def undone(self, changes: list[ChangeLog]) -> dict[int, ChangeLog]:
        """The changes the undos among ``changes`` took back, by id (for the log's words)."""
        with self.read() as s:
            return undone_changes(s, changes)
