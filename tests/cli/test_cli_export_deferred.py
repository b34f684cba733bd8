"""What Typer's import brings in that `export --format md` never runs (issue 18).

``import typer`` imports ``subprocess``, ``shellingham``, ``tokenize``, ``bz2`` and
``lzma`` for shell completion, launching programs, source code and archives: ~18 M
instructions and ~280 minor page faults of an export of a 2,000-touchpoint map
(``bench/export.py``), which calls none of them.  Counted, never timed: these tests
say which modules an export leaves unrun, and that a command which needs one still
gets all of it (``tui.cli.deferred``).
"""

from __future__ import annotations

import os
import site
import subprocess
import sys
from pathlib import Path

from tests.cli.console_probe import ROOT, TODAY

# Runs the console script's entry point as the installed script does, then names each
# module of the list that is in ``sys.modules`` and whose code ran: a module's code, once
# run, leaves ``__builtins__`` in its namespace.  A module the interpreter had run before
# the entry point (a site-packages ``.pth`` file may import ``shutil``, and so ``bz2`` and
# ``lzma``, at start-up) is not the command's doing and is left out.
RAN_PROBE = """
import sys
names = sys.argv.pop(1).split(',')
before = {n for n in names if n in sys.modules}
from tui.cli.main import main
try:
    main()
finally:
    ran = [n for n in names if n in sys.modules and n not in before
           and '__builtins__' in vars(sys.modules[n])]
    print('RAN', ' '.join(ran), file=sys.stderr)
"""

# ``ast`` is not among them: ``inspect`` subclasses ``ast.NodeVisitor`` as it is imported.
NOT_RUN_BY_AN_EXPORT = ("subprocess", "shellingham", "tokenize", "bz2", "lzma", "locale",
                        "selectors", "signal", "ipaddress", "textwrap", "linecache", "token",
                        "fnmatch", "importlib.machinery", "importlib.util", "ntpath")


def _as_installed() -> dict[str, str]:
    """The environment of a regular install: site-packages on the path, no ``.pth`` run.

    Why: the editable install's ``.pth`` hook (and coverage's) imports ``pathlib``,
    ``fnmatch`` and ``importlib.util`` as the interpreter starts, so a module they bring
    in would be left out of the count; with ``-S`` and the site-packages folders named
    here, the probe starts as the console script of a wheel does and imports the
    checkout from its folder.
    """
    paths = [*site.getsitepackages(), os.environ.get("PYTHONPATH", "")]
    return {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat(),
            "PYTHONPATH": os.pathsep.join(path for path in paths if path)}


def _ran(names: tuple[str, ...], *args: str) -> tuple[subprocess.CompletedProcess[str],
                                                      list[str]]:
    # Under bash, which stays the probe's parent (not ``exec``: a command follows), so
    # ``--show-completion`` finds a shell also when pytest itself runs detached from one.
    command = [sys.executable, "-S", "-c", RAN_PROBE, ",".join(names), *args]
    done = subprocess.run(["bash", "-c", '"$@"; exit $?', "probe", *command],
                          capture_output=True, text=True, env=_as_installed(), cwd=ROOT,
                          stdin=subprocess.DEVNULL, timeout=120)
    lines = [line for line in done.stderr.splitlines() if line.startswith("RAN")]
    assert lines, done.stderr
    return done, lines[-1].split()[1:]


def test_an_export_runs_none_of_typer_s_completion_and_source_modules(
        workshop: tuple[Path, int], tmp_path: Path) -> None:
    db, wid = workshop
    done, ran = _ran(NOT_RUN_BY_AN_EXPORT, "--db", str(db), "export", str(wid),
                     "--format", "md", "-o", str(tmp_path / "plan.md"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    assert ran == [], ran


def test_showing_completion_still_finds_the_shell(tmp_path: Path) -> None:
    # ``--show-completion`` with no shell named asks ``shellingham`` (deferred) which
    # shell runs it, then prints that shell's script.
    done, ran = _ran(("shellingham",), "--db", str(tmp_path / "j.db"), "--show-completion")
    assert done.returncode == 0, done.stderr
    assert "COMPREPLY" in done.stdout or "compdef" in done.stdout or "complete " in done.stdout
    assert ran == ["shellingham"]
