"""CLI for the method: future state, business case, costs, escalation, monthly review."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from models.db import access
from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.workshop import Touchpoint, Workshop
from models.live import presence
from tui.cli.main import app

HOSTILE = "[bold]Sev[/] `x` | y"


def run(db: Path, *args: str) -> object:
    return CliRunner().invoke(app, ["--db", str(db), *args], env={"COLUMNS": "250"})


@pytest.fixture
def workshop(store: Store) -> int:
    """A map whose phone pain point (1,000 tickets) has a card projecting 40 % deflection."""
    w = store.create_workshop(title="Login lockout", start_date=dt.date.today())
    stage = store.load(w.id).stages[0]
    tp = store.add(Touchpoint(stage_id=stage.id, name="Call support", channel="Phone",
                              actor="agent", sentiment=-2))
    pain = store.add(PainPoint(workshop_id=w.id, touchpoint_id=tp.id, description="Locked out",
                               impact=3, effort=1, ticket_volume=1000))
    store.add(HypothesisCard(pain_point_id=pain.id, experiment="Self-service unlock",
                             owner="Ana", effect_kind="deflection", effect_value=40))
    return int(w.id)


def test_future_creates_a_linked_copy_and_prints_its_id(db_path: Path, store: Store,
                                                        workshop: int) -> None:
    result = run(db_path, "future", str(workshop))
    assert result.exit_code == 0, result.output
    new_id = int(result.stdout.strip())
    copy = store.get_workshop(new_id)
    assert copy.state == "future" and copy.as_is_workshop_id == workshop
    again = run(db_path, "future", str(new_id))
    assert again.exit_code == 1 and "already a future state" in again.stderr
    assert "Traceback" not in again.output


def test_observer_cannot_make_the_future_state_or_change_the_map(
        db_path: Path, store: Store, workshop: int, monkeypatch: pytest.MonkeyPatch) -> None:
    presence.grant(store, workshop, "olga", "observer")
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db_path, who="olga") as seat:
        assert presence.join(seat, workshop, "olga").role == "observer"
    for args in (("future", str(workshop)), ("costs", str(workshop), "Phone", "25"),
                 ("escalation", str(workshop), "--add", "--severity", "Sev-1"),
                 ("reviewed", str(workshop))):
        result = run(db_path, *args)
        assert result.exit_code == 1 and "observer" in result.stderr, args
    assert len(store.list_workshops()) == 1
    journey = store.load(workshop)
    assert not journey.escalation_levels and not journey.channel_costs
    assert run(db_path, "escalation", str(workshop)).exit_code == 0  # reading is fine


def test_costs_sets_and_confirms_a_channel_and_refuses_negative(db_path: Path, store: Store,
                                                                workshop: int) -> None:
    result = run(db_path, "costs", str(workshop), "Phone", "25", "--handle-minutes", "12",
                 "--confirm")
    assert result.exit_code == 0, result.output
    row = store.load(workshop).channel_cost("phone")
    assert row is not None and row.cost_per_contact == 25 and row.handle_minutes == 12
    assert row.confirmed
    bad = run(db_path, "costs", str(workshop), "--", "Phone", "-5")
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    assert store.load(workshop).channel_cost("Phone").cost_per_contact == 25  # type: ignore


def test_costs_refuses_a_non_zero_amount_that_would_be_stored_as_zero(
        db_path: Path, store: Store, workshop: int) -> None:
    for args in (("Phone", "1e-400"), ("Phone", "5", "--handle-minutes", "1e-400")):
        bad = run(db_path, "costs", str(workshop), *args)
        assert bad.exit_code == 1 and "1e-400" in bad.output, bad.output
        assert len(bad.output.strip().splitlines()) == 1 and "Traceback" not in bad.output
    assert store.load(workshop).channel_cost("Phone") is None


def test_report_business_case_shows_figures_with_formulas(db_path: Path, workshop: int) -> None:
    assert run(db_path, "costs", str(workshop), "Phone", "25").exit_code == 0
    result = run(db_path, "report", str(workshop), "--business-case")
    assert result.exit_code == 0, result.output
    out = " ".join(result.stdout.split())
    assert "1,000 contacts × (1 − 40 % deflected) = 600" in out
    assert "Saving: 10,000 per month" in out
    assert "not confirmed" in out
    assert "Self-service unlock" in out


def test_report_business_case_without_costs_says_not_available(db_path: Path,
                                                               workshop: int) -> None:
    result = run(db_path, "report", str(workshop), "--business-case")
    assert result.exit_code == 0, result.output
    assert "not available" in result.stdout and "Phone" in result.stdout


def test_escalation_add_set_show_and_delete(db_path: Path, store: Store, workshop: int) -> None:
    added = run(db_path, "escalation", str(workshop), "--add", "--severity", HOSTILE,
                "--criteria", "Production down for all users", "--tier", "Support Lead",
                "--respond", "15", "--update", "30", "--channel", "Phone bridge")
    assert added.exit_code == 0, added.output
    run(db_path, "escalation", str(workshop), "--add", "--severity", "Sev-2")
    changed = run(db_path, "escalation", str(workshop), "--set", "2", "--respond", "240")
    assert changed.exit_code == 0, changed.output
    shown = CliRunner().invoke(app, ["--db", str(db_path), "escalation", str(workshop)],
                               env={"COLUMNS": "250"})
    text = " ".join(shown.stdout.split())
    assert HOSTILE in text and "15 min" in text and "4 h" in text
    assert "Sev-2 has no update cadence" in text
    levels = store.load(workshop).escalation_levels
    assert [lv.severity for lv in levels] == [HOSTILE, "Sev-2"]
    gone = run(db_path, "escalation", str(workshop), "--delete", "1")
    assert gone.exit_code == 0
    assert [lv.severity for lv in store.load(workshop).escalation_levels] == ["Sev-2"]
    missing = run(db_path, "escalation", str(workshop), "--set", "9", "--respond", "5")
    assert missing.exit_code == 1 and "no level 9" in missing.stderr


def test_tracker_lists_sla_commitments_with_owners_and_flags(db_path: Path, store: Store,
                                                             workshop: int, tmp_path: Path) -> None:
    from models.db.tables.method import EscalationLevel

    store.add(EscalationLevel(workshop_id=workshop, severity="Sev-1", tier_role="Ana",
                              response_sla_minutes=1, update_every_minutes=30,
                              channel=HOSTILE))
    store.add(EscalationLevel(workshop_id=workshop, position=1, severity="Sev-2"))
    shown = run(db_path, "tracker", str(workshop))
    assert shown.exit_code == 0, shown.output
    text = " ".join(shown.stdout.split())
    assert f"Sev-1: respond within 1 min, update every 30 min via {HOSTILE}" in text
    assert "NO OWNER/SLA" in text
    assert "SLA" in text and "standing" in text and "ongoing" in text
    ana = " ".join(run(db_path, "tracker", str(workshop), "--owner", "ana").stdout.split())
    assert "Self-service unlock" in ana and "Sev-1: respond" in ana and "Sev-2" not in ana
    by_due = " ".join(run(db_path, "tracker", str(workshop), "--sort", "due").stdout.split())
    assert "Sev-2: response SLA not set" in by_due
    out = tmp_path / "t.csv"
    exported = run(db_path, "export", str(workshop), "--format", "csv", "--output", str(out))
    assert exported.exit_code == 0, exported.output
    assert "sla" in out.read_text() and "no owner; no response SLA" in out.read_text()


def _card_id(store: Store, workshop: int) -> int:
    return int(store.load(workshop).cards[0].id or 0)


def test_card_effect_sets_deflection_and_prints_the_figures(db_path: Path, store: Store,
                                                            workshop: int) -> None:
    from models.db.tables.method import ChannelCost

    card = _card_id(store, workshop)
    store.add(ChannelCost(workshop_id=workshop, channel="Phone", cost_per_contact=25.0,
                          handle_minutes=8.0))
    result = run(db_path, "card-effect", str(workshop), str(card), "--deflection", "30%")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "deflection of 30 %" in text
    assert "1,000 contacts × (1 − 30 % deflected) = 700" in text
    assert "Saving: 7,500" in text
    # the two numbers each difference subtracts are printed too, with their formulas
    assert "Cost before: 25,000 per month (1,000 contacts × 25 = 25,000)" in text
    assert "Agent hours before: 133.33 hours/month (1,000 contacts × 8 min ÷ 60" in text
    saved = store.load(workshop).cards[0]
    assert (saved.effect_kind, saved.effect_value) == ("deflection", 30.0)
    faster = run(db_path, "card-effect", str(workshop), str(card), "--handle-time", "-2m")
    assert faster.exit_code == 0, faster.output
    assert "-2 min of the 8 min a contact takes on “Phone” = -25 %" in " ".join(
        faster.stdout.split())
    assert store.load(workshop).cards[0].effect_value == -25.0
    fewer = run(db_path, "card-effect", str(workshop), str(card), "--volume", "-30%")
    assert fewer.exit_code == 0, fewer.output
    assert (store.load(workshop).cards[0].effect_kind,
            store.load(workshop).cards[0].effect_value) == ("volume", -30.0)
    shown = run(db_path, "card-effect", str(workshop), str(card))
    assert shown.exit_code == 0 and "volume change of -30 %" in " ".join(shown.stdout.split())
    cleared = run(db_path, "card-effect", str(workshop), str(card), "--clear")
    assert cleared.exit_code == 0, cleared.output
    assert store.load(workshop).cards[0].effect_value is None


@pytest.mark.parametrize(("args", "message"), [
    (["--deflection", "130%"], "A deflection cannot be above 100 % (got 130 %)."),
    (["--deflection", "-5%"], "A deflection cannot be negative (got -5 %); for more contacts "
                              "use --volume +5%."),
    (["--deflection", "30%", "--volume", "-10%"], "Give only one of --deflection, "
                                                  "--handle-time, --volume and --clear."),
    (["--handle-time", "-2m"], "--handle-time in minutes needs the minutes a contact takes "
                               "on “Phone”"),
])
def test_card_effect_refuses_bad_input_in_one_sentence(db_path: Path, store: Store,
                                                       workshop: int, args: list[str],
                                                       message: str) -> None:
    card = _card_id(store, workshop)
    result = run(db_path, "card-effect", str(workshop), str(card), *args)
    assert result.exit_code == 1
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert store.load(workshop).cards[0].effect_value == 40.0  # nothing changed


def test_card_effect_names_an_unknown_card_and_the_cards_there_are(
        db_path: Path, store: Store, workshop: int) -> None:
    card = _card_id(store, workshop)
    result = run(db_path, "card-effect", str(workshop), "999", "--deflection", "10%")
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"journeymap: Workshop {workshop} has no card 999; its "
                                     f"cards are: {card}.")


def test_cards_lists_the_id_that_card_effect_takes(db_path: Path, store: Store,
                                                   workshop: int) -> None:
    card = _card_id(store, workshop)
    shown = run(db_path, "cards", str(workshop))
    assert shown.exit_code == 0
    header = next(line for line in shown.stdout.splitlines() if "Rank" in line)
    assert "Id" in header
    assert any(line.split("│")[1:3] and line.split("│")[2].strip() == str(card)
               for line in shown.stdout.splitlines() if "│" in line)


def test_observer_cannot_set_a_card_effect(db_path: Path, store: Store, workshop: int,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    card = _card_id(store, workshop)
    presence.grant(store, workshop, "olga", "observer")
    monkeypatch.setattr(access, "current_account", lambda: "olga")
    monkeypatch.setattr("models.db.store.current_account", lambda: "olga")
    with Store(db_path, who="olga") as seat:
        assert presence.join(seat, workshop, "olga").role == "observer"
    result = run(db_path, "card-effect", str(workshop), str(card), "--deflection", "10%")
    assert result.exit_code == 1 and "observer" in result.stderr
    assert "Traceback" not in result.output
    assert store.load(workshop).cards[0].effect_value == 40.0


def _review(store: Store, workshop: int, days_ago: int) -> None:
    store.update(Workshop, workshop, last_reviewed_at=dt.date.today()
                 - dt.timedelta(days=days_ago))


def test_list_flags_a_map_last_reviewed_45_days_ago(db_path: Path, store: Store,
                                                    workshop: int) -> None:
    _review(store, workshop, 45)
    fresh = store.create_workshop(title="Fresh map")
    store.update(Workshop, int(fresh.id or 0), last_reviewed_at=dt.date.today())
    result = CliRunner().invoke(app, ["--db", str(db_path), "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[2].strip(): line for line in result.stdout.splitlines()
            if line.count("│") > 3 and ("Login" in line or "Fresh" in line)}
    assert "DUE" in rows["Login lockout"] and "DUE" not in rows["Fresh map"]
    assert "45 days ago); review 15 days overdue" in result.stdout
    assert "1 map overdue for the monthly review" in result.stdout


def test_reviewed_marks_today_and_tracker_overdue_lists_due_reviews(
        db_path: Path, store: Store, workshop: int) -> None:
    _review(store, workshop, 45)
    late = run(db_path, "tracker", "--overdue")
    assert "Monthly review of the journey map" in late.stdout and "map review" in late.stdout
    done = run(db_path, "reviewed", str(workshop))
    assert done.exit_code == 0, done.output
    assert store.get_workshop(workshop).last_reviewed_at == dt.date.today()
    after = run(db_path, "tracker", "--overdue")
    assert "Monthly review" not in after.stdout


def test_report_names_the_stale_maps(db_path: Path, store: Store, workshop: int) -> None:
    _review(store, workshop, 45)
    result = run(db_path, "report", str(workshop))
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "gone stale" in text and "Login lockout" in text and "15 days overdue" in text


def test_report_does_not_call_a_never_reviewed_map_reviewed(db_path: Path,
                                                           workshop: int) -> None:
    """A map made today has had no review: "every map was reviewed" was not true."""
    text = " ".join(run(db_path, "report", str(workshop)).stdout.split())
    assert "every map was reviewed within" not in text
    assert "None is overdue: 1 map has never been reviewed; its first review is due" in text


def test_report_reviews_the_month_of_the_workshop_clock(
        db_path: Path, workshop: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default month follows JOURNEYMAP_TODAY like every other date in the app."""
    monkeypatch.setenv("JOURNEYMAP_TODAY", "2026-03-10")
    result = run(db_path, "report", str(workshop))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Leadership review for 2026-03")
