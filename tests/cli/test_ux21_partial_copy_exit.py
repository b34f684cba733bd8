"""A ``copy`` that leaves maps out says so in its exit code, and still copies the rest.

Found in session 17: ``copy`` skipped a damaged map, named it on stderr and exited 0, so
``journeymap copy --from team.db --to postgresql://… && rm team.db`` went on as if the
portfolio had moved whole.  And a map the backup's checks refuse (a NUL planted in its
persona, an infinite KPI baseline) held back every other map: nothing copied, exit 1.
Now each map left out is one sentence on stderr, the others are copied, and the exit
code is ``LEFT_OUT_EXIT`` (4): not 0, and not 1, which means nothing was copied.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from models.db.store import Store
from tests.helpers import run_cli
from tests.models.bad_values import beside_a_sound_map, spoil
from tui.cli.common import LEFT_OUT_EXIT


def _copied_titles(path: Path) -> list[str]:
    with Store(path, who="tester", read_only=True) as store:
        return [w.title for w in store.list_workshops()]


@pytest.mark.parametrize(("table", "column", "literal", "said"), [
    ("hypothesiscard", "deadline", "'garbage'", "cannot be read"),  # the store refuses it
    ("workshop", "persona", "'Ana' || char(0)", "NUL"),  # the backup's checks refuse it
    ("stage", "kpi_baseline", "1e400", "finite number"),
], ids=["damaged", "nul", "infinite"])
def test_a_copy_that_leaves_a_map_out_exits_4_and_copies_the_rest(
        tmp_path: Path, table: str, column: str, literal: str, said: str) -> None:
    path, copy = tmp_path / "j.db", tmp_path / "copy.db"
    wid, other = beside_a_sound_map(path)
    spoil(path, table, column, literal)
    code, out, err = run_cli(path, "copy", "--from", str(path), "--to", str(copy))
    assert code == LEFT_OUT_EXIT == 4, (code, out, err)
    assert err.startswith(f"journeymap: left out: Workshop {wid} "), err
    assert err.count("\n") == 1 and said in err and "Traceback" not in out + err, err
    assert f"{other} -> " in out and f"{wid} -> " not in out, out
    assert "Copied 1 workshop " in out and "1 left out" in out, out
    assert _copied_titles(copy) == ["Sound map"]


def test_a_whole_copy_still_exits_0(tmp_path: Path) -> None:
    path, copy = tmp_path / "j.db", tmp_path / "copy.db"
    beside_a_sound_map(path)
    code, out, err = run_cli(path, "copy", "--from", str(path), "--to", str(copy))
    assert (code, err) == (0, ""), err
    assert "Copied 2 workshops " in out and "left out" not in out, out


def test_the_help_of_copy_names_its_exit_code(tmp_path: Path) -> None:
    code, out, _ = run_cli(tmp_path / "j.db", "copy", "--help")
    words = " ".join(out.replace("│", " ").split())
    assert code == 0 and "exit code 4" in words, words
