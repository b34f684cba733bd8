"""Review (session 12): ``tickets show`` of an export with no category column offered
"--by channel, priority or group", a copy of the groupings that left out ``period`` and
named columns the export lacks (Front's analytics export has no channel: ``--by channel``
is refused).  The sentence now offers exactly the groupings the import can answer."""

from __future__ import annotations

import re
from pathlib import Path

from typer.testing import CliRunner

from models.db.store import Store
from tui.cli.main import app

FIXTURES = Path(__file__).parents[1] / "models" / "tickets" / "fixtures"


def test_every_grouping_offered_for_an_export_with_no_category_works(
        store: Store, db_path: Path) -> None:
    wid = str(store.create_workshop(title="T").id)
    runner = CliRunner()
    db = ["--db", str(db_path)]
    done = runner.invoke(app, [*db, "tickets", "import",
                               str(FIXTURES / "front_conversations.csv"), "-w", wid])
    assert done.exit_code == 0, done.output
    table = runner.invoke(app, [*db, "tickets", "show", wid], terminal_width=200)
    assert table.exit_code == 0, table.output
    offer = re.search(r"\(--by (.+?) for another grouping\)", " ".join(table.output.split()))
    assert offer, table.output
    offered = re.split(r", | or ", offer.group(1))
    assert "period" in offered and "category" not in offered
    for by in offered:
        shown = runner.invoke(app, [*db, "tickets", "show", wid, "--by", by])
        assert shown.exit_code == 0, f"--by {by}: {shown.output}"
