#!/bin/sh
# Records the attached-profile test data: two hyperfine runs of work.c (baseline VERSION=1, candidate VERSION=2,
# both binaries called "work" and the benchmark named "work") and a perf profile of each version. Run as root in a
# scratch folder; perf needs no hardware counters (cpu-clock), and DWARF unwinding keeps the callers of leaf
# functions that frame pointers lose.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for v in 1 2; do
    mkdir -p v$v
    gcc -O1 -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer -DVERSION=$v -o v$v/work "$here/work.c"
    hyperfine --warmup 2 --runs 12 --command-name work --export-json "$here/work-v$v.hyperfine.json" "./v$v/work 12"
    perf record -e cpu-clock -F 499 --call-graph dwarf -o work-v$v.data -- ./v$v/work 150
    perf script -i work-v$v.data > "$here/work-v$v.perf.txt"
done
