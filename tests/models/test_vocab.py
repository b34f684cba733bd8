"""The one vocabulary and the rules that used to be copied (and had drifted)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.rules.clock import today
from models.rules.tracker import due_text
from models.vocab import LABELS, STEPS, TODAY_ENV, resolve_step


@pytest.mark.parametrize(("typed", "step"), [
    ("3", "touchpoints"), ("pain-points", "pains"), ("Pain points", "pains"),
    ("PAINS", "pains"), ("pain_points", "pains"), (" Stages ", "stages"), ("8", "plan"),
    ("Touchpoints", "touchpoints"), ("owners", "ownership"),
])
def test_resolve_step_accepts_numbers_labels_and_spellings(typed: str, step: str) -> None:
    assert resolve_step(typed) == step


@pytest.mark.parametrize("typed", ["", None, "9", "nowhere", "0"])
def test_resolve_step_refuses_the_unknown(typed: str | None) -> None:
    assert resolve_step(typed) is None


def test_every_step_resolves_from_its_label() -> None:
    assert [resolve_step(LABELS[s]) for s in STEPS] == list(STEPS)


def test_overdue_wording_is_one_rule() -> None:
    on = dt.date(2026, 3, 20)
    assert due_text(dt.date(2026, 3, 17), "proposed", on) == "OVERDUE by 3 days"
    assert due_text(dt.date(2026, 3, 19), "in_progress", on) == "OVERDUE by 1 day"
    assert due_text(dt.date(2026, 3, 17), "done", on) == "done"
    assert due_text(on, "proposed", on) == "due today"
    assert due_text(None, "proposed", on) == "no deadline"
    assert due_text(dt.date(2026, 3, 22), "in_progress", on) == "2 days left"


def test_today_is_pinned_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_ENV, "2026-04-30")
    assert today() == dt.date(2026, 4, 30)
    monkeypatch.setenv(TODAY_ENV, "not a date")
    assert today() == dt.date.today()


def test_plan_start_defaults_to_the_pinned_today(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    from models.db.store import Store
    from models.rules.plan import generate_plan

    monkeypatch.setenv(TODAY_ENV, "2026-04-30")
    store = Store(tmp_path / "w.db", who="t")
    journey = store.load(int(store.create_workshop(title="x").id or 0))
    tasks = generate_plan(journey)
    assert tasks and min(t.start for t in tasks if t.start) == dt.date(2026, 4, 30)
