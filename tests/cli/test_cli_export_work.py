"""`export --format md` does only its own work: counted, never timed (issue 18).

The export of a 2,000-touchpoint map is held to 3x a plain sqlite3 read of the
same rows (``bench/export.py``).  These tests count what the process does besides
reading, rendering and writing: the modules it imports, the click commands it
builds, the cyclic collections it runs and what the interpreter's last collection
has to walk at exit.  Each guard names the work it keeps out.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.cli.console_probe import ROOT, probe
from tui.cli import main as cli_main


def test_export_md_imports_no_temporary_file_machinery(workshop: tuple[Path, int],
                                                       tmp_path: Path) -> None:
    # tempfile (and the random, bisect and hashlib it brings) only named the file the
    # export is written to before its rename: a pid-and-counter name does that job.
    db, wid = workshop
    modules = set(probe(db, "export", str(wid), "--format", "md",
                        "-o", str(tmp_path / "plan.md"))["MODULES"])
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    assert not modules & {"tempfile", "random", "bisect", "hashlib", "secrets"}
    # the ORM and the UI stay out (tests/cli/test_cli_export_light.py says why)
    assert not {m.split(".")[0] for m in modules} & {"sqlalchemy", "sqlmodel", "textual",
                                                     "rich", "pydantic"}


def test_export_builds_only_the_export_command(workshop: tuple[Path, int]) -> None:
    # Typer turns a command into a click command by inspecting its signature; the
    # export's module has four more commands that this run never needs.
    db, wid = workshop
    assert probe(db, "export", str(wid), "--format", "md")["BUILT"] == ["export"]


def test_the_interpreter_s_last_collection_skips_what_the_command_left(
        workshop: tuple[Path, int]) -> None:
    # At exit CPython runs one last cyclic collection over every object still alive
    # (the modules, the rows read, the document): ~17 ms of an export's CPU.  The
    # command's objects are frozen when it is done, so that collection walks none of
    # them; they are still freed as the modules are cleared.
    db, wid = workshop
    frozen = probe(db, "export", str(wid), "--format", "md")["FROZEN"]
    assert int(frozen[0]) > 10_000


def test_the_export_pass_runs_without_cyclic_collections(
        workshop: tuple[Path, int], monkeypatch: pytest.MonkeyPatch) -> None:
    # One short pass allocates ~50,000 container objects (rows, cells, lines) and
    # frees them all at the end: collecting cycles while it runs finds none.
    db, wid = workshop
    import tui.cli.export as outputs

    seen: list[bool] = []
    during: list[int] = []
    collections: list[int] = []
    real = outputs.rendered

    def watching(*args: object, **kwargs: object) -> bytes:
        seen.append(gc.isenabled())
        before = len(collections)
        data = real(*args, **kwargs)  # type: ignore[arg-type]
        during.append(len(collections) - before)
        return data

    monkeypatch.setattr(outputs, "rendered", watching)

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    assert gc.isenabled()
    gc.callbacks.append(count)
    try:
        result = CliRunner().invoke(cli_main.app, ["--db", str(db), "export", str(wid)])
    finally:
        gc.callbacks.remove(count)
    assert result.exit_code == 0, result.output
    assert seen == [False] and during == [0]
    assert gc.isenabled()  # back on for whatever runs next in this process


def test_a_failed_export_turns_the_collector_back_on(workshop: tuple[Path, int]) -> None:
    db, wid = workshop
    result = CliRunner().invoke(cli_main.app, ["--db", str(db), "export", str(wid + 9)])
    assert result.exit_code == 1
    assert gc.isenabled()


# The module's code is compiled first (a checkout without bytecode files compiles it on
# import, before its first line runs); then its body runs as ``import`` runs it.
IMPORT_PROBE = """
import gc, importlib.util, sys
spec = importlib.util.find_spec('tui.cli.main')
module = importlib.util.module_from_spec(spec)
code = spec.loader.get_code(spec.name)
sys.modules[spec.name] = module
starts = []
gc.callbacks.append(lambda phase, info: starts.append(phase) if phase == 'start' else None)
exec(code, module.__dict__)
print(len(starts), gc.isenabled())
"""


def test_importing_the_command_line_runs_no_collection_and_leaves_the_collector_on() -> None:
    # Typer and its vendored Click build objects that live as long as the process;
    # collecting while they are built (about twenty times) finds no garbage.
    out = subprocess.run([sys.executable, "-c", IMPORT_PROBE], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.stdout.split() == ["0", "True"], out.stderr
