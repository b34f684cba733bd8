"""A realistic workshop for the TUI tests (and a check that the builder is sound).

Uses a shipped template when one exists (``models.export.templates``); otherwise it
builds the "Admin locked out" journey from the method by hand so the screens
are always tested against real-looking data.
"""

from __future__ import annotations

import datetime as dt

from models.db.store import Store
from tests.helpers import FIXED, build_workshop


def test_builder_makes_a_complete_journey(store: Store) -> None:
    wid = build_workshop(store)
    journey = store.load(wid)
    assert [s.name for s in journey.stages][0] == "Problem Discovery"
    assert len(journey.ordered_touchpoints()) == 9
    assert len(journey.pain_points) == 6
    assert journey.workshop.updated_at.replace(tzinfo=dt.UTC) == FIXED
