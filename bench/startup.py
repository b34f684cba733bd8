"""Start-up bench: whole-process wall time of the commands people run most.

Reports, in one run, the median of N runs of
  * ``journeymap --help``                (must not pay for Textual or SQLModel),
  * ``journeymap export ID --format json`` on a template workshop
    (``journeymap show ID`` if the export command is not there),
  * ``python -c "import sqlmodel"``      (the floor: any command that touches the store
    pays at least this),
and the ratios against the floor, measured in the same run so that a busy machine
shifts all figures together.  A tool, not a test: it asserts nothing.

    python bench/startup.py [-n 15] [--template login-lockout]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.child_env import child_env  # noqa: E402


def timed(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds for one whole process, start to exit; a failing command stops the bench."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          stdin=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')}")
    return elapsed


def median_of(cmd: list[str], env: dict[str, str], runs: int) -> float:
    timed(cmd, env)  # warm the page cache and .pyc files; not counted
    return statistics.median(timed(cmd, env) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=15)
    parser.add_argument("--template", default="login-lockout")
    args = parser.parse_args()

    exe = shutil.which("journeymap")
    if exe is None:
        sys.exit("bench: the journeymap command is not installed (pip install -e .).")
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(JOURNEYMAP_DB=str(Path(tmp) / "bench.db"))
        made = subprocess.run([exe, "new", "--template", args.template, "--persona", "Admin",
                               "--scenario", "Locked out"], env=env, capture_output=True,
                              text=True, stdin=subprocess.DEVNULL)
        if made.returncode != 0:
            sys.exit(f"bench: could not create the workshop: {made.stderr.strip()}")
        workshop_id = made.stdout.strip()
        has_export = subprocess.run([exe, "export", "--help"], env=env,
                                    capture_output=True).returncode == 0
        data_cmd = ([exe, "export", workshop_id, "--format", "json"] if has_export
                    else [exe, "show", workshop_id])
        cases = {
            "journeymap --help": [exe, "--help"],
            "journeymap " + " ".join(data_cmd[1:]): data_cmd,
            'python -c "import sqlmodel" (floor)': [sys.executable, "-c", "import sqlmodel"],
        }
        results = {name: median_of(cmd, env, args.runs) for name, cmd in cases.items()}

    floor = list(results.values())[-1]
    width = max(len(name) for name in results)
    print(f"median of {args.runs} runs, whole process, template {args.template!r}")
    for name, seconds in results.items():
        print(f"  {name:<{width}}  {seconds * 1000:7.1f} ms   {seconds / floor:5.2f} x floor")


if __name__ == "__main__":
    main()
