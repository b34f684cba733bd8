"""Metrics of hand-written exports in each product's layout, checked against arithmetic done by
hand (written next to each expectation)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.tickets import engine, metrics, output
from models.tickets.metrics import GroupMetrics

FIXTURES = Path(__file__).parent / "fixtures"


def rows_by_group(
    name: str, by: str | None = None, period: str | None = None
) -> dict[str, GroupMetrics]:
    imported = engine.import_export(FIXTURES / name)
    return {row.group: row for row in metrics.table(imported, by=by, period=period)}


def test_zendesk_all() -> None:
    imported = engine.import_export(FIXTURES / "zendesk_tickets.csv")
    assert imported.product == "zendesk"
    assert (imported.rows, imported.tickets) == (12, 12)
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    assert row.period == "2024-03..2024-04"
    # Solved/Closed: 1,2,3,5,7,8,9,11 = 8 resolved; Open/Pending/Hold/New: 4,6,10,12 = 4 open.
    # One-touch (Replies == 1 among resolved): 1,3,7,11 → 4/8.
    assert row.fcr_rate == 0.5 and row.fcr_is_proxy
    assert "one-touch" in row.fcr_method
    # Reopens > 0: 2,5,9,10 → 4/12.
    assert row.reopen_rate == pytest.approx(4 / 12)
    # Resolved hours: 2,24,4,48,1,8,36,3 → sorted 1,2,3,4,8,24,36,48; median (4+8)/2 = 6;
    # p90 nearest rank ceil(0.9*8) = 8th = 48. Ticket 10 (Hold, "Solved at" and a 60-minute
    # "Full resolution time" still filled) is open and must not count.
    assert row.ttr_median_hours == 6.0
    assert row.ttr_p90_hours == 48.0
    # First reply minutes 30,60,15,10,120,45,5,90,20,12 → median (20+30)/2 = 25 min.
    assert row.first_response_median_hours == pytest.approx(25 / 60)
    # Answers: Good(1) Bad(2) Good(5) Good(7) Bad(11); Offered/Unoffered/blank are not answers.
    assert row.csat_responses == 5
    assert row.csat_satisfied_share == pytest.approx(3 / 5)
    assert row.csat_mean is None and "Good/Bad" in row.unavailable["csat_mean"]
    # Assignee stations > 1: 2,5,9 → 3/12.
    assert row.reassigned_rate == 0.25
    assert row.sla_met_rate is None and "SLA" in row.unavailable["sla_met_rate"]
    # Open at the latest timestamp (ticket 12 updated 2024-04-10 12:00): ages 843 h (#4),
    # 504 h (#6), 123 h (#10), 3 h (#12) → median (123+504)/2 = 313.5.
    assert row.backlog_open == 4
    assert row.backlog_median_age_hours == 313.5


def test_zendesk_by_group_and_period() -> None:
    by_group = rows_by_group("zendesk_tickets.csv", by="group")
    assert list(by_group) == ["Billing", "Technical", "all"]
    billing, technical = by_group["Billing"], by_group["Technical"]
    # Billing 1,2,3,7,8,12: resolved 1,2,3,7,8; one-touch 1,3,7 → 3/5; hours 2,24,4,1,8 →
    # median 4, p90 ceil(4.5) = 5th = 24; answers Good,Bad,Good → 2/3; open #12 aged 3 h.
    assert (billing.tickets, billing.fcr_rate) == (6, 0.6)
    assert (billing.ttr_median_hours, billing.ttr_p90_hours) == (4.0, 24.0)
    assert billing.csat_responses == 3
    assert billing.csat_satisfied_share == pytest.approx(2 / 3)
    assert (billing.backlog_open, billing.backlog_median_age_hours) == (1, 3.0)
    # Technical 4,5,6,9,10,11: resolved 5,9,11; one-touch 11 → 1/3; hours 48,36,3 → median 36;
    # reopens 5,9,10 → 3/6; open 4,6,10 aged 843,504,123 → median 504.
    assert technical.fcr_rate == pytest.approx(1 / 3)
    assert technical.ttr_median_hours == 36.0
    assert technical.reopen_rate == 0.5
    assert technical.backlog_median_age_hours == 504.0
    assert sum(r.tickets for g, r in by_group.items() if g != "all") == by_group["all"].tickets
    # April only: tickets 7-12; resolved 7,8,9,11; one-touch 7,11 → 2/4.
    april = rows_by_group("zendesk_tickets.csv", by="channel", period="2024-04")["all"]
    assert (april.tickets, april.fcr_rate, april.period) == (6, 0.5, "2024-04")


def test_servicenow_event_log_keeps_latest_update() -> None:
    imported = engine.import_export(FIXTURES / "servicenow_incident_events.csv")
    assert imported.product == "servicenow" and imported.event_log
    # 11 update rows, 4 incidents: events are never tickets.
    assert (imported.rows, imported.tickets) == (11, 4)
    assert any("event log: 11 rows for 4 tickets" in n for n in imported.notes)
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # Latest by sys_updated_at (the file lists INC0000002's reopened "Active" row last, but it
    # is older than its 05-02 "Resolved" row): INC1 Closed, INC2 Resolved, INC3 awaiting, INC4
    # Resolved. Proxy FCR = resolved with reopen 0 and reassignment 0: INC4 only → 1/3.
    assert row.fcr_rate == pytest.approx(1 / 3) and row.fcr_is_proxy
    assert row.reopen_rate == 0.25  # INC2
    assert row.reassigned_rate == 0.5  # INC1 (1), INC3 (2)
    assert row.sla_met_rate == 0.75  # made_sla false only on INC2's latest row
    # Day-first: INC1 13-01 08:00 → 14-01 08:00 = 24 h; INC2 02-02 09:00 → 05-02 09:00 = 72 h;
    # INC4 2 h → median 24, p90 ceil(2.7) = 3rd = 72. The 1900-01-01 sentinel is no date.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (24.0, 72.0)
    # INC3 open from 20-02-2024 14:00 to the latest timestamp 15-03-2024 12:00: 24 days - 2 h.
    assert (row.backlog_open, row.backlog_median_age_hours) == (1, 574.0)
    assert row.csat_responses is None and "satisfaction" in row.unavailable["csat_responses"]
    assert imported.bad_cells == {}
    by_category = rows_by_group("servicenow_incident_events.csv", by="category")
    assert by_category["Network"].tickets == 2
    assert by_category["Network"].fcr_rate == 0.0  # INC2 reopened; a real zero, not missing
    by_period = rows_by_group("servicenow_incident_events.csv", by="period")
    assert {p: r.tickets for p, r in by_period.items()} == {
        "2024-01": 1, "2024-02": 2, "2024-03": 1, "all": 4,
    }


def test_freshdesk() -> None:
    row = rows_by_group("freshdesk_tickets.csv")["all"]
    # Resolved/Closed 101,102,105,106; Agent interactions == 1 among them: 101,105 → 2/4.
    assert row.fcr_rate == 0.5 and row.fcr_is_proxy
    # Hours 4,48,1,6 → median (4+6)/2 = 5, p90 = 48. Ticket 103 is Open with a "Resolution
    # time (in hrs)" of 12.0: not a resolution.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (5.0, 48.0)
    assert row.first_response_median_hours == 1.0  # 0.25,0.5,1,1.5,2
    assert row.sla_met_rate == 0.5  # Within SLA 101,105 of 101,102,105,106
    assert (row.csat_responses, row.csat_satisfied_share) == (4, 0.5)  # Awesome ×2 of 4
    assert row.reopen_rate is None and row.unavailable["reopen_rate"]
    assert row.reassigned_rate is None
    # Open 103 (05-06 08:00) and 104 (05-07 12:00) at 05-10 09:00: 97 h and 69 h → 83.
    assert (row.backlog_open, row.backlog_median_age_hours) == (2, 83.0)


@pytest.mark.parametrize("name", ["homemade_semicolon_bom.csv", "homemade_latin1.csv"])
def test_homemade(name: str) -> None:
    imported = engine.import_export(FIXTURES / name)
    assert imported.product == "generic" and imported.tickets == 6
    row = {r.group: r for r in metrics.table(imported, by=None)}["all"]
    # A real fcr column: Yes G1,G3; No G2,G5 → 2/4, not a proxy.
    assert (row.fcr_rate, row.fcr_is_proxy) == (0.5, False)
    # Every date fits both orders; ';' → day-first: G1 4 h, G2 (02/03 → 04/03) 48 h, G3 2 h,
    # G5 24 h → median (4+24)/2 = 14, p90 = 48.
    assert (row.ttr_median_hours, row.ttr_p90_hours) == (14.0, 48.0)
    assert row.first_response_median_hours == 1.0  # 1, 2, 0.5, 0.25, 3 ("?" is missing)
    assert row.csat_mean == pytest.approx(11 / 3)  # 5, 2, 4
    assert row.csat_satisfied_share == pytest.approx(2 / 3)
    assert row.sla_met_rate == 0.75
    assert row.reopen_rate == pytest.approx(2 / 6)  # TRUE (G2), 1 (G5)
    assert row.reassigned_rate == pytest.approx(2 / 6)
    # G4 from 06/03 09:00 and G6 from 09/04 09:00 to 09/04 12:00: 819 h and 3 h → 411.
    assert (row.backlog_open, row.backlog_median_age_hours) == (2, 411.0)
    assert any("read as day-first" in n for n in imported.notes)
    groups = rows_by_group(name, by="category")
    assert {g: r.tickets for g, r in groups.items()} == {
        "Login": 3, "Billing": 2, ("Delivery" if "bom" in name else "Réseau"): 1, "all": 6,
    }


def test_latin1_is_said() -> None:
    imported = engine.import_export(FIXTURES / "homemade_latin1.csv")
    assert any("read as cp1252" in n and "line 6" in n for n in imported.notes)


def test_json_shape() -> None:
    imported = engine.import_export(FIXTURES / "zendesk_tickets.csv")
    records = json.loads(output.metrics_json(metrics.table(imported, by="priority")))
    assert records[-1]["group"] == "all"
    required = {"group", "tickets", "fcr_rate", "fcr_is_proxy", "reopen_rate",
                "ttr_median_hours", "ttr_p90_hours", "csat_mean", "csat_responses",
                "reassigned_rate", "sla_met_rate", "unavailable", "first_response_median_hours",
                "csat_satisfied_share", "backlog_open", "backlog_median_age_hours", "period"}
    for record in records:
        assert required <= set(record)
        assert record["sla_met_rate"] is None and "sla_met_rate" in record["unavailable"]
        for key in ("fcr_rate", "reopen_rate", "reassigned_rate", "csat_satisfied_share"):
            assert record[key] is None or 0 <= record[key] <= 1
    assert output.KEYS[0] == "group"


def test_grouping_errors() -> None:
    imported = engine.import_export(FIXTURES / "freshdesk_tickets.csv")
    with pytest.raises(ValueError, match="cannot group by"):
        metrics.table(imported, by="agent")
    with pytest.raises(ValueError, match="not YYYY-MM"):
        metrics.table(imported, period="May 2024")
    nothing = metrics.table(imported, by="group", period="2023-01")
    assert [r.group for r in nothing] == ["all"] and nothing[0].tickets == 0
    assert nothing[0].fcr_rate is None and nothing[0].unavailable["fcr_rate"]
