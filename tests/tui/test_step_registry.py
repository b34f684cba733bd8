"""The step registry names every view by hand and imports a view only when it is shown.

Why lazily: the first screen of ``journeymap open`` is the scope step; importing
the other ten views first cost about 70 ms of CPU before it could show.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from models.vocab import METHOD_VIEWS as METHOD_KEYS
from models.vocab import STEPS
from tui.steps.base import StepView
from tui.steps.registry import METHOD_VIEWS, STEP_VIEWS, VIEWS

ROOT = Path(__file__).resolve().parents[2]


def test_every_step_and_method_view_resolves_to_its_view() -> None:
    assert list(STEP_VIEWS) == list(STEPS)
    assert list(METHOD_VIEWS) == list(METHOD_KEYS)
    assert list(VIEWS) == [*STEPS, *METHOD_KEYS]
    for key, view in VIEWS.items():
        assert issubclass(view, StepView), key
        assert VIEWS[key] is view
    assert "nope" not in VIEWS


def test_showing_the_scope_step_imports_no_other_view() -> None:
    script = ("import sys; from tui.screens.workshop import WorkshopScreen; "
              "from tui.steps.registry import VIEWS; VIEWS['scope']; "
              "print(sorted(m for m in sys.modules if m.startswith('tui.steps.') "
              "and m not in ('tui.steps.base', 'tui.steps.registry', 'tui.steps.scope')))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=ROOT, check=True, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr
