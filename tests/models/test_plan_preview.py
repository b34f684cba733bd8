"""The export's unsaved plan preview has exactly the fields and defaults of a PlanTask."""

from __future__ import annotations

from models.db.tables.cards import PlanTask
from models.rules.plan_preview import PreviewTask


def test_preview_task_is_a_plan_task_without_the_orm() -> None:
    table = PlanTask(workshop_id=0)
    preview = PreviewTask()
    assert list(PreviewTask.__slots__) == list(PlanTask.model_fields)
    for name in PlanTask.model_fields:
        if name != "id":  # a preview task is never saved: id 0, as the exports show it
            assert getattr(preview, name) == getattr(table, name), name
