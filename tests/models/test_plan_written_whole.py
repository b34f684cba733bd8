"""A generated plan is written whole, in one transaction and a few flushes.

The Plan's first visit on an unplanned map writes one task a card: on a map of 2,500
cards, ``regenerate_plan`` added them one transaction each (2,506 flushes, the
workshop touched as often, a whole map read back at the end), two seconds of the
screen's thread and 60 MB; and a task refused half way left half a plan saved.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import Session

from models.db import store_edits
from models.db.fields import FieldError
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.rules.plan import regenerate_plan
from tests.helpers import build_workshop_with_cards


def _with_more_cards(store: Store, wid: int, more: int) -> None:
    tp = store.load(wid).ordered_touchpoints()[0]
    for n in range(more):
        pain = store.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id,
                                   description=f"Extra pain {n}", impact=2, effort=2))
        store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment=f"Fix {n}"))


def _flushes(store: Store, wid: int) -> tuple[int, int]:
    seen = [0]

    def count(*_args: Any) -> None:
        seen[0] += 1

    event.listen(Session, "after_flush", count)
    try:
        tasks = regenerate_plan(store, wid)
    finally:
        event.remove(Session, "after_flush", count)
    return seen[0], len(tasks)


def test_the_flushes_do_not_grow_with_the_cards(tmp_path: Path) -> None:
    with Store(tmp_path / "a.db", who="lea") as a, Store(tmp_path / "b.db", who="lea") as b:
        wa, wb = build_workshop_with_cards(a), build_workshop_with_cards(b)
        _with_more_cards(b, wb, 12)
        few, few_tasks = _flushes(a, wa)
        many, many_tasks = _flushes(b, wb)
    assert many_tasks == few_tasks + 12
    assert many == few


def test_a_task_refused_half_way_leaves_no_half_plan(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    real = store_edits.check_row
    checked = [0]

    def refuse_the_third_task(row: Any) -> None:
        if isinstance(row, PlanTask):
            checked[0] += 1
            if checked[0] == 3:
                raise FieldError("deadline must be a date.")
        real(row)

    with Store(tmp_path / "j.db", who="lea") as store:
        wid = build_workshop_with_cards(store)
        monkeypatch.setattr(store_edits, "check_row", refuse_the_third_task)
        with pytest.raises(FieldError):
            regenerate_plan(store, wid)
        assert store.load(wid).plan_tasks == []
        monkeypatch.setattr(store_edits, "check_row", real)
        tasks = regenerate_plan(store, wid)
        assert [t.position for t in tasks] == list(range(1, len(tasks) + 1))
        assert tasks == store.load(wid).plan_tasks
