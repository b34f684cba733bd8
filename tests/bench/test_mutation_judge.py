"""Judging mutants directly (bench/mutation_judge.py): a mutant a test notices is killed, one
no test notices survives, each verdict is logged as it is reached, and the score reads the
logs (a first-pass survivor killed by the wider set counts as killed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import mutation_judge as mj  # noqa: E402
import mutation_stats as ms  # noqa: E402

BENCH = Path(__file__).resolve().parents[2] / "bench"

MODULE = """\
def double(x):
    return x * 2


def size(x):
    return "big" if x > 10 else "small"


def unused(x):
    return x + 1
"""

# A test in ANOTHER file than the module's own: only the stats selection finds it.
ELSEWHERE = """\
from calc.sums import size


def test_size():
    assert size(11) == "big"
    assert size(10) == "small"
"""

TEST = """\
from calc.sums import double


def test_double():
    assert double(3) == 6
"""

PYPROJECT = """\
[tool.mutmut]
source_paths = ["calc/"]
pytest_add_cli_args_test_selection = ["tests"]
pytest_add_cli_args = ["--ignore=tests/test_slow.py"]
"""


def _project(root: Path) -> None:
    (root / "calc").mkdir()
    (root / "calc/__init__.py").write_text("")
    (root / "calc/sums.py").write_text(MODULE)
    (root / "tests").mkdir()
    (root / "tests/test_sums.py").write_text(TEST)
    (root / "pyproject.toml").write_text(PYPROJECT)


def _generate(root: Path) -> dict[str, str]:
    # mutmut makes the mutants and is in the dev extra: the README's `pip install -e
    # '.[test]' && pytest` on a fresh machine has no mutmut, and skips with the reason.
    pytest.importorskip("mutmut", reason="mutmut (the dev extra) generates the mutants")
    env = {k: v for k, v in os.environ.items() if k != "MUTANT_UNDER_TEST"}
    subprocess.run(
        [sys.executable, str(BENCH / "mutation_sample.py"), "generate"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return {**env, "PYTHONPATH": str(root / "mutants")}


def _judge(mutants: Path, env: dict[str, str], log: Path, *how: str) -> dict[str, str]:
    subprocess.run(
        [sys.executable, str(BENCH / "mutation_judge.py"), "judge", str(log), "calc.sums", *how],
        cwd=mutants,
        env=env,
        check=True,
        capture_output=True,
    )
    return mj.read_log(log)


def test_a_generated_mutant_a_test_notices_is_killed_and_one_no_test_notices_survives(
    tmp_path: Path,
) -> None:
    _project(tmp_path)
    env = _generate(tmp_path)
    mutants = tmp_path / "mutants"
    names = mj.mutant_names((mutants / "calc/sums.py").read_text())
    assert any(n.startswith("x_double__") for n in names)
    assert any(n.startswith("x_size__") for n in names)
    log = mutants / "judged/calc.sums.log"
    verdicts = _judge(mutants, env, log, "tests/test_sums.py")
    assert set(verdicts) == set(names)
    assert {v for n, v in verdicts.items() if n.startswith("x_double__")} == {"killed"}
    assert {v for n, v in verdicts.items() if not n.startswith("x_double__")} == {"survived"}
    [score] = mj.score(mutants / "judged", mutants)
    assert (score.module, score.mutants, score.judged) == ("calc.sums", len(names), len(names))
    assert score.killed == sum(n.startswith("x_double__") for n in names)


def test_a_survivor_the_wider_set_kills_is_killed_and_an_unjudged_mutant_is_not_judged(
    tmp_path: Path,
) -> None:
    source = tmp_path / "models/rules/x.py"
    source.parent.mkdir(parents=True)
    source.write_text("".join(f"def x_f__mutmut_{i}(a):\n    pass\n" for i in range(1, 6)))
    judged = tmp_path / "judged"
    judged.mkdir()
    (judged / "models.rules.x.log").write_text(
        "# models.rules.x: 5 mutants\n"
        "x_f__mutmut_1 killed 1 0.5\nx_f__mutmut_2 survived 0 0.5\n"
        "x_f__mutmut_3 survived 0 0.5\nx_f__mutmut_4 timeout 124 9.0\n"
    )
    (judged / "models.rules.x.wide.log").write_text("x_f__mutmut_2 killed 1 2.0\n")
    [score] = mj.score(judged, tmp_path)
    assert (score.mutants, score.judged, score.killed, score.survived) == (5, 4, 3, 1)
    assert "models/rules/x.py" in mj.score_table([score])


def test_the_first_pass_is_the_modules_spec_and_test_files_and_the_wide_set_its_importers(
    tmp_path: Path,
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mutmut]\npytest_add_cli_args = ["--ignore=tests/models/test_slow.py"]\n'
    )
    spec = tmp_path / "tests/models/spec"
    spec.mkdir(parents=True)
    (spec / "test_fields_spec.py").write_text("")
    (spec / "test_fieldset_spec.py").write_text("from models.db import fields\n")
    (tmp_path / "tests/models/test_fields_door.py").write_text("import models.db.fields\n")
    (tmp_path / "tests/models/test_store.py").write_text("from models.db.fields import coerce\n")
    (tmp_path / "tests/models/test_slow.py").write_text("import models.db.fields\n")
    (tmp_path / "tests/models/test_other.py").write_text("import models.db.fieldsx\n")
    assert mj.first_pass(tmp_path, "models/db/fields.py") == [
        "tests/models/spec/test_fields_spec.py",
        "tests/models/test_fields_door.py",
    ]
    assert mj.wide(tmp_path, "models/db/fields.py") == [
        "tests/models/spec/test_fieldset_spec.py",
        "tests/models/test_fields_door.py",
        "tests/models/test_store.py",
    ]


def test_a_log_of_other_code_is_set_aside_and_one_of_the_same_code_kept(tmp_path: Path) -> None:
    log = tmp_path / "m.log"
    mark = mj.source_mark("def f(): pass\n")
    log.write_text(
        f"# m: 3 mutants, 0 already judged; {mark} clean run rc=0 1.0s\n"
        "x_f__mutmut_1 killed 1 0.1\n"
    )
    assert not mj.set_aside_if_stale(log, mark)
    assert mj.set_aside_if_stale(log, mj.source_mark("def f(): return 1\n"))
    assert not log.exists()
    assert mj.read_log(tmp_path / "m.log.stale") == {"x_f__mutmut_1": "killed"}


def test_with_the_stats_run_a_mutant_only_a_test_in_another_file_notices_is_killed(
    tmp_path: Path,
) -> None:
    _project(tmp_path)
    (tmp_path / "tests/test_size_elsewhere.py").write_text(ELSEWHERE)
    env = _generate(tmp_path)
    mutants = tmp_path / "mutants"
    names = mj.mutant_names((mutants / "calc/sums.py").read_text())
    sizes = {n for n in names if n.startswith("x_size__")}
    subprocess.run(
        [sys.executable, str(BENCH / "mutation_stats.py"), "collect", "judged-stats/stats.json"],
        cwd=mutants,
        env=env,
        check=True,
        capture_output=True,
    )
    stats = json.loads((mutants / "judged-stats/stats.json").read_text())
    assert stats["tests"]["calc.sums.x_size"] == ["tests/test_size_elsewhere.py::test_size"]
    assert "calc.sums.x_unused" not in stats["tests"]

    own = _judge(mutants, env, mutants / "judged/calc.sums.log", "tests/test_sums.py")
    assert {own[n] for n in sizes} == {"survived"}
    selected = _judge(
        mutants, env, mutants / "judged-stats/calc.sums.log", "--stats", "judged-stats/stats.json"
    )
    assert set(selected) == set(names)
    assert {selected[n] for n in sizes} == {"killed"}
    assert {v for n, v in selected.items() if n.startswith("x_double__")} == {"killed"}
    assert {v for n, v in selected.items() if n.startswith("x_unused__")} == {"no-tests"}
    [score] = mj.score(mutants / "judged-stats", mutants)
    unused = sum(n.startswith("x_unused__") for n in names)
    assert (score.judged, score.killed) == (len(names), len(names) - unused)


def test_the_stats_selection_skips_tests_failing_clean_and_runs_the_cheapest_first() -> None:
    stats = {
        "tests": {"models.x.x_f": ["t::slow", "t::fails", "t::quick"], "models.x.xǁCǁm": ["t::m"]},
        "cpu": {"t::slow": 9.0, "t::fails": 0.1, "t::quick": 0.5},
        "failed": ["t::fails"],
    }
    assert ms.tests_for(stats, "models.x.x_f__mutmut_12") == ["t::quick", "t::slow"]
    assert ms.tests_for(stats, "models.x.xǁCǁm__mutmut_1") == ["t::m"]
    assert ms.tests_for(stats, "models.x.x_g__mutmut_1") == []
    assert ms.cpu_of(stats, ["t::quick", "t::slow"]) == 9.5


def test_the_stats_run_is_mutmuts_selection_less_the_multi_process_writers(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mutmut]\npytest_add_cli_args = ["--ignore=tests/models/test_slow.py"]\n'
        'pytest_add_cli_args_test_selection = ["tests/models"]\n'
    )
    assert ms.selection(tmp_path) == [
        "--ignore=tests/models/test_slow.py",
        *(f"--deselect={t}" for t in ms.LEFT_OUT),
        "tests/models",
    ]
