"""What happened: the per-workshop change log and the portfolio audit trail.

Kept apart from the map's own tables because a room shares one file: every edit
says who made it (the claimed name and the OS account beside it), ``undo`` takes
back one's own change from this log, and ``log --deleted`` still answers after the
workshop and its log are gone.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Field, SQLModel

from models.db.tables.base import _fk, utcnow


class ChangeLog(SQLModel, table=True):
    """Attribution: who changed which field of what, from what to what, and when."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(sa_column=_fk("workshop.id"))
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    who: str = ""
    entity: str = ""  # table name
    entity_id: int | None = None
    action: str = "update"  # create / update / delete
    field: str = ""
    old: str = ""
    new: str = ""
    summary: str = ""
    account: str = ""  # OS login (and key, through ``seat``) beside the claimed name
    imported: bool = False  # came in with a JSON import: another file's word, not this one's


class AuditEntry(SQLModel, table=True):
    """Portfolio-level log of whole-workshop events (deletions).

    No foreign key on purpose: deleting a workshop cascades its ``ChangeLog``
    away, so who deleted it must be written somewhere the cascade cannot reach.
    """

    __tablename__ = "audit"
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    action: str = "delete"
    workshop_id: int = 0
    title: str = ""
    who: str = ""
    account: str = ""
