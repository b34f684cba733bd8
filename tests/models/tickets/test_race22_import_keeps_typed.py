"""An import, or a fill from the ticket data, keeps what a colleague typed meanwhile.

``apply_to_map`` fills only empty evidence and baselines (with ``overwrite``, the ones the
lead agreed to replace), but it decided from a read made before its write: a baseline a
seat typed in between was replaced by the import's figure without a word.  The other
seat's edit is run between that read and the write (``two_writers.then_once``), so the
race happens on every run, on both engines.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db.store import Store
from models.db.tables.workshop import Stage, Workshop
from models.tickets import baselines, links, storage
from tests.models.two_writers import then_once

pytestmark = pytest.mark.both_engines

ZENDESK = Path(__file__).parent / "fixtures" / "zendesk_tickets.csv"
ANA_TTR = "about two days (our own count)"


def follow_up(store: Store, wid: int) -> Stage | None:
    return next((s for s in store.load(wid).stages if s.name == "Follow-Up"), None)


@pytest.fixture
def seats(db_path: Path) -> Iterator[tuple[int, int, Store, Store]]:
    """A map with readings, Incident mapped to Follow-Up, whose baseline and the
    resolution-time evidence are empty again; Ana's and Bo's stores on it."""
    with Store(db_path, who="Lea") as lea:
        wid = int(lea.create_workshop(title="Billing").id or 0)
        storage.import_file(lea, wid, ZENDESK)
        links.set_link(lea, wid, "Incident", stage="Follow-Up")
        stage = follow_up(lea, wid)
        assert stage is not None and stage.kpi_baseline is not None
        lea.update(Stage, int(stage.id or 0), kpi_baseline=None)
        lea.update(Workshop, wid, evidence_resolution_time="")
    ana, bo = Store(db_path, who="Ana"), Store(db_path, who="Bo")
    yield wid, int(stage.id or 0), ana, bo
    ana.close()
    bo.close()


def ana_types(ana: Store, wid: int, stage_id: int) -> None:
    ana.update(Stage, stage_id, kpi_baseline=12.5)
    ana.update(Workshop, wid, evidence_resolution_time=ANA_TTR)


def test_a_fill_keeps_a_baseline_typed_meanwhile_and_says_so(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, stage_id, ana, bo = seats
    then_once(monkeypatch, baselines, "evidence", lambda: ana_types(ana, wid, stage_id))
    applied = baselines.apply_to_map(bo, wid)
    stage = follow_up(bo, wid)
    assert stage is not None and stage.kpi_baseline == 12.5
    assert bo.load(wid).workshop.evidence_resolution_time == ANA_TTR
    assert not any("Follow-Up" in line or "resolution time" in line for line in applied.filled)
    kept = "\n".join(applied.kept)
    assert "stage Follow-Up: KPI baseline" in kept and "resolution time" in kept and "Ana" in kept


def test_an_overwrite_keeps_a_baseline_typed_after_its_read(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, stage_id, ana, bo = seats
    bo.update(Workshop, wid, evidence_transfer_rate="about a third")
    then_once(monkeypatch, baselines, "evidence", lambda: ana_types(ana, wid, stage_id))
    applied = baselines.apply_to_map(bo, wid, overwrite=True)
    stage = follow_up(bo, wid)
    assert stage is not None and stage.kpi_baseline == 12.5
    ws = bo.load(wid).workshop
    assert ws.evidence_resolution_time == ANA_TTR
    # what the lead saw and agreed to replace is replaced
    assert "zendesk_tickets.csv" in ws.evidence_transfer_rate
    assert any("Follow-Up" in line and "Ana" in line for line in applied.kept)


def test_an_import_never_fails_after_its_source_is_saved_and_says_what_it_kept(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, stage_id, ana, bo = seats
    then_once(monkeypatch, baselines, "evidence", lambda: ana_types(ana, wid, stage_id))
    result = storage.import_file(bo, wid, ZENDESK)
    stage = follow_up(bo, wid)
    assert stage is not None and stage.kpi_baseline == 12.5
    assert bo.load(wid).workshop.evidence_resolution_time == ANA_TTR
    assert any("Follow-Up" in line and "Ana" in line for line in result.kept)


def test_a_stage_deleted_during_an_import_does_not_fail_it(
        seats: tuple[int, int, Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    wid, stage_id, ana, bo = seats
    then_once(monkeypatch, baselines, "evidence", lambda: ana.delete(Stage, stage_id))
    result = storage.import_file(bo, wid, ZENDESK)
    assert result.source_id is not None
    assert follow_up(bo, wid) is None
    assert len(bo.load(wid).ticket_sources) == 2
