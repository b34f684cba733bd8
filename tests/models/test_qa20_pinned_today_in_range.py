"""A pinned "today" outside the dates a workshop can hold is ignored, as a malformed one is.

``JOURNEYMAP_TODAY`` reaches a guest's seat when sshd accepts ``JOURNEYMAP_*``; pinned at
9999-12-31 the tracker said "OVERDUE by 2912081 days", at 0001-01-01 ``report`` refused a
month nobody typed ("got '1-01'").
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.rules.clock import today
from models.vocab import TODAY_ENV


@pytest.mark.parametrize("pinned", ["9999-12-31", "0001-01-01", "1969-12-31", "2200-01-01"])
def test_a_pinned_day_no_workshop_can_hold_is_not_today(monkeypatch: pytest.MonkeyPatch,
                                                        pinned: str) -> None:
    monkeypatch.setenv(TODAY_ENV, pinned)
    assert today() == dt.date.today()


@pytest.mark.parametrize("pinned", ["1970-01-01", "2026-04-30", "2199-12-31"])
def test_a_pinned_day_in_range_is_today(monkeypatch: pytest.MonkeyPatch, pinned: str) -> None:
    monkeypatch.setenv(TODAY_ENV, pinned)
    assert today() == dt.date.fromisoformat(pinned)
