"""Fresh-eyes QA (session 12): ``show`` at 80 columns cut letters out of stage names.

Found with the demo: the Stages table of ``journeymap show 1`` read "Discoveri… / the /
lockout", "Self-servi… / resolution / rate", "verificat…" and the header "touchpoin…":
a word longer than its column lost its end to an ellipsis although the rest of the cell
wrapped onto more lines anyway.  Every letter is shown now (a long word folds).
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from models.db.tables.workshop import Stage
from tui.cli.main import app

NAMES = ["Discovering the lockout", "Account verification", "Regaining access"]
KPIS = ["Search-to-ticket ratio", "Self-service resolution rate", "Customer effort score"]


def test_the_stages_table_shows_every_letter_at_80_columns(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = int(store.create_workshop(title="Lockout", default_stages=False).id or 0)
        for place, (name, kpi) in enumerate(zip(NAMES, KPIS, strict=True)):
            store.add(Stage(workshop_id=wid, name=name, kpi_name=kpi, position=place,
                            kpi_baseline=1.4, kpi_target=3, kpi_unit="searches per ticket"))
    result = CliRunner().invoke(app, ["--db", str(db), "show", str(wid)],
                                env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    table = result.stdout.split("Stages", 1)[1].split("Touchpoints:", 1)[0]
    assert "…" not in table, table
    assert "touchpoints" in table
    rows = [line.split("│") for line in table.splitlines() if line.startswith("│")]
    stage_column = "".join("".join(cells[2].split()) for cells in rows)
    kpi_column = "".join("".join(cells[3].split()) for cells in rows)
    assert stage_column == "".join("".join(name.split()) for name in NAMES), table
    assert kpi_column == "".join("".join(kpi.split()) for kpi in KPIS), table
