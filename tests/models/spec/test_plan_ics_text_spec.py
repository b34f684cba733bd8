"""The calendar file as a calendar reads it (models/export/plan_ics.py): every typed text comes
back exactly (commas, semicolons, backslashes and line breaks escaped, long lines folded at 75
octets, controls made visible), one all-day event per deadline, and nothing a title can type
breaks the file."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from icalendar import Calendar

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Workshop
from models.export.plan_ics import plan_ics

DAY = dt.date(2026, 3, 10)
HOSTILE = 'Say "hi", then; wait\\n ok\nEND:VCALENDAR\r\nBEGIN:VEVENT\u2028€ 東京 ' + "x" * 90


def _workshop(**changes: Any) -> Workshop:
    values: dict[str, Any] = {"id": 7, "title": "Login lockout",
                              "updated_at": dt.datetime(2026, 3, 2, 14, 5, 6)}
    values.update(changes)
    return Workshop(**values)


def _task(**changes: Any) -> PlanTask:
    values: dict[str, Any] = {"id": 1, "workshop_id": 7, "key": "", "title": "Fix the link",
                              "phase": "Days 1-14", "deadline": DAY}
    values.update(changes)
    return PlanTask(**values)


def _unescaped(text: str) -> str:
    """A TEXT value as RFC 5545 (3.3.11) reads it: \\n, \\, \\; and \\\\ undone."""
    return re.sub(r"\\([nN,;\\])", lambda m: "\n" if m[1] in "nN" else m[1], text)


def _calendar(journey: Journey) -> tuple[bytes, Calendar]:
    raw = plan_ics(journey, DAY)
    return raw, Calendar.from_ical(raw)


def _events(journey: Journey) -> list[Any]:
    return list(_calendar(journey)[1].walk("VEVENT"))


def test_every_physical_line_is_folded_to_75_octets_and_unfolds_to_the_text() -> None:
    journey = Journey(workshop=_workshop(title=HOSTILE),
                      plan_tasks=[_task(title=HOSTILE, owner=HOSTILE, detail=HOSTILE)])
    raw, cal = _calendar(journey)
    assert raw.endswith(b"\r\n")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\nEND:VCALENDAR\r\nBEGIN:VEVENT" not in raw
    (event,) = cal.walk("VEVENT")
    shown = HOSTILE.replace("\r\n", "\n").replace("\u2028", "\n")
    assert str(event["summary"]) == f"Due: {shown}".strip()
    assert str(event["description"]).startswith(f"Owner: {shown.strip()}\nWorkshop: ")


def test_the_calendar_name_is_the_workshop_title_exactly() -> None:
    title = 'North, South; East\\West\nsecond line'
    raw, cal = _calendar(Journey(workshop=_workshop(title=title), plan_tasks=[_task()]))
    # icalendar leaves an X- property escaped on reading; calendars read it as TEXT
    assert _unescaped(str(cal["x-wr-calname"])) == f"{title}: 60-day plan"
    assert b"X-WR-CALNAME:North\\, South\\; East\\\\West\\nsecond line: 60-day plan" in raw


def test_controls_typed_in_a_title_are_shown_not_sent() -> None:
    (event,) = _events(Journey(workshop=_workshop(), plan_tasks=[_task(title="Bell\x07 ok")]))
    assert str(event["summary"]) == "Due: Bell\u2407 ok"


def test_the_calendar_says_who_made_it_and_which_version() -> None:
    raw, cal = _calendar(Journey(workshop=_workshop(), plan_tasks=[_task()]))
    assert raw.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                          b"PRODID:-//journeymap//journey map action plan//EN\r\n"
                          b"CALSCALE:GREGORIAN\r\n")
    assert str(cal["x-wr-calname"]) == "Login lockout: 60-day plan"


def test_a_deadline_is_one_all_day_event_that_blocks_nobody() -> None:
    (event,) = _events(Journey(workshop=_workshop(), plan_tasks=[_task()]))
    assert event["dtstart"].dt == DAY and event["dtend"].dt == DAY + dt.timedelta(days=1)
    assert not isinstance(event["dtstart"].dt, dt.datetime)
    assert str(event["transp"]) == "TRANSPARENT"
    assert "status" not in event
    assert event["dtstamp"].dt == dt.datetime(2026, 3, 2, 14, 5, 6, tzinfo=dt.UTC)


def test_a_deadline_on_the_last_day_of_the_calendar_still_writes_an_event() -> None:
    (event,) = _events(Journey(workshop=_workshop(), plan_tasks=[_task(deadline=dt.date.max)]))
    assert event["dtstart"].dt == dt.date.max and event["dtend"].dt == dt.date.max


def test_a_dropped_task_or_card_is_a_cancelled_event_and_other_statuses_are_not() -> None:
    tasks = [_task(id=1, status="dropped"), _task(id=2, status="done"),
             _task(id=3, status="in_progress")]
    events = {str(e["uid"]): e for e in _events(Journey(workshop=_workshop(), plan_tasks=tasks))}
    assert str(events["journeymap-w7-task-1@journeymap.local"]["status"]) == "CANCELLED"
    assert "status" not in events["journeymap-w7-task-2@journeymap.local"]
    assert "status" not in events["journeymap-w7-task-3@journeymap.local"]


def test_tasks_without_deadline_make_no_event_and_a_keyed_task_is_named_by_its_key() -> None:
    tasks = [_task(id=1, deadline=None), _task(id=2, key="baseline", title="")]
    (event,) = _events(Journey(workshop=_workshop(), plan_tasks=tasks))
    assert str(event["uid"]) == "journeymap-w7-plan-baseline@journeymap.local"
    assert str(event["summary"]) == "Due: baseline"


def test_a_task_of_a_dated_card_is_the_cards_event_alone() -> None:
    pain = PainPoint(id=3, workshop_id=7, description="Reset link expires")
    dated = HypothesisCard(id=4, pain_point_id=3, experiment="Longer links", owner="Ana",
                           deadline=DAY, signal="fewer tickets", status="dropped")
    undated = HypothesisCard(id=5, pain_point_id=3, experiment="Chat bot")
    tasks = [_task(id=1, key="card-4", title="Run it"), _task(id=2, key="card-5", title="Bot"),
             _task(id=3, key="card-9", title="Gone")]
    events = {str(e["uid"]): e for e in _events(Journey(
        workshop=_workshop(), pain_points=[pain], cards=[dated, undated], plan_tasks=tasks))}
    assert sorted(events) == ["journeymap-w7-card-4@journeymap.local",
                              "journeymap-w7-plan-card-5@journeymap.local",
                              "journeymap-w7-plan-card-9@journeymap.local"]
    card = events["journeymap-w7-card-4@journeymap.local"]
    assert str(card["summary"]) == "Card due: Longer links"
    assert str(card["description"]) == (
        "Owner: Ana\nWorkshop: Login lockout\nSignal: fewer tickets")
    assert str(card["status"]) == "CANCELLED"


def test_a_card_with_no_experiment_nor_pain_text_is_called_card() -> None:
    card = HypothesisCard(id=4, pain_point_id=99, experiment=" ", deadline=DAY)
    (event,) = _events(Journey(workshop=_workshop(), cards=[card], plan_tasks=[_task(
        deadline=None)]))
    assert str(event["summary"]) == "Card due: card"
    assert str(event["description"]).startswith("Owner: nobody yet\n")


@pytest.mark.parametrize(("title", "scenario", "shown"), [
    ("  ", "Locked out", "Locked out"), ("", "", "Workshop 7")])
def test_an_untitled_workshop_names_the_calendar_by_its_scenario_or_number(
        title: str, scenario: str, shown: str) -> None:
    _raw, cal = _calendar(Journey(workshop=_workshop(title=title, scenario=scenario),
                                  plan_tasks=[_task()]))
    assert str(cal["x-wr-calname"]) == f"{shown}: 60-day plan"


def test_a_workshop_never_changed_is_stamped_at_its_creation() -> None:
    workshop = _workshop(updated_at=None, created_at=dt.datetime(2026, 1, 5, 9, 0, 0, 5))
    (event,) = _events(Journey(workshop=workshop, plan_tasks=[_task()]))
    assert event["dtstamp"].dt == dt.datetime(2026, 1, 5, 9, 0, 0, tzinfo=dt.UTC)


def test_the_same_map_gives_the_same_bytes() -> None:
    journey = Journey(workshop=_workshop(), plan_tasks=[_task(), _task(id=2, key="review")])
    assert plan_ics(journey, DAY) == plan_ics(journey, DAY)


def test_a_card_without_deadline_does_not_hide_the_cards_after_it() -> None:
    undated = HypothesisCard(id=4, pain_point_id=3, experiment="Later")
    dated = HypothesisCard(id=5, pain_point_id=3, experiment="Soon", deadline=DAY)
    task = _task(deadline=None)
    undated_task = _task(id=2, deadline=None)
    (event,) = _events(Journey(workshop=_workshop(), cards=[undated, dated],
                               plan_tasks=[undated_task, task, _task(id=3)]))[-1:]
    assert str(event["summary"]) == "Card due: Soon"
