"""Who is in a workshop right now: seats, heartbeats, follow mode and "done" signals.

Presence lives in the ``Participant`` table of the shared database, so every
seat (another SSH session, another terminal) sees the others without any
server: each seat writes its own row every few seconds (``heartbeat``) and
reads everyone's rows with the journey.  A seat is *active* while its last
heartbeat is younger than a short window; a dropped connection therefore just
fades out, and rejoining under the same name finds the same row (role, step,
follow mode) again.

Presence writes are deliberately *not* attribution: they go through
``Store.update(..., log=False)`` and never touch ``workshop.updated_at``, so
six seats heart-beating do not fill the change log.

Observers.  An observer's workshop edits go through a ``Store(read_only=True)``
(``PRAGMA query_only``: the database itself refuses them).  Its own presence
row must still be written, so ``open_seat`` gives an observer a *second*
store, ``presence_store`` (``models.live.observer_guard``), whose connections may
write the presence columns of its own participant row and nothing else: the observer
can announce itself and move its step, but never write a role above observer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, select

from models.db import grant_log
from models.db.access import (
    AccessError,
    bind_uid,
    check_role,
    login_uid,
    require,
    seat_role,
)
from models.db.fields import FieldError, coerce
from models.db.grant_binding import granted_account
from models.db.journey import Journey
from models.db.store import NotFound, Store
from models.db.tables.base import utcnow
from models.db.tables.seats import Participant
from models.db.tables.workshop import Workshop
from models.live.observer_guard import presence_store
from models.rules.names import checked, confusable_with
from models.vocab import STEPS, WINDOW_S

# ``leave`` has no column of its own: it moves ``last_seen`` back by this much so
# the row reads as gone at once yet keeps role and step for a later rejoin.
LEFT_OFFSET = dt.timedelta(days=1)


def aware(when: dt.datetime) -> dt.datetime:
    """Stored times are UTC; a naive value read back from SQLite is taken as UTC."""
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def _clean_name(name: str) -> str:
    clean = checked(name)
    if not clean:
        raise FieldError("A participant needs a name (use --as NAME).")
    return str(coerce(Participant, "name", clean))


def _look_alike(clean: str, rows: list[Participant]) -> None:
    other = confusable_with(clean, [p.name for p in rows])
    if other is not None:
        raise AccessError(f"The name {clean!r} looks like {other!r}, who is already in this "
                          "workshop; choose a clearly different name.")


def join(store: Store, workshop_id: int, name: str, role: str | None = None,
         step: str | None = None, *, cap: str | None = None, grant: str | None = None,
         key: str = "", origin: str = "") -> Participant:
    """Take (or retake) a seat; returns the participant row.

    The role is decided by ``models.db.access.seat_role``: a returning participant
    keeps the role they had, the creator (name *and* OS account) is the lead, anyone
    else at most a participant and at most what a lead granted their account;
    ``role`` (``--role``) and ``cap`` (a ``seat`` line's ROLE) only lower it, and
    ``grant`` is a checked browser invitation.  A lowered role is stored (it sticks
    until a lead grants again).  A new name that looks like someone else's is refused.
    Rejoining keeps the step they were on unless ``step`` is given, so a dropped
    connection resumes where it was.  Taking a seat binds the login's uid to its
    bindings in the workshop that have none yet (an older file).
    """
    clean = _clean_name(name)
    wanted = coerce(Participant, "role", role) if role else None
    if step is not None and step not in STEPS:
        raise FieldError(f"step must be one of: {', '.join(STEPS)}.")
    with store.write() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            raise NotFound(f"There is no workshop {workshop_id} in {store.where}.")
        rows = list(s.exec(select(Participant).where(Participant.workshop_id == workshop_id)))
        row = next((p for p in rows if p.name == clean), None)
        if row is None:
            _look_alike(clean, rows)
        effective = seat_role(workshop, rows, clean, store.account, requested=wanted,
                              cap=cap, grant=grant, uid=store.uid,
                              logged=logged_role(s, workshop_id, row))
        if row is None:
            row = Participant(workshop_id=workshop_id, name=clean, role=effective,
                              current_step=step or workshop.current_step or STEPS[0])
            s.add(row)
        else:
            row.role = effective
            if step:
                row.current_step = step
        if cap is not None or grant is not None or not row.account:
            row.account, row.key, row.origin = store.account, key, origin
            row.account_uid = store.uid
        bind_uid(workshop, rows, store.account, store.uid)
        row.last_seen = utcnow()
        s.flush()
        store.changed(s, workshop_id, "presence", presence=True)
        return row


def grant(store: Store, workshop_id: int, name: str, role: str, *,
          as_seat: bool = False, account: str | None = None) -> Participant:
    """A lead gives ``name`` a role (creating the seat if the name is new); logged.

    Checked by ``models.db.access.require`` against the store's OS account (``as_seat``:
    against the role of the app's seat, ``store.who``).  The seat is bound to an OS
    account (``account``, else the login of that name) by ``grant_binding.granted_account``:
    granted, never claimed by whoever joins first.  The same role again is logged when
    no logged grant backed it: how a map's creator backs a lead an older map holds.
    """
    require(store, workshop_id, store.account, "grant", key=store.key,
            seat=store.who if as_seat else None)
    clean = _clean_name(name)
    role = check_role(role)
    with store.write() as s:
        rows = list(s.exec(select(Participant).where(Participant.workshop_id == workshop_id)))
        row = next((p for p in rows if p.name == clean), None)
        bound = granted_account(workshop_id, clean, role, row.account if row else "", account)
        # The uid that login has now: a later account re-created under it is not granted.
        uid = login_uid(bound) if bound and not store.on_server else None
        if row is None:
            _look_alike(clean, rows)
            row = Participant(workshop_id=workshop_id, name=clean, role=role, account=bound,
                              account_uid=uid, last_seen=utcnow() - LEFT_OFFSET)
            s.add(row)
            old, backed = "", False
        else:
            backed = logged_role(s, workshop_id, row) == row.role
            old, row.role, row.account, row.account_uid = row.role, role, bound, uid
        s.flush()
        if old != role or not backed:  # the same role again logs the grant it lacked
            store._log(s, workshop_id, "participant", row.id, "update", field="role",
                       old=old, new=role, summary=f"{clean}: role {old or 'none'} → {role}"
                       if old != role else f"{clean}: role {role} granted again")
        return row


def logged_role(s: Session, workshop_id: int, participant: Participant | None) -> str | None:
    """The role the last logged grant gave this seat (``grant_log.granted_role``: written
    by someone other than the seat itself, naming a role); None when no such grant was logged.

    The change log is what an observer's presence connection never writes
    (``observer_guard``), so a role found here was given, while one found only in the
    participant row may have been written by anyone who could write that row.
    """
    from models.db.tables.history import ChangeLog

    if participant is None or participant.id is None:
        return None
    entry = s.exec(select(ChangeLog).where(
        ChangeLog.workshop_id == workshop_id, ChangeLog.entity == grant_log.ENTITY,
        ChangeLog.entity_id == participant.id, ChangeLog.field == grant_log.FIELD)
        .order_by(ChangeLog.id.desc())).first()  # type: ignore[union-attr]
    if entry is None:
        return None
    return grant_log.granted_role(entry.who, entry.new, participant.name)


def granted(store: Store, workshop_id: int, participant: Participant) -> bool:
    """Whether ``participant``'s stored role is the last role a lead's ``grant`` logged
    for that seat (``logged_role``): a role claimed in the row raises nothing live."""
    with store.read() as s:
        return logged_role(s, workshop_id, participant) == participant.role


def heartbeat(store: Store, participant_id: int, step: str | None = None) -> Participant:
    """"Still here (on this step)": refreshes ``last_seen``; not logged.

    Not announced on a server unless the step moved: the other seats see a seat
    fade or come back at their own heartbeat (``Pairing.beat``).
    """
    changes: dict[str, Any] = {"last_seen": utcnow()}
    if step is not None:
        changes["current_step"] = step
    return store.update(Participant, participant_id, log=False, announce=False, **changes)


def leave(store: Store, participant_id: int) -> None:
    """Quit cleanly: the seat reads as gone at once, but the row (role, step) stays."""
    try:
        store.update(Participant, participant_id, log=False,
                     last_seen=utcnow() - LEFT_OFFSET, following=False)
    except NotFound:
        pass  # the workshop was deleted meanwhile: nothing left to leave


def set_following(store: Store, participant_id: int, following: bool) -> Participant:
    """Follow the lead's step (or stop following); one key in the app."""
    return store.update(Participant, participant_id, log=False, following=following)


def set_done(store: Store, participant_id: int, step: str | None) -> Participant:
    """Say "I am done with this step" (``step``) or take it back (``None``)."""
    if step and step not in STEPS:
        raise FieldError(f"step must be one of: {', '.join(STEPS)}.")
    return store.update(Participant, participant_id, log=False, done_step=step or "")


def is_active(participant: Participant, now: dt.datetime, window_s: float = WINDOW_S) -> bool:
    return aware(now) - aware(participant.last_seen) <= dt.timedelta(seconds=window_s)


def active(journey_or_store: Journey | Store, workshop_id: int, now: dt.datetime,
           window_s: float = WINDOW_S) -> list[Participant]:
    """Seats heard from within ``window_s`` seconds, lead first, then by name."""
    if isinstance(journey_or_store, Journey):
        rows = [p for p in journey_or_store.participants if p.workshop_id == workshop_id]
    else:
        rows = participants(journey_or_store, workshop_id)
    here = [p for p in rows if is_active(p, now, window_s)]
    return sorted(here, key=lambda p: (p.role != "lead", p.name.casefold(), p.id or 0))


def participants(store: Store, workshop_id: int) -> list[Participant]:
    """Every seat ever taken in a workshop (active or not), in joining order."""
    with store.read() as s:
        return list(s.exec(select(Participant).where(Participant.workshop_id == workshop_id)
                           .order_by(Participant.id)))  # type: ignore[arg-type]


@dataclass
class Seat:
    """One person's place in one workshop: the store for edits, the one for presence.

    For leads and participants both are the same object.  For observers
    ``store`` is read-only (edits are refused by SQLite) and ``presence`` may
    only write participant rows.
    """

    store: Store
    presence: Store
    participant: Participant

    @property
    def name(self) -> str:
        return self.participant.name

    @property
    def role(self) -> str:
        return self.participant.role

    def heartbeat(self, step: str | None = None) -> None:
        self.participant = heartbeat(self.presence, self.participant.id or 0, step)

    def follow(self, following: bool) -> None:
        self.participant = set_following(self.presence, self.participant.id or 0, following)

    def done(self, step: str | None) -> None:
        self.participant = set_done(self.presence, self.participant.id or 0, step)

    def leave(self) -> None:
        leave(self.presence, self.participant.id or 0)

    def close(self) -> None:
        """Leave and release both stores."""
        try:
            self.leave()
        finally:
            if self.presence is not self.store:
                self.presence.close()
            self.store.close()


def open_seat(path: str | Path | None, workshop_id: int, name: str,
              role: str | None = None, *, cap: str | None = None, grant: str | None = None,
              key: str = "", origin: str = "") -> Seat:
    """Join a workshop as ``name`` and hand back the stores the app should use.

    ``cap``/``key``/``origin`` come from the ``seat`` forced command and ``grant`` from
    a checked browser invitation (see ``join``).
    """
    clean = _clean_name(name)
    probe = Store(path, read_only=True)  # reads only: no name to act as
    try:
        workshop = probe.get_workshop(workshop_id)
        rows = participants(probe, workshop_id)
        with probe.read() as s:
            logged = logged_role(s, workshop_id, next((p for p in rows if p.name == clean),
                                                      None))
    finally:
        probe.close()
    effective = seat_role(workshop, rows, clean, probe.account,
                          requested=coerce(Participant, "role", role) if role else None,
                          cap=cap, grant=grant, uid=probe.uid, logged=logged)
    if effective == "observer":
        edits = Store(path, who=clean, read_only=True)
        presence = presence_store(path, clean)
    else:
        edits = presence = Store(path, who=clean)
    for opened in {id(edits): edits, id(presence): presence}.values():
        opened.key = key
    try:
        participant = join(presence, workshop_id, name, effective, cap=cap, grant=grant,
                           key=key, origin=origin)
    except Exception:
        edits.close()
        if presence is not edits:
            presence.close()
        raise
    return Seat(store=edits, presence=presence, participant=participant)
