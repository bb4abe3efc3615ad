#!/bin/sh
# Records what `go tool pprof -top` (go1.19.8, Debian golang-go 2:1.19~1) prints for every pprof file here and
# every sample type in it, into expected/FILE.SAMPLE_TYPE.top (sorted by flat) and .cum.top (sorted by cum).
# -nodefraction=0 keeps every node, so "Showing top N nodes out of M" counts all functions; -unit=ns or -unit=B
# prints exact integers instead of rounded seconds or megabytes. Run from this folder: sh record-expected.sh
set -eu
cd "$(dirname "$0")"
top() { # FILE SAMPLE_INDEX UNIT OUT [-cum]
    go tool pprof -top -nodecount=25 -nodefraction=0 -sample_index="$2" ${3:+-unit=$3} ${5:-} "$1" > "$4" 2>&1
}
record() { # FILE then SAMPLE_TYPE:UNIT ...
    f=$1; shift
    for spec in "$@"; do
        st=${spec%%:*}; unit=${spec#*:}
        top "$f" "$st" "$unit" "expected/$f.$st.top"
        top "$f" "$st" "$unit" "expected/$f.$st.cum.top" -cum
    done
}
record go.cpu.pprof samples: cpu:ns
record go.mem.pprof alloc_objects: alloc_space:B inuse_objects: inuse_space:B
record go.block.pprof contentions: delay:ns
record async-profiler.cpu.pb.gz cpu:
record async-profiler.alloc.pb.gz allocations:
record async-profiler.cpu-total.pprof cpu:ns
