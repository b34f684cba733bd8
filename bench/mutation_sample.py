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
    stratify NAME=MUTANTS:JUDGED:KILLED[:NOT_RUN] …
                              the overall score from each package's own measurement
                              (stratified estimate, below); no stdin
    names [DIR]               every mutant name in DIR/models (default mutants/; written by
                              generate), one a line, without a mutmut run
    draw N SEED               the sample of the names on stdin in JUDGING order (seeded hash
                              order): judged in this order, the part judged by a stop is itself
                              the uniform sample of its size (session 7)
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
import dataclasses
import hashlib
import math
import re
import sys
from pathlib import Path

from mutation_score import KILLED, NOT_RUN

Z95 = 1.959963984540054
PACKAGES = ("db", "export", "rules", "tickets", "live", "top level")


def wilson(killed: int, judged: int, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a share: honest near 0 and 1 and for small samples,
    where the normal approximation (p ± z·√(p(1-p)/n)) leaves [0, 1] or shrinks to nothing."""
    if judged == 0:
        return (0.0, 1.0)
    return wilson_share(killed / judged, judged, z)


def wilson_share(share: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson interval of a share measured on ``n`` trials (``n`` need not be whole:
    the effective sample size of a stratified estimate)."""
    if n <= 0:
        return (0.0, 1.0)
    z2 = z * z
    centre = (share + z2 / (2 * n)) / (1 + z2 / n)
    half = z / (1 + z2 / n) * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n))
    return (max(0.0, centre - half), min(1.0, centre + half))


@dataclasses.dataclass(frozen=True)
class Stratum:
    """One package's measurement: its ``mutants`` (the population), how many were
    ``judged`` (all of them for a package judged file by file, else a uniform sample),
    how many of those were ``killed``, and sampled mutants ``not_run`` yet."""

    name: str
    mutants: int
    judged: int
    killed: int
    not_run: int = 0


@dataclasses.dataclass(frozen=True)
class Estimate:
    score: float
    std_error: float
    effective_n: float
    interval: tuple[float, float]


def stratified(strata: list[Stratum], z: float = Z95) -> Estimate:
    """The score of all the strata's mutants from each stratum's own score.

    Packages are measured differently (rules file by file, whole; db and export by their
    part of one uniform sample; tickets and live by an earlier draw), so their killed
    counts cannot be pooled; each stratum h of N_h mutants, n_h judged, k_h killed counts
    by its share of the population (Cochran, Sampling Techniques, 1977, ch. 5):

        p = Σ W_h p_h,   W_h = N_h / N,   p_h = k_h / n_h
        v = Σ W_h² (1 − n_h/N_h) s_h² / n_h,   s_h² = n_h p_h (1 − p_h) / (n_h − 1)

    A stratum judged whole (n_h = N_h) adds no sampling error.  A sampled stratum whose
    sample is all killed (or all survived) has s_h² = 0, which would claim certainty from
    a few mutants: its s_h² is taken at the Agresti–Coull centre (k_h + z²/2)/(n_h + z²)
    instead.  The 95 % interval is Wilson's at the effective sample size
    n* = p (1 − p) / v, capped at Σ n_h (Korn & Graubard 1998, for proportions from
    complex samples), so it stays inside [0, 1] and honest near 100 %."""
    total = sum(s.mutants for s in strata)
    score = variance = 0.0
    judged = 0
    for s in strata:
        weight = s.mutants / total
        share = s.killed / s.judged
        score += weight * share
        judged += s.judged
        if s.judged >= s.mutants:
            continue
        centre = share
        if s.killed in (0, s.judged):
            centre = (s.killed + z * z / 2) / (s.judged + z * z)
        spread = centre * (1 - centre) * s.judged / max(s.judged - 1, 1)
        variance += weight ** 2 * (1 - s.judged / s.mutants) * spread / s.judged
    if variance == 0:
        return Estimate(score, 0.0, float(judged), (score, score))
    effective = score * (1 - score) / variance if 0 < score < 1 else judged
    effective = min(effective, judged)
    return Estimate(score, math.sqrt(variance), effective, wilson_share(score, effective, z))


def stratified_bounds(strata: list[Stratum]) -> tuple[Estimate, Estimate]:
    """The stratified estimate if every sampled mutant not judged yet were a survivor, and
    if every one were killed: the whole samples' score lies between them whatever they
    turn out to be (mutmut judges the cheapest first, so the judged ones alone are not a
    fair sample)."""
    def whole(extra: int, s: Stratum) -> Stratum:
        return Stratum(s.name, s.mutants, s.judged + s.not_run, s.killed + extra)
    return (stratified([whole(0, s) for s in strata]),
            stratified([whole(s.not_run, s) for s in strata]))


def _read_stratum(text: str) -> Stratum:
    name, _, counts = text.partition("=")
    parts = counts.split(":")
    if not name or len(parts) not in (3, 4) or not all(p.isdigit() for p in parts):
        raise SystemExit(f"{text!r}: write a package as NAME=MUTANTS:JUDGED:KILLED[:NOT_RUN]")
    return Stratum(name, *(int(p) for p in parts))


def stratified_report(strata: list[Stratum]) -> str:
    """The stratified estimate as text, with its bounds when sampled mutants are unjudged."""
    total = sum(s.mutants for s in strata)
    lines = [f"{'package':10} {'mutants':>7} {'sampled':>7} {'judged':>6} {'killed':>6} "
             f"{'score':>7} {'weight':>7}"]
    for s in strata:
        lines.append(f"{s.name:10} {s.mutants:>7} {s.judged + s.not_run:>7} {s.judged:>6} "
                     f"{s.killed:>6} {_percent(s.killed / s.judged):>7} "
                     f"{_percent(s.mutants / total):>7}")
    got = stratified(strata)
    low, high = got.interval
    lines.append(f"stratified score of the judged: {_percent(got.score)}, 95 % interval "
                 f"{_percent(low)} – {_percent(high)} (standard error "
                 f"{_percent(got.std_error)}, effective sample {got.effective_n:.0f})")
    if any(s.not_run for s in strata):
        worst, best = stratified_bounds(strata)
        lines.append(f"bounds with every sampled mutant: {_percent(worst.score)} – "
                     f"{_percent(best.score)}, 95 % interval {_percent(worst.interval[0])} – "
                     f"{_percent(best.interval[1])}")
    return "\n".join(lines)


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


def in_draw_order(names: list[str], size: int, seed: int) -> list[str]:
    """The same draw as ``sample`` in the order of its seeded hash, not by name: every
    prefix of it is the seed's sample of that size, so judging in this order and stopping
    anywhere leaves a uniform sample judged (mutmut's cheapest-first order does not)."""
    return sorted(set(names), key=lambda name: _key(seed, name))[:size]


_MUTANT_DEF = re.compile(r"^[ \t]*def (x[\wǁ]*__mutmut_\d+)\(", re.MULTILINE)


def generated_names(root: Path) -> list[str]:
    """Every mutant mutmut's generator wrote under ``root/models``, as mutmut names them
    (``models.rules.cards.x_f__mutmut_3``, ``….xǁClassǁmethod__mutmut_2``)."""
    found = []
    for path in sorted((root / "models").rglob("*.py")):
        module = ".".join(path.relative_to(root).with_suffix("").parts).removesuffix(
            ".__init__")
        for name in sorted(set(_MUTANT_DEF.findall(path.read_text(encoding="utf-8"))),
                           key=lambda n: (n.rsplit("__mutmut_", 1)[0],
                                          int(n.rsplit("_", 1)[1]))):
            found.append(f"{module}.{name}")
    return found


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
    if command == "stratify":
        print(stratified_report([_read_stratum(arg) for arg in args]))
        return
    if command == "names":
        print("\n".join(generated_names(Path(args[0] if args else "mutants"))))
        return
    if command == "draw":
        names = [line.strip() for line in sys.stdin if line.strip()]
        print("\n".join(in_draw_order(names, int(args[0]), int(args[1]))))
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
        raise SystemExit(f"unknown command {command!r}: generate, names, draw, stratify, "
                         "pick, pick-again or report")


if __name__ == "__main__":
    main()
