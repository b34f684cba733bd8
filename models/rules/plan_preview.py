"""An unsaved plan task: what the exports show for a map nobody has planned yet.

``tables.PlanTask``'s fields and defaults, without the ORM: the exports only read
these, and must not need SQLModel to make them (``export`` reads with plain
sqlite3).  ``tests/models/test_plan_preview.py`` keeps the fields in step with
the table.  A plain class with ``__slots__``, not a ``NamedTuple``: every export
of an unplanned map makes its preview, and a twelve-field named tuple cost ~1.8 M
instructions at import (its ``__new__`` compiled, each string annotation compiled
again as a ``ForwardRef``); nothing unpacks, compares or replaces a preview task.
"""

from __future__ import annotations

import datetime as dt


class PreviewTask:
    """One task of the generated plan as a ``PlanTask`` row would read (id 0: not saved)."""

    __slots__ = ("id", "workshop_id", "key", "phase", "title", "detail", "owner", "start",
                 "deadline", "status", "edited", "position")

    def __init__(self, *, id: int | None = 0, workshop_id: int = 0, key: str = "",  # noqa: A002
                 phase: str = "", title: str = "", detail: str = "", owner: str = "",
                 start: dt.date | None = None, deadline: dt.date | None = None,
                 status: str = "proposed", edited: bool = False, position: int = 0) -> None:
        self.id = id
        self.workshop_id = workshop_id
        self.key = key
        self.phase = phase
        self.title = title
        self.detail = detail
        self.owner = owner
        self.start = start
        self.deadline = deadline
        self.status = status
        self.edited = edited
        self.position = position
