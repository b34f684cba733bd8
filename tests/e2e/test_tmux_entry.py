"""A small workshop entered from a blank map at 80x24 with keys only, in a real terminal.

The lead's keys go through tmux (``send-keys``): typed text as literal text,
every other key one by one.  The test counts the keys beyond the typed text
(the figure issue 12 asks to keep low), prints it, and asserts what was stored.
Waiting polls the pane for the text the next key needs (no timed asserts).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from models.db.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ESCDELAY_MS = 100
SOCKET = f"jm-entry-{uuid.uuid4().hex[:8]}"


class Room:
    """A tmux pane running ``journeymap open`` and a count of the non-text keys sent."""

    def __init__(self, session: str) -> None:
        self.session = session
        self.keys = 0

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                              check=False).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def wait(self, text: str, ceiling: float = 30.0) -> str:
        deadline = time.monotonic() + ceiling
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            assert "Traceback" not in screen, screen
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared:\n{screen}")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.keys += 1
            self.tmux("send-keys", "-t", self.session, key)
            if key in ("Escape", "Tab"):  # a person is slower than ESCDELAY after Esc
                time.sleep(3 * ESCDELAY_MS / 1000)  # pacing, not an assert

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", self.session, "-l", text)


def test_a_small_workshop_from_a_blank_map_keys_only(tmp_path: Path) -> None:
    db = tmp_path / "entry.db"
    with Store(db, who="lead") as store:
        wid = int(store.create_workshop(title="Untitled workshop", default_stages=False).id or 0)
    command = (f"ESCDELAY={ESCDELAY_MS} {sys.executable} -m tui.cli --db {db} "
               f"open {wid}; sleep 5")
    session = f"jm-{uuid.uuid4().hex[:8]}"
    subprocess.run(["tmux", "-L", SOCKET, "new-session", "-d", "-s", session, "-x", "80",
                    "-y", "24", "-c", str(Path(__file__).resolve().parents[2]), command],
                   check=True)
    room = Room(session)
    room.tmux("set-option", "-s", "escape-time", "0")
    try:
        room.wait("Step 1 · Scope")
        room.wait("Scope: ")
        # 1 Scope: Tab enters Title with its text selected; typing replaces it.
        room.press("Tab")
        room.type("Admin lockout")
        room.press("Tab")
        room.type("Workspace admin")
        room.press("Tab")
        room.type("Locked out after SSO change")
        room.press("Escape", "2")
        room.wait("No stages yet")  # the view is drawn: what a person waits for too
        # 2 Stages: a, the name (the stand-in is selected), Esc.
        for i, name in enumerate(("Notice", "Contact", "Resolve"), start=1):
            room.press("a")
            room.wait(f"Stage {i}")  # paced like a person (bursts: tests/tui/test_live_entry)
            room.type(name)
            room.press("Escape")
            room.wait(f" {name} ")  # in the table: what a person looks at before the next
        room.press("3")
        room.wait("No touchpoints yet")
        # 3 Touchpoints: a adds to the stage under the cursor, A asks (digit = stage).
        plan = [("a", None, "Sees error"), ("a", None, "Checks status page"),
                ("A", "2", "Opens chat"), ("a", None, "Waits for agent"),
                ("A", "3", "Gets reset link"), ("a", None, "Logs back in")]
        for key, stage, name in plan:
            room.press(key)
            if stage is not None:
                room.wait("which stage")
                room.press(stage)
            room.wait("New touchpoint")
            room.type(name)
            room.press("Escape")
            room.wait(name)
        # 5 Pain points from the touchpoint under the cursor: x, the text, impact, effort.
        room.press("Up", "Up")  # on "Waits for agent"
        for text, impact, effort in (("No reply for 2 days", "3", "1"),
                                     ("Reset link expires", "2", "2")):
            room.press("x")
            room.wait("Step 5 · Pain points")
            room.wait("Pain at")
            room.type(text)
            room.press("Tab", "Tab")
            room.type(impact)
            room.press("Tab")
            room.type(effort)
            room.press("Escape")
            room.wait(text[:12])
            if text.startswith("No reply"):
                room.press("3")
                room.wait("Step 3 · Touchpoints")
                room.press("Down", "Down")  # on "Logs back in"... one up: "Gets reset link"
                room.press("Up")
        # 6 Cards: a card for the top pain point, twice.
        room.press("6")
        room.wait("No cards yet")
        room.press("c")
        room.wait("Card drafted")
        room.press("c")
        time.sleep(0.5)  # let the second card land before quitting (not an assert)
        room.press("C-q")
        deadline = time.monotonic() + 30
        while "journeymap" in room.tmux("list-panes", "-t", session, "-F",
                                        "#{pane_current_command}") and \
                time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        room.tmux("kill-server")

    print(f"\nkeys beyond the typed text: {room.keys}")
    with Store(db, who="check") as store:
        journey = store.load(wid)
    w = journey.workshop
    assert (w.title, w.persona, w.scenario) == (
        "Admin lockout", "Workspace admin", "Locked out after SSO change")
    assert [st.name for st in journey.stages] == ["Notice", "Contact", "Resolve"]
    by_stage = {st.name: sorted(tp.name for tp in journey.touchpoints.get(st.id or 0, []))
                for st in journey.stages}
    assert by_stage == {"Notice": ["Checks status page", "Sees error"],
                        "Contact": ["Opens chat", "Waits for agent"],
                        "Resolve": ["Gets reset link", "Logs back in"]}
    pains = {p.description: (p.impact, p.effort, journey.touchpoint(p.touchpoint_id).name)
             for p in journey.pain_points}
    assert pains == {"No reply for 2 days": (3, 1, "Waits for agent"),
                     "Reset link expires": (2, 2, "Gets reset link")}
    assert len(journey.cards) == 2
    assert {c.pain_point_id for c in journey.cards} == {p.id for p in journey.pain_points}
