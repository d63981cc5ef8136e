#!/bin/bash
# Whole-process instructions (callgrind) of the register cache's loop programs, two builds side by side,
# per engine and setting: the table of bench/README.md, "Float locals across loop edges".
#
#   bench/loop_registers_table.sh BASE_LBBV NEW_LBBV [ENGINE:OPTIONS ...]
#   bench/loop_registers_table.sh /tmp/base-lbbv/lbbv /tmp/new/lbbv lbbv trace trace:--trace-loop-registers
#
# Each LBBV binary alone in its folder (valgrind cannot read lbbv.dbg). OPTIONS (comma-separated) go
# to the new build only. Prints: program, setting, base, new, change in percent.
set -euo pipefail
if [ $# -lt 2 ]; then sed -n '2,9p' "$0"; exit 2; fi
base=$1; new=$2; shift 2
settings=("${@:-lbbv trace}")
[ $# -eq 0 ] && settings=(lbbv trace)
here=$(cd "$(dirname "$0")" && pwd)
programs=(programs/nbody programs/spectral_norm programs/fannkuch programs/maze_jumps programs/float_points
    extra/int_while_loops extra/float_helpers extra/float_accumulate extra/collatz_nested extra/short_script)
for p in "${programs[@]}"; do
    for setting in "${settings[@]}"; do
        engine=${setting%%:*}; options=()
        [[ $setting == *:* ]] && IFS=, read -ra options <<< "${setting#*:}"
        b=$("$here/instructions_of_program.sh" "$base" "$engine" "$here/$p.py" | awk '{print $3}')
        n=$("$here/instructions_of_program.sh" "$new" "$engine" "$here/$p.py" "${options[@]}" | awk '{print $3}')
        printf '%-24s %-34s %13s %13s %+7.2f%%\n' "$(basename "$p")" "$setting" "$b" "$n" \
            "$(echo "($n - $b) * 100 / $b" | bc -l)"
    done
done
