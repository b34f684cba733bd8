"""`show` counts the method's systems beside the map's rows, and says where to read them (tpl20).

Found in session 16's method check: `journeymap show` of a map from billing-dispute gave
touchpoints, handoffs, pain points and cards, but nothing said the map had an escalation
matrix, a bot, moments of truth or projected effects, nor which command shows them.
"""

from __future__ import annotations

from pathlib import Path

from models.db.store import Store
from models.export.templates import create_from_template
from tests.helpers import run_cli


def _show(tmp_path: Path, template: str) -> str:
    db = tmp_path / "team.db"
    wid = create_from_template(Store(db), template)
    code, out, err = run_cli(db, "show", str(wid))
    assert code == 0, err
    return " ".join(out.split())


def test_show_counts_the_escalation_levels_bots_moments_and_projections(
        tmp_path: Path) -> None:
    flat = _show(tmp_path, "billing-dispute")
    assert "Escalation levels: 4 Bots: 1 Moments of truth: 2 Projected effects: 1" in flat
    assert "journeymap escalation 1" in flat and "journeymap report 1 --business-case" in flat


def test_a_blank_map_counts_none(tmp_path: Path) -> None:
    flat = _show(tmp_path, "blank")
    assert "Escalation levels: 0 Bots: 0 Moments of truth: 0 Projected effects: 0" in flat
