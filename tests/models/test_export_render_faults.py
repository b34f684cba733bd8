"""Rendering the bench map's Markdown touches few fresh pages of memory (issue 18).

Why a count: a page the process touches for the first time is a minor fault, ~2 µs
of system time on these machines that no instruction count shows.  The render
used to hold every section's lines until the end and then join the encoded
sections into one more copy of the document; now each section's lines are freed
once it is encoded (the next section reuses that memory) and the pieces are
written as they are.

What is counted: the minor faults (``ru_minflt``) of a fresh interpreter while
it renders the 2,000-touchpoint bench map that it has already read, measured
against the pages of the file written, since a bigger document needs more pages
however it is made.  Before: 1,687 faults for the 849,554-byte file (~8.1 per
page of it); after: 1,126 (~5.4).  The bound of 6.75 a page (~1,400 faults)
sits ~280 faults from either, so allocator noise of a few dozen faults cannot
flip it, while holding the whole document again would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.models.bench_map import build

ROOT = Path(__file__).resolve().parents[2]

RENDER = r"""
import resource, sys
from pathlib import Path
from models.export.files import write_file
from tests.models.bench_map import TODAY
from tui.cli.export_core import light_read, one_pass, rendered

db, wid, out = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
journey, portfolio = light_read(db, wid, portfolio=True)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
with one_pass():
    data = rendered(journey, portfolio, "md", None, TODAY)
faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
print(faults, write_file(out, data).stat().st_size)
"""


def test_the_render_touches_under_7_fresh_pages_per_page_written(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    wid = build(db)
    done = subprocess.run([sys.executable, "-c", RENDER, str(db), str(wid),
                           str(tmp_path / "plan.md")],
                          capture_output=True, text=True, cwd=ROOT, check=True,
                          env={**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)})
    faults, size = map(int, done.stdout.split())
    assert size > 800_000  # the bench map's document, so the pages are the bench's
    assert faults < 6.75 * size / 4096, f"{faults:,} faults for {size / 4096:,.0f} pages"
