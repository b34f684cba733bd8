"""The made-up clock changes the business-hours specifications run through.

Each case: the zone's first offset (seconds east of UTC), its changes (naive UTC moment,
new offset), the schedule's days, opening and closing, and a ticket's created and solved
moments (naive UTC). ``test_hours_zones_spec`` checks each figure alone and in a column,
``test_worked_spec`` checks the worked time of the same tickets.

March 2026: Monday the 2nd, Tuesday the 3rd, Wednesday the 4th, Thursday the 5th.
"""

from __future__ import annotations

import datetime as dt

HOUR = 3600
T = dt.datetime

CASES = {
    "forward at midnight UTC on a Thursday": (
        0, [(T(2026, 3, 5), HOUR)], "mon-sun", "00:00", "23:59",
        T(2026, 3, 4, 22), T(2026, 3, 5, 2)),
    "back at midnight UTC on a Thursday": (
        HOUR, [(T(2026, 3, 5), 0)], "mon-sun", "00:00", "23:59",
        T(2026, 3, 4, 21), T(2026, 3, 5, 2)),
    "forward in the last second before Thursday": (
        0, [(T(2026, 3, 4, 23, 59, 59), HOUR)], "mon-sun", "00:00", "23:59",
        T(2026, 3, 4, 22), T(2026, 3, 5, 2)),
    "forward in the first second after Thursday began": (
        0, [(T(2026, 3, 5, 0, 0, 1), HOUR)], "mon-sun", "00:00", "23:59",
        T(2026, 3, 4, 22), T(2026, 3, 5, 2)),
    "summer time for three days, ending at midnight UTC on Thursday": (
        0, [(T(2026, 3, 2, 10), HOUR), (T(2026, 3, 5), 0)], "mon-fri", "09:00", "17:00",
        T(2026, 3, 2, 8), T(2026, 3, 2, 14)),
    "summer time from 03:00 to midnight UTC of one day": (
        0, [(T(2026, 3, 3, 3), HOUR), (T(2026, 3, 4), 0)], "mon-fri", "09:00", "17:00",
        T(2026, 3, 3, 8, 30), T(2026, 3, 3, 15, 30)),
    "forward inside the working hours of a Tuesday": (
        0, [(T(2026, 3, 3, 10), HOUR)], "mon-fri", "09:00", "17:00",
        T(2026, 3, 3, 8), T(2026, 3, 3, 13)),
    "back inside the working hours of a Tuesday": (
        HOUR, [(T(2026, 3, 3, 10), 0)], "mon-fri", "09:00", "17:00",
        T(2026, 3, 3, 7), T(2026, 3, 3, 13)),
    "forward inside the working hours of a day in 1969": (
        0, [(T(1969, 6, 3, 10), HOUR)], "mon-fri", "09:00", "17:00",
        T(1969, 6, 3, 8), T(1969, 6, 3, 13)),
    "forward late on a Wednesday in 1969, the ticket running into Thursday": (
        0, [(T(1969, 6, 4, 23, 30), HOUR)], "mon-sun", "00:00", "23:59",
        T(1969, 6, 4, 22), T(1969, 6, 5, 2)),
    "+00:19:32 to +00:20 at local midnight": (
        19 * 60 + 32, [(T(2026, 3, 2, 23, 40, 28), 20 * 60)], "mon-sun", "00:00", "23:59",
        T(2026, 3, 2, 22), T(2026, 3, 3, 1)),
}
