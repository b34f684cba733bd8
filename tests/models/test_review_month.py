"""The review never points at its own journey, says what each number is, and answers a month."""

from __future__ import annotations

import datetime as dt

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.rules.review import leadership_review, month_bounds, month_items

D = dt.date


def journey(wid: int = 1, **workshop: object) -> Journey:
    stages = [Stage(id=1, workshop_id=wid, name="Self-Service Attempt")]
    tps = {1: [Touchpoint(id=1, stage_id=1, name="Reset email", owner_team="Eng")]}
    pains = [PainPoint(id=1, workshop_id=wid, touchpoint_id=1, kind="loop", impact=3, effort=1,
                       ticket_volume=412, description="reset email late")]
    return Journey(workshop=Workshop(id=wid, **workshop), stages=stages, touchpoints=tps,
                   pain_points=pains)


def test_next_journey_is_never_the_journey_itself() -> None:
    lockout = journey(scenario="Admin locked out of the account", persona="Workspace admin")
    answer = leadership_review(lockout, [lockout])[3].answer
    assert "account access" not in answer.lower() and "login" not in answer.lower()
    assert "billing disputes" in answer
    billing = journey(title="Billing dispute", scenario="Customer disputes a charge")
    answer = leadership_review(billing, [billing])[3].answer
    assert "billing" not in answer.lower()
    # a second copy of the same journey in the database is not "the next journey" either
    copy = journey(2, title="Billing dispute", scenario="Customer disputes a charge",
                   evidence_ticket_volume=5000)
    answer = leadership_review(billing, [billing, copy])[3].answer
    assert "“Billing dispute”" not in answer


def test_every_number_says_what_it_is() -> None:
    j = journey()
    review = [a.answer for a in leadership_review(j, [j])]
    assert "412 tickets/month on its loop pain points" in review[0]
    assert "repeat contacts: 412" not in review[0]
    assert "412 tickets/month on this pain point" in review[2]
    other = journey(2, title="Orders", evidence_ticket_volume=900)
    assert "900 tickets/month on that journey" in leadership_review(j, [j, other])[3].answer


def test_month_bounds_and_items_due_that_month() -> None:
    assert month_bounds("2026-02") == (D(2026, 2, 1), D(2026, 2, 28))
    j = journey()
    j.cards = [HypothesisCard(id=1, pain_point_id=1, owner="Ana", deadline=D(2026, 5, 4))]
    j.plan_tasks = [PlanTask(id=1, workshop_id=1, key="review", title="Review",
                             deadline=D(2026, 6, 1))]
    assert "Ana" in month_items(j, "2026-05") and "1 item due" in month_items(j, "2026-05")
    assert "no item is due" in month_items(j, "2026-04").lower()
    # after the plan, the monthly copy of the day-60 review (Wednesday 1 July 2026)
    assert "2026-07-01, monthly copy of the day-60 review" in month_items(j, "2026-07")
    # the open friction is judged as of the end of the month asked about
    may = leadership_review(j, [j], month="2026-04")[2].answer
    june = leadership_review(j, [j], month="2026-05")[2].answer
    assert "OVERDUE" not in may and "OVERDUE" in june
    # the current month is judged as of today: a deadline later this month is not late yet
    early = leadership_review(j, [j], month="2026-05", today=D(2026, 5, 2))[2].answer
    assert "OVERDUE" not in early
    assert "OVERDUE" not in month_items(j, "2026-05", today=D(2026, 5, 2))


def test_month_is_validated_in_one_sentence() -> None:
    import pytest

    with pytest.raises(ValueError, match="YYYY-MM"):
        month_bounds("May")
