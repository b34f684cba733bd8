"""Editing keys in a burst keep their place among the letters (QA session 7, data loss).

``Enter`` opens the touchpoint's name, ``ctrl+u`` empties it, the new name is
typed and ``Esc`` saves it: sent in one write, as a fast typist or an SSH link
delivers them.  The keys are read while the focus is still on the table; the
ones that travel through the table and back to the app must not run after the
text typed behind them (``ctrl+u`` emptied the new name about one time in three).
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.burst_pane import load, three_stages

TEXT_KEYS = {" ": "Space"}


def keys(*parts: str) -> list[str]:
    """tmux key names: the given names, and the characters of each ``"…"`` part."""
    names: list[str] = []
    for part in parts:
        if part.startswith('"'):
            names.extend(TEXT_KEYS.get(ch, ch) for ch in part.strip('"'))
        else:
            names.append(part)
    return names


def edit_in_one_burst(tmp_path: Path, pane_for, expected: str,  # noqa: ANN001
                      *parts: str, opened: bool = False) -> list[str]:
    """The touchpoints' names after the burst on the table (or in the first name's field,
    once ``opened``)."""
    db = tmp_path / "b.db"
    wid = three_stages(db)
    pane = pane_for(db, wid, "touchpoints")
    pane.wait("Step 3 · Touchpoints")
    pane.wait("Sees error")
    if opened:
        pane.tmux("send-keys", "-t", pane.session, "Enter")
        time.sleep(1.0)
    pane.tmux("send-keys", "-t", pane.session, *keys(*parts))  # one write
    try:
        pane.wait(expected, ceiling=10)
    except AssertionError:  # the name was lost: the database says how
        pass
    time.sleep(1.0)
    pane.quit()
    return [tp.name for tp in load(db, wid).ordered_touchpoints()]


def test_enter_ctrl_u_a_name_and_esc_in_one_burst_save_the_name(tmp_path: Path,
                                                                 pane_for) -> None:  # noqa: ANN001
    """The touchpoint renamed, and no other row: ``a`` is text here, not Add."""
    names = edit_in_one_burst(tmp_path, pane_for, "Fast 3", "Enter", "C-u", '"Fast 3"',
                              "Escape")
    assert names == ["Fast 3"]


def test_ctrl_u_a_name_and_esc_in_one_burst_in_an_open_field_save_the_name(
        tmp_path: Path, pane_for) -> None:  # noqa: ANN001
    """The field has the focus: the letters go straight into it while ``ctrl+u`` travels up
    to the app, where its binding runs; it must not run after them."""
    names = edit_in_one_burst(tmp_path, pane_for, "Fast 3", "C-u", '"Fast 3"', "Escape",
                              opened=True)
    assert names == ["Fast 3"]
