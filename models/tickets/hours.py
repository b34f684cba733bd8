"""Business hours: a workshop's working week, and durations counted only inside it.

Support teams promise and report "time to resolution in business hours", the way Zendesk's
schedules and fivetran's dbt_zendesk models count them: a ticket opened Friday 16:00 and
solved Monday 10:00 under a 9-17 week took 2 business hours, not 66.  A schedule here is one
weekly pattern (the same hours on every working day), an IANA time zone (``zoneinfo``, so
daylight-saving changes are the zone's, not ours) and optional holiday dates.

Why a cumulative clock instead of walking the days: the worked seconds from a fixed origin to
any moment are a closed formula (whole weeks, the days of this week, holidays before it by
``bisect``, the part of today), so a duration is one subtraction whatever its length, and an
import of many tickets stays one pass.  The formula counts the wall clock; where the zone's
clock jumps inside the working hours (a team working through the night the clocks change)
the jump is taken back out, so two hours that passed count as two, as dbt_zendesk counts.
Moments arrive as the importer holds them, naive UTC; they are turned into the schedule's
wall-clock time before counting.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import add, eq, floordiv, itemgetter, sub, truediv
from typing import Any
from zoneinfo import ZoneInfo

from models.tickets.zones import zone_info
from models.vocab import DATE_SPAN

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_SHOWN_HOLIDAYS = 5
_EPOCH = dt.datetime(1970, 1, 1)
_EPOCH_ORDINAL = _EPOCH.toordinal()
DAY = 86400.0
# an offset no zone has: marks a UTC day whose offset changes (a plain float, so finding one
# is a C-level comparison rather than a comparison of every float with None in Python)
CHANGING = 1e18
_WEEK = 7 * 86400
_FIRST_SECOND = int((dt.datetime.min - _EPOCH).total_seconds()) + 86400
_LAST_SECOND = int((dt.datetime.max - _EPOCH).total_seconds()) - 86400


def parse_days(text: str) -> tuple[int, ...]:
    """``mon-fri``, ``sat,sun``, ``fri-mon`` (wraps) → weekday numbers, Monday 0."""
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        ends = part.split("-")
        if not part or len(ends) > 2 or any(e[:3] not in DAY_NAMES or len(e) < 3
                                             for e in ends):
            raise ValueError(f"days {text!r} are not like mon-fri or sat,sun "
                             f"(day names: {', '.join(DAY_NAMES)})")
        first, last = DAY_NAMES.index(ends[0][:3]), DAY_NAMES.index(ends[-1][:3])
        days.update((first + i) % 7 for i in range((last - first) % 7 + 1))
    return tuple(sorted(days))


def _clock(text: str, what: str) -> dt.time:
    m = _CLOCK.match(text.strip())
    if m is None:
        raise ValueError(f"{what} time {text!r} is not HH:MM on a 24-hour clock")
    return dt.time(int(m.group(1)), int(m.group(2)))


def _day_runs(days: Sequence[int]) -> str:
    """Mon-Fri, or Mon, Wed, Fri: how a person writes the working days."""
    if len(days) > 2 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{DAY_NAMES[days[0]].title()}-{DAY_NAMES[days[-1]].title()}"
    return ", ".join(DAY_NAMES[d].title() for d in days)


@dataclass(frozen=True)
class Schedule:
    """Working days (Monday 0), the day's opening and closing time, the zone and holidays."""

    days: tuple[int, ...]
    start: dt.time
    end: dt.time
    tz: str
    holidays: tuple[dt.date, ...] = ()
    _zone: ZoneInfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.days:
            raise ValueError("a schedule needs at least one working day")
        if self.end <= self.start:
            raise ValueError(f"the opening time {self.start:%H:%M} is not before the closing "
                             f"time {self.end:%H:%M}")
        object.__setattr__(self, "_zone", zone_info(self.tz))

    @classmethod
    def parse(cls, days: str, start: str, end: str, tz: str,
              holidays: Iterable[str] = ()) -> Schedule:
        """A schedule from the words a person types; ValueError (one sentence) naming the
        value that is wrong."""
        dates = []
        for text in holidays:
            try:
                dates.append(dt.date.fromisoformat(text.strip()))
            except ValueError:
                raise ValueError(f"holiday {text!r} is not a date like 2026-12-25") from None
        low, high = (dt.date.fromisoformat(day) for day in DATE_SPAN)
        for day in dates:
            if not low <= day <= high:
                raise ValueError(f"holiday {day.isoformat()} is not between {DATE_SPAN[0]} and "
                                 f"{DATE_SPAN[1]}, the dates a workshop can hold")
        return cls(parse_days(days), _clock(start, "opening"), _clock(end, "closing"), tz,
                   tuple(sorted(set(dates))))

    def to_json(self) -> str:
        return json.dumps({
            "days": [DAY_NAMES[d] for d in self.days], "start": f"{self.start:%H:%M}",
            "end": f"{self.end:%H:%M}", "tz": self.tz,
            "holidays": [d.isoformat() for d in self.holidays],
        })

    @classmethod
    def from_json(cls, text: str) -> Schedule:
        """The stored schedule; ValueError when the text is not one."""
        try:
            data = json.loads(text)
            return cls.parse(",".join(data["days"]), data["start"], data["end"], data["tz"],
                             data.get("holidays", []))
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError):
            raise ValueError(f"stored business hours {text!r} are not a schedule") from None

    def summary(self) -> str:
        """``Mon-Fri 09:00-17:00 Europe/Berlin, 2 holidays (2026-12-24, 2026-12-25)``."""
        text = f"{_day_runs(self.days)} {self.start:%H:%M}-{self.end:%H:%M} {self.tz}"
        if self.holidays:
            shown = ", ".join(d.isoformat() for d in self.holidays[:_SHOWN_HOLIDAYS])
            more = ", …" if len(self.holidays) > _SHOWN_HOLIDAYS else ""
            n = len(self.holidays)
            text += f", {n} holiday{'s' if n > 1 else ''} ({shown}{more})"
        return text

    def clock(self) -> BusinessClock:
        return BusinessClock(self)

    def hours(self, start: dt.datetime, end: dt.datetime) -> float:
        """Business hours from ``start`` to ``end`` (naive UTC); 0 when end is not later."""
        return self.clock().hours(start, end)

    def many(self, starts: Iterable[dt.datetime], ends: Iterable[dt.datetime]) -> list[float]:
        """``hours`` of each pair, for a column of tickets at once."""
        return self.clock().many(starts, ends)


class _Memo(dict[Any, Any]):
    """Missing keys are computed once by ``fn`` and kept."""

    def __init__(self, fn: Callable[[Any], Any]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, key: Any) -> Any:
        value = self[key] = self.fn(key)
        return value


class BusinessClock:
    """Worked seconds since an origin, for any moment: durations are differences of it."""

    def __init__(self, schedule: Schedule) -> None:
        self.zone = schedule._zone
        self.open = schedule.start.hour * 3600 + schedule.start.minute * 60
        self.length = schedule.end.hour * 3600 + schedule.end.minute * 60 - self.open
        self.working = frozenset(schedule.days)
        # working days among the first r days of a week (r = 0..7), Monday first
        self.prefix = [sum(1 for d in range(r) if d in self.working) for r in range(8)]
        self.per_week = self.prefix[7]
        worked_holidays = [d for d in schedule.holidays if d.weekday() in self.working]
        self.holiday_ordinals = [d.toordinal() for d in worked_holidays]
        self.holiday_set = frozenset(self.holiday_ordinals)
        self._offsets = _Memo(self._offset_of_day)
        self._days = _Memo(self._day)
        # the zone's clock changes found so far (epoch seconds) and the wall-clock working
        # seconds each one skipped (+) or repeated (-), over the weeks searched so far; the
        # origin week and the running totals are set by the first search
        self._jumps: dict[int, float] = {}
        self._weeks: tuple[int, int] | None = None
        self._origin: int
        self._changes: list[int] = []
        self._jumped: list[float]

    def worked(self, moment: dt.datetime) -> float:
        """Worked seconds from 0001-01-01 (a Monday) to ``moment`` (naive UTC)."""
        local = moment.replace(tzinfo=dt.UTC).astimezone(self.zone)
        ordinal = local.toordinal()
        weeks, rest = divmod(ordinal - 1, 7)
        days = (weeks * self.per_week + self.prefix[rest]
                - bisect.bisect_left(self.holiday_ordinals, ordinal))
        seconds: float = days * self.length
        if rest in self.working and ordinal not in self.holiday_set:
            into = (local.hour * 3600 + local.minute * 60 + local.second
                    + local.microsecond / 1e6 - self.open)
            seconds += min(max(into, 0), self.length)
        at = (moment - _EPOCH).total_seconds()
        self._search(at, at)
        return float(seconds) - self._jumped[bisect.bisect_right(self._changes, at)]

    def hours(self, start: dt.datetime, end: dt.datetime) -> float:
        return max(self.worked(end) - self.worked(start), 0.0) / 3600.0

    def many(self, starts: Iterable[dt.datetime], ends: Iterable[dt.datetime]) -> list[float]:
        """``hours`` of each pair, equal to it, with no Python per ticket on the common path."""
        return self.spans(self.worked_all(epochs(starts)), self.worked_all(epochs(ends)))

    @staticmethod
    def spans(start_worked: Iterable[float], end_worked: Iterable[float]) -> list[float]:
        """Business hours between worked-second figures (0 when the end is not later)."""
        hours = map(truediv, map(sub, end_worked, start_worked), repeat(3600.0))
        return list(map(max, hours, repeat(0.0)))

    def worked_all(self, moments: list[float]) -> list[float]:
        """``worked`` of each moment given as epoch seconds (naive UTC), in plain float
        arithmetic: the zone offset is looked up per UTC day and the local day's figures
        (worked seconds before it less its opening, its opening, its closing) per local day,
        a few hundred of each for a year of tickets; the rest is C-level ``map``. A day's
        worked seconds up to a moment are then ``base + min(max(local, opening), closing)``
        (closing = opening on a day off). Only moments on a UTC day when the offset changes
        (daylight saving) are converted one by one."""
        offsets = list(map(self._offsets.__getitem__, map(floordiv, moments, repeat(DAY))))
        for i in [*compress(range(len(offsets)), map(eq, offsets, repeat(CHANGING)))]:
            offsets[i] = self._offset_at_epoch(moments[i])
        local = list(map(add, moments, offsets))
        days = list(map(self._days.__getitem__, map(floordiv, local, repeat(DAY))))
        opened = map(max, local, map(itemgetter(1), days))
        walled = list(map(add, map(itemgetter(0), days),
                          map(min, opened, map(itemgetter(2), days))))
        if moments:
            self._search(min(moments), max(moments))
        if not self._changes:
            return walled
        jumped = map(self._jumped.__getitem__,
                     map(bisect.bisect_right, repeat(self._changes), moments))
        return list(map(sub, walled, jumped))

    def jumps(self, first: float, last: float) -> tuple[list[int], list[float]]:
        """The clock changes (epoch seconds, sorted) of the weeks from ``first`` to ``last``
        and, at index i, the working seconds the wall clock gained before change i: what
        ``worked_all`` subtracts, for a column worked out elsewhere (``worked``, polars)."""
        self._search(first, last)
        return self._changes, self._jumped

    def _search(self, first: float, last: float) -> None:
        """Find the zone's clock changes in the weeks from ``first`` to ``last`` (epoch
        seconds) not searched yet, and the working seconds each one adds to the wall clock.

        The weeks searched stay one unbroken run from the first one asked about, so the
        running total of the jumps before a moment is the same function of the moment
        however the run grows: worked figures of one clock can always be subtracted.  A
        week whose offset at its end differs from the one before it is bisected to the
        second (a change and its undoing inside one week would be missed: no zone has one)."""
        low, high = int(first // _WEEK), int(last // _WEEK)
        if self._weeks is None:
            self._weeks, self._origin = (low, low - 1), low * _WEEK
        done_low, done_high = self._weeks
        todo = [*range(min(low, done_low), done_low), *range(done_high + 1, high + 1)]
        if not todo:
            return
        self._weeks = (min(low, done_low), max(high, done_high))
        for week in todo:
            self._find_changes(week * _WEEK, week * _WEEK + _WEEK)
        self._changes = sorted(self._jumps)
        running = [0.0, *accumulate(map(self._jumps.__getitem__, self._changes))]
        at_origin = running[bisect.bisect_right(self._changes, self._origin)]
        self._jumped = [total - at_origin for total in running]

    def _find_changes(self, begin: int, end: int) -> None:
        """The clock changes at epoch seconds ``begin`` .. ``end - 1``."""
        before = max(begin - 1, _FIRST_SECOND)
        last = min(end - 1, _LAST_SECOND)
        offset = self._offset_at_epoch(before)
        while before < last and self._offset_at_epoch(last) != offset:
            after = last
            while after - before > 1:
                middle = (before + after) // 2
                if self._offset_at_epoch(middle) == offset:
                    before = middle
                else:
                    after = middle
            new = self._offset_at_epoch(after)
            jump = self._wall(after + new) - self._wall(after + offset)
            if jump:
                self._jumps[after] = jump
            before, offset = after, new

    def _wall(self, local: float) -> float:
        """Worked seconds by the wall clock at ``local`` (epoch seconds of wall time)."""
        base, opening, closing = self._days[float(local) // DAY]
        return base + min(max(local, opening), closing)

    def day_offset(self, day: float) -> float:
        """The zone's offset in seconds over UTC day ``day`` (days since the epoch), or
        ``CHANGING`` when it changes during it (memoised)."""
        return float(self._offsets[day])

    def day_figures(self, day: float) -> tuple[float, float, float]:
        """Of local day ``day``: worked seconds before it less its opening, its opening and
        its closing, in epoch seconds (memoised)."""
        figures: tuple[float, float, float] = self._days[day]
        return figures

    def offset_at(self, moment: float) -> float:
        """The zone's offset in seconds at ``moment`` (epoch seconds)."""
        return self._offset_at_epoch(moment)

    def _offset_at(self, moment: dt.datetime) -> dt.timedelta:
        """Local wall time less UTC at ``moment`` (naive UTC): the offset, never None."""
        return moment.replace(tzinfo=dt.UTC).astimezone(self.zone).replace(tzinfo=None) - moment

    def _offset_at_epoch(self, moment: float) -> float:
        return self._offset_at(_EPOCH + dt.timedelta(seconds=moment)).total_seconds()

    def _offset_of_day(self, day: float) -> float:
        """The zone's offset in seconds over a whole UTC day (days since the epoch), or
        ``CHANGING`` when it changes during it (zones change on whole seconds, so the day's
        last second stands for its end)."""
        first = _EPOCH + dt.timedelta(days=day)
        offset = self._offset_at(first)
        last = first + dt.timedelta(days=1, seconds=-1)
        return offset.total_seconds() if self._offset_at(last) == offset else CHANGING

    def _day(self, day: float) -> tuple[float, float, float]:
        """(worked seconds before this local day less its opening, epoch seconds of its
        opening, of its closing: the opening again on a day off)."""
        ordinal = int(day) + _EPOCH_ORDINAL
        weeks, rest = divmod(ordinal - 1, 7)
        before = (weeks * self.per_week + self.prefix[rest]
                  - bisect.bisect_left(self.holiday_ordinals, ordinal)) * self.length
        opening = (ordinal - _EPOCH_ORDINAL) * 86400 + self.open
        worked = rest in self.working and ordinal not in self.holiday_set
        return float(before - opening), float(opening), float(opening + (
            self.length if worked else 0))


def epochs(moments: Iterable[dt.datetime]) -> list[float]:
    """Seconds since 1970-01-01 of naive UTC datetimes, without a Python loop."""
    return list(map(dt.timedelta.total_seconds, map(sub, moments, repeat(_EPOCH))))


def stored(text: str) -> Schedule | None:
    """The schedule kept as ``text`` (a workshop's ``business_hours``), or None when none is
    set or it is unreadable: then business-hours figures say "no schedule" rather than guess."""
    if not text:
        return None
    try:
        return Schedule.from_json(text)
    except ValueError:
        return None
