"""What an owner reads in the calendar file (models/export/plan_ics.py): the event text of a
plan task and of a card, and a DTSTAMP in UTC whatever the machine's own time zone."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from icalendar import Calendar

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Workshop
from models.export.plan_ics import plan_ics

DAY = dt.date(2026, 3, 10)


def _journey() -> Journey:
    workshop = Workshop(id=7, title="Login lockout", scenario="locked out",
                        updated_at=dt.datetime(2026, 3, 2, 14, 5, 6, 789000))
    task = PlanTask(id=1, workshop_id=7, title="Fix the reset link", phase="Days 1-14",
                    owner="", deadline=DAY, detail="Ship it.\nThen measure.")
    pain = PainPoint(id=3, workshop_id=7, description="Reset link expires")
    card = HypothesisCard(id=4, pain_point_id=3, experiment="", owner="Ana", deadline=DAY,
                          signal="")
    return Journey(workshop=workshop, pain_points=[pain], cards=[card], plan_tasks=[task])


def _events() -> dict[str, object]:
    cal = Calendar.from_ical(plan_ics(_journey(), DAY))
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_a_task_event_names_its_owner_or_nobody_the_workshop_and_the_phase() -> None:
    event = _events()["Due: Fix the reset link"]
    assert str(event["description"]) == (  # type: ignore[index]
        "Owner: nobody yet\nWorkshop: Login lockout\nPhase: Days 1-14\n\n"
        "Ship it.\nThen measure.")
    assert str(event["uid"]) == "journeymap-w7-task-1@journeymap.local"  # type: ignore[index]


def test_a_card_event_is_named_by_its_pain_when_it_has_no_experiment() -> None:
    event = _events()["Card due: Reset link expires"]
    assert str(event["description"]) == (  # type: ignore[index]
        "Owner: Ana\nWorkshop: Login lockout\nSignal: not set")


@pytest.fixture
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("machine_in_new_york")
def test_the_stamp_is_the_last_change_in_utc_to_the_second_on_any_machine() -> None:
    text = plan_ics(_journey(), DAY).decode()
    assert "DTSTAMP:20260302T140506Z" in text
    assert text.count("DTSTAMP:20260302T140506Z") == 2


def test_a_preview_plan_with_no_start_date_is_dated_from_the_given_today() -> None:
    """A map with no start date and no saved plan: its calendar starts on ``today``,
    the day the export was asked for, never on the machine's own clock."""
    journey = _journey()
    journey.plan_tasks, journey.cards = [], []
    cal = Calendar.from_ical(plan_ics(journey, today=dt.date(2031, 1, 6)))
    starts = sorted(e.decoded("dtstart") for e in cal.walk("VEVENT"))
    assert starts and starts[0] >= dt.date(2031, 1, 6) and starts[-1] <= dt.date(2031, 3, 6)
