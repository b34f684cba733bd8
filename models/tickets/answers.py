"""A ticket's answer columns (status, reopens, replies, reassignments, FCR, SLA, CSAT) turned
into its ``Flags``: what the rates count.

Kept apart from the row reader because it is the part that decides meaning (a status word
wins over timestamps; assignee stations > 1 is a reassignment) while the reader decides speed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from models.tickets import values
from models.tickets.stats import Flags

# The state of a ticket whose status word is not known and that has no resolution time: it
# counts as a ticket, but neither in the backlog nor as resolved.
UNKNOWN_STATE = "unknown"


def count_or_flag(value: str) -> int | None:
    """A reopen/reassignment cell: a count (``2``) or a yes/no flag (``TRUE`` → 1)."""
    try:
        return values.parse_count(value)
    except ValueError:
        flag = values.parse_bool(value)
        return None if flag is None else int(flag)


ANSWER_FIELDS: tuple[tuple[str, Callable[[str], Any]], ...] = (
    ("status", values.status_state),
    ("reopens", count_or_flag),
    ("replies", values.parse_count),
    ("reassignments", count_or_flag),
    ("assignee_stations", values.parse_count),
    ("fcr", values.parse_bool),
    ("sla_met", values.parse_sla),
    ("sla_remaining", values.parse_sla_clock),
    ("csat", values.parse_csat),
)


def flags_of(
    fields: Sequence[tuple[str, Callable[[str], Any], int]],
    texts: Sequence[str],
    done_known: bool,
) -> tuple[Flags, list[int]]:
    """The flags of one combination of answer cells, and the columns it could not read.

    ``fields`` are (field, parser, column index) for the answer columns the export has;
    ``done_known`` says whether the ticket has a resolution timestamp, which decides the state
    only when there is no readable status.
    """
    got: dict[str, Any] = {}
    failed: list[int] = []
    for (name, parse, col), text in zip(fields, texts, strict=True):
        try:
            got[name] = parse(text)
        except ValueError:
            failed.append(col)
    reassigned: bool | None = None
    if got.get("reassignments") is not None:
        reassigned = got["reassignments"] > 0
    if got.get("assignee_stations") is not None:
        reassigned = bool(reassigned) or got["assignee_stations"] > 1
    state = got.get("status") or ("resolved" if done_known else "open")
    if "status" not in got and any(name == "status" for name, _, _ in fields):
        # a status word it does not know says nothing about being open: only a resolution
        # time decides, and without one the ticket is neither open nor resolved
        state = "resolved" if done_known else UNKNOWN_STATE
    sla = got.get("sla_met")
    clock = got.get("sla_remaining")
    if sla is None and clock is not None:
        # A stopped clock with time left was met; a breached one is missed, open or not; an
        # open ticket with time left has no verdict yet.
        sla = False if clock < 0 else (True if state == "resolved" else None)
    flags = Flags(state, got.get("reopens"), reassigned, got.get("replies"), got.get("fcr"),
                  sla, got.get("csat"))
    return flags, failed
