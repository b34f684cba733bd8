"""Dates as exports write them: a zone suffix ("Z", "+01:00", "+0100") is honoured, and
when every date of a column fits both orders (01/02) the order taken is said, with why."""

from __future__ import annotations

import datetime as dt

import pytest

from models.tickets.dates import as_utc, decide_orders, evidence, parse_day_first


@pytest.mark.parametrize(("text", "utc"), [
    ("01/03/2024 10:00 Z", dt.datetime(2024, 3, 1, 10, 0)),
    ("01/03/2024 10:00Z", dt.datetime(2024, 3, 1, 10, 0)),
    ("01/03/2024 10:00 +01:00", dt.datetime(2024, 3, 1, 9, 0)),
    ("01/03/2024 10:00 +0100", dt.datetime(2024, 3, 1, 9, 0)),
    ("01/03/2024 10:00 -05:00", dt.datetime(2024, 3, 1, 15, 0)),
])
def test_a_zone_suffix_is_honoured(text: str, utc: dt.datetime) -> None:
    read = parse_day_first(text)
    assert read is not None and read.tzinfo is not None
    assert as_utc(read) == utc.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(("day_first", "order"), [(True, "day-first"), (False, "month-first")])
def test_an_ambiguous_column_is_read_in_the_default_order_and_says_so(day_first: bool,
                                                                     order: str) -> None:
    kinds, notes = decide_orders({"Opened": ["01/02/2024", "03/04/2024"]}, day_first,
                                 "the zendesk default")
    assert kinds == {"Opened": order}
    assert notes == [f"'Opened': every date fits both orders; read as {order} "
                     "(the zendesk default)"]
    assert evidence(["01/02/2024"])[0] == "numeric"
