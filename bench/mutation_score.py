"""Per-file mutation score from ``mutmut results --all true`` on stdin (see mutation.sh).

Arguments are the mutant globs that were run ("models.db.fields.*"); only their files
are counted, so results left in mutants/ by earlier runs of other files do not mix in.
A "no tests" mutant counts as a survivor: no test noticed the change.
"""

from __future__ import annotations

import collections
import sys

KILLED = ("killed", "timeout", "caught by type check")
NOT_RUN = ("skipped", "not checked")


def main() -> None:
    wanted = {glob.removesuffix(".*") for glob in sys.argv[1:]}
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for line in sys.stdin:
        name, _, status = line.strip().rpartition(": ")
        module = name.rsplit(".", 1)[0]
        if module in wanted:
            counts[module][status] += 1
    print(f"{'file':42} {'mutants':>7} {'killed':>6} {'survived':>8} {'score':>7}")
    tested_all = killed_all = 0
    for module in sorted(counts):
        c = counts[module]
        tested = sum(c.values()) - sum(c[s] for s in NOT_RUN)
        killed = sum(c[s] for s in KILLED)
        tested_all, killed_all = tested_all + tested, killed_all + killed
        score = f"{100 * killed / tested:.1f} %" if tested else "n/a"
        path = module.replace(".", "/") + ".py"
        print(f"{path:42} {tested:>7} {killed:>6} {tested - killed:>8} {score:>7}")
    if tested_all:
        print(f"{'all':42} {tested_all:>7} {killed_all:>6} {tested_all - killed_all:>8} "
              f"{100 * killed_all / tested_all:.1f} %")


if __name__ == "__main__":
    main()
