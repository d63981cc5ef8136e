#!/usr/bin/env bash
# Steady state of several lbbv builds, alternating: for each of ROUNDS rounds, every bench program
# under each build in turn, one `lbbv compare --runs 1` process each (in-process times, no
# start-up), outputs in OUT/NAME/PROGRAM.ROUND.txt; PROGRAMS (a list of .py files) replaces the
# bench programs. Summarize with
#   python3 bench/startup/steady_state.py OUT/NAME ...
# Usage: bench/startup/steady_state.sh OUT ROUNDS NAME=LBBV [NAME=LBBV ...]
set -euo pipefail
out=$1 rounds=$2; shift 2
cd "$(dirname "$0")/../.."
for spec in "$@"; do mkdir -p "$out/${spec%%=*}"; done
for i in $(seq 1 "$rounds"); do
  for p in ${PROGRAMS:-bench/programs/*.py}; do
    n=$(basename "$p" .py)
    for spec in "$@"; do
      "${spec#*=}" compare --runs 1 "$p" > "$out/${spec%%=*}/$n.$i.txt" 2>&1
    done
  done
done
