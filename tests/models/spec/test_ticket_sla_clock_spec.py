"""Jira Service Management's SLA clock cells, read as its "SLA display formats" write them.

The sign says whether the SLA was breached (a negative clock: time past the
target); the hours are 24-hour days and 7-day weeks, as the docstring of
``parse_sla_clock`` says.  A cell that is not a clock is refused, never read
as "not breached".
"""

from __future__ import annotations

import pytest

from models.tickets.values import parse_sla_clock


@pytest.mark.parametrize(("cell", "hours"), [
    ("3h 15m", 3.25),
    ("-2h 30m", -2.5),
    ("-1d 4h", -28.0),
    ("+1w", 168.0),
    ("1,5h", 1.5),
    ("2.5h", 2.5),
    ("45min", 0.75),
    ("2mo", 1344.0),
    ("1yr", 8064.0),
    ("02:10", 2 + 10 / 60),
    ("-00:45", -0.75),
    (" -3h ", -3.0),
])
def test_a_clock_is_its_hours_left_negative_once_breached(cell: str, hours: float) -> None:
    assert parse_sla_clock(cell) == pytest.approx(hours, rel=1e-12)


@pytest.mark.parametrize("cell", ["-00:00", "-0h"])
def test_a_clock_stopped_at_zero_is_not_breached(cell: str) -> None:
    assert parse_sla_clock(cell) == 0.0


def test_an_empty_cell_is_no_clock() -> None:
    assert parse_sla_clock("") is None
    assert parse_sla_clock("  ") is None


@pytest.mark.parametrize("cell", ["soon", "3h -", "h", "3x", "3h-"])
def test_a_cell_that_is_not_a_clock_is_refused_naming_it(cell: str) -> None:
    with pytest.raises(ValueError, match=f"^not an SLA clock: {cell!r}$"):
        parse_sla_clock(cell)
