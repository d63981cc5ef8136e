#!/bin/bash
# Instructions of whole `lbbv run` processes (callgrind) of several programs under several engines for
# two builds, two jobs at a time, with each run's exit status and a digest of its output, so a slower
# program and a program the old build cannot run are both visible. One line per run in OUT/runs.txt:
#   PROGRAM ENGINE BUILD INSTRUCTIONS EXIT_STATUS OUTPUT_MD5
# then a table (bench/no_slower.py OUT/runs.txt prints it with ratios).
#
#   bench/no_slower.sh OUT OLD_LBBV NEW_LBBV "lbbv trace off" bench/programs/*.py bench/extra/*.py
#
# Each LBBV is best a Native AOT binary copied alone to a scratch folder (valgrind cannot read lbbv.dbg).
set -euo pipefail
if [ $# -lt 5 ]; then sed -n '2,10p' "$0"; exit 2; fi
out=$1 old=$(realpath "$2") new=$(realpath "$3") engines=$4; shift 4
mkdir -p "$out"
one() {
    local program=$1 engine=$2 build=$3 bin=$4 dir log
    dir=$(dirname "$program"); log=$(mktemp)
    set +e
    (cd "$dir" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" run --jit "$engine" \
        "$(basename "$program")" > "$log.out" 2> "$log")
    local rc=$?
    set -e
    local count md5
    count=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$log")
    md5=$(md5sum < "$log.out" | cut -c1-8)
    echo "$(basename "$program" .py) $engine $build ${count:-0} $rc $md5"
    rm -f "$log" "$log.out"
}
export -f one
for engine in $engines; do
    for p in "$@"; do
        printf '%s %s old %s\n%s %s new %s\n' "$(realpath "$p")" "$engine" "$old" "$(realpath "$p")" "$engine" "$new"
    done
done | xargs -P 2 -L 1 bash -c 'one "$@"' _ >> "$out/runs.txt"
