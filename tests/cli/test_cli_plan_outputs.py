"""show, tracker, plan, report and demo as a leader uses them at 80 columns."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint
from tui.cli.main import app

TODAY = dt.date.today()
NARROW = {"COLUMNS": "80"}


def run(db: Path, *args: str, env: dict[str, str] | None = None) -> object:
    return CliRunner().invoke(app, ["--db", str(db), *args], env=env or NARROW)


def two_workshops(store: Store) -> tuple[int, int]:
    ids = []
    for title, days in (("Admin locked out of the workspace after SSO", (9, 2)),
                        ("Billing dispute about a double charge", (5, 1))):
        w = store.create_workshop(title=title, start_date=TODAY)
        stage = store.load(w.id).stages[0]
        tp = store.add(Touchpoint(stage_id=stage.id, name="Form", owner_team="Support"))
        for n, offset in enumerate(days):
            pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, impact=3,
                                       effort=1, ticket_volume=100 - n,
                                       description=f"{title} pain {n}"))
            store.add(HypothesisCard(pain_point_id=pain.id, experiment=f"{title[:5]} fix {n}",
                                     owner="Ana", deadline=TODAY + dt.timedelta(days=offset)))
        ids.append(int(w.id))
    return ids[0], ids[1]


def test_show_never_cuts_a_card(db_path: Path, store: Store) -> None:
    w = store.create_workshop(title="Lockout", start_date=TODAY)
    pain = store.add(PainPoint(workshop_id=w.id, description="resets", impact=3, effort=1))
    signal = ("the share of admins who regain access without a second contact rises from "
              "40 % to 70 % within 30 days, measured on the weekly access report that the "
              "support operations team already sends to the head of support every Monday, "
              "and the reopen rate on access tickets does not rise END-OF-SIGNAL")
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="a status line on the reset "
                             "page", outcome="fewer tickets", signal=signal))
    result = run(db_path, "show", str(w.id))
    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "END-OF-SIGNAL" in flat and "…" not in flat.split("We believe")[1].split(".")[0]


def test_tracker_groups_by_workshop_and_sorts_by_due(db_path: Path, store: Store) -> None:
    lockout, billing = two_workshops(store)
    result = run(db_path, "tracker")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Admin locked out of the workspace after SSO") == 1
    assert out.count("Billing dispute about a double charge") == 1
    assert max(len(line) for line in out.splitlines()) <= 80
    by_due = run(db_path, "tracker", "--sort", "due").stdout
    assert by_due.count("Billing dispute about a double charge") == 1
    assert by_due.index("Admin fix 1") < by_due.index("Admin fix 0")  # due in 2 days, then 9
    assert by_due.index("Billi fix 1") < by_due.index("Billi fix 0")
    assert max(len(line) for line in by_due.splitlines()) <= 80
    bad = run(db_path, "tracker", "--sort", "colour")
    assert bad.exit_code == 1 and "--sort" in bad.stderr


def test_plan_prints_its_date_range_first(db_path: Path, store: Store) -> None:
    lockout, _ = two_workshops(store)
    result = run(db_path, "plan", str(lockout), "--start", "2026-03-02")
    assert result.exit_code == 0, result.output
    first = result.stdout.strip().splitlines()[0]
    assert "2026-03-02" in first and "2026-04-30" in first and "day 60" in first.lower()
    assert "Card 2" in result.stdout


def test_report_answers_for_the_month_asked(db_path: Path, store: Store) -> None:
    lockout, _ = two_workshops(store)
    month = (TODAY + dt.timedelta(days=9)).strftime("%Y-%m")
    result = run(db_path, "report", str(lockout), "--month", month)
    assert result.exit_code == 0, result.output
    assert f"Leadership review for {month}" in result.stdout
    assert "Admin fix 0" in result.stdout.split("?")[0]  # due that month
    assert result.stdout.count("?\n") == 5  # four review questions, then the stale maps
    bad = run(db_path, "report", str(lockout), "--month", "May")
    assert bad.exit_code == 1 and "YYYY-MM" in bad.stderr and bad.stderr.count("\n") == 1


def test_demo_owners_are_never_the_login(db_path: Path) -> None:
    demo_id = run(db_path, "demo", "--no-open", env={"JOURNEYMAP_USER": "root"}).stdout.strip()
    doc = run(db_path, "export", demo_id, env={"JOURNEYMAP_USER": "root"}).stdout
    # the demo opens complete (templates branch): owners are team roles, never the login
    assert "root" not in doc and "Support lead" in doc


def test_plan_and_report_give_the_monthly_review_copies_on_working_days(
        db_path: Path, store: Store) -> None:
    lockout, _ = two_workshops(store)
    plan = run(db_path, "plan", str(lockout), "--start", "2026-03-02",
               env={"COLUMNS": "200"})
    assert plan.exit_code == 0, plan.output
    # day 60 is Thursday 30 April, the month's last day: the copies are each month's last
    # day, and Sunday 31 May moves back to Friday 29 May
    assert "then monthly (next: 2026-05-29, 2026-06-30, 2026-07-31)." in plan.stdout
    report = run(db_path, "report", str(lockout), "--month", "2026-05",
                 env={"COLUMNS": "300"})
    assert report.exit_code == 0, report.output
    assert "2026-05-29, monthly copy of the day-60 review" in report.stdout
