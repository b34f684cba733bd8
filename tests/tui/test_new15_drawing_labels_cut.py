"""Fresh-eyes QA (session 13): the drawings cut stage names without a mark.

Found in tmux on the password-reset template: at 80 and 120 columns the swimlanes'
header read "Bot Convers┊Identity Ch┊Escalat┊Resolut┊Follow-" and the sentiment line's
labels "Problem D Bot Conversation": a lead could not tell a cut name from a short one.
Every label is now the whole name or a cut that ends in "…".
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from models.db.store import Store
from models.export.templates import create_from_template
from tests.helpers import until
from tui.app.app import JourneyApp
from tui.widgets.drawings import LaneLayout, LanePoint, Swimlanes
from tui.widgets.step_bar import SentimentLine

SIZES = [(80, 24), (120, 40)]


@pytest.fixture
def wid(store: Store) -> int:
    return create_from_template(store, "password-reset-bot", start_date="2026-03-02")


def _names(db: Path, wid: int) -> list[str]:
    with Store(db, who="tester", read_only=True) as store:
        return [s.name for s in store.load(wid).stages]


def _each_label_whole_or_marked(labels: list[str], names: list[str]) -> None:
    assert len(labels) == len(names), labels
    for label, name in zip(labels, names, strict=True):
        assert label == name or (label.endswith("…") and name.startswith(label[:-1])), (
            label, name)


async def _drawn(app: JourneyApp, pilot: Any, kind: type) -> Any:
    assert await until([pilot], lambda: bool(app.screen.query(kind))
                       and app.session.store is not None, rounds=200)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(kind)


@pytest.mark.parametrize("size", SIZES)
async def test_the_swimlanes_mark_a_cut_stage_name(db_path: Path, wid: int,
                                                   size: tuple[int, int]) -> None:
    app = JourneyApp(db_path, wid, step="ownership", who="tester")
    async with app.run_test(size=size) as pilot:
        header = (await _drawn(app, pilot, Swimlanes)).layout_.line(0).plain
    labels = [part.rstrip() for part in header.split("┊")[1:]]
    assert any(label.endswith("…") for label in labels), header
    _each_label_whole_or_marked(labels, _names(db_path, wid))


@pytest.mark.parametrize("size", SIZES)
async def test_the_sentiment_line_marks_a_cut_stage_name(db_path: Path, wid: int,
                                                         size: tuple[int, int]) -> None:
    app = JourneyApp(db_path, wid, step="touchpoints", who="tester")
    async with app.run_test(size=size) as pilot:
        line = await _drawn(app, pilot, SentimentLine)
        labels_line = line._lines()[-1].plain
    labels = labels_line[SentimentLine.AXIS:].split()
    names = _names(db_path, wid)
    joined = " ".join(labels)
    assert "…" in joined or joined == " ".join(names), labels_line
    whole = [name for name in names if name in labels_line]
    cut = [label for label in labels if label.endswith("…")]
    assert len(whole) + len(cut) == len(names), labels_line


def test_a_wide_character_is_cut_in_cells() -> None:
    layout = LaneLayout([LanePoint(1, "Team", "確認と再設定の手続き")])
    head = layout.line(0).plain
    assert head.endswith("…") and layout.width == len(layout._label("Team")) + 4, head
