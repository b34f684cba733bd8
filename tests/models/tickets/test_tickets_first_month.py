"""An export that starts in the middle of a month: that first month is partial too. Its
volume is not a month's volume, so the scope's evidence, pain volumes and a card's baseline
skip it, and the provenance says where its data starts. A quiet first day or two (or a
month whose few tickets simply came late) is not a partial month."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest

from models.db.store import Store
from models.rules import measures
from models.rules.months import DataStart, months_covered, said
from models.tickets import engine, storage

HEAD = "ticket_id,created_at,solved_at,status,category\n"


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def covered(since: str, until: str, tickets: dict[str, int]
            ) -> tuple[dict[str, datetime], set[str]]:
    src = SimpleNamespace(data_from=at(since), data_until=at(until),
                          imported_at=at("2024-06-01 09:00"))
    readings = [SimpleNamespace(source_id=1, period=m, group_kind="all", tickets=n)
                for m, n in tickets.items()]
    readings.append(SimpleNamespace(source_id=1, period="2024-01", group_kind="category",
                                    tickets=1))
    return months_covered(readings, {1: src})  # type: ignore[arg-type, dict-item]


def test_an_export_starting_mid_month_makes_its_first_month_partial() -> None:
    # 60 tickets from 17 January 09:00 (14.6 days): at that rate the 16.4 days before held
    # about 67 more.
    partial, complete = covered("2024-01-17 09:00", "2024-03-01 08:00",
                                {"2024-01": 60, "2024-02": 120})
    assert set(partial) == {"2024-01"} and complete == {"2024-02"}
    assert isinstance(partial["2024-01"], DataStart)
    assert said("2024-01", partial["2024-01"]) == "2024-01 has data only from 2024-01-17"
    assert said("2024-03", at("2024-03-02 09:00")) == "2024-03 has data only to 2024-03-02"


@pytest.mark.parametrize(("since", "tickets"), [
    ("2024-01-03 10:00", 200),  # the first two days quiet (New Year): within 3 days
    ("2024-01-09 10:00", 7),    # 7 tickets in 22.6 days: 8.4 quiet days hold ~2.6 of them
])
def test_a_quiet_start_is_not_a_partial_month(since: str, tickets: int) -> None:
    partial, complete = covered(since, "2024-02-01 08:00", {"2024-01": tickets})
    assert partial == {} and complete == {"2024-01"}


def _export(tmp_path: Path) -> Path:
    """17 January to 10 February: 15 tickets in January (from the 17th), 6 in February."""
    rows = [f"J{i},2024-01-{17 + i:02d} 09:00,2024-01-{17 + i:02d} 10:00,Solved,Login"
            for i in range(15)]
    rows += [f"F{i},2024-02-{1 + i:02d} 09:00,2024-02-{1 + i:02d} 10:00,Solved,Login"
             for i in range(6)]
    rows.append("F9,2024-02-10 09:00,,Open,Login")
    path = tmp_path / "jan17.csv"
    path.write_text(HEAD + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def wid(store: Store) -> int:
    return int(store.create_workshop(title="Login").id or 0)


def test_evidence_is_not_taken_from_a_first_month_that_starts_late(
        store: Store, wid: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = engine.import_export

    def with_start(*args: object, **kwargs: object) -> engine.TicketImport:
        imp = real(*args, **kwargs)  # type: ignore[arg-type]
        imp.data_from = datetime(2024, 1, 17, 9, tzinfo=UTC)
        return imp

    monkeypatch.setattr(engine, "import_export", with_start)
    result = storage.import_file(store, wid, _export(tmp_path))
    journey = store.load(wid)
    [src] = journey.ticket_sources
    assert src.data_from is not None and src.data_from.day == 17
    # January starts on the 17th, February ends on the 10th: no whole month at all.
    assert journey.workshop.evidence_ticket_volume is None
    found = measures.evidence(journey)["tickets per month"]
    assert found.value is None
    assert "2024-01 has data only from 2024-01-17" in (found.reason or "")
    assert ("2024-01 has data only from 2024-01-17, a partial month: no complete month yet, "
            "so no evidence is filled from it") in result.partial


def test_the_import_knows_where_its_data_starts(tmp_path: Path) -> None:
    imp = engine.import_export(_export(tmp_path))
    assert imp.data_from == datetime(2024, 1, 17, 9, tzinfo=UTC)


def test_a_schema_8_file_gains_where_each_import_starts(db_path: Path, tmp_path: Path) -> None:
    import sqlite3

    from typer.testing import CliRunner

    from tui.cli.main import app

    store = Store(db_path, who="maker")
    wid = int(store.create_workshop(title="Old").id or 0)
    storage.import_file(store, wid, _export(tmp_path))
    store.close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("ALTER TABLE ticketsource DROP COLUMN data_from")
        conn.execute("UPDATE journeymap_meta SET value = '8' WHERE key = 'schema_version'")
    conn.close()
    upgraded = CliRunner().invoke(app, ["--db", str(db_path), "upgrade"])  # reads never do
    assert upgraded.exit_code == 0, upgraded.stderr
    assert "from schema 8" in upgraded.stdout
    for extra in (["--dry-run"], []):
        done = CliRunner().invoke(app, ["--db", str(db_path), "tickets", "import",
                                        str(_export(tmp_path)), "-w", str(wid), *extra])
        assert done.exit_code == 0, done.stderr
    assert len(Store(db_path).load(wid).ticket_sources) == 2


def test_a_late_start_names_the_complete_month_the_evidence_comes_from(
        store: Store, wid: int, tmp_path: Path) -> None:
    path = _export(tmp_path)
    march = "".join(f"M{i},2024-03-{1 + i:02d} 09:00,2024-03-{1 + i:02d} 10:00,Solved,Login\n"
                    for i in range(6))
    path.write_text(path.read_text(encoding="utf-8") + march, encoding="utf-8")
    result = storage.import_file(store, wid, path)
    [src] = store.load(wid).ticket_sources
    assert src.data_from == datetime(2024, 1, 17, 9, tzinfo=UTC)
    assert result.partial == (
        "2024-01 has data only from 2024-01-17, a partial month: the evidence comes from "
        "2024-02",
        "2024-03 has data only to 2024-03-06, a partial month: the evidence comes from 2024-02")
