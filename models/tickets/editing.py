"""Who may change a workshop's ticket data, the workshop's business hours and its latest
import: what every ticket command checks or reads before it writes.

Apart from the import and the links because the CLI's hours commands, the Data screen and
the card and stage dialogs all need these without the rest.
"""

from __future__ import annotations

from sqlmodel import Session, select

from models.db.store import Store
from models.db.tables.tickets import TicketSource
from models.db.tables.workshop import Workshop
from models.tickets import hours
from models.tickets.hours import Schedule
from models.tickets.zones import typed_zone


class EditorOnly(ValueError):
    """An observer tried to change the workshop's ticket data."""


def require_editor(store: Store, workshop_id: int) -> Workshop:
    """The workshop, when this store may change it.

    Who may edit is decided by ``models.db.access`` (the CLI asks it per OS account, the app
    per seat through ``tui.actions``); here only an observer's read-only store is refused,
    with a sentence rather than the store's generic one.
    """
    workshop = store.get_workshop(workshop_id)
    if store.read_only:
        raise EditorOnly(f"This seat is an observer of workshop {workshop_id} and cannot "
                         "change its ticket data.")
    return workshop


def schedule_of(workshop: Workshop) -> Schedule | None:
    """The workshop's business-hours schedule, or None when none is set."""
    return hours.stored(workshop.business_hours)


def set_hours(store: Store, workshop_id: int, *, days: str, start: str, end: str, tz: str,
              holidays: list[str] | None = None) -> str:
    """Store the workshop's business hours (ValueError in one sentence, nothing changed, when
    a value is wrong); the next import counts durations in them. Returns the summary."""
    require_editor(store, workshop_id)
    schedule = Schedule.parse(days, start, end, typed_zone(tz), holidays or [])
    store.update(Workshop, workshop_id, business_hours=schedule.to_json())
    return schedule.summary()


def clear_hours(store: Store, workshop_id: int) -> str:
    require_editor(store, workshop_id)
    store.update(Workshop, workshop_id, business_hours="")
    return "business hours cleared"


def latest_source(store: Store, workshop_id: int) -> TicketSource | None:
    with store.read() as s:
        return latest_source_in(s, workshop_id)


def latest_source_in(s: Session, workshop_id: int) -> TicketSource | None:
    """The workshop's latest import as ``s`` reads it: inside a write, under its lock, so
    the links changed are those of the source that is the latest when the write commits
    (another seat's import or mapping may have come since a read before the write)."""
    return s.exec(select(TicketSource).where(TicketSource.workshop_id == workshop_id)
                  .order_by(TicketSource.id.desc())).first()  # type: ignore[union-attr]
