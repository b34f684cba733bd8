"""The light Journey compared with ``Store.load``'s, column by column, value and type.

Shared by the light reads' tests: the file's (``test_light_journey``) and the
server's (``test_light_server``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import PainPoint, Vote
from models.db.tables.seats import Participant
from models.db.tables.tickets import Reading, TicketSource
from models.export.templates import create_from_template
from models.rules.demo import complete_demo

TODAY = dt.date(2024, 3, 20)


def plain_rows(value: Any) -> Any:
    """A Journey field as plain data: rows become {column: (value, type)}."""
    if isinstance(value, list):
        return [plain_rows(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_rows(v) for k, v in value.items()}
    if hasattr(value, "model_dump"):
        value = value.model_dump()
    elif hasattr(value, "__dict__"):
        value = {k: v for k, v in vars(value).items() if not k.startswith("_")}
    else:
        return (value, type(value))
    return {k: (v, type(v)) for k, v in value.items()}


def assert_same(light: Journey, orm: Journey) -> None:
    fields = [name for name in vars(Journey(workshop=light.workshop)) if not name.startswith("_")]
    assert len(fields) == 14
    for name in fields:
        assert plain_rows(getattr(light, name)) == plain_rows(getattr(orm, name)), name


def full_workshop(store: Store, template: str) -> int:
    """A template run through the demo, plus what the demo leaves empty."""
    wid = create_from_template(store, template, start_date=dt.date(2024, 2, 29))
    complete_demo(store, wid, TODAY)
    journey = store.load(wid)
    with store.write() as s:
        s.add(Participant(workshop_id=wid, name="Ana", role="participant"))
        if journey.pain_points:
            s.add(Vote(pain_point_id=journey.pain_points[0].id, participant="Ana"))
            s.add(Vote(pain_point_id=journey.pain_points[0].id, participant="Bo"))
        s.add(PainPoint(workshop_id=wid, touchpoint_id=None, description="unplaced",
                        kind="loop", impact=2, effort=1))
        source = TicketSource(workshop_id=wid, file_name="t.csv", product="P", rows=3,
                              tickets=3, periods="2024-01..2024-01")
        s.add(source)
        s.flush()
        s.add(Reading(source_id=source.id, workshop_id=wid, period="2024-01", tickets=3,
                      fcr_rate=0.5, fcr_is_proxy=True, ttr_median_hours=3, reopened=None,
                      csat_mean=4.25, unavailable='{"csat": "no column"}'))
    return wid
