"""Time zones of a ticket export: the one a person gives, one a header names, and the
conversion of a naive wall-clock time to UTC.

Why a module of its own: every zone a person types (``tickets import --zone``, ``tickets
hours --tz``, the import dialog) is checked here once, against the zones the engine can
read, so a name that ``zoneinfo`` opens but polars refuses never reaches an import.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

# A zone written after a column's name: Intercom's "Conversation started at (Europe/London)"
# (an IANA name with a slash, or UTC/GMT; "(in hrs)" is no zone).
_HEADER_ZONE = re.compile(r"\(\s*([A-Za-z][\w+-]*(?:/[\w+-]+)*)\s*\)\s*$")


def header_zone(header: str) -> str | None:
    """The IANA zone a column's header says its times are written in, else None."""
    m = _HEADER_ZONE.search(header)
    if m is None:
        return None
    name = m.group(1)
    if "/" not in name and name.upper() not in ("UTC", "GMT"):
        return None
    try:
        return typed_zone(name)
    except ValueError:
        return None


@cache
def _zone_names() -> frozenset[str]:
    """The IANA names the zone database lists, less the two the engine cannot read.

    Why a list and not ``ZoneInfo(name)`` alone: ``zoneinfo`` opens any file under the
    zone folders (``posixrules``, ``right/UTC``), while polars reads only the listed
    names and refuses ``Factory`` (tzdata's "no zone") and ``localtime`` (this
    machine's), which are no team's working week anyway.  Listing costs ~20 ms, so it
    is asked of a typed name only, never of a stored schedule an export reads.
    """
    return frozenset(available_timezones() - {"Factory", "localtime"})


def _not_a_zone(name: str) -> ValueError:
    return ValueError(f"time zone {name!r} is not an IANA name such as Europe/Berlin "
                      "or America/New_York")


def zone_info(name: str) -> ZoneInfo:
    """The IANA zone ``name`` (``Europe/Berlin``), or ValueError in one sentence."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a 5,000-letter name
        raise _not_a_zone(name) from None


def typed_zone(name: str) -> str:
    """``name`` when it is a zone an import can read times in, else ValueError in one
    sentence: every zone a person gives (``--zone``, ``--tz``, the import dialog) and a
    header names passes here before it is used or stored."""
    if name not in _zone_names():
        raise _not_a_zone(name)
    zone_info(name)
    return name


def from_local(moment: datetime, zone: str) -> datetime:
    """A naive wall-clock time written in ``zone``, as naive UTC; an aware one keeps its own
    offset. One rule for the hour a clock change makes odd, Python's ``fold=0``: an autumn
    time that happens twice is the first (summer time), a spring time that never happens
    (the skipped hour) is read with the offset before the change (02:30 in Berlin on the
    last Sunday of March is 01:30 UTC, as 03:30 summer time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone_info(zone), fold=0)
    return moment.astimezone(UTC).replace(tzinfo=None)
