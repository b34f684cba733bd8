"""``journeymap tickets``: import, show (JSON as issue #14 says), map, link-card; errors are
one sentence and leave the workshop unchanged; observers are refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db import access
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.live import presence
from tui.cli.main import app

FIXTURES = Path(__file__).parent.parent / "models" / "tickets" / "fixtures"
ZENDESK = str(FIXTURES / "zendesk_tickets.csv")
KEYS = {"group", "tickets", "fcr_rate", "fcr_is_proxy", "reopen_rate", "ttr_median_hours",
        "ttr_p90_hours", "csat_mean", "csat_responses", "reassigned_rate", "sla_met_rate",
        "unavailable"}


def run(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", str(db), *args])


def test_import_then_show_json(store: Store, db_path: Path) -> None:
    wid = store.create_workshop(title="T").id
    done = run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid))
    assert done.exit_code == 0, done.output
    assert "12 tickets" in done.output and "Created at" in done.output
    shown = run(db_path, "tickets", "show", str(wid), "--format", "json", "--period", "2024-03")
    assert shown.exit_code == 0, shown.output
    rows = json.loads(shown.output)
    assert rows[-1]["group"] == "all" and rows[-1]["tickets"] == 6
    assert all(KEYS <= set(r) for r in rows)
    assert sum(r["tickets"] for r in rows[:-1]) == 6
    assert rows[-1]["sla_met_rate"] is None and "sla_met_rate" in rows[-1]["unavailable"]
    assert rows[-1]["fcr_is_proxy"] is True and 0 <= rows[-1]["fcr_rate"] <= 1
    csv_out = run(db_path, "tickets", "show", str(wid), "--by", "channel", "--format", "csv")
    assert csv_out.exit_code == 0 and csv_out.output.splitlines()[0].startswith("group,period")
    table = run(db_path, "tickets", "show", str(wid))
    assert table.exit_code == 0 and "FCR is a proxy" in table.output


def test_errors_are_one_sentence_and_change_nothing(store: Store, db_path: Path,
                                                    tmp_path: Path) -> None:
    wid = store.create_workshop(title="T").id
    trunc = tmp_path / "cut.csv"
    trunc.write_text('Id,Created at,Status\n1,2024-01-01,Open\n2,"2024-01-02', encoding="utf-8")
    bad = run(db_path, "tickets", "import", str(trunc), "--workshop", str(wid))
    assert bad.exit_code == 1
    message = bad.output.strip()
    assert message.startswith("journeymap: ") and "cut.csv" in message and "line" in message
    assert len(message.splitlines()) == 1
    assert store.load(wid).ticket_sources == []
    for args in (["show", str(wid)], ["show", str(wid), "--period", "2024-13"],
                 ["import", ZENDESK, "--workshop", str(wid), "--map", "nonsense"],
                 ["import", ZENDESK, "--workshop", "99"]):
        out = run(db_path, "tickets", *args)
        assert out.exit_code == 1 and len(out.output.strip().splitlines()) == 1, out.output


def test_map_and_link_card(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="Login loops"))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="Fix"))
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid), "--period", "2024-03")
    out = run(db_path, "tickets", "map", str(wid), "Incident", "--stage", "Contact",
              "--pain", str(pain.id))
    assert out.exit_code == 0 and "'Contact'" in out.output, out.output
    out = run(db_path, "tickets", "link-card", str(wid), str(card.id), "--metric", "tickets",
              "--group", "category=Incident", "--target", "-30%")
    assert out.exit_code == 0 and "no data" in out.output, out.output
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid), "--period", "2024-04")
    out = run(db_path, "tickets", "link-card", str(wid), str(card.id), "--metric", "tickets",
              "--group", "category=Incident", "--target", "-30%")
    # The export ends on 2024-04-10: April's volume is not a month's volume yet.
    assert out.exit_code == 0 and ("no data (only the baseline (2024-03); 2024-04 has data "
                                   "only to 2024-04-10; import a later month") in out.output


def test_an_observer_account_is_refused(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Shared").id or 0)
        presence.grant(store, wid, "olga", "observer")
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db, who="olga") as store:
        presence.join(store, wid, "olga")
    for args in (["import", ZENDESK, "--workshop", str(wid)],
                 ["map", str(wid), "Incident", "--stage", "1"],
                 ["apply", str(wid)]):
        out = run(db, "tickets", *args)
        assert out.exit_code == 1 and "the account olga is an observer" in out.output
        assert len(out.output.strip().splitlines()) == 1
    assert run(db, "tickets", "import", ZENDESK, "-w", str(wid), "--dry-run").exit_code == 0
    with Store(db, who="lea") as store:
        assert store.load(wid).ticket_sources == []


def test_tracker_and_export_show_the_signal(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    pain = store.add(PainPoint(workshop_id=wid, description="Transfers"))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="Route right",
                                    owner="Ana"))
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid))
    run(db_path, "tickets", "link-card", str(wid), str(card.id), "--metric",
        "reassigned_rate", "--target", "-30%")
    tracker = run(db_path, "tracker", str(wid))
    assert "signal met" in tracker.output, tracker.output
    export = run(db_path, "export", str(wid))
    assert "(signal met)" in export.output and "## Measured" in export.output
    plan = run(db_path, "plan", str(wid))
    assert plan.exit_code == 0


def test_apply_one_stage_replaces_its_typed_baseline(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid))
    run(db_path, "tickets", "map", str(wid), "Question", "--stage", "Contact")
    contact = next(s for s in store.load(wid).stages if s.name == "Contact")
    store.update(type(contact), int(contact.id or 0), kpi_name="Time to resolution",
                 kpi_baseline=26.0)
    out = run(db_path, "tickets", "apply", str(wid), "--stage", "Contact")
    assert out.exit_code == 0, out.output
    assert "stage Contact: KPI baseline 3 hours (zendesk_tickets.csv, 2024-03" in out.output
    out = run(db_path, "tickets", "apply", str(wid), "--stage", "Resolution")
    assert out.exit_code == 1 and "no ticket metric measures 'Customer effort" in out.output
    assert "Traceback" not in out.output


def test_map_unmap(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid))
    assert run(db_path, "tickets", "map", str(wid), "Incident", "--stage", "2").exit_code == 0
    out = run(db_path, "tickets", "map", str(wid), "Incident", "--unmap")
    assert out.exit_code == 0 and "'Incident' -> nothing (unmapped)" in out.output
    both = run(db_path, "tickets", "map", str(wid), "Incident", "--unmap", "--stage", "2")
    assert both.exit_code == 1 and "Traceback" not in both.output
    assert json.loads(store.load(wid).ticket_sources[-1].links) == {}


def test_apply_one_stage_with_a_named_metric(store: Store, db_path: Path) -> None:
    wid = int(store.create_workshop(title="T").id or 0)
    run(db_path, "tickets", "import", ZENDESK, "--workshop", str(wid))
    run(db_path, "tickets", "map", str(wid), "Question", "--stage", "1")
    out = run(db_path, "tickets", "apply", str(wid), "--stage", "1", "--metric", "tickets")
    assert out.exit_code == 0 and "KPI baseline 3 tickets (" in out.output, out.output
    alone = run(db_path, "tickets", "apply", str(wid), "--metric", "tickets")
    assert alone.exit_code == 1 and "--metric needs --stage" in alone.output
