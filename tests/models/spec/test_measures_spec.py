"""What the ticket readings say to a room: figures as people read them, where each came from,
which month counts, the review's sentences and a card's verdict in words."""

from __future__ import annotations

import pytest

from models.db.journey import Journey
from models.db.tables.cards import HypothesisCard
from models.db.tables.tickets import TicketSource
from models.db.tables.workshop import Stage, Workshop
from models.rules import measure_review, measures
from tests.models.spec.measures_maps import journey, reading


def tied(metric: str, target: float, *, relative: bool = False, group: str = "",
         experiment: str = "Fix the login page") -> HypothesisCard:
    return HypothesisCard(id=5, pain_point_id=1, experiment=experiment, signal_metric=metric,
                          signal_group=group, signal_target=target, signal_relative=relative)


@pytest.mark.parametrize(("metric", "value", "text"), [
    ("fcr_rate", 0.724, "72%"), ("sla_met_rate", 1.0, "100%"),
    ("csat_satisfied_share", 0.5, "50%"),
    ("tickets", 1240.0, "1,240"), ("backlog_open", 3.0, "3"), ("reopened", 12.4, "12"),
    ("csat_responses", 2500.0, "2,500"),
    ("ttr_median_hours", 3.46, "3.5 h"), ("first_response_median_hours", 0.04, "0.0 h"),
    ("csat_mean", 4.256, "4.26"), ("tickets", None, "n/a"), ("fcr_rate", None, "n/a"),
])
def test_a_reading_is_written_as_people_read_it(metric: str, value: float | None,
                                                text: str) -> None:
    assert measures.format_value(metric, value) == text


def test_the_latest_import_of_a_month_wins_and_period_sums_do_not_count() -> None:
    rows = [reading(2, "2024-01", tickets=70), reading(1, "2024-01", tickets=100),
            reading(1, "2024-02", tickets=80), reading(1, "2024-01..2024-02", tickets=5)]
    assert [r.tickets for r in measures.current(journey(rows))] == [70, 80]
    assert measures.periods(journey(rows)) == ["2024-01", "2024-02"]


def test_links_are_the_mapping_of_the_latest_import() -> None:
    j = journey([], links={"Login": {"stage": 10, "pain": 3}})
    assert measures.links(j) == {"Login": {"stage": 10, "pain": 3}}
    bare = Journey(workshop=Workshop(id=1))
    assert measures.links(bare) == {}
    unlinked = Journey(workshop=Workshop(id=1),
                       ticket_sources=[TicketSource(id=1, workshop_id=1, links="")])
    assert measures.links(unlinked) == {}


def test_counts_of_several_groups_add_up_with_every_file_named() -> None:
    rows = [reading(2, "2024-01", "category", "Login", tickets=50, reopened=4),
            reading(2, "2024-01", "category", "MFA", tickets=30, reopened=None),
            reading(2, "2024-01", "category", "Refund", tickets=20, reopened=6)]
    j = Journey(workshop=Workshop(id=1), readings=rows, ticket_sources=[
        TicketSource(id=1, workshop_id=1, file_name="b.csv"),
        TicketSource(id=2, workshop_id=1, file_name="a.csv")])
    (month, got), = measures.series(j, "reopened", "category", {"Login", "MFA", "Refund"})
    assert month == "2024-01" and got.value == 10.0
    assert got.provenance == "a.csv, 2024-01, n=100"
    (_, tickets), = measures.series(j, "tickets", "category", {"Login", "MFA"})
    assert tickets.value == 80.0


def test_a_rate_of_several_groups_is_weighted_by_tickets_over_the_groups_that_have_it() -> None:
    rows = [reading(1, "2024-01", "category", "Login", tickets=300, reopen_rate=0.1),
            reading(1, "2024-01", "category", "MFA", tickets=100, reopen_rate=0.3),
            reading(1, "2024-01", "category", "Refund", tickets=600)]
    (_, got), = measures.series(journey(rows), "reopen_rate", "category",
                                {"Login", "MFA", "Refund"})
    assert got.value == pytest.approx(0.15)
    assert got.provenance == "jan.csv, 2024-01, n=400, ticket-weighted over 2 groups"


def test_one_group_with_the_rate_gives_its_own_figure_and_own_tickets() -> None:
    rows = [reading(1, "2024-01", "category", "Login", tickets=30, reopen_rate=0.2),
            reading(1, "2024-01", "category", "MFA", tickets=70)]
    (_, got), = measures.series(journey(rows), "reopen_rate", "category", {"Login", "MFA"})
    assert got == measures.Measured(0.2, "jan.csv, 2024-01, n=30")


def test_groups_without_tickets_are_not_weighted_the_first_one_counts() -> None:
    rows = [reading(1, "2024-01", "category", "Login", tickets=0, csat_mean=4.0),
            reading(1, "2024-01", "category", "MFA", tickets=0, csat_mean=2.0)]
    (_, got), = measures.series(journey(rows), "csat_mean", "category", {"Login", "MFA"})
    assert got.value == 4.0 and "weighted" not in got.provenance


def test_a_metric_nobody_recorded_says_so_without_a_reason_of_its_own() -> None:
    got = measures.latest(journey([reading(1, "2024-01")]), "fcr_rate")
    assert got.value is None and got.reason == "not in the readings"
    assert got.provenance == "jan.csv, 2024-01, n=100"


def test_a_group_without_readings_is_not_a_figure() -> None:
    j = journey([reading(1, "2024-01", "category", "Login")])
    assert measures.series(j, "tickets", "category", {"Nope"}) == []
    assert measures.latest(j, "tickets", "category", {"Nope"}).reason == \
        "no ticket data imported"
    assert [r.group_value for r in measures.group_rows(j, "category")] == ["Login"]
    assert measures.group_rows(j, "all") == []


def test_categories_are_listed_busiest_first_with_their_latest_month() -> None:
    rows = [reading(1, "2024-01", "category", "login", tickets=5),
            reading(1, "2024-02", "category", "login", tickets=40),
            reading(1, "2024-01", "category", "Billing", tickets=40),
            reading(1, "2024-02", "category", "access", tickets=40),
            reading(1, "2024-02", "category", "Zebra", tickets=90),
            reading(1, "2024-02", "channel", "Phone", tickets=900)]
    got = [(name, month, figure.value) for name, month, figure in
           measures.categories(journey(rows))]
    assert got == [("Zebra", "2024-02", 90.0), ("access", "2024-02", 40.0),
                   ("Billing", "2024-01", 40.0), ("login", "2024-02", 40.0)]


def test_categories_spelled_alike_are_ordered_the_same_every_time() -> None:
    rows = [reading(1, "2024-02", "category", "login", tickets=40),
            reading(1, "2024-02", "category", "Login", tickets=40)]
    assert [c[0] for c in measures.categories(journey(rows))] == ["Login", "login"]


@pytest.mark.parametrize(("name", "metric"), [
    ("FCR", "fcr_rate"), ("Reopen rate", "reopen_rate"), ("TTR", "ttr_median_hours"),
    ("Resolution time", "ttr_median_hours"), ("First response time", "first_response_median_hours"),
    ("Customer satisfaction", "csat_mean"), ("Transfer rate", "reassigned_rate"),
    ("Reassignments", "reassigned_rate"), ("SLA met", "sla_met_rate"),
    ("Backlog", "backlog_open"), ("Ticket volume", "tickets"), ("Contacts per week", "tickets"),
    ("Warm feelings", None), ("", None),
])
def test_a_stage_kpi_is_measured_by_the_metric_its_name_says(name: str,
                                                             metric: str | None) -> None:
    assert measures.kpi_metric(name) == metric


def test_a_stage_kpi_says_why_the_readings_cannot_measure_it() -> None:
    rows = [reading(1, "2024-01", "category", "Login", reopen_rate=0.3),
            reading(2, "2024-02", "category", "Login", reopen_rate=0.2)]
    j = journey(rows, links={"Login": {"stage": 10}, "Gone": {"stage": 11}})
    contact, follow = j.stages
    assert measures.stage_kpi(j, contact).value == 0.3
    assert measures.stage_kpi(j, contact, first=False).value == 0.2
    assert measures.stage_kpi(j, follow).reason == "no ticket metric measures 'Warm feelings'"
    assert measures.stage_kpi(j, follow, metric="tickets").reason == \
        "the mapped categories have no readings"
    lonely = Stage(id=12, workshop_id=1, name="Pay", kpi_name="Reopen rate")
    assert measures.stage_kpi(j, lonely).reason == \
        "no ticket category is mapped to this stage"
    assert measures.stage_categories(j, contact) == {"Login"}


def test_each_pain_point_gets_the_latest_tickets_of_its_categories() -> None:
    rows = [reading(1, "2024-01", "category", "Login", tickets=10),
            reading(2, "2024-02", "category", "Login", tickets=25),
            reading(2, "2024-02", "category", "MFA", tickets=5),
            reading(2, "2024-02", "category", "Refund", tickets=7)]
    j = journey(rows, links={"Login": {"pain": 3}, "MFA": {"pain": 3, "stage": 10},
                             "Refund": {"stage": 11}})
    got = measures.pain_volumes(j)
    assert list(got) == [3] and got[3].value == 30.0


def test_the_scope_evidence_is_the_latest_month_of_all_tickets() -> None:
    rows = [reading(1, "2024-01", tickets=10, ttr_median_hours=5.0),
            reading(2, "2024-02", tickets=1240, ttr_median_hours=3.0, reassigned_rate=0.2,
                    csat_mean=4.1)]
    got = measures.evidence(journey(rows))
    assert {k: v.value for k, v in got.items()} == {
        "tickets per month": 1240.0, "resolution time (median hours)": 3.0,
        "transfer rate": 0.2, "CSAT (mean of answered)": 4.1}


def test_a_card_reads_its_own_group_of_tickets() -> None:
    assert measures.card_group(tied("tickets", 1, group="category=Login")) == \
        ("category", {"Login"})
    assert measures.card_group(tied("tickets", 1, group="all")) == ("all", None)
    assert measures.card_group(tied("tickets", 1, group="")) == ("all", None)


def test_a_relative_target_above_zero_is_met_by_rising_that_much() -> None:
    rows = [reading(1, "2024-01", fcr_rate=0.5), reading(2, "2024-02", fcr_rate=0.75)]
    card = tied("fcr_rate", 0.5, relative=True)
    verdict = measures.judge(journey(rows), card)
    assert verdict is not None and verdict.status == measures.MET
    assert verdict.text == "75% in 2024-02 vs 50% in 2024-01: +50% (target +50%)"
    assert verdict.baseline.value == 0.5 and verdict.latest.value == 0.75
    card = tied("fcr_rate", 0.51, relative=True)
    assert measures.signal_status(journey(rows), card) == measures.NOT_YET


def test_a_relative_target_below_zero_is_met_at_exactly_that_fall() -> None:
    rows = [reading(1, "2024-01", tickets=200), reading(2, "2024-02", tickets=150)]
    assert measures.signal_status(journey(rows), tied("tickets", -0.25, relative=True)) == \
        measures.MET
    assert measures.signal_status(journey(rows), tied("tickets", -0.26, relative=True)) == \
        measures.NOT_YET


def test_a_change_against_a_zero_baseline_is_no_data_with_the_reason() -> None:
    rows = [reading(1, "2024-01", backlog_open=0), reading(2, "2024-02", backlog_open=4)]
    verdict = measures.judge(journey(rows), tied("backlog_open", 0.1, relative=True))
    assert verdict is not None and verdict.status == measures.NO_DATA
    assert verdict.text == "baseline 2024-01 is 0: a change cannot be measured against it"
    assert verdict.baseline.value == 0.0 and verdict.latest.value == 4.0


def test_an_absolute_target_above_the_baseline_is_met_when_reached_or_passed() -> None:
    rows = [reading(1, "2024-01", csat_mean=3.5), reading(2, "2024-02", csat_mean=4.0)]
    verdict = measures.judge(journey(rows), tied("csat_mean", 4.0))
    assert verdict is not None and verdict.status == measures.MET
    assert verdict.text == "4.00 in 2024-02 (baseline 3.50 in 2024-01, target 4.00)"
    assert measures.signal_status(journey(rows), tied("csat_mean", 4.01)) == measures.NOT_YET


def test_an_absolute_target_below_the_baseline_is_met_at_exactly_the_target() -> None:
    rows = [reading(1, "2024-01", ttr_median_hours=10.0),
            reading(2, "2024-02", ttr_median_hours=8.0)]
    assert measures.signal_status(journey(rows), tied("ttr_median_hours", 8.0)) == measures.MET
    assert measures.signal_status(journey(rows), tied("ttr_median_hours", 7.9)) == \
        measures.NOT_YET


def test_a_baseline_only_card_is_no_data_and_says_to_import_a_later_month() -> None:
    rows = [reading(1, "2024-01", reopen_rate=0.2), reading(2, "2024-02")]
    verdict = measures.judge(journey(rows), tied("reopen_rate", 0.1))
    assert verdict is not None and verdict.status == measures.NO_DATA
    assert verdict.text == "only the baseline (2024-01); import a later month to measure"
    assert verdict.baseline.value == 0.2 and verdict.latest.value is None
    none = measures.judge(journey([reading(1, "2024-01")]), tied("reopen_rate", 0.1))
    assert none is not None and none.text == "no reading of this metric yet"
    assert none.baseline.value is None and none.baseline.reason == "no reading"
    assert none.latest.reason == "no reading"


def test_a_card_without_a_target_is_not_judged() -> None:
    card = HypothesisCard(pain_point_id=1, signal_metric="tickets", signal_target=None)
    rows = [reading(1, "2024-01"), reading(2, "2024-02")]
    assert measures.judge(journey(rows), card) is None
    assert measures.signal_status(journey(rows), card) == ""
    assert measures.measure_detail(journey(rows), card) == ""
    assert measures.measure_detail(journey(rows), None) == ""


def test_the_plan_quotes_the_verdict_of_the_fixed_card() -> None:
    rows = [reading(1, "2024-01", tickets=200), reading(2, "2024-02", tickets=100)]
    assert measures.measure_detail(journey(rows), tied("tickets", -0.3, relative=True)) == (
        "Signal from ticket readings: met (100 in 2024-02 vs 200 in 2024-01: -50% "
        "(target -30%)).")


def test_stages_are_ranked_by_reopened_tickets_and_unmeasured_ones_come_last() -> None:
    rows = [reading(2, "2024-02", "category", "Login", tickets=50),
            reading(2, "2024-02", "category", "Refund", tickets=40, reopened=2)]
    j = journey(rows, links={"Login": {"stage": 10}, "Refund": {"stage": 11}})
    ranked = measures.repeat_contacts_by_stage(j)
    assert [(s.name, m.value) for s, m in ranked] == [("Follow-Up", 2.0), ("Contact", None)]


def test_one_reopened_ticket_is_singular_and_an_unnamed_stage_is_named_as_such() -> None:
    rows = [reading(2, "2024-02", "category", "Login", tickets=3, reopened=1)]
    stages = [Stage(id=10, workshop_id=1, name="  ", kpi_name="")]
    j = journey(rows, links={"Login": {"stage": 10}}, stages=stages)
    assert measure_review.review_repeat_contacts(j) == (
        "An unnamed stage generates the most repeat contacts: 1 reopened ticket "
        "(feb.csv, 2024-02, n=3).")


def test_the_review_has_no_repeat_contact_answer_without_reopen_counts() -> None:
    rows = [reading(2, "2024-02", "category", "Login", tickets=3)]
    assert measure_review.review_repeat_contacts(journey(rows, links={"Login": {"stage": 10}})) \
        is None


def test_the_review_quotes_the_first_card_whose_signal_is_met() -> None:
    rows = [reading(1, "2024-01", tickets=200), reading(2, "2024-02", tickets=100)]
    cards = [tied("tickets", -0.9, relative=True, experiment="Never enough"),
             tied("tickets", -0.3, relative=True, experiment="  Fix the login page. "),
             tied("tickets", -0.1, relative=True, experiment="Also met")]
    assert measure_review.review_measured(journey(rows, cards=cards)) == (
        "“Fix the login page” met its signal: 100 in 2024-02 vs 200 in 2024-01: -50% "
        "(target -30%).")
    blank = [tied("tickets", -0.3, relative=True, experiment=" ")]
    assert measure_review.review_measured(journey(rows, cards=blank)) == (
        "“a card” met its signal: 100 in 2024-02 vs 200 in 2024-01: -50% (target -30%).")


def test_the_review_says_which_tied_signal_is_not_met_yet() -> None:
    rows = [reading(1, "2024-01", tickets=200), reading(2, "2024-02", tickets=100)]
    cards = [HypothesisCard(pain_point_id=2, experiment="Untied"),
             tied("tickets", -0.9, relative=True, group="category=Login", experiment="No data"),
             tied("tickets", -0.9, relative=True, experiment="Rebuild the portal."),
             tied("tickets", -0.8, relative=True, experiment="Second")]
    assert measure_review.review_measured(journey(rows, cards=cards)) == (
        "No tied signal is met yet: “Rebuild the portal” 100 in 2024-02 vs 200 in 2024-01: "
        "-50% (target -90%).")
    blank = [tied("tickets", -0.9, relative=True, experiment="")]
    assert measure_review.review_measured(journey(rows, cards=blank)) == (
        "No tied signal is met yet: “a card” 100 in 2024-02 vs 200 in 2024-01: "
        "-50% (target -90%).")


def test_the_review_has_no_measured_answer_without_a_judged_signal() -> None:
    rows = [reading(1, "2024-01", tickets=200)]
    cards = [tied("tickets", -0.3, relative=True), HypothesisCard(pain_point_id=2)]
    assert measure_review.review_measured(journey(rows, cards=cards)) is None


def test_a_sparkline_spans_the_lowest_to_the_highest_figure() -> None:
    assert measures.sparkline([0, 7, 3.5, 1]) == "▁█▅▂"
    assert measures.sparkline([]) == ""
    assert measures.sparkline([None, 2, None]) == " ▁ "


def test_a_reading_stored_without_its_reasons_still_says_the_metric_is_missing() -> None:
    got = measures.latest(journey([reading(1, "2024-01", unavailable="")]), "fcr_rate")
    assert got.value is None and got.reason == "not in the readings"


def test_a_category_without_tickets_in_its_latest_month_comes_last() -> None:
    rows = [reading(1, "2024-02", "category", "Alpha", tickets=0),
            reading(1, "2024-02", "category", "Beta", tickets=1)]
    assert [c[0] for c in measures.categories(journey(rows))] == ["Beta", "Alpha"]


def test_a_stage_kpi_now_is_its_latest_month_not_its_second() -> None:
    rows = [reading(1, "2024-01", "category", "Login", reopen_rate=0.3),
            reading(1, "2024-02", "category", "Login", reopen_rate=0.25),
            reading(2, "2024-03", "category", "Login", reopen_rate=0.2)]
    j = journey(rows, links={"Login": {"stage": 10}})
    assert measures.stage_kpi(j, j.stages[0], first=False).value == 0.2


def test_a_category_whose_name_holds_an_equals_sign_is_read_whole() -> None:
    assert measures.card_group(tied("tickets", 1, group="category=Plan=Pro")) == \
        ("category", {"Plan=Pro"})


def test_a_step_with_one_reopened_ticket_ranks_above_an_earlier_one_with_none() -> None:
    rows = [reading(2, "2024-02", "category", "Login", tickets=50, reopened=0),
            reading(2, "2024-02", "category", "Refund", tickets=40, reopened=1)]
    j = journey(rows, links={"Login": {"stage": 10}, "Refund": {"stage": 11}})
    assert [s.name for s, _ in measures.repeat_contacts_by_stage(j)] == ["Follow-Up", "Contact"]
    assert measure_review.review_repeat_contacts(j) == (
        "Follow-Up generates the most repeat contacts: 1 reopened ticket "
        "(feb.csv, 2024-02, n=40).")


def test_a_card_whose_text_ends_in_x_keeps_its_last_letter() -> None:
    rows = [reading(1, "2024-01", tickets=200), reading(2, "2024-02", tickets=100)]
    met = [tied("tickets", -0.3, relative=True, experiment="Redesign the checkout UX.")]
    assert measure_review.review_measured(journey(rows, cards=met)).startswith(
        "“Redesign the checkout UX” met its signal")
    not_yet = [tied("tickets", -0.9, relative=True, experiment="Simplify the UX")]
    assert measure_review.review_measured(journey(rows, cards=not_yet)).startswith(
        "No tied signal is met yet: “Simplify the UX” 100 in 2024-02")
