"""JTBD hints, five-whys chains, moments of truth, Eisenhower triage and review staleness."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Workshop
from models.rules.five_whys import check_chain, next_why
from models.rules.jtbd import jtbd_hints, jtbd_sentence, process_step_in
from models.rules.moments import moments_of_truth, shapes
from models.rules.staleness import review_status, stale_maps
from models.rules.triage import eisenhower, triage
from tests.models.method_helpers import CREATED, journey, tp

JOB: dict[str, Any] = dict(jtbd_when="I am locked out before the 9 am payroll run",
           jtbd_want="get back into my admin console", jtbd_so_that="I can run payroll on time",
           persona_goal="run payroll on time")


# -- jobs to be done ------------------------------------------------------------------------
def test_a_complete_job_reads_as_one_sentence_and_has_no_hints() -> None:
    w = Workshop(**JOB)
    assert jtbd_sentence(w) == ("When I am locked out before the 9 am payroll run, I want to "
                                "get back into my admin console, so I can run payroll on time.")
    assert jtbd_hints(w) == []


def test_missing_parts_and_an_empty_job_are_hinted() -> None:
    assert [h.part for h in jtbd_hints(Workshop())] == ["want"]
    assert "No job to be done yet" in jtbd_hints(Workshop())[0].text
    hints = jtbd_hints(Workshop(jtbd_want="get back in", persona_goal="get back in"))
    assert [h.part for h in hints] == ["when", "so_that"]
    assert jtbd_sentence(Workshop(jtbd_want="get back in")) == "I want to get back in."


@pytest.mark.parametrize(("want", "step"), [
    ("submit a ticket about my login", "submit a ticket"),
    ("Verify my identity", "verify"),
    ("have the issue ESCALATED", ""),  # a different word form is not the step itself
    ("escalate to tier 2", "escalate"),
    ("get back into my console", ""),
])
def test_a_want_that_restates_a_process_step_is_flagged(want: str, step: str) -> None:
    assert process_step_in(want) == step
    hints = jtbd_hints(Workshop(**{**JOB, "jtbd_want": want}))
    assert any("company's process step" in h.text for h in hints) == bool(step)


def test_a_job_unrelated_to_the_persona_goal_is_hinted() -> None:
    w = Workshop(**{**JOB, "persona_goal": "reduce invoice disputes"})
    assert [h.part for h in jtbd_hints(w)] == ["persona_goal"]


# -- five whys ------------------------------------------------------------------------------
def test_a_complete_chain() -> None:
    pain = PainPoint(workshop_id=1,
                     five_whys="They abandon\nThe code never arrives\nSMS provider throttles",
                     root_cause="No fallback channel for one-time codes")
    check = check_chain(pain)
    assert check.complete and check.problems == [] and len(check.answers) == 3
    assert next_why(pain) == "Why 4?"


def test_a_blank_in_the_middle_breaks_the_chain() -> None:
    check = check_chain(PainPoint(workshop_id=1, five_whys="a\n\nc\n \ne", root_cause="r"))
    assert not check.complete
    assert check.problems == ["Why 2, 4 are blank: the chain breaks there."]


def test_five_answers_need_a_root_cause_and_a_root_cause_needs_a_chain() -> None:
    full = PainPoint(workshop_id=1, five_whys="1\n2\n3\n4\n5")
    assert check_chain(full).problems == [
        "The chain has all five answers but no root cause: name it."]
    assert next_why(full) == ""
    assert check_chain(PainPoint(workshop_id=1, root_cause="r")).problems == [
        "A root cause is stated without a why chain that leads to it."]
    unfinished = check_chain(PainPoint(workshop_id=1, five_whys="1\n2"))
    assert unfinished.problems == [] and not unfinished.complete
    six = PainPoint(workshop_id=1, five_whys="1\n2\n3\n4\n5\n6", root_cause="r")
    assert check_chain(six).problems == [
        "The chain has 6 answers; five whys stops at 5."]


# -- moments of truth -----------------------------------------------------------------------
@pytest.mark.parametrize(("line", "expected"), [
    ([0, -2, 1, 2, 0], ["", "valley", "", "peak", ""]),
    ([-2, -2, 0], ["valley", "", ""]),
    ([1, 1, 1], ["", "", ""]),
    ([2], [""]),
    ([], []),
    ([-1, -2, -2, -1], ["", "valley", "", ""]),
])
def test_peaks_and_valleys(line: list[int], expected: list[str]) -> None:
    assert shapes(line) == expected


def test_moments_show_owner_and_card_gaps() -> None:
    tps = [tp(1, "Search help", sentiment=0, moment_of_truth=True, owner_team="Docs"),
           tp(2, "Locked out", sentiment=-2),
           tp(3, "Reset works", sentiment=2, owner_team="Identity"),
           tp(4, "Survey", sentiment=0)]
    pain = PainPoint(workshop_id=1, id=1, touchpoint_id=1)
    j = journey(tps, pains=[pain], cards=[HypothesisCard(id=1, pain_point_id=1)])
    moments = moments_of_truth(j)
    assert [(m.touchpoint.id, m.shape, m.gaps) for m in moments] == [
        (1, "", []),
        (2, "valley", ["no owner", "no card", "not flagged as a moment of truth"]),
        (3, "peak", []),
    ]
    assert moments[0].text == "“Search help” (moment of truth, sentiment +0): owned, with a card"
    assert moments[1].text.startswith("“Locked out” (valley, sentiment -2): no owner; no card")


# -- Eisenhower triage ----------------------------------------------------------------------
def test_eisenhower_quadrants() -> None:
    assert [eisenhower(u, i) for u, i in ((True, True), (False, True), (True, False),
                                          (False, False))] == [
        "do_now", "schedule", "delegate", "drop"]
    j = journey([tp(1, "x")], pains=[PainPoint(workshop_id=1, id=1, description="Outage",
                                               urgent=True, important=True),
                                     PainPoint(workshop_id=1, id=2, description="Typo")])
    groups = triage(j)
    assert [t.pain.id for t in groups["do_now"]] == [1]
    assert [t.pain.id for t in groups["drop"]] == [2]
    assert groups["do_now"][0].text.startswith("“Outage”: do now")


# -- staleness ------------------------------------------------------------------------------
TODAY = dt.date(2026, 3, 1)


def test_reviewed_45_days_ago_is_15_days_overdue() -> None:
    status = review_status(Workshop(last_reviewed_at=TODAY - dt.timedelta(days=45),
                                    created_at=CREATED), TODAY)
    assert status.due and status.days_overdue == 15
    assert status.text == "last reviewed 2026-01-15 (45 days ago); review 15 days overdue"


def test_a_recent_review_or_a_new_map_is_not_due() -> None:
    assert not review_status(Workshop(last_reviewed_at=TODAY - dt.timedelta(days=30),
                                      created_at=CREATED), TODAY).due
    fresh = Workshop(created_at=dt.datetime(2026, 2, 20, 23, 30, tzinfo=dt.UTC))
    status = review_status(fresh, TODAY)
    assert not status.due and status.text == "never reviewed; first review due 2026-03-22"


def test_never_reviewed_and_older_than_a_month_is_due() -> None:
    status = review_status(Workshop(created_at=CREATED), TODAY)  # created 2026-01-01
    assert status.due and status.days_overdue == 59 - 30
    assert status.text == "never reviewed; review due (29 days overdue)"


def test_stale_maps_most_overdue_first() -> None:
    maps = [Workshop(id=1, created_at=CREATED, last_reviewed_at=TODAY),
            Workshop(id=2, created_at=CREATED, last_reviewed_at=dt.date(2026, 1, 20)),
            Workshop(id=3, created_at=CREATED)]
    assert [s.workshop.id for s in stale_maps(maps, TODAY)] == [3, 2]


def test_a_review_is_a_tracker_line_of_the_lead() -> None:
    from models.rules.staleness import review_item

    j = journey([tp(1, "x")], lead="Ana", title="Lockout", last_reviewed_at=dt.date(2026, 1, 15))
    item = review_item(j, TODAY)
    assert (item.kind, item.owner, item.overdue, item.days_left) == ("review", "Ana", True, -15)
    assert item.deadline == dt.date(2026, 2, 14) and item.workshop_title == "Lockout"
    fresh = review_item(journey([tp(1, "x")], last_reviewed_at=TODAY), TODAY)
    assert not fresh.overdue and fresh.days_left == 30


def test_a_card_drafted_from_a_root_cause_fixes_the_cause() -> None:
    from models.rules.cards import draft_card

    pain = PainPoint(workshop_id=1, id=1, touchpoint_id=1, description="Code never arrives",
                     root_cause="no fallback channel for one-time codes")
    draft = draft_card(journey([tp(1, "Verify")], pains=[pain]), pain)
    assert draft["experiment"] == "fixing the root cause at Verify: no fallback channel for " \
        "one-time codes"
