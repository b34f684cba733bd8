"""Which step a seat opens on, and which step the lead is on (stdlib only).

Why a module of its own: the app's first screen is drawn from rows read with
plain ``sqlite3`` before SQLModel is imported, and it must already open on the
right step; so this reads only attributes, never a store.

What a workshop lead expects when someone's connection drops and they come back
(README, "When a connection drops"): they return to the step *they* were on,
not to wherever some other seat last moved (the workshop's ``current_step``).
A seat that was following the lead returns to the lead's step: "follow me"
outlives the dropped connection.  A name that has never sat in this workshop
opens where the room last was, the workshop's ``current_step``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from models.rules.names import normalize
from models.vocab import STEPS

if TYPE_CHECKING:
    from models.db.journey import Journey


def _seen(row: Any) -> float:
    """A row's last heartbeat as a sortable number (naive times are UTC, as stored)."""
    when = row.last_seen
    return (when if when.tzinfo else when.replace(tzinfo=dt.UTC)).timestamp()


def lead_row(journey: Journey) -> Any | None:
    """The lead's seat: the creator's row, else the most recently seen ``lead``."""
    for p in journey.participants:
        if p.name == journey.workshop.lead:
            return p
    leads = [p for p in journey.participants if p.role == "lead"]
    return max(leads, key=_seen) if leads else None


def lead_step(journey: Journey) -> str | None:
    """The step the lead is on, for followers; ``None`` when the lead has no seat."""
    row = lead_row(journey)
    return row.current_step if row else None


def own_step(journey: Journey, name: str) -> str:
    """The step ``name``'s seat opens on (see the module docstring for the rule)."""
    clean = normalize(name)
    row = next((p for p in journey.participants if p.name == clean), None) if clean else None
    step = journey.workshop.current_step
    if row is not None:
        step = row.current_step
        if row.following and row.role != "lead":
            step = lead_step(journey) or step
    return step if step in STEPS else "scope"
