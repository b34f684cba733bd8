"""Who is in a workshop: participant seats and the browser invitations a lead hands out.

A table apart from the map because an observer's connection writes here and nowhere
else (``live/observer_guard``: only the seat columns of its own row),
and an invitation keeps only its token's hash, never the link a lead sent.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk, utcnow


class Participant(SQLModel, table=True):
    """A seat in the workshop: who, with which role, where they are and when last seen."""

    __table_args__ = (UniqueConstraint("workshop_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    name: str = ""
    role: str = "participant"
    last_seen: dt.datetime = Field(default_factory=utcnow)
    current_step: str = "scope"
    following: bool = False
    done_step: str = ""  # the step this participant said they are done with
    # Who is behind the name (models.db.access): the OS login that took the seat, and for
    # a ``seat`` forced command the key fingerprint and SSH origin the administrator set.
    account: str = ""
    account_uid: int | None = None  # the login's uid when bound (None: older file, server)
    key: str = ""
    origin: str = ""


class Invite(SQLModel, table=True):
    """A browser seat a lead handed out (``journeymap invite``): who, with which role.

    Only the SHA-256 of the secret token is kept: the token itself is printed once in
    the link, so a copy of the database opens no seat.  Revoked and expired invites
    stay as a record of who was let in.
    """

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    name: str = ""
    role: str = "participant"
    token_hash: str = Field(default="", index=True, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    created_by: str = ""  # the lead's name and OS account
    expires_at: dt.datetime | None = None
    revoked_at: dt.datetime | None = None
