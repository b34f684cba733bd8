"""What a reader of the Markdown action plan gets (models/export/markdown.py, through its public
functions only): the chosen sections in document order, a one-screen summary a leader can act
on (top three pain points with their cards, the next four dates, the risks in words), every
unsaid field marked "not recorded" instead of left blank, and typed text shown literally."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard, PainPoint, PlanTask
from models.db.tables.workshop import Stage, Touchpoint, Workshop
from models.export.markdown import (
    SECTIONS,
    due_text,
    parse_sections,
    to_markdown,
    with_plan_preview,
)
from models.export.md_map import actor_legend
from models.rules.tracker import TrackerItem

TODAY = dt.date(2026, 3, 16)
START = dt.date(2026, 3, 2)


def _journey(**workshop: object) -> Journey:
    values: dict[str, object] = {"id": 7, "title": "Login lockout", "persona": "Admin",
                                 "scenario": "cannot log in", "start_date": START}
    values.update(workshop)
    journey = Journey(workshop=Workshop(**values))
    journey.stages = [Stage(id=1, workshop_id=7, name="Notice", position=0, kpi_name="Wait",
                            kpi_target=5.0, kpi_unit="min"),
                      Stage(id=2, workshop_id=7, name="", position=1)]
    journey.touchpoints = {
        1: [Touchpoint(id=1, stage_id=1, name="Login page", channel="web", sentiment=-2,
                       lane="frontstage", owner_team="Web", moment_of_truth=True,
                       does="types | password", feels="angry"),
            Touchpoint(id=2, stage_id=1, name="Chat", sentiment=1, lane="backstage")],
        2: []}
    return journey


def _pain(pid: int, text: str, volume: int | None = None, tp: int | None = 1, impact: int = 3,
          effort: int = 1) -> PainPoint:
    return PainPoint(id=pid, workshop_id=7, description=text, ticket_volume=volume,
                     touchpoint_id=tp, impact=impact, effort=effort)


def _only(journey: Journey, section: str) -> str:
    text = to_markdown(journey, today=TODAY, sections=[section])
    return text.split("\n\n", 2)[2]


def test_no_choice_is_every_section_in_document_order() -> None:
    assert parse_sections(None) == SECTIONS
    assert parse_sections(["Review", " summary ", "", "pains"]) == ("summary", "pains", "review")
    assert parse_sections(["action-plan"]) == ("summary", "pains", "cards", "tracker", "plan",
                                               "review")
    assert parse_sections(["ALL", "scope"]) == SECTIONS


def test_an_unknown_or_empty_choice_is_refused_in_one_sentence() -> None:
    with pytest.raises(ValueError) as unknown:
        parse_sections(["pains", " Colour "])
    assert str(unknown.value) == (
        "Unknown section 'Colour': choose from summary, scope, stages, touchpoints, ownership, "
        "handoffs, pains, cards, tracker, plan, measured, review, method, diagrams, "
        "action-plan, all.")
    with pytest.raises(ValueError) as empty:
        parse_sections(["", "  "])
    assert str(empty.value) == "No section chosen: name at least one, for example action-plan."


def test_the_document_starts_with_title_date_and_workshop_and_ends_with_a_newline() -> None:
    text = to_markdown(_journey(title="# Not a *heading*"), today=TODAY, sections=["scope"])
    assert text.startswith("# \\# Not a \\*heading\\*\n\nCustomer journey map and action plan, "
                           "exported 2026-03-16 (workshop 7).\n\n## Scope\n")
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_the_scope_marks_every_unsaid_field_not_recorded() -> None:
    text = _only(_journey(persona="", evidence_ticket_volume=1234, evidence_csat="4.1"),
                 "scope")
    assert "- **Persona:** *not recorded*" in text
    assert "- **Scenario:** cannot log in" in text
    assert "- **Start date:** 2026-03-02" in text
    assert "- **Facilitator:** *not recorded*" in text
    assert "- **Map state:** current" in text
    assert "- **Ticket volume:** 1,234 tickets/month" in text
    assert "- **CSAT:** 4.1" in text
    assert "- **Notes:** *not recorded*" in text
    assert "- **Ticket volume:** *not recorded*" in _only(_journey(), "scope")


def test_stages_show_their_kpi_range_or_say_what_is_not_recorded() -> None:
    text = _only(_journey(), "stages")
    assert "| 1 | Notice |  | Wait | not recorded → 5 min |" in text
    assert "| 2 |  |  |  | not recorded → not recorded |" in text
    empty = _journey()
    empty.stages = []
    assert _only(empty, "stages") == "## Stages and KPIs\n\n*No stages yet.*\n"


def test_touchpoints_say_sentiment_in_words_and_what_the_customer_does() -> None:
    text = _only(_journey(), "touchpoints")
    assert "### 1. Notice" in text and "### 2. Unnamed stage\n\n*No touchpoints yet.*" in text
    assert ("| 1 | Login page (moment of truth) | web | -2 (very negative) | frontstage | Web |"
            in text)
    assert "| 2 | Chat |  | +1 (positive) | backstage | *no owner* |" in text
    assert "- **1.** Does: types \\| password; Feels: angry" in text
    assert "**2.**" not in text


def test_the_summary_leads_with_scope_plan_dates_and_top_three_pains() -> None:
    journey = _journey(evidence_ticket_volume=5000)
    journey.pain_points = [_pain(1, "Locked out", 900), _pain(2, "Mail late", None),
                           _pain(3, "Unclear error", 40), _pain(4, "Fourth", 10, impact=1)]
    journey.cards = [HypothesisCard(id=1, pain_point_id=1, experiment="Unlock by mail.",
                                    owner="", deadline=None, status="in_progress")]
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="implement", title="Ship",
                                   owner="Ana", start=START, deadline=dt.date(2026, 3, 20))]
    text = _only(journey, "summary")
    assert text.startswith(
        "## Summary\n\n- **Scope:** Admin — cannot log in (5,000 tickets/month recorded for "
        "this journey)\n- **Plan:** day 1 is 2026-03-02, day 60 is 2026-04-30; leadership "
        "review on day 30 and day 60, then monthly.\n")
    assert ("1. Locked out (900 tickets/month on this pain point).\n"
            "   Card: Unlock by mail. Owner: Ana, due 2026-03-20 (in progress).") in text
    assert "2. Unclear error (40 tickets/month on this pain point).\n   Card: *none yet*" in text
    assert "3. Mail late (no ticket volume recorded).\n   Card: *none yet* — draft one." in text
    assert "Fourth" not in text


def test_the_summary_lists_the_next_four_open_dates_from_today() -> None:
    journey = _journey()
    days = [-1, 0, 3, 1, 9, 20, 30]
    journey.plan_tasks = [PlanTask(id=n, workshop_id=7, key=f"k{n}", title=f"T{n}",
                                   owner="Ana" if n % 2 else "",
                                   deadline=TODAY + dt.timedelta(days=d),
                                   status="done" if d == 9 else "open")
                          for n, d in enumerate(days, start=1)]
    text = _only(journey, "summary")
    dates = text.split("**Next dates**\n\n")[1].split("\n\n")[0]
    assert dates == ("- 2026-03-16: T2 (*unassigned*)\n- 2026-03-17: T4 (*unassigned*)\n"
                     "- 2026-03-19: T3 (Ana)\n- 2026-04-05: T6 (*unassigned*)")


def test_the_summary_says_when_there_is_nothing_yet() -> None:
    journey = _journey(persona="", scenario="", start_date=None)
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="Undated")]
    text = _only(journey, "summary")
    assert "- **Scope:** *not recorded*\n\n" in text and "**Plan:**" not in text
    assert "*No pain points yet.*" in text
    assert "- *Nothing dated ahead.*" in text


def test_the_risks_are_counted_in_words() -> None:
    journey = _journey()
    journey.pain_points = [_pain(1, "A"), _pain(2, "B")]
    journey.cards = [HypothesisCard(id=1, pain_point_id=1, owner="", status="open",
                                    deadline=TODAY - dt.timedelta(days=2)),
                     HypothesisCard(id=2, pain_point_id=2, owner="Ana", status="open",
                                    deadline=dt.date(2026, 6, 1))]
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="x", title="late", owner="Bo",
                                   start=START, deadline=TODAY - dt.timedelta(days=1))]
    risks = _only(journey, "summary").split("**Risks**\n\n")[1]
    assert "- 2 items OVERDUE (see Tracker).\n" in risks
    assert "- 1 of 2 open cards has no owner.\n" in risks
    assert "- 1 card due after day 60: next cycle.\n" in risks
    journey.cards[0].status = "done"
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="Undated")]
    risks = _only(journey, "summary").split("**Risks**\n\n")[1]
    assert "OVERDUE" not in risks and "have no owner" not in risks


def test_one_overdue_item_is_singular() -> None:
    journey = _journey()
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="x", title="late", owner="Bo",
                                   start=START, deadline=TODAY - dt.timedelta(days=1))]
    assert "- 1 item OVERDUE (see Tracker)." in _only(journey, "summary")


def test_a_card_shows_its_pain_rank_owner_deadline_result_and_flags() -> None:
    journey = _journey()
    journey.pain_points = [_pain(1, "Locked *out*")]
    journey.cards = [HypothesisCard(id=1, pain_point_id=1, experiment="Unlock by mail",
                                    owner="Ana", deadline=dt.date(2026, 3, 30), status="done",
                                    result_notes="worked", result_value=3.5),
                     HypothesisCard(id=2, pain_point_id=99, experiment="Orphan")]
    text = _only(journey, "cards")
    assert "### Card 1 (pain point ranked 1): Locked \\*out\\*" in text
    assert "- **Owner:** Ana\n- **Deadline:** 2026-03-30\n- **Status:** done" in text
    assert "- **Result:** worked (measured: 3.5)" in text
    assert "### Card 2: Untitled pain point" in text
    assert "- **Owner:** *not recorded*\n- **Deadline:** *not recorded*" in text
    assert not text.endswith("\n\n")


def test_a_plan_not_saved_says_how_to_save_it() -> None:
    journey = _journey()
    journey.pain_points = [_pain(1, "Locked out")]
    text = _only(journey, "plan")
    assert ("*Generated from the map and not saved yet: save it with `journeymap plan 7` to "
            "track and edit it.*") in text
    assert "Day 1 is 2026-03-02, day 60 is 2026-04-30." in text
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="A", detail="Same",
                                   phase="P", start=START, deadline=START),
                          PlanTask(id=2, workshop_id=7, key="a", title="A", detail="Same",
                                   phase="P", start=START, deadline=START),
                          PlanTask(id=3, workshop_id=7, key="b", title="", detail="Other")]
    saved = _only(journey, "plan")
    assert "not saved yet" not in saved
    assert "| P | A | *unassigned* | 2026-03-02 | 2026-03-02 | proposed |" in saved
    assert "|  |  | *unassigned* | no date | no date | proposed |" in saved
    assert saved.count("- **A:** Same") == 1 and "- **b:** Other" in saved


def test_a_workshop_with_no_start_date_dates_its_preview_from_the_given_today() -> None:
    """Not from the machine's clock: the document is the same whenever it is rendered."""
    journey = _journey(start_date=None)
    journey.pain_points = [_pain(1, "Locked out")]
    text = _only(journey, "plan")
    assert "Day 1 is 2026-03-16, day 60 is 2026-05-14." in text
    later = to_markdown(journey, today=dt.date(2031, 1, 6), sections=["summary"])
    assert "- **Plan:** day 1 is 2031-01-06, day 60 is 2031-03-06;" in later
    preview, _saved = with_plan_preview(journey, TODAY)
    assert min(t.start for t in preview.plan_tasks if t.start) == TODAY


def test_the_plan_preview_is_used_only_when_nothing_is_saved() -> None:
    journey = _journey()
    journey.pain_points = [_pain(1, "Locked out")]
    preview, saved = with_plan_preview(journey, START)
    assert not saved and preview.plan_tasks and journey.plan_tasks == []
    assert {t.id for t in preview.plan_tasks} == {0}
    assert [t.position for t in preview.plan_tasks] == list(range(1, len(preview.plan_tasks) + 1))
    assert all(t.workshop_id == 7 for t in preview.plan_tasks)
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="A")]
    same, saved = with_plan_preview(journey, TODAY)
    assert saved and same is journey


def test_the_actor_legend_names_every_letter() -> None:
    assert actor_legend() == ("Actor: **C** self-service, **B** bot, **A** agent, **S** system "
                              "(no letter: not said).")


def test_diagrams_of_sections_left_out_get_a_section_of_their_own() -> None:
    journey = _journey()
    journey.pain_points = [_pain(1, "Locked out")]
    text = to_markdown(journey, today=TODAY, sections=["scope", "diagrams"])
    after = text.split("## Diagrams\n\n", 1)[1]
    assert after.startswith("### Sentiment along the journey\n\n```mermaid\njourney")
    assert "### Impact and effort\n\n```mermaid\nquadrantChart" in after
    assert "| 1 | Locked out | quick win |" in after
    assert "### Timeline\n\n```mermaid\ngantt\n    title 60-day plan\n" in after
    assert after.endswith("```\n")
    inline = to_markdown(journey, today=TODAY, sections=["pains", "diagrams"])
    assert "## Diagrams" in inline and inline.count("quadrantChart") == 1
    assert "## Diagrams" not in to_markdown(journey, today=TODAY, sections=["scope"])


def test_one_ownership_risk_is_singular() -> None:
    journey = _journey()
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="Undated")]
    risks = _only(journey, "summary").split("**Risks**\n\n")[1]
    assert "- 1 ownership and handoff risk (see Handoffs and risks).\n" in risks


def test_every_count_of_one_is_singular() -> None:
    """Each count sentence of the document, with a count of one: no "1 items"."""
    journey = _journey(evidence_ticket_volume=1)
    journey.pain_points = [_pain(1, "Locked out", 1)]
    journey.cards = [HypothesisCard(id=1, pain_point_id=1, owner="", status="open")]
    text = to_markdown(journey, today=TODAY, sections=["summary", "scope", "pains", "tracker"])
    assert "(1 ticket/month recorded for this journey)" in text
    assert "1. Locked out (1 ticket/month on this pain point)." in text
    assert "- 1 of 1 open card has no owner.\n" in text
    assert "| 1 ticket/month, 0 votes |" in text
    assert "- **Ticket volume:** 1 ticket/month\n" in text
    assert not re.search(r"\b1 (items|tickets|cards|risks|votes)\b", text)
    journey.cards = []
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="Undated")]
    assert f"As of {TODAY.isoformat()}: 1 item, 0 OVERDUE." in _only(journey, "tracker")


def test_diagrams_with_nothing_to_draw_add_no_section() -> None:
    journey = _journey()
    journey.touchpoints = {1: [], 2: []}
    journey.plan_tasks = [PlanTask(id=1, workshop_id=7, key="a", title="Undated")]
    text = to_markdown(journey, today=TODAY, sections=["scope", "diagrams"])
    assert "## Diagrams" not in text and text.endswith("*not recorded*\n")


@pytest.mark.parametrize(("typed", "shown"), [
    ("caf\u00e9\u00a0au lait", "caf\u00e9\u00a0au lait"),   # no-break space and é as typed
    ("bell\x07", "bell\u2407"), ("del\x7f", "del\u2421"), ("c1\x9f", "c1\ufffd"),
    ("c1\x80", "c1\ufffd"),
    ("mail <ana@example.com>", "mail &lt;ana@example.com>"),   # no mailto link made
    ("mail <2ana@example.com>", "mail &lt;2ana@example.com>"), ("1 <2 and 3@4", "1 &lt;2 and 3@4"),
    ("<b>bold</b>", "&lt;b>bold&lt;/b>"), ("a < b", "a < b"),
])
def test_typed_characters_reach_the_document_as_typed_or_visibly_replaced(
        typed: str, shown: str) -> None:
    assert f"- **Persona:** {shown}\n" in _only(_journey(persona=typed), "scope")


@pytest.mark.parametrize(("days_left", "status", "shown"), [
    (-2, "in_progress", "OVERDUE by 2 days"), (-1, "proposed", "OVERDUE by 1 day"),
    (0, "proposed", "due today"), (1, "proposed", "1 day left"), (None, "proposed",
                                                                   "no deadline"),
    (-3, "done", "done"), (2, "dropped", "dropped")])
def test_the_due_column_says_days_left_or_overdue_in_words(days_left: int | None, status: str,
                                                            shown: str) -> None:
    item = TrackerItem(kind="card", item_id=1, workshop_id=7, workshop_title="W", title="T",
                       owner="", deadline=None, status=status, days_left=days_left,
                       overdue=days_left is not None and days_left < 0)
    assert due_text(item) == shown
