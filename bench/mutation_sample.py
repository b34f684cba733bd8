"""Estimated mutation score of all of models/ from a uniform random sample of its mutants.

models/ has about 17,000 mutants; judging them all takes 6–19 hours on the shared machine,
so ``bench/mutation.sh --sample N [--seed S]`` judges N of them, drawn uniformly without
replacement from every mutant of every file, and reports the killed share with a 95 %
Wilson score interval (overall and per package).  Sampling mutants is an established way
to estimate a mutation score (Wong & Mathur 1995; Zhang et al., ASE 2013; Gopinath et al.,
ISSRE 2015, "How hard does mutation analysis have to be, anyway?"): each judged mutant is
one Bernoulli trial of "the tests notice this change", so the sample share estimates the
population share.

Sub-commands (mutation.sh drives them; ``mutmut results --all true`` on stdin):

    generate                  write mutants/ (mutmut's own generator; no test runs)
    pick N SEED [PACKAGE]       the names of the sampled mutants not judged yet, one a line
    pick-again N SEED [PACKAGE] the same, and the sampled survivors (judged again after new tests)
    report N SEED [PACKAGE]     the estimate, per package, and the sampled survivors

With a PACKAGE (db, export, rules, tickets, live, "top level") only that package's mutants of
the same whole sample are judged and reported: its estimate is the package row of the whole
sample's report, so engineers working on different packages judge disjoint parts of it.

The sample is a function of (the sorted list of every mutant name, N, SEED), so the same
source and the same seed give the same mutants, and a report after new tests (``--again``)
reads the same sample.  Statuses count as in mutation_score.py: "no tests" is a survivor.
"""

from __future__ import annotations

import collections
import hashlib
import math
import sys

from mutation_score import KILLED, NOT_RUN

Z95 = 1.959963984540054
PACKAGES = ("db", "export", "rules", "tickets", "live", "top level")


def wilson(killed: int, judged: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a share: honest near 0 and 1 and for small samples,
    where the normal approximation (p ± z·√(p(1-p)/n)) leaves [0, 1] or shrinks to nothing."""
    if judged == 0:
        return (0.0, 1.0)
    p = killed / judged
    z2 = z * z
    centre = (p + z2 / (2 * judged)) / (1 + z2 / judged)
    half = z / (1 + z2 / judged) * math.sqrt(p * (1 - p) / judged + z2 / (4 * judged * judged))
    return (max(0.0, centre - half), min(1.0, centre + half))


def package_of(name: str) -> str:
    """``models.rules.cards.x_f__mutmut_3`` → ``rules``; ``models.vocab.…`` → ``top level``."""
    module = name.split(".x_", 1)[0].split(".xǁ", 1)[0]
    parts = module.split(".")
    return parts[1] if len(parts) > 2 else "top level"


def read_results(lines: list[str]) -> dict[str, str]:
    """Mutant name → status, for the mutants of models/."""
    found = {}
    for line in lines:
        name, _, status = line.strip().rpartition(": ")
        if name.startswith("models."):
            found[name] = status
    return found


def _key(seed: int, name: str) -> bytes:
    return hashlib.sha256(f"{seed}:{name}".encode()).digest()


def sample(names: list[str], size: int, seed: int, package: str | None = None) -> list[str]:
    """``size`` names drawn uniformly without replacement, the same for the same inputs.

    The ``size`` names of lowest seeded SHA-256 hash: the hash orders the population at
    random, independently of the names, so the draw is uniform; a bigger sample with the
    same seed holds the smaller one, so growing a sample judges only the mutants it adds;
    and a name keeps its key when other files change (a fix renumbers the mutants of one
    function), so the sampled mutants elsewhere stay sampled and keep their results (a
    seeded shuffle of the whole list drew a new sample whenever any count changed).  With
    a ``package``, the drawn names of that package only (the whole sample is drawn first,
    so the package's part is the same as in the whole report)."""
    drawn = sorted(set(names), key=lambda name: _key(seed, name))[:size]
    if package is not None:
        drawn = [name for name in drawn if package_of(name) == package]
    return sorted(drawn)


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %"


def of_file(results: dict[str, str], path: str) -> dict[str, str]:
    """The mutants of one file (``models/tickets/facts.py``): a file too big to judge whole
    is estimated from a sample drawn from its own mutants."""
    module = path.removesuffix(".py").replace("/", ".")
    return {name: status for name, status in results.items()
            if name.split(".x_", 1)[0].split(".xǁ", 1)[0] == module}


def report(results: dict[str, str], size: int, seed: int, package: str | None = None,
           scope: str = "models/") -> str:
    """The estimate as text: overall and per package (or the one ``package``), then every
    sampled survivor."""
    chosen = sample(list(results), size, seed, package)
    per: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    survivors = []
    for name in chosen:
        status = results[name]
        group = per[package_of(name)]
        if status in NOT_RUN:
            group["not run"] += 1
            continue
        group["judged"] += 1
        if status in KILLED:
            group["killed"] += 1
        else:
            group["no tests"] += status == "no tests"
            survivors.append(f"{name}: {status}")
    population = collections.Counter(package_of(name) for name in results)
    head = f"sample of {len(chosen)} of {len(results)} mutants of {scope}, seed {seed}"
    if package is not None and scope == "models/":
        head = (f"sample of {size} of {len(results)} mutants of models/, seed {seed}: "
                f"the {len(chosen)} of package {package}")
    lines = [head,
             f"{'package':10} {'mutants':>7} {'sampled':>7} {'judged':>6} {'killed':>6} "
             f"{'no tests':>8} {'score':>7}  95 % interval (Wilson)  [if not all judged: "
             "bounds with every sampled mutant]"]
    total: collections.Counter[str] = collections.Counter()
    for name in PACKAGES if package is None else (package,):
        c = per[name]
        total.update(c)
        lines.append(_row(name, population[name], c))
    if package is None:
        lines.append(_row("all", len(results), total))
    if total["not run"]:
        lines.append(f"{total['not run']} sampled mutants not judged yet: the estimate is "
                     "over the judged ones only")
        lines.append(_bounds(total["killed"], total["not run"], len(chosen)))
    lines.append(f"sampled survivors ({len(survivors)}):")
    lines.extend(f"  {line}" for line in survivors)
    return "\n".join(lines)


def _bounds(killed: int, not_run: int, sampled: int) -> str:
    """What the whole sample can still show: every unjudged mutant killed or every one a
    survivor.  The 95 % interval of the score whatever they turn out to be runs from the
    Wilson lower bound of the first to the upper bound of the second (the bounds grow with
    the killed count), so it holds without judging them; mutmut judges the cheapest
    mutants first, so a stopped run leaves the costly ones, and the judged share alone is
    not a fair estimate."""
    low, high = killed / sampled, (killed + not_run) / sampled
    return (f"bounds with every sampled mutant: {_percent(low)} – {_percent(high)}, "
            f"95 % interval {_percent(wilson(killed, sampled)[0])} – "
            f"{_percent(wilson(killed + not_run, sampled)[1])}")


def _row(label: str, mutants: int, c: collections.Counter[str]) -> str:
    judged, killed, not_run = c["judged"], c["killed"], c["not run"]
    sampled = judged + not_run
    head = f"{label:10} {mutants:>7} {sampled:>7} {judged:>6} {killed:>6} {c['no tests']:>8}"
    if not judged:
        return f"{head} {'n/a':>7}"
    low, high = wilson(killed, judged)
    line = f"{head} {_percent(killed / judged):>7}  {_percent(low)} – {_percent(high)}"
    if not_run:
        line += (f"  [{_percent(killed / sampled)} – "
                 f"{_percent((killed + not_run) / sampled)}]")
    return line


def generate() -> None:
    """Write every mutant into mutants/ the way ``mutmut run`` does, without running tests,
    so the population can be listed before it is sampled (written against mutmut 3.8)."""
    from mutmut.__main__ import create_mutants
    from mutmut.mutation.trampoline import set_mutant_under_test
    from mutmut.utils.file_utils import copy_also_copy_files, copy_src_dir

    set_mutant_under_test("mutant_generation")
    copy_src_dir()
    copy_also_copy_files()
    create_mutants(1)


def main() -> None:
    command, *args = sys.argv[1:]
    if command == "generate":
        generate()
        return
    size, seed = int(args[0]), int(args[1])
    package = args[2] if len(args) > 2 and args[2] else None
    path = package if package is not None and package.endswith(".py") else None
    if package is not None and path is None and package not in PACKAGES:
        raise SystemExit(f"unknown package {package!r}: one of {', '.join(PACKAGES)}")
    results = read_results(sys.stdin.readlines())
    if path is not None:
        results = of_file(results, path)
        package = package_of(path.removesuffix(".py").replace("/", ".") + ".x_")
    if command in ("pick", "pick-again"):
        wanted = set(NOT_RUN)
        if command == "pick-again":
            wanted |= {"survived", "no tests"}
        for name in sample(list(results), size, seed, package):
            if results[name] in wanted:
                print(name)
    elif command == "report":
        print(report(results, size, seed, package) if path is None
              else report(results, size, seed, package, scope=path))
    else:
        raise SystemExit(f"unknown command {command!r}: generate, pick or report")


if __name__ == "__main__":
    main()
