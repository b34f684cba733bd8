"""A month the export ends inside of is partial: the scope's evidence, a pain point's volume
and a card's volume signal come from the latest complete month (said in the provenance),
never from "1 tickets per month"; each figure knows its own n (answered surveys for CSAT,
resolved tickets for resolution time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.tickets import Reading
from models.rules import measures
from models.tickets import links, storage

HEAD = "ticket_id,created_at,solved_at,status,category,satisfaction_score\n"


def export(tmp_path: Path, rows: list[str], name: str = "tickets.csv") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def three_months(tmp_path: Path) -> Path:
    """January: 10 tickets, February: 8 (3 surveys answered 5, 4, 2), March: 1 ticket on
    the 2nd, still open, the export's last timestamp (so March is partial)."""
    rows = [f"J{i},2024-01-{i + 1:02d} 09:00,2024-01-{i + 1:02d} 11:00,Solved,Login,"
            for i in range(10)]
    scores = ["5", "4", "2", "", "Offered", "", "", ""]
    rows += [f"F{i},2024-02-{i + 1:02d} 09:00,2024-02-{i + 1:02d} {10 + i}:00,Solved,Login,"
             f"{scores[i]}" for i in range(8)]
    rows.append("M1,2024-03-02 09:00,,Open,Login,")
    return export(tmp_path, rows)


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Login").id or 0)


def test_the_export_end_is_kept_with_the_source(store: Store, wid: int,
                                                tmp_path: Path) -> None:
    storage.import_file(store, wid, three_months(tmp_path))
    [src] = store.load(wid).ticket_sources
    assert src.data_until is not None
    assert src.data_until.strftime("%Y-%m-%d %H:%M") == "2024-03-02 09:00"


def test_evidence_comes_from_the_latest_complete_month(store: Store, wid: int,
                                                       tmp_path: Path) -> None:
    result = storage.import_file(store, wid, three_months(tmp_path))
    ws = store.load(wid).workshop
    assert ws.evidence_ticket_volume == 8  # February, not March's 1
    # February's 8 tickets were solved after 1, 2, ... 8 hours: median (4 + 5) / 2 = 4.5 h.
    assert ws.evidence_resolution_time.startswith("4.5 h (tickets.csv, 2024-02, n=8")
    assert "latest complete month" in ws.evidence_resolution_time
    assert "2024-03 has data only to 2024-03-02" in ws.evidence_resolution_time
    # CSAT: answered 5, 4, 2 -> 11/3; its n is the 3 answered surveys, not the 8 tickets.
    assert ws.evidence_csat.startswith("3.67 (tickets.csv, 2024-02, n=8 (3 answered surveys)")
    assert any("8 tickets per month" in line and "2024-02" in line for line in result.filled)


def test_only_a_partial_month_fills_no_evidence(store: Store, wid: int,
                                                tmp_path: Path) -> None:
    path = export(tmp_path, ["M1,2024-03-01 09:00,2024-03-01 10:00,Solved,Login,",
                             "M2,2024-03-02 09:00,,Open,Login,"])
    storage.import_file(store, wid, path)
    journey = store.load(wid)
    assert journey.workshop.evidence_ticket_volume is None
    found = measures.evidence(journey)["tickets per month"]
    assert found.value is None
    assert found.reason == "only a partial month in the data (2024-03 has data only to " \
        "2024-03-02)"


def test_a_month_is_complete_once_the_export_reaches_the_next(store: Store, wid: int,
                                                             tmp_path: Path) -> None:
    # March tickets, one solved on 1 April: the export was taken after March ended.
    path = export(tmp_path, ["M1,2024-03-04 09:00,2024-03-04 10:00,Solved,Login,",
                             "M2,2024-03-29 09:00,2024-04-01 09:00,Solved,Login,"])
    storage.import_file(store, wid, path)
    ws = store.load(wid).workshop
    assert ws.evidence_ticket_volume == 2
    assert "2024-03, n=2 (2 resolved tickets), a complete month" in ws.evidence_resolution_time


def test_pain_volume_and_card_volume_signal_skip_the_partial_month(
        store: Store, wid: int, tmp_path: Path) -> None:
    from models.db.tables.cards import HypothesisCard

    storage.import_file(store, wid, three_months(tmp_path))
    pain = store.add(PainPoint(workshop_id=wid, description="cannot log in"))
    links.set_link(store, wid, "Login", pain_id=int(pain.id or 0))
    assert store.load(wid).pain_point(int(pain.id or 0)).ticket_volume == 8
    card = store.add(HypothesisCard(pain_point_id=int(pain.id or 0), experiment="Magic link"))
    links.link_card(store, wid, int(card.id or 0), metric="tickets",
                      group="category=Login", target="-30%")
    verdict = measures.judge(store.load(wid), store.load(wid).cards[0])
    assert verdict is not None
    # January 10 -> February 8 = -20 %: not yet met (March's 1 ticket would say -90 %).
    assert verdict.status == measures.NOT_YET
    assert "2024-02" in verdict.text and "2024-03" not in verdict.text


def test_each_reading_knows_the_n_of_each_metric(store: Store, wid: int,
                                                 tmp_path: Path) -> None:
    storage.import_file(store, wid, three_months(tmp_path))
    feb = next(r for r in store.load(wid).readings
               if r.period == "2024-02" and r.group_kind == "all")
    n = json.loads(feb.counts)
    assert n["tickets"] == 8
    assert n["ttr_median_hours"] == 8  # 8 resolved with both timestamps
    assert n["csat_mean"] == 3 and n["csat_satisfied_share"] == 3
    march = next(r for r in store.load(wid).readings
                 if r.period == "2024-03" and r.group_kind == "all")
    assert json.loads(march.counts)["backlog_open"] == 1
    assert isinstance(feb, Reading)


@pytest.mark.parametrize(("until", "imported", "want"), [
    ("2024-04-01 00:00", "2024-04-01 00:00", "complete"),  # reaches the next month
    ("2024-03-31 23:59", "2024-03-31 23:59", "partial"),   # taken before March was over
    ("2024-03-29 17:00", "2024-04-02 09:00", "complete"),  # quiet last days, imported later
    ("2024-03-28 17:00", "2024-04-02 09:00", "partial"),   # more than 3 days short
    ("2024-03-02 09:00", "2024-06-01 09:00", "partial"),   # an old, early export
])
def test_when_a_month_is_complete(until: str, imported: str, want: str) -> None:
    from datetime import UTC, datetime
    from types import SimpleNamespace

    from models.rules.months import months_covered

    def at(text: str) -> datetime:
        return datetime.fromisoformat(text).replace(tzinfo=UTC)

    src = SimpleNamespace(data_until=at(until), data_from=None, imported_at=at(imported))
    reading = SimpleNamespace(source_id=1, period="2024-03", group_kind="all", tickets=40)
    partial, complete = months_covered([reading], {1: src})  # type: ignore[list-item,dict-item]
    assert ("complete" if "2024-03" in complete else "partial" if "2024-03" in partial
            else "") == want
