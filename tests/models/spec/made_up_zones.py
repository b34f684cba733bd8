"""Made-up time zones for the business-hours specifications, and the count they are held to.

Real zones change their clocks at a handful of moments; the clock's search for changes has
edges (the UTC week, the UTC day, the second) that no real zone in the tests happens to
touch. A made-up zone is written here as a TZif file (the format of the IANA database,
RFC 8536, version 1: every transition listed, the last offset kept after it) into a
directory put first on ``zoneinfo``'s search path, so a schedule names it like any zone.

The count every figure is checked against is the plain definition: the seconds of real
time, one by one, during which the zone's wall clock shows a working day and a time from
the opening up to the closing.
"""

from __future__ import annotations

import datetime as dt
import struct
import zoneinfo
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path


def tzif(first: int, changes: Sequence[tuple[dt.datetime, int]]) -> bytes:
    """A TZif file: offset ``first`` (seconds east of UTC) until the first change, then
    each change's offset from its moment (naive UTC) on."""
    offsets = sorted({first, *(offset for _, offset in changes)}, key=lambda o: o != first)
    kinds = [offsets.index(offset) for _, offset in changes]
    moments = [int((moment - dt.datetime(1970, 1, 1)).total_seconds()) for moment, _ in changes]
    names = b"ZZZ\x00"
    header = b"TZif" + b"\x00" * 16 + struct.pack(
        ">6l", 0, 0, 0, len(changes), len(offsets), len(names))
    return (header + struct.pack(f">{len(moments)}l", *moments)
            + struct.pack(f">{len(kinds)}B", *kinds)
            + b"".join(struct.pack(">lbb", offset, int(offset != first), 0) for offset in offsets)
            + names)


@contextmanager
def made_up_zone(directory: Path, first: int,
                 changes: Sequence[tuple[dt.datetime, int]]) -> Iterator[str]:
    """A zone named ``Made/Up`` with these changes, found by ``ZoneInfo`` while inside."""
    (directory / "Made").mkdir(exist_ok=True)
    (directory / "Made" / "Up").write_bytes(tzif(first, changes))
    zoneinfo.reset_tzpath(to=[str(directory.resolve())])
    zoneinfo.ZoneInfo.clear_cache()
    try:
        yield "Made/Up"
    finally:
        zoneinfo.reset_tzpath()
        zoneinfo.ZoneInfo.clear_cache()


def real_working_hours(days: Sequence[int], opening: dt.time, closing: dt.time, zone: str,
                       start: dt.datetime, end: dt.datetime) -> float:
    """Hours of real time from ``start`` to ``end`` (naive UTC, whole seconds) during which
    the wall clock of ``zone`` reads a working day between opening and closing: one second
    at a time, so keep the span to hours."""
    tz = zoneinfo.ZoneInfo(zone)
    second = dt.timedelta(seconds=1)
    moment, counted = start.replace(tzinfo=dt.UTC), 0
    while moment < end.replace(tzinfo=dt.UTC):
        local = moment.astimezone(tz)
        counted += local.weekday() in days and opening <= local.time() < closing
        moment += second
    return counted / 3600
