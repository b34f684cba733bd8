"""How many tickets each business-hours figure of ``tickets show`` comes from.

A lead compares the business-hours figures with Zendesk's own reports (and fivetran's
dbt_zendesk, which counts full resolution time over solved tickets and first reply time
over tickets with a reply, both inside the schedule): next to each figure the table says
how many tickets it was computed from. Without a schedule the business figures are not
available, so they come from no ticket and no count is shown for them.

Schedule Mon-Fri 09:00-17:00 UTC. Five tickets: three solved (one of them never replied
to), one open with a reply, one open without.
"""

from __future__ import annotations

from pathlib import Path

from models.tickets import engine, metrics
from models.tickets.hours import Schedule

ROWS = """Id,Group,Status,Created at,Solved at,First reply time in minutes
1,Billing,Solved,2026-11-27 16:00:00,2026-11-30 10:00:00,60
2,Billing,Solved,2026-11-28 11:00:00,2026-11-30 09:30:00,
3,Billing,Solved,2026-11-24 16:00:00,2026-11-25 10:00:00,1200
4,Accounts,Open,2026-12-01 10:00:00,,90
5,Accounts,Open,2026-12-01 11:00:00,,
"""
SCHEDULE = Schedule.parse("mon-fri", "09:00", "17:00", "UTC")
BUSINESS = ("ttr_business_median_hours", "ttr_business_p90_hours", "frt_business_median_hours")


def _table(tmp_path: Path, schedule: Schedule | None) -> list[metrics.GroupMetrics]:
    path = tmp_path / "zendesk.csv"
    path.write_text(ROWS, encoding="utf-8")
    return metrics.table(engine.import_export(path, source="zendesk", schedule=schedule),
                         by="group")


def test_each_business_figure_counts_the_tickets_it_comes_from(tmp_path: Path) -> None:
    billing, accounts, total = _table(tmp_path, SCHEDULE)
    # resolution: the three solved tickets; first reply: the three replied-to ones
    assert {k: total.n[k] for k in BUSINESS} == {
        "ttr_business_median_hours": 3, "ttr_business_p90_hours": 3,
        "frt_business_median_hours": 3}
    assert {k: billing.n[k] for k in BUSINESS} == {
        "ttr_business_median_hours": 3, "ttr_business_p90_hours": 3,
        "frt_business_median_hours": 2}
    # Accounts: nothing solved, so no resolution figure and no count for it
    assert accounts.n["frt_business_median_hours"] == 1
    assert "ttr_business_median_hours" not in accounts.n
    assert (accounts.ttr_business_median_hours, accounts.frt_business_median_hours) == (
        None, 1.5)


def test_business_figures_match_the_calendar_counts_ticket_for_ticket(tmp_path: Path) -> None:
    *_, total = _table(tmp_path, SCHEDULE)
    assert total.n["ttr_business_median_hours"] == total.n["ttr_median_hours"]
    assert total.n["frt_business_median_hours"] == total.n["first_response_median_hours"]
    # 1: Fri 16:00 -> Mon 10:00 = 2 h; 2: Sat -> Mon 09:30 = 0.5 h; 3: Tue 16:00 -> Wed 10:00
    assert (total.ttr_business_median_hours, total.ttr_business_p90_hours) == (2.0, 2.0)
    # replies: 1 (Fri 16:00 + 1 h), 3 (Tue 16:00 + 20 h = Wed 12:00: 1 + 3 h), 4 (1.5 h)
    assert total.frt_business_median_hours == 1.5


def test_without_a_schedule_no_business_figure_has_a_count(tmp_path: Path) -> None:
    *_, total = _table(tmp_path, None)
    assert not set(BUSINESS) & set(total.n)
    assert all(getattr(total, k) is None for k in BUSINESS)
