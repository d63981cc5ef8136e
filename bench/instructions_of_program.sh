#!/bin/bash
# Instructions one whole `lbbv run` of a plain program executes (start-up, compilation and the run),
# counted by callgrind: stable on a shared, noisy machine, unlike times. bench/instructions_per_run.sh
# does the same for pyperformance benchmarks, per run.
#
#   bench/instructions_of_program.sh LBBV ENGINE PROGRAM.py [RUN OPTIONS...]
#   bench/instructions_of_program.sh /tmp/x/new/lbbv trace bench/programs/nbody.py
#
# LBBV is best the Native AOT binary, copied alone to a scratch folder (valgrind cannot read lbbv.dbg).
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,10p' "$0"; exit 2; fi
lbbv=$(realpath "$1"); engine=$2; program=$(realpath "$3"); shift 3
count=$(cd "$(dirname "$program")" && valgrind --tool=callgrind --callgrind-out-file=/dev/null "$lbbv" run \
    --jit "$engine" "$@" "$program" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
echo "$(basename "$program" .py) $engine: $count instructions"
