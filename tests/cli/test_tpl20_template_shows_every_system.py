"""`templates show` names every system of the method that a template fills (tpl20).

Found walking the templates in session 16: `templates show billing-dispute` listed scope,
stages, touchpoints, handoffs, pain points and cards, but not the escalation matrix, which
touchpoint is a bot, a card's projected effect or the cost per contact, so a lead judging a
template before starting a map could not tell it carried them. Wide output (COLUMNS) keeps
each line whole for the asserts.
"""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli


def _show(tmp_path: Path, name: str) -> str:
    code, out, err = run_cli(tmp_path / "team.db", "templates", "show", name)
    assert code == 0, err
    return " ".join(out.split())


def test_the_escalation_matrix_of_a_template_is_shown(tmp_path: Path) -> None:
    flat = _show(tmp_path, "billing-dispute")
    assert "Escalation matrix (4)" in flat
    assert "Sev-1 — Billing operations lead (Finance): respond within 1 h, update every 4 h" \
        in flat
    assert "A disputed line on one invoice" in flat  # the level's criteria


def test_a_bot_touchpoint_is_marked_with_when_it_hands_over(tmp_path: Path) -> None:
    flat = _show(tmp_path, "return-portal")
    assert "3.1 Phone menu (IVR) — Support · frontstage · bot" in flat
    assert "hands over: Transfer to a returns agent when the caller says agent" in flat


def test_projected_effects_and_costs_are_the_business_case_inputs(tmp_path: Path) -> None:
    flat = _show(tmp_path, "return-portal")
    assert "projected: deflection of 25 %" in flat
    assert "Cost per contact (1)" in flat and "phone: 25 per contact (not confirmed)" in flat


def test_a_template_without_a_matrix_says_so(tmp_path: Path) -> None:
    flat = _show(tmp_path, "blank")
    assert "Escalation matrix (0) none" in flat and "Cost per contact (0) none" in flat
