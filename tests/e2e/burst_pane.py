"""A tmux pane that sends keys in bursts, and the small workshop the burst tests type into.

``Pane.burst`` sends every key in one ``send-keys`` (tmux writes them to the program at
once), as a fast typist or an SSH link delivers them; ``three_stages`` is a workshop of
three stages with one touchpoint and one pain point. The ``pane_for`` fixture that starts
``journeymap open`` in such a pane is in this folder's ``conftest.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

from models.db.store import Store
from models.db.tables.cards import PainPoint
from models.db.tables.workshop import Stage, Touchpoint
from tests.e2e.tmux_pane import TmuxPane

ROOT = Path(__file__).resolve().parents[2]


class Pane(TmuxPane):
    def burst(self, *keys: str) -> None:
        """All ``keys`` in one ``send-keys`` (tmux writes them to the pane at once).

        A key longer than one character that is not a tmux key name is text:
        sent character by character in the same call.
        """
        names: list[str] = []
        for key in keys:
            if len(key) > 1 and key not in ("Escape", "Tab", "Enter", "BTab", "C-q", "Up",
                                            "Down"):
                names.extend("Space" if ch == " " else ch for ch in key)
            else:
                names.append(key)
        self.tmux("send-keys", "-t", self.session, *names)

    def quit(self) -> None:
        self.burst("C-q")
        deadline = time.monotonic() + 30
        while "python" in self.tmux("list-panes", "-t", self.session, "-F",
                                    "#{pane_current_command}") and time.monotonic() < deadline:
            time.sleep(0.1)


def three_stages(db: Path) -> int:
    with Store(db, who="t") as s:
        wid = int(s.create_workshop(title="T", default_stages=False).id or 0)
        for name in ("Notice", "Contact", "Resolve"):
            st = s.add(Stage(workshop_id=wid, name=name))
            if name == "Notice":
                tp = s.add(Touchpoint(stage_id=st.id, name="Sees error"))
                s.add(PainPoint(workshop_id=wid, touchpoint_id=tp.id, description="Slow"))
        return wid


def load(db: Path, wid: int):  # noqa: ANN201
    with Store(db, who="check") as s:
        return s.load(wid)
