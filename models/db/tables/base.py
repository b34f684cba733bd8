"""What every table module shares: UTC time stamps, cascading foreign keys, the file stamp.

Free text columns default to ``""`` rather than ``NULL`` in every table: the UI and
the exports then never have to tell "empty" from "missing".
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Aware UTC timestamp: every stored time is UTC; the UI converts for display."""
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column:  # type: ignore[type-arg]
    """A foreign-key column that the database itself cascades (or nulls) on delete."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class Meta(SQLModel, table=True):
    """Key/value stamp: which application wrote this file and at which schema version."""

    __tablename__ = "journeymap_meta"
    key: str = Field(primary_key=True)
    value: str = ""
