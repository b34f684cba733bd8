"""What the command line itself costs an export: counted, never timed (issue 18).

The export of a 2,000-touchpoint map is held to 3x a plain sqlite3 read of the
same rows (``bench/export.py``).  Typer's import is the chosen stack's price; these
tests hold what our own command-line modules add on top of it: the cyclic
collections that walk what the import built, the classes our modules compile and
the standard-library modules they pull in for other commands.
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cli.console_probe import ROOT, probe
from tui.cli import main as cli_main

# Imports the command line as the console script does, then allocates what any command
# allocates next; each cyclic collection reports how many objects it had to walk.
# The import itself runs no collection (``test_cli_export_work``), so every one counted
# here comes after its last line, from the import machinery's own allocations onwards.
WALK_PROBE = """
import gc, sys
walked = []
def count(phase, info):
    if phase == 'start':
        walked.append(sum(len(gc.get_objects(g)) for g in range(info['generation'] + 1)))
gc.callbacks.append(count)
import tui.cli.main
made = [[n] for n in range(3000)]
gc.callbacks.remove(count)
print(max(walked, default=0), gc.isenabled())
"""


def test_collections_after_the_import_do_not_walk_what_it_built() -> None:
    # Importing Typer and building the root app makes ~17,000 objects that live as long
    # as the process.  The collector is paused while they are made; resuming it used to
    # leave them all in the youngest generation, so the next allocation set off one
    # collection that walked every one of them and found no garbage (~8 M instructions,
    # 1 % of an export).  They are frozen instead (``gc.freeze``), as the app freezes
    # what it loaded.
    out = subprocess.run([sys.executable, "-c", WALK_PROBE], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    walked, enabled = out.stdout.split()
    assert enabled == "True"  # the collector is on again for whatever runs next
    assert int(walked) < 5_000, walked


def test_the_command_line_s_own_classes_are_not_dataclasses() -> None:
    # The one mutable option state (``--db``) is a plain class: a dataclass compiles
    # its generated methods at import (~2.5 M instructions of every command, an
    # export's included) for a class that is built once, with no arguments, and is
    # never compared or printed.
    import inspect

    from tui.cli import common, export, export_core, main

    made = [f"{module.__name__}.{name}" for module in (main, common, export, export_core)
            for name, cls in inspect.getmembers(module, inspect.isclass)
            if cls.__module__ == module.__name__ and dataclasses.is_dataclass(cls)]
    assert made == []


def test_an_export_does_not_import_the_login_lookup(workshop: tuple[Path, int],
                                                    tmp_path: Path) -> None:
    # ``getpass`` (and ``termios`` with it) is only the last resort for a participant's
    # name when the environment names nobody; an export never asks for one.
    db, wid = workshop
    modules = set(probe(db, "export", str(wid), "-o", str(tmp_path / "plan.md"))["MODULES"])
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    assert not modules & {"getpass", "termios"}, sorted(modules & {"getpass", "termios"})


def test_what_the_export_read_is_freed_before_its_pass_ends(
        workshop: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # The pass (``one_pass``) runs with the collector off, so everything it makes stays
    # in the youngest generation; what is still alive when the collector comes back is
    # walked by the next collection (a 2,000-touchpoint map: ~7,000 objects, found
    # alive).  The map read must be gone by then, freed as the export's work returns.
    import weakref
    from contextlib import contextmanager

    import tui.cli.export as outputs

    db, wid = workshop
    read: list[weakref.ref[object]] = []
    alive_at_the_end: list[bool] = []
    real_rendered, real_pass = outputs.rendered, outputs.one_pass

    def watching(journey: object, *args: object, **kwargs: object) -> list[bytes]:
        read.append(weakref.ref(journey))
        return real_rendered(journey, *args, **kwargs)  # type: ignore[arg-type]

    @contextmanager
    def watched_pass() -> Iterator[None]:
        with real_pass():
            yield
            alive_at_the_end.append(read[0]() is not None)  # the collector still off

    monkeypatch.setattr(outputs, "rendered", watching)
    monkeypatch.setattr(outputs, "one_pass", watched_pass)
    result = CliRunner().invoke(cli_main.app, ["--db", str(db), "export", str(wid)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# ")
    assert alive_at_the_end == [False]
