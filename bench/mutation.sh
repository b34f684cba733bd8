#!/usr/bin/env bash
# Mutation score of the domain (issue 20), per file.
#
#   bench/mutation.sh                 files of models/ changed against main (else all of models/)
#   bench/mutation.sh --all           every file of models/
#   bench/mutation.sh models/db/fields.py models/rules/cards.py   the named files
#   bench/mutation.sh --again FILE…   judge the survivors of FILE again (after new tests)
#   bench/mutation.sh --score FILE…   only print the scores already measured
#   bench/mutation.sh --sample N [--seed S] [--again] [--package NAME]
#                                     estimated score of ALL of models/ from N mutants drawn
#                                     at random (seed S, default 20), with a 95 % interval,
#                                     per package, and the sampled survivors; with --package
#                                     (db, export, rules, tickets, live) only that package's
#                                     part of the same sample is judged and reported
#                                     (bench/mutation_sample.py; docs/mutation.md, "Sampling")
#   bench/mutation.sh --sample N --file models/tickets/facts.py   N mutants drawn from that
#                                     file's own mutants: the file's estimated score
#   bench/mutation.sh --direct FILE [TESTFILE…]   judge every mutant of FILE directly, in one
#                                     process at nice 19 (bench/mutation_judge.py), with the
#                                     named test files (default: FILE's own spec and test
#                                     files); verdicts in mutants/judged/<module>.log
#   bench/mutation.sh --direct --wide FILE [TESTFILE…]   judge FILE's first-pass survivors
#                                     again with every tests/models file importing it
#                                     (mutants/judged/<module>.wide.log)
#   bench/mutation.sh --direct --stats FILE   judge every mutant of FILE with exactly the
#                                     tests mutmut would run for it: those that call its
#                                     function in one clean stats run of the mutation selection
#                                     (bench/mutation_stats.py, mutants/judged-stats/stats.json,
#                                     run again when a .py of models/ or tests/models is newer);
#                                     a survivor is then a mutmut survivor, not a lower bound
#                                     (mutants/judged-stats/<module>.log)
#
# mutmut 3 (configured in pyproject.toml, [tool.mutmut]) copies the project into mutants/
# and judges every mutant with the tests of tests/models that run the mutated function.
# mutmut re-judges every mutant it is named, killed ones too, so this script names only
# the mutants not judged yet (or, with --again, the survivors): a second run of a file
# costs only what is new.  The machine is shared: at most MUTMUT_CHILDREN (default 2) test
# processes at a time.  The score of a file is killed (or timed out) / mutants tested;
# "no tests" counts as a survivor, because no test noticed the change.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
MUTMUT=${MUTMUT:-.venv/bin/mutmut}
CHILDREN=${MUTMUT_CHILDREN:-2}
export JOURNEYMAP_HYPOTHESIS_PROFILE=mutation

if [[ ${1:-} == "--direct" ]]; then
    shift
    widen=no stats=no
    case ${1:-} in
        --wide) widen=yes; shift ;;
        --stats) stats=yes; shift ;;
    esac
    file=${1:?--direct needs a file of models/}
    shift
    mod=${file%.py}
    mod=${mod//\//.}
    [[ $PY == /* ]] || PY=$PWD/$PY
    nice -n 19 "$PY" bench/mutation_sample.py generate >/dev/null
    if [[ $stats == yes ]]; then
        stats_file=judged-stats/stats.json
        if [[ ! -s mutants/$stats_file ]] || [[ -n $(find models tests/models pyproject.toml \
                -name '*.py' -newer "mutants/$stats_file" -o -name pyproject.toml \
                -newer "mutants/$stats_file" | head -1) ]]; then
            echo "stats run of the mutation selection (one clean run): mutants/$stats_file" >&2
            (cd mutants && PYTHONPATH=$PWD nice -n 19 "$PY" ../bench/mutation_stats.py collect \
                "$stats_file")
        fi
        echo "judging $file with the stats selection: mutants/judged-stats/$mod.log" >&2
        (cd mutants && PYTHONPATH=$PWD nice -n 19 "$PY" ../bench/mutation_judge.py judge \
            "judged-stats/$mod.log" "$mod" --stats "$stats_file")
        (cd mutants && "$PY" ../bench/mutation_judge.py score judged-stats)
        exit 0
    fi
    tests=("$@")
    log=judged/$mod.log
    if [[ $widen == yes ]]; then
        [[ ${#tests[@]} -gt 0 ]] || mapfile -t tests < <("$PY" bench/mutation_judge.py wide "$file")
        (cd mutants && "$PY" ../bench/mutation_judge.py survivors "$log") >"mutants/judged/$mod.survivors"
        export JUDGE_NAMES=$PWD/mutants/judged/$mod.survivors
        log=judged/$mod.wide.log
    else
        [[ ${#tests[@]} -gt 0 ]] || mapfile -t tests < <("$PY" bench/mutation_judge.py first "$file")
    fi
    echo "judging $file directly with ${#tests[@]} test files: mutants/$log" >&2
    (cd mutants && PYTHONPATH=$PWD nice -n 19 "$PY" ../bench/mutation_judge.py judge "$log" \
        "$mod" "${tests[@]}")
    (cd mutants && "$PY" ../bench/mutation_judge.py score judged)
    exit 0
fi

if [[ ${1:-} == "--sample" ]]; then
    size=${2:?--sample needs a number of mutants}
    shift 2
    seed=20 again=no package=""
    while [[ $# -gt 0 ]]; do
        case $1 in
            --seed) seed=${2:?--seed needs a number}; shift 2 ;;
            --package) package=${2:?--package needs a name}; shift 2 ;;
            --file) package=${2:?--file needs a path}; shift 2 ;;
            --again) again=yes; shift ;;
            *) echo "unknown option $1" >&2; exit 2 ;;
        esac
    done
    if [[ -n $package ]]; then
        "$PY" bench/mutation_sample.py report 0 0 "$package" </dev/null >/dev/null
    fi
    nice "$PY" bench/mutation_sample.py generate >/dev/null
    pick=pick
    [[ $again == yes ]] && pick=pick-again
    mapfile -t names < <("$MUTMUT" results --all true | "$PY" bench/mutation_sample.py "$pick" "$size" "$seed" "$package")
    echo "sample of $size (seed $seed): ${#names[@]} mutants to judge, $CHILDREN test processes" >&2
    if [[ ${#names[@]} -gt 0 ]]; then
        nice "$MUTMUT" run --max-children "$CHILDREN" "${names[@]}" >&2 || true
    fi
    "$MUTMUT" results --all true | "$PY" bench/mutation_sample.py report "$size" "$seed" "$package"
    exit 0
fi

mode=new
case ${1:-} in
    --again) mode=again; shift ;;
    --score) mode=score; shift ;;
esac
if [[ ${1:-} == "--all" ]]; then
    files=$(git ls-files 'models/*.py')
elif [[ $# -gt 0 ]]; then
    files="$*"
else
    files=$(git diff --name-only main -- 'models/*.py'; git ls-files --others --exclude-standard 'models/*.py')
    [[ -z $files ]] && files=$(git ls-files 'models/*.py')
fi
files=$(printf '%s\n' $files | grep -v '__init__\.py$' | sort -u)

globs=()
for f in $files; do
    mod=${f%.py}
    globs+=("${mod//\//.}.*")
done
if [[ $mode != score ]]; then
    # Write the mutants first (no tests run), so a file never mutated before is listed too.
    nice "$PY" bench/mutation_sample.py generate >/dev/null
    wanted="not checked"
    [[ $mode == again ]] && wanted="not checked|survived|no tests"
    mapfile -t names < <("$MUTMUT" results --all true \
        | "$PY" bench/mutation_score.py --names "$wanted" "${globs[@]}")
    echo "mutating ${#globs[@]} files: ${#names[@]} mutants to judge, $CHILDREN test processes" >&2
    if [[ ${#names[@]} -gt 0 ]]; then
        nice "$MUTMUT" run --max-children "$CHILDREN" "${names[@]}" >&2 || true
    fi
fi
"$MUTMUT" results --all true | "$PY" bench/mutation_score.py "${globs[@]}"
if [[ $mode == score ]]; then
    for judged in mutants/judged mutants/judged-stats; do
        if [[ -d $judged ]]; then "$PY" bench/mutation_judge.py score "$judged"; fi
    done
fi
