"""An SLA commitment's channel follows its update cadence only when there is one:
"update every 30 min via email", but "update cadence not set; channel: email", never
"update cadence not set via email" (the tracker, its CSV and the Markdown tracker list)."""

from __future__ import annotations

import pytest

from models.db.tables.method import EscalationLevel
from models.db.tables.workshop import Handoff
from models.export.tracker_csv import tracker_csv
from models.rules.commitments import sla_items
from tests.models.method_helpers import journey, tp


def _level(update: int | None, respond: int | None = None) -> EscalationLevel:
    return EscalationLevel(workshop_id=1, id=1, position=0, severity="Sev-2",
                           tier_role="Tier 1", channel=" email ", response_sla_minutes=respond,
                           update_every_minutes=update)


@pytest.mark.parametrize(("respond", "update", "title"), [
    (None, None, "Sev-2: response SLA not set, update cadence not set; channel: email"),
    (30, None, "Sev-2: respond within 30 min, update cadence not set; channel: email"),
    (None, 60, "Sev-2: response SLA not set, update every 1 h via email"),
])
def test_the_channel_is_worded_after_the_cadence_or_its_absence(
        respond: int | None, update: int | None, title: str) -> None:
    level = _level(update, respond)
    j = journey([tp(1, "Agent")], handoffs=[Handoff(workshop_id=1, from_touchpoint_id=1,
                                                    to_touchpoint_id=1)], levels=[level])
    item = sla_items([j])[0]
    assert item.title == title
    assert f",\"{title}\"," in tracker_csv([item])
