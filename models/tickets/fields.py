"""The fields an import fills, the kind of value each holds, and how column names compare.

Apart from the products' column names (``profiles``) because every reader needs these few
names (the engine, the mapping, the after-import checks) and none of them needs a product.
"""

from __future__ import annotations

import re

from models.tickets.stats import WAIT_SERIES

# field → value kind; the kinds are read by models.tickets.facts.
FIELDS: dict[str, str] = {
    "id": "text",
    "created": "date",
    "resolved": "date",
    "closed": "date",
    "updated": "date",
    "first_response_at": "date",
    "status": "status",
    "reopens": "count",
    "replies": "count",
    "reassignments": "count",
    "assignee_stations": "count",
    "fcr": "bool",
    "sla_met": "bool",
    "sla_remaining": "sla_clock",
    "csat": "csat",
    "first_response_minutes": "number",
    "first_response_hours": "number",
    # requester wait, agent wait, on-hold, each also within business hours (stats.WAITS)
    **{f"{s}_minutes": "number" for s in WAIT_SERIES},
    "category": "text",
    "channel": "text",
    "priority": "text",
    "group": "text",
}
REQUIRED = ("id", "created")
DIMENSIONS = ("category", "channel", "priority", "group")
# every way the metrics engine groups tickets (metrics.table, ``tickets show --by``): a
# dimension of the export, or the month a ticket was created in
GROUPINGS = (*DIMENSIONS, "period")

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# A time zone written after a column's name, as Intercom does: "(America/New_York)", "(UTC)".
_ZONE = re.compile(r"\s*\((?:[A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+|UTC|GMT|Etc/[A-Za-z0-9+-]+)\)\s*$")


def normalise(header: str) -> str:
    """``First response time (in hrs)`` → ``first_response_time_in_hrs``; a trailing time
    zone is dropped (``Conversation started at (America/New_York)`` →
    ``conversation_started_at``): the times are read as written, in that zone."""
    return _NON_ALNUM.sub("_", _ZONE.sub("", header.strip()).lower()).strip("_")
