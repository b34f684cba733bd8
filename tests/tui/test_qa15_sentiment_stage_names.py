"""Fresh-eyes QA (session 13): the sentiment line cut stage names without a mark.

Found at 80x24 on the Touchpoints step of the login-lockout map, over SSH: under the
curve the stages read "Discoveri Attempting a pas Contacting supp Account ve", letters
dropped with no "…".  The cut also counted characters, not cells, so a stage named in
CJK took twice its room and pushed every later name off its section.  A name that does
not fit now ends in "…" within its own section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len

from models.db.store import Store
from models.db.tables.workshop import Stage
from models.export.templates import create_from_template
from tui.app.launch import build_app
from tui.widgets.step_bar import SentimentLine

CJK = "漢字の段階漢字の段階漢字の段階"


def _cells(text: str) -> list[str]:
    """One entry per terminal cell (a wide character, then an empty second cell)."""
    cells: list[str] = []
    for ch in text:
        cells.extend([ch] + [""] * (cell_len(ch) - 1))
    return cells


def _sections(curve: list[str]) -> list[tuple[int, int]]:
    """(first, end) cells of each stage's section, from the dotted rules between them."""
    width = len(curve[0])
    rules = sorted({i for row in curve for i, ch in enumerate(row) if ch == "┊"})
    return list(zip([3, *rules], [*rules, width], strict=True))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_stage_name_is_whole_or_ends_in_an_ellipsis(tmp_path: Path,
                                                                size: tuple[int, int]) -> None:
    db = tmp_path / "team.db"
    with Store(db, who="lea") as store:
        wid = create_from_template(store, "login-lockout", persona="p", scenario="s")
        store.update(Stage, store.load(wid).stages[1].id or 0, name=CJK)
        names = [s.name for s in store.load(wid).stages]
    app = build_app(db, wid, step="touchpoints", who="lea")
    async with app.run_test(size=size) as pilot:
        lines: list[str] = []
        for _ in range(100):  # until the view has drawn the map's curve (a loaded box is slow)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            lines = app.screen.query_one(SentimentLine).render().plain.splitlines()
            if len(lines) == 6:
                break
    curve, labels = lines[:5], _cells(lines[5])
    sections = _sections(curve)
    assert len(sections) == len(names)
    assert len(labels) <= len(curve[0])
    cut = 0
    for (first, end), name in zip(sections, names, strict=True):
        shown = "".join(labels[first:end]).strip()
        if shown != name:
            cut += 1
            assert shown.endswith("…") and name.startswith(shown[:-1].rstrip()), (name, shown)
    assert cut, "the map's names should not all fit: the test would prove nothing"
