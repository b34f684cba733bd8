"""Tracker CSV and plan iCalendar: both parse back with their standard readers."""

from __future__ import annotations

import csv
import datetime as dt
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.export.plan_ics import plan_ics
from models.export.spreadsheet import spreadsheet_text
from models.export.tracker_csv import HEADER, tracker_csv
from models.rules.plan import regenerate_plan
from models.rules.tracker import TrackerItem, tracker_items

TODAY = dt.date(2024, 3, 20)


def item(title: str = "Fix reset", owner: str = "Ana", deadline: dt.date | None = TODAY,
         days_left: int | None = 0, overdue: bool = False) -> TrackerItem:
    return TrackerItem(kind="card", item_id=7, workshop_id=1, workshop_title="Login, lockout",
                       title=title, owner=owner, deadline=deadline, status="proposed",
                       days_left=days_left, overdue=overdue)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_header_iso_dates_days_left_and_overdue_words() -> None:
    text = tracker_csv([item(), item(title="Late", deadline=dt.date(2024, 3, 1), days_left=-19,
                                     overdue=True), item(deadline=None, days_left=None)])
    parsed = rows(text)
    assert list(parsed[0]) == list(HEADER)
    assert parsed[0]["deadline"] == "2024-03-20" and parsed[0]["overdue"] == "no"
    assert parsed[1]["days_left"] == "-19" and parsed[1]["overdue"] == "yes"
    assert parsed[2]["deadline"] == "" and parsed[2]["days_left"] == ""
    assert parsed[0]["workshop"] == "Login, lockout"


@settings(deadline=None, max_examples=200)
@given(st.text(), st.text())
def test_any_text_survives_the_csv_round_trip(title: str, owner: str) -> None:
    parsed = rows(tracker_csv([item(title=title, owner=owner)]))
    assert len(parsed) == 1
    assert parsed[0]["title"] == spreadsheet_text(title)
    assert parsed[0]["owner"] == spreadsheet_text(owner)
    assert "\x1b" not in parsed[0]["title"]


def test_formulas_are_neutralised_for_spreadsheets() -> None:
    assert spreadsheet_text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert spreadsheet_text("-1 day") == "'-1 day"
    assert spreadsheet_text("normal = fine") == "normal = fine"
    assert spreadsheet_text("a\x1bb") == "a\u241bb"


def _workshop(store: Store) -> int:
    w = store.create_workshop(title="Reset; lockout, \"quoted\"", start_date=dt.date(2024, 2, 29))
    journey = store.load(w.id)
    pain = store.add(PainPoint(workshop_id=w.id, description="Reset email late",
                               touchpoint_id=None, impact=3, effort=1, ticket_volume=100))
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="Show status, line\nby line",
                             owner="Bo", deadline=dt.date(2024, 3, 15), signal="50% fewer"))
    other = store.add(PainPoint(workshop_id=w.id, description="Other", impact=1, effort=3))
    store.add(HypothesisCard(pain_point_id=other.id, experiment="no deadline"))
    assert journey.workshop.id == w.id
    return int(w.id)


def events(data: bytes) -> list:  # type: ignore[type-arg]
    return list(Calendar.from_ical(data).walk("VEVENT"))


def test_ics_has_one_all_day_event_per_task_and_card_deadline(store: Store) -> None:
    wid = _workshop(store)
    data = plan_ics(store.load(wid), TODAY)
    found = events(data)
    # seven plan tasks (preview, two reviews) without "Ship one fix" (it is the dated top
    # card's own event), plus the undated second card's queued task, plus one dated card
    assert len(found) == 7 - 1 + 1 + 1
    for event in found:
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)
        assert "Owner: " in str(event.get("description"))
    card = next(e for e in found
                if "card" in str(e.get("uid")) and "plan-" not in str(e.get("uid")))
    assert str(card.get("summary")) == "Card due: Show status, line\nby line"
    assert card.decoded("dtstart") == dt.date(2024, 3, 15)
    assert "Owner: Bo" in str(card.get("description"))
    review = next(e for e in found if "plan-review@" in str(e.get("uid")))
    assert review.decoded("dtstart") == dt.date(2024, 4, 26)  # day 60 from 29 Feb 2024
    first = next(e for e in found if "plan-review-30@" in str(e.get("uid")))
    assert first.decoded("dtstart") == dt.date(2024, 3, 29)  # day 30


def test_ics_uids_are_stable_across_save_and_runs(store: Store) -> None:
    wid = _workshop(store)
    preview = {str(e.get("uid")) for e in events(plan_ics(store.load(wid), TODAY))}
    assert plan_ics(store.load(wid), TODAY) == plan_ics(store.load(wid), TODAY)
    tasks = regenerate_plan(store, wid)
    saved = {str(e.get("uid")) for e in events(plan_ics(store.load(wid), TODAY))}
    assert preview == saved
    store.update(PlanTask, tasks[0].id, status="dropped")
    dropped = next(e for e in events(plan_ics(store.load(wid), TODAY))
                   if "plan-baseline" in str(e.get("uid")))
    assert str(dropped.get("status")) == "CANCELLED"


def test_tracker_items_of_a_saved_plan_reach_the_csv(store: Store) -> None:
    wid = _workshop(store)
    regenerate_plan(store, wid)
    parsed = rows(tracker_csv(tracker_items([store.load(wid)], TODAY)))
    kinds = [r["kind"] for r in parsed]
    assert kinds.count("card") == 2 and kinds.count("task") == 6
    late = [r for r in parsed if r["overdue"] == "yes"]
    assert {r["title"] for r in late} == {"Show status, line\nby line", "Baseline stage KPIs",
                                          "Assign journey owners"}


def test_sla_commitments_reach_the_csv_with_their_flag() -> None:
    from models.db.tables.method import EscalationLevel
    from models.rules.commitments import tracked_items
    from tests.models.method_helpers import journey, tp

    levels = [EscalationLevel(id=3, workshop_id=1, severity="Sev-1", tier_role="Support Lead",
                              response_sla_minutes=1, update_every_minutes=30),
              EscalationLevel(id=4, workshop_id=1, position=1, severity="=Sev-2")]
    parsed = rows(tracker_csv(tracked_items([journey([tp(1, "x")], levels=levels)], TODAY)))
    assert [(r["kind"], r["item_id"], r["owner"], r["status"], r["deadline"], r["overdue"],
             r["flag"]) for r in parsed] == [
        ("sla", "3", "Support Lead", "standing", "", "no", ""),
        ("sla", "4", "", "standing", "", "no", "no owner; no response SLA; no update cadence")]
    assert parsed[1]["title"].startswith("'=Sev-2: ")
