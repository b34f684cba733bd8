"""The Markdown export of a big, untidy map, byte for byte (issue 18).

The export is tuned for 2,000-touchpoint maps (plain-sqlite3 read, cheaper
escaping, fewer passes); none of that may change one byte of the document.
The golden files were written by the code as it was before that tuning, and
both roads to the document are held to them: the command (``export`` reads the
file with plain sqlite3) and ``to_markdown`` over the store's ORM journey.
Goldens are gzip files (the full document is about 800 kB of text);
``JOURNEYMAP_UPDATE_GOLDEN=1`` rewrites them.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db.store import Store
from models.export.markdown import to_markdown
from models.export.templates import create_from_template
from tests.big_map import START, build_big_map

TODAY = dt.date(2024, 3, 20)
GOLDEN = Path(__file__).parent / "golden"
# (golden name, --sections value or None for the whole document)
CASES = [("big-map", None), ("big-map-action-plan", "action-plan"),
         ("big-map-diagrams", "scope,diagrams")]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    db = tmp_path_factory.mktemp("big") / "big.db"
    with Store(db, who="tester") as store:
        wid = build_big_map(store)
        create_from_template(store, "billing-dispute", start_date=START)  # the portfolio
    return db, wid


def _golden(name: str, doc: bytes) -> bytes:
    path = GOLDEN / f"{name}.md.gz"
    if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN") == "1":
        path.write_bytes(gzip.compress(doc, mtime=0))
    if not path.exists():
        pytest.fail(f"missing golden file {path}; run with JOURNEYMAP_UPDATE_GOLDEN=1")
    return gzip.decompress(path.read_bytes())


def _first_difference(got: bytes, want: bytes) -> str:
    got_lines, want_lines = got.splitlines(), want.splitlines()
    for n, (a, b) in enumerate(zip(got_lines, want_lines, strict=False), start=1):
        if a != b:
            return f"line {n}: got {a[:200]!r}, golden {b[:200]!r}"
    return f"lengths differ: {len(got_lines)} lines vs {len(want_lines)} golden"


@pytest.mark.parametrize(("name", "sections"), CASES)
def test_export_command_writes_the_golden_bytes(big: tuple[Path, int], name: str,
                                                sections: str | None) -> None:
    db, wid = big
    args = [sys.executable, "-m", "tui.cli", "--db", str(db), "export", str(wid)]
    if sections is not None:
        args += ["--sections", sections]
    out = subprocess.run(args, capture_output=True, stdin=subprocess.DEVNULL,
                         env={**os.environ, "JOURNEYMAP_TODAY": TODAY.isoformat()})
    assert out.returncode == 0, out.stderr
    want = _golden(name, out.stdout)
    assert out.stdout == want, _first_difference(out.stdout, want)


@pytest.mark.parametrize(("name", "sections"), CASES)
def test_store_journey_renders_the_same_golden_bytes(big: tuple[Path, int], name: str,
                                                     sections: str | None) -> None:
    db, wid = big
    with Store(db, who="tester", read_only=True) as store:
        journey = store.load(wid)
        others = store.load_many([w.id for w in store.list_workshops() if w.id != wid])
        doc = to_markdown(journey, today=TODAY, portfolio=[journey, *others],
                          sections=None if sections is None else sections.split(",")
                          ).encode("utf-8")
    want = _golden(name, doc) if os.environ.get("JOURNEYMAP_UPDATE_GOLDEN") != "1" else doc
    assert doc == want, _first_difference(doc, want)
