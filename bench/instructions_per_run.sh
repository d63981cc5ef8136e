#!/bin/bash
# Instructions a pyperformance benchmark executes under one engine, counted by callgrind (stable on a
# shared, noisy machine, unlike times): the first run (start-up and compilation included) and each later
# run in the same process ((Ir of N values - Ir of one value) / (N - 1)), with one loop per value.
#
#   bench/instructions_per_run.sh LBBV ENGINE BENCHMARK_FOLDER [N] [RUN OPTIONS...]
#   bench/instructions_per_run.sh Lbbv/bin/Release/net10.0/linux-x64/publish/lbbv lbbv \
#       ../shared/corpus/pyperformance/richards 4
#
# RUN OPTIONS go to `lbbv run` (e.g. --link reemit). A .py file instead of a benchmark folder (a
# bench/programs program) is counted once, whole process, with N ignored:
#
#   bench/instructions_per_run.sh /tmp/x/lbbv lbbv bench/programs/bigint.py 1 --link reemit
#
# LBBV is best the Native AOT binary (`dotnet publish -c Release Lbbv`); valgrind cannot read its
# lbbv.dbg, so the binary is copied alone to a scratch folder first.
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,16p' "$0"; exit 2; fi
lbbv=$(realpath "$1"); engine=$2; folder=$(realpath "$3"); n=${4:-4}; shift $(( $# < 4 ? $# : 4 ))
options=("$@")
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
cp "$lbbv" "$scratch/lbbv"
if [[ "$folder" == *.py ]]; then
    total=$(cd "$(dirname "$folder")" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$scratch/lbbv" \
        run --jit "$engine" ${options[@]+"${options[@]}"} "$(basename "$folder")" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    echo "$(basename "$folder") $engine ${options[*]-}: whole process $total instructions"
    exit 0
fi
count() {
    (cd "$folder" && LBBV_PYPERF_VALUES=$1 LBBV_PYPERF_WARMUPS=0 LBBV_PYPERF_LOOPS=1 \
        valgrind --tool=callgrind --callgrind-out-file=/dev/null "$scratch/lbbv" run --jit "$engine" \
        ${options[@]+"${options[@]}"} run_benchmark.py 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
}
first=$(count 1); all=$(count "$n")
echo "$(basename "$folder") $engine: first run $first instructions, each later run $(( (all - first) / (n - 1) ))"
