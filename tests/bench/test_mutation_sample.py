"""The mutant sample behind the overall score (bench/mutation_sample.py): reproducible,
uniform over every file, honest interval, "no tests" counted as a survivor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import mutation_sample as ms  # noqa: E402


def _population() -> list[str]:
    names = [f"models.rules.cards.x_f__mutmut_{i}" for i in range(1, 301)]
    names += [f"models.db.fields.xǁFieldǁcheck__mutmut_{i}" for i in range(1, 101)]
    names += [f"models.vocab.x_g__mutmut_{i}" for i in range(1, 11)]
    return names


def test_the_same_seed_draws_the_same_mutants_and_another_seed_others() -> None:
    names = _population()
    first = ms.sample(names, 50, 7)
    assert first == ms.sample(list(reversed(names)), 50, 7)
    assert first != ms.sample(names, 50, 8)
    assert len(set(first)) == 50
    assert set(first) <= set(names)


def test_a_bigger_sample_with_the_same_seed_holds_the_smaller_one() -> None:
    names = _population()
    assert set(ms.sample(names, 40, 5)) < set(ms.sample(names, 90, 5))


def test_a_sample_bigger_than_the_population_is_the_population() -> None:
    assert ms.sample(_population(), 10_000, 1) == sorted(_population())


@pytest.mark.parametrize(("killed", "judged", "low", "high"), [
    (85, 100, 0.7672, 0.9069),   # Newcombe 1998 method 3, by hand
    (100, 100, 0.9630, 1.0),
    (0, 10, 0.0, 0.2775),
    (900, 1000, 0.8797, 0.9171),
])
def test_wilson_interval_matches_the_hand_computed_bounds(
        killed: int, judged: int, low: float, high: float) -> None:
    got = ms.wilson(killed, judged)
    assert got == pytest.approx((low, high), abs=5e-4)


def test_packages_are_the_folders_of_models_and_the_top_level() -> None:
    assert ms.package_of("models.rules.cards.x_f__mutmut_3") == "rules"
    assert ms.package_of("models.db.fields.xǁFieldǁcheck__mutmut_1") == "db"
    assert ms.package_of("models.vocab.x_g__mutmut_2") == "top level"


def test_report_counts_no_tests_as_survivor_and_leaves_unjudged_out() -> None:
    names = _population()
    results = {name: "killed" for name in names}
    chosen = ms.sample(names, 20, 3)
    results[chosen[0]] = "no tests"
    results[chosen[1]] = "survived"
    results[chosen[2]] = "not checked"
    text = ms.report(results, 20, 3)
    all_row = next(line for line in text.splitlines() if line.startswith("all"))
    assert all_row.split()[1:5] == ["410", "20", "19", "17"]
    assert "89.5 %" in all_row
    assert f"{chosen[0]}: no tests" in text and f"{chosen[1]}: survived" in text
    assert chosen[2] not in text.split("sampled survivors")[1]
    assert "1 sampled mutants not judged yet" in text
    # whatever the unjudged one turns out to be, the score lies between 17/20 and 18/20
    bounds = ms.wilson(17, 20)[0], ms.wilson(18, 20)[1]
    assert (f"bounds with every sampled mutant: 85.0 % – 90.0 %, 95 % interval "
            f"{100 * bounds[0]:.1f} % – {100 * bounds[1]:.1f} %") in text


def test_a_package_picks_only_its_own_mutants_of_the_same_whole_sample() -> None:
    names = _population()
    whole = ms.sample(names, 60, 4)
    assert ms.sample(names, 60, 4, package="db") == [n for n in whole if ".db." in n]
    assert ms.sample(names, 60, 4, package="top level") == [
        n for n in whole if n.startswith("models.vocab.")]


def test_a_package_report_scores_that_package_alone() -> None:
    names = _population()
    results = {name: "killed" for name in names}
    db = ms.sample(names, 60, 4, package="db")
    rules = ms.sample(names, 60, 4, package="rules")
    results[db[0]] = "survived"
    results[rules[0]] = "survived"
    text = ms.report(results, 60, 4, package="db")
    rows = [line.split()[0] for line in text.splitlines()[2:] if line[:1].isalpha()]
    assert rows[:1] == ["db"] and "rules" not in rows and "all" not in rows
    db_row = text.splitlines()[2].split()
    assert db_row[1:5] == ["100", str(len(db)), str(len(db)), str(len(db) - 1)]
    assert f"{db[0]}: survived" in text and rules[0] not in text
    assert text.splitlines()[0].startswith(f"sample of 60 of 410 mutants of models/, seed 4:"
                                           f" the {len(db)} of package db")


def test_an_unknown_package_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "pick", "800", "20", "exprt"])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(""))
    with pytest.raises(SystemExit, match="unknown package 'exprt'"):
        ms.main()


def test_changing_one_file_leaves_the_sample_of_the_others_as_it_was() -> None:
    # a fix or a simplification renumbers the mutants of the changed function only: the
    # sampled mutants of every other function are the same, so they need no judging again
    names = _population()
    before = ms.sample(names, 60, 9)
    changed = [n for n in names if ".vocab." not in n] + [
        f"models.vocab.x_g__mutmut_{i}" for i in range(1, 4)]
    after = ms.sample(changed, 60, 9)
    kept = [n for n in before if ".vocab." not in n]
    assert set(kept) <= set(after)


# The overall score from each package's own measurement (stratified: docs/mutation.md,
# "session 6: the overall score of models/").

def test_a_stratified_score_weighs_each_package_by_its_share_of_the_mutants() -> None:
    # A: 1,000 mutants, 100 sampled, 80 killed; B: 3,000 mutants all judged, 2,850 killed
    got = ms.stratified([ms.Stratum("A", 1000, 100, 80), ms.Stratum("B", 3000, 3000, 2850)])
    assert got.score == pytest.approx(0.25 * 0.80 + 0.75 * 0.95)          # 0.9125
    # only the sampled package varies: W² (1 - n/N) p(1-p)/(n-1) = 1/16 · 0.9 · 0.16 / 99
    assert got.std_error == pytest.approx((0.0625 * 0.9 * 0.16 / 99) ** 0.5)  # 0.00953
    assert got.effective_n == pytest.approx(0.9125 * 0.0875 / (0.0625 * 0.9 * 0.16 / 99))
    assert got.interval == pytest.approx(ms.wilson_share(0.9125, got.effective_n))
    low, high = got.interval
    assert 0.89 < low < 0.9125 < high < 0.932


def test_one_sampled_package_alone_gives_about_its_wilson_interval() -> None:
    got = ms.stratified([ms.Stratum("db", 1_000_000, 200, 170)])
    assert got.score == pytest.approx(0.85)
    assert got.interval == pytest.approx(ms.wilson(170, 200), abs=2e-3)


def test_packages_judged_whole_leave_no_sampling_error() -> None:
    got = ms.stratified([ms.Stratum("A", 100, 100, 90), ms.Stratum("B", 300, 300, 297)])
    assert got.score == pytest.approx(0.25 * 0.9 + 0.75 * 0.99)
    assert got.std_error == 0.0
    assert got.interval == pytest.approx((got.score, got.score))


def test_a_package_with_every_sampled_mutant_killed_is_not_taken_as_certain() -> None:
    # p = 1 in a sample of 5 has a zero variance estimate; the interval still allows less
    got = ms.stratified([ms.Stratum("A", 1000, 5, 5)])
    assert got.score == 1.0
    assert got.interval[0] < 0.6


def test_unjudged_sampled_mutants_give_bounds_all_killed_and_all_survived() -> None:
    strata = [ms.Stratum("A", 1000, 90, 80, not_run=10), ms.Stratum("B", 3000, 3000, 2850)]
    low, high = ms.stratified_bounds(strata)
    assert low.score == pytest.approx(0.25 * 0.80 + 0.75 * 0.95)
    assert high.score == pytest.approx(0.25 * 0.90 + 0.75 * 0.95)
    judged = ms.stratified(strata)
    assert judged.score == pytest.approx(0.25 * 80 / 90 + 0.75 * 0.95)


def test_strata_are_read_from_the_command_line_and_reported(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "stratify",
                                      "A=1000:80:72:20", "B=3000:3000:2880"])
    ms.main()
    out = capsys.readouterr().out
    rows = {line.split()[0]: line for line in out.splitlines() if line[:1] in "AB"}
    assert rows["A"].split()[1:5] == ["1000", "100", "80", "72"]
    assert rows["B"].split()[1:5] == ["3000", "3000", "3000", "2880"]
    assert "stratified score of the judged: 94.5 %" in out      # 0.25 · 0.9 + 0.75 · 0.96
    assert "bounds with every sampled mutant: 90.0 % – 95.0 %" in out


def test_a_malformed_stratum_is_refused_by_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "stratify", "A=1000:90"])
    with pytest.raises(SystemExit, match="'A=1000:90'"):
        ms.main()


def test_a_file_sample_is_drawn_from_that_file_alone(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    # a file too big to judge whole in a session is estimated from its own sample: every
    # drawn mutant is that file's, and the same seed draws the same ones
    names = _population()
    lines = "".join(f"{n}: killed\n" for n in names)
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "pick", "30", "4",
                                      "models/db/fields.py"])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(lines.replace(
        "killed", "not checked")))
    ms.main()
    picked = capsys.readouterr().out.split()
    assert len(picked) == 30 and all(".db.fields." in n for n in picked)
    assert picked == ms.sample([n for n in names if ".db.fields." in n], 30, 4)
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "report", "30", "4",
                                      "models/db/fields.py"])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO(lines))
    ms.main()
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "sample of 30 of 100 mutants of models/db/fields.py, seed 4"
    assert text.splitlines()[2].split()[:5] == ["db", "100", "30", "30", "30"]


def test_the_draw_in_hash_order_has_every_prefix_a_smaller_sample_of_the_same_seed() -> None:
    # judged in this order, whatever prefix is judged by a stop is itself the uniform
    # sample of its size (no cheapest-first bias)
    names = _population()
    order = ms.in_draw_order(names, 120, 9)
    assert len(order) == 120 and set(order) == set(ms.sample(names, 120, 9))
    for k in (1, 17, 60, 120):
        assert set(order[:k]) == set(ms.sample(names, k, 9))


def test_draw_prints_the_named_mutants_in_judging_order(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    names = _population()
    monkeypatch.setattr(sys, "argv", ["mutation_sample.py", "draw", "25", "3"])
    monkeypatch.setattr(sys, "stdin", __import__("io").StringIO("\n".join(names) + "\n"))
    ms.main()
    assert capsys.readouterr().out.split() == ms.in_draw_order(names, 25, 3)


def test_names_lists_every_generated_mutant_by_module(tmp_path: Path) -> None:
    # the population straight from mutmut's generated files, without a mutmut run
    rules = tmp_path / "models" / "rules"
    rules.mkdir(parents=True)
    (tmp_path / "models" / "__init__.py").write_text("")
    (rules / "cards.py").write_text(
        "def x_f__mutmut_orig(a):\n    return a\n"
        "def x_f__mutmut_1(a):\n    return None\n"
        "def x_f__mutmut_2(a):\n    return a\n"
        "class Card:\n"
        "    def xǁCardǁsize__mutmut_1(self):\n        return 0\n")
    assert ms.generated_names(tmp_path) == [
        "models.rules.cards.x_f__mutmut_1", "models.rules.cards.x_f__mutmut_2",
        "models.rules.cards.xǁCardǁsize__mutmut_1"]
