"""Per-file mutation score from ``mutmut results --all true`` on stdin (see mutation.sh).

Arguments are the mutant globs that were run ("models.db.fields.*"); only their files
are counted, so results left in mutants/ by earlier runs of other files do not mix in.
A "no tests" mutant counts as a survivor: no test noticed the change.

``--names "not checked|survived"`` prints instead the names of those files' mutants with
one of those statuses, one a line, for mutation.sh to hand to ``mutmut run``.
"""

from __future__ import annotations

import collections
import sys

KILLED = ("killed", "timeout", "caught by type check")
NOT_RUN = ("skipped", "not checked")


def _results(wanted: set[str]) -> list[tuple[str, str, str]]:
    """(module, mutant name, status) of the wanted modules."""
    found = []
    for line in sys.stdin:
        name, _, status = line.strip().rpartition(": ")
        module = name.split(".x_", 1)[0].split(".xǁ", 1)[0]
        if module in wanted:
            found.append((module, name, status))
    return found


def main() -> None:
    args = sys.argv[1:]
    statuses: set[str] | None = None
    if args[:1] == ["--names"]:
        statuses, args = set(args[1].split("|")), args[2:]
    wanted = {glob.removesuffix(".*") for glob in args}
    results = _results(wanted)
    if statuses is not None:
        for _module, name, status in results:
            if status in statuses:
                print(name)
        return
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for module, _name, status in results:
        counts[module][status] += 1
    print(f"{'file':42} {'mutants':>7} {'killed':>6} {'survived':>8} {'not run':>7} {'score':>7}")
    tested_all = killed_all = not_run_all = 0
    for module in sorted(counts):
        c = counts[module]
        not_run = sum(c[s] for s in NOT_RUN)
        tested = sum(c.values()) - not_run
        killed = sum(c[s] for s in KILLED)
        tested_all, killed_all = tested_all + tested, killed_all + killed
        not_run_all += not_run
        score = f"{100 * killed / tested:.1f} %" if tested else "n/a"
        path = module.replace(".", "/") + ".py"
        print(f"{path:42} {tested:>7} {killed:>6} {tested - killed:>8} {not_run:>7} {score:>7}")
    if tested_all:
        print(f"{'all':42} {tested_all:>7} {killed_all:>6} {tested_all - killed_all:>8} "
              f"{not_run_all:>7} {100 * killed_all / tested_all:.1f} %")


if __name__ == "__main__":
    main()
