"""Counts on the step screens are said in words that agree: "1 risk", "4 risks", never "(s)"."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tui.steps.escalation import risks_text


@pytest.mark.parametrize(("count", "start"), [(1, "1 risk: "), (4, "4 risks: ")])
def test_escalation_risks_are_counted_in_agreeing_words(
        monkeypatch: pytest.MonkeyPatch, count: int, start: str) -> None:
    import models.rules.escalation as escalation

    risks = [SimpleNamespace(message=f"risk {i}") for i in range(count)]
    monkeypatch.setattr(escalation, "escalation_risks", lambda journey: risks)
    text = risks_text(SimpleNamespace()).plain  # type: ignore[arg-type]
    assert text == start + "risk 0"
    assert "(s)" not in text
