"""Output into a pipe is not wrapped: a stage name stays on one line (session 12's note).

``journeymap show 1 | less`` (or ``> summary.txt``) split "Discoverin / g the" and
"Self-servi / ce": with no terminal Rich assumed 80 columns and folded the table's
cells to fit them.  A pipe has no width, so nothing is wrapped unless one is asked for
(``COLUMNS``); on a terminal the terminal's width still applies (qa13n's 80-column tests).
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.db.tables.workshop import Stage
from tests.cli.on_a_terminal import in_a_pipe

NAMES = ["Discovering the lockout through the status page and the community forum",
         "Self-service resolution attempt with the password reset and the SSO checker"]


def test_show_into_a_pipe_keeps_every_stage_name_on_one_line(tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea", create=True) as store:
        wid = int(store.create_workshop(title="Lockout " * 12, default_stages=False).id or 0)
        for place, name in enumerate(NAMES):
            store.add(Stage(workshop_id=wid, name=name, kpi_name="Customer effort score",
                            position=place))
    code, out = in_a_pipe(db, "show", str(wid))
    assert code == 0
    text = out.decode("utf-8")
    stage_lines = [line for line in text.splitlines() if line.startswith("│")]
    assert len(stage_lines) == len(NAMES), text
    assert all(any(name[:39] in line for line in stage_lines) for name in NAMES), text
