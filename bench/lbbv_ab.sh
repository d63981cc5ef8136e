#!/usr/bin/env bash
# Alternating A/B of two lbbv builds with `lbbv compare --runs 1`: for each of N rounds (default
# 3), every bench program under build A then build B, one process each, outputs in OUT/a and OUT/b.
# Summarize each side with: python3 bench/compare_table.py OUT/a (and OUT/b).
# Usage: bench/lbbv_ab.sh A/lbbv B/lbbv OUT [ROUNDS]
set -euo pipefail
a=$1 b=$2 out=$3 rounds=${4:-3}
cd "$(dirname "$0")/.."
rm -rf "$out"; mkdir -p "$out/a" "$out/b"
for i in $(seq 1 "$rounds"); do
  for p in bench/programs/*.py; do
    n=$(basename "$p" .py)
    "$a" compare --runs 1 "$p" > "$out/a/$n.$i.txt" 2>&1
    "$b" compare --runs 1 "$p" > "$out/b/$n.$i.txt" 2>&1
  done
done
