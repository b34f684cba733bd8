"""What ``journeymap tickets show`` says for an export: which rows, in which order, and why a
number is not available (never a zero in its place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics

THIN = """ticket_id,created_at,category
1,2024-01-05 10:00,Billing
2,2024-01-06 10:00,Billing
3,2024-02-07 10:00,Login
4,2024-02-08 10:00,Access
"""
EMPTY_ANSWERS = """ticket_id,created_at,resolved_at,status,category,reopens,reassignments,\
sla_met,csat,first_response_minutes
1,2024-01-05 10:00,,Open,Billing,,,,,
2,2024-01-06 10:00,,Pending,Login,,,,,
3,2024-02-07 10:00,,New,Login,,,,,
"""
# Business-hours figures need the team's schedule, which an import without one never has.
NO_SCHEDULE = {key: "no business-hours schedule was set for this import (journeymap tickets "
                    "hours ID --tz ZONE, then import again)"
               for key in ("ttr_business_median_hours", "ttr_business_p90_hours",
                           "frt_business_median_hours")}
# Wait times come from the product's own counts (Zendesk, dbt_zendesk); a file without them
# says so for each (session 10).
NO_WAITS = {f"{wait}{within}_{stat}_hours":
            f"the export has no {words}{' within business hours' if within else ''} column"
            for wait, words in (("requester_wait", "requester wait time"),
                                ("agent_wait", "agent wait time"), ("on_hold", "on-hold time"))
            for within in ("", "_business") for stat in ("median", "p90")}
NO_STATE = "the export has neither a status nor a resolution timestamp, so open tickets " \
    "cannot be told apart"


def imported(tmp_path: Path, text: str) -> engine.TicketImport:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return engine.import_export(path)


def test_rows_run_largest_group_first_ties_by_name_then_all(tmp_path: Path) -> None:
    rows = metrics.table(imported(tmp_path, THIN), by="category")
    assert [(r.group, r.tickets, r.period) for r in rows] == [
        ("Billing", 2, "2024-01..2024-02"), ("Access", 1, "2024-01..2024-02"),
        ("Login", 1, "2024-01..2024-02"), ("all", 4, "2024-01..2024-02")]


def test_rows_by_period_run_in_calendar_order_each_labelled_with_its_month(
        tmp_path: Path) -> None:
    rows = metrics.table(imported(tmp_path, THIN), by="period")
    assert [(r.group, r.period, r.tickets) for r in rows] == [
        ("2024-01", "2024-01", 2), ("2024-02", "2024-02", 2), ("all", "2024-01..2024-02", 4)]
    one = metrics.table(imported(tmp_path, THIN), by=None, period="2024-02")
    assert [(r.group, r.period, r.tickets) for r in one] == [("all", "2024-02", 2)]


def test_a_metric_the_export_has_no_column_for_says_so(tmp_path: Path) -> None:
    row = metrics.table(imported(tmp_path, THIN), by=None)[-1]
    assert row.unavailable == {
        "fcr_rate": "the export has no first-contact-resolution column, no agent-replies count "
                    "and no reopen and reassignment counts",
        "reopen_rate": "the export has no reopen count",
        "ttr_median_hours": "the export has no resolution timestamp",
        "ttr_p90_hours": "the export has no resolution timestamp",
        "first_response_median_hours": "the export has no first-response column",
        "csat_mean": "the export has no satisfaction column",
        "csat_satisfied_share": "the export has no satisfaction column",
        "csat_responses": "the export has no satisfaction column",
        "reassigned_rate": "the export has no reassignment count",
        "sla_met_rate": "the export has no SLA column",
        "backlog_open": NO_STATE,
        "backlog_median_age_hours": NO_STATE,
        **NO_SCHEDULE,
        **NO_WAITS,
    }
    assert (row.fcr_rate, row.fcr_is_proxy, row.fcr_method) == (None, False, "")
    assert (row.csat_responses, row.backlog_open, row.backlog_median_age_hours) == (
        None, None, None)


def test_a_column_with_no_value_in_any_ticket_says_so(tmp_path: Path) -> None:
    row = metrics.table(imported(tmp_path, EMPTY_ANSWERS), by=None)[-1]
    assert row.unavailable == {
        "fcr_rate": "no resolved ticket",
        "reopen_rate": "no ticket has a reopen count",
        "ttr_median_hours": "no resolved ticket with both creation and resolution timestamps",
        "ttr_p90_hours": "no resolved ticket with both creation and resolution timestamps",
        "first_response_median_hours": "no ticket has a first response",
        "csat_mean": "no answered survey",
        "csat_satisfied_share": "no answered survey",
        "reassigned_rate": "no ticket has a reassignment count",
        "sla_met_rate": "no ticket has an SLA value",
        **NO_SCHEDULE,
        **NO_WAITS,
    }
    assert row.fcr_is_proxy and row.fcr_method == "resolved with no reopen and no reassignment"
    # Open since 5 Jan, 6 Jan and 7 Feb 10:00, seen at the latest timestamp (7 Feb 10:00):
    # 792 h, 768 h and 0 h old, median 768 h; a real zero responses, not a missing value.
    assert (row.backlog_open, row.backlog_median_age_hours, row.csat_responses) == (3, 768.0, 0)


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2024-01", "2024-01", "2024-01"), (" 2024-12 ", "2024-12", "2024-12"),
    ("2024-01..2024-03", "2024-01", "2024-03"), ("2024-02..2024-02", "2024-02", "2024-02"),
])
def test_a_period_is_one_month_or_a_range_of_months(text: str, first: str, last: str) -> None:
    assert metrics.parse_period(text) == (first, last)


@pytest.mark.parametrize("text", ["2024-00", "2024-13", "2024-1", "May 2024",
                                  "2024-01..2024-13", "2024-01..", "x2024-01"])
def test_a_malformed_period_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(ValueError) as refused:
        metrics.parse_period(text)
    assert str(refused.value) == f"period {text!r} is not YYYY-MM or YYYY-MM..YYYY-MM"


def test_a_period_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ValueError) as refused:
        metrics.parse_period("2024-03..2024-01")
    assert str(refused.value) == "period '2024-03..2024-01' ends before it starts"


@pytest.mark.parametrize(("values", "expected"), [
    ([5.0], 5.0), ([1.0, 2.0], 2.0), ([float(n) for n in range(10, 0, -1)], 9.0),
    ([float(n) for n in range(1, 12)], 10.0),
])
def test_p90_is_the_smallest_value_with_90_percent_at_or_below_it(
        values: list[float], expected: float) -> None:
    assert metrics.p90(values) == expected


def test_grouping_by_an_unknown_or_absent_column_is_refused_in_one_sentence(
        tmp_path: Path) -> None:
    thin = imported(tmp_path, THIN)
    with pytest.raises(ValueError) as unknown:
        metrics.table(thin, by="agent")
    assert str(unknown.value) == ("cannot group by 'agent': choose one of category, channel, "
                                  "priority, group, period")
    with pytest.raises(ValueError) as absent:
        metrics.table(thin, by="channel")
    assert str(absent.value) == ("the export has no channel column, so tickets cannot be "
                                 "grouped by it")


@pytest.mark.parametrize(("columns", "proxy", "method", "why"), [
    ("fcr", False, "fcr column", "no ticket has a value"),
    ("replies", True, "one-touch: resolved with exactly one agent reply", "no resolved ticket"),
    ("reopens,reassignments", True, "resolved with no reopen and no reassignment",
     "no resolved ticket"),
    ("reopens,assignee_stations", True, "resolved with no reopen and no reassignment",
     "no resolved ticket"),
    ("reopens", False, "", "the export has no first-contact-resolution column, no "
     "agent-replies count and no reopen and reassignment counts"),
    ("assignee_stations", False, "", "the export has no first-contact-resolution column, no "
     "agent-replies count and no reopen and reassignment counts"),
])
def test_fcr_comes_from_the_best_column_the_export_has_and_says_which(
        tmp_path: Path, columns: str, proxy: bool, method: str, why: str) -> None:
    blanks = "," * len(columns.split(","))
    text = (f"ticket_id,created_at,resolved_at,status,category,{columns}\n"
            f"1,2024-01-05 10:00,2024-01-05 12:00,Solved,Billing{blanks}\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert (row.fcr_rate, row.fcr_is_proxy, row.fcr_method) == (None, proxy, method)
    assert row.unavailable["fcr_rate"] == why


def test_an_fcr_rate_that_exists_has_no_reason_for_being_unavailable(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status,category,fcr\n"
            "1,2024-01-05 10:00,2024-01-05 12:00,Solved,Billing,yes\n"
            "2,2024-01-06 10:00,2024-01-06 12:00,Solved,Billing,no\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert row.fcr_rate == 0.5 and "fcr_rate" not in row.unavailable


def test_an_export_with_every_answer_has_every_metric_and_no_reason(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,resolved_at,status,category,reopens,reassignments,sla_met,"
            "csat,first_response_minutes,fcr\n"
            "1,2024-01-05 10:00,2024-01-05 14:00,Solved,Billing,0,0,yes,5,30,yes\n"
            "2,2024-01-06 10:00,,Open,Billing,1,2,no,2,90,no\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert row.unavailable == {**NO_SCHEDULE, **NO_WAITS}
    assert (row.fcr_rate, row.reopen_rate, row.reassigned_rate, row.sla_met_rate) == (
        0.5, 0.5, 0.5, 0.5)
    assert (row.ttr_median_hours, row.ttr_p90_hours, row.first_response_median_hours) == (
        4.0, 4.0, 1.0)
    assert (row.csat_mean, row.csat_responses, row.csat_satisfied_share) == (3.5, 2, 0.5)
    assert (row.backlog_open, row.backlog_median_age_hours) == (1, 0.0)


def test_closed_and_first_response_timestamps_and_worded_surveys_are_measured(
        tmp_path: Path) -> None:
    text = ("ticket_id,created_at,closed_at,status,first_response_at,csat\n"
            "1,2024-01-05 10:00,2024-01-05 12:00,Closed,2024-01-05 10:30,Good\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert (row.ttr_median_hours, row.first_response_median_hours) == (2.0, 0.5)
    assert (row.csat_mean, row.csat_responses, row.csat_satisfied_share) == (None, 1, 1.0)
    assert row.unavailable["csat_mean"] == (
        "answers are words (such as Good/Bad), not 1-5 scores: see the satisfied share")
    assert (row.backlog_open, row.backlog_median_age_hours) == (0, None)
    assert row.unavailable["backlog_median_age_hours"] == "no open ticket"
    for metric in ("ttr_median_hours", "first_response_median_hours", "backlog_open"):
        assert metric not in row.unavailable


def test_first_response_hours_and_assignee_stations_are_measured(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,status,first_response_hours,assignee_stations\n"
            "1,2024-01-05 10:00,Solved,1.5,2\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert (row.first_response_median_hours, row.reassigned_rate) == (1.5, 1.0)
    assert "first_response_median_hours" not in row.unavailable
    assert "reassigned_rate" not in row.unavailable


def test_a_closed_column_and_a_first_response_column_without_values_say_so(
        tmp_path: Path) -> None:
    text = ("ticket_id,created_at,closed_at,first_response_hours\n"
            "1,2024-01-05 10:00,,\n"
            "2,2024-01-06 10:00,,\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert row.unavailable["ttr_median_hours"] == (
        "no resolved ticket with both creation and resolution timestamps")
    assert row.unavailable["first_response_median_hours"] == "no ticket has a first response"
    assert (row.backlog_open, row.backlog_median_age_hours) == (2, 12.0)


def test_months_stay_in_calendar_order_even_when_a_later_month_is_busier(
        tmp_path: Path) -> None:
    text = THIN + "5,2024-02-09 10:00,Login\n"
    rows = metrics.table(imported(tmp_path, text), by="period")
    assert [(r.group, r.tickets) for r in rows] == [("2024-01", 2), ("2024-02", 3), ("all", 5)]


def test_a_first_response_or_assignee_column_without_values_says_so(tmp_path: Path) -> None:
    text = ("ticket_id,created_at,status,first_response_at,assignee_stations\n"
            "1,2024-01-05 10:00,Open,,\n")
    row = metrics.table(imported(tmp_path, text), by=None)[-1]
    assert row.unavailable["first_response_median_hours"] == "no ticket has a first response"
    assert row.unavailable["reassigned_rate"] == "no ticket has a reassignment count"
