"""Which tests call each function: mutmut's own test selection, from one clean stats run.

Why this exists: ``bench/mutation_judge.py`` judges a module's mutants with the test files it
is given, so a survivor there may still be killed by a test in another file, and its score
is a lower bound of mutmut's.  mutmut itself judges a mutant with every test of its selection
that CALLS the mutated function, found by one clean run with ``MUTANT_UNDER_TEST=stats``, in
which its trampoline records each function called (mutmut 3.8, ``runners/harness.py``
``run_stats``).  This tool does that run once and writes what it saw; ``mutation_judge.py
judge --stats`` then gives each mutant exactly those tests.  A test that never calls the
function runs the same with the mutant switched on, so they are every test that can notice
it: a survivor judged so is a mutmut survivor, not a lower bound of one (docs/mutation.md,
"session 8: mutstats8"; first used by session 7's mutall7 for the overall sample).

    collect OUT.json [PYTEST ARGS…]   cwd = mutants/, PYTHONPATH=. : run the mutation
                                      selection (default: [tool.mutmut]'s test selection,
                                      ignores and deselects, less LEFT_OUT) and write
                                      {"tests": {function: [node ids]}, "cpu": {node id: s},
                                      "failed": [node ids]}

A test that fails in the clean run would "kill" every mutant it runs for, so it is written
under "failed" and never selected (session 7: one ran the system python as another account,
one needed a server refusing a wrong password).
"""

from __future__ import annotations

import collections
import json
import os
import resource
import sys
import tomllib
from pathlib import Path
from typing import Any

# Left out of the stats run, with why: spawned writer processes (14 minutes at nice 19 in
# session 7), whose CPU the judge cannot time, like the multi-process tests [tool.mutmut]
# already ignores.
LEFT_OUT = ("tests/models/test_server.py::test_eight_writers_lose_nothing",)


def selection(root: Path) -> list[str]:
    """pytest arguments of mutmut's test selection, as ``[tool.mutmut]`` states it."""
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["mutmut"]
    return [
        *config.get("pytest_add_cli_args", []),
        *(f"--deselect={t}" for t in LEFT_OUT),
        *config.get("pytest_add_cli_args_test_selection", ["tests"]),
    ]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _Recorder:
    """A pytest plugin: after each test, the functions mutmut's trampoline saw it call."""

    def __init__(self) -> None:
        self.tests: dict[str, set[str]] = collections.defaultdict(set)
        self.cpu: dict[str, float] = {}
        self.failed: set[str] = set()

    def pytest_runtest_logstart(self, nodeid: str) -> None:
        self.cpu[nodeid] = -_cpu()

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.failed:
            self.failed.add(report.nodeid)

    def pytest_runtest_logfinish(self, nodeid: str) -> None:
        self.cpu[nodeid] += _cpu()

    def pytest_runtest_teardown(self, item: Any) -> None:
        from mutmut.state import state

        for function in state()._stats:
            self.tests[function].add(item.nodeid)
        state()._stats.clear()


def collect(out: Path, args: list[str]) -> int:
    """Run the tests once with every mutant off, recording who calls what; write ``out``."""
    import pytest

    os.environ["MUTANT_UNDER_TEST"] = "stats"
    recorder = _Recorder()
    rc = int(
        pytest.main(
            ["-q", "-p", "no:randomly", "-p", "no:cacheprovider", *args], plugins=[recorder]
        )
    )
    found = {
        "tests": {f: sorted(t) for f, t in sorted(recorder.tests.items())},
        "cpu": recorder.cpu,
        "failed": sorted(recorder.failed),
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(found, indent=0))
    return rc


def function_of(mutant: str) -> str:
    """``models.x.x_f__mutmut_3`` -> ``models.x.x_f``: the name the stats run recorded."""
    return mutant.rpartition("__mutmut_")[0]


def tests_for(stats: dict[str, Any], mutant: str) -> list[str]:
    """The tests mutmut would run for ``mutant`` (those calling its function, none that
    failed in the clean run), cheapest first: with ``-x`` a kill ends the run soonest."""
    failed = set(stats.get("failed", ()))
    ids = [t for t in stats["tests"].get(function_of(mutant), ()) if t not in failed]
    return sorted(ids, key=lambda t: (stats["cpu"].get(t, 1.0), t))


def cpu_of(stats: dict[str, Any], ids: list[str]) -> float:
    """The CPU seconds ``ids`` took in the clean stats run."""
    return sum(stats["cpu"].get(t, 1.0) for t in ids)


def main(argv: list[str]) -> None:
    command, *args = argv
    if command != "collect" or not args:
        sys.exit("usage: mutation_stats.py collect OUT.json [PYTEST ARGS…]")
    rc = collect(Path(args[0]), args[1:] or selection(Path.cwd()))
    sys.stdout.flush()
    os._exit(0 if rc in (0, 1) else rc)  # failures are recorded, not fatal


if __name__ == "__main__":
    main(sys.argv[1:])
