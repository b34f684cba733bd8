"""Imports kept next to the map: readings per month and group, all or nothing, remembered
mappings, links to stages and pain points, observers refused, the schema 4 upgrade."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from models.db.store import Store
from models.db.tables.cards import HypothesisCard, PainPoint
from models.db.tables.tickets import Reading, TicketSource
from models.tickets import baselines, editing, links, storage
from models.tickets.errors import TicketImportError

FIXTURES = Path(__file__).parent / "fixtures"
ZENDESK = FIXTURES / "zendesk_tickets.csv"
SNOW = FIXTURES / "servicenow_incident_events.csv"


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Billing").id or 0)


def counts(store: Store) -> tuple[int, int]:
    with store.read() as s:
        return (len(list(s.exec(select(TicketSource)))), len(list(s.exec(select(Reading)))))


def test_an_import_stores_monthly_readings_per_group_and_the_span(store: Store,
                                                                  wid: int) -> None:
    result = storage.import_file(store, wid, ZENDESK)
    assert result.periods == ("2024-03", "2024-04")
    journey = store.load(wid)
    [source] = journey.ticket_sources
    assert (source.file_name, source.product, source.tickets) == ("zendesk_tickets.csv",
                                                                  "zendesk", 12)
    assert json.loads(source.columns)["created"] == "Created at"
    alls = {r.period: r for r in journey.readings if r.group_kind == "all"}
    assert set(alls) == {"2024-03", "2024-04", "2024-03..2024-04"}
    # per-group tickets add up to the month's total, for every kind of group
    for month, total in alls.items():
        for kind in ("category", "channel", "priority", "group"):
            rows = [r for r in journey.readings if r.period == month and r.group_kind == kind]
            assert sum(r.tickets for r in rows) == total.tickets
    assert alls["2024-03..2024-04"].tickets == 12


def test_a_refused_import_changes_nothing(store: Store, wid: int, tmp_path: Path) -> None:
    bad = tmp_path / "empty.csv"
    bad.write_text("Id,Created at\n", encoding="utf-8")
    before = store.load(wid).workshop.updated_at
    with pytest.raises(TicketImportError) as info:
        storage.import_file(store, wid, bad)
    assert "empty.csv" in str(info.value) and "\n" not in str(info.value)
    assert counts(store) == (0, 0)
    assert store.load(wid).workshop.updated_at == before


def test_a_dry_run_writes_nothing(store: Store, wid: int) -> None:
    result = storage.import_file(store, wid, SNOW, dry_run=True)
    assert result.source_id is None and result.imported.tickets == 4
    assert counts(store) == (0, 0)


def test_the_period_option_keeps_only_those_months(store: Store, wid: int) -> None:
    result = storage.import_file(store, wid, ZENDESK, period="2024-04")
    assert result.periods == ("2024-04",)
    assert {r.period for r in store.load(wid).readings} == {"2024-04"}


def test_the_column_mapping_is_remembered_for_next_month(store: Store, wid: int,
                                                         tmp_path: Path) -> None:
    first = tmp_path / "march.csv"
    first.write_text("Ref,Logged date,Raised date,Topic\nA1,2024-03-01,2024-03-01,Login\n"
                     "A2,2024-03-02,2024-03-02,Billing\n", encoding="utf-8")
    with pytest.raises(TicketImportError, match="--map created"):
        storage.import_file(store, wid, first)
    storage.import_file(store, wid, first, mapping={"created": "Raised date"})
    second = tmp_path / "april.csv"
    second.write_text("Ref,Logged date,Raised date,Topic\nB1,2024-05-01,2024-04-03,Login\n",
                      encoding="utf-8")
    result = storage.import_file(store, wid, second)  # one command next month
    assert result.columns["created"] == "Raised date"
    assert result.periods == ("2024-04",)


def test_a_read_only_store_cannot_import(store: Store, wid: int, db_path: Path) -> None:
    with Store(db_path, who="eve", read_only=True) as seat:
        with pytest.raises(editing.EditorOnly, match="observer"):
            storage.import_file(seat, wid, ZENDESK)
    assert counts(store) == (0, 0)


def test_categories_link_to_stages_and_pain_volumes_follow(store: Store, wid: int) -> None:
    pain = store.add(PainPoint(workshop_id=wid, description="Charged twice", ticket_volume=1))
    storage.import_file(store, wid, ZENDESK)
    said = links.set_link(store, wid, "Incident", stage="Follow-Up", pain_id=pain.id)
    assert "Follow-Up" in said
    journey = store.load(wid)
    april = [r for r in journey.readings if r.period == "2024-04"
             and r.group_kind == "category" and r.group_value == "Incident"]
    assert journey.pain_point(pain.id).ticket_volume == april[0].tickets  # type: ignore[union-attr]
    follow = next(s for s in journey.stages if s.name == "Follow-Up")
    # the stage KPI ("Reopen rate") baseline from its mapped category's first month
    march = next(r for r in journey.readings if r.period == "2024-03"
                 and r.group_kind == "category" and r.group_value == "Incident")
    assert follow.kpi_baseline == pytest.approx(round((march.reopen_rate or 0) * 100, 2))
    assert follow.kpi_unit == "%"
    with pytest.raises(ValueError, match="no ticket category 'Nope'"):
        links.set_link(store, wid, "Nope", stage="1")


def test_the_next_import_keeps_the_links(store: Store, wid: int) -> None:
    storage.import_file(store, wid, ZENDESK, period="2024-03")
    links.set_link(store, wid, "Incident", stage="2")
    storage.import_file(store, wid, ZENDESK, period="2024-04")
    assert "Incident" in json.loads(store.load(wid).ticket_sources[-1].links)


def test_evidence_is_filled_with_provenance_but_typed_text_kept(store: Store, wid: int) -> None:
    from models.db.tables.workshop import Workshop

    store.update(Workshop, wid, evidence_transfer_rate="about a third")
    storage.import_file(store, wid, ZENDESK)
    ws = store.load(wid).workshop
    # The export ends on 2024-04-10: the evidence is March's, the latest complete month.
    assert ws.evidence_ticket_volume == 6
    assert ws.evidence_resolution_time.endswith(
        "(zendesk_tickets.csv, 2024-03, n=6 (4 resolved tickets), latest complete month; "
        "2024-04 has data only to 2024-04-10)")
    assert ws.evidence_transfer_rate == "about a third"
    baselines.apply_to_map(store, wid, overwrite=True)
    assert "zendesk_tickets.csv" in store.load(wid).workshop.evidence_transfer_rate


def test_a_card_is_tied_to_a_metric_and_a_target(store: Store, wid: int) -> None:
    pain = store.add(PainPoint(workshop_id=wid, description="x"))
    card = store.add(HypothesisCard(pain_point_id=pain.id, experiment="y"))
    storage.import_file(store, wid, ZENDESK)
    row = links.link_card(store, wid, int(card.id or 0), metric="tickets",
                            group="category=Incident", target="-30%")
    assert (row.signal_metric, row.signal_group, row.signal_target, row.signal_relative) == (
        "tickets", "category=Incident", pytest.approx(-0.3), True)
    with pytest.raises(ValueError, match="--metric"):
        links.link_card(store, wid, int(card.id or 0), metric="speed", group="all",
                          target="-3%")
    with pytest.raises(ValueError, match="--group"):
        links.link_card(store, wid, int(card.id or 0), metric="tickets", group="x",
                          target="-3%")


@pytest.mark.parametrize(("text", "want"), [("-30%", (-0.3, True)), ("+5%", (0.05, True)),
                                            ("=0.85", (0.85, False)), ("85%", (0.85, False)),
                                            ("−10 %", (-0.1, True))])
def test_targets(text: str, want: tuple[float, bool]) -> None:
    value, relative = links.parse_target(text)
    assert (round(value, 4), relative) == want


def test_a_schema_3_file_gains_the_ticket_tables(db_path: Path) -> None:
    store = Store(db_path, who="maker")
    wid = int(store.create_workshop(title="Old").id or 0)
    store.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("DROP TABLE reading")
        conn.execute("DROP TABLE ticketsource")
        conn.execute("UPDATE journeymap_meta SET value = '3' WHERE key = 'schema_version'")
    conn.close()
    store = Store(db_path, who="upgrader")
    storage.import_file(store, wid, ZENDESK)
    assert len(store.load(wid).ticket_sources) == 1
    store.close()
