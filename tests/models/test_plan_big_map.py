"""A generated task's detail on a big map fits the field the store keeps it in.

The "owners" and "baseline" tasks name every unowned touchpoint and every stage
without a baseline.  On a 10,000-touchpoint map with a sixth unowned that list ran
past the store's 20,000-character limit, and regenerating the plan (the Plan step,
``journeymap plan``) stopped with "detail is longer than 20,000 characters".
"""

from __future__ import annotations

from pathlib import Path

from models.db.fields import MAX_TEXT
from models.db.store import Store
from models.db.tables.workshop import Touchpoint
from models.rules.plan import regenerate_plan


def test_owners_task_of_2000_unowned_touchpoints_is_saved_and_says_how_many_more(
        tmp_path: Path) -> None:
    with Store(tmp_path / "big.db", who="lee") as store:
        wid = int(store.create_workshop(title="Big").id or 0)
        stage = store.load(wid).stages[0]
        with store.write() as s:
            s.add_all(Touchpoint(stage_id=int(stage.id or 0), position=i,
                                 name=f"Customer re-enters the account id {i}", owner_team="")
                      for i in range(2000))
        tasks = {t.key: t for t in regenerate_plan(store, wid)}
    detail = tasks["owners"].detail
    assert len(detail) <= MAX_TEXT
    first = f"{stage.name} › Customer re-enters the account id 0; "
    assert detail.startswith(f"Give an owner team to: {first}")
    named = detail.count("›")
    assert 0 < named < 2000
    assert detail.endswith(f"and {2000 - named:,} more.")
