"""The change log in words (``journeymap log`` and the TUI activity panel).

A log line names the row it is about as people know it today ("touchpoint Reset link:
owner team"): every kind of row by its current name, the field in words, a summary
written at the time kept as it is, a row gone since named by its table and number, and a
long name cut at 60 characters so the line fits.  A file has no server push: the 100 ms
poll is how a seat learns of a change.
"""

from __future__ import annotations

from pathlib import Path

from models.db.journey import Journey
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.history import ChangeLog
from models.db.tables.workshop import Handoff, Stage, Touchpoint, Workshop
from models.live.activity import describe, subject_names
from models.live.watch import Watcher


def _journey() -> Journey:
    stage = Stage(id=3, workshop_id=7, name="Sign in", position=0)
    return Journey(
        workshop=Workshop(id=7, title="Login"),
        stages=[stage],
        touchpoints={3: [Touchpoint(id=11, stage_id=3, name="Reset link"),
                         Touchpoint(id=12, stage_id=3, name="Chat")]},
        pain_points=[PainPoint(id=21, workshop_id=7, description="Link expires")],
        cards=[HypothesisCard(id=31, workshop_id=7, experiment="Longer link")],
        plan_tasks=[PlanTask(id=41, workshop_id=7, title="Ship it")],
        handoffs=[Handoff(id=51, workshop_id=7, from_team="Tier 1", to_team="Billing")],
    )


def test_every_kind_of_row_is_named_as_people_know_it() -> None:
    assert subject_names(_journey()) == {
        ("workshop", 7): "workshop",
        ("stage", 3): "stage Sign in",
        ("touchpoint", 11): "touchpoint Reset link",
        ("touchpoint", 12): "touchpoint Chat",
        ("painpoint", 21): "pain point Link expires",
        ("hypothesiscard", 31): "card Longer link",
        ("plantask", 41): "plan task Ship it",
        ("handoff", 51): "handoff Tier 1 → Billing",
    }


def test_a_workshop_never_saved_is_still_the_workshop() -> None:
    assert subject_names(Journey(workshop=Workshop(title="Draft"))) == {
        ("workshop", 0): "workshop"}


def _line(entity: str, entity_id: int | None, field: str = "", summary: str = "") -> ChangeLog:
    return ChangeLog(workshop_id=7, entity=entity, entity_id=entity_id, field=field,
                     summary=summary)


def test_a_line_names_its_row_and_the_field_in_words() -> None:
    names = subject_names(_journey())
    assert describe(_line("touchpoint", 11, "owner_team"), names) == (
        "touchpoint Reset link: owner team")
    assert describe(_line("handoff", 51, "sla_minutes"), names) == (
        "handoff Tier 1 → Billing: sla minutes")
    assert describe(_line("stage", 3), names) == "stage Sign in"


def test_a_summary_written_at_the_time_is_kept_as_it_was() -> None:
    names = subject_names(_journey())
    line = _line("touchpoint", 11, "name", summary="imported march.csv (12 tickets, 2024-03)")
    assert describe(line, names) == "imported march.csv (12 tickets, 2024-03)"


def test_a_row_gone_since_is_named_by_its_table_and_number() -> None:
    names = subject_names(_journey())
    assert describe(_line("touchpoint", 99, "name"), names) == "touchpoint 99: name"
    assert describe(_line("ticketsource", None), names) == "ticket source"
    assert describe(_line("ticketsource", None, "links"), names) == "ticket source: links"
    # a line that names no row is about no row, not the first one
    assert describe(_line("stage", None), {("stage", 1): "stage Sign in"}) == "stage"


def test_a_long_name_is_cut_at_60_characters_with_a_mark_before_the_field() -> None:
    journey = _journey()
    journey.stages[0].name = "S" * 80
    names = subject_names(journey)
    cut = ("stage " + "S" * 80)[:59] + "…"
    assert describe(_line("stage", 3, "kpi_name"), names) == f"{cut}: kpi name"
    assert describe(_line("stage", 3), names) == cut
    exactly = "stage " + "S" * 54
    journey.stages[0].name = "S" * 54
    assert describe(_line("stage", 3), subject_names(journey)) == exactly


def test_a_file_has_no_push_so_a_seat_polls(db_path: Path, store: Store) -> None:
    wid = int(store.create_workshop(title="Login").id or 0)
    woken: list[int] = []
    assert Watcher(store).wake_on(wid, lambda: woken.append(1)) is False
    assert woken == []
