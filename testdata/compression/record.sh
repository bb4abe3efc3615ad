#!/bin/sh
# Makes the compressed test files from a perf script already in testdata/ with Debian 12's bzip2 1.0.8 and
# zstd 1.5.4 command-line tools. Run from this folder: sh record.sh
set -eu
src=../perf-script/perf-java-faults-01.txt
bzip2 -9 -c "$src" > perf-java-faults-01.txt.bz2
zstd -19 -q -c "$src" > perf-java-faults-01.txt.zst
# Several streams end to end, as pbzip2/lbzip2 and zstd -T (or cat a.zst b.zst) write them.
lines=$(wc -l < "$src")
half=$((lines / 2))
{ head -n "$half" "$src" | bzip2 -c; tail -n +"$((half + 1))" "$src" | bzip2 -c; } > perf-java-faults-01.multi.bz2
{ head -n "$half" "$src" | zstd -q -c; tail -n +"$((half + 1))" "$src" | zstd -q -c; } > perf-java-faults-01.multi.zst
# Decompression bombs: 1 GiB of 'a' without a newline (786 and 33,006 bytes compressed).
head -c 1073741824 /dev/zero | tr '\0' a | bzip2 -9 > bomb-1GiB-one-line.bz2
head -c 1073741824 /dev/zero | tr '\0' a | zstd -19 -q > bomb-1GiB-one-line.zst
