"""`export` is built from annotations evaluated once, at import (issue 18).

Typer builds a command from its parameters' annotations.  Given strings (``from
__future__ import annotations``), it compiled and evaluated each of them again
when the command was built, ~4 M instructions of every export
(``bench/export.py --phases``).  The root callback and the output commands keep
evaluated annotations, so ``--help`` and behaviour stay Typer's own.
"""

from __future__ import annotations

import inspect

import pytest

from tui.cli import export, outputs
from tui.cli import main as cli_main


@pytest.mark.parametrize("command", [info.callback for module in (export, outputs)
                                     for info in module.app.registered_commands],
                         ids=lambda c: c.__name__)
def test_output_commands_carry_evaluated_annotations(command: object) -> None:
    params = inspect.signature(command).parameters  # type: ignore[arg-type]
    assert params
    assert not [name for name, p in params.items() if isinstance(p.annotation, str)]


def test_the_root_options_carry_evaluated_annotations() -> None:
    params = inspect.signature(cli_main._root).parameters
    assert not [name for name, p in params.items() if isinstance(p.annotation, str)]
