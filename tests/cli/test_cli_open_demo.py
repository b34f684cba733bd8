"""``open`` and ``demo``: what reaches the TUI, and what is refused before it starts.

The TUI itself is not started: ``launched`` stands in for ``tui.app.launch`` and
records how it would have been called.  Split from ``test_cli_workshops.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from tests.cli.cli_runs import one_error_line, run


# -- open / demo --------------------------------------------------------------------------
def test_open_passes_everything_to_the_tui(db_path: Path, launched: list[Any]) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    result = run(db_path, "open", str(wid), "--step", "stages", "--as", "Ana",
                 "--role", "observer")
    assert result.exit_code == 0, result.output
    assert launched == [((db_path,), {"workshop_id": wid, "step": "stages", "who": "Ana",
                                      "role": "observer"})]


def test_open_without_id_opens_home_as_the_current_user(db_path: Path,
                                                        launched: list[Any]) -> None:
    Store(db_path).close()
    assert run(db_path, "open").exit_code == 0
    assert launched == [((db_path,), {"workshop_id": None, "step": None, "who": "tester"})]


@pytest.mark.parametrize(("typed", "step"), [
    ("3", "touchpoints"), ("pain-points", "pains"), ("Pain points", "pains"), ("PLAN", "plan"),
])
def test_open_accepts_step_numbers_and_labels(db_path: Path, launched: list[Any], typed: str,
                                              step: str) -> None:
    wid = Store(db_path).create_workshop(title="x").id
    result = run(db_path, "open", str(wid), "--step", typed, "--as", "Ana")
    assert result.exit_code == 0, result.output
    assert launched == [((db_path,), {"workshop_id": wid, "step": step, "who": "Ana"})]


@pytest.mark.parametrize(("args", "needle"), [
    (["99"], "There is no workshop 99"),
    (["--step", "nowhere"], "no step 'nowhere'"),
    (["--role", "boss"], "--role must be one of: lead, participant, observer"),
])
def test_open_errors_do_not_start_the_tui(db_path: Path, launched: list[Any],
                                          args: list[str], needle: str) -> None:
    Store(db_path).create_workshop(title="x")
    one_error_line(run(db_path, "open", *args), needle)
    assert launched == []


def test_demo_is_created_once(db_path: Path, launched: list[Any]) -> None:
    first = run(db_path, "demo", "--no-open")
    assert first.exit_code == 0, first.output
    demo_id = int(first.stdout)
    again = run(db_path, "demo")
    assert again.exit_code == 0 and int(again.stdout) == demo_id
    assert launched == [((db_path,), {"workshop_id": demo_id, "step": None, "who": "tester"})]
    journey = Store(db_path).load(demo_id)
    assert journey.pain_points and journey.ordered_touchpoints()
    assert "lock" in (journey.workshop.template + journey.workshop.title).lower()
    # a deleted demo is created again, and a regular workshop never gets the deleted
    # demo's id (ids are never reused) nor is mistaken for the demo
    Store(db_path).delete_workshop(demo_id)
    mine = int(run(db_path, "new", "-t", journey.workshop.template or "blank", "--persona", "P",
                   "--scenario", "S").stdout)
    assert mine != demo_id
    third = run(db_path, "demo", "--no-open")
    assert third.exit_code == 0 and int(third.stdout) != mine
    assert len(Store(db_path).list_workshops()) == 2
    assert Store(db_path).get_workshop(mine).persona == "P"


def test_demo_opens_complete_with_a_saved_plan_from_today(db_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from models.rules.handoffs import ownership_risks
    from models.rules.plan import PHASES
    from models.rules.progress import step_states
    from models.vocab import STEPS as BAR

    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    demo_id = int(run(db_path, "demo", "--no-open").stdout)
    journey = Store(db_path).load(demo_id)
    states = step_states(journey)
    assert all(states[step].done for step in BAR), {s: v.missing for s, v in states.items()}
    today = dt.date(2026, 3, 10)
    assert journey.workshop.start_date == today
    # the method's phases and two reviews, then every card after the first (plan branch)
    assert len(journey.plan_tasks) == len(PHASES) + len(journey.cards) - 1
    assert all(t.owner and t.deadline for t in journey.plan_tasks)
    assert min(t.start for t in journey.plan_tasks if t.start) == today
    assert journey.cards and all(c.owner and c.deadline and c.deadline > today
                                 for c in journey.cards)
    # the risks are the example's own: the invisible Support -> Tier 2 wait, nothing else
    risks = ownership_risks(journey)
    assert [r.kind for r in risks] == ["customer_not_informed"], [r.message for r in risks]
    assert "Support → Tier 2 support" in risks[0].message
