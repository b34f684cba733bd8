"""Keys sent in one burst through a real terminal (tmux at 80x24) are never lost (issue 12).

Pilot bursts pass; a real terminal differs: the keys arrive as one read of
bytes, parsed by Textual's driver and posted before the screen or the step
has finished mounting.  Each test sends a burst with ONE ``send-keys`` call.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.e2e.burst_pane import load, three_stages

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

def test_letters_in_the_burst_of_a_on_a_step_just_opened_land_in_the_name(
        tmp_path: Path, pane_for) -> None:  # noqa: ANN001
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "scope")
    pane.wait("Step 1 · Scope")
    pane.burst("3", "a", "Status page")  # step key, a and the name: one burst
    pane.wait("Status page")
    pane.burst("Escape")
    time.sleep(0.3)
    pane.burst("2", "a", "Follow-up")
    pane.wait("Follow-up")
    pane.burst("Escape")
    time.sleep(0.3)
    pane.quit()
    journey = load(db, wid)
    names = [tp.name for tp in journey.ordered_touchpoints()]
    assert names == ["Sees error", "Status page"], names
    assert [st.name for st in journey.stages][-1] == "Follow-up"


def test_a_digit_in_the_burst_of_tab_lands_in_the_next_field(tmp_path: Path,
                                                             pane_for) -> None:  # noqa: ANN001
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "pains")
    pane.wait("Step 5 · Pain points")
    pane.wait("Slow")
    pane.burst("Enter")
    time.sleep(0.5)
    pane.burst("Tab", "Tab", "3", "Tab", "1", "Escape")
    time.sleep(1.0)
    pane.quit()
    pain = load(db, wid).pain_points[0]
    assert (pain.impact, pain.effort) == (3, 1)


def test_x_text_tab_and_digits_in_one_burst_fill_the_new_pain_point(tmp_path: Path,
                                                                     pane_for) -> None:  # noqa: ANN001
    """``x`` opens step 5 (mounted now) with a new pain point; the rest of the burst is its."""
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "touchpoints")
    pane.wait("Step 3 · Touchpoints")
    pane.wait("Sees error")
    pane.burst("x", "No reply", "Tab", "Tab", "3", "Tab", "1", "Escape")
    pane.wait("No reply")
    pane.burst("3", "A", "2", "Opens chat", "Tab", "Chat", "Escape")
    pane.wait("Opens chat")
    time.sleep(0.3)
    pane.quit()
    journey = load(db, wid)
    pains = {p.description: (p.impact, p.effort) for p in journey.pain_points}
    assert pains["No reply"] == (3, 1), pains
    assert [(tp.name, tp.channel) for tp in journey.ordered_touchpoints()][-1] == (
        "Opens chat", "Chat")


def test_esc_then_a_step_key_in_one_read_leaves_the_field_and_shows_the_step(
        tmp_path: Path, pane_for) -> None:  # noqa: ANN001
    """The bytes ``ESC 3`` written to the terminal at once (as SSH often delivers them)
    while a pain point is being edited: the edit is left untouched and step 3 shows."""
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "pains")
    pane.wait("Step 5 · Pain points")
    pane.wait("Slow")
    pane.burst("Enter")
    time.sleep(0.5)
    pane.tmux("send-keys", "-t", pane.session, "-H", "1b", "33")  # one write: ESC 3
    pane.wait("Step 3 · Touchpoints")
    pane.quit()
    assert [p.description for p in load(db, wid).pain_points] == ["Slow"]



def test_enter_after_a_raw_burst_of_ten_thousand_keys_saves_the_whole_name(
        tmp_path: Path, pane_for) -> None:  # noqa: ANN001
    """10,000 characters written without bracketed paste (one key each), then Enter on its
    own while they are still being typed into the field (the field shows only x's, so it
    looks done long before it is): that one Enter saves, after the last character, with
    no other key needed (QA session 11 reported it held until the next key)."""
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "touchpoints")
    pane.wait("Step 3 · Touchpoints")
    pane.wait("Sees error")
    pane.tmux("send-keys", "-t", pane.session, "Enter", "C-u")
    time.sleep(1.0)
    name = "x" * 9990 + "0123456789"
    pane.tmux("set-buffer", "-b", "long", name)
    pane.tmux("paste-buffer", "-b", "long", "-t", pane.session)  # no -p: raw keys
    pane.wait("xxxxxxxxxx")
    pane.burst("Enter")
    names: list[str] = []
    deadline = time.monotonic() + 300  # a ceiling, not a speed: the keys take a while
    while time.monotonic() < deadline and name not in names:
        names = [tp.name for tp in load(db, wid).ordered_touchpoints()]
        time.sleep(0.5)
    pane.quit()
    assert names == [name], [n[-20:] for n in names]
