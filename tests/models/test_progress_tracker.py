"""The Tracker step is complete when every open item has an owner and a deadline."""

def test_tracker_step_is_done_when_every_open_item_has_an_owner_and_a_deadline() -> None:
    import datetime as dt

    from models.db.journey import Journey
    from models.db.tables.cards import HypothesisCard, PlanTask
    from models.db.tables.workshop import Workshop
    from models.rules.progress import step_states

    j = Journey(workshop=Workshop(id=1))
    assert step_states(j)["tracker"].missing == "no cards or plan tasks yet"
    day = dt.date(2026, 3, 10)
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=day),
               HypothesisCard(id=2, pain_point_id=2, status="dropped")]
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, owner="", deadline=day)]
    state = step_states(j)["tracker"]
    assert not state.done and state.missing == "1 item without an owner or a deadline"
    j.plan_tasks[0].owner = "Bo"
    assert step_states(j)["tracker"].done
