"""Exports in the column layouts the products document (sources in docs/tickets.md), with
their messiness: Zendesk's full CSV export (CRLF, a blank row, quoted commas and newlines,
"On-hold" tickets that keep an old "Solved at", "Not Offered"/"Offered" surveys, its
business-hours twins of each duration), Freshdesk's ticket export (its "(in hrs)" columns
are business hours, HH:MM:SS) and a Jira Service Management Cloud export (dd/MMM/yy dates,
repeated columns, SLA clocks such as "-2h 30m"). Every expectation is worked out by hand
next to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.tickets import engine, metrics, values
from models.tickets.metrics import GroupMetrics

FIXTURES = Path(__file__).parent / "fixtures"


def table(name: str, by: str | None = None) -> dict[str, GroupMetrics]:
    imported = engine.import_export(FIXTURES / name)
    return {row.group: row for row in metrics.table(imported, by=by)}


def test_zendesk_support_csv_export() -> None:
    imported = engine.import_export(FIXTURES / "zendesk_support_export.csv")
    assert imported.product == "zendesk"
    assert imported.columns["first_response_minutes"] == "First reply time in minutes"
    assert (imported.rows, imported.tickets) == (7, 7)  # the blank row is not a ticket
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    assert row.period == "2024-03..2024-04"
    # Solved/Closed: 201, 202, 204, 205. 203 is On-hold (reopened: its "Solved at" is the
    # old solve), 206 Pending, 207 New: 3 open.
    assert row.backlog_open == 3
    # One-touch (solved with Replies == 1): 201, 205 of the 4 solved.
    assert (row.fcr_rate, row.fcr_is_proxy) == (0.5, True)
    # Reopens > 0: 202, 203 of 7.
    assert row.reopen_rate == pytest.approx(2 / 7)
    # Solved in 2, 48, 4, 24 h → median (4 + 24) / 2 = 14; p90 = 4th of 4 = 48.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (14.0, 48.0)
    # First reply minutes 30, 90, 60, 5, 45, 120 (207 none) → hours sorted 1/12, 0.5, 0.75,
    # 1, 1.5, 2 → median (0.75 + 1) / 2.
    assert row.first_response_median_hours == pytest.approx(0.875)
    # Good, Bad, Good answered; Offered / Not Offered are not answers.
    assert (row.csat_responses, row.csat_satisfied_share) == (3, pytest.approx(2 / 3))
    assert row.csat_mean is None and "Good/Bad" in row.unavailable["csat_mean"]
    # Assignee stations > 1: 202 (2), 206 (3) of 7.
    assert row.reassigned_rate == pytest.approx(2 / 7)
    assert row.sla_met_rate is None and row.unavailable["sla_met_rate"]
    # Open created 03-06 08:00, 03-28 15:00, 04-02 09:00; median 03-28 15:00; the export's
    # latest timestamp is 207's "Updated at" 04-02 09:05 → 4 days 18 h 5 min.
    assert row.backlog_median_age_hours == pytest.approx(114 + 5 / 60)
    by_type = table("zendesk_support_export.csv", by="category")
    assert {g: r.tickets for g, r in by_type.items()} == {
        "Question": 4, "Incident": 2, "Problem": 1, "all": 7}


def test_freshdesk_ticket_export() -> None:
    imported = engine.import_export(FIXTURES / "freshdesk_ticket_export.csv")
    assert imported.product == "freshdesk"
    # "First response time (in hrs)" is Freshdesk's business-hours figure: the calendar
    # first response comes from the "Initial response time" timestamp.
    assert imported.columns["first_response_at"] == "Initial response time"
    assert "first_response_hours" not in imported.columns
    assert any("business-hours" in n and "First response time (in hrs)" in n
               for n in imported.notes)
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # Resolved 1001, Closed 1002 and 1005; Waiting on Customer 1003 and Open 1004.
    assert row.backlog_open == 2
    # Agent interactions == 1 among the resolved: 1001, 1005 → 2/3, a proxy.
    assert row.fcr_rate == pytest.approx(2 / 3) and row.fcr_is_proxy
    # Resolved after 6, 66 (Friday 17:30 to Monday 11:30) and 2 hours; 1003's "Resolution
    # time (in hrs)" of 05:00:00 is not a resolution.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (6.0, 66.0)
    # Initial response − created: 0.75, 63.5, 1/3, 1 → median (0.75 + 1) / 2. (The business
    # hours column would say 0.625.)
    assert row.first_response_median_hours == pytest.approx(0.875)
    # "Resolution status": Within SLA 1001, 1005; SLA Violated 1002; blank for the open.
    assert row.sla_met_rate == pytest.approx(2 / 3)
    # Survey results: Awesome, Not Good, Just Okay → 3 answers, 1 satisfied.
    assert (row.csat_responses, row.csat_satisfied_share) == (3, pytest.approx(1 / 3))
    # Open created 05-07 09:00 and 05-09 14:00, median 05-08 11:30; the export's latest
    # timestamp is 1004's "Last update time" 05-13 12:00 → 120.5 h.
    assert row.backlog_median_age_hours == pytest.approx(120.5)


def test_jira_service_management_cloud_export_with_sla_clocks() -> None:
    imported = engine.import_export(FIXTURES / "jira_cloud_export.csv")
    assert imported.product == "jira"
    assert imported.columns["sla_remaining"] == "Custom field (Time to resolution)"
    assert imported.columns["csat"] == "Satisfaction rating"
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    assert (row.tickets, row.backlog_open) == (5, 2)
    # Resolved after 4, 48 and 16.5 hours → median 16.5, p90 48.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (16.5, 48.0)
    # [CHART] Date of First Response (ISO, unlike the other dates): 0.75, 1, 7/6, 16 h.
    assert row.first_response_median_hours == pytest.approx((1 + 7 / 6) / 2)
    # Time to resolution: SD-1 "3h 15m" and SD-5 "02:10" met; SD-2 "-2h 30m" breached;
    # SD-4 still open but already "-1d 4h" breached; SD-3 open with "6h" left: undecided.
    assert row.sla_met_rate == 0.5 and row.n["sla_met_rate"] == 4
    # Satisfaction rating 5, 2, 4 → mean 11/3, 2 of 3 satisfied.
    assert row.csat_mean == pytest.approx(11 / 3) and row.csat_responses == 3
    # Open created 06/Mar 14:30 and 11/Mar 08:00 → median 08/Mar 23:15; latest timestamp
    # SD-4's Updated 14/Mar 11:00 → 5 days 11 h 45 min.
    assert row.backlog_median_age_hours == pytest.approx(131.75)


@pytest.mark.parametrize(("text", "hours"), [
    ("3h 15m", 3.25), ("-2h 30m", -2.5), ("45m", 0.75), ("-1d 4h", -28.0), ("02:10", 13 / 6),
    ("-02:30", -2.5), ("1w 2d", 216.0), ("", None), ("-", None),
])
def test_sla_clock_values(text: str, hours: float | None) -> None:
    assert values.parse_sla_clock(text) == (None if hours is None else pytest.approx(hours))


def test_sla_clock_garbage_is_refused() -> None:
    with pytest.raises(ValueError):
        values.parse_sla_clock("soon")


def test_zendesk_status_words() -> None:
    assert values.status_state("On-hold") == "open"
    assert values.status_state("Hold") == "open"


def test_a_home_made_file_with_zendesk_like_names_is_generic(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("id,created_at,solved_at,status\n1,2024-03-01 10:00,,open\n",
                    encoding="utf-8")
    assert engine.inspect_export(path).plan.product == "generic"


def test_fivetran_dbt_zendesk_ticket_metrics_table() -> None:
    # zendesk__ticket_metrics as a warehouse dump (BigQuery writes " UTC" after times).
    imported = engine.import_export(FIXTURES / "dbt_zendesk_ticket_metrics.csv")
    assert imported.product == "dbt_zendesk"
    assert imported.columns["resolved"] == "last_solved_at"
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # solved 301, 304; closed 302; hold 303 open.
    assert (row.tickets, row.backlog_open) == (4, 1)
    # Resolved to the LAST solve: 3 h, 24 h, 4 h → median 4, p90 24.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (4.0, 24.0)
    # One-touch from total_agent_replies == 1 among the resolved: 301 → 1/3, a proxy.
    assert row.fcr_rate == pytest.approx(1 / 3) and row.fcr_is_proxy
    # count_reopens > 0: 302 of 4; assignee_stations_count > 1: 302 of 4.
    assert row.reopen_rate == 0.25 and row.reassigned_rate == 0.25
    # First reply calendar minutes 20, 60, 10 → median 20 min.
    assert row.first_response_median_hours == pytest.approx(1 / 3)
    # good, bad answered; offered / unoffered are not.
    assert (row.csat_responses, row.csat_satisfied_share) == (2, 0.5)


def test_servicenow_incident_list_with_display_values_and_custom_fields() -> None:
    # The incident list's default columns as its CSV export names them, display values
    # ("1 - Critical", "On Hold"), a u_ field of the instance's own, sys_created_on.
    path = FIXTURES / "servicenow_incident_list.csv"
    imported = engine.import_export(path)
    assert imported.product == "servicenow"
    assert imported.columns["created"] == "opened_at"
    row = {r.group: r for r in metrics.table(imported, by="priority")}
    assert {g: r.tickets for g, r in row.items()} == {
        "3 - Moderate": 2, "1 - Critical": 1, "4 - Low": 1, "all": 4}
    total = row["all"]
    # Resolved INC2001 (2 h) and Closed INC2002 (26 h); On Hold and In Progress open.
    assert (total.ttr_median_hours, total.backlog_open) == (14.0, 2)
    # made_sla true, false, true, true → 3/4; reassignment_count > 0: INC2002 → 1/4.
    assert total.sla_met_rate == 0.75 and total.reassigned_rate == 0.25


def test_the_backlog_age_says_what_it_is_measured_to(tmp_path: Path) -> None:
    from models.db.store import Store
    from models.tickets import storage

    store = Store(tmp_path / "j.db")
    wid = int(store.create_workshop(title="T").id or 0)
    result = storage.import_file(store, wid, FIXTURES / "freshdesk_ticket_export.csv",
                                 dry_run=True)
    assert ("open tickets are aged to 2024-05-13 12:00, the latest timestamp in the file "
            "(the export does not say when it was taken)") in result.imported.notes


def test_intercom_conversation_export_with_zones_in_its_headers() -> None:
    # Intercom writes each time column's zone into its name: "(America/New_York)".
    imported = engine.import_export(FIXTURES / "intercom_conversations.csv")
    assert imported.product == "intercom"
    assert imported.columns["created"] == "Conversation started at (America/New_York)"
    assert imported.columns["resolved"] == "Conversation last closed at (America/New_York)"
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # closed 215001, 215002; snoozed and open are open.
    assert (row.tickets, row.backlog_open) == (4, 2)
    # Last close − start: 1 h and 24 h (215002 was reopened after its first close).
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (12.5, 24.0)
    # First replied at − started: 0.1, 1, 0.5 h → median 0.5.
    assert row.first_response_median_hours == 0.5
    # Intercom's own "Resolved on first contact": true 215001 of 3 with a value; its own
    # column, so not a proxy.
    assert row.fcr_rate == pytest.approx(1 / 3) and not row.fcr_is_proxy
    # Last teammate rating 5 and 2 → mean 3.5, 1 of 2 satisfied.
    assert (row.csat_mean, row.csat_responses) == (3.5, 2)
    # Number of reassignments > 0: 215002, 215003 of 4.
    assert row.reassigned_rate == 0.5
