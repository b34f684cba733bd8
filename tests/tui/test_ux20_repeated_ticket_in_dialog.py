"""A ticket export with a repeated id, imported from the TUI dialog, is answered there.

Left by session 16 (tix20): the refusal told a lead in the TUI to type
``--map updated=COLUMN``, a command-line option the dialog has no place for.  The dialog
now comes back with the refusal in its words and a choice of the update column,
the export's own one already chosen, so Import reads the file one row per update.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input, Static

from tests.helpers import import_dialog, settle, until
from tui.dialogs.ticket_import import TicketImportDialog

ZENDESK = Path(__file__).resolve().parents[1] / "models" / "tickets" / "fixtures" / \
    "zendesk_tickets.csv"


def _twice(tmp_path: Path) -> Path:
    """The fixture with ticket 2 on a second row, a day's update later."""
    lines = ZENDESK.read_text(encoding="utf-8").splitlines()
    again = lines[2].replace("2024-03-07 10:00:00", "2024-03-08 10:00:00", 1)
    export = tmp_path / "twice.csv"
    export.write_text("\n".join([*lines, again]) + "\n", encoding="utf-8")
    return export


def _messages(app: Any) -> list[str]:
    return [n.message for n in app._notifications]  # noqa: SLF001


async def test_a_repeated_id_brings_the_dialog_back_with_the_update_column(
        tmp_path: Path) -> None:
    async with import_dialog(tmp_path / "d.db") as (app, pilot, dialog, wid):
        dialog.query_one("#path", Input).value = str(_twice(tmp_path))
        await dialog.inspect()
        await settle(pilot)
        dialog.finish()
        back = await until([pilot], lambda: isinstance(app.screen, TicketImportDialog)
                           and app.screen is not dialog, rounds=300)
        assert back, _messages(app)
        await settle(pilot)
        again = app.screen
        said = str(again.query_one("#plan", Static).render())
        assert "appears on more than one row" in said, said
        assert "--" not in said and not any("--map" in m for m in _messages(app)), said
        assert str(again.query_one("#path", Input).value).endswith("twice.csv")
        assert again.choices["updated"].value == "Updated at"
        again.finish()
        assert await until([pilot], lambda: bool(app.session.journey
                                                  and app.session.journey.readings),
                           rounds=300), _messages(app)
