"""`export --format md` creates few dataclasses: counted, never timed (issue 18).

Why: on Python 3.11 each ``@dataclass`` compiles its generated ``__init__``,
``__repr__``, ``__eq__`` (and for a frozen one ``__hash__``, ``__setattr__``,
``__delattr__``) from source when its module is imported: about 2.4 M
instructions for a plain one and 4.2 M for a frozen one, ~120 M of an export of
a 2,000-touchpoint map whose whole sqlite3 floor is ~180 M.  A ``NamedTuple`` is
cheaper (~1 M: ``collections.namedtuple`` compiles its ``__new__``, and each field's
string annotation is compiled as a ``ForwardRef``) but still ~15 times a plain class
with ``__slots__`` and an ``__init__`` (~0.07 M), so records that are built once and
only read, never compared, unpacked or hashed, are plain classes.  The tests list
the dataclasses and named tuples an export still creates, so a new one on this path
is a decision, not an accident.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2024, 3, 20)

PROBE = """
import dataclasses, sys
made = []
_process = dataclasses._process_class
def counted(cls, *args, **kwargs):
    made.append(f"{cls.__module__}.{cls.__qualname__}")
    return _process(cls, *args, **kwargs)
dataclasses._process_class = counted
from tui.cli.main import main
try:
    main()
finally:
    print('DATACLASSES', ' '.join(sorted(made)), file=sys.stderr)
"""

# What is left, and why each stays a dataclass (none: ``TrackerItem``, the last one, is
# a plain class, and an export imports no ``dataclasses`` at all):
STILL_DATACLASSES: set[str] = set()



NAMED_TUPLE_PROBE = """
import collections, sys
made = []
_namedtuple = collections.namedtuple
def counted(typename, field_names, **kwargs):
    made.append(f"{kwargs.get('module') or sys._getframe(1).f_globals['__name__']}.{typename}")
    return _namedtuple(typename, field_names, **kwargs)
collections.namedtuple = counted
from tui.cli.main import main
try:
    main()
finally:
    print('NAMEDTUPLES', ' '.join(sorted(m for m in made if m.startswith(('models.', 'tui.')))),
          file=sys.stderr)
"""

# Named tuples an export still defines: ``Measured`` is compared whole by the measures
# specs, and ``measures.py`` is at the 400-line limit.
STILL_NAMED_TUPLES = {
    "models.rules.measures.Judgement", "models.rules.measures.Measured",
}


def _made(probe: str, marker: str, workshop: tuple[Path, int], tmp_path: Path) -> list[str]:
    """The names ``probe`` printed after ``marker`` once ``export`` of ``workshop`` ran."""
    db, wid = workshop
    env = {**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat()}
    out = subprocess.run([sys.executable, "-c", probe, "--db", str(db), "export", str(wid),
                          "-o", str(tmp_path / "plan.md")], capture_output=True, text=True,
                         env=env, cwd=ROOT, stdin=subprocess.DEVNULL, timeout=120)
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "plan.md").read_bytes().startswith(b"# ")
    return next(line.split()[1:] for line in out.stderr.splitlines()
                if line.startswith(marker))


def test_export_md_defines_only_the_listed_named_tuples(workshop: tuple[Path, int],
                                                        tmp_path: Path) -> None:
    made = _made(NAMED_TUPLE_PROBE, "NAMEDTUPLES", workshop, tmp_path)
    assert "models.rules.measures.Measured" in made  # the probe sees the export's named tuples
    assert set(made) <= STILL_NAMED_TUPLES, sorted(set(made) - STILL_NAMED_TUPLES)


def test_export_md_creates_only_the_listed_dataclasses(workshop: tuple[Path, int],
                                                       tmp_path: Path) -> None:
    made = _made(PROBE, "DATACLASSES", workshop, tmp_path)
    assert set(made) <= STILL_DATACLASSES, sorted(set(made) - STILL_DATACLASSES)
