"""QA session 16: ``show`` wrote a KPI baseline of 1234567 as "1.23457e+06", a rounded
number that is not the data's. The CLI writes figures the way the Markdown does
(``models.rules.numbers.fmt_number``): grouped, whole, never in exponent form."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.workshop import Stage
from tui.cli.main import app


def _invoke(db: Path, *args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", str(db), *args], env={"COLUMNS": "200"})


def test_show_writes_a_big_kpi_figure_in_full(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Big", default_stages=False).id or 0)
        store.add(Stage(workshop_id=wid, name="Pay", kpi_name="Tickets", position=0,
                        kpi_baseline=1234567.0, kpi_target=2500000.0, kpi_unit="tickets"))
    shown = _invoke(db, "show", str(wid))
    assert shown.exit_code == 0, shown.stderr
    assert "1,234,567" in shown.stdout and "2,500,000" in shown.stdout, shown.stdout
    assert "e+0" not in shown.stdout


def test_costs_says_the_amount_as_stored_in_full(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Big").id or 0)
    said = _invoke(db, "costs", str(wid), "Phone", "1234567")
    assert said.exit_code == 0, said.stderr
    assert "Phone: 1,234,567 per contact" in said.stdout, said.stdout
