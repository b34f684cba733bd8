"""The pain point form's two triage boxes show their whole label at 120x40.

Why: beside the table at 120x40 the form is about 47 cells wide, and the label
"Important (hurts the customer or the business)" ended at "…the bus" with no mark
(session 14 newcomer walk).  A box now says one word (Urgent, Important) and
the sentence under it wraps like every other field's hint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox

from tests.helpers import settle
from tui.app.launch import build_app


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_each_triage_box_label_fits_its_pane(db_path: Path, wid: int,
                                                   size: tuple[int, int]) -> None:
    app = build_app(db_path, wid, step="pains", who="lea")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        form = app.screen.view("pains").form
        boxes = list(form.query(Checkbox))
        assert len(boxes) == 2
        for box in boxes:
            # the box is as wide as its label: it must end inside the form's pane
            assert box.region.right <= form.content_region.right, (str(box.label), box.region,
                                                                   form.content_region)
