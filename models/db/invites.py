"""Browser seat invites: a per-person secret link a lead hands out (``journeymap invite``).

Why a token and not a name: ``journeymap serve`` runs one command for every browser
tab, so nothing about the visitor can be trusted.  The lead creates an invite for a
name and a role; the visitor brings only the secret.  Its SHA-256 is the one thing
stored (a copy of the database opens no seat), ``verify`` looks it up by hash, and
the seat's name and role come from the row, never from the visitor.  Each invite is
its own "key" (``invite:ID``) in the seat and the change log, as an SSH key is for
the ``seat`` forced command, so revoking one link never touches another.

The table is created on first use too: a file made before invites existed gets it
without a schema step (an additive table older journeymaps simply ignore).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from sqlmodel import select

from models.db import no_id_reuse
from models.db.access import AccessError, check_role
from models.db.dbfile import StoreError
from models.db.fields import coerce
from models.db.store import Store
from models.db.tables.base import utcnow
from models.db.tables.seats import Invite, Participant
from models.db.tables.workshop import Workshop
from models.rules.counts import plural
from models.rules.names import checked, confusable_with, normalize
from models.vocab import INVITE_KEY_PREFIX as KEY_PREFIX

TOKEN_BYTES = 32  # 256 bits: guessing is hopeless, so no rate limit is needed


@dataclass(frozen=True)
class Seat:
    """What a valid token grants: the seat to take, decided by the lead."""

    invite_id: int
    workshop_id: int
    name: str
    role: str

    @property
    def key(self) -> str:
        """The seat's key (``Participant.key``, change log): one per invite."""
        return f"{KEY_PREFIX}{self.invite_id}"


@dataclass(frozen=True)
class Listed:
    """An invite as ``journeymap invite --list`` shows it (no hash)."""

    id: int
    name: str
    role: str
    created_at: dt.datetime
    created_by: str
    expires_at: dt.datetime | None
    revoked: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def ensure_table(store: Store) -> None:
    """Create the invite table in a file made before it existed (idempotent)."""
    no_id_reuse.mark_autoincrement()
    with store.write() as s:
        Invite.__table__.create(s.connection(), checkfirst=True)  # type: ignore[attr-defined]


def _aware(when: dt.datetime) -> dt.datetime:
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def create(store: Store, workshop_id: int, name: str, role: str, *,
           days: int | None = None) -> tuple[Invite, str]:
    """A new invite and its token (shown once); the caller has checked the lead's role.

    Refused: a name an OS account or SSH key already holds in the workshop (the
    browser seat would take it over and lock its owner out), the creator's name, and
    a new name that looks like someone else's.
    """
    check_role(role)
    clean = str(coerce(Participant, "name", checked(name)))
    if not clean:
        raise AccessError("An invite needs the person's name.")
    if days is not None and days < 1:
        raise AccessError("An invite is valid for at least one day (--days 1 or more).")
    ensure_table(store)
    token = secrets.token_urlsafe(TOKEN_BYTES)
    with store.write() as s:
        workshop = s.get(Workshop, workshop_id)
        if workshop is None:
            raise StoreError(f"There is no workshop {workshop_id} in {store.where}.")
        people = list(s.exec(select(Participant).where(Participant.workshop_id == workshop_id)))
        row = next((p for p in people if p.name == clean), None)
        held = row is not None and row.account and not row.key.startswith(KEY_PREFIX)
        if held or (row is None and clean == workshop.lead):
            owner = row.account if row is not None and row.account else workshop.lead_account
            raise AccessError(f"The name {clean!r} belongs to the account {owner} in workshop "
                              f"{workshop_id}; invite the person under a name of their own.")
        if row is None:
            other = confusable_with(clean, [p.name for p in people] + [workshop.lead])
            if other is not None:
                raise AccessError(f"The name {clean!r} looks like {other!r}, who is already in "
                                  "this workshop; choose a clearly different name.")
        invite = Invite(workshop_id=workshop_id, name=clean, role=role,
                        token_hash=token_hash(token),
                        created_by=f"{store.who} ({store.attribution})",
                        expires_at=utcnow() + dt.timedelta(days=days) if days else None)
        s.add(invite)
        s.flush()
        store._log(s, workshop_id, "invite", invite.id, "create", new=f"{clean} ({role})",
                   summary=f"invited {clean} as {role} (browser seat)")
        return invite, token


def verify(store: Store, token: str, *, now: dt.datetime | None = None) -> Seat:
    """The seat a token opens; AccessError (one sentence) when it opens none."""
    if not token:
        raise AccessError("This address needs the personal invitation link the workshop "
                          "lead sent you.")
    unknown = AccessError("This link is not a valid journeymap invitation.")
    if len(token) > 200:
        raise unknown
    try:
        with store.read() as s:
            invite = s.exec(select(Invite).where(Invite.token_hash == token_hash(token))).first()
    except DBAPIError as exc:
        if "invite" in str(exc).lower():  # a file from before invites: no table, no invite
            raise unknown from None
        reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
        raise StoreError(f"The invitation could not be checked: {reason}.") from None
    if invite is None:
        raise unknown
    if invite.revoked_at is not None:
        raise AccessError("This invitation was revoked; ask the workshop lead for a new link.")
    if invite.expires_at is not None and _aware(invite.expires_at) <= (now or utcnow()):
        raise AccessError("This invitation has expired; ask the workshop lead for a new link.")
    return Seat(int(invite.id or 0), invite.workshop_id, invite.name, invite.role)


def revoke(store: Store, workshop_id: int, name: str) -> int:
    """Revoke every open invite for ``name`` in the workshop; how many were revoked."""
    ensure_table(store)
    clean = normalize(name)
    with store.write() as s:
        rows = list(s.exec(select(Invite).where(Invite.workshop_id == workshop_id,
                                                Invite.name == clean,
                                                Invite.revoked_at == None)))  # noqa: E711
        for row in rows:
            row.revoked_at = utcnow()
            s.add(row)
        if rows:
            store._log(s, workshop_id, "invite", rows[0].id, "update", field="revoked",
                       new="yes",
                       summary=f"revoked {plural(len(rows), 'browser invitation')} of {clean}")
        return len(rows)


def listed(store: Store, workshop_id: int) -> list[Listed]:
    """The workshop's invites, oldest first, without their hashes."""
    try:
        with store.read() as s:
            rows = list(s.exec(select(Invite).where(Invite.workshop_id == workshop_id)
                               .order_by(Invite.id)))  # type: ignore[arg-type]
    except DBAPIError:
        return []
    return [Listed(int(r.id or 0), r.name, r.role, r.created_at, r.created_by, r.expires_at,
                   r.revoked_at is not None) for r in rows]
