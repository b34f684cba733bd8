#!/usr/bin/env bash
# Mutation score of the domain (issue 20), per file.
#
#   bench/mutation.sh                 files of models/ changed against main (else all of models/)
#   bench/mutation.sh --all           every file of models/
#   bench/mutation.sh models/db/fields.py models/rules/cards.py   the named files
#
# mutmut 3 (configured in pyproject.toml, [tool.mutmut]) copies the project into mutants/
# and judges every mutant with the tests of tests/models that run the mutated function.
# The machine is shared: at most MUTMUT_CHILDREN (default 2) test processes at a time.
# The score of a file is killed (or timed out) / mutants tested; "no tests" counts as a
# survivor, because no test noticed the change.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
MUTMUT=${MUTMUT:-.venv/bin/mutmut}
CHILDREN=${MUTMUT_CHILDREN:-2}

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
echo "mutating ${#globs[@]} files with $CHILDREN test processes" >&2
export JOURNEYMAP_HYPOTHESIS_PROFILE=mutation
nice "$MUTMUT" run --max-children "$CHILDREN" "${globs[@]}" >&2 || true

"$MUTMUT" results --all true | "$PY" bench/mutation_score.py "${globs[@]}"
