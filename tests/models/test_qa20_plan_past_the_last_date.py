"""A plan whose dates would run past the last date a workshop holds is refused whole.

`plan 3 --start 2199-12-01 --regenerate` wrote the first tasks' new dates (2199-12-13),
then met a deadline of 2200-01-10 and stopped with "deadline must be between 1970-01-01
and 2199-12-31, not 2200-01-10.": a refusal that had changed half the plan, worded about
a deadline the lead never typed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from models.db.fields import FieldError
from models.db.store import Store
from models.export.templates import create_from_template
from models.rules.plan import regenerate_plan


def test_a_plan_running_past_2199_changes_nothing_and_names_the_start(store: Store) -> None:
    wid = create_from_template(store, "login-lockout", start_date=dt.date(2026, 12, 1))
    before = [(t.key, t.start, t.deadline) for t in regenerate_plan(store, wid)]
    with pytest.raises(FieldError) as refused:
        regenerate_plan(store, wid, dt.date(2199, 12, 1))
    assert "2199-12-01" in str(refused.value) and "2199-12-31" in str(refused.value)
    assert "start" in str(refused.value)
    after = [(t.key, t.start, t.deadline) for t in store.load(wid).plan_tasks]
    assert after == before


def test_a_plan_ending_by_2199_12_31_is_saved(store: Store) -> None:
    wid = create_from_template(store, "blank")
    tasks = regenerate_plan(store, wid, dt.date(2199, 10, 1))
    assert max(t.deadline for t in tasks if t.deadline) <= dt.date(2199, 12, 31)
