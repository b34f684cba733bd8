"""Cost per contact per channel: which channels of the map still need one, and saving one.

The business case multiplies by these numbers, so every channel the map uses
should have one, and the lead should confirm each default.  One row per channel
regardless of how it is typed ("Phone" and "phone " are the same channel), so
saving updates the existing row instead of adding a second that would be ignored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.db.fields import FieldError
from models.db.journey import Journey

if TYPE_CHECKING:  # annotations only: rules also run on a light Journey, without the ORM
    from models.db.tables.method import ChannelCost

COST_FIELDS: frozenset[str] = frozenset({"cost_per_contact", "handle_minutes", "confirmed"})


def channels_without_cost(journey: Journey) -> list[str]:
    """Channels used by touchpoints (first spelling, map order) with no cost per contact."""
    seen: dict[str, str] = {}
    for tp in journey.ordered_touchpoints():
        name = tp.channel.strip()
        if name:
            seen.setdefault(name.casefold(), name)
    missing = []
    for name in seen.values():
        row = journey.channel_cost(name)
        if row is None or row.cost_per_contact is None:
            missing.append(name)
    return missing


def unconfirmed_costs(journey: Journey) -> list[ChannelCost]:
    """Cost rows that are still a default the lead has not confirmed."""
    return [c for c in journey.channel_costs if not c.confirmed]


def save_channel_cost(store: Any, journey: Journey, channel: str, **fields: Any) -> ChannelCost:
    """Create or update the cost row of a channel; returns the stored row.

    ``store`` is a ``models.db.store.Store`` (typed loosely, as in ``handoffs``);
    values are validated by the store (costs and minutes 0 or more).
    """
    from models.db.tables.method import ChannelCost

    unknown = sorted(set(fields) - COST_FIELDS)
    if unknown:
        raise FieldError(f"A channel cost has no field {unknown[0]!r}.")
    if not channel.strip():
        raise FieldError("channel cannot be empty.")
    row = journey.channel_cost(channel)
    if row is not None and row.id is not None:
        saved: ChannelCost = store.update(ChannelCost, row.id, **fields)
    else:
        saved = store.add(ChannelCost(workshop_id=int(journey.workshop.id or 0),
                                      channel=channel.strip(), **fields))
        journey.channel_costs.append(saved)
    return saved
