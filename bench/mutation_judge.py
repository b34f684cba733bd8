"""Judge mutmut's own mutants of one module directly: one process, one verdict line each.

Why this exists: on this shared 2-core machine a fresh ``mutmut run`` spends about 22
minutes on set-up (copying, mapping which test calls which function, a clean run of the
whole selection) before it judges its first mutant, and then judges one to eight a minute.
The mutants themselves are cheap: mutmut's generator writes them into ``mutants/`` behind a
trampoline that reads ``MUTANT_UNDER_TEST`` on every call.  So this tool switches each
mutant on in turn in ONE Python process and runs the named test files with ``pytest.main``
and ``-x``: exit 1 = killed, 0 = survived.  A kill here is a kill under mutmut (the test ran
the mutated function and is in mutmut's selection); a survivor might still be killed by a
test not named, so a score from these logs is a lower bound of mutmut's.

Sub-commands (``bench/mutation.sh --direct`` drives them; docs/mutation.md, "Judging
directly"):

    judge LOG MODULE TESTFILE...   cwd = mutants/; LOG gets "name verdict rc seconds" per
                                   mutant as soon as it is judged, so a stopped run keeps
                                   its verdicts and a restarted one skips them
    judge LOG MODULE --stats STATS.json
                                   each mutant judged by exactly the tests mutmut would run
                                   for it: those the clean stats run saw call its function
                                   (bench/mutation_stats.py); none = "no-tests", a survivor.
                                   A survivor so judged is a mutmut survivor, not a lower
                                   bound; a timeout is 3x those tests' CPU time + 5 s
    first FILE                     the module's own spec and test files (first pass)
    wide FILE                      every tests/models file that imports the module, and the
                                   fallback and golden files for a rules module
    survivors LOG                  the names that survived in LOG, one a line
    score [DIR]                    per module, the verdicts of DIR's logs (default mutants/judged)

Environment of ``judge``: JUDGE_NAMES=file (only these mutant names), JUDGE_TIMEOUT=seconds
(default 180; at least 3x the clean run): a mutant still running then counts as killed, as
mutmut's timeout does.  The module's tests must pass with no mutant switched on first.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import importlib
import io
import json
import os
import re
import signal
import sys
import time
import tomllib
from pathlib import Path
from types import FrameType
from typing import Any

import mutation_stats

MUTANT = re.compile(r"def (x[\w\u01c1]*__mutmut_\d+)\(")
# Files the rules' wording and fallbacks are stated in (docs/mutation.md, session 6).
RULES_WIDE = (
    "tests/models/test_rules_fallbacks.py",
    "tests/models/test_rule_memo.py",
    "tests/models/test_export_md.py",
    "tests/models/test_export_csv_ics.py",
    "tests/models/test_plan.py",
    "tests/models/test_plan_cards.py",
    "tests/models/spec/test_markdown_spec.py",
    "tests/models/spec/test_plan_spec.py",
)
# As mutmut reads pytest's exit code (3, an internal error, is a kill); 124 = our timeout.
VERDICTS = {0: "survived", 1: "killed", 3: "killed", 124: "timeout"}
# No traceback and no assertion rewriting: a verdict needs only the exit code, and
# explaining a failed assert about a Journey cost 15x the CPU of the failing run itself.
COMMON = ["-q", "-x", "--tb=no", "--assert=plain", "-p", "no:randomly", "-p", "no:cacheprovider"]
KILLED = ("killed", "timeout")


def mutant_names(source: str) -> list[str]:
    """The mutants mutmut wrote into one mutated module, in function then number order."""

    def key(name: str) -> tuple[str, int]:
        function, _, number = name.rpartition("__mutmut_")
        return (function, int(number))

    return sorted(set(MUTANT.findall(source)), key=key)


def read_log(path: Path) -> dict[str, str]:
    """Mutant name -> verdict of one log (lines starting with ``#`` are headers)."""
    if not path.exists():
        return {}
    verdicts = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2 and not line.startswith("#"):
            verdicts[parts[0]] = parts[1]
    return verdicts


def module_of(path: str) -> str:
    """``models/rules/measures.py`` -> ``models.rules.measures``."""
    return path.removesuffix(".py").replace("/", ".")


def _left_out(root: Path) -> tuple[set[str], list[str]]:
    """The test files mutmut's selection ignores, and its other options (--deselect)."""
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["mutmut"]
    args: list[str] = list(config.get("pytest_add_cli_args", []))
    ignored = {a.split("=", 1)[1] for a in args if a.startswith("--ignore=")}
    return ignored, [a for a in args if a.startswith("--deselect")]


def _test_files(root: Path) -> list[str]:
    ignored, _ = _left_out(root)
    found = (p.relative_to(root).as_posix() for p in (root / "tests/models").rglob("test_*.py"))
    return sorted(f for f in found if f not in ignored)


def first_pass(root: Path, path: str) -> list[str]:
    """The module's own spec and test files: ``test_<stem>.py`` and ``test_<stem>_*.py``."""
    stem = Path(path).stem
    return [f for f in _test_files(root) if re.fullmatch(rf"test_{stem}(_\w+)?\.py", Path(f).name)]


def wide(root: Path, path: str) -> list[str]:
    """Every tests/models file that imports the module (plus the rules' fallback and golden
    files): the set every first-pass survivor is judged again against."""
    package, _, stem = module_of(path).rpartition(".")
    imports = re.compile(
        rf"\b{re.escape(package)}\.{stem}\b|from {re.escape(package)} import [^\n]*\b{stem}\b"
    )
    files = [f for f in _test_files(root) if imports.search((root / f).read_text())]
    if package == "models.rules":
        files += [f for f in RULES_WIDE if f not in files and (root / f).exists()]
    return files


class Hung(BaseException):
    """A mutant's tests ran past the timeout (a BaseException: a mutant's
    ``except Exception`` must not swallow it)."""


def _alarm(_signum: int, _frame: FrameType | None) -> None:
    raise Hung("timeout")


def forget() -> None:
    """Empty every functools cache of models/: mutmut judges each mutant in a fresh process,
    so nothing remembered while another mutant was on may answer now (session 7: a wrong
    escape cached by ``md_text._md_inline`` under one mutant "killed" the next ones)."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("models"):
            for value in list(vars(module).values()):
                if hasattr(value, "cache_clear") and hasattr(value, "cache_info"):
                    value.cache_clear()


def _run(args: list[str], mutant: str, timeout: float, cpu: float = 0.0) -> int:
    """pytest's exit code with ``mutant`` on; 124 past ``timeout`` wall seconds or ``cpu``
    seconds of process CPU (all threads: load does not stretch it)."""
    import pytest

    forget()
    os.environ["MUTANT_UNDER_TEST"] = mutant
    buffer = io.StringIO()
    signal.setitimer(signal.ITIMER_REAL, timeout)
    signal.setitimer(signal.ITIMER_PROF, cpu)
    try:
        with contextlib.redirect_stdout(buffer), contextlib.redirect_stderr(buffer):
            return int(pytest.main(args))
    except Hung:
        return 124
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.setitimer(signal.ITIMER_PROF, 0)


def source_mark(source: str) -> str:
    """A short fingerprint of the mutated module, written in each log header: a log of other
    code (the module changed and was generated again) is set aside, not continued."""
    return "sha=" + hashlib.sha256(source.encode()).hexdigest()[:12]


def set_aside_if_stale(log: Path, mark: str) -> bool:
    """Rename ``log`` to ``<log>.stale`` if its verdicts are of other code; True if so."""
    if not log.exists():
        return False
    headers = [line for line in log.read_text().splitlines() if line.startswith("# ")]
    if all(mark in line.split() for line in headers if "mutants," in line):
        return False
    log.replace(log.with_name(log.name + ".stale"))
    return True


def judge(log: Path, module: str, tests: list[str], stats_file: Path | None = None) -> None:
    """Judge every mutant of ``module`` (cwd = mutants/) not already in ``log``: with the
    test files ``tests``, or, given ``stats_file``, each with the tests calling its function."""
    root = Path.cwd()
    source = (root / (module.replace(".", "/") + ".py")).read_text()
    mark = source_mark(source)
    set_aside_if_stale(log, mark)
    names = mutant_names(source)
    if os.environ.get("JUDGE_NAMES"):
        wanted = set(Path(os.environ["JUDGE_NAMES"]).read_text().split())
        names = [n for n in names if n in wanted]
    done = read_log(log)
    stats: dict[str, Any] | None = None
    if stats_file is None:
        _, deselect = _left_out(root)
        clean_args = [*COMMON, *deselect, *tests]
        what = "tests " + " ".join(tests)
    else:
        stats = json.loads(stats_file.read_text())
        selected = {t for n in names for t in mutation_stats.tests_for(stats, f"{module}.{n}")}
        files = sorted({t.split("::")[0] for t in selected})
        # Every test module imported once with no mutant on: import-time code (tables,
        # constants built by calling models/) must not run under the first mutant judged.
        clean_args = (
            ["-q", "--collect-only", "-p", "no:randomly", "-p", "no:cacheprovider", *files]
            if files
            else []
        )
        what = f"stats {stats_file} ({len(selected)} tests in {len(files)} files)"
    timeout = int(os.environ.get("JUDGE_TIMEOUT", "180"))
    signal.signal(signal.SIGALRM, _alarm)
    signal.signal(signal.SIGPROF, _alarm)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("a") as out:
        start = time.monotonic()
        clean = _run(clean_args, "", timeout * 10) if clean_args else 0
        spent = time.monotonic() - start
        where = str(importlib.import_module(module).__file__)
        if not where.startswith(str(root)):
            sys.exit(f"{module} is imported from {where}, not from {root}")
        out.write(
            f"# {module}: {len(names)} mutants, {len(done)} already judged; {mark} clean run "
            f"rc={clean} {spent:.1f}s; {what}\n"
        )
        out.flush()
        if clean != 0:
            sys.exit(f"the tests fail with no mutant switched on (exit {clean})")
        timeout = max(timeout, int(3 * spent) + 1)
        # Everything the clean run loaded (models, the test modules, pytest's plugins) stays:
        # out of the collector's sight, pytest's end-of-run gc.collect() calls (a third of a
        # small run's CPU time with SQLModel and polars loaded) only walk what one run made.
        gc.freeze()
        for name in names:
            if name in done:
                continue
            start = time.monotonic()
            if stats is None:
                rc = _run(clean_args, f"{module}.{name}", timeout)
            else:
                ids = mutation_stats.tests_for(stats, f"{module}.{name}")
                if not ids:
                    out.write(f"{name} no-tests - 0.0\n")
                    out.flush()
                    continue
                cpu = mutation_stats.cpu_of(stats, ids)
                rc = _run([*COMMON, *ids], f"{module}.{name}", 30 * cpu + 180, 3 * cpu + 5)
            verdict = VERDICTS.get(rc, "error")
            out.write(f"{name} {verdict} {rc} {time.monotonic() - start:.1f}\n")
            out.flush()
        out.write(f"# {module}: done\n")
        out.flush()


@dataclasses.dataclass(frozen=True)
class Score:
    """One module's direct verdicts: a first-pass survivor killed by the wider set is
    killed; an error (the test run broke) is counted as neither."""

    module: str
    mutants: int
    judged: int
    killed: int

    @property
    def survived(self) -> int:
        return self.judged - self.killed


def score(directory: Path, mutants_root: Path) -> list[Score]:
    """The score of every module with a first-pass log ``<module>.log`` in ``directory``
    (survivors re-judged in ``<module>.wide.log``)."""
    scores = []
    for log in sorted(directory.glob("*.log")):
        if log.name.endswith(".wide.log"):
            continue
        module = log.name.removesuffix(".log")
        first = read_log(log)
        again = read_log(log.with_name(f"{module}.wide.log"))
        source = mutants_root / (module.replace(".", "/") + ".py")
        total = len(mutant_names(source.read_text())) if source.exists() else len(first)
        verdicts = {n: again.get(n, v) if v == "survived" else v for n, v in first.items()}
        judged = [v for v in verdicts.values() if v != "error"]
        killed = sum(v in KILLED for v in judged)
        scores.append(Score(module, total, len(judged), killed))
    return scores


def score_table(scores: list[Score]) -> str:
    lines = [f"{'judged directly':42} {'mutants':>7} {'judged':>6} {'killed':>6} {'score':>7}"]
    for s in scores:
        share = f"{100 * s.killed / s.judged:.1f} %" if s.judged else "n/a"
        path = s.module.replace(".", "/") + ".py"
        lines.append(f"{path:42} {s.mutants:>7} {s.judged:>6} {s.killed:>6} {share:>7}")
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    command, *args = argv
    root = Path.cwd()
    if command == "judge":
        if args[2:3] == ["--stats"]:
            judge(Path(args[0]), args[1], [], Path(args[3]))
        else:
            judge(Path(args[0]), args[1], args[2:])
        sys.stdout.flush()
        os._exit(0)  # a test may leave a busy non-daemon thread behind: do not wait for it
    elif command == "first":
        print("\n".join(first_pass(root, args[0])))
    elif command == "wide":
        print("\n".join(wide(root, args[0])))
    elif command == "survivors":
        log = read_log(Path(args[0]))
        print("\n".join(n for n, v in log.items() if v == "survived"))
    elif command == "score":
        directory = Path(args[0]) if args else root / "mutants" / "judged"
        print(score_table(score(directory, directory.parent)))
    else:
        sys.exit(f"unknown command {command!r}: judge, first, wide, survivors or score")


if __name__ == "__main__":
    main(sys.argv[1:])
