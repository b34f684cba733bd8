"""The activity panel: the workshop's change log, newest first (toggle with L).

Attribution is the other half of pairing: with several people typing, "who
changed the owner team?" must have an answer on screen.  Each line is when
(local time), who, what, old → new, built from ``ChangeLog`` rows as Rich
``Text`` through ``tui.safe_text`` - never markup - and cut to a sane length
so one pasted essay cannot fill the panel.  The panel reads the log only while
it is shown and only when the newest entry changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from models.live.activity import describe
from tui.safe_text import clean

if TYPE_CHECKING:
    from models.db.tables.history import ChangeLog
    from tui.pairing.state import PairingState

LIMIT = 100  # newest entries shown
VALUE_LIMIT = 40


def _cut(value: object, limit: int = VALUE_LIMIT) -> str:
    text = clean(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def local_time(when: dt.datetime) -> str:
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    local = aware.astimezone()
    today = dt.datetime.now().astimezone().date()
    return local.strftime("%H:%M" if local.date() == today else "%Y-%m-%d %H:%M")


def entry_text(change: ChangeLog, names: dict[tuple[str, int], str],
               undone: Mapping[int, ChangeLog] | None = None) -> Text:
    """One log line: `14:03 sam  touchpoint Reset: owner team  IT → Support` (``undone``:
    the changes undos took back, so an undo says what it undid)."""
    line = Text(end="")
    line.append(local_time(change.at), style="dim")
    line.append(" ")
    line.append(_cut(change.who or "?", 20), style="bold")
    line.append("  ")
    line.append(_cut(describe(change, names, undone), 60))
    if change.action == "update" and change.field:
        line.append("  ")
        line.append(_cut(change.old) if change.old else "(empty)",
                    style="" if change.old else "dim")
        line.append(" → ", style="bold")
        line.append(_cut(change.new) if change.new else "(empty)",
                    style="" if change.new else "dim")
    return line


class ActivityPanel(VerticalScroll):
    """Docked on the right; hidden until L is pressed."""

    DEFAULT_CSS = """
    ActivityPanel {
        dock: right; width: 60; max-width: 60%; height: 1fr; display: none;
        border-left: solid $primary; background: $surface; padding: 0 1;
    }
    ActivityPanel > #activity-title { text-style: bold; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.newest: int | None = -1

    def compose(self):  # noqa: ANN201
        yield Static(Text("Activity — who changed what (L to hide)"), id="activity-title")
        yield Static(Text(""), id="activity-log")

    def update_from(self, pairing: PairingState) -> None:
        from models.live.activity import subject_names

        app = pairing.app
        if not self.display or app.store is None or pairing.workshop_id is None \
                or app.journey is None:
            return
        from models.db.bad_cells import DamagedWorkshop

        try:
            changes = app.store.recent_changes(pairing.workshop_id, LIMIT)
            undone = app.store.undone(changes)
        except DamagedWorkshop as exc:  # a hand-written entry: said where, not a blank panel
            self.newest = None
            self.query_one("#activity-log", Static).update(Text(clean(str(exc)), style="yellow"))
            return
        except Exception:  # noqa: BLE001 - a busy file: the next change redraws
            return
        newest = changes[0].id if changes else None
        if newest == self.newest:
            return
        self.newest = newest
        names = subject_names(app.journey)
        body = Text("\n", end="").join(entry_text(c, names, undone) for c in changes) if changes \
            else Text("Nothing changed yet.", style="dim")
        self.query_one("#activity-log", Static).update(body)
