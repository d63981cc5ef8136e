#!/usr/bin/env bash
# Proof that a refactoring of the JIT changes no behaviour: the LBBV counters (versions, type tests
# emitted and executed, class checks, helper calls, code bytes, exits, ...) and the machine code of
# two builds are the same on every program.
#
#   bench/check_counters.sh record LBBV OUT   run every bench program under four settings (default;
#                                             compile at first execution; one version per block;
#                                             both) and every tests/programs program eagerly, with
#                                             LBBV (a built `lbbv`); save the counters in OUT, and
#                                             the machine code (--dump-asm) of the bench programs
#                                             and every run's output and exit status
#   bench/check_counters.sh compare A B       compare two such directories; exit 1 on a difference
#
# QUICK=1 records the bench programs only, and compares only the files both directories have.
#
# Wall times and RSS are not compared (lbbv_compile_time_us, lbbv_link_time_us, peak_rss_bytes).
# Counters that only the second build has are listed as new, not as differences. Machine code is
# compared with addresses and absolute immediates (heap objects, helpers) masked.
set -euo pipefail
cd "$(dirname "$0")/.."

settings=(
  "default:"
  "eager:--call-threshold 0 --loop-threshold 0"
  "maxv1:--max-versions 1"
  "eager-maxv1:--call-threshold 0 --loop-threshold 0 --max-versions 1"
)

# Masks what differs between two runs of one build: code addresses, and absolute immediates (the
# addresses of heap objects and helpers, always a mov r64, imm64).
normalize_asm() {
  python3 -c '
import re, sys
for line in sys.stdin:
    m = re.match(r"  [0-9a-f]{12}  ([0-9a-f]+) +(.*)", line)
    if m:
        code, text = m.group(1), m.group(2)
        if len(code) == 20 and re.match(r"4[89]b[89a-f]", code):  # mov r64, imm64
            code, text = code[:4] + "<imm64>", re.sub(r"[0-9A-F]{9,}h", "ADDR", text)
        line = f"  {code}  {text}\n"
    print(re.sub(r" at 0x[0-9a-f]+,", ",", line), end="")
'
}

# run OUT COMMAND...: runs the command, keeps its output and exit status in OUT.out (a program
# that raises or exits non-zero still writes its counters).
run() {
  local out=$1; shift
  local status=0
  "$@" > "$out.out" 2>&1 < /dev/null || status=$?
  echo "exit status $status" >> "$out.out"
}

record() {
  local lbbv=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  for p in bench/programs/*.py; do
    local n; n=$(basename "$p" .py)
    for s in "${settings[@]}"; do
      local name=${s%%:*} args=${s#*:}
      # shellcheck disable=SC2086
      run "$out/$n.$name" "$lbbv" run --stats-json "$out/$n.$name.json" $args "$p"
    done
    "$lbbv" run --dump-asm "$p" 2>&1 >/dev/null | normalize_asm > "$out/$n.asm"
  done
  [[ ${QUICK:-} == 1 ]] && return
  for p in tests/programs/*.py; do
    local n; n=$(basename "$p" .py)
    run "$out/test-$n" "$lbbv" run --stats-json "$out/test-$n.json" --call-threshold 0 --loop-threshold 0 "$p"
  done
}

compare() {
  python3 - "$1" "$2" <<'EOF'
import json, os, sys
a, b = sys.argv[1], sys.argv[2]
ignored = {"lbbv_compile_time_us", "lbbv_link_time_us", "peak_rss_bytes"}
bad = 0
added = set()
files = sorted(set(os.listdir(a)) | set(os.listdir(b)))
if os.environ.get("QUICK") == "1":
    files = sorted(set(os.listdir(a)) & set(os.listdir(b)))
for f in files:
    pa, pb = os.path.join(a, f), os.path.join(b, f)
    if not (os.path.exists(pa) and os.path.exists(pb)):
        print(f"{f}: only in {a if os.path.exists(pa) else b}"); bad += 1; continue
    if f.endswith(".asm") or f.endswith(".out"):
        if open(pa).read() != open(pb).read():
            what = "machine code" if f.endswith(".asm") else "output"
            print(f"{f}: {what} differs (diff {pa} {pb})"); bad += 1
        continue
    ja, jb = json.load(open(pa)), json.load(open(pb))
    for k in sorted(set(ja) | set(jb)):
        if k not in ja:
            added.add(k); continue  # a new counter changes no behaviour; listed below
        if k not in ignored and ja.get(k) != jb.get(k):
            print(f"{f}: {k} {ja.get(k)} -> {jb.get(k)}"); bad += 1
counters = sum(1 for f in files if f.endswith(".json"))
listings = sum(1 for f in files if f.endswith(".asm"))
outputs = sum(1 for f in files if f.endswith(".out"))
if added:
    print(f"counters only in {b} (new, not compared): {', '.join(sorted(added))}")
print(f"{counters} counter files, {outputs} outputs and {listings} listings compared: "
      + ("identical" if bad == 0 else f"{bad} differences"))
sys.exit(1 if bad else 0)
EOF
}

case ${1:-} in
  record) record "$2" "$3" ;;
  compare) compare "$2" "$3" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
