#!/usr/bin/env bash
# Instructions (callgrind's Ir: stable on a shared, noisy machine, unlike times) of one whole
# `lbbv run --jit ENGINE` process per program, for comparing two builds of the same code. LBBV is
# best the Native AOT binary; valgrind cannot read its lbbv.dbg, so it is copied alone to a
# scratch folder first. Prints "program instructions" lines.
#   bench/startup/instructions.sh LBBV ENGINE PROGRAM.py...
#   bench/startup/instructions.sh Lbbv/bin/Release/net10.0/linux-x64/publish/lbbv off \
#       bench/programs/*.py bench/extra/words_and_calls.py
set -euo pipefail
if [ $# -lt 3 ]; then sed -n '2,8p' "$0"; exit 2; fi
lbbv=$(realpath "$1"); engine=$2; shift 2
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
cp "$lbbv" "$scratch/lbbv"
for p in "$@"; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$scratch/lbbv" run --jit "$engine" "$p" \
        2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
    echo "$(basename "$p" .py) $n"
done
