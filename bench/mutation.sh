#!/usr/bin/env bash
# Mutation score of the domain (issue 20), per file.
#
#   bench/mutation.sh                 files of models/ changed against main (else all of models/)
#   bench/mutation.sh --all           every file of models/
#   bench/mutation.sh models/db/fields.py models/rules/cards.py   the named files
#   bench/mutation.sh --again FILE…   judge the survivors of FILE again (after new tests)
#   bench/mutation.sh --score FILE…   only print the scores already measured
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
export JOURNEYMAP_HYPOTHESIS_PROFILE=mutation
if [[ $mode != score ]]; then
    if [[ -d mutants ]]; then
        wanted="not checked"
        [[ $mode == again ]] && wanted="not checked|survived|no tests"
        mapfile -t names < <("$MUTMUT" results --all true \
            | "$PY" bench/mutation_score.py --names "$wanted" "${globs[@]}")
    else
        names=("${globs[@]}")
    fi
    echo "mutating ${#globs[@]} files: ${#names[@]} mutants to judge, $CHILDREN test processes" >&2
    if [[ ${#names[@]} -gt 0 ]]; then
        nice "$MUTMUT" run --max-children "$CHILDREN" "${names[@]}" >&2 || true
    fi
fi
"$MUTMUT" results --all true | "$PY" bench/mutation_score.py "${globs[@]}"
