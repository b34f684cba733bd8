"""``tui.cli.deferred``: a module imported while deferring runs on its first use, whole and once.

The command line imports Typer that way so an export does not run the modules Typer
imports for completion and source code (``test_cli_export_deferred``).  These tests
hold what every other command relies on: a deferred module behaves as the module.
"""

from __future__ import annotations

import builtins
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tui.cli.deferred import DeferredModule, deferring

BODY = """
import builtins
builtins._deferred_runs.append(__name__)
VALUE = 42
def twice(n):
    return 2 * n
"""


@pytest.fixture
def runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A folder of modules on sys.path; the list of the names whose code ran."""
    monkeypatch.syspath_prepend(str(tmp_path))
    ran: list[str] = []
    monkeypatch.setattr(builtins, "_deferred_runs", ran, raising=False)
    names = ("jm_deferred_a", "jm_deferred_b", "jm_deferred_c")
    for name in names:
        (tmp_path / f"{name}.py").write_text(BODY)
    yield ran
    for name in names:
        sys.modules.pop(name, None)


def test_an_import_defers_the_code_and_the_first_read_runs_it_once(runs: list[str]) -> None:
    with deferring(["jm_deferred_a"]):
        import jm_deferred_a
    import jm_deferred_a as again  # a second import statement reads __spec__ only

    assert runs == [] and type(jm_deferred_a) is DeferredModule
    assert again.twice(jm_deferred_a.VALUE) == 84
    assert runs == ["jm_deferred_a"] and type(jm_deferred_a) is ModuleType
    assert jm_deferred_a.VALUE == 42 and runs == ["jm_deferred_a"]


def test_a_from_import_runs_the_module_at_once(runs: list[str]) -> None:
    with deferring(["jm_deferred_b"]):
        from jm_deferred_b import VALUE
    assert VALUE == 42 and runs == ["jm_deferred_b"]


def test_other_modules_and_imports_after_the_block_run_as_usual(runs: list[str]) -> None:
    with deferring(["jm_deferred_b"]):
        import jm_deferred_a
    import jm_deferred_b

    assert runs == ["jm_deferred_a", "jm_deferred_b"]
    assert type(jm_deferred_a) is type(jm_deferred_b) is ModuleType


def test_dir_and_setting_an_attribute_see_the_whole_module(runs: list[str]) -> None:
    with deferring(["jm_deferred_a", "jm_deferred_b"]):
        import jm_deferred_a
        import jm_deferred_b
    assert "twice" in dir(jm_deferred_a)
    jm_deferred_b.VALUE = 7
    assert jm_deferred_b.VALUE == 7 and jm_deferred_b.twice(1) == 2
    assert sorted(runs) == ["jm_deferred_a", "jm_deferred_b"]


def test_a_thread_reading_while_another_runs_the_module_waits_for_all_of_it(
        tmp_path: Path, runs: list[str]) -> None:
    (tmp_path / "jm_deferred_c.py").write_text(
        "import builtins\nbuiltins._deferred_started.set()\nbuiltins._deferred_go.wait(30)\n"
        + BODY)
    started, go = threading.Event(), threading.Event()
    builtins._deferred_started, builtins._deferred_go = started, go  # type: ignore[attr-defined]
    try:
        with deferring(["jm_deferred_c"]):
            import jm_deferred_c
        seen: list[object] = []
        first = threading.Thread(target=lambda: seen.append(jm_deferred_c.twice(1)))
        second = threading.Thread(target=lambda: seen.append(jm_deferred_c.VALUE))
        first.start()
        assert started.wait(30)
        second.start()
        second.join(0.2)  # the second reader is held until the module is whole
        go.set()
        first.join(30)
        second.join(30)
        assert sorted(map(str, seen)) == ["2", "42"] and runs == ["jm_deferred_c"]
    finally:
        go.set()
        del builtins._deferred_started, builtins._deferred_go  # type: ignore[attr-defined]
