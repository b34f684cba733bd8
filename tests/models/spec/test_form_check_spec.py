"""What a lead reads when a template or backup is refused (models/export/form_check.py): the
file, the key path and one plain problem, for every kind of wrong value; and what a good file
gives back (the canonical plain form, nothing dropped, nothing invented)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from models.export.form import DataError
from models.export.form_check import normalize

SOURCE = "lockout.toml"


def _good() -> dict[str, Any]:
    return {
        "format": "journeymap", "version": 1,
        "template": {"name": "lockout", "title": "Login lockout"},
        "workshop": {"title": "Login lockout", "max_handoffs": 2},
        "stages": [
            {"name": "Notice", "touchpoints": [
                {"name": "Login page", "sentiment": -1,
                 "pain_points": [{"description": "Locked out", "impact": 3,
                                  "five_whys": ["why 1", "why 2"],
                                  "card": {"experiment": "Unlock by mail"}}]},
                {"name": "Reset mail"}]},
            {"name": "Resolve", "touchpoints": [{"name": "Chat"}]},
        ],
        "pain_points": [{"description": "Nobody owns it"}],
        "handoffs": [{"from": [0, 1], "to": [1, 0], "from_team": "L1", "to_team": "L2"}],
        "channel_costs": [{"channel": "Phone", "cost_per_contact": 6.5}],
        "participants": [{"name": "Ana"}, {"name": "Ben"}],
    }


def _refusal(change: Any) -> DataError:
    data = _good()
    change(data)
    with pytest.raises(DataError) as caught:
        normalize(data, source=SOURCE)
    return caught.value


def test_a_good_file_comes_back_whole_in_its_plain_form() -> None:
    data = _good()
    out = normalize(copy.deepcopy(data), source=SOURCE)
    assert out == data


def test_every_refusal_says_file_key_path_and_problem_in_one_line() -> None:
    error = _refusal(lambda d: d["stages"][1]["touchpoints"][0].update(sentiment=9))
    assert error.source == SOURCE
    assert error.key_path == "stages[1].touchpoints[0].sentiment"
    assert error.problem == "must be between -2 and 2"
    assert str(error) == f"{SOURCE}: stages[1].touchpoints[0].sentiment: must be between -2 and 2"


@pytest.mark.parametrize(("change", "where", "problem"), [
    (lambda d: d.update(colour="red"), "colour",
     "unknown key; the keys here are: format, version, template, workshop, stages, "
     "pain_points, handoffs, channel_costs, escalation_levels, plan_tasks, participants, "
     "changelog, ticket_sources"),
    (lambda d: d.update(format="journeymapp"), "format",
     'must be "journeymap" (is this a journeymap file?)'),
    (lambda d: d.pop("format"), "format", 'must be "journeymap" (is this a journeymap file?)'),
    (lambda d: d.update(version=True), "version", "must be a whole number such as 1"),
    (lambda d: d.update(version=0), "version", "must be a whole number such as 1"),
    (lambda d: d.update(version="1"), "version", "must be a whole number such as 1"),
    (lambda d: d.update(version=3), "version",
     "is 3, written by a newer journeymap; this one reads up to 2. Upgrade journeymap to load it"),
    (lambda d: d["template"].update(author="me"), "template.author",
     "unknown key; the keys here are: name, title, description, category"),
    (lambda d: d["template"].update(title=3), "template.title",
     "must be text (in quotes), not a whole number"),
    (lambda d: d.update(template=["x"]), "template", "must be a table of keys, not a list"),
    (lambda d: d.update(workshop="x"), "workshop", "must be a table of keys, not text"),
    (lambda d: d.update(stages={"name": "x"}), "stages", "must be a list of tables, not a table"),
    (lambda d: d.update(stages=[3]), "stages[0]", "must be a table of keys, not a whole number"),
    (lambda d: d["workshop"].update(colour="red"), "workshop.colour", "unknown key; the keys "
     "here are: title, persona, scenario, persona_goal, business_goal, evidence_ticket_volume"),
    (lambda d: d["stages"][0].update(colour="red"), "stages[0].colour",
     "unknown key; the keys here are: name, description, kpi_name, kpi_baseline, kpi_target, "
     "kpi_unit, source, touchpoints"),
    (lambda d: d["stages"][0]["touchpoints"][0].update(moment_of_truth=1),
     "stages[0].touchpoints[0].moment_of_truth", "must be true or false, not a whole number"),
    (lambda d: d["stages"][0]["touchpoints"][0].update(moment_of_truth="yes"),
     "stages[0].touchpoints[0].moment_of_truth", "must be true or false, not text"),
    (lambda d: d["stages"][0]["touchpoints"][0].update(sentiment="3"),
     "stages[0].touchpoints[0].sentiment", "must be a whole number, not text"),
    (lambda d: d["stages"][0]["touchpoints"][0].update(sentiment=True),
     "stages[0].touchpoints[0].sentiment", "must be a whole number, not true/false"),
    (lambda d: d["stages"][0]["touchpoints"][0].update(sentiment=1.5),
     "stages[0].touchpoints[0].sentiment", "must be a whole number, not a number"),
    (lambda d: d["stages"][0].update(kpi_baseline="12"), "stages[0].kpi_baseline",
     "must be a number, not text"),
    (lambda d: d["stages"][0].update(kpi_baseline=False), "stages[0].kpi_baseline",
     "must be a number, not true/false"),
    (lambda d: d["stages"][0].update(name=7), "stages[0].name",
     "must be text (in quotes), not a whole number"),
    (lambda d: d["stages"][0].update(name={"a": 1}), "stages[0].name",
     "must be text (in quotes), not a table"),
    (lambda d: d["workshop"].update(start_date=20260302), "workshop.start_date",
     "must be a date like 2026-03-02, not a whole number"),
    (lambda d: d["workshop"].update(start_date="2 March"), "workshop.start_date",
     "must be a date like 2026-03-02"),
    (lambda d: d["workshop"].update(timer_ends_at=1.0), "workshop.timer_ends_at",
     "must be a date and time like 2026-03-02T14:00, not a number"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0].update(five_whys="why"),
     "stages[0].touchpoints[0].pain_points[0].five_whys",
     "must be a list of text (in quotes), not text"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0].update(five_whys=["a", 2]),
     "stages[0].touchpoints[0].pain_points[0].five_whys",
     "must be a list of text (in quotes), not a list"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0]["card"].update(owner=1),
     "stages[0].touchpoints[0].pain_points[0].card.owner",
     "must be text (in quotes), not a whole number"),
    (lambda d: d["stages"][0]["touchpoints"][0]["pain_points"][0].update(card="x"),
     "stages[0].touchpoints[0].pain_points[0].card", "must be a table of keys, not text"),
    (lambda d: d["pain_points"][0].update(impact=4), "pain_points[0].impact",
     "must be between 1 and 3"),
    (lambda d: d["pain_points"].append({"dot_votes": [{"participant": 1}]}),
     "pain_points[1].dot_votes[0].participant", "must be text (in quotes), not a whole number"),
    (lambda d: d["channel_costs"].append({"channel": " phone "}), "channel_costs[1].channel",
     "'phone' is listed twice"),
    (lambda d: d["channel_costs"].append({"channel": "Chat", "colour": 1}),
     "channel_costs[1].colour", "unknown key; the keys here are: channel, cost_per_contact, "
     "handle_minutes, confirmed"),
    (lambda d: d["participants"].append({"name": "Ana"}), "participants[2].name",
     "'Ana' is listed twice"),
    (lambda d: d.update(plan_tasks=[{"title": "x", "edited": "no"}]), "plan_tasks[0].edited",
     "must be true or false, not text"),
])
def test_a_wrong_value_is_refused_with_its_key_path(change: Any, where: str,
                                                     problem: str) -> None:
    error = _refusal(change)
    assert error.key_path == where
    assert error.problem.startswith(problem)


@pytest.mark.parametrize(("ref", "problem"), [
    ([0, 5], "touchpoint index 5 does not exist in stage 0 (it has 2, counted from 0)"),
    ([1, 1], "touchpoint index 1 does not exist in stage 1 (it has 1, counted from 0)"),
    ([0, -1], "touchpoint index -1 does not exist in stage 0 (it has 2, counted from 0)"),
    ([2, 0], "stage index 2 does not exist (there are 2 stages, counted from 0)"),
    ([-1, 0], "stage index -1 does not exist (there are 2 stages, counted from 0)"),
    ([0], "must be [stage index, touchpoint index], e.g. [0, 1]"),
    ([0, 1, 2], "must be [stage index, touchpoint index], e.g. [0, 1]"),
    ([0, True], "must be [stage index, touchpoint index], e.g. [0, 1]"),
    ([0, "1"], "must be [stage index, touchpoint index], e.g. [0, 1]"),
    ("0,1", "must be [stage index, touchpoint index], e.g. [0, 1]"),
])
def test_a_handoff_end_that_names_no_touchpoint_is_refused_and_says_why(
        ref: Any, problem: str) -> None:
    error = _refusal(lambda d: d["handoffs"][0].update(to=ref))
    assert (error.key_path, error.problem) == ("handoffs[0].to", problem)


@pytest.mark.parametrize("end", ["from", "to"])
def test_a_handoff_without_an_end_is_refused(end: str) -> None:
    error = _refusal(lambda d: d["handoffs"][0].pop(end))
    assert (error.key_path, error.problem) == (
        f"handoffs[0].{end}", "is missing; give [stage index, touchpoint index], from 0")


def test_the_last_touchpoint_of_the_last_stage_is_a_valid_handoff_end() -> None:
    data = _good()
    data["handoffs"][0]["to"] = [1, 0]
    data["handoffs"][0]["from"] = [0, 1]
    assert normalize(data, source=SOURCE)["handoffs"][0]["from"] == [0, 1]


def test_a_card_effect_that_does_not_fit_its_kind_is_named_at_the_effect_value() -> None:
    def change(d: dict[str, Any]) -> None:
        d["stages"][0]["touchpoints"][0]["pain_points"][0]["card"].update(
            effect_kind="deflection", effect_value=-5.0)
    error = _refusal(change)
    assert error.key_path == "stages[0].touchpoints[0].pain_points[0].card.effect_value"
    assert error.problem == "of a deflection must be between 0 and 100 %, not -5"


def test_dates_and_times_come_back_as_iso_text_times_in_utc() -> None:
    data = _good()
    data["workshop"]["start_date"] = "2026-03-02"
    data["workshop"]["timer_ends_at"] = "2026-03-02T15:00:00+01:00"
    out = normalize(data, source=SOURCE)
    assert out["workshop"]["start_date"] == "2026-03-02"
    assert out["workshop"]["timer_ends_at"] == "2026-03-02T14:00:00+00:00"


def test_a_file_with_only_format_and_version_is_an_empty_workshop() -> None:
    assert normalize({"format": "journeymap", "version": 1}, source=SOURCE) == {
        "format": "journeymap", "version": 1, "workshop": {}, "stages": []}


def test_the_top_of_a_file_must_be_a_table() -> None:
    with pytest.raises(DataError) as caught:
        normalize(["journeymap"], source=SOURCE)
    assert str(caught.value) == f"{SOURCE}: must be a table of keys, not a list"
